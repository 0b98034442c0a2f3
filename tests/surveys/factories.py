import datetime
import html
import re

import factory

from essaim.attendance.models import Attendance, Source
from essaim.surveys.models import (
    Moment,
    QuestionKind,
    Survey,
    SurveyInvitation,
    SurveyQuestion,
)
from essaim.surveys.services import record_answers
from tests.registrations.factories import RegistrationFactory
from tests.trainings.factories import TrainingSessionFactory


def past_session(days_ago: int = 3, **fields):
    """A session that ended ``days_ago`` days ago (one slot)."""
    day = datetime.date.today() - datetime.timedelta(days=days_ago)
    return TrainingSessionFactory(start_date=day, end_date=day, **fields)


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    session = factory.SubFactory(TrainingSessionFactory)
    moment = Moment.HOT
    title = "Votre avis sur la session"
    send_after_days = 1


class SurveyQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyQuestion

    survey = factory.SubFactory(SurveyFactory)
    label = factory.Sequence(lambda n: f"Question {n} ?")
    kind = QuestionKind.RATING
    position = factory.Sequence(lambda n: n)


class SurveyInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyInvitation

    survey = factory.SubFactory(SurveyFactory)
    registration = factory.SubFactory(
        RegistrationFactory, session=factory.SelfAttribute("..survey.session")
    )


def attend(registration, *, present: bool = True) -> Attendance:
    """Record ``registration`` present (or absent) at the first slot of its session."""
    return Attendance.objects.create(
        registration=registration,
        slot=registration.session.slots.first(),
        present=present,
        source=Source.SHEET,
    )


def answer(survey: Survey, values: dict[SurveyQuestion, int | str]) -> SurveyInvitation:
    """A new participant of ``survey``'s session, invited, who answers ``values``."""
    invitation = SurveyInvitationFactory(survey=survey)
    record_answers(
        invitation=invitation, answers={question.pk: value for question, value in values.items()}
    )
    return invitation


def page_text(response) -> str:
    """The page as a reader sees its text: entities (« l&#x27;instant ») decoded."""
    return html.unescape(response.content.decode())


def visible_text(response) -> str:
    """The words of the page without its tags, spaces collapsed."""
    words = re.sub(r"<[^>]+>", "", response.content.decode())
    return " ".join(html.unescape(words).split())
