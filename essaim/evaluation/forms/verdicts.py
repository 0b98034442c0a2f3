"""The verdict on a hypothesis, with the measurements and journal entries that support it."""

from django import forms

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.evaluation.charts import measurement_text
from essaim.evaluation.models import HypothesisVerdict, JournalEntry, Measurement, Verdict
from essaim.experiments.models import Experiment

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MeasurementChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Measurement) -> str:
        return f"{obj.indicator.name} — {obj.measured_on:%d/%m/%Y} : {measurement_text(obj)}"


class JournalEntryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: JournalEntry) -> str:
        return f"{obj.written_on:%d/%m/%Y} — {obj.get_kind_display()} : {obj.title}"


class HypothesisVerdictForm(VersionedFormMixin, BoundedModelForm):
    measurements = MeasurementChoiceField(
        label="Mesures à l'appui",
        queryset=Measurement.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    journal_entries = JournalEntryChoiceField(
        label="Entrées du journal à l'appui",
        queryset=JournalEntry.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = HypothesisVerdict
        fields = ["verdict", "decided_on", "rationale", "measurements", "journal_entries"]
        widgets = {
            "verdict": forms.RadioSelect,
            "decided_on": DATE_WIDGET,
            "rationale": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"decided_on": "Date du verdict"}
        help_texts = {
            "verdict": (
                "Confirmée : les faits vont dans son sens. Réfutée : ils la contredisent. "
                "À affiner : elle tient en partie, ou sous d'autres conditions."
            ),
            "rationale": "Les faits, mesures et observations sur lesquels repose le verdict.",
        }

    def __init__(self, *args, experiment: Experiment, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verdict"].choices = Verdict.choices
        self.fields["measurements"].queryset = (
            Measurement.objects.filter(indicator__experiment=experiment)
            .select_related("indicator")
            .order_by("indicator__position", "indicator__pk", "measured_on")
        )
        self.fields["journal_entries"].queryset = JournalEntry.objects.filter(experiment=experiment)
