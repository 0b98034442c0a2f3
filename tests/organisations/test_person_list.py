from django.urls import reverse

from essaim.roles.models import Role
from tests.conftest import client_for
from tests.organisations.factories import OrganisationFactory, PersonFactory

URL = reverse("organisations:person_list")


def test_it_lists_the_contacts_of_the_users_organisations(person, reader):
    response = client_for(reader).get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert person.get_absolute_url() in content
    assert "THOU Mylène" in content
    assert "mylene.thou@example.org" in content


def test_it_hides_the_contacts_of_other_organisations(person, outsider):
    content = client_for(outsider).get(URL).content.decode()
    assert "Thou" not in content
    assert "Aucun contact pour l'instant" in content


def test_it_lists_a_contact_the_user_holds_a_role_on(outsider):
    PersonFactory(last_name="Girard").grant(outsider, Role.READER)
    PersonFactory(last_name="Helle")
    content = client_for(outsider).get(URL).content.decode()
    assert "GIRARD" in content
    assert "HELLE" not in content


def test_it_requires_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_searches_names_functions_and_addresses(person, organisation, reader):
    PersonFactory(organisation=organisation, first_name="Sophie", last_name="Roy", function="élue")
    client = client_for(reader)
    assert "THOU" not in client.get(URL, {"q": "roy"}).content.decode()
    content = client.get(URL, {"q": "mylène chargée"}).content.decode()
    assert "THOU" in content and "ROY" not in content
    assert "THOU" in client.get(URL, {"q": "thou@example"}).content.decode()


def test_it_filters_by_organisation(person, organisation, reader, staff):
    other = OrganisationFactory(name="ECORAVIE")
    PersonFactory(organisation=other, last_name="Soler")
    client = client_for(staff)
    content = client.get(URL, {"organisation": other.pk}).content.decode()
    assert "SOLER" in content and "THOU" not in content
    options = client_for(reader).get(URL).content.decode()
    assert f'<option value="{organisation.pk}">Cap Rural</option>' in options
    assert "ECORAVIE" not in options


def test_its_query_count_does_not_grow_with_the_rows(outsider, django_assert_num_queries):
    client = client_for(outsider)
    for count in (3, 30):
        for person in PersonFactory.create_batch(count):
            person.grant(outsider, Role.OWNER)
        # 1. the session, 2. the user, 3. the number of contacts (paginator),
        # 4. the page of contacts with their organisation,
        # 5. the organisations of the filter.
        with django_assert_num_queries(5):
            assert client.get(URL).status_code == 200


def test_it_pages_by_25(outsider):
    for person in PersonFactory.create_batch(27):
        person.grant(outsider, Role.READER)
    content = client_for(outsider).get(URL, {"page": 2}).content.decode()
    assert "Page 2 sur 2" in content
    assert content.count('data-label="Nom"') == 2


def test_it_answers_405_to_post(outsider):
    assert client_for(outsider).post(URL).status_code == 405
