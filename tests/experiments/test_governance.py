"""The governance tab: bodies with their members, meetings, and the decision log."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from essaim.governance.models import BodyKind
from tests.conftest import client_for
from tests.experiments.factories import (
    BodyFactory,
    BodyMemberFactory,
    LoggedDecisionFactory,
    MeetingFactory,
)
from tests.organisations.factories import PersonFactory

pytestmark = pytest.mark.django_db


def url(experiment) -> str:
    return reverse("experiments:governance", args=[experiment.pk])


def fill(experiment, count: int) -> None:
    body = BodyFactory(experiment=experiment, name=f"Instance {experiment.bodies.count()}")
    for n in range(count):
        BodyMemberFactory(body=body, person=PersonFactory())
        meeting = MeetingFactory(body=body)
        LoggedDecisionFactory(experiment=experiment, body=body, meeting=meeting, subject=f"D{n}")


def test_it_shows_bodies_members_meetings_and_decisions(reader, experiment):
    body = BodyFactory(experiment=experiment, name="Comité de pilotage", mandate="Décide.")
    BodyMemberFactory(body=body, name="Jeanne Durand", role_in_body="présidente")
    BodyMemberFactory(
        body=body,
        person=PersonFactory(first_name="Mylène", last_name="Thou"),
        start_date=datetime.date(2024, 1, 1),
    )
    past = MeetingFactory(body=body)
    soon = timezone.now() + datetime.timedelta(days=10)
    upcoming = MeetingFactory(
        body=body, starts_at=soon, ends_at=soon + datetime.timedelta(hours=2), place="Salle B"
    )
    LoggedDecisionFactory(
        experiment=experiment,
        body=body,
        meeting=past,
        subject="Horaires des navettes",
        rationale="Les usagers ne viennent pas le matin.",
    )
    response = client_for(reader).get(url(experiment))
    assert response.status_code == 200
    text = response.text
    for expected in [
        "Comité de pilotage",
        "Décide.",
        "Jeanne Durand",
        "présidente",
        "Mylène Thou",
        "depuis le 01/01/2024",
        "Salle B",
        "Horaires des navettes",
        "Les usagers ne viennent pas le matin.",
        "12 mars 2024",
    ]:
        assert expected in text
    assert reverse("experiments:meeting", args=[experiment.pk, past.pk]) in text
    assert reverse("experiments:meeting_ics", args=[experiment.pk, upcoming.pk]) in text
    assert text.index("À venir") < text.index("Passées")
    # A reader changes nothing.
    assert reverse("experiments:add_body", args=[experiment.pk]) not in text
    assert reverse("experiments:add_logged_decision", args=[experiment.pk]) not in text


def test_it_offers_editors_to_add_and_change(editor, experiment):
    body = BodyFactory(experiment=experiment)
    member = BodyMemberFactory(body=body)
    decision = LoggedDecisionFactory(experiment=experiment, body=body)
    text = client_for(editor).get(url(experiment)).text
    for name, args in [
        ("add_body", [experiment.pk]),
        ("edit_body", [experiment.pk, body.pk]),
        ("add_body_member", [experiment.pk, body.pk]),
        ("edit_body_member", [experiment.pk, member.pk]),
        ("delete_body_member", [experiment.pk, member.pk]),
        ("add_meeting", [experiment.pk]),
        ("add_logged_decision", [experiment.pk]),
        ("edit_logged_decision", [experiment.pk, decision.pk]),
    ]:
        assert reverse(f"experiments:{name}", args=args) in text


def test_it_explains_what_to_do_when_empty(editor, experiment):
    text = client_for(editor).get(url(experiment)).text
    assert "Aucune instance pour l'instant" in text
    assert "Créez d'abord une instance" in text
    assert "Aucune décision consignée" in text
    # No meeting can be planned without a body.
    assert reverse("experiments:add_meeting", args=[experiment.pk]) not in text


def test_it_lists_decisions_newest_first_and_filters_them_by_body(reader, experiment):
    steering = BodyFactory(experiment=experiment, name="Comité de pilotage")
    technical = BodyFactory(experiment=experiment, kind=BodyKind.TECHNICAL, name="Comité tech")
    LoggedDecisionFactory(
        experiment=experiment,
        body=steering,
        subject="Ancienne décision",
        decided_on=datetime.date(2024, 1, 10),
    )
    LoggedDecisionFactory(
        experiment=experiment,
        body=steering,
        subject="Récente décision",
        decided_on=datetime.date(2024, 6, 10),
    )
    LoggedDecisionFactory(experiment=experiment, body=technical, subject="Décision technique")
    client = client_for(reader)
    text = client.get(url(experiment)).text
    assert text.index("Récente décision") < text.index("Ancienne décision")
    assert "Décision technique" in text
    filtered = client.get(url(experiment), {"instance": technical.pk}).text
    assert "Décision technique" in filtered
    assert "Récente décision" not in filtered
    assert "Tout afficher" in filtered
    # An unknown body shows the whole log.
    assert "Récente décision" in client.get(url(experiment), {"instance": "x"}).text


def test_it_says_when_a_body_took_no_decision(reader, experiment):
    BodyFactory(experiment=experiment)
    quiet = BodyFactory(experiment=experiment, name="Groupe calme")
    LoggedDecisionFactory(experiment=experiment)
    response = client_for(reader).get(url(experiment), {"instance": quiet.pk})
    assert "Aucune décision de cette instance." in response.text


def test_it_runs_the_same_queries_whatever_the_number_of_rows(reader, experiment):
    client = client_for(reader)
    fill(experiment, 3)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(experiment)).status_code == 200
    fill(experiment, 30)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(experiment))
    assert response.text.count("decision-log__entry") == 25  # one page
    assert len(many) == len(few)


def test_it_needs_these_queries(reader, experiment, django_assert_num_queries):
    fill(experiment, 3)
    client = client_for(reader)
    # session, user, experiment with the reader's role, bodies, their members with people
    # and organisations, meetings with their bodies and decision counts, decisions counted,
    # one page of decisions
    with django_assert_num_queries(8):
        client.get(url(experiment))


def test_it_refuses_writes(editor, experiment):
    assert client_for(editor).post(url(experiment)).status_code == 405
