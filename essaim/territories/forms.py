from django import forms
from django.db import models

from essaim.core.bounds import BoundedForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.territories.models import Departement, Region, Territory, TerritoryKind
from essaim.territories.widgets import CommunePickerField, EpciPickerField

SHARED_LABEL = "Visible par tous les utilisateurs"
SHARED_HELP = "Sinon, seuls les membres du territoire le voient."


class TerritoryFilterForm(BoundedForm):
    q = forms.CharField(label="Nom", required=False, max_length=100, widget=forms.SearchInput)
    kind = forms.ChoiceField(
        label="Type", required=False, choices=[("", "Tous les types"), *TerritoryKind.choices]
    )


class CreationMode(models.TextChoices):
    EPCI = "epci", "À partir d'un EPCI"
    DEPARTEMENT = "departement", "À partir d'un département"
    REGION = "region", "À partir d'une région"
    COMMUNE = "commune", "À partir d'une commune"
    COMMUNES = "communes", "En choisissant des communes"


class TerritoryCreateForm(BoundedForm):
    """One form per way of creating a territory: only the fields of ``mode`` are kept."""

    FIELDS = {
        CreationMode.EPCI: ["epci", "name", "shared"],
        CreationMode.DEPARTEMENT: ["departement", "name", "shared"],
        CreationMode.REGION: ["region", "name", "shared"],
        CreationMode.COMMUNE: ["commune", "name", "shared"],
        CreationMode.COMMUNES: ["name", "kind", "communes", "description", "shared"],
    }
    DEFAULT_NAMES = {
        CreationMode.EPCI: "celui de l'EPCI",
        CreationMode.DEPARTEMENT: "celui du département",
        CreationMode.REGION: "celui de la région",
        CreationMode.COMMUNE: "celui de la commune",
    }

    epci = EpciPickerField()
    departement = forms.ChoiceField(label="Département")
    region = forms.ChoiceField(label="Région")
    commune = CommunePickerField(multiple=False)
    communes = CommunePickerField(
        help_text="Tapez le nom, le code postal ou le code INSEE de chaque commune, puis "
        "choisissez-la dans la liste."
    )
    name = forms.CharField(label="Nom du territoire", max_length=200)
    kind = forms.ChoiceField(
        label="Type",
        choices=[
            (value, label)
            for value, label in TerritoryKind.choices
            if value not in (TerritoryKind.COMMUNE, TerritoryKind.EPCI)
        ],
        initial=TerritoryKind.PAYS,
    )
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)
    shared = forms.BooleanField(label=SHARED_LABEL, help_text=SHARED_HELP, required=False)

    def __init__(
        self,
        *args,
        mode: CreationMode,
        departements: list[Departement],
        regions: list[Region],
        **kwargs,
    ) -> None:
        kwargs.setdefault("initial", {}).setdefault("shared", True)
        super().__init__(*args, **kwargs)
        self.mode = mode
        for name in list(self.fields):
            if name not in self.FIELDS[mode]:
                del self.fields[name]
        self.order_fields(self.FIELDS[mode])
        self._departements = {d.code: d for d in departements}
        self._regions = {r.code: r for r in regions}
        if "departement" in self.fields:
            self.fields["departement"].choices = [("", "Choisissez un département")] + [
                (d.code, f"{d.code} — {d.name}") for d in departements
            ]
        if "region" in self.fields:
            self.fields["region"].choices = [("", "Choisissez une région")] + [
                (r.code, r.name) for r in regions
            ]
        if mode != CreationMode.COMMUNES:
            self.fields["name"].required = False
            self.fields["name"].help_text = f"Par défaut, {self.DEFAULT_NAMES[mode]}."

    def clean_departement(self) -> Departement:
        return self._departements[self.cleaned_data["departement"]]

    def clean_region(self) -> Region:
        return self._regions[self.cleaned_data["region"]]


class TerritoryForm(VersionedFormMixin, BoundedForm):
    """Change ``instance``: its description and its perimeter."""

    name = forms.CharField(label="Nom", max_length=200)
    kind = forms.ChoiceField(label="Type", choices=TerritoryKind.choices)
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea)
    shared = forms.BooleanField(label=SHARED_LABEL, help_text=SHARED_HELP, required=False)
    communes = CommunePickerField()

    def __init__(self, *args, instance: Territory, **kwargs) -> None:
        self.instance = instance
        super().__init__(*args, **kwargs)
