"""The dossier as PDF, opened with pypdf to read what it says."""

import io

from django.urls import reverse
from pypdf import PdfReader

from tests.conftest import client_for


def url(experiment):
    return reverse("dossiers:pdf", args=[experiment.pk])


def read_pdf(response) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def test_it_gives_the_whole_dossier_as_pdf(rich_experiment, reader):
    response = client_for(reader).get(url(rich_experiment))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="dossier-autostop-organise-en-vallee-de-la-drome-'
    )
    assert response["Content-Disposition"].endswith('.pdf"')
    pdf, text = read_pdf(response)
    assert len(pdf.pages) > 10
    assert pdf.metadata.title == "Dossier — Autostop organisé en vallée de la Drôme"
    assert pdf.metadata.author == "Essaim"
    for expected in [
        "Autostop organisé en vallée de la Drôme",
        "Exemple illustratif.",
        "Communauté de communes du Crestois et du Pays de Saillans",
        "Sommaire",
        "Si les arrêts sont signalés, alors les trajets augmentent (H1).",
        "Délibération du conseil communautaire n° 2023-118",
        "Région Auvergne-Rhône-Alpes",
        "32 500,50 €",
        "Étape 1 : pose des panneaux",
        "Poser des arrêts signalés",
        "Comité de pilotage",
        "Arrêt supplémentaire n° 1",
        "Enseignement 1",
        "Trajets mensuels",
        "Satisfaction des usagers",
        "Les trajets dépassent la cible intermédiaire",
        "Partiellement atteint",
        "Registre des risques",
        "Historique des étapes",
        "page 2 sur",
    ]:
        assert expected in text.replace("\u202f", " ").replace("\xa0", " "), expected


def test_it_gives_the_dossier_of_an_experiment_barely_framed(experiment, reader):
    response = client_for(reader).get(url(experiment))

    assert response.status_code == 200
    pdf, text = read_pdf(response)
    assert len(pdf.pages) > 1
    assert "Bricobus dans le Loiret" in text
    assert "Aucune hypothèse n'est formulée." in text
    assert "Exemple illustratif" not in text


def test_it_refuses_other_methods(experiment, reader):
    assert client_for(reader).put(url(experiment)).status_code == 405


def test_it_sends_anonymous_visitors_to_the_login_page(experiment):
    response = client_for(None).get(url(experiment))

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_hides_the_experiment_from_outsiders(experiment, outsider):
    assert client_for(outsider).get(url(experiment)).status_code == 404
