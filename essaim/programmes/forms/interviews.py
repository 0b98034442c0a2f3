"""The forms of the interview notes, made to be filled on a phone during the interview: who
is met (someone already met, someone new, or a group), their consent, the notes, the key quotes
with their themes; the people met and their pseudonyms; the themes."""

from django import forms
from django.forms import inlineformset_factory

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.programmes.models import (
    ContactRole,
    Interview,
    Interviewee,
    Programme,
    Quote,
    Theme,
    Visit,
)


class ThemeCheckboxes(forms.CheckboxSelectMultiple):
    """The themes as chips to tick, side by side (easy to hit with a thumb)."""

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs={"class": "theme-chips", **(attrs or {})})


class InterviewForm(VersionedFormMixin, BoundedModelForm):
    new_name = forms.CharField(
        label="Ou une nouvelle personne : nom", max_length=200, required=False
    )
    new_role = forms.ChoiceField(
        label="Sa qualité", choices=[("", "—"), *ContactRole.choices], required=False
    )
    new_function = forms.CharField(
        label="Sa fonction",
        max_length=200,
        required=False,
        help_text="« vice-présidente chargée du développement », « directeur de l'office de "
        "tourisme »",
    )
    new_pseudonym = forms.CharField(
        label="Pseudonyme",
        max_length=100,
        required=False,
        help_text="Si la personne le demande : elle n'apparaîtra que sous ce nom.",
    )

    class Meta:
        model = Interview
        fields = ["slot", "interviewee", "group_description", "consent_given", "notes", "themes"]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 12}),
            "themes": ThemeCheckboxes,
        }
        labels = {"interviewee": "Personne déjà rencontrée"}

    def __init__(self, *args, programme: Programme, visit: Visit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.visit = visit
        self.fields["slot"].queryset = visit.slots.all()
        self.fields["slot"].empty_label = "Hors agenda"
        self.fields["interviewee"].queryset = Interviewee.objects.filter(
            programme=programme, territory_id=visit.territory_id
        )
        self.fields["interviewee"].empty_label = "—"
        self.fields["interviewee"].required = False
        self.fields["themes"].queryset = Theme.objects.filter(programme=programme)
        if self.instance.pk is not None:
            for name in ("new_name", "new_role", "new_function", "new_pseudonym"):
                del self.fields[name]

    def clean(self) -> dict:
        data = super().clean()
        someone = [
            bool(data.get("interviewee")),
            bool(data.get("new_name")),
            bool(data.get("group_description")),
        ]
        if sum(someone) == 0:
            raise forms.ValidationError(
                "Dites qui vous rencontrez : une personne déjà rencontrée, une nouvelle personne "
                "ou un groupe."
            )
        if sum(someone) > 1:
            raise forms.ValidationError(
                "Une seule rencontre par note : une personne déjà rencontrée, une nouvelle "
                "personne ou un groupe."
            )
        if data.get("new_name") and not data.get("new_role"):
            self.add_error("new_role", "Dites la qualité de la personne : élu, technicien…")
        return data

    def validate_constraints(self) -> None:
        """A new person is made when the note is saved: until then the note names no one, which
        its constraint (someone or a group) would refuse."""
        if not self.cleaned_data.get("new_name"):
            super().validate_constraints()
            return
        try:
            self.instance.validate_constraints(exclude={"interviewee", "group_description"})
        except forms.ValidationError as error:
            self._update_errors(error)


class QuoteForm(BoundedModelForm):
    class Meta:
        model = Quote
        fields = ["text", "themes"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "themes": ThemeCheckboxes}
        labels = {"text": "Citation", "themes": "Ses thèmes"}
        help_texts = {"text": "Les mots mêmes de la personne, sans guillemets."}

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(programme=programme)
        self.fields["text"].required = False

    def has_changed(self) -> bool:
        # An empty row left as it came is not a new quote.
        return super().has_changed() and bool(self.data.get(self.add_prefix("text"), "").strip())


QuoteFormSet = inlineformset_factory(
    Interview, Quote, form=QuoteForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


class IntervieweeForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Interviewee
        fields = ["name", "role", "function", "email"]


class PseudonymForm(BoundedForm):
    pseudonym = forms.CharField(
        label="Pseudonyme",
        max_length=100,
        help_text="« Élu A », « Technicienne B » : le nom sous lequel la personne apparaîtra "
        "partout, pages et documents.",
    )


class ThemeForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.programme = programme

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = Theme.objects.filter(programme=self.programme, name__iexact=name).exclude(
            pk=self.instance.pk
        )
        if others.exists():
            raise forms.ValidationError("Le programme a déjà un thème de ce nom.")
        return name
