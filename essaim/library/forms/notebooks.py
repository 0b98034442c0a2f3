"""The forms of a thematic notebook: its texts and theme, the search of a published sheet to add
by its title, the choice of a sheet, the reason of a withdrawal."""

from django import forms
from django.db.models import Q

# The sheets' entries in the platform's search index are declared there: imported for them.
import essaim.library.search  # noqa: F401
from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.core.search import search
from essaim.library.models import ExperienceSheet, Notebook
from essaim.themes.fields import ThemeChoiceField

# A title search shows this many published sheets at most: a more precise title finds the rest.
MAX_FOUND = 20


class NotebookForm(VersionedFormMixin, BoundedModelForm):
    """A notebook of the library (its theme from the shared vocabulary); a programme's notebook
    keeps the programme's theme, and the form leaves it out."""

    theme = ThemeChoiceField(required=False, empty_label="Aucun thème")

    class Meta:
        model = Notebook
        fields = ["title", "introduction", "conclusion", "theme"]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 8}),
            "conclusion": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "introduction": "Pourquoi ces expériences ensemble, ce qu'elles ont en commun.",
            "conclusion": "Ce qu'on en retient, des pistes et des ressources pour aller plus loin.",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.programme_id is not None:
            del self.fields["theme"]
            return
        current = self.instance.theme.slug if self.instance.theme_id else None
        self.fields["theme"].offer(current)
        if current and not self.is_bound:
            self.initial["theme"] = current


class SheetSearchForm(BoundedForm):
    q = forms.CharField(
        label="Titre de la fiche",
        max_length=100,
        required=False,
        help_text="Quelques mots de son titre, avec ou sans accents.",
    )

    def found(self, notebook: Notebook) -> list[ExperienceSheet]:
        """The published sheets not yet in ``notebook`` that the words typed find, through the
        platform's search (accents and endings ignored), those found by their title first."""
        if not self.is_valid() or not self.cleaned_data["q"].strip():
            return []
        sheets = ExperienceSheet.objects.published().exclude(notebook_entries__notebook=notebook)
        sheets = search(sheets, self.cleaned_data["q"], ranked=True)
        sheets = sheets.select_related("departement").order_by("search_rank", "title", "pk")
        return list(sheets[:MAX_FOUND])


class SheetChoiceForm(BoundedForm):
    """The sheet a button adds, moves or takes out (its key, sent by the page): a published
    sheet, or one already in ``notebook`` (withdrawn since, it can still be moved or taken out).
    Any other key is refused without telling whether a draft has it."""

    sheet = forms.ModelChoiceField(
        queryset=ExperienceSheet.objects.published(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "Cette fiche n'existe pas ou n'est pas publiée."},
    )

    def __init__(self, *args, notebook: Notebook | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if notebook is not None:
            self.fields["sheet"].queryset = ExperienceSheet.objects.filter(
                Q(pk__in=ExperienceSheet.objects.published().values("pk"))
                | Q(pk__in=notebook.entries.values("sheet_id"))
            )


class WithdrawalForm(BoundedForm):
    reason = forms.CharField(
        label="Motif du retrait",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Il reste dans l'historique du cahier.",
    )
