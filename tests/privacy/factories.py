"""A registrant with everything that can be attached to them: answers, attendance, a
certificate, a satisfaction survey answered, the e-mails sent, the session's history."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from essaim.attendance.models import Attendance, Certificate, Source
from essaim.privacy.models import AccessLink
from essaim.registrations.models import Answer, MessageKind, Registration, SentMessage
from essaim.surveys.models import Moment, QuestionKind, Survey, SurveyAnswer, SurveyInvitation
from essaim.territories.models import Commune
from essaim.trainings.models import QuestionKind as RegistrationQuestionKind
from essaim.trainings.models import TrainingSession
from tests.conftest import client_for
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import RegistrationQuestionFactory, TrainingSessionFactory


def past_session(*, ended_days_ago: int, **fields) -> TrainingSession:
    """A session of one slot that ended ``ended_days_ago`` days ago."""
    day = datetime.date.today() - datetime.timedelta(days=ended_days_ago)
    return TrainingSessionFactory(start_date=day, end_date=day, **fields)


@dataclass
class Registrant:
    registration: Registration
    text_answer: Answer
    choice_answer: Answer
    attendance: Attendance
    certificate: Certificate
    survey_answer: SurveyAnswer
    message: SentMessage


def full_registrant(session: TrainingSession, **fields) -> Registrant:
    """A confirmed registrant who answered both questions, attended, got a certificate, answered
    the satisfaction survey and received a confirmation e-mail."""
    fields.setdefault("phone", "04 00 00 00 00")
    fields.setdefault("accessibility_needs", "Sous-titrage de la webconférence")
    fields.setdefault("commune", Commune.objects.get(insee_code="26108"))
    registration = RegistrationFactory(session=session, **fields)
    text_question, choice_question = _questions(session)
    slot = session.slots.first()
    registration.slots.add(slot)
    survey = _survey(session)
    invitation = SurveyInvitation.objects.create(survey=survey, registration=registration)
    rating_question = survey.questions.get()
    session.log_action(None, "registration", f"Inscription de {registration.full_name} : confirmée")
    return Registrant(
        registration=registration,
        text_answer=Answer.objects.create(
            registration=registration,
            question=text_question,
            value=f"Je suis {registration.full_name}, j'anime un tiers-lieu.",
        ),
        choice_answer=Answer.objects.create(
            registration=registration, question=choice_question, value="Oui"
        ),
        attendance=Attendance.objects.create(
            registration=registration, slot=slot, source=Source.REPORT, minutes=85
        ),
        certificate=Certificate.objects.create(
            registration=registration,
            number=f"ATT-{registration.pk:05d}",
            hours=Decimal("1.50"),
        ),
        survey_answer=SurveyAnswer.objects.create(
            invitation=invitation, question=rating_question, rating=4
        ),
        message=SentMessage.objects.create(
            session=session,
            registration=registration,
            kind=MessageKind.CONFIRMATION,
            subject="Inscription confirmée",
            body=f"Bonjour {registration.first_name}, votre inscription est confirmée.",
        ),
    )


def _questions(session: TrainingSession):
    text = session.questions.filter(kind=RegistrationQuestionKind.TEXT).first()
    choice = session.questions.filter(kind=RegistrationQuestionKind.YES_NO).first()
    if text is None:
        text = RegistrationQuestionFactory(session=session, label="Présentez-vous en une phrase")
    if choice is None:
        choice = RegistrationQuestionFactory(
            session=session,
            label="Avez-vous déjà mené une expérimentation ?",
            kind=RegistrationQuestionKind.YES_NO,
        )
    return text, choice


def _survey(session: TrainingSession) -> Survey:
    survey, created = Survey.objects.get_or_create(
        session=session, moment=Moment.HOT, defaults={"title": "Votre avis sur la session"}
    )
    if created:
        survey.questions.create(label="Satisfaction globale", kind=QuestionKind.RATING)
    return survey


def link_client(email: str, *, hours_ago: float = 0) -> Client:
    """A visitor who opened the personal link to ``email`` sent ``hours_ago`` hours ago."""
    sent_at = timezone.now() - datetime.timedelta(hours=hours_ago)
    _, token = AccessLink.issue(email=email, now=sent_at)
    client = client_for(None)
    client.get(reverse("privacy:open", args=[token]))
    return client
