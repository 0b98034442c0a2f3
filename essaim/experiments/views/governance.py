"""The governance tab of an experiment: its bodies (comité de pilotage, comité technique,
groupe d'accompagnement…) and their members, their meetings with agenda, attendance, minutes
and decisions, the decision log across meetings, and meeting invitations as .ics files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.downloads import ICS_TYPE, file_response
from essaim.experiments.access import get_experiment_for
from essaim.experiments.children import ChildPage, child_urls
from essaim.experiments.models import Experiment
from essaim.experiments.tabs import experiment_context
from essaim.governance.forms import (
    AttendanceForm,
    BodyForm,
    BodyMemberForm,
    DecisionFilterForm,
    LoggedDecisionForm,
    MeetingForm,
)
from essaim.governance.models import Attendance, Body, BodyMember, LoggedDecision, Meeting
from essaim.governance.services import (
    attendance_counts,
    invited_members,
    meeting_filename,
    meeting_invitation,
    save_attendance,
)
from essaim.lib.ics import Invitee
from essaim.organisations.models import Person
from essaim.roles.models import Perm

DECISIONS_PER_PAGE = 25

BODIES = ChildPage(
    model=Body,
    form_class=BodyForm,
    tab="governance",
    label="instance",
    feminine=True,
    back_url_name="experiments:governance",
    back_anchor="instances",
    owner_field="owner",
)
BODY_MEMBERS = ChildPage(
    model=BodyMember,
    form_class=BodyMemberForm,
    tab="governance",
    label="membre",
    back_url_name="experiments:governance",
    back_anchor="instances",
    experiment_path="body__experiment",
    parent_field="body",
    parent_model=Body,
    # The contacts this user may see.
    form_kwargs=lambda experiment, user: {"user": user},
)
MEETINGS = ChildPage(
    model=Meeting,
    form_class=MeetingForm,
    tab="governance",
    label="réunion",
    feminine=True,
    back_url_name="experiments:governance",
    back_anchor="reunions",
    experiment_path="body__experiment",
    form_kwargs=lambda experiment, user: {"owner": experiment},
)
LOGGED_DECISIONS = ChildPage(
    model=LoggedDecision,
    form_class=LoggedDecisionForm,
    tab="governance",
    label="décision",
    feminine=True,
    back_url_name="experiments:governance",
    back_anchor="registre",
    owner_field="owner",
    form_kwargs=lambda experiment, user: {"owner": experiment},
)


def members_with_people():
    return Prefetch(
        "members",
        queryset=BodyMember.objects.select_related("person__organisation", "organisation"),
    )


@login_required
@require_safe
def governance(request: HttpRequest, pk: int) -> HttpResponse:
    experiment = get_experiment_for(request.user, pk)
    bodies = list(experiment.bodies.prefetch_related(members_with_people()))
    meetings = list(
        Meeting.objects.of(experiment)
        .select_related("body")
        .annotate(decision_count=Count("decisions"))
    )
    now = timezone.now()
    filters = DecisionFilterForm(request.GET, bodies=bodies)
    decisions = experiment.logged_decisions.select_related("body", "meeting")
    body_pk = filters.cleaned_data.get("instance") if filters.is_valid() else None
    if body_pk:
        decisions = decisions.filter(body_id=body_pk)
    page = Paginator(decisions, DECISIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **experiment_context(experiment, request.user, "governance"),
        "bodies": bodies,
        "upcoming_meetings": sorted(
            (meeting for meeting in meetings if meeting.ends_at >= now),
            key=lambda meeting: meeting.starts_at,
        ),
        "past_meetings": [meeting for meeting in meetings if meeting.ends_at < now],
        "filter_form": filters,
        "is_filtered": bool(body_pk),
        "page": page,
    }
    return render(request, "experiments/governance.html", context)


def get_meeting_for(experiment: Experiment, meeting_pk: int) -> Meeting:
    meeting = Meeting.objects.of(experiment).filter(pk=meeting_pk).select_related("body").first()
    if meeting is None:
        raise Http404("Cette réunion n'existe pas.")
    return meeting


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def meeting_detail(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    """A meeting: its agenda, who attended (recorded here by editors), its minutes and the
    decisions taken."""
    perm = Perm.EDIT if request.method == "POST" else Perm.VIEW
    experiment = get_experiment_for(request.user, pk, perm)
    meeting = get_meeting_for(experiment, meeting_pk)
    all_members = list(meeting.body.members.select_related("person", "organisation"))
    attendances = {row.member_id: row for row in meeting.attendances.all()}
    # Members of the body that day, and anyone whose attendance was recorded before.
    invited = set(invited_members(meeting, all_members))
    members = [m for m in all_members if m in invited or m.pk in attendances]
    form = AttendanceForm(
        request.POST or None,
        members=members,
        initial_statuses={pk: row.status for pk, row in attendances.items()},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            save_attendance(meeting=meeting, statuses=form.statuses(), existing=attendances)
            summary = f"Présences à la réunion « {meeting} » enregistrées"
            experiment.log_action(request.user, "updated", summary)
        messages.success(request, f"{summary}.")
        return redirect(reverse("experiments:meeting", args=[experiment.pk, meeting.pk]))
    statuses = {pk: row.status for pk, row in attendances.items()}
    attendance_rows = [
        (member, Attendance(statuses[member.pk]).label if member.pk in statuses else "")
        for member in members
    ]
    context = {
        **experiment_context(experiment, request.user, "governance"),
        "meeting": meeting,
        "form": form,
        "attendance_rows": attendance_rows,
        "attendance_counts": attendance_counts(statuses.values()),
        "decisions": list(meeting.decisions.all()),
        "is_past": meeting.ends_at < timezone.now(),
    }
    return render(request, "experiments/meeting_detail.html", context)


@login_required
@require_safe
def meeting_ics(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    """The invitation to one meeting as an .ics file. The members invited are those of the body
    on that day whose contact has an e-mail address the user may see."""
    experiment = get_experiment_for(request.user, pk)
    meeting = get_meeting_for(experiment, meeting_pk)
    members = invited_members(
        meeting, list(meeting.body.members.select_related("person").exclude(person__email=""))
    )
    visible = set(
        Person.objects.visible_to(request.user)
        .filter(pk__in=[member.person_id for member in members if member.person_id])
        .values_list("pk", flat=True)
    )
    attendees = [
        Invitee(name=member.person.full_name, email=member.person.email)
        for member in members
        if member.person_id in visible
    ]
    organizer = None
    if Perm.EDIT in experiment.permissions_for(request.user) and request.user.email:
        organizer = Invitee(name=request.user.get_full_name(), email=request.user.email)
    url = request.build_absolute_uri(reverse("experiments:meeting", args=[pk, meeting.pk]))
    content = meeting_invitation(
        meeting,
        owner_title=experiment.title,
        url=url,
        organizer=organizer,
        attendees=attendees,
    )
    return file_response(content, filename=meeting_filename(meeting), content_type=ICS_TYPE)


urlpatterns = [
    path("<int:pk>/gouvernance/", governance, name="governance"),
    path(
        "<int:pk>/gouvernance/reunions/<int:meeting_pk>/",
        meeting_detail,
        name="meeting",
    ),
    path(
        "<int:pk>/gouvernance/reunions/<int:meeting_pk>/invitation.ics",
        meeting_ics,
        name="meeting_ics",
    ),
    *child_urls("gouvernance/instances", BODIES, "body"),
    *child_urls("gouvernance/membres", BODY_MEMBERS, "body_member"),
    *child_urls("gouvernance/reunions", MEETINGS, "meeting"),
    *child_urls("gouvernance/decisions", LOGGED_DECISIONS, "logged_decision"),
]
