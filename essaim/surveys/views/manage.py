"""The « Satisfaction » tab of a session: its two questionnaires, who was sent what, the
response rates and the results « à chaud » and « à froid » side by side; creating the
questionnaires from the defaults, and sending one now."""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from essaim.lib import french
from essaim.registrations.models import Registration
from essaim.roles.models import Perm
from essaim.surveys.access import get_survey_for
from essaim.surveys.models import SENDING_WINDOW_DAYS, Moment, Survey, SurveyInvitation
from essaim.surveys.results import SurveyResult, session_results
from essaim.surveys.services import (
    SurveyError,
    attendance_recorded,
    create_default_surveys,
    participants_of,
    send_survey,
)
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession
from essaim.trainings.tabs import session_context


@dataclass
class SendingCell:
    """What one participant was sent of one questionnaire (« À chaud », « À froid »)."""

    label: str
    invitation: SurveyInvitation | None
    is_participant: bool


@dataclass
class SendingRow:
    registration: Registration
    cells: list[SendingCell]

    @property
    def is_anonymised(self) -> bool:
        return self.registration.anonymised_at is not None

    @property
    def sort_key(self) -> tuple:
        name = self.registration
        return (self.is_anonymised, name.last_name.lower(), name.first_name.lower(), name.pk)


@dataclass
class SurveyCard:
    """One questionnaire as the tab shows it: its results, how many participants have not
    received it yet, and where its automatic sending stands."""

    result: SurveyResult
    waiting: int
    today: datetime.date

    @property
    def survey(self) -> Survey:
        return self.result.survey

    @property
    def sending(self) -> str:
        """« inactive », « illustrative », « scheduled » (its day is to come), « due » (it goes
        out at the next run of the scheduled jobs), « done » or « late » (too late to go out
        by itself)."""
        survey = self.survey
        if not survey.active:
            return "inactive"
        if survey.session.illustrative:
            return "illustrative"
        if self.today < survey.send_on:
            return "scheduled"
        if not self.waiting:
            return "done"
        return "due" if survey.is_due(self.today) else "late"


def sending_rows(
    results: list[SurveyResult],
    participants: list[Registration],
    invitations: list[SurveyInvitation],
) -> list[SendingRow]:
    """One row per participant or person invited, one cell per questionnaire. (Invitations
    whose registration was deleted are only counted.)"""
    sent = {(i.survey_id, i.registration_id): i for i in invitations if i.registration_id}
    people = {registration.pk: registration for registration in participants}
    for invitation in invitations:
        if invitation.registration_id:
            people.setdefault(invitation.registration_id, invitation.registration)
    participant_pks = {registration.pk for registration in participants}
    rows = [
        SendingRow(
            registration,
            [
                SendingCell(
                    r.survey.get_moment_display().capitalize(),
                    sent.get((r.survey.pk, registration.pk)),
                    pk in participant_pks,
                )
                for r in results
            ],
        )
        for pk, registration in people.items()
    ]
    return sorted(rows, key=lambda row: row.sort_key)


def satisfaction_context(session: TrainingSession, user) -> dict:
    today = timezone.localdate()
    results = session_results(session)
    participants = list(participants_of(session).order_by("last_name", "first_name", "pk"))
    invitations = list(
        SurveyInvitation.objects.filter(survey__session=session).select_related("registration")
    )
    invited = {(i.survey_id, i.registration_id) for i in invitations}
    cards = [
        SurveyCard(
            result,
            sum((result.survey.pk, p.pk) not in invited for p in participants),
            today,
        )
        for result in results
    ]
    present = {result.survey.moment for result in results}
    cycle = session.cycle
    return {
        **session_context(session, user, "satisfaction"),
        "cards": cards,
        "results": results,
        "missing_moments": [moment.label for moment in Moment if moment not in present],
        "rows": sending_rows(results, participants, invitations),
        "erased_count": sum(1 for i in invitations if i.registration_id is None),
        "can_send": session.end_date <= today and not session.illustrative,
        "attendance_recorded": attendance_recorded(session),
        "sending_window_days": SENDING_WINDOW_DAYS,
        "cycle_url": (
            reverse("surveys:cycle_results", args=[cycle.pk])
            if cycle is not None and Perm.VIEW in cycle.permissions_for(user)
            else ""
        ),
    }


@login_required
@require_safe
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk)
    return render(request, "surveys/manage.html", satisfaction_context(session, request.user))


@login_required
@require_POST
def create_defaults(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.EDIT)
    created = create_default_surveys(session=session, actor=request.user)
    if len(created) == 2:
        messages.success(
            request,
            "Les questionnaires « à chaud » et « à froid » sont prêts : relisez-les et "
            "adaptez-les à la session.",
        )
    elif created:
        messages.success(request, f"Le questionnaire « {created[0].title} » est prêt.")
    else:
        messages.warning(request, "Cette session a déjà ses deux questionnaires.")
    return redirect("surveys:manage", session.pk)


@login_required
@require_POST
def send_now(request: HttpRequest, pk: int, survey_pk: int) -> HttpResponse:
    session, survey = get_survey_for(request.user, pk, survey_pk, Perm.EDIT)
    if session.end_date > timezone.localdate():
        messages.error(request, "La session n'est pas terminée : le questionnaire partira après.")
        return redirect("surveys:manage", session.pk)
    try:
        invitations = send_survey(survey=survey, actor=request.user)
    except SurveyError as error:
        messages.error(request, str(error))
        return redirect("surveys:manage", session.pk)
    count = len(invitations)
    if count:
        sent_to = french.counted(count, "participant·e", "participant·es")
        messages.success(request, f"« {survey.title} » envoyé à {sent_to}.")
    else:
        messages.warning(
            request, "Chaque participant·e a déjà reçu ce questionnaire : rien n'a été envoyé."
        )
    return redirect("surveys:manage", session.pk)


urlpatterns = [
    path("formations/<int:pk>/satisfaction/", manage, name="manage"),
    path("formations/<int:pk>/satisfaction/creer/", create_defaults, name="create_defaults"),
    path("formations/<int:pk>/satisfaction/<int:survey_pk>/envoyer/", send_now, name="send_now"),
]
