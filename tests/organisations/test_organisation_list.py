from django.urls import reverse

from essaim.organisations.models import OrganisationKind
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.organisations.factories import OrganisationFactory, PersonFactory

URL = reverse("organisations:list")


def test_it_lists_every_organisation_to_any_signed_in_user(organisation, outsider):
    response = client_for(outsider).get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert organisation.get_absolute_url() in content
    assert "Cap Rural" in content
    assert organisation.territory.name in content
    assert 'data-label="Type">Association</td>' in content


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_counts_only_the_contacts_the_user_may_see(organisation, person, reader, outsider):
    PersonFactory(organisation=organisation)
    assert 'class="num">2</td>' in client_for(reader).get(URL).content.decode()
    assert 'class="num">0</td>' in client_for(outsider).get(URL).content.decode()


def test_it_shows_the_role_of_the_user(organisation, editor):
    content = client_for(editor).get(URL).content.decode()
    assert '<span class="badge">éditeur</span>' in content


def test_it_searches_by_name_or_sigle(organisation, outsider):
    OrganisationFactory(name="Association des Centrales Villageoises")
    client = client_for(outsider)
    by_name = client.get(URL, {"q": "centrales"}).content.decode()
    assert "Centrales Villageoises" in by_name
    assert "Cap Rural" not in by_name
    assert "1 organisation correspondant à votre recherche" in by_name
    by_sigle = client.get(URL, {"q": "cr"}).content.decode()
    assert "Cap Rural" in by_sigle


def test_it_filters_by_type(organisation, outsider):
    OrganisationFactory(name="Commune de Saillans", kind=OrganisationKind.COMMUNE)
    content = client_for(outsider).get(URL, {"kind": "commune"}).content.decode()
    assert "Commune de Saillans" in content
    assert "Cap Rural" not in content


def test_it_says_when_nothing_matches(organisation, outsider):
    content = client_for(outsider).get(URL, {"q": "introuvable"}).content.decode()
    assert "Aucune organisation ne correspond à votre recherche." in content


def test_it_invites_to_add_the_first_organisation(outsider):
    content = client_for(outsider).get(URL).content.decode()
    assert "Aucune organisation pour l'instant" in content
    assert reverse("organisations:create") in content


def test_it_pages_by_25(outsider):
    OrganisationFactory.create_batch(26)
    client = client_for(outsider)
    first = client.get(URL).content.decode()
    assert "Page 1 sur 2" in first
    assert first.count('data-label="Nom"') == 25
    second = client.get(URL, {"page": 2, "kind": "association"}).content.decode()
    assert second.count('data-label="Nom"') == 1
    assert "?page=1&amp;kind=association" in second


def test_its_query_count_does_not_grow_with_the_rows(outsider, django_assert_num_queries):
    client = client_for(outsider)
    for count in (3, 30):
        for organisation in OrganisationFactory.create_batch(count, with_territory=True):
            organisation.grant(outsider, Role.READER)
            PersonFactory(organisation=organisation)
        # 1. the session, 2. the user, 3. the number of organisations (paginator),
        # 4. the page of organisations with their territory, role and number of contacts.
        with django_assert_num_queries(4):
            assert client.get(URL).status_code == 200


def test_it_answers_405_to_post(outsider):
    assert client_for(outsider).post(URL).status_code == 405
