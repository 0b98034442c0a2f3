"""The production server's access log, without the personal tokens that links carry.

A registration's page, a questionnaire, an invitation, the link to one's data, an address to
confirm, a new password: each is opened by a link whose token is the only key. Every URL
parameter named in :data:`PERSONAL_PARAMETERS` is such a token; ``essaim serve`` writes the
path (and the page it came from, ``Referer``) with each one replaced by :data:`HIDDEN`."""

from urllib.parse import quote, unquote, urlsplit, urlunsplit

from django.urls import Resolver404, resolve
from gunicorn.glogging import Logger

PERSONAL_PARAMETERS = frozenset({"token", "uidb64"})
HIDDEN = "[jeton]"


def without_tokens(path: str) -> str:
    """``path`` (a query string may follow) with each personal token of its URL replaced."""
    parts = urlsplit(path)
    try:
        match = resolve(unquote(parts.path))
    except Resolver404:
        return path
    secrets = {str(match.kwargs[name]) for name in PERSONAL_PARAMETERS & match.kwargs.keys()}
    if not secrets:
        return path
    segments = [
        HIDDEN if unquote(segment) in secrets else segment for segment in parts.path.split("/")
    ]
    return urlunsplit(parts._replace(path="/".join(segments)))


def url_without_tokens(url: str) -> str:
    """A whole address (a ``Referer``), its path without personal tokens."""
    if url in ("", "-"):
        return url
    parts = urlsplit(url)
    path = without_tokens(urlunsplit(("", "", parts.path or "/", parts.query, "")))
    cleaned = urlsplit(path)
    return urlunsplit(parts._replace(path=cleaned.path, query=cleaned.query))


class AccessLogWithoutTokens(Logger):
    """gunicorn's logger, whose request line, path and referrer hide personal tokens."""

    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        method, raw_uri, protocol = (
            environ["REQUEST_METHOD"],
            environ["RAW_URI"],
            environ["SERVER_PROTOCOL"],
        )
        atoms["r"] = f"{method} {without_tokens(raw_uri)} {protocol}"
        if atoms.get("U"):
            atoms["U"] = without_tokens(quote(atoms["U"]))
        atoms["f"] = url_without_tokens(atoms.get("f", "-"))
        if "{referer}i" in atoms:
            atoms["{referer}i"] = url_without_tokens(atoms["{referer}i"])
        return atoms
