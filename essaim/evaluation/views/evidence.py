"""Evidence files — of measurements and of journal entries — are never served publicly: these
views check that the user may see the experiment, then send the file as an attachment."""

from pathlib import PurePath

from django.contrib.auth.decorators import login_required
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest
from django.urls import path
from django.views.decorators.http import require_safe

from essaim.core.downloads import stored_file_response
from essaim.evaluation.models import JournalEvidence, Measurement
from essaim.experiments.access import get_experiment_for


def _send(file: FieldFile) -> FileResponse:
    try:
        handle = file.open("rb")
    except FileNotFoundError as error:
        raise Http404("Ce fichier n'existe plus.") from error
    return stored_file_response(handle, filename=PurePath(file.name).name)


@login_required
@require_safe
def measurement_evidence(request: HttpRequest, pk: int, measurement_pk: int) -> FileResponse:
    experiment = get_experiment_for(request.user, pk)
    measurement = (
        Measurement.objects.filter(pk=measurement_pk, indicator__experiment=experiment)
        .exclude(evidence="")
        .first()
    )
    if measurement is None:
        raise Http404("Ce justificatif n'existe pas.")
    return _send(measurement.evidence)


@login_required
@require_safe
def journal_evidence(request: HttpRequest, pk: int, evidence_pk: int) -> FileResponse:
    experiment = get_experiment_for(request.user, pk)
    evidence = JournalEvidence.objects.filter(pk=evidence_pk, entry__experiment=experiment).first()
    if evidence is None:
        raise Http404("Cette pièce n'existe pas.")
    return _send(evidence.file)


urlpatterns = [
    path(
        "<int:pk>/evaluation/mesures/<int:measurement_pk>/justificatif/",
        measurement_evidence,
        name="measurement_evidence",
    ),
    path(
        "<int:pk>/apprentissages/pieces/<int:evidence_pk>/",
        journal_evidence,
        name="journal_evidence",
    ),
]
