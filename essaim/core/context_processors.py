from django.http import HttpRequest
from django.urls import reverse

from essaim.core.navigation import MAIN_NAVIGATION
from essaim.core.page_cache import csrf_token_of


def navigation(request: HttpRequest) -> dict:
    """The navigation entries the user may follow; the one whose pages are shown is current."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"main_navigation": []}
    entries = []
    for entry in MAIN_NAVIGATION:
        if entry.staff_only and not user.is_staff:
            continue
        url = reverse(entry.url_name)
        entries.append({"label": entry.label, "url": url, "current": request.path.startswith(url)})
    return {"main_navigation": entries}


def kept_page_csrf(request: HttpRequest) -> dict:
    """The CSRF token of a page being kept is put in at each answer (``core/page_cache.py``)."""
    token = csrf_token_of(request)
    return {} if token is None else {"csrf_token": token}
