from django.urls import reverse

from tests.conftest import client_for


def test_the_admin_lists_and_searches_organisations(organisation, staff):
    url = reverse("admin:organisations_organisation_changelist")
    response = client_for(staff).get(url, {"q": "cap"})
    assert response.status_code == 200
    assert "Cap Rural" in response.content.decode()


def test_the_admin_lists_and_filters_contacts(person, staff):
    url = reverse("admin:organisations_person_changelist")
    response = client_for(staff).get(url, {"consents_to_contact__exact": "1"})
    assert response.status_code == 200
    assert "Thou" in response.content.decode()
    change = reverse("admin:organisations_person_change", args=[person.pk])
    assert "Consentement" in client_for(staff).get(change).content.decode()
