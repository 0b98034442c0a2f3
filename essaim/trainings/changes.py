"""What a form changed, written for the history: the label of each field changed, with its value
before and after, as people read them."""

import datetime
from decimal import Decimal

from django import forms
from django.db import models
from django.utils import timezone

from essaim.lib import french

LONGEST_VALUE = 200


def readable(field: forms.Field, value) -> str:
    """``value`` of ``field`` as a person reads it: the label of a choice, « oui » / « non »,
    a French date, the name of a related object; long texts cut short."""
    if isinstance(field, forms.ModelChoiceField) and not isinstance(value, models.Model):
        value = field.queryset.model._default_manager.filter(pk=value).first() if value else None
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
    if isinstance(value, Decimal):
        return f"{value.normalize():f}".replace(".", ",")
    text = str(value)
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"


def form_changes(form: forms.ModelForm) -> dict[str, dict[str, str]]:
    """{label: {"avant": …, "après": …}} for every field ``form`` changed (after is_valid())."""
    changes = {}
    for name in form.changed_data:
        field = form.fields[name]
        before = readable(field, form.initial.get(name))
        after = readable(field, form.cleaned_data.get(name))
        if before != after:
            changes[str(field.label)] = {"avant": before, "après": after}
    return changes


def changed_labels(changes: dict) -> str:
    """« titre, nombre de places »."""
    return ", ".join(label[:1].lower() + label[1:] for label in changes)
