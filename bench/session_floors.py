"""The floors of the session pages: the same rows as the page, fetched by one hand-written SQL
query and shown by a minimal template (see ``harness.Floor``). Valid on SQLite and PostgreSQL;
import after ``harness.configure``."""

import harness
from django.utils import timezone

from essaim.attendance.models import Attendance
from essaim.registrations.models import HOLDS_A_PLACE, Registration
from essaim.trainings.models import Slot, TrainingSession

SESSIONS = TrainingSession._meta.db_table
SLOTS = Slot._meta.db_table
REGISTRATIONS = Registration._meta.db_table
ATTENDANCES = Attendance._meta.db_table
TAKEN = ", ".join(f"'{status}'" for status in HOLDS_A_PLACE)
TEMPLATE = (
    "<!doctype html><title>plancher</title><table>{% for row in rows %}<tr>"
    "{% for value in row.values %}<td>{{ value }}</td>{% endfor %}</tr>{% endfor %}</table>"
)


def public_list_floor() -> harness.Floor:
    """The published sessions not yet over, with the places taken on each (anonymous)."""
    return harness.Floor(
        f"SELECT s.title, s.slug, s.start_date, s.end_date, s.capacity,"
        f" (SELECT COUNT(*) FROM {REGISTRATIONS} r WHERE r.session_id = s.id"
        f" AND r.status IN ({TAKEN})) AS taken FROM {SESSIONS} s"
        f" WHERE s.published AND s.end_date >= %s ORDER BY s.start_date, s.id",
        [timezone.localdate()],
        TEMPLATE,
        public=True,
    )


def public_session_floor(session: TrainingSession) -> harness.Floor:
    """A published session, its slots and the places taken (anonymous)."""
    return harness.Floor(
        f"SELECT s.title, s.why, s.audience, s.objectives, s.capacity, sl.date, sl.start_time,"
        f" sl.end_time, sl.title AS slot_title, (SELECT COUNT(*) FROM {REGISTRATIONS} r"
        f" WHERE r.session_id = s.id AND r.status IN ({TAKEN})) AS taken"
        f" FROM {SESSIONS} s LEFT JOIN {SLOTS} sl ON sl.session_id = s.id"
        f" WHERE s.slug = %s AND s.published ORDER BY sl.date, sl.start_time",
        [session.slug],
        TEMPLATE,
        public=True,
    )


def registrations_floor(session: TrainingSession) -> harness.Floor:
    """Every registration of a session, in the order they came (the organiser)."""
    return harness.Floor(
        f"SELECT r.first_name, r.last_name, r.email, r.organisation_name, r.status, r.created_at"
        f" FROM {REGISTRATIONS} r WHERE r.session_id = %s ORDER BY r.created_at, r.id",
        [session.pk],
        TEMPLATE,
    )


def attendance_floor(session: TrainingSession) -> harness.Floor:
    """The confirmed registrants of a session against its slots, present or not (the
    organiser)."""
    return harness.Floor(
        f"SELECT r.first_name, r.last_name, sl.date, sl.start_time, a.id IS NOT NULL AS present"
        f" FROM {REGISTRATIONS} r JOIN {SLOTS} sl ON sl.session_id = r.session_id"
        f" LEFT JOIN {ATTENDANCES} a ON a.registration_id = r.id AND a.slot_id = sl.id"
        f" WHERE r.session_id = %s AND r.status = 'confirmed'"
        f" ORDER BY r.last_name, r.first_name, r.id, sl.date, sl.start_time",
        [session.pk],
        TEMPLATE,
    )
