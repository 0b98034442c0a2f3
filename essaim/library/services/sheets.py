"""Writing an experience sheet: creating it (blank or from a draft prepared by
:mod:`essaim.library.services.prefill`), saving its edit form with its territory, and keeping
its contacts. Each change is written in the sheet's history; contacts are named there only by
their position, never by their name, so that erasing a person leaves nothing behind."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count

from essaim.core.concurrency import save_or_conflict
from essaim.core.history import changed_labels, describe_changes
from essaim.core.ordering import next_position
from essaim.experiments.models import Experiment
from essaim.lib import french
from essaim.lib.errors import DomainError
from essaim.library.models import ExperienceSheet, SheetContact, SheetSource
from essaim.library.services.placing import place_sheet
from essaim.programmes.models import ReportSheet
from essaim.programmes.services.territories import perimeter_for_epci
from essaim.roles.models import Role
from essaim.territories.models import Commune, Epci, Territory, TerritoryKind
from essaim.territories.services import create_territory, create_territory_from_commune
from essaim.themes.models import Theme


class SheetError(DomainError):
    """A change of a sheet that makes no sense; the message is French."""


@dataclass
class SheetDraft:
    """What a new sheet starts with: its fields, its themes and where it comes from."""

    fields: dict = field(default_factory=dict)
    themes: list[Theme] = field(default_factory=list)
    source: str = SheetSource.WRITTEN
    experiment: Experiment | None = None
    report_sheet: ReportSheet | None = None


def create_sheet(*, draft: SheetDraft, actor) -> ExperienceSheet:
    """A new draft sheet made of ``draft``, owned by ``actor``, placed on its territory."""
    with transaction.atomic():
        sheet = ExperienceSheet(
            **draft.fields,
            source=draft.source,
            experiment=draft.experiment,
            report_sheet=draft.report_sheet,
            created_by=actor,
        )
        place_sheet(sheet)
        sheet.save()
        if draft.themes:
            sheet.themes.set(draft.themes)
        sheet.grant(actor, Role.OWNER, by=actor)
        sheet.log_action(actor, "created", f"Fiche créée ({sheet.get_source_display()})")
    return sheet


def perimeter_for(*, epci: Epci | None, communes: Iterable[Commune], user) -> Territory | None:
    """The territory of Essaim for an EPCI or a list of communes chosen in the referential:
    the shared one already made of them when there is one, else a new shared one."""
    communes = list(communes)
    if epci is not None:
        return perimeter_for_epci(epci, user=user)
    if not communes:
        return None
    wanted = {commune.pk for commune in communes}
    candidates = (
        Territory.objects.filter(shared=True, communes=communes[0])
        .annotate(size=Count("communes", distinct=True))
        .filter(size=len(wanted))
        .prefetch_related("communes")
    )
    for candidate in candidates:
        if {commune.pk for commune in candidate.communes.all()} == wanted:
            return candidate
    if len(communes) == 1:
        return create_territory_from_commune(commune=communes[0], created_by=user)
    first = communes[0]
    return create_territory(
        name=f"{first.name} et "
        + french.counted(len(communes) - 1, "autre commune", "autres communes"),
        kind=TerritoryKind.OTHER,
        communes=communes,
        departement=first.departement,
        created_by=user,
    )


def save_sheet(form, *, actor) -> bool:
    """Save the sheet's edit form (valid): its fields, and its territory when the person chose
    another EPCI or other communes, then where it lies; write what changed in its history.
    ``False`` when someone else changed the same fields meanwhile."""
    sheet = form.instance
    changes = describe_changes(form)
    territory_changed = form.territory_changed()

    def save() -> None:
        with transaction.atomic():
            if territory_changed:
                sheet.territory = perimeter_for(
                    epci=form.cleaned_data.get("epci"),
                    communes=form.cleaned_data.get("communes") or [],
                    user=actor,
                )
                place_sheet(sheet)
            form.save()
            if changes:
                sheet.log_action(
                    actor, "updated", f"Fiche modifiée : {changed_labels(changes)}", changes
                )
                review_again(sheet, actor)

    return save_or_conflict(form, save=save)


def save_contact(*, contact: SheetContact, actor) -> SheetContact:
    """Add ``contact`` to its sheet (at the end) or save its changes."""
    sheet = contact.sheet
    with transaction.atomic():
        added = contact.pk is None
        if added:
            contact.position = next_position(sheet.contacts.all())
        if not contact.consented:
            contact.consented_on = None
        contact.save()
        place = list(sheet.contacts.values_list("pk", flat=True)).index(contact.pk) + 1
        what = "ajouté" if added else "modifié"
        consent = "accepte d'être publié" if contact.consented else "non publié"
        sheet.log_action(actor, "contact", f"Contact n° {place} {what} ({consent})")
        review_again(sheet, actor)
    return contact


def delete_contact(*, contact: SheetContact, actor) -> None:
    sheet = contact.sheet
    with transaction.atomic():
        place = list(sheet.contacts.values_list("pk", flat=True)).index(contact.pk) + 1
        contact.delete()
        sheet.log_action(actor, "contact", f"Contact n° {place} retiré")
        review_again(sheet, actor)


def review_again(sheet: ExperienceSheet, actor) -> None:
    """A published sheet changed by someone who is not an editor of the library goes back to
    the editors' review, still published (:mod:`essaim.library.services.review`)."""
    from essaim.library.services.review import changed_after_publication  # imports this module

    changed_after_publication(sheet=sheet, actor=actor)
