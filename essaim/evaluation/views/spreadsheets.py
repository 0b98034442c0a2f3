"""Indicators and measurements in spreadsheets: the XLSX export, and the import of measurements
from a CSV or XLSX file with its model file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.downloads import XLSX_TYPE, file_response
from essaim.core.uploads import limit_upload_size
from essaim.evaluation.forms.spreadsheets import MeasurementImportForm
from essaim.evaluation.models import MeasurementBatch
from essaim.evaluation.spreadsheets import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    MeasurementImportError,
    check_measurement_file,
    export_indicators_xlsx,
    import_measurements,
    measurement_model_csv,
    undo_measurement_import,
)
from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context
from essaim.roles.models import Perm

SHOWN_PROBLEMS = 200


@login_required
@require_safe
def export_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    return file_response(
        export_indicators_xlsx(experiment),
        filename=_filename("indicateurs", experiment, "xlsx"),
        content_type=XLSX_TYPE,
    )


@login_required
@limit_upload_size(max_bytes=MAX_IMPORT_BYTES)
@require_http_methods(["GET", "HEAD", "POST"])
def measurement_import(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.CONTRIBUTE)
    posted = request.method == "POST"
    form = MeasurementImportForm(
        request.POST if posted else None, request.FILES if posted else None
    )
    problems = checked = None
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            if form.cleaned_data["check_only"]:
                checked = check_measurement_file(experiment=experiment, data=data)
                form = MeasurementImportForm()  # ready to import the file for good
            else:
                done = import_measurements(
                    experiment=experiment, data=data, filename=upload.name, actor=request.user
                )
                messages.success(request, done.summary(done=True))
                return redirect("evaluation:indicators", experiment.pk)
        except MeasurementImportError as error:
            problems = error.problems
    context = {
        **experiment_context(experiment, request.user, "evaluation"),
        "form": form,
        "indicators": list(experiment.indicators.all()),
        "problems": problems[:SHOWN_PROBLEMS] if problems else problems,
        "more_problems": max(0, len(problems) - SHOWN_PROBLEMS) if problems else 0,
        "problem_count": len(problems) if problems else 0,
        "checked": checked,
        "max_rows": MAX_IMPORT_ROWS,
    }
    return render(request, "evaluation/measurement_import.html", context)


@login_required
@require_safe
def measurement_import_model(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk, Perm.CONTRIBUTE)
    return file_response(
        measurement_model_csv(experiment),
        filename=_filename("modele-mesures", experiment, "csv"),
        content_type="text/csv",
    )


def may_undo(batch: MeasurementBatch, user, context: dict) -> bool:
    """Editors undo any import; a contributor, those they made."""
    return context["can_edit"] or (context["can_contribute"] and batch.imported_by_id == user.pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def undo_import(request: HttpRequest, pk: int, batch_pk: int) -> HttpResponse:
    """Confirm, then delete the measurements one import brought in."""
    experiment = get_experiment_for(request.user, pk, Perm.CONTRIBUTE)
    batch = experiment.measurement_batches.select_related("imported_by").filter(pk=batch_pk)
    batch = batch.first()
    if batch is None:
        raise Http404("Cet import n'existe pas ou a déjà été annulé.")
    context = experiment_context(experiment, request.user, "evaluation")
    if not may_undo(batch, request.user, context):
        raise PermissionDenied("Seuls les éditeurs et l'auteur de l'import peuvent l'annuler.")
    back_url = reverse("evaluation:indicators", args=[experiment.pk]) + "#imports"
    if request.method == "POST":
        try:
            messages.success(request, undo_measurement_import(batch=batch, actor=request.user))
        except MeasurementImportError as error:
            messages.error(request, error.message)
        return redirect(back_url)
    context.update({"batch": batch, "remaining": batch.measurements.count(), "back_url": back_url})
    return render(request, "evaluation/measurement_import_undo.html", context)


def _filename(prefix: str, experiment: Experiment, extension: str) -> str:
    slug = slugify(experiment.title)[:60].strip("-") or f"experimentation-{experiment.pk}"
    return f"{prefix}-{slug}-{timezone.localdate():%Y-%m-%d}.{extension}"


urlpatterns = [
    path("<int:pk>/evaluation/export.xlsx", export_xlsx, name="export_xlsx"),
    path("<int:pk>/evaluation/import/", measurement_import, name="import_measurements"),
    path(
        "<int:pk>/evaluation/import/<int:batch_pk>/annuler/",
        undo_import,
        name="undo_import",
    ),
    path(
        "<int:pk>/evaluation/import/modele.csv",
        measurement_import_model,
        name="import_measurements_model",
    ),
]
