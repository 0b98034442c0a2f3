"""The personal link to a person's data: their e-mail address, signed with the time it was
made and valid 24 hours. No account is needed: receiving the link proves the mailbox is theirs.

The address travels in the link as signed base64 rather than in clear text, so that it does not
show up as such in a server's access logs."""

import datetime
from dataclasses import dataclass

from django.core import signing

LINK_VALIDITY = datetime.timedelta(hours=24)
SALT = "essaim.privacy.access"


class InvalidLink(Exception):
    """The link was altered, or is not one of ours."""


class ExpiredLink(InvalidLink):
    """The link is genuine but older than :data:`LINK_VALIDITY`."""


@dataclass(frozen=True)
class AccessLink:
    email: str
    expires_at: datetime.datetime


def normalise_email(email: str) -> str:
    return email.strip().lower()


def sign_email(email: str) -> str:
    return signing.TimestampSigner(salt=SALT).sign_object(normalise_email(email))


def read_access_link(signed: str) -> AccessLink:
    """The address the link was made for and when it expires; raises :class:`ExpiredLink` or
    :class:`InvalidLink`."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        email = signer.unsign_object(signed, max_age=LINK_VALIDITY)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except (signing.BadSignature, ValueError):
        raise InvalidLink from None
    if not isinstance(email, str) or "@" not in email:
        raise InvalidLink
    _, timestamp, _ = signed.rsplit(signer.sep, 2)
    made_at = datetime.datetime.fromtimestamp(signing.b62_decode(timestamp), tz=datetime.UTC)
    return AccessLink(email=email, expires_at=made_at + LINK_VALIDITY)
