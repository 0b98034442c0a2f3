"""Illustrative registrants of the demo sessions, their attendance and their satisfaction
answers: invented, flagged ``illustrative``, and the same at every load (each session draws
from its own seeded random generator, and every row is found again by its natural key)."""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from essaim.attendance.models import Attendance, Source
from essaim.demo.data.trainings.announcements import (
    EXPERIMENTING_2020,
    EXPERIMENTING_2023,
    PERENNISATION_2023,
    SCALING_2021,
)
from essaim.demo.data.trainings.example import EXAMPLE_SLUG
from essaim.demo.data.trainings.memberships import structure_years
from essaim.demo.data.trainings.people import PARTICIPANTS, Participant, is_member
from essaim.organisations.models import Organisation
from essaim.registrations.models import Registration, Status
from essaim.surveys.models import (
    Moment,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyQuestion,
)
from essaim.territories.models import Commune
from essaim.trainings.models import Slot, TrainingSession


@dataclass(frozen=True)
class Turnout:
    confirmed: int
    waiting: int = 0
    cancelled: int = 0


TURNOUT = {
    EXPERIMENTING_2020.slug: Turnout(22, cancelled=2),
    SCALING_2021.slug: Turnout(13, cancelled=1),
    EXPERIMENTING_2023.slug: Turnout(20, waiting=3),  # full: 20 places
    PERENNISATION_2023.slug: Turnout(15, cancelled=1),
    EXAMPLE_SLUG: Turnout(9, cancelled=1),
}
ACCESSIBILITY_NEEDS = "Sous-titrage de la webconférence, si possible."


@dataclass(frozen=True)
class QuestionSpec:
    label: str
    kind: str
    choices: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class SurveySpec:
    moment: str
    title: str
    introduction: str
    send_after_days: int
    answer_rate: float
    questions: tuple[QuestionSpec, ...]
    comments: tuple[str, ...]


HOT = SurveySpec(
    Moment.HOT,
    "Votre avis sur la session",
    "Merci d'avoir participé. Ce questionnaire prend trois minutes ; vos réponses sont anonymes.",
    1,
    0.7,
    (
        QuestionSpec(
            "Dans l'ensemble, êtes-vous satisfait·e de la session ?", QuestionKind.RATING, (), True
        ),
        QuestionSpec("Les repères présentés vous seront-ils utiles ?", QuestionKind.RATING),
        QuestionSpec(
            "Le format à distance vous a-t-il convenu ?",
            QuestionKind.CHOICE,
            ("Oui", "En partie", "Non"),
        ),
        QuestionSpec("Ce que vous retenez, ce qui vous a manqué", QuestionKind.TEXT),
    ),
    (
        "Les repères sur le cadrage : je vais reprendre la grille pour notre projet.",
        "Les témoignages, très concrets. Un peu court pour les questions.",
        "La distinction entre expérience et expérimentation m'a aidée.",
        "J'aurais aimé plus de temps d'échange entre participants.",
        "La place du droit à l'erreur, à partager avec nos élus.",
        "Des outils simples pour le suivi et l'évaluation.",
    ),
)
COLD = SurveySpec(
    Moment.COLD,
    "Six semaines après la session",
    "Qu'avez-vous fait des repères de la session ? Deux questions, anonymes.",
    42,
    0.45,
    (
        QuestionSpec(
            "Avez-vous utilisé des repères de la session depuis ?",
            QuestionKind.CHOICE,
            ("Oui, plusieurs fois", "Une fois", "Pas encore"),
        ),
        QuestionSpec("Qu'avez-vous mis en pratique ?", QuestionKind.TEXT),
    ),
    (
        "Nous avons fixé les critères d'arrêt avant de lancer la phase de test.",
        "Un comité de pilotage élargi aux habitants.",
        "Pas encore : le projet démarre au printemps.",
        "J'ai présenté la démarche en conseil communautaire.",
    ),
)
SURVEYS = {
    EXPERIMENTING_2020.slug: (HOT,),
    SCALING_2021.slug: (HOT,),
    EXPERIMENTING_2023.slug: (HOT, COLD),
    PERENNISATION_2023.slug: (HOT, COLD),
}


def save_participation(session: TrainingSession, *, now: datetime.datetime) -> None:
    """The registrants of ``session``; for a past session, their attendance and answers too.

    A session already anonymised (its retention period is over) is left as it is."""
    turnout = TURNOUT.get(session.slug)
    if turnout is None or session.personal_data_anonymised_at is not None:
        return
    rng = random.Random(session.slug)
    people = eligible(session)
    rng.shuffle(people)
    statuses = (
        [Status.CONFIRMED] * turnout.confirmed
        + [Status.WAITING] * turnout.waiting
        + [Status.CANCELLED] * turnout.cancelled
    )
    if len(people) < len(statuses):
        raise ValueError(f"Pas assez de participants d'exemple pour « {session} ».")
    slots = list(session.slots.order_by("date", "start_time"))
    past = session.end_date < timezone.localdate(now)
    start = session.first_start() or timezone.make_aware(
        datetime.datetime.combine(session.start_date, datetime.time(9))
    )
    context = _Context(
        communes=_communes(),
        structures=_structures(),
        rng=rng,
        now=now,
        start=start,
        slots=slots,
    )
    attendees, attendance = [], []
    for participant, status in zip(people, statuses, strict=False):
        registration, chosen = save_registration(session, participant, status, context)
        if past and status == Status.CONFIRMED:
            rows = attendance_of(registration, chosen, rng)
            attendance += rows
            if any(row.present for row in rows):
                attendees.append(registration)
    Attendance.objects.bulk_create(
        attendance,
        update_conflicts=True,
        unique_fields=["registration", "slot"],
        update_fields=["present", "minutes", "source", "recorded_at"],
    )
    if past:
        for spec in SURVEYS.get(session.slug, ()):
            save_survey(session, spec, attendees, rng)


def eligible(session: TrainingSession) -> list[Participant]:
    """Everyone for a free session; the members of its year for a members-only one."""
    if not session.members_only:
        return list(PARTICIPANTS)
    years = structure_years()
    return [p for p in PARTICIPANTS if is_member(p, session.start_date.year, years)]


@dataclass
class _Context:
    communes: dict[str, Commune]
    structures: dict[str, Organisation]
    rng: random.Random
    now: datetime.datetime
    start: datetime.datetime
    slots: list[Slot]


def save_registration(
    session: TrainingSession, participant: Participant, status: str, context: _Context
) -> tuple[Registration, list[Slot]]:
    rng, slots, start = context.rng, context.slots, context.start
    days_before = rng.randint(1, 3) if status == Status.WAITING else rng.randint(5, 45)
    created_at = min(
        start - datetime.timedelta(days=days_before, hours=rng.randint(0, 9)),
        context.now - datetime.timedelta(hours=rng.randint(2, 200)),
    )
    chosen = slots
    if len(slots) > 2 and not session.members_only and rng.random() < 0.3:
        chosen = sorted(rng.sample(slots, rng.randint(2, len(slots) - 1)), key=slots.index)
    needs = ACCESSIBILITY_NEEDS if rng.random() < 0.08 else ""
    registration, _ = Registration.objects.update_or_create(
        session=session,
        email=participant.email,
        defaults={
            "first_name": participant.first_name,
            "last_name": participant.last_name,
            "organisation_name": participant.organisation,
            "organisation": context.structures.get(participant.organisation),
            "category": participant.category,
            "commune": context.communes.get(participant.commune),
            "accessibility_needs": needs,
            "consent": True,
            "consent_at": created_at,
            "status": status,
            "created_at": created_at,
            "confirmed_at": created_at if status != Status.WAITING else None,
            "cancelled_at": (
                created_at + datetime.timedelta(days=2) if status == Status.CANCELLED else None
            ),
            "illustrative": True,
        },
    )
    registration.slots.set(chosen)
    return registration, chosen


def attendance_of(
    registration: Registration, slots: list[Slot], rng: random.Random
) -> list[Attendance]:
    """Presence at each slot chosen, as the connection report of the webconference gave it."""
    rows = []
    for slot in slots:
        present = rng.random() < 0.88
        partial = present and rng.random() < 0.15
        rows.append(
            Attendance(
                registration=registration,
                slot=slot,
                present=present,
                minutes=int(slot.hours * 60) - rng.randint(10, 40) if partial else None,
                source=Source.REPORT,
                recorded_at=slot.ends_at + datetime.timedelta(hours=20),
            )
        )
    return rows


def save_survey(
    session: TrainingSession,
    spec: SurveySpec,
    attendees: list[Registration],
    rng: random.Random,
) -> None:
    survey, _ = Survey.objects.update_or_create(
        session=session,
        moment=spec.moment,
        defaults={
            "title": spec.title,
            "introduction": spec.introduction,
            "send_after_days": spec.send_after_days,
        },
    )
    questions = [
        survey.questions.update_or_create(
            position=position,
            defaults={
                "label": question.label,
                "kind": question.kind,
                "choices": "\n".join(question.choices),
                "required": question.required,
            },
        )[0]
        for position, question in enumerate(spec.questions, start=1)
    ]
    sent_at = timezone.make_aware(
        datetime.datetime.combine(session.end_date, datetime.time(9))
    ) + datetime.timedelta(days=spec.send_after_days)
    invitations, answers = [], []
    for registration in attendees:
        answered = rng.random() < spec.answer_rate
        answered_at = sent_at + datetime.timedelta(hours=rng.randint(1, 120)) if answered else None
        invitation = SurveyInvitation(
            survey=survey,
            registration=registration,
            sent_at=sent_at,
            answered_at=answered_at,
            illustrative=True,
        )
        invitations.append(invitation)
        if answered:
            for question, question_spec in zip(questions, spec.questions, strict=True):
                answer = answer_to(question, question_spec, spec.comments, rng)
                if answer is not None:
                    answers.append((registration.pk, answer))
    SurveyInvitation.objects.bulk_create(
        invitations,
        update_conflicts=True,
        unique_fields=["survey", "registration"],
        update_fields=["sent_at", "answered_at", "illustrative"],
    )
    by_registration = {i.registration_id: i for i in survey.invitations.all()}
    for registration_pk, answer in answers:
        answer.invitation = by_registration[registration_pk]
    SurveyAnswer.objects.bulk_create(
        [answer for _, answer in answers],
        update_conflicts=True,
        unique_fields=["invitation", "question"],
        update_fields=["rating", "value"],
    )


def answer_to(
    question: SurveyQuestion, spec: QuestionSpec, comments: tuple[str, ...], rng: random.Random
) -> SurveyAnswer | None:
    """An invented answer, or ``None`` when the free-text question is left blank."""
    rating, value = None, ""
    if spec.kind == QuestionKind.RATING:
        rating = rng.choices([5, 4, 3, 2], weights=[40, 40, 15, 5])[0]
    elif spec.kind == QuestionKind.CHOICE:
        value = rng.choices(spec.choices, weights=[6, 3, 1][: len(spec.choices)])[0]
    elif rng.random() < 0.6:
        value = rng.choice(comments)
    if rating is None and not value:
        return None
    return SurveyAnswer(question=question, rating=rating, value=value)


def _communes() -> dict[str, Commune]:
    codes = {participant.commune for participant in PARTICIPANTS}
    return {commune.insee_code: commune for commune in Commune.objects.filter(insee_code__in=codes)}


def _structures() -> dict[str, Organisation]:
    names = {participant.organisation for participant in PARTICIPANTS}
    return {o.name: o for o in Organisation.objects.filter(name__in=names)}
