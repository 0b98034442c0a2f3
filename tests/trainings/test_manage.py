"""Tab « Présentation »: the summary of a session for its organisers, its publication and its
duplication."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from essaim.core.models import HistoryEntry
from essaim.registrations.models import Registration, Status
from essaim.roles.models import Role
from essaim.trainings.models import TrainingSession
from essaim.trainings.services import duplicate_session
from tests.conftest import client_for
from tests.experiments.factories import ExperimentFactory
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import (
    RegistrationQuestionFactory,
    SpeakerFactory,
    TestimonyFactory,
    TrainingSessionFactory,
    scaling_like_session,
)
from tests.trainings.test_public_session import in_days, text_of

pytestmark = pytest.mark.django_db


def test_the_summary_gives_the_key_figures_and_what_the_announcement_lacks(
    training_session, reader
):
    RegistrationFactory.create_batch(3, session=training_session)
    RegistrationFactory(session=training_session, status=Status.PENDING)
    RegistrationFactory(session=training_session, status=Status.WAITING)
    response = client_for(reader).get(reverse("trainings:manage", args=[training_session.pk]))
    assert response.status_code == 200
    text = text_of(response)
    assert "Places prises 4 / 30 26 places restantes" in text
    assert "Confirmées 3" in text
    assert "À valider 1" in text
    assert "Liste d'attente 1" in text
    assert "Séances 1 1 h 30" in text
    checklist = {item["label"]: item["done"] for item in response.context["checklist"]}
    assert checklist["Pourquoi cette session ?"] is True
    assert checklist["Intervenant·es"] is False
    assert checklist["Au moins une séance au programme (obligatoire pour publier)"] is True
    # The meeting link is for organisers (and confirmed registrants).
    assert training_session.meeting_url in response.content.decode()
    # A reader has nothing to publish nor to duplicate.
    assert "Publier la session" not in text and "Retirer la publication" not in text
    assert "Dupliquer la session" not in text


def test_an_editor_publishes_and_withdraws_a_session(training_session, editor):
    training_session.published = False
    training_session.save()
    publish = reverse("trainings:session_publish", args=[training_session.pk])
    client = client_for(editor)
    assert "Publier la session" in text_of(
        client.get(reverse("trainings:manage", args=[training_session.pk]))
    )
    response = client.post(publish, {"published": "on"})
    assert response.status_code == 302
    training_session.refresh_from_db()
    assert training_session.published
    assert client_for(None).get(training_session.get_absolute_url()).status_code == 200
    client.post(publish, {})
    training_session.refresh_from_db()
    assert not training_session.published
    verbs = list(HistoryEntry.objects.of(training_session).values_list("verb", flat=True))
    assert verbs == ["unpublished", "published"]


def test_a_session_without_slots_cannot_be_published(editor):
    session = TrainingSessionFactory(published=False, with_slot=False)
    session.grant(editor, Role.EDITOR)
    response = client_for(editor).post(
        reverse("trainings:session_publish", args=[session.pk]), {"published": "on"}, follow=True
    )
    session.refresh_from_db()
    assert not session.published
    assert "Ajoutez au moins une séance au programme" in text_of(response)


def test_publishing_is_for_editors_only(training_session, reader, outsider):
    publish = reverse("trainings:session_publish", args=[training_session.pk])
    assert client_for(reader).post(publish, {}).status_code == 403
    assert client_for(outsider).post(publish, {}).status_code == 404
    assert client_for(reader).get(publish).status_code == 405
    training_session.refresh_from_db()
    assert training_session.published


def test_duplicating_copies_the_session_to_new_dates_without_registrations(outsider):
    deadline = timezone.make_aware(datetime.datetime.combine(in_days(18), datetime.time(23, 59)))
    session = scaling_like_session(
        in_days(20), registration_deadline=deadline, capacity=12, illustrative=True
    )
    session.grant(outsider, Role.EDITOR)
    experiment = ExperimentFactory()
    testimonies = list(session.testimonies.all())
    testimonies[0].experiment = experiment
    testimonies[0].save()
    SpeakerFactory(session=session, position=1)
    RegistrationQuestionFactory(session=session, required=True)
    RegistrationFactory.create_batch(2, session=session)
    new_start = in_days(365)
    response = client_for(outsider).post(
        reverse("trainings:session_duplicate", args=[session.pk]),
        {"start_date": new_start.isoformat()},
    )
    copy = TrainingSession.objects.exclude(pk=session.pk).get()
    assert response["Location"] == reverse("trainings:manage", args=[copy.pk])
    assert copy.title == session.title and copy.why == session.why
    assert copy.capacity == 12
    assert (copy.start_date, copy.end_date) == (new_start, new_start + datetime.timedelta(14))
    assert copy.registration_deadline == deadline + (new_start - session.start_date)
    assert not copy.published and not copy.illustrative
    assert copy.slug != session.slug
    assert copy.role_of(outsider) == Role.OWNER
    assert not Registration.objects.filter(session=copy).exists()
    slots = list(copy.slots.all())
    assert [slot.date for slot in slots] == [
        new_start,
        new_start,
        new_start + datetime.timedelta(7),
        new_start + datetime.timedelta(14),
    ]
    assert [(slot.start_time.hour, slot.end_time.hour) for slot in slots] == [
        (10, 12),
        (14, 16),
        (10, 12),
        (10, 12),
    ]
    copied = list(copy.testimonies.order_by("position"))
    assert [t.slot for t in copied] == slots[1:]
    assert copied[0].experiment == experiment
    assert list(copy.speakers.values_list("name", flat=True)) == ["Pascale Vincent"]
    assert copy.questions.get().required
    # The original is untouched.
    assert session.slots.count() == 4 and session.registrations.count() == 2
    assert "dupliquant" in HistoryEntry.objects.of(copy).get(verb="duplicated").summary
    assert HistoryEntry.objects.of(session).filter(verb="duplicated").exists()


@pytest.mark.parametrize(
    ("first_day", "new_first_day"),
    [
        # Winter to summer time: the last Sunday of March 2026 is the 29th.
        (datetime.date(2026, 3, 20), datetime.date(2026, 4, 3)),
        # Summer to winter time: the last Sunday of October 2026 is the 25th.
        (datetime.date(2026, 10, 23), datetime.date(2026, 11, 6)),
    ],
)
def test_duplicating_keeps_the_deadline_s_local_time_across_a_clock_change(
    first_day, new_first_day, editor
):
    day_before = first_day - datetime.timedelta(days=1)
    deadline = timezone.make_aware(datetime.datetime.combine(day_before, datetime.time(23, 59)))
    session = TrainingSessionFactory(start_date=first_day, registration_deadline=deadline)
    session.refresh_from_db()  # as the view reads it: the deadline in UTC
    copy = duplicate_session(session=session, start_date=new_first_day, by=editor)
    local_deadline = timezone.localtime(copy.registration_deadline)
    assert local_deadline.date() == new_first_day - datetime.timedelta(days=1)
    assert local_deadline.time() == datetime.time(23, 59)


def test_duplicating_needs_a_date_to_come(training_session, editor):
    duplicate = reverse("trainings:session_duplicate", args=[training_session.pk])
    for value, message in (("", "Ce champ est obligatoire."), ("2001-01-01", "à venir")):
        response = client_for(editor).post(duplicate, {"start_date": value})
        assert response.status_code == 400
        assert message in text_of(response)
    assert TrainingSession.objects.count() == 1


def test_duplicating_is_for_editors_only(training_session, reader, outsider):
    duplicate = reverse("trainings:session_duplicate", args=[training_session.pk])
    data = {"start_date": in_days(100).isoformat()}
    assert client_for(reader).post(duplicate, data).status_code == 403
    assert client_for(outsider).post(duplicate, data).status_code == 404
    assert TrainingSession.objects.count() == 1


def test_the_summary_is_hidden_from_outsiders(training_session, outsider):
    url = reverse("trainings:manage", args=[training_session.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(None).get(url).status_code == 302


def test_the_testimonies_count_in_the_checklist(training_session, editor):
    TestimonyFactory(session=training_session)
    SpeakerFactory(session=training_session)
    response = client_for(editor).get(reverse("trainings:manage", args=[training_session.pk]))
    checklist = {item["label"]: item["done"] for item in response.context["checklist"]}
    assert checklist["Intervenant·es"] is True
