"""The personal link to a person's data: an opaque random token, valid 24 hours, of which Essaim
keeps only a hash (``AccessLink``). No account is needed: receiving the link proves the mailbox
is theirs.

The token says nothing about the address, and travels in one request only: opening the link
keeps the access in the visitor's session and redirects to pages whose addresses carry no
token, so that it does not stay in the server's access logs, the browser's history or the
``Referer`` of a page opened from there."""

import datetime
import hashlib
import secrets

LINK_VALIDITY = datetime.timedelta(hours=24)
SESSION_KEY = "privacy_access_link"


class InvalidLink(Exception):
    """The link was altered, or is not one of ours."""


class ExpiredLink(InvalidLink):
    """The link is genuine but older than :data:`LINK_VALIDITY`."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
