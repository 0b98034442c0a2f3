from django.http import HttpRequest
from django.urls import reverse

from essaim.core.navigation import MAIN_NAVIGATION


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
