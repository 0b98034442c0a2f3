"""Where the neighbours are shown: the block « Expériences similaires dans la bibliothèque » on
an experiment's overview (its members only), and « Expériences similaires » / « Près de chez
vous » on a sheet's public page — public fields only, in a fixed number of queries."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaim.experiments.models import Experiment
from essaim.library import similarity
from essaim.library.models import SimilarSheet, SimilarToExperiment
from essaim.library.services.similar import nearby_sheets, similar_sheets
from essaim.roles.models import Role
from essaim.themes.models import Theme
from tests.conftest import client_for
from tests.library.conftest import make_sheet
from tests.library.test_similar import CARPOOLING, CARPOOLING_TOO

pytestmark = pytest.mark.django_db

SECRET = "Zorglub-secret"


@pytest.fixture
def experiment(owner, reader) -> Experiment:
    experiment = Experiment.objects.create(
        title="Covoiturage vers la gare",
        need=CARPOOLING,
        purposes=CARPOOLING_TOO,
        theme=Theme.objects.get(slug="mobilite"),
    )
    experiment.grant(owner, Role.OWNER)
    experiment.grant(reader, Role.READER)
    return experiment


def link_sheets(experiment: Experiment, count: int) -> list:
    """``count`` published sheets written as the experiment's neighbours."""
    sheets = [
        make_sheet(
            f"Covoiturage n° {number}",
            summary=CARPOOLING,
            internal_notes=SECRET,
            illustrative=number == 0,
        )
        for number in range(count)
    ]
    SimilarToExperiment.objects.filter(experiment=experiment).delete()
    SimilarToExperiment.objects.bulk_create(
        SimilarToExperiment(
            experiment=experiment, sheet=sheet, rank=rank, score=0.5, shared_themes="mobilité"
        )
        for rank, sheet in enumerate(sheets, start=1)
    )
    return sheets


def overview(user, experiment: Experiment):
    return client_for(user).get(reverse("experiments:detail", args=[experiment.pk]))


def test_the_overview_of_an_experiment_shows_its_similar_sheets(referential, reader, experiment):
    similar = make_sheet("Une ligne de covoiturage", summary=CARPOOLING_TOO, themes=("mobilite",))
    similarity.refresh()

    response = overview(reader, experiment)

    assert response.status_code == 200
    assert "Expériences similaires dans la bibliothèque" in response.text
    assert f'href="{similar.get_public_url()}"' in response.text
    assert "Thèmes en commun : mobilité" in response.text
    assert "Ardèche" in response.text


def test_the_overview_says_when_nothing_is_similar_yet(reader, experiment):
    text = overview(reader, experiment).text
    assert "Aucune fiche de la bibliothèque ne ressemble encore" in text


def test_an_outsider_still_gets_no_overview(referential, outsider, experiment):
    link_sheets(experiment, 2)
    response = overview(outsider, experiment)
    assert response.status_code == 404
    assert "Covoiturage n° 0" not in response.text
    anonymous = client_for(None).get(reverse("experiments:detail", args=[experiment.pk]))
    assert anonymous.status_code == 302


def test_a_withdrawn_sheet_leaves_the_block_at_once(referential, reader, owner, experiment):
    first, second = link_sheets(experiment, 2)
    second.grant(owner, Role.OWNER)
    second.withdraw(owner, "Doublon.")
    text = overview(reader, experiment).text
    assert first.title in text and second.title not in text


def test_the_block_reads_its_sheets_in_a_fixed_number_of_queries(referential, reader, experiment):
    def queries_with(count: int) -> int:
        sheets = link_sheets(experiment, count)
        with CaptureQueriesContext(connection) as captured:
            response = overview(reader, experiment)
        assert all(sheet.title in response.text for sheet in sheets)
        return len(captured)

    assert queries_with(5) == queries_with(1)


def test_the_public_block_shows_public_fields_only(referential, owner):
    sheet = make_sheet("Covoiturage en Ardèche", summary=CARPOOLING, owner=owner)
    neighbour = make_sheet(
        "Une ligne de covoiturage",
        summary=CARPOOLING_TOO,
        internal_notes=SECRET,
        review_note=SECRET,
        themes=("mobilite",),
        illustrative=True,
    )
    neighbour.contacts.create(name="Nina Secret", email="nina@example.org")
    similarity.refresh()

    html = render_to_string(
        "library/_similar.html",
        {"similar": similar_sheets(sheet), "nearby": nearby_sheets(sheet)},
    )

    assert html.count(f'href="{neighbour.get_public_url()}"') == 2  # similar, and nearby
    assert "Exemple illustratif" in html and "Ardèche" in html
    assert SECRET not in html and "Nina" not in html and "nina@" not in html
    assert render_to_string("library/_similar.html", {"similar": [], "nearby": []}).strip() == ""


def test_the_public_page_of_a_sheet_shows_its_neighbours(referential, owner):
    sheet = make_sheet("Covoiturage en Ardèche", summary=CARPOOLING, owner=owner)
    neighbour = make_sheet("Une ligne de covoiturage", summary=CARPOOLING_TOO)
    similarity.refresh()
    assert SimilarSheet.objects.filter(sheet=sheet, neighbour=neighbour).exists()

    text = client_for(None).get(sheet.get_public_url()).text

    assert 'id="similaires"' in text and 'id="pres-de-chez-vous"' in text
    assert f'href="{neighbour.get_public_url()}"' in text


def test_similar_and_nearby_sheets_are_read_in_one_query_each(
    referential, django_assert_num_queries
):
    sheets = [make_sheet(f"Covoiturage n° {n}", summary=CARPOOLING) for n in range(7)]
    similarity.refresh()
    with django_assert_num_queries(2):  # the neighbours, with their département; the nearby
        html = render_to_string(
            "library/_similar.html",
            {"similar": similar_sheets(sheets[0]), "nearby": nearby_sheets(sheets[0])},
        )
    assert html.count('class="similar-sheet"') == 10  # 5 neighbours, 5 nearby
