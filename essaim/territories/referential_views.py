"""Pages of the official referential (open to every signed-in user) and the search endpoints
of the pickers (the commune search of the public forms open to everyone, within a limit)."""

import re

from axes.helpers import get_client_ip_address
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from essaim.lib import french
from essaim.territories.import_report import french_number
from essaim.territories.models import Commune, Epci, Territory

SEARCH_LIMIT = 15
PICKER_ID = re.compile(r"[\w-]{1,100}")
COMMUNE_WORDS = ("commune trouvée", "communes trouvées", "premières sont affichées")
EPCI_WORDS = ("EPCI trouvé", "EPCI trouvés", "premiers sont affichés")
# The public commune search: searches allowed per address and per window of seconds. Typing a
# name asks once per pause; a visitor fills the form well within it.
PUBLIC_SEARCHES_PER_WINDOW = 60
PUBLIC_SEARCH_WINDOW = 60
TOO_MANY_SEARCHES = (
    "Trop de recherches en peu de temps depuis votre connexion : patientez une minute, puis "
    "tapez à nouveau le nom de la commune."
)


@login_required
def epci_detail(request: HttpRequest, siren: str) -> HttpResponse:
    epci = get_object_or_404(Epci, siren=siren)
    communes = list(epci.communes.select_related("departement").order_by("name", "insee_code"))
    context = {
        "epci": epci,
        "communes": communes,
        "communes_population": sum(commune.population for commune in communes),
        "territories": list(_territories_for(request.user, epci=epci)),
    }
    return render(request, "territories/epci_detail.html", context)


@login_required
def commune_detail(request: HttpRequest, insee: str) -> HttpResponse:
    commune = get_object_or_404(
        Commune.objects.select_related("departement", "region", "epci"), insee_code=insee
    )
    context = {
        "commune": commune,
        "territories": list(_territories_for(request.user, communes=commune)),
    }
    return render(request, "territories/commune_detail.html", context)


def _territories_for(user, **lookups) -> QuerySet[Territory]:
    """Territories ``user`` may see among those matching ``lookups``, with their stats (the
    filter runs in a subquery so that the stats count every commune of each territory)."""
    matching = Territory.objects.filter(**lookups).values("pk")
    return Territory.objects.visible_to(user).filter(pk__in=matching).with_stats().order_by("name")


@login_required
@require_GET
def search_communes(request: HttpRequest) -> HttpResponse:
    return _commune_results(request, public=False)


@require_GET
def search_communes_public(request: HttpRequest) -> HttpResponse:
    """The commune search of the forms open to everyone (the registration form): no account
    needed, so each address may search only so often, and an option tells only what the
    referential publishes (name, INSEE code, département, postal codes)."""
    if _too_many_searches(request):
        response = _results(request, "", None, [], COMMUNE_WORDS, status=TOO_MANY_SEARCHES)
        response.status_code = 429
        return response
    return _commune_results(request, public=True)


def _commune_results(request: HttpRequest, *, public: bool) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    results = Commune.objects.search(query).select_related("departement") if query else None
    options = [
        {
            "value": commune.insee_code,
            "label": f"{commune.name} ({commune.insee_code})",
            "detail": " · ".join(
                part
                for part in (
                    str(commune.departement),
                    ", ".join(commune.postal_codes),
                    "" if public else french.inhabitants(commune.population),
                )
                if part
            ),
        }
        for commune in (results[:SEARCH_LIMIT] if results is not None else [])
    ]
    return _results(request, query, results, options, COMMUNE_WORDS)


def _too_many_searches(request: HttpRequest) -> bool:
    """Count a public search of the client's address (as the login limit reads it, behind
    the configured proxies), in Django's cache; ``True`` past the limit of the minute that
    began with its first search."""
    key = f"territories:public-search:{get_client_ip_address(request) or 'inconnue'}"
    cache.add(key, 0, timeout=PUBLIC_SEARCH_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, count := 1, timeout=PUBLIC_SEARCH_WINDOW)
    return count > PUBLIC_SEARCHES_PER_WINDOW


@login_required
@require_GET
def search_epci(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    results = Epci.objects.search(query) if query else None
    options = [
        {
            "value": epci.siren,
            "label": f"{epci.name} ({epci.siren})",
            "detail": f"{epci.get_kind_display()} · {french.inhabitants(epci.population)}",
        }
        for epci in (results[:SEARCH_LIMIT] if results is not None else [])
    ]
    return _results(request, query, results, options, EPCI_WORDS)


def _results(
    request: HttpRequest,
    query: str,
    results,
    options: list[dict],
    words: tuple[str, str, str],
    *,
    status: str = "",
) -> HttpResponse:
    """The options, and the sentence read out by the picker's live region (``status`` when
    given)."""
    if query and not status:
        total = len(options) if len(options) < SEARCH_LIMIT else results.count()
        if total == 0:
            status = "Aucun résultat. Essayez un autre nom ou un code."
        else:
            status = f"{french_number(total)} {words[0] if total == 1 else words[1]}"
            if total > len(options):
                status += f", les {len(options)} {words[2]}"
            status += "."
    picker = request.GET.get("picker", "")
    context = {
        "options": options,
        "status": status,
        "picker": picker if PICKER_ID.fullmatch(picker) else "",
    }
    return render(request, "territories/widgets/picker_results.html", context)
