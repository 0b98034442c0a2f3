"""The « Présences » tab of a session: its half-days with their sheets and check-in, the grid
of presence per registrant and slot, the connection reports, and the certificates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods

from essaim.attendance.forms import SendCertificatesForm
from essaim.attendance.grid import Grid, build_grid
from essaim.attendance.services import AttendanceError, default_place, not_open_yet, record_grid
from essaim.core.page_cache import kept_page
from essaim.roles.models import Perm
from essaim.trainings.access import get_session_for
from essaim.trainings.tabs import session_context

RECENT_REPORTS = 10


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@kept_page
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    posted = request.method == "POST"
    session = get_session_for(request.user, pk, Perm.CONTRIBUTE if posted else Perm.VIEW)
    if posted:
        try:
            changed = record_grid(
                session=session,
                checked=_pairs(request.POST.getlist("present")),
                shown=_pairs(request.POST.getlist("shown")),
                actor=request.user,
            )
        except AttendanceError as error:
            messages.error(request, error.message)
            return redirect("attendance:manage", session.pk)
        if changed:
            noun = "présence enregistrée" if changed == 1 else "présences enregistrées"
            messages.success(request, f"{changed} {noun}.")
        else:
            messages.info(request, "Aucun changement à enregistrer.")
        return redirect("attendance:manage", session.pk)
    grid = build_grid(session)
    context = {
        **session_context(session, request.user, "attendance"),
        "grid": grid,
        "certificates": CertificateStatus(grid),
        "not_open_yet": not_open_yet(session, slot_days=[slot.date for slot in grid.slots]),
        "send_form": SendCertificatesForm(initial={"place": default_place(session)}),
        "reports": list(
            session.connection_reports.select_related("slot", "imported_by")[:RECENT_REPORTS]
        ),
    }
    if request.htmx and request.GET.get("partie") == "attestations":
        return render(request, "attendance/manage.html#certificates", context)
    return render(request, "attendance/manage.html", context)


class CertificateStatus:
    """Where the certificates of a session stand: sent, being sent, to send."""

    def __init__(self, grid: Grid) -> None:
        self.rows = grid.attendees
        self.absentees = len(grid.absentees)
        certificates = [row.certificate for row in self.rows]
        self.sent = sum(1 for c in certificates if c is not None and c.sent_at is not None)
        self.pending = sum(1 for c in certificates if c is not None and c.being_sent)
        self.to_send = len(self.rows) - self.sent - self.pending


def _pairs(values: list[str]) -> set[tuple[int, int]]:
    """« 12-34 » → (registration 12, slot 34); anything else is left aside."""
    pairs = set()
    for value in values:
        registration, _, slot = value.partition("-")
        if registration.isdigit() and slot.isdigit():
            pairs.add((int(registration), int(slot)))
    return pairs


urlpatterns = [path("formations/<int:pk>/presences/", manage, name="manage")]
