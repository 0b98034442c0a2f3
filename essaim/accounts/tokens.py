"""The link that confirms a new login address: signed with the secret key, valid
:data:`EMAIL_CHANGE_VALIDITY`, and good for one change only (it is made from the current and the
pending address, so it stops working once the address has changed or another change is asked).
The link carries no address: nothing personal shows in a server's access logs."""

import datetime

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.http import base36_to_int

EMAIL_CHANGE_VALIDITY = datetime.timedelta(hours=24)


class EmailChangeTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "essaim.accounts.tokens.EmailChangeTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        return f"{user.pk}{user.email}{user.pending_email}{timestamp}"

    def check_token(self, user, token: str | None) -> bool:
        if not user.pending_email or not super().check_token(user, token):
            return False
        made_at = base36_to_int(token.split("-")[0])
        age = self._num_seconds(self._now()) - made_at
        return age <= EMAIL_CHANGE_VALIDITY.total_seconds()


email_change_tokens = EmailChangeTokenGenerator()
