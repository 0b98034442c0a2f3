"""A name taken out of everything a programme holds — by a pseudonym, or on erasure: the texts
(a group meeting's description too), the history of its rows, the proposals of a theme analysis
and the themes drawn from them, the e-mails in the task table and their calendar files, a name
typed in the very note that asked for a pseudonym."""

import base64

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from essaim.core.models import HistoryEntry
from essaim.core.personal_data import HOLDERS, holders
from essaim.programmes.models import (
    ExtractionStatus,
    Interview,
    Interviewee,
    Theme,
    ThemeExtraction,
)
from essaim.programmes.services.interviews import pseudonymise
from essaim.programmes.services.visits import send_agenda
from tests.conftest import client_for

pytestmark = pytest.mark.django_db
NAME = "Bellanger"


def history_text(programme) -> str:
    return " ".join(f"{entry.summary} {entry.changes}" for entry in HistoryEntry.objects.all())


def test_a_pseudonym_reaches_the_history_groups_analyses_and_themes(interview, editor):
    programme = interview.programme
    slot = interview.visit.slots.get()
    client_for(editor).post(
        reverse("programmes:edit_slot", args=[programme.pk, slot.pk]),
        {
            "starts_at": "2015-03-12T09:00",
            "ends_at": "2015-03-12T10:30",
            "kind": "entretien",
            "title": "Entretien avec Jean-Marc Bellanger",
            "who": "Jean-Marc Bellanger, président",
            "role": "elu",
        },
    )
    assert NAME in history_text(programme)
    Interview.objects.create(
        programme=programme,
        visit=interview.visit,
        group_description="Bureau autour de Jean-Marc Bellanger",
    )
    ThemeExtraction.objects.create(
        programme=programme,
        status=ExtractionStatus.DONE,
        proposals=[
            {
                "label": "jean-marc bellanger",
                "key_phrases": ["jean-marc bellanger", "fusion"],
                "weight": 1,
                "state": "proposee",
                "supports": [],
            }
        ],
    )
    Theme.objects.create(
        programme=programme, name="Fusion", description="Expressions clés : jean-marc bellanger"
    )
    pseudonymise(interviewee=interview.interviewee, pseudonym="Élu A", actor=editor)
    assert NAME not in history_text(programme)
    assert not Interview.objects.filter(group_description__icontains=NAME).exists()
    proposal = ThemeExtraction.objects.get().proposals[0]
    assert NAME.lower() not in f"{proposal['label']} {proposal['key_phrases']}".lower()
    assert NAME not in Theme.objects.get(name="Fusion").description


def test_a_pseudonym_reaches_the_e_mails_in_the_task_table(
    interview, editor, database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_agenda(interview.visit, by=editor)
    row = DBTaskResult.objects.get()
    assert NAME in str(row.args_kwargs["kwargs"]["body"])
    pseudonymise(interviewee=interview.interviewee, pseudonym="Élu A", actor=editor)
    kwargs = DBTaskResult.objects.get().args_kwargs["kwargs"]
    assert NAME not in kwargs["body"] and "Élu A" in kwargs["body"]
    calendar = base64.b64decode(kwargs["attachments"][0]["content"]).decode()
    assert NAME not in calendar and "Élu A" in calendar


def test_a_name_typed_in_the_note_that_asks_for_a_pseudonym_goes_at_once(
    programme, visit, contributor
):
    url = reverse("programmes:add_interview", args=[programme.pk, visit.pk])
    client_for(contributor).post(
        url,
        {
            "new_name": "Paul Girard",
            "new_role": "societe_civile",
            "new_pseudonym": "Habitant B",
            "notes": "Paul Girard préside le conseil de développement depuis 2012.",
            "citations-TOTAL_FORMS": "1",
            "citations-INITIAL_FORMS": "0",
            "citations-MIN_NUM_FORMS": "0",
            "citations-MAX_NUM_FORMS": "30",
            "citations-0-text": "Moi, Paul Girard, je ne signe plus rien.",
        },
    )
    interview = Interview.objects.get(interviewee__name="Paul Girard")
    assert interview.notes == "Habitant B préside le conseil de développement depuis 2012."
    assert interview.quotes.get().text == "Moi, Habitant B, je ne signe plus rien."
    assert Interviewee.objects.get(name="Paul Girard").shown_name == "Habitant B"


def test_a_contact_s_name_never_enters_the_history(confirmed, editor):
    holders()
    programme = confirmed.programme
    referent = confirmed.contacts.get(kind="referent")
    client_for(editor).post(
        reverse("programmes:edit_contact", args=[programme.pk, referent.pk]),
        {
            "kind": "referent",
            "name": "Nadia Ferrand-Lucas",
            "role": "technicien",
            "email": referent.email,
        },
    )
    # Their former name and the new one: neither is kept where an erasure would not reach.
    assert "Ferrand" not in history_text(programme)
    assert "Référent de « Pays des Trois Vallées » : modifié" in history_text(programme)


def test_erasing_an_expert_takes_their_name_out_of_the_history_of_their_claims(
    visit, experts, editor
):
    from tests.programmes.test_expenses import make_claim

    holders()
    programme = visit.territory.programme
    make_claim(programme, who=experts[0], event=visit)
    assert "Martine Olivier" in history_text(programme)
    HOLDERS["programmes"].erase("martine.olivier@example.org", timezone.now())
    assert "Martine Olivier" not in history_text(programme)
