from django.urls import reverse

from tests.conftest import client_for


def url(person) -> str:
    return reverse("organisations:person_edit", args=[person.pk])


def data(person, **changes) -> dict:
    return {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "function": person.function,
        "organisation": person.organisation_id or "",
        "email": person.email,
        "phone": person.phone,
        "consents_to_contact": "on" if person.consents_to_contact else "",
        "consent_date": person.consent_date.isoformat() if person.consent_date else "",
        **changes,
    }


def test_it_shows_the_form_filled_in(person, editor):
    response = client_for(editor).get(url(person))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mylène"' in content
    assert 'value="2023-11-09"' in content


def test_an_editor_of_the_organisation_saves_the_changes(person, editor):
    response = client_for(editor).post(url(person), data(person, function="directrice"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.function == "directrice"


def test_withdrawn_consent_needs_its_date_cleared(person, editor):
    client = client_for(editor)
    response = client.post(url(person), data(person, consents_to_contact=""))
    assert "cochez-la ou effacez la date" in response.content.decode()
    client.post(url(person), data(person, consents_to_contact="", consent_date=""))
    person.refresh_from_db()
    assert (person.consents_to_contact, person.consent_date) == (False, None)


def test_it_requires_login(client, person):
    response = client.get(url(person))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_is_forbidden_to_readers(person, reader, contributor):
    for user in (reader, contributor):
        assert client_for(user).get(url(person)).status_code == 403
        assert client_for(user).post(url(person), data(person, last_name="X")).status_code == 403


def test_it_does_not_exist_for_outsiders(person, outsider):
    assert client_for(outsider).post(url(person), data(person, last_name="X")).status_code == 404
    person.refresh_from_db()
    assert person.last_name == "Thou"
