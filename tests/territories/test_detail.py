from django.urls import reverse

from essaim.organisations.models import Organisation
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.territories.conftest import CREST


def url(territory) -> str:
    return reverse("territories:detail", args=[territory.pk])


def test_it_requires_login(client, shared_territory):
    response = client.get(url(shared_territory))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_a_private_territory_does_not_exist_for_outsiders(outsider, private_territory):
    assert client_for(outsider).get(url(private_territory)).status_code == 404


def test_a_shared_territory_is_open_to_every_signed_in_user(outsider, shared_territory):
    content = client_for(outsider).get(url(shared_territory)).content.decode()
    assert "Pays de Saillans" in content
    assert reverse("territories:edit", args=[shared_territory.pk]) not in content
    assert reverse("territories:delete", args=[shared_territory.pk]) not in content


def test_it_shows_the_perimeter_its_communes_organisations_and_members(
    reader, owner, private_territory
):
    Organisation.objects.create(
        name="Mairie de Saillans", kind="commune", territory=private_territory
    )
    content = client_for(reader).get(url(private_territory)).content.decode()
    assert "<h1>Vallée de la Drôme</h1>" in content
    # Saillans 1 460, Crest 8 658, Vercheny 443
    assert "Pays · 3 communes · 10\xa0561\xa0habitants" in content
    assert f'<a href="/territoires/commune/{CREST}/">Crest</a>' in content
    assert '<td data-label="Codes postaux">26340</td>' in content
    assert "CC du Crestois et de Pays de Saillans Coeur de Drôme" in content
    assert "Mairie de Saillans" in content
    assert "Olivia Propriétaire" in content and "Louis Lecteur" in content
    assert reverse("territories:edit", args=[private_territory.pk]) not in content


def test_editors_see_the_edit_link_and_owners_the_delete_and_members_ones(
    editor, owner, private_territory
):
    edit_url = reverse("territories:edit", args=[private_territory.pk])
    delete_url = reverse("territories:delete", args=[private_territory.pk])
    members_url = reverse("territories:members", args=[private_territory.pk])
    for_editor = client_for(editor).get(url(private_territory)).content.decode()
    assert edit_url in for_editor and delete_url not in for_editor
    for_owner = client_for(owner).get(url(private_territory)).content.decode()
    assert edit_url in for_owner and delete_url in for_owner and members_url in for_owner


def test_the_singular_is_used_for_one_commune_and_one_inhabitant(outsider, owner):
    from tests.territories.factories import TerritoryFactory

    hamlet = TerritoryFactory(name="Rochefourchat", communes=["26274"], owner=owner)
    content = client_for(outsider).get(url(hamlet)).content.decode()
    assert "Pays · 1 commune · 2\xa0habitants" in content


def test_the_page_runs_the_same_queries_whatever_the_number_of_communes(
    owner, private_territory, shared_territory, django_assert_num_queries
):
    client = client_for(owner)
    client.get(url(private_territory))
    # 1 session, 2 user, 3 the territory with its stats, EPCI, département, creator and the
    # user's role, 4 count of its communes, 5 the page of communes with départements and EPCI,
    # 6 organisations, 7 members with their users, 8 the experiments the user may see on it
    for territory in (private_territory, shared_territory):
        # + 1: the generations of the tables, read before the page is made (page_cache.py)
        with django_assert_num_queries(9):
            assert client.get(url(territory)).status_code == 200


def test_the_page_runs_the_same_queries_whatever_the_number_of_experiments(
    owner, shared_territory, django_assert_num_queries
):
    client = client_for(owner)
    client.get(url(shared_territory))
    for total in (2, 20):
        while shared_territory.experiments.count() < total:
            experiment = ExperimentFactory(title=f"Expérimentation {total:02d}")
            experiment.grant(owner, Role.READER)
            experiment.territories.add(shared_territory)
        # the same 8 queries: 8 the experiments the user may see on it, their title and stage
        # + 1: the generations of the tables, read before the page is made (page_cache.py)
        with django_assert_num_queries(9):
            text = client.get(url(shared_territory)).text
        assert text.count('class="badge badge--stage') == total
