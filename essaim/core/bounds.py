"""The bounds of ``essaim.lib.bounds`` on the forms: every form of the project derives from
:class:`BoundedFormMixin` (``tests/core/test_bounds.py`` checks it), which gives each of its
fields the rule of its kind when it is validated — the fields a form adds in its own
``__init__`` included. The API writes through these forms, or checks its own schemas with the
types below; the imports call ``essaim.lib.bounds`` through ``essaim.lib.french_csv``."""

import datetime
from typing import Annotated

from django import forms
from django.core.exceptions import ValidationError
from pydantic import AfterValidator

from essaim.lib import bounds
from essaim.lib.bounds import OutOfBounds, sentence

_BOUNDED = "_essaim_bounded"


def _validator(check, code: str):
    def validate(value) -> None:
        if value is None or value == "":
            return
        try:
            check(value)
        except OutOfBounds as error:
            raise ValidationError(sentence(error.message), code=code) from None

    validate.__name__ = f"validate_{code}"
    return validate


validate_date = _validator(bounds.check_date, "date_out_of_range")
validate_count = _validator(bounds.check_count, "count_too_large")
validate_single_line = _validator(bounds.check_single_line, "not_single_line")


def is_single_line(field: forms.Field) -> bool:
    """A text typed on one line: a text field that is not a text area (nor a password, which
    is compared, never shown)."""
    return isinstance(field, forms.CharField) and not isinstance(
        field.widget, forms.Textarea | forms.PasswordInput
    )


def is_count(field: forms.Field) -> bool:
    """A whole number typed by people (not a decimal, nor a hidden key)."""
    return (
        isinstance(field, forms.IntegerField)
        and not isinstance(field, forms.DecimalField | forms.FloatField)
        and not isinstance(field.widget, forms.HiddenInput)
    )


def bound_field(field: forms.Field) -> None:
    """Give ``field`` the rule of its kind, once."""
    if getattr(field, _BOUNDED, False):
        return
    setattr(field, _BOUNDED, True)
    if isinstance(field, forms.DateField | forms.DateTimeField):
        field.validators.append(validate_date)
        if isinstance(field.widget, forms.DateInput):
            field.widget.attrs.setdefault("min", bounds.EARLIEST_DATE.isoformat())
            field.widget.attrs.setdefault("max", bounds.LATEST_DATE.isoformat())
    elif is_count(field):
        if field.max_value is None or field.max_value > bounds.MAX_COUNT:
            field.validators.append(validate_count)
            field.widget.attrs["max"] = bounds.MAX_COUNT
    elif is_single_line(field):
        field.validators.append(validate_single_line)


class BoundedFormMixin:
    """Bounds every field of the form by the rule of its kind (see ``essaim.lib.bounds``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            bound_field(field)

    def full_clean(self) -> None:
        for field in self.fields.values():
            bound_field(field)
        super().full_clean()


class BoundedForm(BoundedFormMixin, forms.Form):
    pass


class BoundedModelForm(BoundedFormMixin, forms.ModelForm):
    pass


# The same rules on the API's own schemas (the endpoints that do not write through a form).


def _pydantic(check):
    def validate(value):
        try:
            check(value)
        except OutOfBounds as error:
            raise ValueError(sentence(error.message)) from None
        return value

    return AfterValidator(validate)


BoundedDate = Annotated[datetime.date, _pydantic(bounds.check_date)]
SingleLine = Annotated[str, _pydantic(bounds.check_single_line)]
