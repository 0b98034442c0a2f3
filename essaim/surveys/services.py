"""What happens to satisfaction questionnaires: created from the defaults, sent once to each
participant with a personal link, answered once, their questions put in order.

Each function owns its transaction and raises :class:`SurveyError` with a French message."""

import datetime
from functools import partial

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from essaim.attendance.models import Attendance
from essaim.lib import french
from essaim.lib.errors import DomainError
from essaim.mail.tasks import about, send_email
from essaim.registrations.models import Registration, Status
from essaim.surveys.defaults import DEFAULT_SURVEYS
from essaim.surveys.models import (
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyQuestion,
)
from essaim.trainings.models import TrainingSession


class SurveyError(DomainError):
    """A change the rules refuse; the message is meant for the person who asked."""


def create_default_surveys(*, session: TrainingSession, actor=None) -> list[Survey]:
    """Create the questionnaires « à chaud » and « à froid » the session does not have yet,
    from :mod:`essaim.surveys.defaults`; return those created."""
    created = []
    with transaction.atomic():
        existing = set(session.surveys.values_list("moment", flat=True))
        for default in DEFAULT_SURVEYS:
            if default.moment in existing:
                continue
            survey = Survey.objects.create(
                session=session,
                moment=default.moment,
                title=default.title,
                introduction=default.introduction,
                send_after_days=default.send_after_days,
            )
            SurveyQuestion.objects.bulk_create(
                SurveyQuestion(
                    survey=survey,
                    label=question.label,
                    kind=question.kind,
                    required=question.required,
                    choices=question.choices,
                    position=position,
                )
                for position, question in enumerate(default.questions, start=1)
            )
            created.append(survey)
        if created:
            names = " et ".join(f"« {survey.title} »" for survey in created)
            plural = "s" if len(created) > 1 else ""
            session.log_action(
                actor, "created", f"Questionnaire{plural} de satisfaction {names} créé{plural}"
            )
    return created


def participants_of(session: TrainingSession) -> QuerySet[Registration]:
    """Who is asked for their opinion: those who attended at least one slot once attendance
    has been recorded, else the confirmed registrants; never anyone whose personal data were
    anonymised, nor anyone without an address."""
    registrations = session.registrations.filter(anonymised_at__isnull=True).exclude(email="")
    if session.personal_data_anonymised_at is not None:
        return registrations.none()
    if attendance_recorded(session):
        attended = Attendance.objects.filter(slot__session=session, present=True)
        return registrations.filter(pk__in=attended.values("registration_id"))
    return registrations.filter(status=Status.CONFIRMED)


def attendance_recorded(session: TrainingSession) -> bool:
    return Attendance.objects.filter(slot__session=session).exists()


def send_survey(
    *, survey: Survey, now: datetime.datetime | None = None, actor=None
) -> list[SurveyInvitation]:
    """Invite every participant who was not invited to ``survey`` yet, each by an e-mail with
    their personal link; return the invitations made. Running it again sends nothing twice:
    the survey row is locked meanwhile, and the database refuses a second invitation. Nothing
    leaves before the session ends, nor for a session made up for the demonstration."""
    now = now or timezone.now()
    with transaction.atomic():
        survey = (
            Survey.objects.select_for_update(of=("self",))
            .select_related("session__organiser")
            .prefetch_related("questions")
            .get(pk=survey.pk)
        )
        session = survey.session
        if session.end_date > timezone.localdate(now):
            raise SurveyError("La session n'est pas terminée : le questionnaire partira après.")
        if session.illustrative:
            raise SurveyError("Session d'exemple : ses questionnaires ne partent pas.")
        recipients = list(
            participants_of(session)
            .exclude(pk__in=survey.invitations.values("registration_id"))
            .order_by("last_name", "first_name", "pk")
        )
        if not recipients:
            return []
        try:
            invitations = SurveyInvitation.objects.bulk_create(
                SurveyInvitation(survey=survey, registration=registration, sent_at=now)
                for registration in recipients
            )
        except IntegrityError as error:
            # Without row locks (SQLite), another sending may have got there first.
            message = "Ce questionnaire vient d'être envoyé : rechargez la page."
            raise SurveyError(message) from error
        for invitation, registration in zip(invitations, recipients, strict=True):
            message = invitation_email(survey=survey, invitation=invitation, to=registration)
            message["about"] = about(session)
            transaction.on_commit(partial(send_email.enqueue, **message))
        count = len(invitations)
        session.log_action(
            actor,
            "sent",
            f"Questionnaire « {survey.title} » envoyé à "
            f"{french.counted(count, 'participant·e', 'participant·es')}",
        )
    return invitations


def invitation_email(
    *, survey: Survey, invitation: SurveyInvitation, to: Registration
) -> dict[str, object]:
    """The arguments of :func:`send_email` for one invitation."""
    session = survey.session
    context = {
        "survey": survey,
        "session": session,
        "registration": to,
        "url": settings.SITE_URL + invitation.get_absolute_url(),
        "question_count": len(survey.questions.all()),
    }
    return {
        "subject": f"{survey.title} : « {session.title} »",
        "body": render_to_string("surveys/invitation_email.txt", context),
        "to": [to.email],
        "reply_to": [session.contact_email] if session.contact_email else [],
    }


def send_due_surveys(*, now: datetime.datetime) -> int:
    """Send every survey whose day has come (see :meth:`SurveyQuerySet.due`); return how many
    invitations went out."""
    today = timezone.localdate(now)
    sent = 0
    for survey in Survey.objects.due(today):
        try:
            sent += len(send_survey(survey=survey, now=now))
        except SurveyError:
            continue  # sent meanwhile by the organiser's « Envoyer maintenant »
    return sent


def record_answers(
    *,
    invitation: SurveyInvitation,
    answers: dict[int, int | str],
    now: datetime.datetime | None = None,
) -> None:
    """Keep the answers of one participant (question pk → note or text; empty ones are left
    out) and close their invitation. A questionnaire is answered once."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
        if locked.answered_at is not None:
            raise SurveyError("Vous avez déjà répondu à ce questionnaire : merci !")
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(
                invitation=locked,
                question_id=question_pk,
                rating=value if isinstance(value, int) else None,
                value=value if isinstance(value, str) else "",
            )
            for question_pk, value in answers.items()
            if value not in ("", None)
        )
        locked.answered_at = now
        locked.save(update_fields=["answered_at"])
    invitation.answered_at = now
