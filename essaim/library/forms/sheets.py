"""The forms of a sheet: where a new one starts from, and the sheet itself, its territory chosen
in the referential (an EPCI, or communes)."""

from django import forms
from django.db.models import Q

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.experiments.models import Experiment
from essaim.library.models import ExperienceSheet, Public, SheetSource
from essaim.library.models.sheets import SECTION_FIELDS
from essaim.library.services.prefill import report_sheets_open_to
from essaim.programmes.models import ReportSheet
from essaim.roles.models import Role, roles_at_least
from essaim.territories.models import TerritoryKind
from essaim.territories.widgets import CommunePickerField, EpciPickerField
from essaim.themes.models import Theme

# Above this many communes, a territory is not shown as chips in the picker: it stays as it is
# unless the person picks an EPCI or communes.
LARGEST_SHOWN_PERIMETER = 40

STARTS = [
    (SheetSource.WRITTEN, "Je l'écris directement"),
    (SheetSource.EXPERIMENT, "D'après une expérimentation que j'édite"),
    (SheetSource.REPORT_SHEET, "D'après une fiche reportage validée d'un programme"),
]


class ReportSheetChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.territory.name} — {obj.territory.programme.title}"


class NewSheetForm(BoundedForm):
    start = forms.ChoiceField(
        label="La fiche part de",
        choices=STARTS,
        initial=SheetSource.WRITTEN,
        widget=forms.RadioSelect,
    )
    title = forms.CharField(label="Titre", max_length=200, required=False)
    experiment = forms.ModelChoiceField(
        label="Expérimentation",
        queryset=Experiment.objects.none(),
        required=False,
        empty_label="Choisissez",
        help_text="La fiche reprend son cadrage, ses résultats, son journal et son essaimage.",
    )
    report_sheet = ReportSheetChoiceField(
        label="Fiche reportage",
        queryset=ReportSheet.objects.none(),
        required=False,
        empty_label="Choisissez",
        help_text="Seules les fiches validées dont le territoire a accepté la publication.",
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["experiment"].queryset = Experiment.objects.held_by(
            user, roles_at_least(Role.EDITOR)
        ).order_by("title")
        self.fields["report_sheet"].queryset = report_sheets_open_to(user)

    def clean(self) -> dict:
        data = super().clean()
        start = data.get("start")
        if start == SheetSource.WRITTEN and not data.get("title"):
            self.add_error("title", "Donnez un titre à la fiche.")
        elif start == SheetSource.EXPERIMENT and data.get("experiment") is None:
            self.add_error("experiment", "Choisissez l'expérimentation.")
        elif start == SheetSource.REPORT_SHEET and data.get("report_sheet") is None:
            self.add_error("report_sheet", "Choisissez la fiche reportage.")
        return data


def _textarea(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class SheetForm(VersionedFormMixin, BoundedModelForm):
    epci = EpciPickerField(
        label="Territoire : une intercommunalité",
        required=False,
        help_text="Tapez son nom ou son SIREN ; ou bien choisissez des communes ci-dessous.",
    )
    communes = CommunePickerField(
        label="Ou des communes",
        required=False,
        help_text="Une commune, ou quelques-unes : tapez le nom, le code postal ou le code INSEE.",
    )

    class Meta:
        model = ExperienceSheet
        fields = [
            "title",
            *SECTION_FIELDS,
            "setting",
            "themes",
            "publics",
            "stage",
            "strategy",
            "year_start",
            "year_end",
            "licence",
            "illustrative",
            "internal_notes",
        ]
        widgets = {
            "summary": _textarea(3),
            "context": _textarea(),
            "tried": _textarea(),
            "results": _textarea(),
            "learned": _textarea(),
            "conditions": _textarea(),
            "internal_notes": _textarea(3),
            "themes": forms.CheckboxSelectMultiple,
            "publics": forms.CheckboxSelectMultiple,
            "licence": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        sheet = self.instance
        current = [theme.pk for theme in self.initial.get("themes") or []]
        self.fields["themes"].queryset = Theme.objects.filter(
            Q(is_active=True) | Q(pk__in=current)
        ).order_by("position", "pk")
        self.fields["publics"].queryset = Public.objects.all()
        self.fields["year_start"].widget.attrs.update(inputmode="numeric")
        self.fields["year_end"].widget.attrs.update(inputmode="numeric")
        self.current_territory = sheet.territory if sheet.territory_id else None
        self.large_territory = False
        territory = self.current_territory
        if territory is None:
            return
        if territory.kind == TerritoryKind.EPCI and territory.epci_id:
            self.initial["epci"] = territory.epci
            return
        communes = list(
            territory.communes.select_related("departement")[: LARGEST_SHOWN_PERIMETER + 1]
        )
        if len(communes) > LARGEST_SHOWN_PERIMETER:
            self.large_territory = True
        else:
            self.initial["communes"] = communes

    def clean(self) -> dict:
        data = super().clean()
        if data.get("epci") is not None and data.get("communes"):
            self.add_error(
                "communes", "Choisissez une intercommunalité ou des communes, pas les deux."
            )
        start, end = data.get("year_start"), data.get("year_end")
        if start and end and end < start:
            self.add_error("year_end", "L'année de fin vient après celle du début.")
        return data

    def territory_changed(self) -> bool:
        """Whether the person chose another EPCI or other communes than the territory's."""
        return any(name in self.changed_data for name in ("epci", "communes"))
