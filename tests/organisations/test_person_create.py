import datetime

from django.urls import reverse
from django.utils import timezone

from essaim.organisations.models import Person
from essaim.roles.models import Role
from tests.conftest import client_for

URL = reverse("organisations:person_create")


def data(**changes) -> dict:
    return {
        "first_name": "Sophie",
        "last_name": "Roy",
        "function": "chargée de mission Transition énergétique",
        "organisation": "",
        "email": "sophie.roy@example.org",
        "phone": "+33 4 76 88 75 20",
        "consent_date": "",
        **changes,
    }


def test_it_shows_the_form_with_the_organisation_chosen(organisation, outsider):
    response = client_for(outsider).get(URL, {"organisation": organisation.pk})
    assert response.status_code == 200
    assert f'<option value="{organisation.pk}" selected>Cap Rural</option>' in (
        response.content.decode()
    )


def test_it_requires_login(client, db):
    response = client.post(URL, data())
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not Person.objects.exists()


def test_it_records_the_contact_and_makes_its_creator_the_owner(organisation, outsider):
    response = client_for(outsider).post(URL, data(organisation=organisation.pk))
    person = Person.objects.get()
    assert response.status_code == 302
    assert response.url == person.get_absolute_url()
    assert (person.full_name, person.organisation, person.created_by) == (
        "Sophie Roy",
        organisation,
        outsider,
    )
    assert person.role_of(outsider) == Role.OWNER
    assert client_for(outsider).get(response.url).status_code == 200


def test_consent_without_a_date_is_dated_today(outsider):
    client_for(outsider).post(URL, data(consents_to_contact="on"))
    person = Person.objects.get()
    assert person.consents_to_contact
    assert person.consent_date == timezone.localdate()


def test_a_consent_date_without_consent_is_refused(outsider):
    response = client_for(outsider).post(URL, data(consent_date="2023-11-09"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "cochez-la ou effacez la date" in content
    assert not Person.objects.exists()


def test_a_consent_date_in_the_future_is_refused(outsider):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for(outsider).post(
        URL, data(consents_to_contact="on", consent_date=tomorrow.isoformat())
    )
    assert "ne peut pas être dans le futur" in response.content.decode()
    assert not Person.objects.exists()


def test_a_phone_number_that_is_not_french_is_refused(outsider):
    response = client_for(outsider).post(URL, data(phone="appelez-moi"))
    assert "Saisissez un numéro de téléphone français" in response.content.decode()
    assert not Person.objects.exists()
