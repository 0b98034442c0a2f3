"""Anonymising registrants: what identifies a person goes, what makes statistics stays.

Used by the retention job (every registrant of a session, once its retention period is over)
and by a person's erasure request (their own registrations). Kept: the session, the category,
the organisation and the commune, the status and its dates, the slots chosen, the answers to
choice questions, attendance rows, survey answers and certificate numbers. Gone: names, e-mail
address, phone, accessibility needs, free-text answers, the personal link, the text of the
e-mails sent to the person and the rows of the finished tasks that sent them, and their name or
address in the session's history."""

import datetime
import re
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from essaim.core.models import HistoryEntry
from essaim.core.tasks import delete_task_results_mentioning
from essaim.registrations.models import Answer, Registration, SentMessage, new_token
from essaim.trainings.models import QuestionKind, TrainingSession

ANONYMOUS_FIRST_NAME = "Participant·e"
ANONYMOUS_LAST_NAME = "anonymisé·e"
ANONYMOUS_NAME = f"{ANONYMOUS_FIRST_NAME} {ANONYMOUS_LAST_NAME}"
ANONYMISED_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "accessibility_needs",
    "token",
    "anonymised_at",
]


def placeholder_email(registration_pk: int) -> str:
    """A unique address that can never receive mail (``.invalid`` is reserved, RFC 2606)."""
    return f"anonyme-{registration_pk}@anonyme.invalid"


def anonymise_registrations(
    registrations: Iterable[Registration], *, now: datetime.datetime
) -> int:
    """Anonymise those of ``registrations`` not anonymised yet; returns how many were.

    Runs inside the caller's transaction."""
    due = [registration for registration in registrations if registration.anonymised_at is None]
    if not due:
        return 0
    replacements: dict[str, str] = {}
    delete_task_results_mentioning([registration.email for registration in due], finished_only=True)
    for registration in due:
        if registration.full_name:
            replacements[registration.full_name] = ANONYMOUS_NAME
        replacements[registration.email] = placeholder_email(registration.pk)
        registration.first_name = ANONYMOUS_FIRST_NAME
        registration.last_name = ANONYMOUS_LAST_NAME
        registration.email = placeholder_email(registration.pk)
        registration.phone = ""
        registration.accessibility_needs = ""
        registration.token = new_token()
        registration.anonymised_at = now
    Registration.objects.bulk_update(due, ANONYMISED_FIELDS)
    Answer.objects.filter(registration__in=due, question__kind=QuestionKind.TEXT).update(value="")
    SentMessage.objects.filter(registration__in=due).update(body="")
    scrub_history(due, replacements)
    return len(due)


def scrub_history(registrations: list[Registration], replacements: dict[str, str]) -> int:
    """Replace the names and addresses of ``replacements`` in the history of the registrations'
    sessions and of the registrations themselves; returns how many entries changed."""
    session_type = ContentType.objects.get_for_model(TrainingSession)
    registration_type = ContentType.objects.get_for_model(Registration)
    entries = HistoryEntry.objects.filter(
        content_type=session_type,
        object_id__in={registration.session_id for registration in registrations},
    ) | HistoryEntry.objects.filter(
        content_type=registration_type,
        object_id__in=[registration.pk for registration in registrations],
    )
    keys = sorted(replacements, key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(key) for key in keys) + r")(?!\w)", re.IGNORECASE
    )
    lowered = {key.lower(): new for key, new in replacements.items()}
    changed = []
    for entry in entries.only("pk", "summary", "changes"):
        summary = _substitute(entry.summary, pattern, lowered)
        changes = _substitute(entry.changes, pattern, lowered)
        if summary != entry.summary or changes != entry.changes:
            entry.summary, entry.changes = summary, changes
            changed.append(entry)
    HistoryEntry.objects.bulk_update(changed, ["summary", "changes"])
    return len(changed)


def _substitute(value, pattern: re.Pattern, replacements: dict[str, str]):
    """``value`` (text, or JSON made of dicts, lists and text) with each match of ``pattern``
    replaced by ``replacements[match.lower()]``."""
    if isinstance(value, str):
        return pattern.sub(lambda match: replacements[match.group(0).lower()], value)
    if isinstance(value, list):
        return [_substitute(item, pattern, replacements) for item in value]
    if isinstance(value, dict):
        return {key: _substitute(item, pattern, replacements) for key, item in value.items()}
    return value


# Retention ------------------------------------------------------------------------------------


def sessions_due(today: datetime.date) -> list[int]:
    """The sessions whose retention period is over and whose registrants are not anonymised."""
    candidates = TrainingSession.objects.filter(
        personal_data_anonymised_at__isnull=True, end_date__lt=today
    ).only("pk", "end_date", "retention_months")
    return [session.pk for session in candidates if session.anonymise_after() < today]


def anonymise_session(session_pk: int, *, now: datetime.datetime) -> int:
    """Anonymise every registrant of the session and mark it done; returns how many registrants
    were anonymised (0 when another run did it first)."""
    with transaction.atomic():
        session = TrainingSession.objects.select_for_update().get(pk=session_pk)
        if session.personal_data_anonymised_at is not None:
            return 0
        count = anonymise_registrations(
            session.registrations.filter(anonymised_at__isnull=True), now=now
        )
        TrainingSession.objects.filter(pk=session.pk).update(personal_data_anonymised_at=now)
        session.log_action(
            None,
            "anonymised",
            f"Durée de conservation écoulée ({session.retention_months} mois après la session) : "
            f"{count} inscription{'s' if count > 1 else ''} anonymisée{'s' if count > 1 else ''}, "
            "statistiques conservées.",
        )
    return count
