"""Pages kept while the data they show has not changed.

A view decorated with :func:`kept_page` is made once for a person, an address and a minute,
then served again from memory for as long as no table that its queries read has been written
since (the tables' generations, ``core/generations.py``, read in one query on every request).
What the page shows can thus never be older than the database, whatever wrote it: a form, the
API, the worker, another process or another machine. The minute in the key bounds what only
time changes (a registration deadline passing) to the minute.

A page is not kept when it is larger than :data:`LARGEST_KEPT_PAGE`, when the view wrote
something (its side effects must happen on every request), set a cookie, a header or a message,
answered anything but 200, or read what its own transaction has not committed. Pages are never
shared between people: each one's permissions are part of what made them. The CSRF token of the
forms is put in at each answer.

Every process keeps its pages in its own memory (the ``pages`` cache);
``ESSAIM_PAGE_CACHE_ENTRIES`` bounds how many, 0 turns keeping off.
"""

import hashlib
import secrets
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from essaim.core.kept_values import TIMEOUT, kept_value

TIME_STEP = TIMEOUT
# Pages bigger than this are made at every request: memory is bounded by their number too.
LARGEST_KEPT_PAGE = 256 * 1024
# Drawn by each process: a text that a person types into a page can never be it.
CSRF_PLACEHOLDER = f"jeton-csrf-{secrets.token_urlsafe(24)}"
_CAPTURING = "essaim_page_cache_capturing"


@dataclass(frozen=True, slots=True)
class Page:
    content: bytes
    content_type: str


def csrf_token_of(request: HttpRequest) -> str | None:
    """The token that a page being kept writes in its forms, put in at each answer; ``None``
    for the page made for this request alone (``core/context_processors.py``)."""
    return CSRF_PLACEHOLDER if getattr(request, _CAPTURING, False) else None


def kept_page(view):
    """Serve ``view``'s page from memory while the data it was made from has not changed."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not settings.PAGE_CACHE_ENTRIES or request.method != "GET" or _has_messages(request):
            return view(request, *args, **kwargs)
        user = request.user
        made = kept_value(
            _key(request, view),
            lambda: _make(request, view, args, kwargs),
            # Read by the middleware before the view: a role or a name that changes.
            also_read=[user._meta.db_table] if user.is_authenticated else [],
            keep=lambda made: isinstance(made, Page),
        )
        if isinstance(made, Page):
            return HttpResponse(_with_token(request, made.content), content_type=made.content_type)
        if not made.streaming:
            made.content = _with_token(request, made.content)
        return made

    return wrapper


def _make(request: HttpRequest, view, args, kwargs) -> Page | HttpResponse:
    """The view's page, as a :class:`Page` to keep, or its answer when it is not to be kept."""
    setattr(request, _CAPTURING, True)
    try:
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
    finally:
        delattr(request, _CAPTURING)
    if not response.streaming and _keepable(request, response):
        return Page(response.content, response["Content-Type"])
    return response


def _has_messages(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def _key(request: HttpRequest, view) -> str:
    """What a page depends on besides the database: the person as the middleware read them
    (their row may have been read before the generations; a page made from an older row is
    then never served with a newer one), the address, the language, htmx, the minute."""
    user = request.user
    parts = (
        view.__module__,
        view.__qualname__,
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        _fields(user) if user.is_authenticated else None,
        get_language(),
        current_minute(),
        sorted((name, value) for name, value in request.headers.items() if name[:3] == "Hx-"),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def current_minute() -> int:
    """The step of time a page is kept for at most, whatever the database says."""
    return int(time.time() // TIME_STEP)


def _fields(user) -> tuple:
    return tuple(getattr(user, field.attname) for field in user._meta.concrete_fields)


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    session = getattr(request, "session", None)
    storage = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and len(response.content) <= LARGEST_KEPT_PAGE
        and set(response.headers) == {"Content-Type"}
        and not response.cookies
        and not (session is not None and session.modified)
        and not getattr(storage, "added_new", False)
    )


def _with_token(request: HttpRequest, content: bytes) -> bytes:
    """The page with this answer's CSRF token in its forms."""
    placeholder = CSRF_PLACEHOLDER.encode()
    if placeholder not in content:
        return content
    return content.replace(placeholder, get_token(request).encode())
