"""The registration workflow: take a place, wait for one, be offered one, give it back.

Every function that changes who holds a place locks the session row first
(``select_for_update`` inside ``transaction.atomic()``): places are counted and taken while no one
else can, so the capacity is never exceeded and a freed place is offered to one person only.
Each change is written in the session's history, and each e-mail is recorded as a
:class:`SentMessage` and sent once the transaction is committed. Refusals raise
:class:`RegistrationError` with a French message for the person concerned."""

import datetime
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from essaim.core.kept_values import kept_value
from essaim.lib.errors import DomainError
from essaim.memberships.models import Membership
from essaim.memberships.services import valid_membership_for
from essaim.organisations.models import Organisation
from essaim.registrations import emails
from essaim.registrations.models import (
    ACTIVE,
    HOLDS_A_PLACE,
    Answer,
    PendingReason,
    Registration,
    Status,
)
from essaim.registrations.tasks import send_outcome_later
from essaim.trainings.models import Access, Slot, TrainingSession

# The fields a registrant fills in; ``update`` may change all of them but the e-mail.
PERSONAL_FIELDS = (
    "first_name",
    "last_name",
    "phone",
    "organisation_name",
    "organisation",
    "category",
    "commune",
    "accessibility_needs",
)
NOT_A_MEMBER = (
    "Cette session est réservée aux adhérents à jour de leur cotisation, et nous ne trouvons pas "
    "d'adhésion valide à la date de la session à votre nom ni à celui de votre structure. Vous "
    "pouvez vous inscrire en attendant le règlement de votre cotisation."
)
ALREADY_REGISTERED = (
    "Cette adresse e-mail est déjà inscrite à cette session. Retrouvez votre inscription grâce "
    "au lien personnel reçu par e-mail."
)


class RegistrationError(DomainError):
    """A registration change that is refused; the message is French, for the registrant."""


# Public workflow ------------------------------------------------------------------------------


def register(
    session: TrainingSession,
    *,
    data: dict,
    slots: Iterable[Slot] = (),
    answers: dict[int, str] | None = None,
    now: datetime.datetime | None = None,
) -> Registration:
    """Register the person described by ``data`` (the fields of :class:`Registration`, plus
    ``wait_for_membership``: they accept to wait for their *cotisation* on a members-only session,
    and ``submission_key``: the key of the form they sent, so that sending it twice registers
    once).

    Confirmed when a place is left (and, on a members-only session, with a valid membership of
    the person or of their organisation); pending the *cotisation* when they chose to wait for
    it; on the waiting list when the session is full."""
    now = now or timezone.now()
    email = _normalise_email(data.get("email", ""))
    if not email:
        raise RegistrationError("Indiquez votre adresse e-mail.")
    if not data.get("consent"):
        raise RegistrationError(
            "Votre accord pour le traitement de vos données est nécessaire à l'inscription."
        )
    submission_key = data.get("submission_key") or ""
    registration = Registration(
        session=session,
        email=email,
        consent=True,
        consent_at=now,
        created_at=now,
        submission_key=submission_key,
        **_personal_data(data),
    )
    if registration.organisation_id is None:
        registration.organisation_id = _directory_organisation(registration.organisation_name)
    # What does not change while places are taken is read before the session row is locked,
    # so that the lock is held for as short a time as possible.
    programme = list(session.slots.all())
    attended = _chosen_slots(programme, slots)
    new_answers = _answers(session, answers)
    is_member = not session.members_only or _has_membership(registration, session)
    try:
        with transaction.atomic():
            locked = _lock_to_register(session.pk, now)
            locked_at = time.perf_counter()
            first_start = min((slot.starts_at for slot in programme), default=None)
            if not locked.open or (first_start is not None and now >= first_start):
                _check_open(_lock_pk(session.pk), now, first_start=first_start)  # says why
            counts = _counts(locked, email=email, submission_key=submission_key)
            if counts["earlier"] is not None:
                return Registration.objects.get(pk=counts["earlier"])
            if counts["same_email"]:
                raise RegistrationError(ALREADY_REGISTERED)
            if not is_member and not data.get("wait_for_membership"):
                raise RegistrationError(NOT_A_MEMBER)
            _place(registration, locked.capacity, now, taken=counts["taken"], is_member=is_member)
            registration.save()
            Registration.slots.through.objects.bulk_create(
                Registration.slots.through(registration=registration, slot=slot)
                for slot in attended
            )
            for answer in new_answers:
                answer.registration = registration
            Answer.objects.bulk_create(new_answers)
            session.log_action(
                None,
                "registration",
                f"Inscription de {registration.full_name} : {registration.get_status_display()}",
            )
            # The worker writes the e-mail; its task's row is written in this transaction, so
            # that neither goes without the other (``tasks.py``).
            send_outcome_later(registration)
        _report_lock_time(time.perf_counter() - locked_at)
    except IntegrityError:
        raise RegistrationError(ALREADY_REGISTERED) from None
    return registration


def update(
    registration: Registration,
    *,
    data: dict,
    slots: Iterable[Slot] = (),
    answers: dict[int, str] | None = None,
    now: datetime.datetime | None = None,
) -> Registration:
    """Change what the registrant told us (not their e-mail: it identifies them), through their
    personal link, until the session starts."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        session = registration.session
        if registration.status not in (*HOLDS_A_PLACE, Status.WAITING):
            raise RegistrationError("Cette inscription n'est plus active : elle ne peut changer.")
        start = session.first_start()
        if start is not None and now >= start:
            raise RegistrationError(
                "La session a commencé : votre inscription ne peut plus être modifiée. "
                + _contact_sentence(session)
            )
        for field, value in _personal_data(data).items():
            setattr(registration, field, value)
        registration.save()
        _save_choices(registration, session, slots=slots, answers=answers)
        session.log_action(
            None, "registration", f"Inscription de {registration.full_name} modifiée"
        )
    return registration


def cancel(
    registration: Registration, *, by=None, now: datetime.datetime | None = None
) -> Registration:
    """Cancel ``registration`` (again: nothing happens) and offer the place it held, if any, to
    the first person waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(registration.session)
        registration = Registration.objects.get(pk=registration.pk)
        registration.session = session
        if registration.status in (Status.CANCELLED, Status.REFUSED, Status.EXPIRED):
            return registration
        freed = registration.holds_a_place
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.offer_expires_at = None
        registration.save(
            update_fields=["status", "cancelled_at", "offer_expires_at", "updated_at"]
        )
        who = f" par {by}" if by is not None and by.is_authenticated else ""
        session.log_action(
            by, "registration", f"Inscription de {registration.full_name} annulée{who}"
        )
        _send(registration, emails.cancellation_message(registration), session=session, by=by)
        if freed:
            _offer_free_places(session, now)
    return registration


def accept_offer(registration: Registration, now: datetime.datetime | None = None) -> Registration:
    """Take the place offered to ``registration``, before the offer expires.

    On a members-only session, someone without a valid membership takes it pending their
    *cotisation*, as they would have when registering."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(registration.session)
        registration = Registration.objects.get(pk=registration.pk)
        registration.session = session
        if registration.status in (Status.CONFIRMED, Status.PENDING):
            return registration
        if registration.status != Status.OFFERED:
            raise RegistrationError(
                "Aucune place ne vous est proposée pour cette session. "
                + _contact_sentence(session)
            )
        expired = now > registration.offer_expires_at
        if not expired:
            registration.offer_expires_at = None
            if session.members_only and not _has_membership(registration, session):
                registration.status = Status.PENDING
                registration.pending_reason = PendingReason.MEMBERSHIP
            else:
                registration.status = Status.CONFIRMED
                registration.confirmed_at = now
            registration.save()
            session.log_action(
                None,
                "registration",
                f"Place acceptée par {registration.full_name} : "
                f"{registration.get_status_display()}",
            )
            _send(registration, emails.outcome_message(registration), session=session)
            return registration
    # Too late: the offer goes to the next person, then the registrant is told why.
    expire_offers(now, session=session)
    raise RegistrationError(
        "Le délai pour confirmer cette place est dépassé : elle a été proposée à la personne "
        "suivante sur la liste d'attente. " + _contact_sentence(session)
    )


def expire_offers(now: datetime.datetime | None = None, *, session=None) -> int:
    """Expire the offers not taken in time and offer their places to the next people waiting;
    returns how many offers expired."""
    now = now or timezone.now()
    due = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lt=now)
    if session is not None:
        due = due.filter(session=session)
    expired = 0
    for session_pk in due.values_list("session_id", flat=True).distinct().order_by():
        with transaction.atomic():
            locked = _lock_pk(session_pk)
            for registration in due.filter(session_id=session_pk):
                registration.session = locked
                registration.status = Status.EXPIRED
                registration.save(update_fields=["status", "updated_at"])
                locked.log_action(
                    None,
                    "registration",
                    f"Place non confirmée à temps par {registration.full_name} : proposition "
                    "expirée",
                )
                if not registration.illustrative:
                    _send(registration, emails.offer_expired_message(registration), session=locked)
                expired += 1
            _offer_free_places(locked, now)
    return expired


def send_reminders(now: datetime.datetime | None = None) -> int:
    """Remind the confirmed registrants of the sessions that start within their reminder delay
    (``reminder_days`` days before the day of the first slot), once each; returns how many
    reminders were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sessions = (
        TrainingSession.objects.filter(reminder_days__gt=0, end_date__gte=today)
        .prefetch_related("slots")
        .order_by("start_date", "pk")
    )
    sent = 0
    for session in sessions:
        start = session.first_start()
        if start is None or now >= start:
            continue
        first_day = timezone.localdate(start)
        if today < first_day - datetime.timedelta(days=session.reminder_days):
            continue
        # Demo registrants have example addresses: never write to them.
        due = session.registrations.filter(
            status=Status.CONFIRMED, reminded_at__isnull=True, illustrative=False
        )
        for registration in due.prefetch_related("slots"):
            with transaction.atomic():
                # Claimed first, so that two runs at the same time send one reminder.
                claimed = Registration.objects.filter(
                    pk=registration.pk, status=Status.CONFIRMED, reminded_at__isnull=True
                ).update(reminded_at=now)
                if not claimed:
                    continue
                registration.session = session
                _send(registration, emails.reminder_message(registration), session=session)
                sent += 1
    return sent


# Organiser's decisions ------------------------------------------------------------------------


def confirm_pending(
    registration: Registration, *, by, now: datetime.datetime | None = None
) -> Registration:
    """The organiser confirms a pending registration (its *cotisation* is paid, for example)."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(registration.session)
        registration = Registration.objects.get(pk=registration.pk)
        registration.session = session
        if registration.status == Status.CONFIRMED:
            return registration
        if registration.status != Status.PENDING:
            raise RegistrationError(
                f"L'inscription de {registration.full_name} n'est pas en attente de validation "
                f"(elle est {registration.get_status_display()})."
            )
        registration.status = Status.CONFIRMED
        registration.pending_reason = ""
        registration.confirmed_at = now
        registration.save(update_fields=["status", "pending_reason", "confirmed_at", "updated_at"])
        session.log_action(by, "registration", f"Inscription de {registration.full_name} validée")
        _send(registration, emails.outcome_message(registration), session=session, by=by)
    return registration


def confirm_members(
    membership: Membership, *, by, now: datetime.datetime | None = None
) -> list[Registration]:
    """Confirm the registrations pending the *cotisation* that ``membership`` pays: those of its
    address, or of its organisation, on the members-only sessions of its year not yet over.
    Each registrant receives the confirmation e-mail."""
    now = now or timezone.now()
    member = Q(pk__in=[])
    if membership.email:
        member |= Q(email__iexact=membership.email)
    if membership.organisation_id:
        member |= Q(organisation_id=membership.organisation_id)
    waiting = Registration.objects.filter(
        member,
        status=Status.PENDING,
        pending_reason=PendingReason.MEMBERSHIP,
        anonymised_at__isnull=True,
        session__access=Access.MEMBERS,
        session__start_date__year=membership.year,
        session__end_date__gte=timezone.localdate(now),
    ).select_related("session")
    return [confirm_pending(registration, by=by, now=now) for registration in waiting]


def refuse(
    registration: Registration, *, by, reason: str = "", now: datetime.datetime | None = None
) -> Registration:
    """The organiser refuses a pending registration; its place goes to the first person
    waiting."""
    now = now or timezone.now()
    with transaction.atomic():
        session = _lock(registration.session)
        registration = Registration.objects.get(pk=registration.pk)
        registration.session = session
        if registration.status == Status.REFUSED:
            return registration
        if registration.status != Status.PENDING:
            raise RegistrationError(
                f"L'inscription de {registration.full_name} n'est pas en attente de validation "
                f"(elle est {registration.get_status_display()})."
            )
        registration.status = Status.REFUSED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        session.log_action(
            by,
            "registration",
            f"Inscription de {registration.full_name} refusée" + (f" : {reason}" if reason else ""),
        )
        message = emails.refusal_message(registration, reason=reason)
        _send(registration, message, session=session, by=by)
        _offer_free_places(session, now)
    return registration


def offer_free_places(
    session: TrainingSession, *, now: datetime.datetime | None = None
) -> list[Registration]:
    """Offer the places left to the people waiting, in order (after the capacity grew, for
    example); returns the offers made."""
    now = now or timezone.now()
    with transaction.atomic():
        return _offer_free_places(_lock(session), now)


def places_left(session: TrainingSession) -> int | None:
    """How many places are still free; ``None`` when the session has no limit."""
    if session.capacity is None:
        return None
    taken = Registration.objects.filter(session=session).holding_a_place().count()
    return max(session.capacity - taken, 0)


# Helpers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LockedToRegister:
    """What a registration reads of its session's locked row."""

    pk: int
    open: bool  # published and its deadline not passed
    capacity: int | None


def _lock_to_register(pk: int, now: datetime.datetime) -> LockedToRegister:
    """Lock the session row (``FOR UPDATE``; on SQLite, the transaction holds the write lock
    already) and read what a registration needs of it. Written by hand, like :func:`_counts`:
    it runs once the lock is granted, and building it through the ORM, then the object of a
    whole row, took longer than running it."""
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    sql = (
        "SELECT published AND (registration_deadline IS NULL OR registration_deadline >= %s),"
        f" capacity FROM {TrainingSession._meta.db_table} WHERE id = %s{lock}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [connection.ops.adapt_datetimefield_value(now), pk])
        row = cursor.fetchone()
    if row is None:
        raise RegistrationError("Cette session n'est pas ouverte aux inscriptions.")
    return LockedToRegister(pk=pk, open=bool(row[0]), capacity=row[1])


def _lock(session: TrainingSession) -> TrainingSession:
    return _lock_pk(session.pk)


# How long a registration holds the session row, from the lock granted to the commit: logged at
# the DEBUG level of this logger (in milliseconds) for the benchmark of simultaneous
# registrations; nothing is written at the usual levels.
lock_logger = logging.getLogger("essaim.registrations.lock")


def _report_lock_time(seconds: float) -> None:
    if lock_logger.isEnabledFor(logging.DEBUG):
        lock_logger.debug("%.3f", seconds * 1000)


def _lock_pk(pk: int) -> TrainingSession:
    return TrainingSession.objects.select_for_update().get(pk=pk)


def _counts(session: LockedToRegister, *, email: str, submission_key: str) -> dict:
    """The places taken, the active registrations of ``email`` and the registration made by the
    same form, in one query.

    Run once the session row is locked, in a statement of its own, so that it sees every
    registration committed before the lock was granted. Written by hand: it runs while the lock
    is held, and building it through the ORM took longer than running it."""
    holds = ", ".join(["%s"] * len(HOLDS_A_PLACE))
    active = ", ".join(["%s"] * len(ACTIVE))
    sql = (
        f"SELECT COUNT(CASE WHEN status IN ({holds}) THEN 1 END),"
        f" COUNT(CASE WHEN status IN ({active}) AND UPPER(email) = UPPER(%s) THEN 1 END),"
        " MAX(CASE WHEN submission_key = %s AND submission_key <> '' THEN id END)"
        f" FROM {Registration._meta.db_table} WHERE session_id = %s"
    )
    params = [*HOLDS_A_PLACE, *ACTIVE, email, submission_key, session.pk]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        taken, same_email, earlier = cursor.fetchone()
    return {"taken": taken, "same_email": same_email, "earlier": earlier}


def _check_open(
    session: TrainingSession, now: datetime.datetime, *, first_start: datetime.datetime | None
) -> None:
    """Refuse when registration is closed: unpublished, past the deadline, or started."""
    if not session.published:
        raise RegistrationError("Cette session n'est pas ouverte aux inscriptions.")
    deadline = session.registration_deadline
    if deadline is not None and now > deadline:
        when = timezone.localtime(deadline).strftime("%d/%m/%Y à %H:%M")
        closed = f"Les inscriptions à cette session sont closes depuis le {when}."
    elif first_start is not None and now >= first_start:
        closed = "Cette session a commencé : les inscriptions sont closes."
    else:
        return
    raise RegistrationError(f"{closed} {_contact_sentence(session)}")


def _contact_sentence(session: TrainingSession) -> str:
    contact = ", ".join(
        part
        for part in (session.contact_name, session.contact_email, session.contact_phone)
        if part
    )
    if not contact:
        return "Contactez l'organisateur de la session."
    return f"Pour toute question, contactez {contact}."


def _place(
    registration: Registration,
    capacity: int | None,
    now: datetime.datetime,
    *,
    taken: int,
    is_member: bool,
) -> None:
    """Set the status of a new registration, ``taken`` of the ``capacity`` places being held,
    the session row locked."""
    if capacity is not None and taken >= capacity:
        registration.status = Status.WAITING
    elif not is_member:
        registration.status = Status.PENDING
        registration.pending_reason = PendingReason.MEMBERSHIP
    else:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now


def _has_membership(registration: Registration, session: TrainingSession) -> bool:
    """Whether the registrant, or their organisation, is a member on the session's first day:
    a membership that ends before the session does not count, one that starts by then does."""
    membership = valid_membership_for(
        registration.email, registration.organisation, on=session.start_date
    )
    return membership is not None


def _directory_organisation(name: str) -> int | None:
    """The organisation of the directory whose name or acronym the registrant typed, whatever
    its case, so that its membership counts; a name comes before an acronym."""
    name = name.strip()
    if not name:
        return None
    return kept_value("registrations:directory", _directory_names).get(name.upper())


def _directory_names() -> dict[str, int]:
    """{name or acronym in capitals: organisation}, kept while the directory does not change:
    the first organisation of a name, else the first of that acronym."""
    names: dict[str, int] = {}
    rows = list(Organisation.objects.order_by("pk").values_list("pk", "name", "short_name"))
    for pk, _, short_name in rows:
        if short_name:
            names.setdefault(short_name.strip().upper(), pk)
    by_name: dict[str, int] = {}
    for pk, organisation_name, _ in rows:
        by_name.setdefault(organisation_name.strip().upper(), pk)
    return names | by_name


def _offer_free_places(session: TrainingSession, now: datetime.datetime) -> list[Registration]:
    """Offer each free place to one person waiting, first come first served; the session row
    must be locked."""
    left = places_left(session)
    if left is None:
        waiting = list(session.registrations.waiting_in_order())
    else:
        waiting = list(session.registrations.waiting_in_order()[:left]) if left else []
    expires_at = now + datetime.timedelta(hours=session.offer_hours)
    for registration in waiting:
        registration.session = session
        registration.status = Status.OFFERED
        registration.offer_expires_at = expires_at
        registration.save(update_fields=["status", "offer_expires_at", "updated_at"])
        session.log_action(
            None, "registration", f"Place libérée proposée à {registration.full_name}"
        )
        _send(registration, emails.offer_message(registration), session=session)
    return waiting


def _personal_data(data: dict) -> dict:
    return {field: _clean(data[field]) for field in PERSONAL_FIELDS if field in data}


def _clean(value):
    return value.strip() if isinstance(value, str) else value


def _normalise_email(email: str) -> str:
    return email.strip().lower()


def _chosen_slots(programme: list[Slot], slots: Iterable[Slot | int]) -> list[Slot]:
    """The slots attended, among the session's ``programme``; all of them when none is
    chosen."""
    by_pk = {slot.pk: slot for slot in programme}
    chosen = [slot.pk if isinstance(slot, Slot) else int(slot) for slot in slots]
    if any(pk not in by_pk for pk in chosen):
        raise RegistrationError("Choisissez les séances parmi celles du programme.")
    return [by_pk[pk] for pk in dict.fromkeys(chosen)] or programme


def _answers(session: TrainingSession, answers: dict[int, str] | None) -> list[Answer]:
    """The answers to the organiser's questions, not yet tied to a registration."""
    if not answers:
        return []
    questions = {question.pk: question for question in session.questions.all()}
    rows = []
    for question_pk, value in answers.items():
        question = questions.get(int(question_pk))
        if question is None:
            raise RegistrationError("Cette question ne fait pas partie du formulaire.")
        rows.append(Answer(question=question, value=value.strip()))
    return rows


def _save_choices(
    registration: Registration,
    session: TrainingSession,
    *,
    slots: Iterable[Slot],
    answers: dict[int, str] | None,
) -> None:
    """Replace the slots attended and the answers of an existing registration."""
    registration.slots.set(_chosen_slots(list(session.slots.all()), slots))
    if answers is None:
        return
    for answer in _answers(session, answers):
        Answer.objects.update_or_create(
            registration=registration, question=answer.question, defaults={"value": answer.value}
        )


def _send(
    registration: Registration,
    message: emails.Message,
    *,
    session: TrainingSession,
    by=None,
) -> None:
    emails.send(message, registration=registration, session=session, by=by)
