"""Forms of the evaluation: evaluative questions, indicators, their periodic targets and their
measurements."""

from decimal import Decimal
from pathlib import PurePath

from django import forms
from django.utils import timezone

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.evaluation.models import (
    EvaluationQuestion,
    Indicator,
    IndicatorKind,
    IndicatorTarget,
    Measurement,
)
from essaim.experiments.models import Experiment, Outcome
from essaim.lib.bounds import OutOfBounds, check_not_future, sentence

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NUMBER_WIDGET = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
MAX_SCALE_LEVELS = 10


def plain_decimal(value: Decimal | None) -> str | None:
    """« 12,5 » rather than « 12,500 », which a French reader could take for twelve thousand."""
    if value is None:
        return None
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


class EvaluationQuestionForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = EvaluationQuestion
        fields = ["question", "criterion"]
        widgets = {"question": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "question": (
                "Ce que l'évaluation doit éclairer, par exemple : « Le service atteint-il les "
                "habitants qui n'ont pas de voiture ? »."
            ),
            "criterion": (
                "Le critère d'évaluation auquel la question se rattache : pertinence, "
                "efficacité, impact, durabilité…"
            ),
        }


class OutcomeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Outcome) -> str:
        return f"{obj.get_level_display().capitalize()} — {obj.title}"


class IndicatorForm(VersionedFormMixin, BoundedModelForm):
    """An indicator: quantitative (a unit, a baseline, a target) or qualitative (a scale, one
    level per line, from the weakest to the strongest)."""

    scale_levels = forms.CharField(
        label="Niveaux de l'échelle",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            "Pour un indicateur qualitatif : un niveau par ligne, du plus faible au plus fort "
            "(par exemple « faible », « moyenne », « forte »)."
        ),
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "kind",
            "question",
            "outcome",
            "unit",
            "direction",
            "cumulative",
            "baseline_value",
            "baseline_date",
            "baseline_source",
            "target_value",
            "target_date",
            "means_of_verification",
            "collection_method",
            "frequency",
            "owner",
        ]
        localized_fields = ["baseline_value", "target_value"]
        widgets = {
            "kind": forms.RadioSelect,
            "direction": forms.RadioSelect,
            "baseline_value": NUMBER_WIDGET,
            "target_value": NUMBER_WIDGET,
            "baseline_date": DATE_WIDGET,
            "target_date": DATE_WIDGET,
            "means_of_verification": forms.Textarea(attrs={"rows": 3}),
            "collection_method": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"kind": "Nature de l'indicateur", "direction": "Sens de l'amélioration"}
        help_texts = {
            "name": "Par exemple : « Trajets réalisés par mois » ou « Confiance des habitants ».",
            "kind": (
                "Quantitatif : un nombre mesuré dans une unité. Qualitatif : un niveau choisi "
                "sur une échelle que vous définissez."
            ),
            "unit": "Obligatoire pour un indicateur quantitatif : trajets, personnes, €, %, kWh…",
            "cumulative": (
                "Cochez si chaque mesure s'ajoute aux précédentes (des trajets comptés chaque "
                "mois, dont on suit le total) ; sinon la dernière mesure fait foi."
            ),
            "baseline_source": "D'où vient la valeur de départ : enquête, statistiques, comptage…",
            "means_of_verification": (
                "Les sources qui prouvent la mesure : registre, fichier, questionnaire, photo…"
            ),
            "collection_method": "Comment et par qui les données sont recueillies.",
            "owner": "La personne ou la structure qui recueille les mesures.",
        }

    def __init__(self, *args, experiment: Experiment, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.experiment = experiment
        self.fields["question"].queryset = experiment.evaluation_questions.all()
        self.fields["question"].empty_label = "Aucune"
        self.fields["outcome"] = OutcomeChoiceField(
            label=self.fields["outcome"].label,
            queryset=experiment.outcomes.all(),
            required=False,
            empty_label="Aucun",
            help_text="Le maillon de la théorie du changement que l'indicateur mesure.",
        )
        self.fields["kind"].choices = IndicatorKind.choices
        self.fields["direction"].choices = Indicator._meta.get_field("direction").choices
        if self.instance.scale:
            self.initial["scale_levels"] = "\n".join(self.instance.scale)
        for name in ("baseline_value", "target_value"):
            self.initial[name] = plain_decimal(getattr(self.instance, name))

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = (
            Indicator.objects.filter(experiment=self.experiment, name__iexact=name)
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError("Un indicateur de cette expérimentation porte déjà ce nom.")
        return name

    def clean_scale_levels(self) -> list[str]:
        lines = self.cleaned_data["scale_levels"].splitlines()
        return [line.strip() for line in lines if line.strip()]

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        levels = data.get("scale_levels") or []
        measured = self.instance.pk and self.instance.measurements.exists()
        if measured and kind and kind != self.instance.kind:
            self.add_error(
                "kind",
                "Cet indicateur a déjà des mesures : sa nature ne peut plus changer. "
                "Créez plutôt un autre indicateur.",
            )
        if kind == IndicatorKind.QUANTITATIVE:
            if not data.get("unit", "").strip():
                self.add_error(
                    "unit", "Un indicateur quantitatif a une unité : trajets, personnes, €, %…"
                )
            baseline, target = data.get("baseline_value"), data.get("target_value")
            if baseline is not None and target is not None and baseline == target:
                self.add_error(
                    "target_value", "La cible doit être différente de la valeur de départ."
                )
            self.instance.scale = []
        elif kind == IndicatorKind.QUALITATIVE:
            if len(levels) < 2:
                self.add_error(
                    "scale_levels",
                    "Une échelle qualitative compte au moins deux niveaux, un par ligne.",
                )
            elif len(levels) > MAX_SCALE_LEVELS:
                self.add_error(
                    "scale_levels", f"Une échelle compte au plus {MAX_SCALE_LEVELS} niveaux."
                )
            elif len({level.casefold() for level in levels}) < len(levels):
                self.add_error("scale_levels", "Chaque niveau de l'échelle doit être différent.")
            elif measured and self.instance.measurements.filter(level__gte=len(levels)).exists():
                self.add_error(
                    "scale_levels",
                    "Des mesures utilisent un niveau que cette échelle ne contient plus : "
                    "gardez au moins autant de niveaux.",
                )
            # A scale has neither unit nor numbers.
            for name in ("unit", "baseline_source"):
                data[name] = ""
            for name in ("baseline_value", "target_value"):
                data[name] = None
            data["cumulative"] = False
            self.instance.scale = levels
        return data


class IndicatorTargetForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = IndicatorTarget
        fields = ["due_on", "value"]
        localized_fields = ["value"]
        widgets = {"due_on": DATE_WIDGET, "value": NUMBER_WIDGET}
        help_texts = {
            "value": "La valeur que l'indicateur devrait avoir atteinte à cette date.",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.initial["value"] = plain_decimal(self.instance.value)

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        taken = (
            IndicatorTarget.objects.filter(indicator_id=self.instance.indicator_id, due_on=due_on)
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError("Une cible intermédiaire existe déjà à cette date.")
        return due_on


class StoredEvidence:
    """A stored evidence file as the file input shows it: its name, and a link to the view
    that checks permissions before sending it (files are never served publicly)."""

    def __init__(self, name: str, url: str) -> None:
        self.name, self.url = name, url

    def __str__(self) -> str:
        return PurePath(self.name).name


class EvidenceInput(forms.ClearableFileInput):
    download_url = ""

    def format_value(self, value):
        if self.is_initial(value) and self.download_url:
            return StoredEvidence(value.name, self.download_url)
        return super().format_value(value)


class MeasurementForm(VersionedFormMixin, BoundedModelForm):
    """A measurement of ``indicator``: a value in its unit, or a level of its scale."""

    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "level", "comment", "evidence"]
        localized_fields = ["value"]
        widgets = {
            "measured_on": DATE_WIDGET,
            "value": NUMBER_WIDGET,
            "comment": forms.Textarea(attrs={"rows": 2}),
            "evidence": EvidenceInput,
        }
        labels = {"measured_on": "Date de la mesure", "level": "Niveau constaté"}
        help_texts = {
            "evidence": (
                "Un fichier qui prouve la mesure (PDF, image, tableur, texte…), 10 Mo au plus."
            ),
            "comment": "Ce qui éclaire la mesure : conditions, événement, limites.",
        }

    def __init__(self, *args, indicator: Indicator, evidence_url: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.instance.indicator = indicator
        self.fields["evidence"].widget.download_url = evidence_url
        if indicator.is_quantitative:
            del self.fields["level"]
            self.fields["value"].required = True
            self.fields["value"].label = (
                f"Valeur ({indicator.unit})" if indicator.unit else "Valeur"
            )
            if indicator.cumulative:
                self.fields[
                    "value"
                ].help_text = "La quantité de la période : elle s'ajoute aux mesures précédentes."
            self.initial["value"] = plain_decimal(self.instance.value)
        else:
            del self.fields["value"]
            self.fields["level"] = forms.TypedChoiceField(
                label="Niveau constaté",
                choices=list(enumerate(indicator.scale)),
                coerce=int,
                widget=forms.RadioSelect,
            )

    def clean_measured_on(self):
        measured_on = self.cleaned_data["measured_on"]
        try:
            check_not_future(measured_on, today=timezone.localdate())
        except OutOfBounds as error:
            raise forms.ValidationError(sentence(error.message)) from None
        taken = (
            Measurement.objects.filter(indicator=self.indicator, measured_on=measured_on)
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError(
                f"Une mesure existe déjà le {measured_on:%d/%m/%Y} pour cet indicateur : "
                "modifiez-la plutôt que d'en ajouter une autre."
            )
        return measured_on
