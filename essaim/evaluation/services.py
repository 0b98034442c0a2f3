"""Recording and removing the measurements of an indicator, the same from its page and from
the API: each change is written in the experiment's history, in the same words."""

from django.db import transaction

from essaim.evaluation.forms.indicators import MeasurementForm
from essaim.evaluation.models import Measurement
from essaim.experiments.models import Experiment


def measurement_summary(measurement: Measurement, done: str) -> str:
    """« Mesure du 31/03/2024 de l'indicateur « Trajets par mois » modifiée »."""
    return (
        f"Mesure du {measurement.measured_on:%d/%m/%Y} de l'indicateur "
        f"« {measurement.indicator.name} » {done}"
    )


def drop_evidence_file(storage, name: str) -> None:
    """Remove a replaced or orphaned evidence file once the change is committed."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def add_measurement(*, form: MeasurementForm, experiment: Experiment, actor) -> Measurement:
    """Save the new measurement of ``form`` (valid), recorded by ``actor``."""
    with transaction.atomic():
        measurement = form.save(commit=False)
        measurement.recorded_by = actor
        measurement.save()
        experiment.log_action(
            actor,
            "created",
            f"Mesure du {measurement.measured_on:%d/%m/%Y} ajoutée à l'indicateur "
            f"« {form.indicator.name} »",
        )
    return measurement


def delete_measurement(*, measurement: Measurement, experiment: Experiment, actor) -> str:
    """Delete ``measurement`` and its evidence file; return the history's summary."""
    with transaction.atomic():
        summary = measurement_summary(measurement, "supprimée")
        drop_evidence_file(measurement.evidence.storage, measurement.evidence.name)
        measurement.delete()
        experiment.log_action(actor, "deleted", summary)
    return summary
