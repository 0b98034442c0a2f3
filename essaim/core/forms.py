from html import escape

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe


class EssaimFormRenderer(DjangoTemplates):
    """Renders every form with our accessible markup: visible labels, « (facultatif) » on
    optional fields, help and errors tied to their input by ``aria-describedby``."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class OptionsSelect(forms.Select):
    """A ``<select>`` among flat choices whose options are written in one pass, without a
    template per option: the same markup as Django's, drawn many times faster when the
    options are many (the territories of a filter)."""

    template_name = "core/forms/options_select.html"

    def get_context(self, name: str, value, attrs: dict | None) -> dict:
        context = forms.Widget.get_context(self, name, value, attrs)
        chosen = set(context["widget"]["value"])
        options = []
        for option, label in self.choices:
            value = str(option)
            selected = " selected" if value in chosen else ""
            text = label.__html__() if hasattr(label, "__html__") else escape(str(label))
            options.append(f'<option value="{escape(value)}"{selected}>{text}</option>')
        context["widget"]["options"] = mark_safe("\n".join(options))
        return context


class LoadedChoiceIterator(ModelChoiceIterator):
    """The options of a :class:`LoadedModelChoiceField`, from the rows it has already read."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.field.rows():
            yield self.choice(row)

    def __len__(self) -> int:
        return len(self.field.rows()) + (self.field.empty_label is not None)

    def __bool__(self) -> bool:
        return self.field.empty_label is not None or bool(self.field.rows())


class LoadedModelChoiceField(forms.ModelChoiceField):
    """A choice among a few rows (the filters of a list), read once per form: the same rows
    check the choice sent and draw the options, one query instead of two."""

    iterator = LoadedChoiceIterator
    widget = OptionsSelect

    def rows(self) -> list:
        if self._rows is None:
            self._rows = list(self.queryset)
        return self._rows

    def use_rows(self, rows: list) -> None:
        """Take ``rows``, the rows of its queryset already read: several forms of one page
        (one per row of a list) then share one query."""
        self._rows = list(rows)

    def _set_queryset(self, queryset) -> None:
        self._rows = None
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        for row in self.rows():
            if str(getattr(row, key)) == str(value):
                return row
        raise ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


def tell_errors(request, form: forms.BaseForm) -> None:
    """The errors of a small form posted from a page (a status, a remark, a pseudonym), told
    as messages on the page it returns to."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
