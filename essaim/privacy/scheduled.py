"""Retention: what each app keeps about people is anonymised once its retention period is over
(today, the registrants of a session; see each app's ``personal_data.py``), and the rows of
finished background tasks, which keep the e-mails sent, are deleted after a few days."""

import datetime

from essaim.core.personal_data import anonymise_expired
from essaim.core.scheduled import scheduled
from essaim.core.tasks import prune_finished_task_results
from essaim.mail.models import FailedEmail
from essaim.privacy import services


@scheduled("Inscriptions anonymisées (durée de conservation écoulée)")
def anonymise_expired_registrations(now: datetime.datetime) -> int:
    """Every holder's retention job, each due session in its own transaction, so that one
    failure does not hold back the others; returns how many records were anonymised."""
    return anonymise_expired(now)


@scheduled("Tâches de fond terminées effacées (e-mails envoyés, avec leurs destinataires)")
def prune_finished_tasks(now: datetime.datetime) -> int:
    """The rows of finished tasks keep an e-mail's recipients, text and attachments: deleted a
    few days after (see ``TASK_RESULTS_KEPT_DAYS``)."""
    return prune_finished_task_results(now)


@scheduled("Liens vers les données personnelles expirés effacés")
def delete_expired_access_links(now: datetime.datetime) -> int:
    return services.delete_expired_links(now)


@scheduled("E-mails non envoyés effacés des alertes après un mois (avec leurs destinataires)")
def delete_old_email_failures(now: datetime.datetime) -> int:
    number, _ = FailedEmail.objects.past_their_time(now).delete()
    return number
