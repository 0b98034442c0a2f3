"""The parts of a programme (stages, deliverables, members of the accompaniment group, the
contacts of a territory, the slots of a visit) added, changed and deleted through the generic
child views of :mod:`essaim.core.children`. Every change is written in the programme's history."""

from collections.abc import Callable

from django import forms
from django.db import models
from django.urls import reverse

from essaim.core.children import ChildKind, ParentKind, child_routes
from essaim.programmes.access import get_programme_for, get_team_programme_for
from essaim.programmes.tabs import programme_context

PROGRAMME = ParentKind(fetch=get_programme_for, context=programme_context, url_kwarg="programme_pk")
# The parts drawn from the interview notes (the themes): the programme's team alone.
TEAM_PROGRAMME = ParentKind(
    fetch=get_team_programme_for, context=programme_context, url_kwarg="programme_pk"
)


def ProgrammePart(
    *,
    model: type[models.Model],
    form_class: type[forms.ModelForm],
    label: str,
    tab: str,
    back_url: Callable[..., str],
    path_to_programme: str = "programme",
    new_child: Callable[..., models.Model] | None = None,
    feminine: bool = False,
    owner_of: Callable[..., models.Model | None] = lambda item: None,
    owner_in_url: bool = False,
    parent: ParentKind = PROGRAMME,
    delete_warning: Callable[[models.Model], str] = lambda item: "",
    anonymous_history: Callable[[models.Model], str] | None = None,
) -> ChildKind:
    """One kind of part of a programme, reached through ``path_to_programme`` (``programme``,
    ``territory__programme``…); a part of an intermediate row (the contact of a territory, the
    slot of a visit) takes that row's pk in its URL (``owner_in_url``) and ``new_child`` makes
    it from it. A part that is a person (a contact, a member of the group) is written in the
    history without their name nor what changed (``anonymous_history``: (part) -> what it is,
    « Référent de « Pays X » »): an erased name has nothing to leave behind there."""
    done = {"created": "ajouté", "updated": "modifié", "deleted": "retiré"}

    def summary_of(child, verb: str) -> str:
        return f"{anonymous_history(child)} : {done.get(verb, 'déplacé')}"

    def children_of(programme) -> models.QuerySet:
        return model.objects.filter(**{path_to_programme: programme})

    return ChildKind(
        parent=parent,
        model=model,
        form_class=form_class,
        label=label,
        tab=tab,
        back_url=back_url,
        children_of=children_of,
        new_child=new_child or (lambda programme, owner_pk: model(programme=programme)),
        feminine=feminine,
        form_kwargs=lambda programme, user: {"programme": programme},
        with_changes=anonymous_history is None,
        summary_of=summary_of if anonymous_history is not None else None,
        owner_of=owner_of,
        owner_in_url=owner_in_url,
        delete_warning=delete_warning,
        template_name="programmes/part_form.html",
        delete_template_name="programmes/part_confirm_delete.html",
        context_name="part",
    )


def overview_url(anchor: str) -> Callable[..., str]:
    def back_url(programme, item=None) -> str:
        return f"{reverse('programmes:overview', args=[programme.pk])}#{anchor}"

    return back_url


def part_urls(prefix: str, part: ChildKind, name: str) -> list:
    """The add / change / delete URLs of one kind of part: ``add_<name>``, ``edit_<name>``,
    ``delete_<name>``."""
    return child_routes(base=f"programmes/<int:programme_pk>/{prefix}", kind=part, name=name)
