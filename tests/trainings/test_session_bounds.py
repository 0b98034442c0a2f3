"""The bounds of what an organiser types in a session: its places and its single-line texts."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from essaim.registrations.models import Status
from essaim.trainings.models import TrainingSession
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import scaling_like_session
from tests.trainings.test_public_session import in_days
from tests.trainings.test_session_forms import session_data

pytestmark = pytest.mark.django_db


def edit(session, editor, **overrides):
    data = session_data(
        **{
            "title": session.title,
            "start_date": session.start_date.isoformat(),
            "end_date": session.end_date.isoformat(),
            **overrides,
        }
    )
    url = reverse("trainings:session_edit", args=[session.pk])
    return client_for(editor).post(url, data)


@pytest.fixture
def twelve_places_taken(training_session):
    for _ in range(12):
        RegistrationFactory(session=training_session, status=Status.CONFIRMED)
    RegistrationFactory(session=training_session, status=Status.WAITING)
    RegistrationFactory(session=training_session, status=Status.CANCELLED)
    return training_session


def test_the_capacity_cannot_fall_below_the_places_taken(twelve_places_taken, editor):
    response = edit(twelve_places_taken, editor, capacity="11")

    assert response.status_code == 200
    assert response.context["form"].errors["capacity"] == [
        "La capacité ne peut pas être inférieure aux 12 places déjà prises."
    ]
    twelve_places_taken.refresh_from_db()
    assert twelve_places_taken.capacity == 30


def test_the_capacity_may_equal_the_places_taken(twelve_places_taken, editor):
    response = edit(twelve_places_taken, editor, capacity="12")

    assert response.status_code == 302
    twelve_places_taken.refresh_from_db()
    assert twelve_places_taken.capacity == 12


def test_a_huge_capacity_is_refused_in_french(training_session, editor):
    response = edit(training_session, editor, capacity="99999999999")

    assert response.status_code == 200
    assert response.context["form"].errors["capacity"] == [
        "Ce nombre est trop grand : un million au plus."
    ]


def test_a_title_on_two_lines_is_refused(training_session, editor):
    response = edit(training_session, editor, title="Atelier\r\ncompost")

    assert response.status_code == 200
    assert response.context["form"].errors["title"] == [
        "Ce texte doit tenir sur une ligne, sans retour à la ligne ni caractère de contrôle."
    ]


def test_a_title_kept_on_two_lines_before_the_rule_breaks_neither_the_page_nor_the_calendar():
    session = scaling_like_session(in_days(20))
    TrainingSession.objects.filter(pk=session.pk).update(title="Atelier\r\ncompost\t")
    anonymous = client_for(None)

    page = anonymous.get(reverse("trainings:session", args=[session.slug]))
    form = anonymous.get(reverse("registrations:register", args=[session.slug]))
    calendar = Calendar.from_ical(
        anonymous.get(reverse("trainings:session_ics", args=[session.slug])).content
    )

    assert (page.status_code, form.status_code) == (200, 200)
    assert str(calendar["x-wr-calname"]) == "Atelier compost"
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert summaries and not any(set(summary) & {"\r", "\n", "\t"} for summary in summaries)
