"""Check-in on a phone during the session: the registrants of a half-day in a list with a
search field, one tap to record someone present, one more to undo it."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from essaim.attendance.grid import confirmed_registrations, name_order
from essaim.attendance.halfdays import HalfDay, current_half_day, find_half_day, half_days
from essaim.attendance.models import Attendance, Source
from essaim.attendance.services import AttendanceError, not_open_yet, undo_check_in
from essaim.attendance.services import check_in as record_check_in
from essaim.lib.french_csv import fold
from essaim.registrations.models import Registration
from essaim.roles.models import Perm
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession

HALF_DAY_PARAMETER = "demi-journee"


@dataclass(frozen=True)
class Person:
    registration: Registration
    present: bool
    checked_at: datetime.datetime | None
    expected: bool  # registered for a slot of the half-day
    checked_here: bool = False  # recorded by a check-in, rather than the grid or a report

    @property
    def search(self) -> str:
        """What the search field compares against, without accents or case."""
        registration = self.registration
        return fold(f"{registration.full_name} {registration.organisation_name}")


@dataclass(frozen=True)
class Counts:
    present: int
    expected: int


def people_at(session: TrainingSession, day: HalfDay) -> list[Person]:
    """The confirmed registrants, by name, with their presence during ``day``: three
    queries."""
    registrations = confirmed_registrations(session).prefetch_related("slots").order_by()
    records: dict[int, list[Attendance]] = {}
    for record in Attendance.objects.filter(
        registration__in=registrations, slot__in=day.slot_ids, present=True
    ):
        records.setdefault(record.registration_id, []).append(record)
    people = []
    for registration in sorted(registrations, key=name_order):
        chosen = {slot.pk for slot in registration.slots.all()}
        found = records.get(registration.pk, [])
        people.append(
            Person(
                registration=registration,
                present=bool(found),
                checked_at=min((record.recorded_at for record in found), default=None),
                expected=not chosen or bool(chosen & day.slot_ids),
                checked_here=any(record.source == Source.CHECK_IN for record in found),
            )
        )
    return people


def count(people: list[Person]) -> Counts:
    return Counts(
        present=sum(person.present for person in people),
        expected=sum(person.expected for person in people),
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.CONTRIBUTE)
    slots = list(session.slots.all())
    days = half_days(slots)
    if request.method == "POST":
        return _record(request, session, days)
    day = find_half_day(days, request.GET.get(HALF_DAY_PARAMETER)) or current_half_day(
        days, timezone.localtime()
    )
    query = request.GET.get("q", "").strip()[:100]
    people = people_at(session, day) if day else []
    words = fold(query).split()
    context = {
        "session": session,
        "days": days,
        "day": day,
        "query": query,
        "people": people,
        # Hidden rather than left out: the search field shows them again as one types.
        "hidden": {p.registration.pk for p in people if not all(w in p.search for w in words)},
        "counts": count(people),
        "parameter": HALF_DAY_PARAMETER,
        "not_open_yet": not_open_yet(session, slot_days=[slot.date for slot in slots]),
    }
    return render(request, "attendance/check_in.html", context)


def _record(request: HttpRequest, session: TrainingSession, days: list[HalfDay]) -> HttpResponse:
    day = find_half_day(days, request.POST.get(HALF_DAY_PARAMETER))
    registration_pk = request.POST.get("inscrit", "")
    if day is None or not registration_pk.isdigit():
        raise Http404("Cette demi-journée ou cette inscription n'existe pas.")
    registration = get_object_or_404(confirmed_registrations(session), pk=int(registration_pk))
    if request.POST.get("action") == "annuler":
        undo_check_in(registration=registration, half_day=day)
        status = f"Pointage de {registration.full_name} annulé."
    else:
        try:
            record_check_in(registration=registration, half_day=day, actor=request.user)
        except AttendanceError as error:
            return HttpResponse(error.message, status=409, content_type="text/plain")
        status = f"{registration.full_name} est pointé·e présent·e."
    query = request.POST.get("q", "").strip()[:100]
    if not request.htmx:
        parameters = {HALF_DAY_PARAMETER: day.key, **({"q": query} if query else {})}
        url = reverse("attendance:check_in", args=[session.pk])
        return redirect(f"{url}?{urlencode(parameters)}#inscrit-{registration.pk}")
    people = people_at(session, day)
    context = {
        "session": session,
        "day": day,
        "query": query,
        "person": next(p for p in people if p.registration.pk == registration.pk),
        "counts": count(people),
        "hidden": set(),
        "status": status,
        "parameter": HALF_DAY_PARAMETER,
        "oob": True,
    }
    html = render_to_string("attendance/check_in.html#person", context, request) + render_to_string(
        "attendance/check_in.html#counts", context, request
    )
    return HttpResponse(html)


urlpatterns = [path("formations/<int:pk>/presences/pointage/", check_in, name="check_in")]
