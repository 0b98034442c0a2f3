"""The documents of an experiment, as PDF and as DOCX, built by the worker: the dossier, to hand
to elected officials, and the kinds of document registered by the applications above
(:mod:`essaim.dossiers.registry`). Asking for one gives the stored file when it is current, else
starts its build and leads to a page that follows it (polled by htmx, or reloaded by hand) until
it is ready. Whoever may see the experiment may ask; a kind not registered, or not available for
the experiment, is not found."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.downloads import DOCX_TYPE, PDF_TYPE, file_response
from essaim.dossiers.models import BuildStatus, DossierFile, DossierFormat
from essaim.dossiers.registry import DOSSIER, DocumentKind, UnknownDocumentKind, document_kind
from essaim.dossiers.services import (
    filename_of,
    find_dossier_file,
    is_current,
    request_dossier_file,
)
from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context

POLL_SECONDS = 2
CONTENT_TYPES = {DossierFormat.PDF: PDF_TYPE, DossierFormat.DOCX: DOCX_TYPE}
# The dossier keeps the addresses it had before the other kinds (dossiers:pdf, dossiers:docx,
# dossiers:status, dossiers:download); the others are under documents/<kind>/<format>/.
DOSSIER_URL_NAMES = {"status": "dossiers:status", "download": "dossiers:download"}
DOCUMENT_URL_NAMES = {
    "ask": "dossiers:document",
    "status": "dossiers:document_status",
    "download": "dossiers:document_download",
}


def document_url(action: str, experiment_pk: int, kind: str, format: str) -> str:
    """The address that asks for (``action`` "ask"), follows ("status") or downloads
    ("download") the document ``kind`` of an experiment in ``format``."""
    if kind == DOSSIER:
        if action == "ask":
            return reverse(f"dossiers:{format}", args=[experiment_pk])
        return reverse(DOSSIER_URL_NAMES[action], args=[experiment_pk, format])
    return reverse(DOCUMENT_URL_NAMES[action], args=[experiment_pk, kind, format])


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ask_document(request: HttpRequest, pk: int, kind: str, format: str) -> HttpResponse:
    """The file when it is current; else its build started (again, on POST, after a failure)
    and the page that follows it."""
    experiment = get_experiment_for(request.user, pk)
    document, format = _kind(experiment, kind), _format(format)
    dossier_file = request_dossier_file(
        experiment=experiment, kind=document.key, format=format, retry=request.method == "POST"
    )
    if dossier_file.is_ready:
        return _serve(dossier_file, experiment)
    return redirect(document_url("status", experiment.pk, document.key, format))


@login_required
@require_safe
def document_status(request: HttpRequest, pk: int, kind: str, format: str) -> HttpResponse:
    """Where the build stands: the page, or, for htmx, its status alone."""
    experiment = get_experiment_for(request.user, pk)
    context = status_context(experiment, _kind(experiment, kind), _format(format))
    if request.htmx:
        return render(request, "dossiers/status.html#status", context)
    return render(
        request,
        "dossiers/status.html",
        # No tab is current: the breadcrumb leads back to the overview, where the buttons are.
        {**experiment_context(experiment, request.user, kind), **context},
    )


@login_required
@require_safe
def download_document(request: HttpRequest, pk: int, kind: str, format: str) -> HttpResponse:
    """The stored file, when it is current; else back to asking for it."""
    experiment = get_experiment_for(request.user, pk)
    document, format = _kind(experiment, kind), _format(format)
    dossier_file = find_dossier_file(experiment, format, document.key)
    if dossier_file is None or not dossier_file.is_ready:
        return redirect(document_url("status", experiment.pk, document.key, format))
    if not is_current(dossier_file, document.fingerprint(experiment)):
        return redirect(document_url("ask", experiment.pk, document.key, format))
    return _serve(dossier_file, experiment)


def status_context(experiment: Experiment, kind: DocumentKind, format: DossierFormat) -> dict:
    dossier_file = find_dossier_file(experiment, format, kind.key)
    now = timezone.now()
    if dossier_file is None or dossier_file.is_lost(now):
        state = "missing"
    elif dossier_file.status == BuildStatus.BUILDING:
        state = "running" if dossier_file.started_at else "waiting"
    elif dossier_file.is_failed:
        state = "failed"
    elif is_current(dossier_file, kind.fingerprint(experiment)):
        state = "ready"
    else:
        state = "outdated"
    return {
        "experiment": experiment,
        "kind": kind,
        "label": kind.label,
        "format": format,
        "format_label": format.label,
        "dossier_file": dossier_file,
        "state": state,
        "polling": state in ("waiting", "running"),
        "poll_seconds": POLL_SECONDS,
        "ask_url": document_url("ask", experiment.pk, kind.key, format),
        "status_url": document_url("status", experiment.pk, kind.key, format),
        "download_url": document_url("download", experiment.pk, kind.key, format),
    }


def _kind(experiment: Experiment, key: str) -> DocumentKind:
    try:
        kind = document_kind(key)
    except UnknownDocumentKind:
        raise Http404("Ce document n'existe pas.") from None
    if not kind.available(experiment):
        raise Http404("Cette expérimentation n'a pas ce document.")
    return kind


def _format(value: str) -> DossierFormat:
    if value not in DossierFormat.values:
        raise Http404("Ce format de document n'existe pas.")
    return DossierFormat(value)


def _serve(dossier_file: DossierFile, experiment: Experiment) -> HttpResponse:
    dossier_file.experiment = experiment
    with dossier_file.file.open("rb") as handle:
        content = handle.read()
    return file_response(
        content, filename=filename_of(dossier_file), content_type=CONTENT_TYPES[dossier_file.format]
    )
