"""What follows, in the apps above, when the payment of a membership is recorded: such an app
registers ``function(membership, *, by) -> int`` with :func:`on_payment_recorded` (the
registrations that waited for this *cotisation* are confirmed, see ``registrations/hooks.py``).
:func:`~essaim.memberships.services.record_payment` runs them in its transaction, once the
membership is paid."""

from collections.abc import Callable

PaymentHook = Callable[..., int]
HOOKS: list[PaymentHook] = []


def on_payment_recorded(function: PaymentHook) -> PaymentHook:
    """Register ``function(membership, *, by)``; it returns how many things it changed."""
    if function not in HOOKS:
        HOOKS.append(function)
    return function


def run_payment_hooks(membership, *, by) -> int:
    return sum(hook(membership, by=by) for hook in HOOKS)
