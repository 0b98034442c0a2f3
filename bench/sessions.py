"""The session pages against their floor, measured in the same run.

    [DATABASE_URL=postgres://…/essaim_bench] .venv/bin/python bench/sessions.py
        [--sessions 100] [--registrations 100] [--repeat 20] [--keep]

The script prepares a scratch database (``DATABASE_URL`` for PostgreSQL, emptied before and
after; a temporary SQLite file otherwise) with ``--sessions`` published upcoming sessions of
two slots each, ``--registrations`` registrations on each (confirmed, pending, offered, waiting,
cancelled), attendance for half the confirmed registrants, then runs ``ANALYZE``. With the
production settings (no debug, manifest static files), through Django's request handler and
every middleware, it requests each page ``--repeat`` times after a warm-up:

- the public list of sessions, the public page of a session (anonymous visitor);
- the « Inscriptions » tab and the « Présences » grid of a session (a staff organiser);

and, for each, its floor: the same rows fetched by one hand-written SQL query and rendered by a
minimal template, mounted only by this script, through the same middleware. It prints a table:
the median server time of the page and of its floor, their ratio, and the number of queries of
each.
"""

import argparse
import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from datetime import time as time_of_day
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
scratch_dir = None
if "ESSAIM_DATA_DIR" not in os.environ:
    scratch_dir = tempfile.mkdtemp(prefix="essaim-bench-sessions-")
    os.environ["ESSAIM_DATA_DIR"] = scratch_dir
os.environ["ESSAIM_DEBUG"] = "0"
os.environ.setdefault("ESSAIM_SECRET_KEY", secrets.token_urlsafe(60))
os.environ.setdefault("ESSAIM_HTTPS", "0")
os.environ.setdefault("ESSAIM_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("ESSAIM_LOG_LEVEL", "WARNING")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "essaim.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import include, path  # noqa: E402
from django.utils import timezone  # noqa: E402

from essaim.accounts.models import User  # noqa: E402
from essaim.attendance.models import Attendance  # noqa: E402
from essaim.registrations.models import HOLDS_A_PLACE, Registration, Status  # noqa: E402
from essaim.trainings.models import Slot, TrainingSession  # noqa: E402

SESSIONS = TrainingSession._meta.db_table
SLOTS = Slot._meta.db_table
REGISTRATIONS = Registration._meta.db_table
ATTENDANCES = Attendance._meta.db_table
TAKEN = ", ".join(f"'{status}'" for status in HOLDS_A_PLACE)
STATUSES = (
    [Status.CONFIRMED] * 5 + [Status.PENDING, Status.OFFERED, Status.WAITING] + [Status.CANCELLED]
)

# The floors: one hand-written query each, rendered by a minimal template --------------------

FLOOR_SQL = {
    "list": (
        f"SELECT s.title, s.slug, s.start_date, s.end_date, s.capacity,"
        f" (SELECT COUNT(*) FROM {REGISTRATIONS} r WHERE r.session_id = s.id"
        f" AND r.status IN ({TAKEN})) FROM {SESSIONS} s"
        f" WHERE s.published AND s.end_date >= %s ORDER BY s.start_date, s.id"
    ),
    "session": (
        f"SELECT s.title, s.why, s.audience, s.objectives, s.capacity, sl.date, sl.start_time,"
        f" sl.end_time, sl.title, (SELECT COUNT(*) FROM {REGISTRATIONS} r"
        f" WHERE r.session_id = s.id AND r.status IN ({TAKEN}))"
        f" FROM {SESSIONS} s LEFT JOIN {SLOTS} sl ON sl.session_id = s.id"
        f" WHERE s.slug = %s AND s.published ORDER BY sl.date, sl.start_time"
    ),
    "registrations": (
        f"SELECT r.first_name, r.last_name, r.email, r.organisation_name, r.status, r.created_at"
        f" FROM {REGISTRATIONS} r WHERE r.session_id = %s ORDER BY r.created_at, r.id"
    ),
    "grid": (
        f"SELECT r.first_name, r.last_name, sl.date, sl.start_time, a.id IS NOT NULL"
        f" FROM {REGISTRATIONS} r JOIN {SLOTS} sl ON sl.session_id = r.session_id"
        f" LEFT JOIN {ATTENDANCES} a ON a.registration_id = r.id AND a.slot_id = sl.id"
        f" WHERE r.session_id = %s AND r.status = 'confirmed'"
        f" ORDER BY r.last_name, r.first_name, r.id, sl.date, sl.start_time"
    ),
}
FLOOR_TEMPLATE = engines["django"].from_string(
    "<!doctype html><title>plancher</title><table>{% for row in rows %}<tr>"
    "{% for value in row %}<td>{{ value }}</td>{% endfor %}</tr>{% endfor %}</table>"
)


def floor(request: HttpRequest, page: str, key: str) -> HttpResponse:
    argument = timezone.localdate() if page == "list" else key
    with connection.cursor() as cursor:
        cursor.execute(FLOOR_SQL[page], [argument])
        rows = cursor.fetchall()
    return HttpResponse(FLOOR_TEMPLATE.render({"rows": rows}, request))


urlpatterns = [
    path("plancher/<str:page>/<str:key>/", floor),
    path("", include("essaim.urls")),
]

# The data ---------------------------------------------------------------------------------


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
    organiser = User.objects.create(email="organisatrice@example.org", is_staff=True)
    return created[len(created) // 2], organiser


# The measures -----------------------------------------------------------------------------


def measure(client: Client, url: str, repeat: int) -> tuple[float, int]:
    """The median milliseconds of ``url`` and its number of queries."""
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} : réponse {response.status_code}")
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        client.get(url)
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds) * 1000, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--registrations", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="garder la base de travail")
    options = parser.parse_args()

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    call_command("migrate", interactive=False, verbosity=0)
    if engine == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    session, organiser = prepare(options.sessions, options.registrations)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    generated = time.perf_counter() - started

    visitor, staff = Client(), Client()
    staff.force_login(organiser)
    pages = [
        ("liste publique", visitor, "/sessions/", "list", "-"),
        ("page publique", visitor, session.get_absolute_url(), "session", session.slug),
        (
            "onglet Inscriptions",
            staff,
            f"/formations/{session.pk}/inscriptions/",
            "registrations",
            session.pk,
        ),
        ("grille de présences", staff, f"/formations/{session.pk}/presences/", "grid", session.pk),
    ]
    print(
        f"\n{options.sessions} sessions de {options.registrations} inscriptions ({engine}, "
        f"données en {generated:.1f} s, médiane de {options.repeat} requêtes)\n"
    )
    print("| page | plancher | page | rapport | requêtes (plancher / page) |")
    print("|---|---|---|---|---|")
    with override_settings(ROOT_URLCONF=sys.modules[__name__]):
        for name, client, url, page, key in pages:
            floor_ms, floor_queries = measure(client, f"/plancher/{page}/{key}/", options.repeat)
            page_ms, page_queries = measure(client, url, options.repeat)
            print(
                f"| {name} | {floor_ms:.1f} ms | {page_ms:.1f} ms | {page_ms / floor_ms:.1f} × "
                f"| {floor_queries} / {page_queries} |"
            )

    if engine == "postgresql" and not options.keep:
        call_command("flush", interactive=False, verbosity=0)
    connection.close()
    if scratch_dir and not options.keep:
        shutil.rmtree(scratch_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
