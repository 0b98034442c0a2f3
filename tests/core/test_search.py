"""Full-text search over the one index: accents, case and plurals ignored, title matches first,
visibility kept, the index in step with saves and deletions. These tests run on SQLite (FTS5)
and on PostgreSQL (tsvector), and expect the same answers from both."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from essaim.core.models import SearchEntry
from essaim.core.search import matching_entries, search
from essaim.experiments.models import Experiment
from essaim.organisations.models import Organisation, Person
from essaim.roles.models import Role
from essaim.territories.models import Territory
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.organisations.factories import OrganisationFactory, PersonFactory
from tests.territories.factories import TerritoryFactory

pytestmark = pytest.mark.django_db


def found(text: str, queryset=None) -> set[str]:
    queryset = Experiment.objects.all() if queryset is None else queryset
    return set(search(queryset, text).values_list("title", flat=True))


@pytest.fixture
def experiments():
    ExperimentFactory(title="Développement local des tiers-lieux")
    ExperimentFactory(title="Mobilité solidaire en Chartreuse")
    ExperimentFactory(title="Centrale villageoise du Trièves")
    ExperimentFactory(title="Autostop organisé", need="Les jeunes sans voiture ni permis.")


def test_accents_and_case_are_ignored(experiments):
    assert found("developpement") == {"Développement local des tiers-lieux"}
    assert found("DÉVELOPPEMENT LOCAL") == {"Développement local des tiers-lieux"}
    assert found("trieves") == {"Centrale villageoise du Trièves"}


def test_plurals_and_feminines_find_the_singular(experiments):
    assert found("mobilités") == {"Mobilité solidaire en Chartreuse"}
    assert found("villageoises") == {"Centrale villageoise du Trièves"}
    assert found("centrales villageoises") == {"Centrale villageoise du Trièves"}


def test_the_last_word_may_be_the_beginning_of_a_word(experiments):
    assert found("chartr") == {"Mobilité solidaire en Chartreuse"}
    assert found("développem") == {"Développement local des tiers-lieux"}
    assert found("mobilité chart") == {"Mobilité solidaire en Chartreuse"}


def test_a_word_begun_of_any_length_finds_the_words_it_begins():
    ExperimentFactory(title="Anticonstitutionnellement", summary="Le 2e appel à projets, en 2024.")
    ExperimentFactory(title="Navette des aînés")
    assert found("anticonstitutionnel") == {"Anticonstitutionnellement"}  # beyond 12 letters
    assert found("anticonstitutionnalité") == set()
    assert found("2e 202") == {"Anticonstitutionnellement"}
    assert found("navette a") == {"Navette des aînés"}  # one letter begins « aînés »
    assert found("navette z") == set()


def test_every_word_must_be_found(experiments):
    assert found("mobilité villageoise") == set()
    assert found("zzz") == set()


def test_the_body_is_searched_too(experiments):
    assert found("permis") == {"Autostop organisé"}


def test_a_query_without_words_leaves_the_queryset_alone(experiments):
    assert len(found(" ; ! ")) == 4


def test_synonyms_find_each_other_and_a_multiword_expression_needs_all_its_words():
    groups = [["autostop organisé", "covoiturage"]]
    ExperimentFactory(title="Covoiturage des salariés")
    ExperimentFactory(title="Autostop organisé du Diois")
    ExperimentFactory(title="Autostop", need="Rien n'est prévu.")
    ExperimentFactory(title="Organisé autrement")

    assert set(
        search(Experiment.objects.all(), "covoiturage", synonyms=groups).values_list(
            "title", flat=True
        )
    ) == {"Covoiturage des salariés", "Autostop organisé du Diois"}
    assert set(
        search(Experiment.objects.all(), "autostop organisé", synonyms=groups).values_list(
            "title", flat=True
        )
    ) == {"Covoiturage des salariés", "Autostop organisé du Diois"}
    assert found("covoiturage") == {"Covoiturage des salariés"}  # without the synonyms
    ranked = search(Experiment.objects.all(), "covoiturage", ranked=True, synonyms=groups)
    assert {e.search_rank for e in ranked} == {0}


def test_a_verb_finds_its_noun_in_age_and_back():
    ExperimentFactory(title="Covoiturer entre voisins")
    ExperimentFactory(title="Une centrale de covoiturage")
    assert found("covoiturage") == {"Covoiturer entre voisins", "Une centrale de covoiturage"}
    assert found("covoiturer") == {"Covoiturer entre voisins", "Une centrale de covoiturage"}


def test_title_matches_rank_first():
    ExperimentFactory(title="Autopartage", summary="Un covoiturage entre voisins.")
    ExperimentFactory(title="Covoiturage des salariés")
    ExperimentFactory(title="Bus des montagnes")

    ranked = search(Experiment.objects.all(), "covoiturage", ranked=True).order_by(
        "search_rank", "title"
    )

    assert [(e.title, e.search_rank) for e in ranked] == [
        ("Covoiturage des salariés", 0),
        ("Autopartage", 1),
    ]


def test_the_search_keeps_to_the_queryset_it_is_given(experiments, owner):
    mine = ExperimentFactory(title="Mobilité des aînés")
    mine.grant(owner, Role.OWNER)

    assert found("mobilité", Experiment.objects.visible_to(owner)) == {"Mobilité des aînés"}


def test_an_outsider_never_finds_what_they_cannot_see(owner, outsider):
    secret = ExperimentFactory(title="Mobilité confidentielle")
    secret.grant(owner, Role.OWNER)
    PersonFactory(first_name="Mylène", last_name="Thou", organisation=OrganisationFactory())
    TerritoryFactory(name="Vallée confidentielle", shared=False, owner=owner)

    client = client_for(outsider)

    assert "confidentielle" not in client.get(reverse("experiments:list"), {"q": "mobilit"}).text
    assert "THOU" not in client.get(reverse("organisations:person_list"), {"q": "thou"}).text
    assert "Vallée" not in client.get(reverse("territories:list"), {"q": "vallee"}).text
    assert found("confidentielle", Experiment.objects.visible_to(outsider)) == set()
    assert (
        "Mobilité confidentielle"
        in client_for(owner).get(reverse("experiments:list"), {"q": "confidentielles"}).text
    )


def test_the_list_shows_title_matches_first(owner):
    for title, summary in (
        ("Autopartage", "Un covoiturage entre voisins."),
        ("Covoiturage des salariés", ""),
    ):
        ExperimentFactory(title=title, summary=summary).grant(owner, Role.READER)

    text = client_for(owner).get(reverse("experiments:list"), {"q": "covoiturages"}).text

    assert text.index("Covoiturage des salariés</a>") < text.index("Autopartage</a>")


def test_the_index_follows_saves_and_deletions():
    experiment = ExperimentFactory(title="Épicerie itinérante")
    assert found("epicerie") == {"Épicerie itinérante"}

    experiment.title = "Boulangerie itinérante"
    experiment.save(update_fields=["title"])
    assert found("epicerie") == set()
    assert found("boulangeries") == {"Boulangerie itinérante"}

    experiment.delete()
    assert found("boulangerie") == set()
    assert not SearchEntry.objects.filter(object_id=experiment.pk).exists()


def test_a_save_of_other_fields_does_not_touch_the_index(django_assert_num_queries):
    experiment = ExperimentFactory(title="Épicerie itinérante")

    # 1. the update of the theme, and nothing for the index.
    with django_assert_num_queries(1):
        experiment.theme_id = "energie"
        experiment.save(update_fields=["theme"])


def test_the_directory_and_territories_are_indexed(owner):
    OrganisationFactory(name="Association des Centrales Villageoises", short_name="ACV")
    PersonFactory(first_name="Mylène", last_name="Thou", function="Chargée de mission")
    TerritoryFactory(name="Vallée de la Drôme", description="Vingt-neuf communes rurales.")

    assert list(search(Organisation.objects.all(), "centrale villageoise")) == list(
        Organisation.objects.filter(short_name="ACV")
    )
    assert search(Organisation.objects.all(), "acv").get().short_name == "ACV"
    assert search(Person.objects.all(), "mylene chargées").get().last_name == "Thou"
    assert search(Territory.objects.all(), "communes rurale").get().name == "Vallée de la Drôme"


def test_reindex_rebuilds_the_index(experiments):
    SearchEntry.objects.all().delete()
    assert found("mobilité") == set()

    output = io.StringIO()
    call_command("reindex", stdout=output)

    assert found("mobilité") == {"Mobilité solidaire en Chartreuse"}
    assert "experiments.Experiment : 4 entrées" in output.getvalue()
    assert SearchEntry.objects.count() == 4


def test_a_search_adds_no_query_to_the_contacts_list(outsider, django_assert_num_queries):
    for person in PersonFactory.create_batch(3, function="Chargée de mission"):
        person.grant(outsider, Role.OWNER)
    client = client_for(outsider)

    # 1. the session, 2. the user, 3. the number of contacts found (paginator),
    # 4. the page of contacts with their organisation, 5. the organisations of the filter.
    with django_assert_num_queries(5):
        response = client.get(reverse("organisations:person_list"), {"q": "chargees"})

    assert response.text.count("Chargée de mission") == 3


def test_a_search_adds_no_query_to_the_lists(owner):
    for number in range(3):
        ExperimentFactory(title=f"Covoiturage {number}").grant(owner, Role.READER)
    TerritoryFactory(name="Vallée de la Drôme", owner=owner)
    OrganisationFactory(name="Centrales villageoises")
    client = client_for(owner)

    for name, query in (
        ("experiments:list", "covoiturages"),
        ("territories:list", "vallee"),
        ("organisations:list", "centrale"),
    ):
        client.get(reverse(name))  # what a process reads once (content types) is read here
        with CaptureQueriesContext(connection) as unfiltered:
            client.get(reverse(name))
        with CaptureQueriesContext(connection) as searched:
            response = client.get(reverse(name), {"q": query})
        assert response.status_code == 200
        assert len(searched) == len(unfiltered), name


def test_a_save_of_only_the_foreign_keys_read_by_the_related_text_reindexes(referential):
    """A sheet's entry holds the names of its place (read through its foreign keys): a save of
    its place alone writes it again."""
    from essaim.library.models import ExperienceSheet
    from essaim.library.services.placing import place_sheet
    from tests.library.conftest import make_sheet, territory_of

    sheet = make_sheet("Une recyclerie")  # in Privas
    new_commune = territory_of("26198")
    name = new_commune.communes.get().name
    sheet = ExperienceSheet.objects.get(pk=sheet.pk)
    assert not search(ExperienceSheet.objects.all(), name).exists()

    sheet.territory = new_commune
    place_sheet(sheet)
    sheet.save(update_fields=["territory", "commune", "epci", "departement", "region"])

    assert list(search(ExperienceSheet.objects.all(), name)) == [sheet]
    assert not search(ExperienceSheet.objects.all(), "Privas").exists()


def test_matching_entries_lists_the_entries_and_those_whose_title_holds_every_word():
    in_title = ExperimentFactory(title="Covoiturage des salariés")
    in_body = ExperimentFactory(title="Autopartage", summary="Un covoiturage entre voisins.")
    ExperimentFactory(title="Bus des montagnes")
    entry_of = dict(SearchEntry.objects.values_list("object_id", "pk"))

    matches = matching_entries("covoit", in_title=True)

    assert sorted(matches.entries.tolist()) == sorted([entry_of[in_title.pk], entry_of[in_body.pk]])
    assert matches.in_title.tolist() == [entry_of[in_title.pk]]
    assert matching_entries("covoiturages").in_title is None  # not asked for
    assert matching_entries("tramway").entries.tolist() == []
    assert matching_entries(" ?! ") is None  # no word: nothing to narrow
