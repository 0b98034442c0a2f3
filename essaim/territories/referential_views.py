"""Pages of the official referential (open to every signed-in user) and the search endpoints
of the pickers."""

import re

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from essaim.lib import french
from essaim.territories.import_report import french_number
from essaim.territories.models import Commune, Epci, Territory

SEARCH_LIMIT = 15
PICKER_ID = re.compile(r"[\w-]{1,100}")


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
                    french.inhabitants(commune.population),
                )
                if part
            ),
        }
        for commune in (results[:SEARCH_LIMIT] if results is not None else [])
    ]
    return _results(
        request,
        query,
        results,
        options,
        ("commune trouvée", "communes trouvées", "premières sont affichées"),
    )


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
    return _results(
        request, query, results, options, ("EPCI trouvé", "EPCI trouvés", "premiers sont affichés")
    )


def _results(
    request: HttpRequest, query: str, results, options: list[dict], words: tuple[str, str, str]
) -> HttpResponse:
    """The options, and the sentence read out by the picker's live region."""
    if not query:
        status = ""
    else:
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
