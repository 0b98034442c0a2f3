"""A session for its organisers: create it, change it, its summary (tab « Présentation »),
publish or withdraw it, duplicate it to prepare the next one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.history import changed_labels, describe_changes
from essaim.lib import french
from essaim.roles.models import Perm
from essaim.trainings import services
from essaim.trainings.access import cycles_editable_by, get_session_for
from essaim.trainings.forms.sessions import DuplicateForm, PublishForm, SessionForm
from essaim.trainings.models import Format, TrainingSession
from essaim.trainings.places import offer_added_places
from essaim.trainings.tabs import session_context


@login_required
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest) -> HttpResponse:
    """A new session, unpublished, owned by its creator; ``?cycle=<pk>`` puts it at the end of
    that cycle."""
    user = request.user
    cycle = cycles_editable_by(user).filter(pk=_int(request.GET.get("cycle"))).first()
    initial = {
        "cycle": cycle,
        "position": TrainingSession.next_position_in(cycle),
        "contact_name": user.get_full_name(),
        "contact_email": user.email,
    }
    form = SessionForm(request.POST or None, initial=initial, user=user)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        if session.cycle is not None and "position" not in form.changed_data:
            session.position = TrainingSession.next_position_in(session.cycle)
        session = services.create_session(session=session, by=user)
        messages.success(
            request,
            f"La session « {session.title} » est créée (non publiée) : ajoutez ses séances, "
            "ses intervenant·es et ses témoignages.",
        )
        return redirect("trainings:programme", session.pk)
    return render(request, "trainings/session_create.html", {"form": form, "session": None})


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.EDIT)
    form = SessionForm(request.POST or None, instance=session, user=request.user)
    if request.method == "POST" and form.is_valid():
        changes = describe_changes(form)
        if changes:

            def save() -> None:
                with transaction.atomic():
                    form.save()
                    session.log_action(
                        request.user,
                        "updated",
                        f"Session modifiée : {changed_labels(changes)}",
                        changes,
                    )

            if not save_or_conflict(form, save=save):
                context = {**session_context(session, request.user, "overview"), "form": form}
                return render(request, "trainings/session_edit.html", context)
            messages.success(request, "La session est enregistrée.")
            # More places: the people waiting are offered them, in order.
            if "capacity" in form.changed_data and (count := offer_added_places(session)):
                messages.info(
                    request,
                    f"{count} {french.plural(count, 'place proposée', 'places proposées')} aux "
                    "premières personnes de la liste d'attente.",
                )
        return redirect("trainings:manage", session.pk)
    context = {**session_context(session, request.user, "overview"), "form": form}
    return render(request, "trainings/session_edit.html", context)


@login_required
@require_safe
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    """Tab « Présentation »: the key figures of the session, what its announcement still
    lacks, and the actions on it."""
    queryset = (
        TrainingSession.objects.select_related("cycle", "organiser")
        .with_registration_counts()
        .prefetch_related("slots")
        .annotate(
            speaker_count=Count("speakers", distinct=True),
            testimony_count=Count("testimonies", distinct=True),
            question_count=Count("questions", distinct=True),
        )
    )
    session = get_session_for(request.user, pk, queryset=queryset)
    context = {
        **session_context(session, request.user, "overview"),
        "slots": list(session.slots.all()),
        "pending_count": session.awaiting_count,
        "checklist": announcement_checklist(session),
        "duplicate_form": DuplicateForm(),
    }
    return render(request, "trainings/manage.html", context)


def announcement_checklist(session: TrainingSession) -> list[dict]:
    """What the public page shows, filled in or not; only the programme is needed to publish."""
    slots = session.slots.all()
    where = (
        ("Lieu de la session", bool(session.venue or session.address))
        if session.format == Format.IN_PERSON
        else (
            "Lien de connexion (envoyé aux seul·es inscrit·es confirmé·es)",
            bool(session.meeting_url),
        )
    )
    items = [
        ("Pourquoi cette session ?", bool(session.why.strip())),
        ("Une session pour qui ?", bool(session.audience.strip())),
        ("Objectifs", bool(session.objectives.strip())),
        ("Au moins une séance au programme (obligatoire pour publier)", bool(slots)),
        ("Intervenant·es", session.speaker_count > 0),
        where,
        (
            "Contact",
            bool(session.contact_name and (session.contact_email or session.contact_phone)),
        ),
        ("Accessibilité aux personnes en situation de handicap", bool(session.accessibility)),
    ]
    return [{"label": label, "done": done} for label, done in items]


@login_required
@require_POST
def session_publish(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_session_for(request.user, pk, Perm.EDIT)
    form = PublishForm(request.POST)
    published = form.is_valid() and form.cleaned_data["published"]
    try:
        services.set_published(session=session, published=published, by=request.user)
    except services.CatalogueError as error:
        messages.error(request, error.message)
    else:
        if published:
            messages.success(request, "La session est publiée : sa page est ouverte à tous.")
        else:
            messages.success(request, "La session n'est plus publiée : sa page est retirée.")
    return redirect("trainings:manage", session.pk)


@login_required
@require_POST
def session_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = TrainingSession.objects.select_related("cycle", "organiser").prefetch_related(
        "slots", "speakers", "testimonies", "questions"
    )
    session = get_session_for(request.user, pk, Perm.EDIT, queryset=queryset)
    form = DuplicateForm(request.POST)
    if not form.is_valid():
        context = {
            **session_context(session, request.user, "overview"),
            "slots": list(session.slots.all()),
            "duplicate_form": form,
        }
        return render(request, "trainings/duplicate.html", context, status=400)
    copy = services.duplicate_session(
        session=session, start_date=form.cleaned_data["start_date"], by=request.user
    )
    messages.success(
        request,
        "La session est dupliquée, sans inscription et non publiée : vérifiez ses dates, "
        "son programme et ses intervenant·es avant de la publier.",
    )
    return redirect("trainings:manage", copy.pk)


urlpatterns = [
    path("formations/nouvelle/", session_create, name="session_create"),
    path("formations/<int:pk>/", manage, name="manage"),
    path("formations/<int:pk>/modifier/", session_edit, name="session_edit"),
    path("formations/<int:pk>/publication/", session_publish, name="session_publish"),
    path("formations/<int:pk>/dupliquer/", session_duplicate, name="session_duplicate"),
]
