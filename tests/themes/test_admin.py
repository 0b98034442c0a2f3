"""The staff manage the vocabulary in the admin; a theme in use cannot be deleted."""

import pytest
from django.urls import reverse

from essaim.themes.models import Theme
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.themes.factories import ThemeFactory, theme

pytestmark = pytest.mark.django_db

REFUSED = (
    "Suppression refusée : un thème utilisé ne peut pas être supprimé. "
    "Rendez-le inactif pour qu&#x27;il ne soit plus proposé."
)


def test_the_staff_list_and_add_themes(staff):
    client = client_for(staff)
    page = client.get(reverse("admin:themes_theme_changelist")).text
    assert "habitat et cadre de vie" in page
    response = client.post(
        reverse("admin:themes_theme_add"),
        {
            "label": "tourisme",
            "slug": "tourisme",
            "description": "",
            "position": 14,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert Theme.objects.active().last().label == "tourisme"


def test_the_slug_no_longer_changes_once_created(staff):
    water = theme("eau")
    url = reverse("admin:themes_theme_change", args=[water.pk])
    client = client_for(staff)
    assert 'name="slug"' not in client.get(url).text
    response = client.post(
        url,
        {"label": "eau", "slug": "flotte", "description": "", "position": 5},
    )
    assert response.status_code == 302
    water.refresh_from_db()
    assert (water.slug, water.label, water.is_active) == ("eau", "eau", False)


def test_a_label_differing_only_by_case_is_refused(staff):
    response = client_for(staff).post(
        reverse("admin:themes_theme_add"),
        {"label": "Mobilité", "slug": "mobilite-2", "description": "", "position": 20},
    )
    assert response.status_code == 200
    assert "Un thème porte déjà ce libellé." in response.text
    assert not Theme.objects.filter(slug="mobilite-2").exists()


def test_an_unused_theme_is_deleted(staff):
    unused = ThemeFactory(label="tourisme")
    url = reverse("admin:themes_theme_delete", args=[unused.pk])
    response = client_for(staff).post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Theme.objects.filter(pk=unused.pk).exists()


def test_deleting_a_used_theme_is_refused_in_french(staff):
    ExperimentFactory(theme=theme("habitat"))
    housing = theme("habitat")
    url = reverse("admin:themes_theme_delete", args=[housing.pk])
    client = client_for(staff)
    page = client.get(url).text
    assert REFUSED in page
    response = client.post(url, {"post": "yes"})
    assert REFUSED in response.text
    assert Theme.objects.filter(pk=housing.pk).exists()

    bulk = client.post(
        reverse("admin:themes_theme_changelist"),
        {"action": "delete_selected", "_selected_action": [housing.pk], "post": "yes"},
        follow=True,
    )
    assert REFUSED in bulk.text
    assert Theme.objects.filter(pk=housing.pk).exists()
