"""The forms of the synthesis: answering a proposed theme, merging two themes, the synthesis
document with a text per theme, a thematic notebook."""

import hashlib
import json

from django import forms

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.core.forms import LoadedModelChoiceField
from essaim.programmes.models import Programme, Quote, Synthesis, Theme


class ProposalForm(BoundedForm):
    name = forms.CharField(label="Nom du thème", max_length=120, required=False)
    into = LoadedModelChoiceField(
        label="Ou le fusionner dans", queryset=Theme.objects.none(), required=False
    )
    action = forms.ChoiceField(
        choices=[("retenir", "Retenir"), ("fusionner", "Fusionner"), ("ecarter", "Écarter")]
    )

    def __init__(
        self, *args, programme: Programme, themes: list[Theme] | None = None, **kwargs
    ) -> None:
        """``themes``: the programme's themes, already read for the other forms of the page."""
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Theme.objects.filter(programme=programme)
        if themes is not None:
            self.fields["into"].use_rows(themes)
        self.fields["into"].empty_label = "—"

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == "retenir" and not (data.get("name") or "").strip():
            self.add_error("name", "Donnez un nom au thème.")
        if data.get("action") == "fusionner" and data.get("into") is None:
            self.add_error("into", "Choisissez le thème dans lequel le fusionner.")
        return data


class MergeForm(BoundedForm):
    source = LoadedModelChoiceField(label="Fusionner le thème", queryset=Theme.objects.none())
    target = LoadedModelChoiceField(label="dans le thème", queryset=Theme.objects.none())

    def __init__(
        self, *args, programme: Programme, themes: list[Theme] | None = None, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        for name in ("source", "target"):
            self.fields[name].queryset = Theme.objects.filter(programme=programme)
            if themes is not None:
                self.fields[name].use_rows(themes)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("source") is not None and data.get("source") == data.get("target"):
            raise forms.ValidationError("Choisissez deux thèmes différents.")
        return data


SECTION_PREFIX = "partie_"


def sections_version(texts: dict[int, str]) -> str:
    return hashlib.sha256(json.dumps(sorted(texts.items())).encode()).hexdigest()[:20]


class SynthesisForm(VersionedFormMixin, BoundedModelForm):
    """The synthesis with one text per theme (fields ``partie_<theme>``); those texts carry
    their own version, ``sections_version``, since they are rows of their own."""

    sections_version = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Synthesis
        fields = ["title", "introduction", "conclusion", "selected_quotes"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 6}),
            "conclusion": forms.Textarea(attrs={"rows": 6}),
            "selected_quotes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "selected_quotes": "Seules les citations dont la personne a donné son consentement "
            "peuvent figurer dans la synthèse."
        }

    def __init__(
        self, *args, themes: list[Theme], texts: dict[int, str], programme: Programme, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.themes = themes
        self.loaded_texts = texts
        self.fields["selected_quotes"].queryset = Quote.objects.filter(
            interview__programme=programme, interview__consent_given=True
        )
        for theme in themes:
            self.fields[f"{SECTION_PREFIX}{theme.pk}"] = forms.CharField(
                label=theme.name,
                required=False,
                initial=texts.get(theme.pk, ""),
                widget=forms.Textarea(attrs={"rows": 5}),
            )
        if not self.is_bound:
            self.initial["sections_version"] = sections_version(texts)

    def section_texts(self) -> dict[int, str]:
        return {
            theme.pk: self.cleaned_data.get(f"{SECTION_PREFIX}{theme.pk}", "").strip()
            for theme in self.themes
        }


class NotebookForm(VersionedFormMixin, BoundedModelForm):
    """The team's texts of a theme's notebook. The notebooks are the library's, which this app
    does not import: :func:`notebook_form` gives the form its model, from the row."""

    class Meta:
        fields = ["title", "introduction", "conclusion"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 6}),
            "conclusion": forms.Textarea(attrs={"rows": 6}),
        }


def notebook_form(*args, instance, **kwargs) -> NotebookForm:
    form_class = forms.modelform_factory(type(instance), form=NotebookForm)
    return form_class(*args, instance=instance, **kwargs)


class NewNotebookForm(BoundedForm):
    theme = LoadedModelChoiceField(label="Thème du cahier", queryset=Theme.objects.none())

    def __init__(
        self, *args, programme: Programme, themes: list[Theme] | None = None, **kwargs
    ) -> None:
        """``themes``: those without a notebook, already read for the page."""
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(programme=programme).exclude(
            notebooks__programme=programme
        )
        if themes is not None:
            self.fields["theme"].use_rows(themes)
