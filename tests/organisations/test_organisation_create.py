from django.urls import reverse

from essaim.organisations.models import Organisation
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.organisations.factories import OrganisationFactory, TerritoryFactory

URL = reverse("organisations:create")


def data(**changes) -> dict:
    return {
        "name": "Collectif Ville-Campagne",
        "short_name": "",
        "kind": "reseau_national",
        "siren": "",
        "territory": "",
        "website": "https://www.villecampagne.org",
        "description": "Réseau national pour l'accueil de nouvelles populations.",
        **changes,
    }


def test_it_shows_the_form(outsider):
    response = client_for(outsider).get(URL)
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="name"' in content
    assert "Ajouter une organisation" in content


def test_it_requires_login(client, db):
    response = client.post(URL, data())
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
    assert not Organisation.objects.exists()


def test_it_creates_the_organisation_and_makes_its_creator_the_owner(outsider):
    territory = TerritoryFactory()
    response = client_for(outsider).post(
        URL, data(siren="732 829 320", territory=territory.pk), follow=True
    )
    organisation = Organisation.objects.get()
    assert response.redirect_chain[-1][0] == organisation.get_absolute_url()
    assert "vous en êtes propriétaire" in response.content.decode()
    assert organisation.siren == "732829320"
    assert organisation.territory == territory
    assert organisation.created_by == outsider
    assert organisation.role_of(outsider) == Role.OWNER


def test_it_offers_only_the_territories_the_user_may_see(outsider):
    shared = TerritoryFactory(name="Pays Diois")
    private = TerritoryFactory(name="Périmètre confidentiel", shared=False)
    content = client_for(outsider).get(URL).content.decode()
    assert "Pays Diois" in content
    assert "Périmètre confidentiel" not in content
    response = client_for(outsider).post(URL, data(territory=private.pk))
    assert response.status_code == 200
    assert not Organisation.objects.exists()
    assert shared.pk


def test_it_refuses_a_malformed_siren(outsider):
    response = client_for(outsider).post(URL, data(siren="123"))
    assert "Un numéro SIREN compte exactement 9 chiffres." in response.content.decode()
    assert not Organisation.objects.exists()


def test_it_refuses_a_siren_whose_check_digit_is_wrong(outsider):
    response = client_for(outsider).post(URL, data(siren="732829321"))
    assert "la clé de contrôle ne correspond pas" in response.content.decode()
    assert not Organisation.objects.exists()


def test_it_refuses_a_name_already_taken_whatever_the_case(outsider):
    OrganisationFactory(name="Collectif Ville-Campagne")
    response = client_for(outsider).post(URL, data(name="COLLECTIF VILLE-CAMPAGNE"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Une organisation porte déjà ce nom." in content
    assert 'aria-invalid="true"' in content
    assert Organisation.objects.count() == 1


def test_it_refuses_a_siren_already_taken(outsider):
    OrganisationFactory(siren="732829320")
    response = client_for(outsider).post(URL, data(siren="732829320"))
    assert "Une organisation porte déjà ce numéro SIREN." in response.content.decode()
    assert Organisation.objects.count() == 1


def test_a_duplicate_recorded_in_between_gives_a_french_error(outsider, monkeypatch):
    """Another request saves the same name after the form checked it: the database refuses,
    the user reads why."""
    from essaim.organisations.forms import OrganisationForm

    def check_then_race(form):
        OrganisationFactory(name="collectif ville-campagne")

    monkeypatch.setattr(OrganisationForm, "validate_constraints", check_then_race)
    response = client_for(outsider).post(URL, data())
    assert response.status_code == 200
    assert "Une organisation porte déjà ce nom." in response.content.decode()
    assert Organisation.objects.count() == 1


def test_it_answers_405_to_put(outsider):
    assert client_for(outsider).put(URL).status_code == 405
