"""Changing or deleting a measurement: editors may change any, contributors the ones they
recorded. Adding one happens on the indicator's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods

from essaim.core.concurrency import save_or_conflict
from essaim.core.uploads import limit_upload_size
from essaim.evaluation import services
from essaim.evaluation.forms.indicators import MeasurementForm
from essaim.evaluation.models import Measurement
from essaim.evaluation.services import drop_evidence_file, measurement_summary
from essaim.evaluation.views.indicators import indicator_url
from essaim.experiments.access import get_experiment_for
from essaim.experiments.tabs import experiment_context
from essaim.roles.models import Perm


def get_measurement_for(request: HttpRequest, pk: int, measurement_pk: int):
    """The experiment and one of its measurements, if the user may change it (else 404/403)."""
    experiment = get_experiment_for(request.user, pk, Perm.CONTRIBUTE)
    measurement = (
        Measurement.objects.select_related("indicator")
        .filter(pk=measurement_pk, indicator__experiment=experiment)
        .first()
    )
    if measurement is None:
        raise Http404("Cette mesure n'existe pas.")
    may_edit = Perm.EDIT in experiment.permissions_for(request.user)
    if not may_edit and measurement.recorded_by_id != request.user.pk:
        raise PermissionDenied("Seuls les éditeurs et l'auteur d'une mesure peuvent la changer.")
    return experiment, measurement


@login_required
@limit_upload_size
@require_http_methods(["GET", "HEAD", "POST"])
def edit_measurement(request: HttpRequest, pk: int, measurement_pk: int) -> HttpResponse:
    experiment, measurement = get_measurement_for(request, pk, measurement_pk)
    indicator = measurement.indicator
    previous_file = measurement.evidence.name
    form = MeasurementForm(
        request.POST or None,
        request.FILES or None,
        instance=measurement,
        indicator=indicator,
        evidence_url=reverse("evaluation:measurement_evidence", args=[pk, measurement.pk]),
    )
    back_url = indicator_url(experiment.pk, indicator.pk) + "#mesures"

    def save() -> None:
        with transaction.atomic():
            form.save()
            if previous_file and measurement.evidence.name != previous_file:
                drop_evidence_file(measurement.evidence.storage, previous_file)
            experiment.log_action(
                request.user, "updated", measurement_summary(measurement, "modifiée")
            )

    if request.method == "POST" and form.is_valid() and save_or_conflict(form, save=save):
        messages.success(request, f"{measurement_summary(measurement, 'modifiée')}.")
        return redirect(back_url)
    context = {
        **experiment_context(experiment, request.user, "evaluation"),
        "form": form,
        "instance": measurement,
        "parent": indicator,
        "back_url": back_url,
    }
    return render(request, "experiments/child_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_measurement(request: HttpRequest, pk: int, measurement_pk: int) -> HttpResponse:
    experiment, measurement = get_measurement_for(request, pk, measurement_pk)
    back_url = indicator_url(experiment.pk, measurement.indicator_id) + "#mesures"
    if request.method == "POST":
        summary = services.delete_measurement(
            measurement=measurement, experiment=experiment, actor=request.user
        )
        messages.success(request, f"{summary}.")
        return redirect(back_url)
    context = {
        **experiment_context(experiment, request.user, "evaluation"),
        "instance": measurement,
        "back_url": back_url,
    }
    return render(request, "experiments/child_confirm_delete.html", context)


urlpatterns = [
    path(
        "<int:pk>/evaluation/mesures/<int:measurement_pk>/modifier/",
        edit_measurement,
        name="edit_measurement",
    ),
    path(
        "<int:pk>/evaluation/mesures/<int:measurement_pk>/supprimer/",
        delete_measurement,
        name="delete_measurement",
    ),
]
