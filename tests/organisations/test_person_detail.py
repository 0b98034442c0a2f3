from django.urls import reverse

from tests.conftest import client_for


def url(person) -> str:
    return reverse("organisations:person_detail", args=[person.pk])


def test_it_shows_the_contact_and_the_date_of_consent_in_french(person, reader):
    response = client_for(reader).get(url(person))
    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Mylène Thou</h1>" in content
    assert "Oui, depuis le 9 novembre 2023" in content
    assert 'href="tel:0475123456"' in content
    assert person.organisation.get_absolute_url() in content


def test_it_says_when_no_consent_is_recorded(person, reader):
    person.consents_to_contact, person.consent_date = False, None
    person.save()
    assert "Non : aucun accord enregistré" in client_for(reader).get(url(person)).content.decode()


def test_it_requires_login(client, person):
    response = client.get(url(person))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_does_not_exist_for_outsiders(person, outsider):
    assert client_for(outsider).get(url(person)).status_code == 404


def test_it_offers_the_actions_each_role_allows(person, owner, editor, reader):
    edit = reverse("organisations:person_edit", args=[person.pk])
    export = reverse("organisations:person_export", args=[person.pk])
    delete = reverse("organisations:person_delete", args=[person.pk])

    as_reader = client_for(reader).get(url(person)).content.decode()
    assert edit not in as_reader and export not in as_reader and delete not in as_reader

    as_editor = client_for(editor).get(url(person)).content.decode()
    assert edit in as_editor
    assert export not in as_editor and delete not in as_editor

    as_owner = client_for(owner).get(url(person)).content.decode()
    assert edit in as_owner
    assert "Exporter ses données (JSON)" in as_owner and export in as_owner
    assert "Supprimer ce contact" in as_owner and delete in as_owner
    assert reverse("organisations:person_members", args=[person.pk]) in as_owner


def test_it_answers_405_to_post(person, owner):
    assert client_for(owner).post(url(person)).status_code == 405
