"""A filter's choice among a few rows reads them once: to check the choice and to draw it."""

from django import forms
from django.test.signals import template_rendered
from django.utils.safestring import mark_safe
from pytest_django.asserts import assertHTMLEqual

from essaim.core.forms import LoadedModelChoiceField, OptionsSelect
from essaim.themes.models import Theme


class ThemeFilter(forms.Form):
    theme = LoadedModelChoiceField(
        queryset=Theme.objects.order_by("position"),
        to_field_name="slug",
        required=False,
        empty_label="Tous les thèmes",
    )


def test_it_checks_the_choice_and_draws_the_options_with_one_query(db, django_assert_num_queries):
    form = ThemeFilter({"theme": "energie"})
    with django_assert_num_queries(1):
        assert form.is_valid()
        html = str(form["theme"])
    assert form.cleaned_data["theme"].label == "énergie et climat"
    assert '<option value="energie" selected>énergie et climat</option>' in html
    assert '<option value="">Tous les thèmes</option>' in html
    assert len(form.fields["theme"].choices) == Theme.objects.count() + 1


def test_an_unknown_choice_is_refused_in_french(db):
    form = ThemeFilter({"theme": "inconnu"})
    assert not form.is_valid()
    assert form.errors["theme"] == [
        "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."
    ]


def test_each_form_reads_its_own_rows(db):
    first = ThemeFilter({"theme": "eau"})
    assert first.is_valid()
    Theme.objects.create(slug="ruralite", label="ruralité", position=99)
    second = ThemeFilter({"theme": "ruralite"})
    assert second.is_valid()
    assert second.cleaned_data["theme"].slug == "ruralite"


def test_the_options_are_drawn_in_one_template_as_django_draws_them(db):
    form = ThemeFilter({"theme": "energie"})
    assert form.is_valid()
    drawn: list[str] = []

    def record(sender, template, context, **kwargs) -> None:
        drawn.append(template.name)

    template_rendered.connect(record)
    try:
        html = str(form["theme"])
    finally:
        template_rendered.disconnect(record)
    # The field, then the <select>: no template per option.
    assert drawn.count("core/forms/options_select.html") == 1
    assert "django/forms/widgets/select_option.html" not in drawn
    field = form.fields["theme"]
    django_select = forms.Select(choices=field.choices).render(
        "theme", form["theme"].value(), attrs={"id": "id_theme"}
    )
    assertHTMLEqual(html, django_select)


def test_the_options_are_escaped_as_django_escapes_them():
    choices = [
        ("", "Tous"),
        ("a'b", "Pays d'<em>ailleurs</em> & co"),
        ("2", mark_safe("<b>sûr</b>")),
    ]
    for value in ("a'b", "2", ""):
        ours = OptionsSelect(choices=choices).render("territory", value)
        theirs = forms.Select(choices=choices).render("territory", value)
        assertHTMLEqual(ours, theirs)
    assert "Pays d&#x27;&lt;em&gt;ailleurs&lt;/em&gt; &amp; co" in ours
