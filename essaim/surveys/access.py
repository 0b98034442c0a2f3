"""Fetch a questionnaire for an organiser of its session (404 / 403)."""

from django.http import Http404

from essaim.roles.models import Perm
from essaim.surveys.models import Survey
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
