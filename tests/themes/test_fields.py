"""Picking a theme by its slug, in a form and in what the API receives."""

import pytest
from django import forms

from essaim.api_errors import InvalidInput
from essaim.themes.fields import ThemeChoiceField, get_theme_for_input
from essaim.themes.models import Theme
from tests.themes.factories import ThemeFactory, theme

pytestmark = pytest.mark.django_db


class PickForm(forms.Form):
    theme = ThemeChoiceField()


class FilterForm(forms.Form):
    theme = ThemeChoiceField(required=False, empty_label="Tous les thèmes")


def test_it_offers_the_active_themes_by_slug_in_their_order():
    ThemeFactory(slug="ancien", label="ancien thème", is_active=False)
    choices = [(str(value), label) for value, label in PickForm().fields["theme"].choices]
    assert choices[0] == ("mobilite", "mobilité")
    assert choices[-1] == ("autre", "autre")
    assert "ancien" not in dict(choices)
    assert '<option value="habitat">habitat et cadre de vie</option>' in str(PickForm()["theme"])


def test_it_reads_a_slug_and_refuses_an_inactive_or_unknown_one():
    ThemeFactory(slug="ancien", label="ancien thème", is_active=False)
    form = PickForm({"theme": "habitat"})
    assert form.is_valid()
    assert form.cleaned_data["theme"] == theme("habitat")
    for value in ("ancien", "astronomie", ""):
        form = PickForm({"theme": value})
        assert not form.is_valid()
        assert form.errors["theme"]


def test_an_optional_field_starts_with_its_empty_label():
    field = FilterForm().fields["theme"]
    assert next(iter(field.choices)) == ("", "Tous les thèmes")
    form = FilterForm({"theme": ""})
    assert form.is_valid()
    assert form.cleaned_data["theme"] is None


def test_it_keeps_offering_the_theme_a_row_holds():
    ThemeFactory(slug="ancien", label="ancien thème", is_active=False)
    form = PickForm({"theme": "ancien"})
    form.fields["theme"].offer("ancien")
    assert form.is_valid()
    assert form.cleaned_data["theme"].label == "ancien thème"


def test_the_api_reads_a_slug_or_lists_the_possible_values_in_french():
    assert get_theme_for_input("eau", themes=Theme.objects.active()) == theme("eau")
    with pytest.raises(InvalidInput) as refused:
        get_theme_for_input("astronomie", themes=Theme.objects.active())
    assert refused.value.field == "theme"
    assert refused.value.message.startswith("Thème inconnu : « astronomie ». Valeurs possibles : ")
    assert "mobilite, services, energie" in refused.value.message
    assert refused.value.message.endswith("sante, autre.")
