"""Selecting a programme's territories: adding a candidate, moving it through the statuses,
and what the lists show of each (its checklist, its département, its population) in a fixed
number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum

from essaim.attachments.models import Attachment, AttachmentKind
from essaim.lib import french
from essaim.lib.svg_france_map import DepartementShade, render_france_map
from essaim.programmes import selection
from essaim.programmes.models import (
    ContactKind,
    Programme,
    ProgrammeTerritory,
    SelectionError,
    TerritoryStatus,
    TerritoryStatusChange,
)
from essaim.territories.models import Commune, Epci, Territory, TerritoryKind
from essaim.territories.services import create_territory_from_epci

TERRITORY_NOUN = ("territoire", "territoires")


def with_progress(queryset: QuerySet) -> QuerySet:
    """Annotate what the checklist counts: the letter, the referent, the participants."""
    letters = Attachment.objects.filter(
        content_type__app_label="programmes",
        content_type__model="programmeterritory",
        object_id=OuterRef("pk"),
        kind=AttachmentKind.ENGAGEMENT_LETTER,
    )
    return queryset.annotate(
        has_letter=Exists(letters),
        referent_count=Count("contacts", filter=Q(contacts__kind=ContactKind.REFERENT)),
        participant_count=Count("contacts", filter=Q(contacts__kind=ContactKind.PARTICIPANT)),
    )


def progress_of(territory: ProgrammeTerritory) -> selection.Progress:
    """The progress of a territory annotated by :func:`with_progress`."""
    return selection.Progress(
        commitment_received=territory.commitment_on is not None and territory.has_letter,
        has_referent=territory.referent_count > 0,
        participant_count=territory.participant_count,
        participants_expected=territory.programme.participants_expected,
    )


def annotated(territory: ProgrammeTerritory) -> ProgrammeTerritory:
    """``territory`` read again with its progress (after a change on its page)."""
    return with_progress(ProgrammeTerritory.objects.select_related("programme", "perimeter")).get(
        pk=territory.pk
    )


def perimeter_for_epci(epci: Epci, *, user) -> Territory:
    """The perimeter of ``epci``: the shared territory already made from it, or a new one."""
    existing = Territory.objects.filter(epci=epci, kind=TerritoryKind.EPCI, shared=True).first()
    return existing or create_territory_from_epci(epci=epci, created_by=user)


def add_candidate(
    *, programme: Programme, form_data: dict, actor, on: datetime.date
) -> ProgrammeTerritory:
    """A new candidate territory, contacted on ``on``; its perimeter chosen among the
    territories of Essaim or made from an EPCI of the referential."""
    with transaction.atomic():
        perimeter = form_data.get("perimeter")
        if perimeter is None and form_data.get("epci") is not None:
            perimeter = perimeter_for_epci(form_data["epci"], user=actor)
        territory = ProgrammeTerritory.objects.create(
            programme=programme,
            name=form_data["name"],
            perimeter=perimeter,
            field=form_data.get("field", ""),
            description=form_data.get("description", ""),
            status=TerritoryStatus.CONTACTED,
            status_since=on,
        )
        TerritoryStatusChange.objects.create(
            territory=territory, status=TerritoryStatus.CONTACTED, on=on, actor=actor
        )
        programme.log_action(actor, "territory", f"Territoire « {territory.name} » contacté")
    return territory


def move_territory(
    *,
    territory: ProgrammeTerritory,
    status: str,
    on: datetime.date,
    actor,
    note: str = "",
    loaded: str = "",
) -> None:
    """Move ``territory`` to ``status`` on ``on`` if the rules and the checklist allow it
    (else :class:`SelectionError`); refused too when the status is no longer ``loaded``, the
    one the person saw."""
    with transaction.atomic():
        locked = ProgrammeTerritory.objects.select_for_update().get(pk=territory.pk)
        if loaded and locked.status != loaded:
            raise SelectionError(
                "Le statut a changé pendant que vous l'éditiez : le territoire est maintenant "
                f"« {locked.get_status_display()} » depuis le {locked.status_since:%d/%m/%Y}. "
                "Choisissez à nouveau.",
                field="status",
            )
        current = annotated(locked)
        why_not = selection.refusal(locked.status, status, progress_of(current), reason=note)
        if why_not:
            raise SelectionError(why_not, field="status")
        if on < locked.status_since:
            raise SelectionError(
                f"Le territoire est « {locked.get_status_display()} » depuis le "
                f"{locked.status_since:%d/%m/%Y} : choisissez une date qui suit.",
                field="on",
            )
        before = locked.get_status_display()
        locked.status, locked.status_since = status, on
        if status == TerritoryStatus.WITHDRAWN:
            locked.withdrawn_reason = note.strip()
        locked.save(update_fields=["status", "status_since", "withdrawn_reason"])
        TerritoryStatusChange.objects.create(
            territory=locked, status=status, on=on, note=note.strip(), actor=actor
        )
        locked.programme.log_action(
            actor,
            "territory",
            f"Territoire « {locked.name} » : {before} → {locked.get_status_display()}",
        )


@dataclass(frozen=True)
class PerimeterFigures:
    """What the referential says of a territory's perimeter."""

    commune_count: int
    population: int
    departements: tuple[tuple[str, str], ...]  # (code, name), the most communes first

    @property
    def main_departement(self) -> str:
        return self.departements[0][0] if self.departements else ""

    @property
    def inhabitants(self) -> str:
        return french.inhabitants(self.population)


def perimeter_figures(territories: list[ProgrammeTerritory]) -> dict[int, PerimeterFigures]:
    """The figures of each territory's perimeter (by the territory's pk), in one query."""
    by_perimeter: dict[int, list[int]] = defaultdict(list)
    for territory in territories:
        if territory.perimeter_id:
            by_perimeter[territory.perimeter_id].append(territory.pk)
    rows = (
        Commune.objects.filter(territories__in=list(by_perimeter))
        .values("territories", "departement__code", "departement__name")
        .annotate(communes=Count("pk"), population=Sum("population"))
        .order_by()
    )
    gathered: dict[int, list[tuple[int, int, str, str]]] = defaultdict(list)
    for row in rows:
        gathered[row["territories"]].append(
            (
                row["communes"],
                row["population"] or 0,
                row["departement__code"],
                row["departement__name"],
            )
        )
    figures: dict[int, PerimeterFigures] = {}
    for perimeter, parts in gathered.items():
        parts.sort(key=lambda part: (-part[0], part[2]))
        value = PerimeterFigures(
            commune_count=sum(part[0] for part in parts),
            population=sum(part[1] for part in parts),
            departements=tuple((part[2], part[3]) for part in parts),
        )
        for territory_pk in by_perimeter[perimeter]:
            figures[territory_pk] = value
    return figures


def territories_map(
    territories: list[ProgrammeTerritory], figures: dict[int, PerimeterFigures]
) -> str:
    """The participating territories on the map of France, by their main département."""
    by_code: dict[str, list[str]] = defaultdict(list)
    for territory in territories:
        figure = figures.get(territory.pk)
        if territory.takes_part and figure is not None and figure.main_departement:
            by_code[figure.main_departement].append(territory.name)
    shades = [
        DepartementShade(code=code, count=len(names), label=", ".join(sorted(names)))
        for code, names in sorted(by_code.items())
    ]
    return render_france_map(
        shades, title="Territoires participants par département", noun=TERRITORY_NOUN
    )


def counts_by_status(territories: list[ProgrammeTerritory]) -> list[tuple[str, int]]:
    """(label, count) of every status, in the order of the flow, withdrawn last."""
    counts = defaultdict(int)
    for territory in territories:
        counts[territory.status] += 1
    return [(status.label, counts[status]) for status in TerritoryStatus]
