"""Fetch a questionnaire or a question for an organiser of its session (404 / 403)."""

from django.http import Http404

from essaim.roles.models import Perm
from essaim.surveys.models import Survey, SurveyQuestion
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession


def get_survey_for(
    user, pk: int, survey_pk: int, perm: Perm | str = Perm.VIEW
) -> tuple[TrainingSession, Survey]:
    """The session ``pk`` (see :func:`get_session_for`) and its survey ``survey_pk``."""
    session = get_session_for(user, pk, perm)
    survey = session.surveys.filter(pk=survey_pk).first()
    if survey is None:
        raise Http404("Ce questionnaire n'existe pas.")
    survey.session = session
    return session, survey


def get_question_for(
    user, pk: int, question_pk: int, perm: Perm | str = Perm.EDIT
) -> tuple[TrainingSession, SurveyQuestion]:
    session = get_session_for(user, pk, perm)
    question = (
        SurveyQuestion.objects.filter(pk=question_pk, survey__session=session)
        .select_related("survey")
        .first()
    )
    if question is None:
        raise Http404("Cette question n'existe pas.")
    question.survey.session = session
    return session, question
