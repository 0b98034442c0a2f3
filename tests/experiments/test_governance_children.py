"""Adding and changing bodies, their members, meetings and entries of the decision log."""

import datetime

import pytest
from django.urls import reverse

from essaim.governance.models import Body, BodyMember, LoggedDecision, Meeting
from essaim.roles.models import Role
from tests.conftest import client_for
from tests.experiments.factories import (
    BodyFactory,
    BodyMemberFactory,
    ExperimentFactory,
    MeetingFactory,
)
from tests.organisations.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


# Bodies -----------------------------------------------------------------------------------------


def test_it_adds_a_body(editor, experiment):
    url = reverse("experiments:add_body", args=[experiment.pk])
    response = client_for(editor).post(
        url, {"kind": "comite_technique", "name": "Comité technique", "mandate": "Suit."}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#instances")
    assert experiment.bodies.get().name == "Comité technique"


def test_it_lets_only_editors_change_bodies(contributor, outsider, experiment):
    url = reverse("experiments:add_body", args=[experiment.pk])
    data = {"kind": "autre", "name": "Groupe"}
    assert client_for(contributor).post(url, data).status_code == 403
    assert client_for(outsider).post(url, data).status_code == 404
    assert client_for(None).post(url, data).status_code == 302
    assert not Body.objects.exists()


def test_it_deletes_a_body(editor, experiment):
    body = BodyFactory(experiment=experiment)
    url = reverse("experiments:delete_body", args=[experiment.pk, body.pk])
    assert client_for(editor).post(url).status_code == 302
    assert not Body.objects.exists()


# Members ----------------------------------------------------------------------------------------


def member_url(experiment, body) -> str:
    return reverse("experiments:add_body_member", args=[experiment.pk, body.pk])


def test_it_adds_a_member_by_name_and_organisation(editor, experiment):
    body = BodyFactory(experiment=experiment)
    organisation = OrganisationFactory(name="Commune de Saillans")
    response = client_for(editor).post(
        member_url(experiment, body),
        {
            "name": "Jeanne Durand",
            "organisation": organisation.pk,
            "role_in_body": "élue référente",
            "start_date": "2024-01-01",
        },
    )
    assert response.status_code == 302
    member = body.members.get()
    assert (member.name, member.organisation) == ("Jeanne Durand", organisation)


def test_it_offers_only_the_contacts_the_user_may_see(editor, experiment):
    body = BodyFactory(experiment=experiment)
    own = PersonFactory(first_name="Mylène", last_name="Visible")
    own.grant(editor, Role.OWNER)
    hidden = PersonFactory(first_name="Paul", last_name="Caché")
    client = client_for(editor)
    page = client.get(member_url(experiment, body))
    assert "Mylène Visible" in page.text
    assert "Caché" not in page.text
    response = client.post(member_url(experiment, body), {"person": hidden.pk})
    assert response.status_code == 200
    assert not BodyMember.objects.exists()
    response = client.post(member_url(experiment, body), {"person": own.pk})
    assert response.status_code == 302
    assert body.members.get().person == own


def test_it_keeps_a_contact_chosen_by_someone_else(editor, experiment):
    member = BodyMemberFactory(body=BodyFactory(experiment=experiment), person=PersonFactory())
    url = reverse("experiments:edit_body_member", args=[experiment.pk, member.pk])
    response = client_for(editor).post(
        url, {"person": member.person_id, "role_in_body": "trésorier"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.role_in_body == "trésorier"


def test_it_wants_someone_and_a_sensible_period(editor, experiment):
    body = BodyFactory(experiment=experiment)
    client = client_for(editor)
    nobody = client.post(member_url(experiment, body), {"role_in_body": "membre"})
    assert "Choisissez une personne de vos contacts" in nobody.text
    backwards = client.post(
        member_url(experiment, body),
        {"name": "Jeanne", "start_date": "2024-05-01", "end_date": "2024-01-01"},
    )
    assert "La fin ne peut pas précéder le début." in backwards.text
    assert not BodyMember.objects.exists()


def test_it_adds_members_only_to_bodies_of_the_experiment(editor, experiment):
    foreign = BodyFactory(experiment=ExperimentFactory())
    response = client_for(editor).post(member_url(experiment, foreign), {"name": "Jeanne"})
    assert response.status_code == 404
    assert not BodyMember.objects.exists()


def test_it_removes_a_member(editor, experiment):
    member = BodyMemberFactory(body=BodyFactory(experiment=experiment))
    url = reverse("experiments:delete_body_member", args=[experiment.pk, member.pk])
    assert client_for(editor).post(url).status_code == 302
    assert not BodyMember.objects.exists()


def test_it_lets_only_editors_change_members(reader, outsider, experiment):
    body = BodyFactory(experiment=experiment)
    assert client_for(reader).get(member_url(experiment, body)).status_code == 403
    assert client_for(outsider).get(member_url(experiment, body)).status_code == 404
    assert client_for(None).get(member_url(experiment, body)).status_code == 302
    member = BodyMemberFactory(body=body)
    url = reverse("experiments:edit_body_member", args=[experiment.pk, member.pk])
    assert client_for(reader).post(url, {"name": "X"}).status_code == 403


def test_it_refuses_other_methods_on_members(editor, experiment):
    body = BodyFactory(experiment=experiment)
    assert client_for(editor).put(member_url(experiment, body)).status_code == 405


# Meetings ---------------------------------------------------------------------------------------


def meeting_data(body, **overrides) -> dict:
    data = {
        "body": body.pk,
        "starts_at": "2024-06-04T18:00",
        "ends_at": "2024-06-04T20:00",
        "place": "Salle des fêtes",
        "agenda": "1. Bilan\n2. Suite",
        "minutes": "",
    }
    return data | overrides


def test_it_plans_a_meeting_in_local_time(editor, experiment):
    body = BodyFactory(experiment=experiment)
    url = reverse("experiments:add_meeting", args=[experiment.pk])
    response = client_for(editor).post(url, meeting_data(body))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at == datetime.datetime(2024, 6, 4, 16, 0, tzinfo=datetime.UTC)


def test_it_chooses_the_only_body_for_a_new_meeting(editor, experiment):
    body = BodyFactory(experiment=experiment)
    page = client_for(editor).get(reverse("experiments:add_meeting", args=[experiment.pk]))
    assert f'<option value="{body.pk}" selected>' in page.text


def test_it_plans_meetings_only_for_bodies_of_the_experiment(editor, experiment):
    BodyFactory(experiment=experiment)
    foreign = BodyFactory(experiment=ExperimentFactory())
    url = reverse("experiments:add_meeting", args=[experiment.pk])
    response = client_for(editor).post(url, meeting_data(foreign))
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_it_wants_a_meeting_to_end_after_it_starts(editor, experiment):
    body = BodyFactory(experiment=experiment)
    url = reverse("experiments:add_meeting", args=[experiment.pk])
    response = client_for(editor).post(url, meeting_data(body, ends_at="2024-06-04T17:00"))
    assert "La fin doit suivre le début." in response.text
    assert not Meeting.objects.exists()


def test_it_writes_the_minutes_of_a_meeting(editor, experiment):
    meeting = MeetingFactory(body=BodyFactory(experiment=experiment))
    url = reverse("experiments:edit_meeting", args=[experiment.pk, meeting.pk])
    data = meeting_data(meeting.body, minutes="Tout s'est bien passé.")
    assert client_for(editor).post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Tout s'est bien passé."


def test_it_hides_meetings_of_other_experiments(editor, experiment):
    foreign = MeetingFactory()
    url = reverse("experiments:edit_meeting", args=[experiment.pk, foreign.pk])
    assert client_for(editor).get(url).status_code == 404


# Decision log -----------------------------------------------------------------------------------


def decision_data(**overrides) -> dict:
    data = {
        "decided_on": "2024-03-12",
        "subject": "Horaires",
        "options_considered": "Matin ; soir",
        "decision": "Le soir",
        "rationale": "Plus de monde",
    }
    return data | overrides


def test_it_logs_a_decision_with_the_body_of_its_meeting(editor, experiment):
    meeting = MeetingFactory(body=BodyFactory(experiment=experiment))
    url = reverse("experiments:add_logged_decision", args=[experiment.pk])
    response = client_for(editor).post(url, decision_data(meeting=meeting.pk))
    assert response.status_code == 302
    assert response["Location"].endswith("#registre")
    decision = LoggedDecision.objects.get()
    assert (decision.meeting, decision.body) == (meeting, meeting.body)


def test_it_refuses_a_meeting_of_another_body(editor, experiment):
    meeting = MeetingFactory(body=BodyFactory(experiment=experiment))
    other = BodyFactory(experiment=experiment, name="Autre")
    url = reverse("experiments:add_logged_decision", args=[experiment.pk])
    response = client_for(editor).post(url, decision_data(meeting=meeting.pk, body=other.pk))
    assert "Cette réunion est celle d&#x27;une autre instance." in response.text
    assert not LoggedDecision.objects.exists()


def test_it_offers_only_meetings_and_bodies_of_the_experiment(editor, experiment):
    foreign = MeetingFactory(body=BodyFactory(experiment=ExperimentFactory(), name="Ailleurs"))
    url = reverse("experiments:add_logged_decision", args=[experiment.pk])
    client = client_for(editor)
    assert "Ailleurs" not in client.get(url).text
    response = client.post(url, decision_data(meeting=foreign.pk))
    assert response.status_code == 200
    assert not LoggedDecision.objects.exists()


def test_it_lets_only_editors_log_decisions(contributor, outsider, experiment):
    url = reverse("experiments:add_logged_decision", args=[experiment.pk])
    assert client_for(contributor).post(url, decision_data()).status_code == 403
    assert client_for(outsider).post(url, decision_data()).status_code == 404
    assert client_for(None).post(url, decision_data()).status_code == 302
    assert not LoggedDecision.objects.exists()
