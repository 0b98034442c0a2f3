"""The page that imports measurements from a CSV or XLSX file."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from essaim.core.models import HistoryEntry
from essaim.evaluation.models import IndicatorKind, Measurement
from tests.conftest import client_for
from tests.evaluation.factories import IndicatorFactory, MeasurementFactory

GOOD = (
    "Indicateur;Date;Valeur;Commentaire\r\n"
    "Trajets mensuels;05/01/2024;1 234,5;Comptage à la mairie\r\n"
    "Satisfaction;05/01/2024;satisfaits;\r\n"
).encode("cp1252")
BAD = (
    "indicateur;date;valeur\r\n"
    "Trajets mensuels;05/01/2024;12\r\n"
    "Trajets mensuels;31/02/2024;12\r\n"
    "Trajets;05/02/2024;12\r\n"
    "Trajets mensuels;12/03/2024;12\r\n"
).encode("cp1252")


@pytest.fixture
def indicators(experiment):
    trips = IndicatorFactory(experiment=experiment, name="Trajets mensuels", unit="trajets")
    IndicatorFactory(
        experiment=experiment,
        name="Satisfaction",
        kind=IndicatorKind.QUALITATIVE,
        scale=["insatisfaits", "satisfaits"],
    )
    MeasurementFactory(indicator=trips, measured_on=datetime.date(2024, 3, 12), value=Decimal(9))


def url(experiment):
    return reverse("evaluation:import_measurements", args=[experiment.pk])


def upload(data: bytes, name: str = "mesures.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_it_shows_the_form_the_format_and_the_indicators(
    experiment, indicators, contributor, django_assert_max_num_queries
):
    client = client_for(contributor)
    # session, user, experiment with the role, permissions, indicators
    with django_assert_max_num_queries(6):
        response = client.get(url(experiment))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Importer des mesures" in content
    assert 'type="file"' in content
    assert reverse("evaluation:import_measurements_model", args=[experiment.pk]) in content
    assert "1 = insatisfaits ; 2 = satisfaits" in content
    assert "un nombre (trajets)" in content


def test_it_says_when_there_is_no_indicator_yet(experiment, contributor):
    response = client_for(contributor).get(url(experiment))

    assert "n'a pas encore d'indicateur" in response.content.decode()


def test_it_imports_a_valid_file_and_says_how_many(experiment, indicators, contributor):
    response = client_for(contributor).post(url(experiment), {"file": upload(GOOD)}, follow=True)

    assert response.redirect_chain == [
        (reverse("evaluation:indicators", args=[experiment.pk]), 302)
    ]
    assert "2 mesures importées : Satisfaction (1), Trajets mensuels (1)." in (
        response.content.decode()
    )
    trips = Measurement.objects.get(
        indicator__name="Trajets mensuels", measured_on__year=2024, measured_on__month=1
    )
    assert trips.value == Decimal("1234.5")
    assert trips.comment == "Comptage à la mairie"
    assert trips.recorded_by == contributor
    entry = HistoryEntry.objects.of(experiment).get(verb="import")
    assert entry.summary == "Import de 2 mesures depuis « mesures.csv »"
    assert entry.actor == contributor


def test_it_imports_nothing_and_lists_every_error(experiment, indicators, contributor):
    response = client_for(contributor).post(url(experiment), {"file": upload(BAD)})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Aucune mesure n'a été importée" in content
    assert "Le fichier contient 3 erreurs" in content
    assert "la date « 31/02/2024 » n&#x27;existe pas." in content
    assert "l&#x27;indicateur « Trajets » est inconnu" in content
    assert "une mesure existe déjà le 12/03/2024 pour « Trajets mensuels »." in content
    assert Measurement.objects.count() == 1
    assert not HistoryEntry.objects.of(experiment).filter(verb="import").exists()


def test_it_only_checks_the_file_when_asked(experiment, indicators, contributor):
    response = client_for(contributor).post(
        url(experiment), {"file": upload(GOOD), "check_only": "on"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Le fichier est valide" in content
    assert "2 mesures seraient importées" in content
    assert 'name="check_only" checked' not in content  # ready to import for good
    assert Measurement.objects.count() == 1


def test_it_says_what_it_left_aside_when_checking(experiment, indicators, contributor):
    data = (
        b"indicateur;date;valeur;saisi par\r\n"
        b"Trajets mensuels;05/01/2024;3;Camille\r\n"
        b"Satisfaction;;;\r\n"
    )

    response = client_for(contributor).post(
        url(experiment), {"file": upload(data), "check_only": "on"}
    )

    content = response.content.decode()
    assert "1 mesure serait importée : Trajets mensuels (1)." in content
    assert "Ligne sans date ni valeur laissée de côté : 3." in content
    assert "Colonne ignorée : saisi par." in content


def test_it_shows_only_the_first_two_hundred_errors(experiment, indicators, contributor):
    lines = ["indicateur;date;valeur"] + [f"Inconnu;05/01/2024;{n}" for n in range(250)]

    response = client_for(contributor).post(
        url(experiment), {"file": upload("\r\n".join(lines).encode())}
    )

    content = response.content.decode()
    assert "Le fichier contient 250 erreurs" in content
    assert content.count('<td data-label="Problème">') == 200
    assert "… et 50 autres erreurs, non affichées." in content


def test_it_requires_a_file(experiment, contributor):
    response = client_for(contributor).post(url(experiment), {})

    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()


def test_it_refuses_a_file_too_large(experiment, contributor, settings):
    data = b"indicateur;date;valeur\r\n" + b"x" * (5 * 1024 * 1024)

    response = client_for(contributor).post(url(experiment), {"file": upload(data)})

    assert "Le fichier dépasse 5 Mo" in response.content.decode()


def test_it_refuses_other_methods(experiment, contributor):
    assert client_for(contributor).put(url(experiment)).status_code == 405


def test_it_sends_anonymous_visitors_to_the_login_page(experiment):
    response = client_for(None).get(url(experiment))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_hides_the_experiment_from_outsiders(experiment, outsider):
    assert client_for(outsider).get(url(experiment)).status_code == 404


def test_it_forbids_readers(experiment, indicators, reader):
    assert client_for(reader).get(url(experiment)).status_code == 403
    response = client_for(reader).post(url(experiment), {"file": upload(GOOD)})
    assert response.status_code == 403
    assert Measurement.objects.count() == 1
