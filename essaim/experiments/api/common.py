"""What the experiment endpoints share: error schemas, strict input, the checks of the
framing, and the writing of child objects through the forms of the pages."""

from datetime import date, datetime
from typing import Any

from django.db import models, transaction
from django.http import Http404, HttpRequest
from ninja import Schema

from essaim.api_errors import InvalidInput
from essaim.core import children
from essaim.core.children import ChildKind, bound_form
from essaim.core.concurrency import version_of
from essaim.experiments.models import Experiment


class ErrorOut(Schema):
    detail: str


# Checks and changes -------------------------------------------------------------------------------


def json_value(value: Any) -> Any:
    """A value as it is kept in the ``changes`` of a history entry."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def apply_changes(instance: models.Model, data: dict[str, Any]) -> dict[str, dict]:
    """Set ``data`` on ``instance`` and return what changed, as history ``changes``."""
    changes = {}
    for name, value in data.items():
        before = getattr(instance, name)
        if before != value:
            changes[name] = {"avant": json_value(before), "après": json_value(value)}
            setattr(instance, name, value)
    return changes


def check_not_blank(value: str, field: str, label: str) -> None:
    if not value.strip():
        raise InvalidInput(f"{label} ne peut pas être vide.", field)


def check_dates(start: date | None, end: date | None, field: str = "end_date") -> None:
    if start and end and end < start:
        raise InvalidInput("La date de fin doit être postérieure à la date de début.", field)


def blank_choice(value: str) -> str | None:
    return value or None


# Child objects, through the forms of the pages ----------------------------------------------------


def child_of(experiment: Experiment, model: type[models.Model], pk: int) -> models.Model:
    child = model.objects.filter(experiment=experiment, pk=pk).first()
    if child is None:
        raise Http404
    return child


def save_through_form(
    kind: ChildKind, experiment: Experiment, child: models.Model, data: dict, user, version=None
) -> models.Model:
    """Create or change ``child`` with the form of its page: the same checks, the same French
    messages (a 422 naming each field), the same history entry. ``version``: the version read,
    for a change (409 when someone else changed the same fields meanwhile)."""
    extra = {name: data.pop(name) for name in list(data) if name not in kind.form_class.base_fields}
    form = bound_form(
        kind=kind, parent=experiment, child=child, data=data, actor=user, version=version
    )
    for name, value in extra.items():
        setattr(form.instance, name, value)
    children.save_child(kind=kind, parent=experiment, form=form, actor=user)
    return form.instance


def as_sent(data: dict) -> dict:
    return data


def create_through_form(
    request: HttpRequest, kind: ChildKind, experiment, payload: Schema, to_form=as_sent
):
    """``to_form`` turns the fields of the API into those of the form, when they differ."""
    with transaction.atomic():
        child = kind.new_child(experiment, None)
        return save_through_form(kind, experiment, child, to_form(payload.dict()), request.user)


def update_through_form(
    request: HttpRequest,
    kind: ChildKind,
    experiment,
    child: models.Model,
    payload: Schema,
    to_form=as_sent,
):
    """Only the fields sent change; the version read comes in the body or in ``If-Match``."""
    data = payload.dict(exclude_unset=True)
    version = data.pop("version", None) or request.headers.get("If-Match")
    with transaction.atomic():
        return save_through_form(kind, experiment, child, to_form(data), request.user, version)


def child_version(kind: ChildKind, child: models.Model) -> str:
    return version_of(child, kind.form_class.base_fields)
