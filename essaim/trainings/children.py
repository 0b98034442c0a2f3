"""Adding, changing, deleting and reordering the parts of a session's programme (slots,
speakers, testimonies, registration questions) through one set of views, described once per
kind by a :class:`ProgrammePart` — the pattern of the experiments' child pages, for sessions.

Every change is written in the session's history."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST

from essaim.core.history import changed_labels, describe_changes
from essaim.roles.models import Perm
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession
from essaim.trainings.services import move_child
from essaim.trainings.tabs import session_context


@dataclass(frozen=True)
class ProgrammePart:
    model: type[models.Model]
    form_class: type[forms.ModelForm]
    label: str
    anchor: str
    feminine: bool = False
    # Whether people order these by hand (a « position » field) rather than by date.
    ordered: bool = True
    # What deleting one also undoes, said before it is done (or "").
    delete_warning: Callable[[models.Model], str] = field(default=lambda item: "")

    @property
    def indefinite(self) -> str:
        """« une séance », « un témoignage »."""
        return f"{'une' if self.feminine else 'un'} {self.label}"

    def done(self, verb: str) -> str:
        ending = "e" if self.feminine else ""
        words = {"created": "ajouté", "updated": "modifié", "moved": "déplacé"}
        return f"{words.get(verb, 'supprimé')}{ending}"

    def back_url(self, session: TrainingSession) -> str:
        return f"{reverse('trainings:programme', args=[session.pk])}#{self.anchor}"

    def get(self, session: TrainingSession, pk: int) -> models.Model:
        item = self.model.objects.filter(session=session, pk=pk).first()
        if item is None:
            raise Http404("Cette page n'existe pas.")
        return item


@login_required
@require_http_methods(["GET", "POST"])
def edit_part(
    request: HttpRequest, session_pk: int, *, part: ProgrammePart, pk: int | None = None
) -> HttpResponse:
    """Add (``pk`` is None) or change one part of the programme."""
    session = get_session_for(request.user, session_pk, Perm.EDIT)
    instance = part.model(session=session) if pk is None else part.get(session, pk)
    form = part.form_class(
        request.POST or None, instance=instance, session=session, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            if pk is None and part.ordered:
                last = part.model.objects.filter(session=session).aggregate(
                    last=models.Max("position")
                )["last"]
                form.instance.position = (last or 0) + 1
            changes = describe_changes(form) if pk is not None else {}
            item = form.save()
            verb = "created" if pk is None else "updated"
            summary = f"Programme : {part.label} « {_short(item)} » {part.done(verb)}"
            if changes:
                summary = f"{summary} ({changed_labels(changes)})"
            if verb == "created" or changes:
                session.log_action(request.user, verb, summary, changes)
        messages.success(
            request, f"{part.label.capitalize()} « {_short(item)} » {part.done(verb)}."
        )
        return redirect(part.back_url(session))
    context = {
        **session_context(session, request.user, "programme"),
        "form": form,
        "part": part,
        "instance": instance if pk is not None else None,
        "back_url": part.back_url(session),
    }
    return render(request, "trainings/part_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def delete_part(
    request: HttpRequest, session_pk: int, *, part: ProgrammePart, pk: int
) -> HttpResponse:
    session = get_session_for(request.user, session_pk, Perm.EDIT)
    instance = part.get(session, pk)
    if request.method == "POST":
        with transaction.atomic():
            summary = f"Programme : {part.label} « {_short(instance)} » {part.done('deleted')}"
            instance.delete()
            session.log_action(request.user, "deleted", summary)
        messages.success(
            request, f"{part.label.capitalize()} « {_short(instance)} » {part.done('deleted')}."
        )
        return redirect(part.back_url(session))
    context = {
        **session_context(session, request.user, "programme"),
        "part": part,
        "instance": instance,
        "warning": part.delete_warning(instance),
        "back_url": part.back_url(session),
    }
    return render(request, "trainings/part_confirm_delete.html", context)


@login_required
@require_POST
def move_part(
    request: HttpRequest, session_pk: int, *, part: ProgrammePart, pk: int
) -> HttpResponse:
    """Move one part up (``direction=up``) or down among its kind."""
    session = get_session_for(request.user, session_pk, Perm.EDIT)
    with transaction.atomic():
        items = list(part.model.objects.select_for_update().filter(session=session))
        item = next((each for each in items if each.pk == pk), None)
        if item is None:
            raise Http404("Cette page n'existe pas.")
        offset = -1 if request.POST.get("direction") == "up" else 1
        if move_child(items=items, item=item, offset=offset):
            where = "plus haut" if offset < 0 else "plus bas"
            session.log_action(
                request.user,
                "updated",
                f"Programme : {part.label} « {_short(item)} » {part.done('moved')} {where}",
            )
    programme_url = reverse("trainings:programme", args=[session.pk])
    return redirect(f"{programme_url}#{part.anchor}-{item.pk}")


def _short(obj: models.Model, limit: int = 80) -> str:
    text = str(obj)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def part_urls(prefix: str, part: ProgrammePart, name: str) -> list:
    """The add / change / delete (and move, for ordered parts) URLs of one kind of part, named
    ``add_<name>``, ``edit_<name>``, ``delete_<name>``, ``move_<name>``."""
    base = f"formations/<int:session_pk>/programme/{prefix}"
    urls = [
        path(f"{base}/ajouter/", edit_part, {"part": part}, name=f"add_{name}"),
        path(f"{base}/<int:pk>/modifier/", edit_part, {"part": part}, name=f"edit_{name}"),
        path(f"{base}/<int:pk>/supprimer/", delete_part, {"part": part}, name=f"delete_{name}"),
    ]
    if part.ordered:
        urls.append(
            path(f"{base}/<int:pk>/deplacer/", move_part, {"part": part}, name=f"move_{name}")
        )
    return urls
