"""The commune and EPCI pickers, in a form that could belong to any app."""

import re

from django import forms
from django.http import QueryDict

from essaim.territories.models import Commune, Epci
from essaim.territories.widgets import CommunePickerField, EpciPickerField
from tests.territories.conftest import CREST, CRESTOIS_SIREN, SAILLANS


class MeetingForm(forms.Form):
    title = forms.CharField(label="Titre")
    communes = CommunePickerField(help_text="Les communes concernées.")
    epci = EpciPickerField(required=False)
    venue = CommunePickerField(multiple=False, required=False, label="Lieu")


def bound(query: str) -> MeetingForm:
    return MeetingForm(QueryDict(query))


def test_it_cleans_codes_to_communes_in_the_order_chosen(db):
    form = bound(
        f"title=Comité&communes={CREST}&communes={SAILLANS}&communes={CREST}"
        f"&epci={CRESTOIS_SIREN}&venue={SAILLANS}"
    )
    assert form.is_valid(), form.errors
    assert [c.insee_code for c in form.cleaned_data["communes"]] == [CREST, SAILLANS]
    assert form.cleaned_data["epci"] == Epci.objects.get(siren=CRESTOIS_SIREN)
    assert form.cleaned_data["venue"] == Commune.objects.get(insee_code=SAILLANS)


def test_unknown_codes_are_named_in_a_french_error(db):
    form = bound(f"title=Comité&communes={SAILLANS}&communes=99999&epci=123456789")
    assert not form.is_valid()
    assert form.errors["communes"] == [
        "Code INSEE inconnu : 99999. Choisissez la commune dans la liste."
    ]
    assert form.errors["epci"] == [
        "SIREN inconnu : 123456789 n'est pas un EPCI du référentiel. Choisissez l'EPCI dans la "
        "liste."
    ]
    several = bound("title=Comité&communes=99999&communes=00000")
    assert several.errors["communes"] == [
        "Codes INSEE inconnus : 99999, 00000. Choisissez les communes dans la liste."
    ]


def test_required_and_single_pickers_explain_what_is_missing(db):
    form = bound(f"title=Comité&venue={SAILLANS}&venue={CREST}")
    assert form.errors["communes"] == ["Choisissez au moins une commune."]
    assert form.errors["venue"] == ["Choisissez une seule commune."]


def test_it_renders_a_labelled_search_box_with_htmx_a_live_region_and_chips(db):
    form = bound(f"title=&communes={SAILLANS}&communes=99999")
    form.is_valid()
    html = str(form["communes"].as_field_group())
    assert '<label for="id_communes">Communes</label>' in html
    search = re.search(r'<input type="search"[^>]*>', html, re.S).group(0)
    assert 'id="id_communes"' in search
    assert 'hx-get="/territoires/recherche/communes/"' in search
    assert 'hx-trigger="input changed delay:250ms, search"' in search
    assert 'hx-target="#id_communes-resultats"' in search
    assert 'aria-invalid="true"' in search
    assert " required" not in search  # the chips hold the value, not the search box
    assert "id_communes_helptext" in search and "id_communes-statut" in search
    assert '<p class="help picker__status" id="id_communes-statut" aria-live="polite"></p>' in html
    assert '<input type="hidden" name="communes" value="26289">' in html
    assert 'aria-label="Retirer Saillans (26289)"' in html
    assert "99999 (inconnu)" in html
    assert 'src="/static/territories/picker.js"' in str(form.media)


def test_initial_communes_render_without_a_query(db, django_assert_num_queries):
    saillans = Commune.objects.get(insee_code=SAILLANS)
    form = MeetingForm(initial={"communes": [saillans]})
    with django_assert_num_queries(0):
        html = str(form["communes"])
    assert "Saillans (26289)" in html
    assert "data-multiple" in html
    assert "data-multiple" not in str(form["venue"])
