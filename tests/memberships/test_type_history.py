"""The « Historique » page of a membership type: every change, who made it and when."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import client_for
from tests.core.test_edit_conflicts import opened_form

pytestmark = pytest.mark.django_db


def url(membership_type) -> str:
    return reverse("memberships:type_history", args=[membership_type.pk])


def test_it_shows_every_change_to_a_reader(individual_type, owner, reader):
    individual_type.log_action(owner, "created", "Type d'adhésion « Adhésion individuelle » créé")
    individual_type.log_action(owner, "updated", "Type d'adhésion modifié")
    response = client_for(reader).get(url(individual_type))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Historique de « Adhésion individuelle »" in content
    assert content.index("Type d&#x27;adhésion modifié") < content.index(
        "Type d&#x27;adhésion « Adhésion individuelle » créé"
    )
    assert "par Olivia Propriétaire" in content


def test_it_notes_a_change_made_on_the_settings_page(individual_type, owner):
    client = client_for(owner)
    edit = reverse("memberships:type_edit", args=[individual_type.pk])
    sent = client.post(edit, {**opened_form(client, edit), "name": "Adhésion des personnes"})
    assert sent.status_code == 302
    content = client.get(url(individual_type)).content.decode()
    assert "Type d&#x27;adhésion modifié" in content
    assert "par Olivia Propriétaire" in content


def test_the_list_of_types_leads_to_each_history(individual_type, collectivity_type, reader):
    content = client_for(reader).get(reverse("memberships:type_list")).content.decode()
    assert f'href="{url(individual_type)}"' in content
    assert f'href="{url(collectivity_type)}"' in content


def test_it_is_hidden_from_outsiders_and_asks_strangers_to_log_in(individual_type, outsider):
    assert client_for(outsider).get(url(individual_type)).status_code == 404
    anonymous = client_for(None).get(url(individual_type))
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("accounts:login"))


def test_it_only_reads(individual_type, owner):
    assert client_for(owner).post(url(individual_type)).status_code == 405


def test_it_takes_the_same_queries_for_3_or_30_entries(individual_type, owner, editor, reader):
    client = client_for(reader)

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(individual_type)).status_code == 200
        return len(queries)

    for number in range(3):
        individual_type.log_action(owner, "updated", f"Changement {number}")
    # The session, its user, the type (with the reader's role on it), the count of entries,
    # one page of entries with their authors.
    assert count_queries() == 5
    for number in range(3, 30):
        individual_type.log_action(
            editor if number % 2 else owner, "updated", f"Changement {number}"
        )
    assert count_queries() == 5
