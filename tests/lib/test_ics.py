"""Writing calendar files, without a database."""

import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar

from essaim.lib.bounds import one_line
from essaim.lib.ics import CalendarEvent, Invitee, write_calendar

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime.datetime(2024, 3, 1, 8, 0, tzinfo=datetime.UTC)


def event(**changes) -> CalendarEvent:
    values = {
        "uid": "slot-7@essaim",
        "start": datetime.datetime(2024, 3, 12, 15, 0, tzinfo=PARIS),
        "end": datetime.datetime(2024, 3, 12, 17, 30, tzinfo=PARIS),
        "summary": "Atelier mobilité",
    }
    return CalendarEvent(**(values | changes))


def read(content: bytes):
    calendar = Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")


def test_it_writes_an_event_in_utc_that_calendars_read():
    content = write_calendar(
        [
            event(
                description="Programme :\n9 h accueil\n10 h ateliers",
                location="Salle des fêtes, 38380 Saint-Laurent-du-Pont",
                url="https://essaim.example.org/sessions/atelier/",
            )
        ],
        product_id="-//Essaim//Essai//FR",
        name="Atelier mobilité",
        now=NOW,
    )
    assert content.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"DTSTART:20240312T140000Z" in content
    assert b"DTEND:20240312T163000Z" in content
    assert b"DTSTAMP:20240301T080000Z" in content
    assert b"METHOD" not in content
    calendar, (vevent,) = read(content)
    assert str(calendar["PRODID"]) == "-//Essaim//Essai//FR"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Atelier mobilité"
    assert str(vevent["UID"]) == "slot-7@essaim"
    assert vevent.decoded("DTSTART") == datetime.datetime(2024, 3, 12, 14, 0, tzinfo=datetime.UTC)
    assert str(vevent["SUMMARY"]) == "Atelier mobilité"
    assert str(vevent["DESCRIPTION"]) == "Programme :\n9 h accueil\n10 h ateliers"
    assert str(vevent["LOCATION"]) == "Salle des fêtes, 38380 Saint-Laurent-du-Pont"
    assert str(vevent["URL"]) == "https://essaim.example.org/sessions/atelier/"
    assert "ORGANIZER" not in vevent and "ATTENDEE" not in vevent


def test_a_line_break_in_a_title_does_not_break_the_file():
    content = write_calendar(
        [
            event(
                summary="Comité de pilotage\r\nBEGIN:VEVENT\nséance ; 2",
                location="Mairie\nsalle 2",
                description="Ligne 1\r\nLigne 2\x0b",
            )
        ],
        product_id="-//Essaim//Essai//FR",
        name="Cycle\nmobilité",
        now=NOW,
    )
    lines = content.split(b"\r\n")
    assert b"BEGIN:VEVENT" in lines and lines.count(b"BEGIN:VEVENT") == 1
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)
    calendar, (vevent,) = read(content)
    assert str(vevent["SUMMARY"]) == "Comité de pilotage BEGIN:VEVENT séance ; 2"
    assert str(vevent["LOCATION"]) == "Mairie salle 2"
    assert str(vevent["DESCRIPTION"]) == "Ligne 1\nLigne 2"
    assert str(calendar["X-WR-CALNAME"]) == "Cycle mobilité"


def test_it_folds_long_lines_and_escapes_separators():
    long_title = "Un titre très long " * 10
    content = write_calendar(
        [event(summary=long_title, location="Salle A; étage 2, aile B")],
        product_id="-//Essaim//Essai//FR",
        now=NOW,
    )
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))
    assert b"LOCATION:Salle A\\; \xc3\xa9tage 2\\, aile B" in content
    _, (vevent,) = read(content)
    assert str(vevent["SUMMARY"]) == long_title.strip()


def test_it_writes_an_invitation_with_its_organiser_attendees_and_method():
    content = write_calendar(
        [
            event(
                organiser=Invitee("Camille\nMartin", "camille@example.org"),
                attendees=[Invitee("Éloïse Dupont", "eloise@example.org"), Invitee("", "x@y.fr")],
            ),
            event(uid="slot-8@essaim"),
        ],
        product_id="-//Essaim//Essai//FR",
        method="REQUEST",
        now=NOW,
    )
    calendar, (first, second) = read(content)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(first["ORGANIZER"]) == "mailto:camille@example.org"
    assert first["ORGANIZER"].params["CN"] == "Camille Martin"
    attendees = first["ATTENDEE"]
    assert [str(attendee) for attendee in attendees] == [
        "mailto:eloise@example.org",
        "mailto:x@y.fr",
    ]
    assert attendees[0].params["CN"] == "Éloïse Dupont"
    assert "CN" not in attendees[1].params
    assert attendees[0].params["PARTSTAT"] == "NEEDS-ACTION"
    assert attendees[0].params["ROLE"] == "REQ-PARTICIPANT"
    assert str(second["UID"]) == "slot-8@essaim"


def test_single_line_keeps_words_apart():
    assert one_line("  a\r\n\r\n b\tc\x00 ") == "a b c"
