from django.urls import reverse

from essaim.roles.models import Role
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.organisations.factories import OrganisationFactory, PersonFactory
from tests.territories.factories import TerritoryFactory


def test_it_shows_what_each_app_has_for_the_user(owner, django_assert_num_queries):
    TerritoryFactory(name="Vallée de la Drôme", owner=owner)
    organisation = OrganisationFactory(name="Cap Rural")
    organisation.grant(owner, Role.OWNER)
    PersonFactory(organisation=organisation)
    experiment = ExperimentFactory(title="Transport solidaire")
    experiment.grant(owner, Role.OWNER)
    client = client_for(owner)
    client.get(reverse("core:dashboard"))  # the session and the user, once
    # session, user, territories (list, count), organisations (list, count), contacts,
    # experiments, sessions with registrations to follow, the permissions of the user and of
    # their groups (is the user one of the library's editors?)
    with django_assert_num_queries(11):
        response = client.get(reverse("core:dashboard"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Par où commencer ?" not in content
    assert "<strong>1</strong> territoire suivi" in content
    assert "<strong>1</strong> organisation</li>" in content
    assert "<strong>1</strong> contact</li>" in content
    assert "Vallée de la Drôme</a> — 1 commune" in content
    assert f'<a href="{organisation.get_absolute_url()}">Cap Rural</a>' in content
    assert f'<a href="{experiment.get_absolute_url()}">Transport solidaire</a>' in content
    assert "Premiers pas" not in content  # every first step is done


def test_it_keeps_the_first_steps_left_in_view(owner):
    ExperimentFactory(title="Transport solidaire").grant(owner, Role.OWNER)
    content = client_for(owner).get(reverse("core:dashboard")).content.decode()
    assert "Par où commencer ?" not in content
    assert "Premiers pas" in content
    assert content.index("Rattachez-vous à votre organisation") < content.index(
        "Décrivez le territoire sur lequel vous agissez"
    )
    assert "Vous ne suivez encore aucun territoire." in content
    assert "êtes rattaché·e à aucune organisation." in content


def test_a_signed_in_visitor_of_the_front_page_lands_on_the_dashboard(owner):
    content = client_for(owner).get(reverse("core:home")).content.decode()
    assert "<h1>Bonjour" in content
    assert "Par où commencer ?" in content
