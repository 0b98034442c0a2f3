"""Check-in on a phone: the registrants of a half-day, one tap to record a presence, undo."""

import datetime
import html

import pytest
from django.urls import reverse

from essaim.attendance.models import Attendance, Source
from tests.attendance.factories import AttendanceFactory
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import SlotFactory

pytestmark = pytest.mark.django_db
MORNING = "2020-06-30-matin"


def url(session, query: str = ""):
    return reverse("attendance:check_in", args=[session.pk]) + query


def tap(client, session, registration, half_day=MORNING, action="present", **headers):
    data = {"inscrit": registration.pk, "demi-journee": half_day, "action": action, "q": ""}
    return client.post(url(session), data, headers=headers)


def test_it_lists_the_registrants_of_the_chosen_half_day(webconferences, contributor):
    session = webconferences.session
    AttendanceFactory(
        registration=webconferences.registrations["Claire"], slot=webconferences.slots[0]
    )

    response = client_for(contributor).get(url(session, f"?demi-journee={MORNING}"))

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Mardi 30 juin 2020, matin" in page
    assert "1 présent·e sur 5 inscrit·es attendu·es" in " ".join(
        page.replace("<strong>", "").replace("</strong>", "").split()
    )
    people = response.context["people"]
    assert [person.registration.last_name for person in people] == [
        "Bostetter",
        "Dupont",
        "Fauré",
        "Galland",
        "Roy",
    ]
    assert [person.present for person in people] == [False, False, False, True, False]
    assert 'data-search="elodie faure arche agglo"' in page
    assert "Présent·e (déjà relevé) · ECORAVIE" in page  # ticked in the grid, not here
    assert 'hx-post="' in page
    assert "attendance/check_in.js" in page
    for other in ["2020-06-30-apres-midi", "2020-07-08-matin", "2020-07-08-apres-midi"]:
        assert f'<option value="{other}"' in page


def test_one_tap_records_a_presence_at_every_slot_of_the_half_day(webconferences, contributor):
    session = webconferences.session
    second_morning_slot = SlotFactory(
        session=session,
        date=datetime.date(2020, 6, 30),
        start_time=datetime.time(11, 0),
        end_time=datetime.time(12, 0),
    )
    marie = webconferences.registrations["Marie"]

    response = tap(client_for(contributor), session, marie)

    assert response.status_code == 302
    assert response.url == url(session, f"?demi-journee={MORNING}#inscrit-{marie.pk}")
    records = Attendance.objects.filter(registration=marie)
    assert {record.slot_id for record in records} == {
        webconferences.slots[0].pk,
        second_morning_slot.pk,
    }
    assert all(record.present and record.source == Source.CHECK_IN for record in records)
    assert all(record.recorded_by == contributor for record in records)


def test_with_htmx_the_tap_answers_the_redrawn_line_and_the_counts(webconferences, contributor):
    session, marie = webconferences.session, webconferences.registrations["Marie"]
    client = client_for(contributor)

    response = tap(client, session, marie, **{"HX-Request": "true"})

    assert response.status_code == 200
    fragment = html.unescape(response.content.decode())
    assert fragment.lstrip().startswith(
        f'<li class="check-in__person check-in__person--present" id="inscrit-{marie.pk}"'
    )
    assert "Présent·e, pointé·e à" in fragment
    assert 'name="action" value="annuler"' in fragment
    assert 'id="check-in-counts" hx-swap-oob="true"' in fragment
    assert "Marie Dupont est pointé·e présent·e." in fragment

    undone = tap(client, session, marie, action="annuler", **{"HX-Request": "true"})

    fragment = html.unescape(undone.content.decode())
    assert "Pointer présent·e" in fragment
    assert "Pointage de Marie Dupont annulé." in fragment
    assert not Attendance.objects.filter(registration=marie).exists()


def test_a_tap_keeps_the_minutes_of_a_connection_report(webconferences, contributor):
    marie = webconferences.registrations["Marie"]
    AttendanceFactory(
        registration=marie, slot=webconferences.slots[0], minutes=95, source=Source.REPORT
    )

    tap(client_for(contributor), webconferences.session, marie)

    record = Attendance.objects.get(registration=marie)
    assert (record.minutes, record.source) == (95, Source.REPORT)


def test_a_tap_turns_an_absence_into_a_presence(webconferences, contributor):
    marie = webconferences.registrations["Marie"]
    AttendanceFactory(registration=marie, slot=webconferences.slots[0], absent=True)
    tap(client_for(contributor), webconferences.session, marie)
    assert Attendance.objects.get(registration=marie).present


def test_the_search_works_without_javascript(webconferences, contributor):
    response = client_for(contributor).get(
        url(webconferences.session, f"?demi-journee={MORNING}&q=FAURE+arche")
    )
    page = response.content.decode()
    hidden = response.context["hidden"]
    assert webconferences.registrations["Élodie"].pk not in hidden
    assert len(hidden) == 4
    assert (
        f'id="inscrit-{webconferences.registrations["Marie"].pk}" '
        'data-search="marie dupont communaute de communes du diois" hidden' in page
    )


def test_someone_who_is_not_a_confirmed_registrant_cannot_be_checked_in(
    webconferences, contributor, training_session
):
    stranger = RegistrationFactory(session=training_session)
    client = client_for(contributor)
    assert tap(client, webconferences.session, stranger).status_code == 404
    marie = webconferences.registrations["Marie"]
    assert (
        tap(client, webconferences.session, marie, half_day="2020-07-01-matin").status_code == 404
    )
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    ("persona", "status"), [("reader", 403), ("outsider", 404), ("anonymous", 302)]
)
def test_only_contributors_check_in(webconferences, request, persona, status):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    client = client_for(user)
    marie = webconferences.registrations["Marie"]
    assert client.get(url(webconferences.session)).status_code == status
    assert tap(client, webconferences.session, marie).status_code == status
    assert not Attendance.objects.exists()


def test_the_check_in_queries_do_not_grow_with_registrants(
    webconferences, contributor, django_assert_max_num_queries
):
    client = client_for(contributor)
    target = url(webconferences.session, f"?demi-journee={MORNING}")
    client.get(target)
    # The contributor's session and user (2), the training session with the role (1), its
    # slots, the registrations, the slots they chose, their attendance (4).
    with django_assert_max_num_queries(7):
        client.get(target)
    for number in range(20):
        registration = RegistrationFactory(session=webconferences.session, last_name=f"N{number}")
        AttendanceFactory(registration=registration, slot=webconferences.slots[0])
    with django_assert_max_num_queries(7):
        response = client.get(target)
    assert len(response.context["people"]) == 25


def test_large_numbers_are_written_without_a_thousands_separator(webconferences, contributor):
    """Numbers are grouped for reading (« 1 234 ») but never in what a form sends back."""
    session = webconferences.session
    late = RegistrationFactory(session=session, pk=123456, first_name="Zoé", last_name="Tardive")
    page = client_for(contributor).get(url(session, f"?demi-journee={MORNING}")).content.decode()
    assert 'name="inscrit" value="123456"' in page
    assert 'id="inscrit-123456"' in page
    assert tap(client_for(contributor), session, late).status_code == 302
    assert Attendance.objects.filter(registration=late, present=True).exists()
