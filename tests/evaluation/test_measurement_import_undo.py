"""Each spreadsheet import of measurements is kept as a batch — who, when, which file, how
many — listed on the evaluation tab, and undone as a whole after confirmation."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import Measurement, MeasurementBatch
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

FILE = (
    "Indicateur;Date;Valeur\r\n"
    "Trajets mensuels;05/01/2024;12\r\n"
    "Trajets mensuels;05/02/2024;15\r\n"
    "Trajets mensuels;05/03/2024;18\r\n"
).encode("cp1252")
OTHER_FILE = ("Indicateur;Date;Valeur\r\nTrajets mensuels;05/04/2024;21\r\n").encode("cp1252")


@pytest.fixture
def trips(experiment):
    return IndicatorFactory(experiment=experiment, name="Trajets mensuels", unit="trajets")


def import_file(user, experiment, data: bytes, name: str) -> None:
    response = client_for(user).post(
        reverse("evaluation:import_measurements", args=[experiment.pk]),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )
    assert response.status_code == 302


def undo_url(batch) -> str:
    return reverse("evaluation:undo_import", args=[batch.experiment_id, batch.pk])


def test_an_import_is_kept_as_a_batch_and_listed(experiment, trips, contributor, reader):
    import_file(contributor, experiment, FILE, "comptages-2024.csv")
    batch = MeasurementBatch.objects.get()
    assert (batch.experiment, batch.filename, batch.count, batch.imported_by) == (
        experiment,
        "comptages-2024.csv",
        3,
        contributor,
    )
    assert set(Measurement.objects.values_list("batch", flat=True)) == {batch.pk}
    evaluation = reverse("evaluation:indicators", args=[experiment.pk])
    text = client_for(contributor).get(evaluation).text
    assert "Imports récents de mesures" in text
    assert "comptages-2024.csv" in text
    assert undo_url(batch) in text
    # Readers see the import, not the way to undo it.
    text = client_for(reader).get(evaluation).text
    assert "comptages-2024.csv" in text
    assert undo_url(batch) not in text


def test_undoing_asks_for_confirmation_then_removes_exactly_that_batch(
    experiment, trips, editor, contributor
):
    by_hand = MeasurementFactory(indicator=trips, measured_on=datetime.date(2023, 12, 5))
    import_file(contributor, experiment, OTHER_FILE, "avril.csv")
    import_file(contributor, experiment, FILE, "comptages-2024.csv")
    batch = MeasurementBatch.objects.get(filename="comptages-2024.csv")
    client = client_for(editor)

    page = client.get(undo_url(batch))
    assert page.status_code == 200
    assert "Annuler l'import de « comptages-2024.csv » ?" in page.text
    assert "Les 3 mesures de cet import seront supprimées" in page.text
    assert Measurement.objects.count() == 5

    response = client.post(undo_url(batch))
    assert response.status_code == 302
    assert response["Location"].endswith("#imports")
    remaining = Measurement.objects.order_by("measured_on")
    assert [(m.measured_on, m.value) for m in remaining] == [
        (by_hand.measured_on, by_hand.value),
        (datetime.date(2024, 4, 5), Decimal(21)),
    ]
    assert list(MeasurementBatch.objects.values_list("filename", flat=True)) == ["avril.csv"]
    entry = HistoryEntry.objects.of(experiment).first()
    assert entry.actor == editor
    assert entry.summary == "Import de « comptages-2024.csv » annulé : 3 mesures supprimées"
    assert entry.changes == {"fichier": "comptages-2024.csv", "mesures": 3}


def test_it_says_when_measurements_of_the_batch_were_deleted_one_by_one(
    experiment, trips, contributor
):
    import_file(contributor, experiment, FILE, "comptages-2024.csv")
    batch = MeasurementBatch.objects.get()
    batch.measurements.first().delete()
    page = client_for(contributor).get(undo_url(batch))
    assert "2 mesures de cet import sont encore là : elles seront supprimées" in page.text


def test_an_import_undone_cannot_be_undone_again(experiment, trips, editor):
    import_file(editor, experiment, FILE, "comptages-2024.csv")
    batch = MeasurementBatch.objects.get()
    client = client_for(editor)
    client.post(undo_url(batch))
    assert client.get(undo_url(batch)).status_code == 404
    assert client.post(undo_url(batch)).status_code == 404


def test_a_contributor_undoes_only_their_own_imports(experiment, trips, editor, contributor):
    import_file(editor, experiment, FILE, "comptages-2024.csv")
    batch = MeasurementBatch.objects.get()
    client = client_for(contributor)
    assert client.get(undo_url(batch)).status_code == 403
    assert client.post(undo_url(batch)).status_code == 403
    assert Measurement.objects.count() == 3


def test_readers_outsiders_and_anonymous_cannot_undo(experiment, trips, editor, reader, outsider):
    import_file(editor, experiment, FILE, "comptages-2024.csv")
    batch = MeasurementBatch.objects.get()
    assert client_for(reader).post(undo_url(batch)).status_code == 403
    assert client_for(outsider).get(undo_url(batch)).status_code == 404
    assert client_for(outsider).post(undo_url(batch)).status_code == 404
    anonymous = client_for(None).post(undo_url(batch))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))
    assert Measurement.objects.count() == 3
    assert MeasurementBatch.objects.exists()


def test_a_batch_of_another_experiment_is_not_found(experiment, trips, editor):
    other = MeasurementBatch.objects.create(
        experiment=IndicatorFactory().experiment, filename="ailleurs.csv", count=0
    )
    url = reverse("evaluation:undo_import", args=[experiment.pk, other.pk])
    assert client_for(editor).post(url).status_code == 404
    assert MeasurementBatch.objects.filter(pk=other.pk).exists()
