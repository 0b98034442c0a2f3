"""Adding, changing, deleting and reordering the children of a parent object (the hypotheses of
an experiment, the slots of a session…) through one set of views.

An app describes its parent once with a :class:`ParentKind` (how to fetch it for a user with a
permission, the context of its page, where its children are listed, how to write its history)
and each kind of child with a :class:`ChildKind` (model, form, label, template); it wires the
views with ``child_routes``. Every change is written in the parent's history, and the forms
carry the version they were loaded from (:mod:`essaim.core.concurrency`)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST

from essaim.core.concurrency import VERSION_FIELD, save_or_conflict
from essaim.core.history import changed_labels, describe_changes
from essaim.core.ordering import move_among, next_position
from essaim.lib.errors import DomainError
from essaim.roles.models import Perm


@dataclass(frozen=True)
class ParentKind:
    """How the children's views reach and show their parent."""

    # (user, pk, perm) -> the parent, or Http404 / PermissionDenied.
    fetch: Callable
    # (parent, user, tab) -> the context of the parent's page with its tabs.
    context: Callable[..., dict]
    # The name of the URL argument that holds the parent's pk.
    url_kwarg: str
    base_template: str = ""

    def log(self, parent, actor, verb: str, summary: str, changes: dict | None = None) -> None:
        parent.log_action(actor, verb, summary, changes)


@dataclass(frozen=True)
class ChildKind:
    """One kind of child: its model and form, and how people name it."""

    parent: ParentKind
    model: type[models.Model]
    form_class: type[forms.ModelForm]
    label: str
    tab: str
    # (parent, child or None) -> where the children are listed.
    back_url: Callable[..., str]
    # (parent) -> the children of this kind.
    children_of: Callable[..., models.QuerySet]
    # (parent, owner pk or None) -> a new, unsaved child: its parent, or an intermediate one
    # (the body of a member, the indicator of a measurement) taken from the URL.
    new_child: Callable[..., models.Model]
    feminine: bool = False
    perm: Perm = Perm.EDIT
    # (parent, user) -> extra keyword arguments for the form.
    form_kwargs: Callable[..., dict] = field(default=lambda parent, user: {})
    # A prefix of the history summary (« Programme : »); without one the label is capitalised.
    history_prefix: str = ""
    # Whether an update names the fields changed (and writes nothing when none changed).
    with_changes: bool = False
    # Whether people order these by hand (a « position » field).
    ordered: bool = False
    # (child) -> what deleting one also undoes, said before it is done (or "").
    delete_warning: Callable[..., str] = field(default=lambda child: "")
    # (child) -> the intermediate object shown next to the title (or None).
    owner_of: Callable[..., models.Model | None] = field(default=lambda child: None)
    # Whether adding one takes the pk of that intermediate object in its URL (``parent_pk``).
    owner_in_url: bool = False
    template_name: str = ""
    delete_template_name: str = ""
    # The name the templates use for this description ("spec", "part").
    context_name: str = "spec"
    # The names of the URL arguments that hold the child's pk and, for adding, the pk of the
    # intermediate object (``owner_in_url``).
    url_kwarg: str = "pk"
    owner_url_kwarg: str = "parent_pk"
    # (child) -> the children a new one is put after (``ordered``), when not all the parent's
    # children of this kind (the questions of one questionnaire of a session).
    siblings_of: Callable[..., models.QuerySet] | None = None
    # (child) -> keyword arguments for the form that depend on the child.
    child_form_kwargs: Callable[..., dict] = field(default=lambda child: {})
    # (parent, child) -> where to go once the child is added, changed or deleted, when not
    # where the children are listed (``back_url``).
    done_url: Callable[..., str] | None = None
    # (child, verb) -> the history summary and what to tell the person, for children the app
    # words its own way (verbs: created, updated, deleted, and « moved up », « moved down »).
    summary_of: Callable[..., str] | None = None
    said_of: Callable[..., str] | None = None
    # (parent, form, actor) -> None: called in the transaction once a child is changed (the
    # form holds the values before, ``initial``, and after), to tell whom the change concerns.
    after_update: Callable[..., None] | None = None
    # (parent, child, actor) -> None: called in the transaction just before a child is deleted.
    before_delete: Callable[..., None] | None = None
    # How the move buttons say it: the name of the field, the value for up, the one for down.
    move_field: tuple[str, str, str] = ("direction", "up", "down")
    # When set, a move is refused with these messages: (neither up nor down, past the end);
    # otherwise any value but up moves down, and a move past the end does nothing.
    move_refusals: tuple[str, str] | None = None

    @property
    def indefinite(self) -> str:
        """« une hypothèse », « un indicateur »."""
        return f"{'une' if self.feminine else 'un'} {self.label}"

    def done(self, verb: str) -> str:
        ending = "e" if self.feminine else ""
        words = {"created": "ajouté", "updated": "modifié", "moved": "déplacé"}
        return f"{words.get(verb, 'supprimé')}{ending}"

    def said(self, child: models.Model, verb: str) -> str:
        """« Hypothèse « Les habitants… » ajoutée »."""
        if self.said_of is not None:
            return self.said_of(child, verb)
        return f"{self.label.capitalize()} « {short(child)} » {self.done(verb)}"

    def summary(self, child: models.Model, verb: str) -> str:
        if self.summary_of is not None:
            return self.summary_of(child, verb)
        if not self.history_prefix:
            return self.said(child, verb)
        return f"{self.history_prefix}{self.label} « {short(child)} » {self.done(verb)}"

    def url_after(self, parent, child: models.Model) -> str:
        """Where to go once ``child`` is added, changed or deleted."""
        if self.done_url is not None:
            return self.done_url(parent, child)
        return self.back_url(parent, None)

    def get(self, parent, pk: int) -> models.Model:
        child = self.children_of(parent).filter(pk=pk).first()
        if child is None:
            raise Http404("Cette page n'existe pas.")
        return child


def short(obj: models.Model, limit: int = 80) -> str:
    text = str(obj)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def save_child(*, kind: ChildKind, parent, form: forms.ModelForm, actor) -> str:
    """Save the child of ``form`` (valid) and write the parent's history; return what to tell
    the person. Raises :class:`EditConflict` when someone else changed the same fields."""
    is_new = form.instance.pk is None
    verb = "created" if is_new else "updated"
    with transaction.atomic():
        if is_new and kind.ordered:
            siblings = kind.siblings_of or (lambda child: kind.children_of(parent))
            form.instance.position = next_position(siblings(form.instance))
        changes = describe_changes(form) if kind.with_changes and not is_new else {}
        child = form.save()
        if not is_new and kind.after_update is not None:
            kind.after_update(parent, form, actor)
        summary = kind.summary(child, verb)
        if not kind.with_changes:
            kind.parent.log(parent, actor, verb, summary)
        elif is_new or changes:
            if changes:
                summary = f"{summary} ({changed_labels(changes)})"
            kind.parent.log(parent, actor, verb, summary, changes)
    return f"{kind.said(child, verb)}."


class FormRefused(DomainError):
    """Data sent without a form (the API) that the child's form refuses: ``errors`` lists
    ``{"champ": …, "message": …}``, the messages of the page."""

    def __init__(self, form: forms.BaseForm) -> None:
        self.errors = [
            {"champ": name if name != "__all__" else "requête", "message": str(message)}
            for name, messages_ in form.errors.items()
            for message in messages_
        ]
        super().__init__(self.errors[0]["message"])


def bound_form(
    *, kind: ChildKind, parent, child: models.Model, data: dict, actor, version: str | None = None
) -> forms.ModelForm:
    """The form of the page, filled with the current values of ``child`` and, over them, with
    ``data`` (only the fields sent change), and validated: :class:`FormRefused` when it is
    not valid, :class:`EditConflict` when someone else changed the same fields since
    ``version``, the version the caller read (if any)."""
    return filled_form(
        kind.form_class,
        instance=child,
        data=data,
        version=version,
        **kind.form_kwargs(parent, actor),
    )


def filled_form(
    form_class: type[forms.ModelForm], *, instance, data: dict, version: str | None = None, **kwargs
) -> forms.ModelForm:
    """``form_class`` (a versioned model form) filled with the current values of ``instance``
    and, over them, with ``data`` — only the fields sent change — then validated:
    :class:`FormRefused` when it is not valid, :class:`EditConflict` when someone else changed
    the same fields since ``version``. What the API writes through the forms of the pages."""
    values = {}
    current = form_class(instance=instance, **kwargs)
    for name in current.fields:
        if name != VERSION_FIELD:
            values[name] = current[name].value()
    for name, value in data.items():
        if name in current.fields:
            values[name] = "" if value is None else value
    if version:
        values[VERSION_FIELD] = version
    form = form_class(values, instance=instance, **kwargs)
    if not form.is_valid():
        if form.edit_conflict is not None:
            raise form.edit_conflict
        raise FormRefused(form)
    return form


def delete_child(*, kind: ChildKind, parent, child: models.Model, actor) -> str:
    with transaction.atomic():
        summary = kind.summary(child, "deleted")
        if kind.before_delete is not None:
            kind.before_delete(parent, child, actor)
        child.delete()
        kind.parent.log(parent, actor, "deleted", summary)
    return f"{kind.said(child, 'deleted')}."


@login_required
@require_http_methods(["GET", "POST"])
def edit_child_view(request: HttpRequest, *, kind: ChildKind, **route) -> HttpResponse:
    """Add (no child's pk in the URL) or change one child."""
    parent = kind.parent.fetch(request.user, route[kind.parent.url_kwarg], kind.perm)
    pk = route.get(kind.url_kwarg)
    if pk is None:
        instance = kind.new_child(parent, route.get(kind.owner_url_kwarg))
    else:
        instance = kind.get(parent, pk)
    form = kind.form_class(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        **kind.form_kwargs(parent, request.user),
        **kind.child_form_kwargs(instance),
    )
    said = []

    def save() -> None:
        said.append(save_child(kind=kind, parent=parent, form=form, actor=request.user))

    if request.method == "POST" and form.is_valid() and save_or_conflict(form, save=save):
        messages.success(request, said[0])
        return redirect(kind.url_after(parent, instance))
    context = {
        **kind.parent.context(parent, request.user, kind.tab),
        "form": form,
        kind.context_name: kind,
        "instance": instance if pk is not None else None,
        "parent": kind.owner_of(instance),
        "back_url": kind.back_url(parent, None),
    }
    return render(request, kind.template_name, context)


@login_required
@require_http_methods(["GET", "POST"])
def delete_child_view(request: HttpRequest, *, kind: ChildKind, **route) -> HttpResponse:
    parent = kind.parent.fetch(request.user, route[kind.parent.url_kwarg], kind.perm)
    child = kind.get(parent, route[kind.url_kwarg])
    if request.method == "POST":
        messages.success(
            request, delete_child(kind=kind, parent=parent, child=child, actor=request.user)
        )
        return redirect(kind.url_after(parent, child))
    context = {
        **kind.parent.context(parent, request.user, kind.tab),
        kind.context_name: kind,
        "instance": child,
        "warning": kind.delete_warning(child),
        "back_url": kind.back_url(parent, None),
    }
    return render(request, kind.delete_template_name, context)


@login_required
@require_POST
def move_child_view(request: HttpRequest, *, kind: ChildKind, **route) -> HttpResponse:
    """Move one child up (``direction=up``) or down among its kind (among its siblings, with
    ``siblings_of``)."""
    parent = kind.parent.fetch(request.user, route[kind.parent.url_kwarg], kind.perm)
    pk = route[kind.url_kwarg]
    name, up, down = kind.move_field
    sent = request.POST.get(name)
    if kind.move_refusals is not None and sent not in (up, down):
        item = kind.get(parent, pk)
        messages.error(request, kind.move_refusals[0])
        return redirect(kind.back_url(parent, item))
    offset = -1 if sent == up else 1
    with transaction.atomic():
        siblings = kind.children_of(parent)
        if kind.siblings_of is not None:
            siblings = kind.siblings_of(kind.get(parent, pk))
        items = list(siblings.select_for_update())
        item = next((each for each in items if each.pk == pk), None)
        if item is None:
            raise Http404("Cette page n'existe pas.")
        moved = move_among(items=items, item=item, offset=offset)
        if moved and kind.summary_of is not None:
            summary = kind.summary_of(item, "moved up" if offset < 0 else "moved down")
            kind.parent.log(parent, request.user, "updated", summary)
        elif moved:
            where = "plus haut" if offset < 0 else "plus bas"
            kind.parent.log(
                parent, request.user, "updated", f"{kind.summary(item, 'moved')} {where}"
            )
    if not moved and kind.move_refusals is not None:
        messages.error(request, kind.move_refusals[1])
    return redirect(kind.back_url(parent, item))


def child_routes(*, base: str, kind: ChildKind, name: str) -> list:
    """The add / change / delete (and move, for ordered children) URLs of one kind of child
    under ``base`` (which holds the parent's pk), named ``add_<name>``, ``edit_<name>``,
    ``delete_<name>`` and ``move_<name>``."""
    add = (
        f"{base}/<int:{kind.owner_url_kwarg}>/ajouter/" if kind.owner_in_url else f"{base}/ajouter/"
    )
    routes = [
        path(add, edit_child_view, {"kind": kind}, name=f"add_{name}"),
        path(
            f"{base}/<int:{kind.url_kwarg}>/modifier/",
            edit_child_view,
            {"kind": kind},
            name=f"edit_{name}",
        ),
        path(
            f"{base}/<int:{kind.url_kwarg}>/supprimer/",
            delete_child_view,
            {"kind": kind},
            name=f"delete_{name}",
        ),
    ]
    if kind.ordered:
        routes.append(
            path(
                f"{base}/<int:{kind.url_kwarg}>/deplacer/",
                move_child_view,
                {"kind": kind},
                name=f"move_{name}",
            )
        )
    return routes
