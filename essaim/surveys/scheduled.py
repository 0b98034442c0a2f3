"""The satisfaction questionnaires go out on their own when their day comes."""

import datetime

from essaim.core.scheduled import scheduled
from essaim.surveys.services import send_due_surveys


@scheduled("Questionnaires de satisfaction envoyés")
def send_satisfaction_surveys(now: datetime.datetime) -> int:
    """Each active questionnaire, once its day after the session has come, to each
    participant not yet invited."""
    return send_due_surveys(now=now)
