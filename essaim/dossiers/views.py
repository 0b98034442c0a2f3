"""The dossier of an experiment, to hand to elected officials: as PDF and as DOCX, built by the
worker. Asking for it gives the stored file when it is current, else starts its build and
leads to a page that follows it (polled by htmx, or reloaded by hand) until it is ready."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.downloads import DOCX_TYPE, PDF_TYPE, file_response
from essaim.dossiers.models import BuildStatus, DossierFile, DossierFormat
from essaim.dossiers.services import (
    filename_of,
    find_dossier_file,
    fingerprint_of,
    is_current,
    request_dossier_file,
)
from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context

POLL_SECONDS = 2
CONTENT_TYPES = {DossierFormat.PDF: PDF_TYPE, DossierFormat.DOCX: DOCX_TYPE}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ask_dossier(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    """The file when it is current; else its build started (again, on POST, after a failure)
    and the page that follows it."""
    experiment = get_experiment_for(request.user, pk)
    dossier_file = request_dossier_file(
        experiment=experiment, format=_format(format), retry=request.method == "POST"
    )
    if dossier_file.is_ready:
        return _serve(dossier_file, experiment)
    return redirect("dossiers:status", pk=experiment.pk, format=format)


@login_required
@require_safe
def dossier_status(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    """Where the build stands: the page, or, for htmx, its status alone."""
    experiment = get_experiment_for(request.user, pk)
    context = status_context(experiment, _format(format))
    if request.htmx:
        return render(request, "dossiers/status.html#status", context)
    return render(
        request,
        "dossiers/status.html",
        # No tab is current: the breadcrumb leads back to the overview, where the buttons are.
        {**experiment_context(experiment, request.user, "dossier"), **context},
    )


@login_required
@require_safe
def download_dossier(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    """The stored file, when it is current; else back to asking for it."""
    experiment = get_experiment_for(request.user, pk)
    dossier_file = find_dossier_file(experiment, _format(format))
    if dossier_file is None or not dossier_file.is_ready:
        return redirect("dossiers:status", pk=experiment.pk, format=format)
    if not is_current(dossier_file, fingerprint_of(experiment)):
        return HttpResponseRedirect(reverse(f"dossiers:{format}", args=[experiment.pk]))
    return _serve(dossier_file, experiment)


def status_context(experiment: Experiment, format: DossierFormat) -> dict:
    dossier_file = find_dossier_file(experiment, format)
    now = timezone.now()
    if dossier_file is None or dossier_file.is_lost(now):
        state = "missing"
    elif dossier_file.status == BuildStatus.BUILDING:
        state = "running" if dossier_file.started_at else "waiting"
    elif dossier_file.is_failed:
        state = "failed"
    elif is_current(dossier_file, fingerprint_of(experiment)):
        state = "ready"
    else:
        state = "outdated"
    return {
        "experiment": experiment,
        "format": format,
        "format_label": format.label,
        "dossier_file": dossier_file,
        "state": state,
        "polling": state in ("waiting", "running"),
        "poll_seconds": POLL_SECONDS,
    }


def _format(value: str) -> DossierFormat:
    if value not in DossierFormat.values:
        raise Http404("Ce format de dossier n'existe pas.")
    return DossierFormat(value)


def _serve(dossier_file: DossierFile, experiment: Experiment) -> HttpResponse:
    dossier_file.experiment = experiment
    with dossier_file.file.open("rb") as handle:
        content = handle.read()
    return file_response(
        content, filename=filename_of(dossier_file), content_type=CONTENT_TYPES[dossier_file.format]
    )
