"""Every form of the project bounds the values people type by the rule of their kind."""

import importlib
import pkgutil

import pytest
from django import forms

import essaim
from essaim.core.bounds import BoundedForm, BoundedFormMixin

# Below the socle in the layers, these apps cannot use it; their forms take an e-mail address,
# a name and a password.
BELOW_THE_SOCLE = ("essaim.accounts.", "essaim.roles.")
NOT_IMPORTED = (".migrations", ".management", "essaim.__main__", "essaim.cli", "essaim.wsgi")


def every_form_class() -> list[type]:
    for module in pkgutil.walk_packages(essaim.__path__, "essaim."):
        if not any(part in module.name for part in NOT_IMPORTED):
            importlib.import_module(module.name)
    found, pending = [], [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("essaim.") and subclass.__module__ != (
                "essaim.core.bounds"
            ):
                found.append(subclass)
    return found


def test_every_form_of_the_project_is_bounded():
    classes = every_form_class()

    assert len(classes) > 50
    unbounded = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in classes
        if not issubclass(cls, BoundedFormMixin) and not cls.__module__.startswith(BELOW_THE_SOCLE)
    ]
    assert unbounded == []


class EventForm(BoundedForm):
    title = forms.CharField()
    description = forms.CharField(widget=forms.Textarea, required=False)
    day = forms.DateField()
    starts_at = forms.DateTimeField(required=False)
    places = forms.IntegerField(min_value=0)
    budget = forms.DecimalField(max_digits=14, decimal_places=2, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"] = forms.CharField(required=False)  # added after the mixin's turn


VALID = {"title": "Atelier compost", "day": "2026-03-12", "places": "12"}
DATE_MESSAGE = "La date doit être comprise entre le 01/01/1900 et le 31/12/2100."


def test_it_accepts_plausible_values_and_keeps_line_breaks_in_a_text_area():
    form = EventForm({**VALID, "description": "Première ligne\r\nSeconde ligne"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["description"] == "Première ligne\r\nSeconde ligne"


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_it_refuses_an_implausible_date(day):
    form = EventForm({**VALID, "day": day, "starts_at": f"{day} 10:00"})

    assert not form.is_valid()
    assert form.errors["day"] == [DATE_MESSAGE]
    assert form.errors["starts_at"] == [DATE_MESSAGE]


def test_it_offers_the_bounds_to_the_date_picker():
    widget = EventForm().fields["day"].widget

    assert (widget.attrs["min"], widget.attrs["max"]) == ("1900-01-01", "2100-12-31")


def test_it_refuses_a_line_break_in_a_single_line_text_even_in_a_field_added_later():
    form = EventForm({**VALID, "title": "Atelier\ncompost", "place": "Salle\r\n2"})

    assert not form.is_valid()
    message = "Ce texte doit tenir sur une ligne, sans retour à la ligne ni caractère de contrôle."
    assert form.errors["title"] == [message]
    assert form.errors["place"] == [message]


def test_a_decimal_amount_is_bounded_by_its_digits_not_as_a_count():
    assert EventForm({**VALID, "budget": "2500000.50"}).is_valid()


def test_it_refuses_a_number_too_large_for_any_count():
    form = EventForm({**VALID, "places": "99999999999"})

    assert not form.is_valid()
    assert form.errors["places"] == ["Ce nombre est trop grand : un million au plus."]
