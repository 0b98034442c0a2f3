"""The forms of the selection: a candidate territory, its details, a move in the flow of
statuses, its referent and participants."""

from django import forms
from django.db.models import Q

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.governance.forms import DATE_WIDGET
from essaim.programmes.models import ContactKind, Programme, ProgrammeTerritory, TerritoryContact
from essaim.programmes.selection import allowed_statuses
from essaim.territories.models import Territory
from essaim.territories.widgets import EpciPickerField


def perimeters_for(user, *, chosen: int | None = None):
    """The territories of Essaim ``user`` may see, and the one already chosen."""
    visible = Territory.objects.visible_to(user).values("pk") if user else []
    return Territory.objects.filter(Q(pk__in=visible) | Q(pk=chosen)).order_by("name")


class CandidateForm(BoundedForm):
    name = forms.CharField(label="Nom du territoire", max_length=200)
    field = forms.CharField(
        label="Champ d'action",
        max_length=200,
        required=False,
        help_text="« transition énergétique », « tourisme durable »…",
    )
    perimeter = forms.ModelChoiceField(
        label="Périmètre déjà dans Essaim",
        queryset=Territory.objects.none(),
        required=False,
        empty_label="Aucun",
    )
    epci = EpciPickerField(
        label="Ou l'intercommunalité du référentiel",
        required=False,
        help_text="Tapez son nom ou son SIREN : son périmètre est créé avec ses communes.",
    )
    description = forms.CharField(
        label="Présentation", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, programme: Programme, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["perimeter"].queryset = perimeters_for(user)

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if ProgrammeTerritory.objects.filter(programme=self.programme, name__iexact=name).exists():
            raise forms.ValidationError("Un territoire du programme porte déjà ce nom.")
        return name

    def clean(self) -> dict:
        data = super().clean()
        if data.get("perimeter") is not None and data.get("epci") is not None:
            self.add_error("epci", "Choisissez le périmètre dans Essaim ou l'EPCI, pas les deux.")
        return data


class TerritoryForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = ProgrammeTerritory
        fields = [
            "name",
            "field",
            "perimeter",
            "description",
            "commitment_on",
            "commitment_signed_by",
        ]
        widgets = {"commitment_on": DATE_WIDGET, "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "commitment_on": "Joignez la lettre sur la page du territoire, comme « lettre "
            "d'engagement »."
        }

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["perimeter"].queryset = perimeters_for(user, chosen=self.instance.perimeter_id)
        self.fields["perimeter"].empty_label = "Aucun"

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        others = ProgrammeTerritory.objects.filter(
            programme_id=self.instance.programme_id, name__iexact=name
        ).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError("Un territoire du programme porte déjà ce nom.")
        return name


class StatusForm(BoundedForm):
    status = forms.ChoiceField(label="Nouveau statut", widget=forms.RadioSelect)
    on = forms.DateField(label="Le", widget=DATE_WIDGET)
    note = forms.CharField(
        label="Précision",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Obligatoire pour un retrait : pourquoi le territoire se retire.",
    )
    # The status the page showed: a change made meanwhile by someone else is not overridden.
    loaded = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, territory: ProgrammeTerritory, **kwargs) -> None:
        kwargs.setdefault("initial", {})["loaded"] = territory.status
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, status.label) for status in allowed_statuses(territory.status)
        ]


class ContactForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = TerritoryContact
        fields = ["kind", "name", "role", "function", "email", "phone"]
        widgets = {"kind": forms.RadioSelect, "role": forms.RadioSelect}

    def __init__(self, *args, programme: Programme, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ContactKind.choices

    def clean(self) -> dict:
        data = super().clean()
        territory = self.instance.territory
        if data.get("kind") == ContactKind.REFERENT:
            others = territory.contacts.filter(kind=ContactKind.REFERENT).exclude(
                pk=self.instance.pk
            )
            if others.exists():
                self.add_error("kind", "Le territoire a déjà un référent : modifiez-le plutôt.")
        return data
