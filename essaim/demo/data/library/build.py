"""Builds the library of the demo in the database: what a previous load made of it is replaced,
so that loading the demo twice gives the same pages. Sheets are written through the library's
own services (placed on their territory, their history started) and published by the platform's
publication; their neighbours are computed once, at the end, rather than after each save."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from essaim.accounts.models import User
from essaim.attachments.models import Attachment
from essaim.core.models import HistoryEntry
from essaim.demo.data.experiments.build import person, territory
from essaim.demo.data.library.spec import (
    ContactSpec,
    FromReportSpec,
    NotebookSpec,
    SheetSpec,
    State,
)
from essaim.demo.owner import DEMO_ADMIN_PASSWORD, LIBRARY_EDITOR_EMAIL
from essaim.experiments.models import Experiment
from essaim.library import similarity
from essaim.library.models import (
    ExperienceSheet,
    Notebook,
    Public,
    SheetContact,
    SheetSource,
)
from essaim.library.models.sheets import EDITORS_GROUP
from essaim.library.services.notebooks import create_notebook
from essaim.library.services.prefill import draft_from_report_sheet
from essaim.library.services.sheets import SheetDraft, create_sheet, perimeter_for
from essaim.library.signals import refresh_paused
from essaim.programmes.models import ReportSheet
from essaim.territories.models import Commune, Territory
from essaim.themes.models import Theme

LIBRARY_EDITOR_NAME = "Béatrice Bibliothécaire"

# The sheets are published one after another from this day on, in a mixed order so that the
# newest are not all from the same part of France; the drafts were sent for review lately.
FIRST_PUBLICATION = datetime(2025, 1, 6, 9, 30)
BETWEEN_PUBLICATIONS = timedelta(days=8)
REVIEW_ASKED = datetime(2026, 11, 23, 10)
WITHDRAWN = datetime(2026, 10, 5, 16)
# The order of publication: every seventh sheet, going round.
PUBLICATION_STRIDE = 7
AGREED_AFTER_VALIDATION = timedelta(days=7)


def aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment)


@dataclass
class Vocabulary:
    themes: dict[str, Theme]
    publics: dict[str, Public]

    @classmethod
    def load(cls) -> "Vocabulary":
        return cls(
            themes={theme.slug: theme for theme in Theme.objects.all()},
            publics={public.slug: public for public in Public.objects.all()},
        )


@dataclass
class Library:
    """What the build made, for the loader's summary."""

    sheets: list[ExperienceSheet]
    notebook: Notebook
    editor: User


def build_library(
    sheets: tuple[SheetSpec, ...],
    from_report: FromReportSpec,
    notebook: NotebookSpec,
    *,
    owner: User,
) -> Library:
    editor = library_editor()
    vocabulary = Vocabulary.load()
    with refresh_paused():
        _forget([spec.title for spec in sheets] + [from_report.title], notebook.title)
        made = [_sheet(spec, vocabulary, owner) for spec in sheets]
        made.append(_sheet_from_report(from_report, vocabulary, owner))
        _publish(made, [spec.state for spec in sheets] + [State.PUBLISHED], sheets, editor)
        rural = _notebook(notebook, {sheet.title: sheet for sheet in made}, editor)
    similarity.refresh()
    return Library(sheets=made, notebook=rural, editor=editor)


def library_editor() -> User:
    """The demo's editor of the library, with the demo password (reset if it was changed)."""
    user, _ = User.objects.get_or_create(
        email=LIBRARY_EDITOR_EMAIL, defaults={"full_name": LIBRARY_EDITOR_NAME}
    )
    if not user.check_password(DEMO_ADMIN_PASSWORD):
        user.set_password(DEMO_ADMIN_PASSWORD)
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def _forget(titles: list[str], notebook_title: str) -> None:
    """Delete what a previous load made — the notebook first, since it holds sheets — and
    what the database does not delete with them: their history and files."""
    notebooks = Notebook.objects.filter(programme=None, title=notebook_title)
    sheets = ExperienceSheet.objects.filter(title__in=titles)
    for model, rows in ((Notebook, notebooks), (ExperienceSheet, sheets)):
        kind = ContentType.objects.get_for_model(model)
        keys = list(rows.values_list("pk", flat=True))
        HistoryEntry.objects.filter(content_type=kind, object_id__in=keys).delete()
        Attachment.objects.filter(content_type=kind, object_id__in=keys).delete()
    notebooks.delete()
    sheets.delete()


def _fields(spec: SheetSpec | FromReportSpec) -> dict:
    return {"title": spec.title, "summary": spec.summary, "setting": spec.setting}


def _sheet(spec: SheetSpec, vocabulary: Vocabulary, owner: User) -> ExperienceSheet:
    experiment = Experiment.objects.get(title=spec.experiment) if spec.experiment else None
    fields = {
        **_fields(spec),
        "context": spec.context,
        "tried": spec.tried,
        "results": spec.results,
        "learned": spec.learned,
        "conditions": spec.conditions,
        "territory": territory(spec.territory) if experiment else _perimeter(spec, owner),
        "stage": spec.stage or (experiment.stage if experiment else ""),
        "strategy": spec.strategy,
        "year_start": spec.year_start,
        "year_end": spec.year_end,
        "licence": spec.licence,
        "illustrative": True,
        "internal_notes": spec.internal_notes,
    }
    draft = SheetDraft(
        fields=fields,
        themes=[vocabulary.themes[slug] for slug in spec.themes],
        source=SheetSource.EXPERIMENT if experiment else SheetSource.WRITTEN,
        experiment=experiment,
    )
    sheet = create_sheet(draft=draft, actor=owner)
    sheet.publics.set(vocabulary.publics[slug] for slug in spec.publics)
    SheetContact.objects.bulk_create(
        _contact(sheet, contact, position) for position, contact in enumerate(spec.contacts, 1)
    )
    return sheet


def _perimeter(spec: SheetSpec, owner: User) -> Territory:
    """The shared territory of the spec's commune, or of its whole EPCI: the one already made
    when there is one."""
    commune = Commune.objects.select_related("epci").get(insee_code=spec.insee)
    if spec.whole_epci:
        return perimeter_for(epci=commune.epci, communes=[], user=owner)
    return perimeter_for(epci=None, communes=[commune], user=owner)


def _contact(sheet: ExperienceSheet, spec: ContactSpec, position: int) -> SheetContact:
    contact = SheetContact(
        sheet=sheet,
        name=spec.name,
        role=spec.role,
        organisation=spec.organisation,
        email=spec.email,
        consented=spec.consented_on is not None,
        consented_on=spec.consented_on,
        position=position,
    )
    if spec.person:
        known = person(spec.person)
        contact.name = spec.person
        contact.role = known.function
        contact.organisation = known.organisation.name if known.organisation else ""
        contact.email = known.email
    return contact


def _sheet_from_report(spec: FromReportSpec, vocabulary: Vocabulary, owner) -> ExperienceSheet:
    """The sheet of a programme territory whose referent validated its report sheet and agreed
    to its publication in the library (recorded here, a week after the validation)."""
    report = ReportSheet.objects.select_related("territory__programme", "territory__perimeter").get(
        territory__programme__slug=spec.programme, territory__name=spec.territory
    )
    report.publication_agreed_at = report.validated_at + AGREED_AFTER_VALIDATION
    report.save(update_fields=["publication_agreed_at", "updated_at"])
    draft = draft_from_report_sheet(report)
    draft.fields.update(_fields(spec))
    draft.themes = [vocabulary.themes[slug] for slug in spec.themes]
    sheet = create_sheet(draft=draft, actor=owner)
    sheet.publics.set(vocabulary.publics[slug] for slug in spec.publics)
    return sheet


def _publish(
    sheets: list[ExperienceSheet],
    states: list[str],
    specs: tuple[SheetSpec, ...],
    editor: User,
) -> None:
    """Publish the sheets as an editor does, each on its day; ask for the review of the drafts;
    withdraw the sheet to withdraw, saying why."""
    reasons = {spec.title: spec.withdrawal_reason for spec in specs}
    for number, (sheet, state) in enumerate(zip(sheets, states, strict=True)):
        if state == State.TO_REVIEW:
            sheet.review_requested_at = aware(REVIEW_ASKED) + timedelta(days=number % 5)
            sheet.save(update_fields=["review_requested_at", "updated_at"])
            continue
        sheet.publish(editor)
        day = (number * PUBLICATION_STRIDE) % len(sheets)
        published_at = aware(FIRST_PUBLICATION) + day * BETWEEN_PUBLICATIONS
        if state == State.WITHDRAWN:
            sheet.withdraw(editor, reasons[sheet.title])
            sheet.withdrawn_at = aware(WITHDRAWN)
        sheet.published_at = published_at
        sheet.save(update_fields=["published_at", "withdrawn_at"])


def _notebook(spec: NotebookSpec, sheets: dict[str, ExperienceSheet], editor: User) -> Notebook:
    notebook = create_notebook(
        title=spec.title,
        introduction=spec.introduction,
        conclusion=spec.conclusion,
        sheets=[sheets[title] for title in spec.sheets],
        actor=editor,
    )
    notebook.publish(editor)
    notebook.published_at = aware(datetime.combine(spec.published_on, time(9)))
    notebook.save(update_fields=["published_at"])
    return notebook
