"""The kit as PDF and DOCX, built through the documents of dossiers and opened to read what
they say: a project leader elsewhere reads it without knowing Essaim."""

import datetime
import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from essaim.scaling.models import CharterKind, KitItem, KitItemKind, TransferKit
from essaim.scaling.services.network import add_replication
from essaim.territories.models import Commune
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def kit(referential, experiment) -> TransferKit:
    kit = TransferKit.objects.create(
        experiment=experiment,
        slug="centrales-villageoises",
        title="Centrales villageoises : une société locale d'énergie citoyenne",
        summary="Des habitants produisent ensemble leur électricité solaire.",
        origin="Né en 2010 avec des parcs naturels régionaux.",
        charter_kind=CharterKind.CHARTER,
        charter_name="Charte des Centrales Villageoises",
        support_offered="Un parrain du réseau pour chaque nouvelle société.",
        contact_name="Claude Dubreuil",
    )
    KitItem.objects.create(kit=kit, kind=KitItemKind.CORE, title="Une gouvernance citoyenne")
    KitItem.objects.create(
        kit=kit, kind=KitItemKind.ADAPTABLE, title="La forme juridique", guidance="SAS ou SCIC."
    )
    KitItem.objects.create(kit=kit, kind=KitItemKind.PREREQUISITE, title="Des toitures identifiées")
    for name, code in (("Diois", "26113"), ("Val de Drôme", "26113"), ("Privas", "07186")):
        add_replication(
            model=experiment,
            actor=None,
            on=datetime.date(2016, 1, 1),
            name=name,
            commune=Commune.objects.get(insee_code=code),
        )
    return kit


def text_of_pdf(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return reader, text.replace("\u202f", " ").replace("\xa0", " ")


def test_the_kit_is_a_pdf_that_says_what_a_newcomer_needs(kit, reader, experiment):
    response = client_for(reader).get(
        reverse("dossiers:document", args=[experiment.pk, "kit", "pdf"])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="kit-essaimage-' in response["Content-Disposition"]
    pdf, text = text_of_pdf(response.content)
    assert pdf.metadata.title == f"Kit d'essaimage — {kit.title}"
    for expected in (
        "Des habitants produisent ensemble leur électricité solaire.",
        "Le socle commun, qui ne change pas",
        "Une gouvernance citoyenne",
        "Comment l'adapter : SAS ou SCIC.",
        "Les prérequis pour un nouveau territoire",
        "Charte « Charte des Centrales Villageoises ».",
        "Un parrain du réseau pour chaque nouvelle société.",
        "Cotisation : aucune.",
        "3 territoires dans 2 départements : 3 premiers contacts.",
        "Essaim · kit établi le",
    ):
        assert expected in text, expected
    # Nothing of Essaim's own pages: no address of the experiment, no word of the interface.
    assert f"/experimentations/{experiment.pk}" not in text


def test_the_kit_is_a_docx_with_the_same_chapters(kit, reader, experiment):
    response = client_for(reader).get(
        reverse("dossiers:document", args=[experiment.pk, "kit", "docx"])
    )
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        "L'histoire du modèle",
        "Le socle commun, qui ne change pas",
        "Une gouvernance citoyenne",
    ]
    assert "Le réseau aujourd'hui" in headings
    texts = [p.text for p in document.paragraphs]
    assert "Charte « Charte des Centrales Villageoises »." in texts
    assert len(document.inline_shapes) == 1  # the map of the network


def test_an_experiment_without_a_kit_has_no_kit_document(reader, experiment, outsider, kit):
    from tests.experiments.factories import ExperimentFactory

    other = ExperimentFactory()
    other.grant(reader, "reader")
    assert (
        client_for(reader)
        .get(reverse("dossiers:document", args=[other.pk, "kit", "pdf"]))
        .status_code
        == 404
    )
    url = reverse("dossiers:document", args=[experiment.pk, "kit", "pdf"])
    assert client_for(outsider).get(url).status_code == 404
