"""Changing one's login address. The new address becomes the login only once the link sent to
it is followed: invitations and roles are matched by address, so an address must be proven
before anyone signs in with it. Asking says the same thing whether the address is free or
already another account's (the mailbox, not the page, learns which)."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse

from essaim.accounts.models import User
from essaim.accounts.tokens import EMAIL_CHANGE_VALIDITY, email_change_tokens
from essaim.lib.errors import DomainError
from essaim.mail.tasks import send_email


class EmailChangeError(DomainError):
    """A change of address that cannot be made; ``message`` is French."""


INVALID_LINK = (
    "Ce lien n'est plus valable : il a déjà servi, il a expiré, il a été envoyé pour un autre "
    "compte ou une autre adresse a été demandée depuis. Indiquez de nouveau la nouvelle adresse "
    "sur votre profil."
)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def request_email_change(*, user: User, new_email: str) -> None:
    """Keep ``new_email`` as pending and write to it: a confirmation link if no account uses
    it, else a notice that someone tried (nothing changes)."""
    address = normalise_email(new_email)
    with transaction.atomic():
        user.pending_email = "" if address == user.email else address
        user.save(update_fields=["pending_email"])
        if not user.pending_email:
            return
        taken = User.objects.exclude(pk=user.pk).filter(email__iexact=address).exists()
        message = _address_taken_email(address) if taken else _confirmation_email(user)
        transaction.on_commit(lambda: send_email.enqueue(**message))


def confirm_email_change(*, user: User, token: str) -> str:
    """Make the pending address the login address of ``user`` if ``token`` is the link sent to
    it, and tell the former address; returns the new address."""
    if not email_change_tokens.check_token(user, token):
        raise EmailChangeError(INVALID_LINK)
    former, address = user.email, user.pending_email
    taken = EmailChangeError(
        f"L'adresse {address} est désormais celle d'un autre compte : votre adresse reste {former}."
    )
    if User.objects.exclude(pk=user.pk).filter(email__iexact=address).exists():
        raise taken
    user.email, user.pending_email = address, ""
    try:
        with transaction.atomic():
            user.save(update_fields=["email", "pending_email"])
    except IntegrityError:  # taken in the meantime
        user.email, user.pending_email = former, address
        raise taken from None
    notice = _changed_notice_email(user, former=former)
    transaction.on_commit(lambda: send_email.enqueue(**notice))
    return address


def _email(*, subject: str, template: str, to: str, **context) -> dict:
    """The arguments of :func:`send_email` for the template ``accounts/<template>``, which may
    offer the page where one chooses a new password."""
    context["reset_url"] = settings.SITE_URL + reverse("accounts:password_reset")
    body = render_to_string(f"accounts/{template}", context)
    return {"subject": subject, "body": body, "to": [to]}


def _confirmation_email(user: User) -> dict:
    token = email_change_tokens.make_token(user)
    return _email(
        subject="Essaim : confirmer votre nouvelle adresse e-mail",
        template="email_change_email.txt",
        to=user.pending_email,
        user=user,
        url=settings.SITE_URL + reverse("accounts:confirm_email", args=[token]),
        hours=int(EMAIL_CHANGE_VALIDITY.total_seconds() // 3600),
    )


def _address_taken_email(address: str) -> dict:
    return _email(
        subject="Essaim : quelqu'un a voulu utiliser votre adresse",
        template="email_change_taken_email.txt",
        to=address,
        address=address,
    )


def _changed_notice_email(user: User, *, former: str) -> dict:
    return _email(
        subject="Essaim : votre adresse de connexion a changé",
        template="email_changed_email.txt",
        to=former,
        user=user,
        former=former,
    )
