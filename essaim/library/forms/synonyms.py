"""The form of a group of synonyms of the library's search: at least two expressions, separated
by a slash, each with at least one word the search can read."""

from django import forms

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.lib.text import search_words
from essaim.library.models import Synonym
from essaim.library.models.synonyms import SEPARATOR


class SynonymForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Synonym
        fields = ["expressions"]

    def clean_expressions(self) -> str:
        parts = [part.strip() for part in self.cleaned_data["expressions"].split(SEPARATOR)]
        expressions = [" ".join(part.split()) for part in parts if search_words(part)]
        if len(expressions) < 2:
            raise forms.ValidationError(
                "Écrivez au moins deux expressions séparées par une barre oblique, "
                "par exemple « autostop organisé / covoiturage »."
            )
        return f" {SEPARATOR} ".join(expressions)
