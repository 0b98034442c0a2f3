"""The registration workflow: places, waiting list, offers, members-only sessions, deadline."""

import datetime

import pytest
from django_tasks_db.models import DBTaskResult

from essaim.core.models import HistoryEntry
from essaim.registrations import services
from essaim.registrations.models import (
    MessageKind,
    PendingReason,
    Registration,
    SentMessage,
    Status,
)
from essaim.registrations.services import RegistrationError
from essaim.registrations.tasks import send_outcome
from essaim.trainings.models import Access
from tests.conftest import after_commit_work
from tests.memberships.factories import MembershipFactory
from tests.organisations.factories import OrganisationFactory
from tests.registrations.helpers import NOW, person, session_of, slots_of
from tests.trainings.factories import RegistrationQuestionFactory

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


def register(session, number=0, now=NOW, **overrides):
    return services.register(session, data=person(number, **overrides), now=now)


def history_of(session) -> list[str]:
    entries = HistoryEntry.objects.filter(object_id=session.pk, verb="registration")
    return list(entries.order_by("pk").values_list("summary", flat=True))


# Places ---------------------------------------------------------------------------------------


def test_it_confirms_while_places_are_left_then_puts_people_on_the_waiting_list(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = session_of(capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        first, second, third = (register(session, n) for n in range(3))
    assert [first.status, second.status, third.status] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITING,
    ]
    assert first.confirmed_at == NOW and third.confirmed_at is None
    assert services.places_left(session) == 0
    assert third.waiting_position() == 1
    assert [m.subject.split(" :")[0] for m in mailoutbox] == [
        "Inscription confirmée",
        "Inscription confirmée",
        "Liste d'attente",
    ]
    kinds = SentMessage.objects.filter(session=session).values_list("kind", flat=True)
    assert sorted(kinds) == sorted([MessageKind.CONFIRMATION] * 2 + [MessageKind.WAITING])
    assert history_of(session) == [
        "Inscription de Camille Martin0 : confirmée",
        "Inscription de Camille Martin1 : confirmée",
        "Inscription de Camille Martin2 : en liste d'attente",
    ]


def test_a_session_without_capacity_has_no_limit():
    session = session_of(capacity=None)
    assert services.places_left(session) is None
    assert all(register(session, n).status == Status.CONFIRMED for n in range(5))


def test_all_slots_are_attended_unless_some_are_chosen():
    session = session_of(slots=3)
    everything = register(session, 1)
    assert set(everything.slots.all()) == set(slots_of(session))
    first_two = slots_of(session)[:2]
    chosen = services.register(session, data=person(2), slots=first_two, now=NOW)
    assert set(chosen.slots.all()) == set(first_two)


def test_a_slot_of_another_session_is_refused():
    session, other = session_of(), session_of()
    with pytest.raises(RegistrationError, match="parmi celles du programme"):
        services.register(session, data=person(), slots=slots_of(other), now=NOW)
    assert not Registration.objects.exists()


def test_answers_to_the_organisers_questions_are_kept():
    session = session_of()
    question = RegistrationQuestionFactory(session=session)
    registration = services.register(
        session, data=person(), answers={question.pk: " Des repères "}, now=NOW
    )
    assert registration.answers.get().value == "Des repères"


# Refusals -------------------------------------------------------------------------------------


def test_the_same_email_registers_once_whatever_its_case():
    session = session_of()
    register(session, 1, email="Camille@Example.org")
    with pytest.raises(RegistrationError, match="déjà inscrite"):
        register(session, 2, email=" camille@example.ORG ")
    assert session.registrations.count() == 1


def test_the_same_email_may_register_again_after_cancelling():
    session = session_of()
    services.cancel(register(session, 1), now=NOW)
    assert register(session, 1).status == Status.CONFIRMED


def test_the_same_submitted_form_registers_once():
    session = session_of()
    first = register(session, 1, submission_key="formulaire-1")
    again = register(session, 1, submission_key="formulaire-1")
    assert again.pk == first.pk
    assert session.registrations.count() == 1


def test_after_the_deadline_it_refuses_with_the_contact():
    session = session_of(registration_deadline=NOW - HOUR, contact_name="Mylène Thou")
    with pytest.raises(RegistrationError) as refused:
        register(session)
    assert "closes depuis le" in refused.value.message
    assert "Mylène Thou" in refused.value.message
    assert "contact@example.org" in refused.value.message
    assert not Registration.objects.exists()


def test_once_the_session_has_started_it_refuses():
    session = session_of(start=NOW.date())
    with pytest.raises(RegistrationError, match="a commencé"):
        register(session, now=NOW.replace(hour=11))


def test_an_unpublished_session_refuses():
    with pytest.raises(RegistrationError, match="pas ouverte"):
        register(session_of(published=False))


def test_consent_is_required():
    with pytest.raises(RegistrationError, match="accord"):
        register(session_of(), consent=False)


# Members-only sessions ----------------------------------------------------------------------


def test_a_member_registers_directly():
    session = session_of(access=Access.MEMBERS)
    MembershipFactory(email="camille.martin1@example.org", year=NOW.year)
    assert register(session, 1).status == Status.CONFIRMED


def test_the_membership_of_the_organisation_counts():
    session = session_of(access=Access.MEMBERS)
    diois = OrganisationFactory(name="Communauté de communes du Diois", short_name="CCD")
    MembershipFactory(email="", organisation=diois, year=NOW.year)
    by_name = register(session, 1, organisation_name="communauté de communes du diois")
    by_acronym = register(session, 2, organisation_name="CCD")
    assert (by_name.status, by_acronym.status) == (Status.CONFIRMED, Status.CONFIRMED)
    assert by_name.organisation == diois


def test_a_name_typed_is_an_organisation_of_that_name_before_one_of_that_acronym():
    named = OrganisationFactory(name="CCD", short_name="")
    OrganisationFactory(name="Communauté de communes du Diois", short_name="ccd")
    assert register(session_of(), 1, organisation_name="ccd").organisation == named


def test_the_e_mail_task_is_written_with_the_registration_when_tasks_wait_in_the_database(
    database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        registration = register(session_of(), 1)
    # Nothing left for after the commit but the generations: no second transaction.
    assert after_commit_work(callbacks) == []
    task = DBTaskResult.objects.get(task_path="essaim.registrations.tasks.send_outcome")
    assert task.args_kwargs["kwargs"] == {"registration_id": registration.pk}
    assert not SentMessage.objects.exists()


def test_the_worker_writes_records_and_queues_the_outcome_once(database_tasks):
    registration = register(session_of(), 1)
    assert send_outcome.call(registration_id=registration.pk) is True
    message = SentMessage.objects.get()
    assert (message.registration, message.kind) == (registration, MessageKind.CONFIRMATION)
    task = DBTaskResult.objects.get(task_path="essaim.mail.tasks.send_email")
    assert task.args_kwargs["kwargs"]["to"] == [registration.email]
    assert task.args_kwargs["kwargs"]["attachments"][0]["mimetype"] == "text/calendar"
    # Run twice (a worker that stopped before marking it done): told once.
    assert send_outcome.call(registration_id=registration.pk) is False
    assert SentMessage.objects.count() == 1


def test_the_worker_tells_nothing_to_a_registrant_who_left_meanwhile(database_tasks):
    registration = register(session_of(), 1)
    services.cancel(registration)
    told = SentMessage.objects.count()
    assert send_outcome.call(registration_id=registration.pk) is False
    assert SentMessage.objects.count() == told
    assert not SentMessage.objects.filter(kind=MessageKind.CONFIRMATION).exists()


@pytest.mark.parametrize(
    "membership",
    [
        {"year": NOW.year - 1},  # last year's
        {"year": NOW.year, "status": "pending", "paid_on": None},  # not paid yet
    ],
)
def test_a_non_member_is_refused_unless_they_wait_for_their_membership(membership):
    session = session_of(access=Access.MEMBERS)
    MembershipFactory(email="camille.martin1@example.org", **membership)
    with pytest.raises(RegistrationError, match="réservée aux adhérents"):
        register(session, 1)
    pending = register(session, 1, wait_for_membership=True)
    assert pending.status == Status.PENDING
    assert pending.pending_reason == PendingReason.MEMBERSHIP
    assert pending.holds_a_place


def test_the_membership_counted_is_the_one_of_the_session_date_not_of_the_registration():
    december = datetime.datetime(2031, 12, 20, 9, 0, tzinfo=datetime.UTC)
    session = session_of(access=Access.MEMBERS, start=datetime.date(2032, 1, 15))
    MembershipFactory(email="camille.martin1@example.org", year=2032)  # renewed in advance
    MembershipFactory(email="camille.martin2@example.org", year=2031)  # over by the session
    assert register(session, 1, now=december).status == Status.CONFIRMED
    with pytest.raises(RegistrationError, match="à la date de la session"):
        register(session, 2, now=december)
    assert register(session, 2, now=december, wait_for_membership=True).status == Status.PENDING


def test_an_offer_taken_counts_the_membership_of_the_session_date():
    december = datetime.datetime(2031, 12, 20, 9, 0, tzinfo=datetime.UTC)
    session = session_of(access=Access.MEMBERS, capacity=1, start=datetime.date(2032, 1, 15))
    MembershipFactory(email="camille.martin2@example.org", year=2032)
    holder = register(session, 1, now=december, wait_for_membership=True)
    waiting = register(session, 2, now=december)
    services.cancel(holder, now=december)
    assert services.accept_offer(waiting, now=december + HOUR).status == Status.CONFIRMED


def test_a_non_member_waits_when_the_session_is_full():
    session = session_of(access=Access.MEMBERS, capacity=1)
    register(session, 1, wait_for_membership=True)
    assert register(session, 2, wait_for_membership=True).status == Status.WAITING


def test_a_paid_session_confirms():
    session = session_of(access=Access.PAID, price="40.00")
    assert register(session).status == Status.CONFIRMED


# Cancelling and the waiting list -------------------------------------------------------------


def test_cancelling_offers_the_place_to_the_first_person_waiting_once(
    mailoutbox, django_capture_on_commit_callbacks
):
    session = session_of(capacity=1, offer_hours=48)
    holder = register(session, 1)
    first, second = register(session, 2), register(session, 3)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(holder, now=NOW)
        services.cancel(holder, now=NOW + HOUR)  # again: nothing more happens
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Status.OFFERED
    assert first.offer_expires_at == NOW + datetime.timedelta(hours=48)
    assert second.status == Status.WAITING
    assert [m.subject.split(" :")[0] for m in mailoutbox] == [
        "Inscription annulée",
        "Une place s'est libérée",
    ]
    assert mailoutbox[1].to == ["camille.martin2@example.org"]
    assert "Place libérée proposée à Camille Martin2" in history_of(session)


def test_leaving_the_waiting_list_frees_no_place():
    session = session_of(capacity=1)
    register(session, 1)
    waiting, next_one = register(session, 2), register(session, 3)
    services.cancel(waiting, now=NOW)
    next_one.refresh_from_db()
    assert next_one.status == Status.WAITING
    assert next_one.waiting_position() == 1


def test_an_offer_taken_in_time_confirms():
    session = session_of(capacity=1)
    holder, waiting = register(session, 1), register(session, 2)
    services.cancel(holder, now=NOW)
    accepted = services.accept_offer(waiting, now=NOW + 47 * HOUR)
    assert accepted.status == Status.CONFIRMED
    assert accepted.offer_expires_at is None
    assert services.accept_offer(accepted, now=NOW + 50 * HOUR).status == Status.CONFIRMED


def test_an_offer_taken_too_late_goes_to_the_next_person():
    session = session_of(capacity=1, offer_hours=24)
    holder, late, next_one = register(session, 1), register(session, 2), register(session, 3)
    services.cancel(holder, now=NOW)
    with pytest.raises(RegistrationError, match="délai pour confirmer"):
        services.accept_offer(late, now=NOW + 25 * HOUR)
    late.refresh_from_db()
    next_one.refresh_from_db()
    assert late.status == Status.EXPIRED
    assert next_one.status == Status.OFFERED
    assert next_one.offer_expires_at == NOW + 49 * HOUR


def test_expiring_offers_moves_down_the_list_until_someone_takes_the_place():
    session = session_of(capacity=1, offer_hours=24)
    holder = register(session, 1)
    waiting = [register(session, n) for n in (2, 3)]
    services.cancel(holder, now=NOW)
    assert services.expire_offers(NOW + 23 * HOUR) == 0
    assert services.expire_offers(NOW + 25 * HOUR) == 1
    assert services.expire_offers(NOW + 25 * HOUR) == 0  # idempotent
    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == [Status.EXPIRED, Status.OFFERED]
    assert services.expire_offers(NOW + 50 * HOUR) == 1
    assert services.places_left(session) == 1  # nobody left waiting


def test_accepting_without_an_offer_is_refused():
    session = session_of(capacity=1)
    register(session, 1)
    with pytest.raises(RegistrationError, match="Aucune place"):
        services.accept_offer(register(session, 2), now=NOW)


def test_on_a_members_only_session_a_non_member_accepts_an_offer_pending_their_membership():
    session = session_of(access=Access.MEMBERS, capacity=1)
    MembershipFactory(email="camille.martin1@example.org", year=NOW.year)
    holder = register(session, 1)
    waiting = register(session, 2, wait_for_membership=True)
    services.cancel(holder, now=NOW)
    assert services.accept_offer(waiting, now=NOW + HOUR).status == Status.PENDING


def test_more_places_are_offered_to_as_many_people_waiting():
    session = session_of(capacity=1)
    register(session, 1)
    waiting = [register(session, n) for n in (2, 3, 4)]
    session.capacity = 3
    session.save(update_fields=["capacity"])
    offers = services.offer_free_places(session, now=NOW)
    assert [r.pk for r in offers] == [r.pk for r in waiting[:2]]


# The organiser's decisions --------------------------------------------------------------------


def test_the_organiser_confirms_a_pending_registration(
    owner, mailoutbox, django_capture_on_commit_callbacks
):
    session = session_of(access=Access.MEMBERS)
    pending = register(session, 1, wait_for_membership=True)
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = services.confirm_pending(pending, by=owner, now=NOW)
    assert confirmed.status == Status.CONFIRMED and confirmed.pending_reason == ""
    assert mailoutbox[0].subject.startswith("Inscription confirmée")
    assert SentMessage.objects.filter(kind=MessageKind.CONFIRMATION, sent_by=owner).exists()
    entry = HistoryEntry.objects.filter(object_id=session.pk).latest("pk")
    assert entry.actor == owner


def test_the_organiser_refuses_and_the_place_goes_to_the_next(
    owner, mailoutbox, django_capture_on_commit_callbacks
):
    session = session_of(access=Access.MEMBERS, capacity=1)
    pending = register(session, 1, wait_for_membership=True)
    waiting = register(session, 2, wait_for_membership=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.refuse(pending, by=owner, reason="Cotisation non reçue.", now=NOW)
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    refusal, offer = mailoutbox
    assert "Cotisation non reçue." in refusal.body
    assert offer.to == ["camille.martin2@example.org"]


def test_only_pending_registrations_are_confirmed_or_refused(owner):
    confirmed = register(session_of())
    with pytest.raises(RegistrationError, match="pas en attente"):
        services.refuse(confirmed, by=owner)
    waiting = register(session_of(capacity=1), 1)
    waiting = register(waiting.session, 2)
    with pytest.raises(RegistrationError, match="pas en attente"):
        services.confirm_pending(waiting, by=owner)


# Changes through the personal link -----------------------------------------------------------


def test_update_changes_everything_but_the_email():
    session = session_of(slots=2)
    registration = register(session, 1)
    first = slots_of(session)[0]
    services.update(
        registration,
        data={**person(1, first_name="Dominique", email="autre@example.org")},
        slots=[first],
        now=NOW,
    )
    registration.refresh_from_db()
    assert registration.first_name == "Dominique"
    assert registration.email == "camille.martin1@example.org"
    assert list(registration.slots.all()) == [first]
    assert history_of(session)[-1] == "Inscription de Dominique Martin1 modifiée"


def test_update_is_refused_once_the_session_has_started_or_after_cancelling():
    session = session_of(start=NOW.date() + datetime.timedelta(days=1))
    registration = register(session)
    with pytest.raises(RegistrationError, match="a commencé"):
        services.update(registration, data=person(), now=NOW + datetime.timedelta(days=2))
    services.cancel(registration, now=NOW)
    with pytest.raises(RegistrationError, match="plus active"):
        services.update(registration, data=person(), now=NOW)


def test_the_time_the_session_row_is_held_is_logged_for_the_benchmark(caplog):
    with caplog.at_level("DEBUG", logger="essaim.registrations.lock"):
        register(session_of(), 1)
    (record,) = [r for r in caplog.records if r.name == "essaim.registrations.lock"]
    assert float(record.getMessage()) >= 0  # milliseconds, from the lock to the commit
