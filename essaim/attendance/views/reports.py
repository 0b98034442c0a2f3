"""Import of a webconference's connection report: the file is read and matched to the
registrants, the organiser checks the preview (and matches by hand whom the file names
differently), then the presences are recorded. A file with a wrong line records nothing."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods

from essaim.attendance.forms import ConnectionReportForm
from essaim.attendance.grid import confirmed_registrations
from essaim.attendance.reports import (
    MAX_REPORT_BYTES,
    REPORT_COLUMNS,
    ReportError,
    ReportPlan,
    match_connections,
    read_connections,
    threshold_for,
)
from essaim.attendance.services import (
    import_connection_report,
    import_summary,
    not_open_yet,
)
from essaim.core.uploads import limit_upload_size
from essaim.roles.models import Perm
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession
from essaim.trainings.tabs import session_context

SALT = "essaim.attendance.connection-report"
PREVIEW_VALIDITY = 2 * 60 * 60  # seconds to confirm a preview
SHOWN_PROBLEMS = 200


@login_required
@limit_upload_size(max_bytes=MAX_REPORT_BYTES)
@require_http_methods(["GET", "HEAD", "POST"])
def import_report(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.EDIT)
    refusal = not_open_yet(session)
    if refusal:
        messages.error(request, refusal)
        return redirect(reverse("attendance:manage", args=[session.pk]) + "#rapports")
    form = ConnectionReportForm(session=session)
    problems: list | None = None
    plan = payload = None
    if request.method == "POST" and request.POST.get("step") == "confirm":
        payload = _unsign(request.POST.get("payload", ""), session)
        if payload is None:
            messages.error(
                request,
                "Le fichier vérifié n'a pas pu être relu (l'aperçu date de plus de deux heures, "
                "ou il a été modifié) : choisissez-le à nouveau.",
            )
            return redirect("attendance:import_report", session.pk)
        try:
            plan = _check(session, payload, assignments=_assignments(request.POST))
        except ReportError as error:
            problems = error.problems
        else:
            import_connection_report(
                session=session, plan=plan, file_name=payload["name"], actor=request.user
            )
            messages.success(
                request, f"Rapport « {payload['name']} » importé : {import_summary(plan)}"
            )
            return redirect(reverse("attendance:manage", args=[session.pk]) + "#rapports")
    elif request.method == "POST":
        form = ConnectionReportForm(request.POST, request.FILES, session=session)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            payload = {
                "session": session.pk,
                "slot": form.cleaned_data["slot"].pk,
                "threshold": form.cleaned_data["threshold"],
                "name": upload.name,
                "data": base64.b64encode(upload.read()).decode("ascii"),
            }
            try:
                plan = _check(session, payload)
            except ReportError as error:
                problems = error.problems
    context = {
        **session_context(session, request.user, "attendance"),
        "form": form,
        "plan": plan if not problems else None,
        "token": signing.dumps(payload, salt=SALT, compress=True) if plan else "",
        "file_name": payload["name"] if payload else "",
        "problems": problems[:SHOWN_PROBLEMS] if problems else None,
        "problem_count": len(problems) if problems else 0,
        "more_problems": max(0, len(problems) - SHOWN_PROBLEMS) if problems else 0,
        "columns": {key: labels[:4] for key, labels in REPORT_COLUMNS.items()},
    }
    return render(request, "attendance/import_report.html", context)


def _check(
    session: TrainingSession, payload: dict, assignments: dict[str, int] | None = None
) -> ReportPlan:
    slot = get_object_or_404(session.slots.all(), pk=payload["slot"])
    connections, description = read_connections(base64.b64decode(payload["data"]), slot=slot)
    return match_connections(
        connections,
        slot=slot,
        registrations=list(confirmed_registrations(session).prefetch_related("slots")),
        speaker_names=session.speakers.values_list("name", flat=True),
        threshold_minutes=threshold_for(slot, payload["threshold"]),
        description=description,
        assignments=assignments,
    )


def _unsign(token: str, session: TrainingSession) -> dict | None:
    try:
        payload = signing.loads(token, salt=SALT, max_age=PREVIEW_VALIDITY)
    except signing.BadSignature:
        return None
    return payload if payload.get("session") == session.pk else None


def _assignments(data) -> dict[str, int]:
    """The registrants chosen by hand for the people the report names differently: the
    field ``rapprocher-<n>`` holds a registration, ``personne-<n>`` whom it is for."""
    chosen = {}
    for name, value in data.items():
        if name.startswith("rapprocher-") and value.isdigit():
            key = data.get("personne-" + name.removeprefix("rapprocher-"), "")
            if key:
                chosen[key] = int(value)
    return chosen


urlpatterns = [
    path("formations/<int:pk>/presences/rapport/", import_report, name="import_report"),
]
