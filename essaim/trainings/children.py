"""The parts of a session's programme (slots, speakers, testimonies, registration questions),
added, changed, deleted and reordered through the generic child views of
:mod:`essaim.core.children`, described once per kind by :func:`ProgrammePart`.

Every change is written in the session's history."""

from collections.abc import Callable

from django import forms
from django.db import models
from django.urls import reverse

from essaim.core.children import ChildKind, ParentKind, child_routes
from essaim.trainings.access import get_session_for
from essaim.trainings.models import TrainingSession
from essaim.trainings.tabs import session_context

SESSION = ParentKind(fetch=get_session_for, context=session_context, url_kwarg="session_pk")


def ProgrammePart(
    *,
    model: type[models.Model],
    form_class: type[forms.ModelForm],
    label: str,
    anchor: str,
    feminine: bool = False,
    ordered: bool = True,
    delete_warning: Callable[[models.Model], str] = lambda item: "",
    after_update: Callable | None = None,
    before_delete: Callable | None = None,
) -> ChildKind:
    """One kind of part of the programme; ``ordered``: people order these by hand (a
    « position » field) rather than by date; ``delete_warning``: what deleting one also
    undoes, said before it is done (or ""); ``after_update`` and ``before_delete``: see
    :class:`ChildKind`."""

    def back_url(session: TrainingSession, item=None) -> str:
        url = f"{reverse('trainings:programme', args=[session.pk])}#{anchor}"
        return f"{url}-{item.pk}" if item is not None else url

    return ChildKind(
        parent=SESSION,
        model=model,
        form_class=form_class,
        label=label,
        tab="programme",
        back_url=back_url,
        children_of=lambda session: model.objects.filter(session=session),
        new_child=lambda session, owner_pk: model(session=session),
        feminine=feminine,
        form_kwargs=lambda session, user: {"session": session, "user": user},
        history_prefix="Programme : ",
        with_changes=True,
        ordered=ordered,
        delete_warning=delete_warning,
        after_update=after_update,
        before_delete=before_delete,
        template_name="trainings/part_form.html",
        delete_template_name="trainings/part_confirm_delete.html",
        context_name="part",
    )


def part_urls(prefix: str, part: ChildKind, name: str) -> list:
    """The add / change / delete (and move, for ordered parts) URLs of one kind of part, named
    ``add_<name>``, ``edit_<name>``, ``delete_<name>``, ``move_<name>``."""
    return child_routes(
        base=f"formations/<int:session_pk>/programme/{prefix}", kind=part, name=name
    )
