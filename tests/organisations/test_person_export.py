import json

from django.urls import reverse

from tests.conftest import client_for


def url(person) -> str:
    return reverse("organisations:person_export", args=[person.pk])


def test_it_hands_the_contacts_data_as_a_json_file(person, owner):
    response = client_for(owner).get(url(person))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == f'attachment; filename="contact-{person.pk}.json"'
    data = json.loads(response.content)
    assert data["contact"] == {
        "id": person.pk,
        "first_name": "Mylène",
        "last_name": "Thou",
        "function": "chargée de mission",
        "email": "mylene.thou@example.org",
        "phone": "04 75 12 34 56",
        "organisation": {"id": person.organisation.pk, "name": "Cap Rural"},
        "account_email": None,
        "consents_to_contact": True,
        "consent_date": "2023-11-09",
        "created_at": person.created_at.isoformat(),
        "updated_at": person.updated_at.isoformat(),
    }
    assert data["source"].endswith(person.get_absolute_url())
    assert "exported_at" in data
    assert "Mylène" in response.content.decode()


def test_it_requires_login(client, person):
    response = client.get(url(person))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_it_answers_405_to_post(person, owner):
    assert client_for(owner).post(url(person)).status_code == 405


def test_it_is_forbidden_to_editors_and_readers(person, editor, reader):
    for user in (editor, reader):
        assert client_for(user).get(url(person)).status_code == 403


def test_it_does_not_exist_for_outsiders(person, outsider):
    assert client_for(outsider).get(url(person)).status_code == 404
