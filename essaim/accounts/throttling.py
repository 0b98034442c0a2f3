"""Login throttling with two limits: a few failures for one account from one address, and more
failures from one address whatever the accounts tried (someone trying many addresses).

django-axes counts the failures of each group of ``AXES_LOCKOUT_PARAMETERS`` but compares them
all to one limit; this handler reads the first group (address and account) against
``AXES_FAILURE_LIMIT`` and the second (the address alone) against ``LOGIN_ADDRESS_FAILURE_LIMIT``.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


class AccountAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        for_account, for_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if for_address >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            # Past the limit of the address: at least the account's limit, so axes locks out.
            return max(for_account, for_address, settings.AXES_FAILURE_LIMIT)
        return for_account

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """A successful login clears the failures on that account only: signing in to one's own
        account must not clear the failures of the address on others."""
        for_account = self.filter_user_attempts(request, credentials)[0]
        count, _ = for_account.delete()
        return count
