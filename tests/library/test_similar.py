"""« Expériences similaires » computed from the database (``library/similarity.py``): the
published sheets only, their public text only, an experiment asked against them, the lists
written once and kept while nothing moves, a change in a large library refreshed without
computing every pair; and « près de chez vous »."""

import pytest

from essaim.experiments.models import Experiment
from essaim.library import similarity
from essaim.library.models import ExperienceSheet, SimilarSheet, SimilarToExperiment
from essaim.library.services.similar import nearby_sheets, similar_sheets, similar_to_experiment
from essaim.territories.models import Commune
from essaim.themes.models import Theme
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db

CARPOOLING = (
    "Covoiturage solidaire entre les villages : des arrêts signalés pour rejoindre le bourg, "
    "des conducteurs inscrits, des passagers sans voiture."
)
CARPOOLING_TOO = (
    "Covoiturer vers la gare : une ligne de covoiturage avec des arrêts signalés dans chaque "
    "village, pour les passagers sans voiture."
)
COMPOST = (
    "Compostage partagé au pied des immeubles : des bacs de compost, des habitants formés, "
    "des biodéchets qui ne partent plus à l'incinération."
)
TIERS_LIEU = "Un tiers-lieu dans l'ancienne gare : atelier de réparation et café associatif."


def neighbours_of(sheet) -> list[str]:
    return [link.neighbour.title for link in similar_sheets(sheet)]


def test_a_sheet_on_carpooling_finds_the_other_sheet_on_carpooling_first(referential):
    first = make_sheet("Covoiturage en Ardèche", summary=CARPOOLING, themes=("mobilite",))
    make_sheet("Compost au pied des immeubles", summary=COMPOST, themes=("alimentation",))
    make_sheet("Une ligne de covoiturage", summary=CARPOOLING_TOO, themes=("mobilite",))

    done = similarity.refresh()

    assert done["fiches publiées"] == 3 and done["calcul"] == "complet"
    assert neighbours_of(first)[0] == "Une ligne de covoiturage"
    link = similar_sheets(first)[0]
    assert link.rank == 1 and 0 < link.score <= 1
    assert link.shared_themes == "mobilité"


def test_drafts_and_withdrawn_sheets_are_never_neighbours(referential, owner):
    first = make_sheet("Covoiturage en Ardèche", summary=CARPOOLING, owner=owner)
    draft = make_sheet("Covoiturage en brouillon", summary=CARPOOLING_TOO, published=False)
    withdrawn = make_sheet("Covoiturage retiré", summary=CARPOOLING_TOO, owner=owner)
    withdrawn.withdraw(owner, "Les chiffres sont à revoir.")
    published = make_sheet("Covoiturage publié", summary=CARPOOLING_TOO)

    similarity.refresh()

    assert neighbours_of(first) == ["Covoiturage publié"]
    assert not SimilarSheet.objects.filter(sheet__in=[draft, withdrawn]).exists()
    assert not SimilarSheet.objects.filter(neighbour__in=[draft, withdrawn]).exists()
    # All four lie in Privas: the nearby sheets are the published ones.
    assert nearby_sheets(first) == [published]

    published.withdraw(owner, "Doublon.")
    assert similar_sheets(first) == []  # hidden at once, before the next computation
    similarity.refresh()
    assert not SimilarSheet.objects.filter(neighbour=published).exists()


def test_internal_notes_and_review_remarks_never_make_neighbours(referential):
    sentinel = "Zorglub zorglubien zorglubienne. " * 20
    café = make_sheet(
        "Café associatif", summary=TIERS_LIEU, internal_notes=sentinel, review_note=sentinel
    )
    compost = make_sheet(
        "Compost partagé", summary=COMPOST, internal_notes=sentinel, review_note=sentinel
    )

    similarity.refresh()

    assert similar_sheets(café) == [] and similar_sheets(compost) == []
    documents = similarity.published_sheet_documents()
    assert all("zorglub" not in document.text.lower() for document in documents)
    assert any("tiers-lieu" in document.text for document in documents)


def test_the_kind_of_territory_and_shared_themes_bring_sheets_closer(referential):
    rural = make_sheet("Covoiturage rural", summary=CARPOOLING, setting="rural")
    same_kind = make_sheet("Ligne de covoiturage", summary=CARPOOLING_TOO, setting="rural")
    other_kind = make_sheet("Ligne de covoiturage", summary=CARPOOLING_TOO, setting="urbain")

    similarity.refresh()

    links = {link.neighbour: link.score for link in similar_sheets(rural)}
    assert links[same_kind] == pytest.approx(links[other_kind] + 0.05, abs=1e-5)
    documents = {d.key: d for d in similarity.published_sheet_documents()}
    assert documents[rural.pk].territory_kind == "rural"


def test_an_experiment_gets_the_sheets_like_its_framing_but_not_its_own(referential, owner):
    experiment = Experiment.objects.create(
        title="Covoiturage vers la gare",
        need="Les habitants sans voiture ne rejoignent pas la gare.",
        purposes="Des arrêts de covoiturage signalés dans chaque village.",
        theme=Theme.objects.get(slug="mobilite"),
    )
    own = make_sheet("Notre covoiturage", summary=CARPOOLING_TOO, experiment=experiment)
    other = make_sheet("Covoiturage voisin", summary=CARPOOLING, themes=("mobilite",))
    make_sheet("Compost partagé", summary=COMPOST)
    draft = make_sheet("Covoiturage à venir", summary=CARPOOLING, published=False)

    similarity.refresh()

    found = similar_to_experiment(experiment)
    assert found[0].sheet == other and found[0].shared_themes == "mobilité"
    assert own not in [link.sheet for link in found]
    assert draft not in [link.sheet for link in found]


def test_lists_that_did_not_move_are_not_written_again(referential):
    make_sheet("Covoiturage en Ardèche", summary=CARPOOLING)
    make_sheet("Une ligne de covoiturage", summary=CARPOOLING_TOO)
    first = similarity.refresh()
    assert first["listes de fiches réécrites"] == 2
    ids = sorted(SimilarSheet.objects.values_list("pk", flat=True))

    again = similarity.refresh()

    assert again["listes de fiches réécrites"] == 0
    assert again["listes d'expérimentations réécrites"] == 0
    assert sorted(SimilarSheet.objects.values_list("pk", flat=True)) == ids


def test_an_empty_library_clears_what_was_written(referential, owner):
    sheet = make_sheet("Covoiturage", summary=CARPOOLING, owner=owner)
    make_sheet("Covoiturage aussi", summary=CARPOOLING_TOO, owner=owner)
    experiment = Experiment.objects.create(title="Covoiturage", need=CARPOOLING)
    similarity.refresh()
    assert SimilarToExperiment.objects.filter(experiment=experiment).exists()

    for published in ExperienceSheet.objects.published():
        published.withdraw(owner, "Fin.")
    similarity.refresh()

    assert not SimilarSheet.objects.exists() and not SimilarToExperiment.objects.exists()
    assert similar_sheets(sheet) == []


@pytest.fixture
def large_library(monkeypatch):
    """Every change is refreshed as in a library too large to compute whole."""
    monkeypatch.setattr(similarity, "FULL_COMPUTATION_UP_TO", 0)


def full_lists() -> dict[int, list[int]]:
    index = similarity.Index(similarity.published_sheet_documents())
    return {
        key: [n.key for n in found]
        for key, found in index.neighbours(k=similarity.NEIGHBOURS).items()
    }


def stored_lists() -> dict[int, list[int]]:
    stored = similarity.stored_sheet_lists()
    return {key: [n.key for n in stored.get(key, [])] for key in full_lists()}


def test_in_a_large_library_one_change_refreshes_the_lists_it_enters_or_leaves(
    referential, owner, large_library
):
    # Titles that add no word: only the texts bring sheets together.
    texts = [CARPOOLING, CARPOOLING_TOO, COMPOST, TIERS_LIEU]
    sheets = [
        make_sheet(f"{number}", summary=texts[number % 4], owner=owner) for number in range(12)
    ]
    similarity.refresh()  # every list, once
    assert stored_lists() == full_lists()

    moved = sheets[0]  # from carpooling to compost
    moved.summary = COMPOST + " Le compost remplace le covoiturage."
    moved.save()
    done = similarity.refresh([moved.pk])
    assert done["calcul"] == "partiel"
    assert stored_lists() == full_lists()
    assert moved.pk not in [link.neighbour_id for link in similar_sheets(sheets[1])]

    sheets[2].withdraw(owner, "Doublon.")
    similarity.refresh([sheets[2].pk])
    assert stored_lists() == full_lists()
    assert not SimilarSheet.objects.filter(sheet=sheets[2]).exists()

    added = make_sheet("12", summary=TIERS_LIEU)
    similarity.refresh([added.pk])
    assert stored_lists() == full_lists()
    assert added.pk in [link.neighbour_id for link in similar_sheets(sheets[3])]


def communes_around_privas() -> tuple[str, str, str]:
    """A commune of Privas's EPCI, one of Ardèche outside it, one outside Ardèche."""
    privas = Commune.objects.get(insee_code="07186")
    same_epci = Commune.objects.filter(epci=privas.epci).exclude(pk=privas.pk).first()
    same_departement = (
        Commune.objects.filter(departement=privas.departement).exclude(epci=privas.epci).first()
    )
    elsewhere = Commune.objects.exclude(departement=privas.departement).first()
    return same_epci.insee_code, same_departement.insee_code, elsewhere.insee_code


def test_nearby_sheets_are_those_of_the_same_epci_first_then_of_the_departement(referential, owner):
    same_epci, same_departement, elsewhere = communes_around_privas()
    departement_first = make_sheet("Dans le département", insee_code=same_departement)
    epci = make_sheet("Dans l'intercommunalité", insee_code=same_epci)
    make_sheet("Ailleurs", insee_code=elsewhere)
    make_sheet("Brouillon voisin", insee_code=same_epci, published=False)
    sheet = make_sheet("À Privas")

    assert nearby_sheets(sheet) == [epci, departement_first]
    assert nearby_sheets(sheet, limit=1) == [epci]
    assert nearby_sheets(make_sheet("Sans territoire", insee_code=None)) == []
