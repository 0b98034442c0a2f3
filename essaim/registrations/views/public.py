"""The registrant's pages, no account needed: the registration form of a published session, and
the personal page reached through the unguessable link sent by e-mail, from which they see their
registration, change it, cancel it, or take a place offered to them."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.downloads import ICS_TYPE, file_response
from essaim.core.kept_values import kept_value
from essaim.registrations import emails, services
from essaim.registrations.forms.public import RegistrationDetailsForm, RegistrationForm
from essaim.registrations.models import Answer, Registration, Status
from essaim.registrations.services import RegistrationError
from essaim.trainings.calendar import session_filename
from essaim.trainings.models import Slot, TrainingSession


def open_session(slug: str) -> TrainingSession:
    """The published session ``slug`` with its slots and questions, kept in memory while none
    of them changes (``core/kept_values.py``): a form sent by hundreds at once reads it once."""
    session = kept_value(f"registrations:session:{slug}", lambda: _published_session(slug))
    if session is None:
        raise Http404("Cette session n'existe pas ou n'est pas publiée.")
    return session


def _published_session(slug: str) -> TrainingSession | None:
    sessions = TrainingSession.objects.published().select_related("organiser", "cycle")
    return sessions.prefetch_related("slots", "questions").filter(slug=slug).first()


def registration_by_token(token: str) -> Registration:
    """The registration whose personal link this is; 404 for an unknown or anonymised one."""
    registrations = Registration.objects.select_related(
        "session__organiser", "commune"
    ).prefetch_related(
        Prefetch("session__slots", queryset=Slot.objects.all()),
        "session__questions",
        "slots",
        Prefetch("answers", queryset=Answer.objects.select_related("question")),
    )
    registration = get_object_or_404(registrations, token=token)
    if registration.anonymised_at is not None:
        raise Http404
    return registration


@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest, slug: str) -> HttpResponse:
    session = open_session(slug)
    now = timezone.now()
    if not session.registration_open(now):
        deadline = session.registration_deadline
        context = {
            "session": session,
            "places_left": services.places_left(session),
            "deadline_passed": deadline is not None and now > deadline,
        }
        return render(request, "registrations/closed.html", context)
    form = RegistrationForm(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register(
                session,
                data=form.details(),
                slots=form.chosen_slots(),
                answers=form.answers(),
                now=now,
            )
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            return redirect("registrations:mine", token=registration.token)
    # The places left are counted only for the page shown, not for a registration taken.
    context = {"session": session, "places_left": services.places_left(session), "form": form}
    return render(request, "registrations/register.html", context)


@require_safe
def mine(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_by_token(token)
    session = registration.session
    attended = {slot.pk for slot in registration.slots.all()}
    context = {
        "registration": registration,
        "session": session,
        "places_left": None,
        "slots": [(slot, not attended or slot.pk in attended) for slot in session.slots.all()],
        "answers": list(registration.answers.all()),
        "meeting_url": registration.meeting_url,
        "waiting_position": registration.waiting_position(),
        "membership_url": emails.membership_form_url(registration),
        "can_change": can_change(registration),
    }
    return render(request, "registrations/mine.html", context)


@require_safe
def calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The registrant's own .ics: the slots they attend, with the meeting link once confirmed."""
    registration = registration_by_token(token)
    if not registration.holds_a_place:
        raise Http404
    return file_response(
        emails.registrant_calendar(registration),
        filename=session_filename(registration.session),
        content_type=ICS_TYPE,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_by_token(token)
    session = registration.session
    if not can_change(registration):
        messages.error(request, "Cette inscription ne peut plus être modifiée.")
        return redirect("registrations:mine", token=token)
    form = RegistrationDetailsForm(request.POST or None, instance=registration, session=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.update(
                registration,
                data=form.details(),
                slots=form.chosen_slots(),
                answers=form.answers(),
            )
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Votre inscription est modifiée.")
            return redirect("registrations:mine", token=token)
    context = {"registration": registration, "session": session, "form": form}
    return render(request, "registrations/edit.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """A page that asks to confirm, then the cancellation itself on POST."""
    registration = registration_by_token(token)
    if not registration.is_active:
        return redirect("registrations:mine", token=token)
    if request.method == "POST":
        services.cancel(registration)
        messages.success(request, "Votre inscription est annulée. Un e-mail vous le confirme.")
        return redirect("registrations:mine", token=token)
    return render(
        request,
        "registrations/cancel.html",
        {"registration": registration, "session": registration.session},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The page the offer e-mail links to: one button takes the place (on POST, so that a mail
    scanner following the link takes nothing)."""
    registration = registration_by_token(token)
    if registration.status != Status.OFFERED:
        return redirect("registrations:mine", token=token)
    error = ""
    if request.method == "POST":
        try:
            registration = services.accept_offer(registration)
        except RegistrationError as refused:
            error = refused.message
        else:
            return redirect("registrations:mine", token=token)
    context = {"registration": registration, "session": registration.session, "error": error}
    return render(request, "registrations/accept.html", context)


def can_change(registration: Registration) -> bool:
    """A registration may change while it is active and the session has not started."""
    start = registration.session.first_start()
    return registration.is_active and (start is None or timezone.now() < start)


urlpatterns = [
    path("sessions/<slug:slug>/inscription/", register, name="register"),
    path("inscriptions/<str:token>/", mine, name="mine"),
    path("inscriptions/<str:token>/agenda.ics", calendar, name="calendar"),
    path("inscriptions/<str:token>/modifier/", edit, name="edit"),
    path("inscriptions/<str:token>/annuler/", cancel, name="cancel"),
    path("inscriptions/<str:token>/confirmer/", accept, name="accept"),
]
