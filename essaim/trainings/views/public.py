"""The public pages of the catalogue (no account needed): the upcoming sessions grouped by cycle,
a cycle, a session with every field of its announcement, and their calendar files.

An unpublished session or cycle does not exist for the public (404); its organisers see it, as
a preview marked as such. The meeting link never appears on these pages nor in these files."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

from essaim.core.downloads import ICS_TYPE, file_response
from essaim.core.page_cache import kept_page
from essaim.experiments.models import Experiment
from essaim.trainings.calendar import calendar_of, session_calendar, session_filename, slot_event
from essaim.trainings.models import Cycle, Slot, TrainingSession


@dataclass
class CycleGroup:
    """The sessions of one cycle (or of none) in a list."""

    cycle: Cycle | None
    sessions: list[TrainingSession] = field(default_factory=list)


def catalogue_sessions() -> QuerySet:
    """Sessions with what their summaries show: cycle, organiser, places taken, slots."""
    return (
        TrainingSession.objects.select_related("cycle", "organiser")
        .with_places_taken()
        .prefetch_related("slots")
    )


def group_by_cycle(sessions: list[TrainingSession]) -> list[CycleGroup]:
    """Consecutive groups in the order of ``sessions``, one per cycle; the sessions of no
    cycle come last."""
    groups: dict[int | None, CycleGroup] = {}
    for session in sessions:
        group = groups.setdefault(session.cycle_id, CycleGroup(session.cycle))
        group.sessions.append(session)
    alone = groups.pop(None, None)
    return [*groups.values(), *([alone] if alone else [])]


def get_public_or_preview(request: HttpRequest, queryset: QuerySet, slug: str):
    """The published object ``slug``; an unpublished one only for its organisers (with
    ``preview`` set); otherwise 404."""
    obj = queryset.filter(slug=slug).first()
    if obj is None:
        raise Http404("Cette page n'existe pas.")
    obj.preview = not obj.published
    if obj.preview and not _organises(request.user, obj):
        raise Http404("Cette page n'existe pas.")
    return obj


def _organises(user, obj) -> bool:
    if not user.is_authenticated:
        return False
    return type(obj).objects.visible_to(user).filter(pk=obj.pk).exists()


@require_safe
@kept_page
def public_list(request: HttpRequest) -> HttpResponse:
    """The upcoming published sessions grouped by cycle; ``?passees=1`` for the past ones."""
    past = request.GET.get("passees") == "1"
    today = timezone.localdate()
    sessions = catalogue_sessions().published()
    if past:
        sessions = sessions.past(today).order_by("-start_date", "-pk")
    else:
        sessions = sessions.upcoming(today).order_by("start_date", "pk")
    context = {"groups": group_by_cycle(list(sessions)), "past": past, "now": timezone.now()}
    return render(request, "trainings/public_list.html", context)


@require_safe
@kept_page
def cycle_page(request: HttpRequest, slug: str) -> HttpResponse:
    cycle = get_public_or_preview(request, Cycle.objects.select_related("organiser"), slug)
    sessions = list(
        catalogue_sessions()
        .published()
        .filter(cycle=cycle)
        .order_by("position", "start_date", "pk")
    )
    context = {
        "cycle": cycle,
        "sessions": sessions,
        "first_day": min((session.start_date for session in sessions), default=None),
        "last_day": max((session.end_date for session in sessions), default=None),
        "now": timezone.now(),
        "past": False,
    }
    return render(request, "trainings/public_cycle.html", context)


@require_safe
@kept_page
def session_page(request: HttpRequest, slug: str) -> HttpResponse:
    queryset = catalogue_sessions().prefetch_related("speakers", "testimonies")
    session = get_public_or_preview(request, queryset, slug)
    user = request.user
    slots = list(session.slots.all())
    testimonies = list(session.testimonies.all())
    linked = _experiments_seen_by(user, testimonies)
    for testimony in testimonies:
        testimony.experiment_url = linked.get(testimony.experiment_id, "")
    days = [{"date": day, "slots": list(group)} for day, group in groupby(slots, lambda s: s.date)]
    for slot in slots:
        slot.shown_testimonies = [t for t in testimonies if t.slot_id == slot.pk]
    previous, following = session.neighbours()
    first_start, now = session.first_start(), timezone.now()
    context = {
        "session": session,
        "days": days,
        "slots": slots,
        "speakers": list(session.speakers.all()),
        "testimonies": testimonies,
        "previous": previous,
        "next": following,
        "availability": session.availability(now),
        "started": first_start is not None and now >= first_start,
        "over": bool(slots) and now >= max(slot.ends_at for slot in slots),
        "organises": session.preview or _organises(user, session),
    }
    return render(request, "trainings/public_session.html", context)


def _experiments_seen_by(user, testimonies: list) -> dict[int, str]:
    """{experiment pk: its page} for the experiments of ``testimonies`` that ``user`` may see
    (experiments have no public page: nothing for visitors without an account)."""
    ids = {testimony.experiment_id for testimony in testimonies if testimony.experiment_id}
    if not ids or not user.is_authenticated:
        return {}
    visible = Experiment.objects.visible_to(user).filter(pk__in=ids).only("pk")
    return {experiment.pk: experiment.get_absolute_url() for experiment in visible}


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    """A public feed (published sessions, without meeting links): calendars may cache it."""
    return file_response(content, filename=filename, content_type=ICS_TYPE, cacheable=True)


@require_safe
def session_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """Every slot of the session, without the meeting link."""
    session = get_public_or_preview(
        request, TrainingSession.objects.prefetch_related("slots"), slug
    )
    url = request.build_absolute_uri(session.get_absolute_url())
    return _ics_response(session_calendar(session, url=url), session_filename(session))


@require_safe
def cycle_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """Every slot of every published session of the cycle, without meeting links."""
    cycle = get_public_or_preview(request, Cycle.objects.all(), slug)
    sessions = (
        cycle.sessions.published()
        .order_by("start_date", "pk")
        .prefetch_related(Prefetch("slots", queryset=Slot.objects.order_by("date", "start_time")))
    )
    events = [
        slot_event(slot, session, url=request.build_absolute_uri(session.get_absolute_url()))
        for session in sessions
        for slot in session.slots.all()
    ]
    return _ics_response(calendar_of(events, name=cycle.title), f"cycle-{cycle.slug}.ics")


urlpatterns = [
    path("sessions/", public_list, name="public_list"),
    path("sessions/cycles/<slug:slug>/", cycle_page, name="cycle"),
    path("sessions/cycles/<slug:slug>/calendrier.ics", cycle_ics, name="cycle_ics"),
    path("sessions/<slug:slug>/", session_page, name="session"),
    path("sessions/<slug:slug>/calendrier.ics", session_ics, name="session_ics"),
]
