"""The « Présences » tab: the grid registrant × slot grouped by half-day, its totals, and the
organiser ticking presence."""

import pytest
from django.urls import reverse

from essaim.attendance.models import Attendance, Source
from essaim.registrations.models import Status
from tests.attendance.factories import AttendanceFactory
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def url(session):
    return reverse("attendance:manage", args=[session.pk])


def key(registration, slot) -> str:
    return f"{registration.pk}-{slot.pk}"


def test_it_shows_the_grid_with_half_days_totals_and_hours(webconferences, reader):
    marie, elodie = webconferences.registrations["Marie"], webconferences.registrations["Élodie"]
    first, second, third, _ = webconferences.slots
    AttendanceFactory(registration=marie, slot=first)
    AttendanceFactory(registration=marie, slot=second)
    AttendanceFactory(registration=elodie, slot=first, minutes=75, source=Source.REPORT)
    AttendanceFactory(registration=elodie, slot=third, absent=True)

    response = client_for(reader).get(url(webconferences.session))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Grille des présences" in page
    for label in ["30 juin, matin", "30 juin, après-midi", "8 juil., matin", "8 juil., après-midi"]:
        assert label in page
    assert "Mardi 30 juin 2020, matin" in page
    assert "10h-12h" in page
    grid = response.context["grid"]
    assert [column.present for column in grid.columns] == [2, 1, 0, 0]
    assert [column.expected for column in grid.columns] == [5, 5, 5, 5]
    assert grid.slot_totals == [2, 1, 0, 0]
    rows = {row.registration.first_name: row for row in grid.rows}
    assert list(rows) == ["Jean-Michel", "Marie", "Élodie", "Claire", "Sophie"]  # by last name
    assert rows["Marie"].minutes == 240
    assert rows["Élodie"].minutes == 75
    assert "4\xa0h" in page and "1\xa0h\xa015" in page and "75 min" in page
    assert "Zorro" not in page  # cancelled
    # A reader sees the grid but has no box to tick.
    assert 'name="present"' not in page
    assert "Enregistrer les présences" not in page
    assert "Importer un rapport de connexion" not in page and "Pointer sur téléphone" not in page


def test_the_organiser_ticks_and_unticks_presence(webconferences, contributor):
    marie, claire = webconferences.registrations["Marie"], webconferences.registrations["Claire"]
    first, second, *_ = webconferences.slots
    AttendanceFactory(registration=claire, slot=first)
    client = client_for(contributor)
    page = client.get(url(webconferences.session)).content.decode()
    assert f'value="{key(claire, first)}" checked' in page

    response = client.post(
        url(webconferences.session),
        {
            "present": [key(marie, first), key(marie, second)],
            "shown": [key(claire, first)],  # Claire was ticked, the box is now empty
        },
        follow=True,
    )

    assert response.redirect_chain[-1][0] == url(webconferences.session)
    assert "3 présences enregistrées." in response.content.decode()
    records = {
        (record.registration.first_name, record.slot_id): record
        for record in Attendance.objects.select_related("registration")
    }
    assert records[("Marie", first.pk)].present and records[("Marie", second.pk)].present
    assert records[("Marie", first.pk)].source == Source.ORGANISER
    assert records[("Marie", first.pk)].recorded_by == contributor
    assert not records[("Claire", first.pk)].present
    assert response.context["grid"].slot_totals == [1, 1, 0, 0]


def test_a_box_left_as_it_was_keeps_a_check_in_made_meanwhile(webconferences, contributor):
    """The page was drawn before Sophie checked in on a phone: saving the grid keeps her."""
    sophie, marie = webconferences.registrations["Sophie"], webconferences.registrations["Marie"]
    first = webconferences.slots[0]
    AttendanceFactory(registration=sophie, slot=first, source=Source.CHECK_IN)

    client_for(contributor).post(url(webconferences.session), {"present": [key(marie, first)]})

    assert Attendance.objects.get(registration=sophie).present
    assert Attendance.objects.get(registration=sophie).source == Source.CHECK_IN
    assert Attendance.objects.get(registration=marie).present


def test_boxes_of_other_sessions_or_unconfirmed_registrants_are_ignored(
    webconferences, contributor, training_session
):
    stranger = RegistrationFactory(session=training_session)
    waiting = RegistrationFactory(session=webconferences.session, status=Status.WAITING)
    other_slot = training_session.slots.get()
    first = webconferences.slots[0]

    response = client_for(contributor).post(
        url(webconferences.session),
        {"present": [key(stranger, other_slot), key(stranger, first), key(waiting, first), "x-1"]},
        follow=True,
    )

    assert "Aucun changement à enregistrer." in response.content.decode()
    assert not Attendance.objects.exists()


def test_it_says_what_to_do_without_slots_or_registrants(reader, training_session):
    training_session.slots.all().delete()
    page = client_for(reader).get(url(training_session)).content.decode()
    assert "Le programme de cette session n'a pas encore de séance" in page


def test_it_waits_for_registrants(reader, training_session):
    page = client_for(reader).get(url(training_session)).content.decode()
    assert "Aucune inscription n'est encore confirmée" in page


@pytest.mark.parametrize(
    ("persona", "method", "status"),
    [
        ("reader", "post", 403),
        ("outsider", "get", 404),
        ("outsider", "post", 404),
        ("anonymous", "get", 302),
    ],
)
def test_only_organisers_see_and_contributors_tick(
    webconferences, request, persona, method, status
):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    first, marie = webconferences.slots[0], webconferences.registrations["Marie"]
    client = client_for(user)
    response = getattr(client, method)(
        url(webconferences.session), {"present": [key(marie, first)]}
    )
    assert response.status_code == status
    assert not Attendance.objects.exists()


def test_it_refuses_other_methods(webconferences, owner):
    assert client_for(owner).put(url(webconferences.session)).status_code == 405


def test_the_grid_queries_do_not_grow_with_registrants(
    webconferences, reader, django_assert_max_num_queries
):
    session = webconferences.session
    client = client_for(reader)
    client.get(url(session))  # warms the caches (content types, session)
    for registration in webconferences.registrations.values():
        for slot in webconferences.slots[:2]:
            AttendanceFactory(registration=registration, slot=slot)
    # The reader's session and user (2), the training session with the reader's role (1), its
    # slots, the registrations with their certificate, the slots they chose, their attendance
    # (4), the connection reports (1).
    # + 1: the generations of the tables, read before the page is made (page_cache.py)
    with django_assert_max_num_queries(9) as few:
        client.get(url(session))
    for number in range(30):
        registration = RegistrationFactory(session=session, last_name=f"Nouveau {number}")
        registration.slots.set(webconferences.slots[:2])
        AttendanceFactory(registration=registration, slot=webconferences.slots[0])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(session))
    assert len(response.context["grid"].rows) == 35
