"""The experiences like a sheet or an experiment, as their pages show them: the neighbours
computed in the background, and the published sheets near the same place."""

from django.db.models import Q

from essaim.library.models import ExperienceSheet, SimilarSheet, SimilarToExperiment

NEARBY_COUNT = 5


def similar_sheets(sheet: ExperienceSheet) -> list[SimilarSheet]:
    """The published neighbours of ``sheet``, closest first, in one query."""
    return list(
        SimilarSheet.objects.filter(sheet=sheet, neighbour__publication_status="published")
        .select_related("neighbour__departement")
        .order_by("rank")
    )


def similar_to_experiment(experiment) -> list[SimilarToExperiment]:
    return list(
        SimilarToExperiment.objects.filter(
            experiment=experiment, sheet__publication_status="published"
        )
        .select_related("sheet__departement")
        .order_by("rank")
    )


def nearby_sheets(sheet: ExperienceSheet, limit: int = NEARBY_COUNT) -> list[ExperienceSheet]:
    """Published sheets of the same EPCI first, then of the same département."""
    place = Q()
    if sheet.epci_id:
        place |= Q(epci_id=sheet.epci_id)
    if sheet.departement_id:
        place |= Q(departement_id=sheet.departement_id)
    if not place:
        return []
    rows = (
        ExperienceSheet.objects.published()
        .filter(place)
        .exclude(pk=sheet.pk)
        .select_related("departement")
        .order_by("-published_at", "-pk")[: limit * 3]
    )
    same_epci = [row for row in rows if sheet.epci_id and row.epci_id == sheet.epci_id]
    others = [row for row in rows if row not in same_epci]
    return (same_epci + others)[:limit]
