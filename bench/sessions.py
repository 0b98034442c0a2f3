"""The session pages against their floor, measured in the same run.

    [DATABASE_URL=postgres://…/essaim_bench] .venv/bin/python bench/sessions.py
        [--sessions 100] [--registrations 100] [--repeat 20] [--json FILE] [--keep | --reuse]
        [--only TEXT] [--profile DIR]

In a scratch database with production settings (``bench/harness.py``: SQLite in a temporary
directory, or the PostgreSQL database of ``DATABASE_URL``, emptied before and after), the script
creates ``--sessions`` published upcoming sessions of two slots each, ``--registrations``
registrations on each (confirmed, pending, offered, waiting, cancelled), attendance for half the
confirmed registrants, then runs ``ANALYZE``. Through Django's test client, it measures each page
against its floor (``bench/session_floors.py``: the same rows fetched by one hand-written SQL
query and rendered by a minimal template, through the same middleware):

- the public list of sessions, the public page of a session (an anonymous visitor);
- the « Inscriptions » tab and the « Présences » grid of a session (a staff organiser).

It prints the harness's table: the median server time of each page and of its floor, the page's
90th percentile, their ratio, the number of queries of each and the page's size.
"""

import time
from datetime import time as time_of_day
from datetime import timedelta

import harness

harness.configure("sessions")

from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from session_floors import (  # noqa: E402
    attendance_floor,
    public_list_floor,
    public_session_floor,
    registrations_floor,
)

from essaim.accounts.models import User  # noqa: E402
from essaim.attendance.models import Attendance  # noqa: E402
from essaim.registrations.models import Registration, Status  # noqa: E402
from essaim.trainings.models import Slot, TrainingSession  # noqa: E402

ORGANISER = "organisatrice@example.org"
STATUSES = (
    [Status.CONFIRMED] * 5 + [Status.PENDING, Status.OFFERED, Status.WAITING] + [Status.CANCELLED]
)

# The data ----------------------------------------------------------------------------------------


def prepare(sessions: int, registrations: int) -> tuple[TrainingSession, User]:
    start = timezone.localdate() + timedelta(days=30)
    created = TrainingSession.objects.bulk_create(
        TrainingSession(
            title=f"Session {number:03d} : accompagner le changement d'échelle",
            slug=f"session-{number:03d}",
            published=True,
            start_date=start + timedelta(days=number),
            end_date=start + timedelta(days=number + 1),
            capacity=registrations,
            why="Parce que les innovations locales méritent d'essaimer. " * 5,
            contact_name="Mylène Thou",
            contact_email="contact@example.org",
        )
        for number in range(sessions)
    )
    slots = Slot.objects.bulk_create(
        Slot(
            session=session,
            date=session.start_date + timedelta(days=day),
            start_time=time_of_day(9 + day, 30),
            end_time=time_of_day(12, 30),
            title=f"Séance {day + 1}",
        )
        for session in created
        for day in range(2)
    )
    now = timezone.now()
    rows = Registration.objects.bulk_create(
        (
            Registration(
                session=session,
                first_name="Camille",
                last_name=f"Participant {number:03d}",
                email=f"participant{number:03d}.{session.pk}@example.org",
                organisation_name="Communauté de communes du Diois",
                category="agent",
                status=STATUSES[number % len(STATUSES)],
                consent=True,
                consent_at=now,
                created_at=now + timedelta(seconds=number),
                offer_expires_at=now + timedelta(days=2)
                if STATUSES[number % len(STATUSES)] == Status.OFFERED
                else None,
            )
            for session in created
            for number in range(registrations)
        ),
        batch_size=2000,
    )
    slots_of = {}
    for slot in slots:
        slots_of.setdefault(slot.session_id, []).append(slot)
    Attendance.objects.bulk_create(
        (
            Attendance(registration=row, slot=slot, present=True)
            for row in rows
            if row.status == Status.CONFIRMED and row.pk % 2
            for slot in slots_of[row.session_id]
        ),
        batch_size=2000,
    )
    organiser = User.objects.create(email=ORGANISER, is_staff=True)
    return created[len(created) // 2], organiser


def reload() -> tuple[TrainingSession, User]:
    """Find again, in a database kept by ``--keep``, the session in the middle of the generated
    ones and the organiser."""
    sessions = TrainingSession.objects.filter(slug__startswith="session-").order_by("pk")
    return sessions[sessions.count() // 2], User.objects.get(email=ORGANISER)


# The pages ---------------------------------------------------------------------------------------


def pages(session: TrainingSession, visitor: Client) -> list[harness.Page]:
    """The public pages as the anonymous ``visitor``; the others as the client given to
    ``harness.measure``, the organiser's."""
    return [
        harness.Page(
            "liste publique",
            reverse("trainings:public_list"),
            public_list_floor(),
            client=visitor,
        ),
        harness.Page(
            "page publique",
            session.get_absolute_url(),
            public_session_floor(session),
            client=visitor,
        ),
        harness.Page(
            "onglet Inscriptions",
            reverse("registrations:manage", args=[session.pk]),
            registrations_floor(session),
        ),
        harness.Page(
            "grille de présences",
            reverse("attendance:manage", args=[session.pk]),
            attendance_floor(session),
        ),
    ]


def main() -> None:
    parser = harness.parser(__doc__)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--registrations", type=int, default=100)
    options = parser.parse_args()

    with harness.scratch_database(keep=options.keep, reuse=options.reuse):
        if options.reuse:
            session, organiser = reload()
            options.sessions = TrainingSession.objects.filter(slug__startswith="session-").count()
            options.registrations = session.registrations.count()
            generated = ""
        else:
            started = time.perf_counter()
            session, organiser = prepare(options.sessions, options.registrations)
            harness.analyze()
            generated = f", données en {time.perf_counter() - started:.1f} s"

        visitor = Client(SERVER_NAME="localhost")
        staff = Client(SERVER_NAME="localhost")
        staff.force_login(organiser)
        measured = harness.chosen(pages(session, visitor), options.only)
        if options.profile:
            harness.profile(staff, measured, options.profile)
        results = harness.measure(staff, measured, repeat=options.repeat)
    harness.report(
        results,
        title=(
            f"Sessions ({options.sessions} sessions de {options.registrations} inscriptions"
            f"{generated}, {options.repeat} mesures par page)"
        ),
        json_path=options.json,
    )


if __name__ == "__main__":
    main()
