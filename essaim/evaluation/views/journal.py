"""The learning journal of an experiment: what happened, what was learned, what changes.

Contributors write entries; editors, and each entry's author, change or delete them. The
filtered entries export as CSV for French spreadsheets and as XLSX.
"""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.downloads import CSV_TYPE, XLSX_TYPE, file_response
from essaim.core.uploads import MAX_EVIDENCE_FILES_BYTES, limit_upload_size
from essaim.evaluation.forms.journal import JournalEntryForm, JournalFilterForm
from essaim.evaluation.models import JournalEntry, JournalEvidence
from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context
from essaim.lib import french
from essaim.lib.spreadsheets import Column, Table, to_csv_bytes, to_xlsx_bytes
from essaim.roles.models import Perm

ENTRIES_PER_PAGE = 20


def journal_entries(experiment: Experiment) -> QuerySet:
    """The entries of ``experiment`` with everything their display needs, newest first."""
    return experiment.journal_entries.select_related(
        "hypothesis", "step", "indicator", "author"
    ).prefetch_related("evidence")


def filtered_entries(request: HttpRequest, experiment: Experiment):
    """The filter form bound to the query string, the entries it selects, and whether any
    filter applies."""
    form = JournalFilterForm(request.GET, hypotheses=list(experiment.hypotheses.all()))
    entries, is_filtered = form.filter(journal_entries(experiment))
    return form, entries, is_filtered


def may_change(user, experiment: Experiment, entry: JournalEntry) -> bool:
    permissions = experiment.permissions_for(user)
    return Perm.EDIT in permissions or (
        Perm.CONTRIBUTE in permissions and entry.author_id == user.pk
    )


@login_required
@require_safe
def journal(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    form, entries, is_filtered = filtered_entries(request, experiment)
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    for entry in page.object_list:
        entry.user_may_change = may_change(request.user, experiment, entry)
    export_query = request.GET.copy()
    export_query.pop("page", None)
    context = {
        **experiment_context(experiment, request.user, "journal"),
        "form": form,
        "page": page,
        "is_filtered": is_filtered,
        "export_query": export_query.urlencode(),
    }
    return render(request, "evaluation/journal.html", context)


@login_required
@limit_upload_size(max_bytes=MAX_EVIDENCE_FILES_BYTES)
@require_http_methods(["GET", "HEAD", "POST"])
def journal_entry_form(request: HttpRequest, pk: int, entry_pk: int | None = None) -> HttpResponse:
    """Write a new entry (``entry_pk`` is None) or change one, with its evidence files."""
    experiment = get_experiment_for(request.user, pk, Perm.CONTRIBUTE)
    if entry_pk is None:
        entry = JournalEntry(experiment=experiment, author=request.user)
        initial = {"written_on": timezone.localdate()}
    else:
        entry = changeable_entry(request.user, experiment, entry_pk)
        initial = {}
    form = JournalEntryForm(
        request.POST or None,
        request.FILES or None,
        instance=entry,
        initial=initial,
        experiment=experiment,
    )
    verb = "created" if entry_pk is None else "updated"
    said = []

    def save() -> None:
        with transaction.atomic():
            form.save()
            added, removed = update_evidence(
                entry,
                added=form.cleaned_data["evidence_files"],
                removed=list(form.cleaned_data.get("remove_evidence") or []),
            )
            summary = f"Entrée du journal « {_short(entry.title)} » "
            summary += "ajoutée" if verb == "created" else "modifiée"
            summary += _evidence_note(added, removed)
            experiment.log_action(request.user, verb, summary)
        said.append(summary)

    if request.method == "POST" and form.is_valid() and save_or_conflict(form, save=save):
        messages.success(request, f"{said[0]}.")
        return redirect(f"{reverse('evaluation:journal', args=[experiment.pk])}#entree-{entry.pk}")
    context = {
        **experiment_context(experiment, request.user, "journal"),
        "form": form,
        "entry": entry if entry_pk is not None else None,
        "back_url": reverse("evaluation:journal", args=[experiment.pk]),
        # Browsers do not keep chosen files when a form comes back with errors.
        "files_to_choose_again": bool(request.FILES) and form.is_bound,
    }
    return render(request, "evaluation/journal_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def journal_entry_delete(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.CONTRIBUTE)
    entry = changeable_entry(request.user, experiment, entry_pk)
    back_url = reverse("evaluation:journal", args=[experiment.pk])
    if request.method == "POST":
        with transaction.atomic():
            names = [evidence.file.name for evidence in entry.evidence.all()]
            summary = f"Entrée du journal « {_short(entry.title)} » supprimée"
            summary += _evidence_note(0, len(names))
            entry.delete()
            experiment.log_action(request.user, "deleted", summary)
            _delete_files_on_commit(names)
        messages.success(request, f"{summary}.")
        return redirect(back_url)
    context = {
        **experiment_context(experiment, request.user, "journal"),
        "instance": entry,
        "back_url": back_url,
    }
    return render(request, "experiments/child_confirm_delete.html", context)


def changeable_entry(user, experiment: Experiment, entry_pk: int) -> JournalEntry:
    """The entry ``entry_pk`` of ``experiment`` if ``user`` may change it: editors may change
    every entry, contributors their own (404 if it does not exist, 403 otherwise)."""
    entry = experiment.journal_entries.filter(pk=entry_pk).first()
    if entry is None:
        raise Http404("Cette page n'existe pas.")
    if not may_change(user, experiment, entry):
        raise PermissionDenied("Seuls l'auteur de l'entrée et les éditeurs peuvent la modifier.")
    return entry


def update_evidence(
    entry: JournalEntry, *, added: list[UploadedFile], removed: list[JournalEvidence]
) -> tuple[int, int]:
    """Attach the ``added`` files to ``entry`` and drop the ``removed`` evidence; returns how
    many were added and removed. Call inside a transaction: files go once it commits."""
    for file in added:
        JournalEvidence.objects.create(
            entry=entry, file=file, description=PurePath(file.name).name[:200]
        )
    JournalEvidence.objects.filter(entry=entry, pk__in=[item.pk for item in removed]).delete()
    _delete_files_on_commit([item.file.name for item in removed])
    return len(added), len(removed)


def _delete_files_on_commit(names: list[str]) -> None:
    def delete() -> None:
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)


def _evidence_note(added: int, removed: int) -> str:
    parts = []
    if added:
        parts.append(french.counted(added, "pièce ajoutée", "pièces ajoutées"))
    if removed:
        parts.append(french.counted(removed, "pièce retirée", "pièces retirées"))
    return f" ({', '.join(parts)})" if parts else ""


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Export -------------------------------------------------------------------------------------

EXPORT_COLUMNS = [
    Column("Date", 12),
    Column("Type", 14, wrap=True),
    Column("Titre", 36, wrap=True),
    Column("Ce qui s'est passé", 50, wrap=True),
    Column("Ce que nous avons appris", 50, wrap=True),
    Column("Ce que cela change", 50, wrap=True),
    Column("Hypothèse concernée", 36, wrap=True),
    Column("Étape concernée", 24, wrap=True),
    Column("Indicateur concerné", 24, wrap=True),
    Column("Enseignement marquant", 12, wrap=True),
    Column("Auteur", 24, wrap=True),
    Column("Pièces à l'appui", 30, wrap=True),
]


def export_rows(entries: QuerySet) -> list[list]:
    """One row per entry, in the order of ``EXPORT_COLUMNS``; dates stay dates."""
    return [
        [
            entry.written_on,
            entry.get_kind_display(),
            entry.title,
            entry.what_happened,
            entry.what_learned,
            entry.what_changes,
            str(entry.hypothesis) if entry.hypothesis else "",
            str(entry.step) if entry.step else "",
            str(entry.indicator) if entry.indicator else "",
            "oui" if entry.highlight else "non",
            entry.author.get_full_name() if entry.author else "",
            ", ".join(
                evidence.description or PurePath(evidence.file.name).name
                for evidence in entry.evidence.all()
            ),
        ]
        for entry in entries
    ]


@login_required
@require_safe
def journal_export(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    """The entries the journal page shows with the same filters, as a file."""
    experiment = get_experiment_for(request.user, pk)
    _form, entries, _is_filtered = filtered_entries(request, experiment)
    table = Table("Journal", EXPORT_COLUMNS, export_rows(entries))
    if file_format == "csv":
        content_type, content = CSV_TYPE, to_csv_bytes(table)
    else:
        title = f"Journal d'apprentissage — {experiment.title}"
        content_type, content = XLSX_TYPE, to_xlsx_bytes([table], title=title)
    filename = f"journal-{slugify(experiment.title)[:60]}-{timezone.localdate():%Y-%m-%d}"
    return file_response(content, filename=f"{filename}.{file_format}", content_type=content_type)


urlpatterns = [
    path("<int:pk>/apprentissages/", journal, name="journal"),
    path("<int:pk>/apprentissages/ajouter/", journal_entry_form, name="add_journal_entry"),
    path(
        "<int:pk>/apprentissages/<int:entry_pk>/modifier/",
        journal_entry_form,
        name="edit_journal_entry",
    ),
    path(
        "<int:pk>/apprentissages/<int:entry_pk>/supprimer/",
        journal_entry_delete,
        name="delete_journal_entry",
    ),
    path(
        "<int:pk>/apprentissages/export.csv",
        journal_export,
        {"file_format": "csv"},
        name="journal_export_csv",
    ),
    path(
        "<int:pk>/apprentissages/export.xlsx",
        journal_export,
        {"file_format": "xlsx"},
        name="journal_export_xlsx",
    ),
]
