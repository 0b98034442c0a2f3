"""The history of a shared object, written one way: :class:`Tracked` gives a model
``log_action()`` and ``history()``; :func:`describe_changes` (from a form) and
:func:`changes_between` (from two sets of values) write what changed in the one format every
history page reads::

    {"Nombre de places": {"avant": "10", "après": "15"}}

keyed by the field's label, with the values as people read them (:func:`readable`). Pages and
the API call the same helpers, so the same change reads the same wherever it was made."""

import datetime
from decimal import Decimal

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone

from essaim.core.models import HistoryEntry, HistoryQuerySet, record_history
from essaim.lib import french

LONGEST_VALUE = 200
ENTRIES_PER_PAGE = 50


class Tracked:
    """A model whose important changes are written in its history."""

    def log_action(self, actor, verb: str, summary: str, changes: dict | None = None) -> None:
        record_history(self, actor=actor, verb=verb, summary=summary, changes=changes)

    def history(self) -> HistoryQuerySet:
        """Its entries, newest first."""
        return HistoryEntry.objects.of(self)


def readable(field: forms.Field, value) -> str:
    """``value`` of ``field`` as a person reads it: the label of a choice, « oui » / « non »,
    a French date, a French number or amount in euros, the name of a related object; long
    texts cut short."""
    if isinstance(field, forms.ModelChoiceField):
        # A choice is kept by its key: the primary key, or the field the form sends (a slug).
        key = field.to_field_name or "pk"
        manager = field.queryset.model._default_manager
    if isinstance(field, forms.ModelMultipleChoiceField) and value is not None:
        items = list(value)
        if items and not isinstance(items[0], models.Model):
            items = manager.filter(**{f"{key}__in": items})
        value = ", ".join(sorted(str(item) for item in items))
    elif isinstance(field, forms.ModelChoiceField) and not isinstance(value, models.Model):
        value = manager.filter(**{key: value}).first() if value else None
    elif isinstance(field, forms.MultipleChoiceField) and isinstance(value, list | tuple):
        labels = dict(field.choices)
        value = ", ".join(str(labels.get(item, item)) for item in value)
    elif isinstance(field, forms.ChoiceField):
        value = dict(field.choices).get(value, value)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, datetime.datetime):
        moment = timezone.localtime(value)
        return f"{french.long_date(moment.date())} à {french.hour(moment.time())}"
    if isinstance(value, datetime.date):
        return french.long_date(value)
    if isinstance(value, datetime.time):
        return french.hour(value)
    if isinstance(value, Decimal | float) or (
        isinstance(value, int) and isinstance(field, forms.DecimalField | forms.FloatField)
    ):
        return readable_number(field, value)
    text = str(value)
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def readable_number(field: forms.Field, value: Decimal | float | int) -> str:
    """« 12 500,50 € » for a field whose label says it holds euros (« Montant (€) »), else
    « 1 234,567 »: thousands grouped, a decimal comma, every decimal the value has."""
    if "€" in str(field.label or ""):
        return french.euros(value)
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    return french.number(amount, max(0, -amount.normalize().as_tuple().exponent))


def describe_changes(form: forms.BaseForm) -> dict[str, dict[str, str]]:
    """{label: {"avant": …, "après": …}} for every field ``form`` changed (after
    ``is_valid()``)."""
    changes = {}
    for name in form.changed_data:
        field = form.fields[name]
        before = readable(field, form.initial.get(name))
        after = readable(field, form.cleaned_data.get(name))
        if before != after:
            changes[str(field.label)] = {"avant": before, "après": after}
    return changes


def changes_between(
    before: dict, after: dict, fields: dict[str, forms.Field]
) -> dict[str, dict[str, str]]:
    """The same as :func:`describe_changes`, from the values ``before`` and ``after`` of the
    ``fields`` (by name) that a caller changed without a form."""
    changes = {}
    for name, field in fields.items():
        if name not in after:
            continue
        old, new = readable(field, before.get(name)), readable(field, after[name])
        if old != new:
            changes[str(field.label)] = {"avant": old, "après": new}
    return changes


def changed_labels(changes: dict) -> str:
    """« titre, nombre de places »."""
    return ", ".join(label[:1].lower() + label[1:] for label in changes)


def change_rows(entry: HistoryEntry) -> list[tuple[str, str, str]]:
    """(label, before, after) for each change of ``entry`` written in the one format; entries
    that keep something else (a stage, the addresses written to) show none."""
    rows = []
    for label, values in (entry.changes or {}).items():
        if not isinstance(values, dict) or set(values) != {"avant", "après"}:
            return []
        rows.append((label, values["avant"], values["après"]))
    return rows


def history_page(
    request: HttpRequest, obj: models.Model, *, filter_form=None, per_page: int = ENTRIES_PER_PAGE
) -> dict:
    """What the history page of ``obj`` shows (the ``core/history.html`` partial): its entries,
    newest first, a page at a time, filtered by ``filter_form`` (its ``filter(entries)`` returns
    the entries kept and whether it filtered) when given."""
    entries = HistoryEntry.objects.of(obj).select_related("actor")
    is_filtered = False
    if filter_form is not None:
        entries, is_filtered = filter_form.filter(entries)
    page = Paginator(entries, per_page).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    for entry in page.object_list:
        entry.change_rows = change_rows(entry)
    return {"entries": page, "is_filtered": is_filtered, "form": filter_form}
