"""Forms of the decisions tab: recording a stop/go decision against the criteria, and moving
an experiment to another stage."""

from django import forms
from django.db.models import QuerySet
from django.forms import BoundField

from essaim.core.bounds import BoundedForm
from essaim.experiments.models import (
    STAGE_AFTER_DECISION,
    Assessment,
    DecisionKind,
    Experiment,
    Stage,
    StopGoCriterion,
)
from essaim.governance.models import Meeting

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
GATE, FINAL = "etape", "finale"


def kind_choices() -> list[tuple[str, str]]:
    """Each kind of decision with the stage it leads to."""
    choices = []
    for kind in DecisionKind:
        stage = STAGE_AFTER_DECISION[kind]
        choices.append((kind.value, f"{kind.label.capitalize()} (étape suivante : {stage.label})"))
    return choices


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        return f"{meeting.body.name} du {meeting.starts_at:%d/%m/%Y}"


class DecisionForm(BoundedForm):
    kind = forms.ChoiceField(label="Décision", choices=kind_choices, widget=forms.RadioSelect)
    decided_on = forms.DateField(label="Date de la décision", widget=DATE_WIDGET)
    moment = forms.ChoiceField(
        label="Moment",
        choices=[
            (GATE, "À une étape de décision en cours d'expérimentation (stop ou go)"),
            (FINAL, "Décision finale, au terme de l'expérimentation"),
        ],
        initial=GATE,
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        label="Justification",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Ce qui fonde la décision : résultats au regard des critères, enseignements, "
        "contexte.",
    )
    meeting = MeetingChoiceField(
        label="Réunion où elle a été prise",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="Aucune",
    )

    def __init__(
        self, *args, experiment: Experiment, criteria: list[StopGoCriterion], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.fields["meeting"].queryset = Meeting.objects.of(experiment).select_related("body")
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.ChoiceField(
                label=f"{criterion.description} — seuil : {criterion.threshold}",
                choices=[("", "Non examiné cette fois"), *Assessment.choices],
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=f"Commentaire sur « {criterion.description} »",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    @property
    def decision_fields(self) -> list[BoundField]:
        return [self[name] for name in ("kind", "decided_on", "moment", "rationale", "meeting")]

    @property
    def criterion_fields(self) -> list[tuple[BoundField, BoundField]]:
        return [
            (self[f"criterion_{criterion.pk}"], self[f"comment_{criterion.pk}"])
            for criterion in self.criteria
        ]

    def clean(self) -> dict:
        data = super().clean()
        for criterion in self.criteria:
            if data.get(f"comment_{criterion.pk}", "").strip() and not data.get(
                f"criterion_{criterion.pk}"
            ):
                self.add_error(
                    f"criterion_{criterion.pk}",
                    "Indiquez si le critère est atteint avant de le commenter.",
                )
        return data

    def assessments(self) -> dict[int, tuple[str, str]]:
        """What ``Experiment.record_decision`` takes: criterion pk → (assessment, comment)."""
        return {
            criterion.pk: (
                self.cleaned_data[f"criterion_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"].strip(),
            )
            for criterion in self.criteria
            if self.cleaned_data[f"criterion_{criterion.pk}"]
        }


class StageMoveForm(BoundedForm):
    """Every stage is offered here: the experiment itself says which moves it refuses."""

    stage = forms.ChoiceField(label="Nouvelle étape", choices=Stage.choices)
    reason = forms.CharField(label="Raison du changement", required=False, max_length=300)


class StopForm(BoundedForm):
    """Stopping an experiment: final, so it asks why."""

    reason = forms.CharField(
        label="Raison de l'arrêt",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Elle reste dans l'historique et sur l'expérimentation.",
        error_messages={"required": "Indiquez la raison de l'arrêt."},
    )


class HistoryFilterForm(BoundedForm):
    """The filter of the history tab, by kind of change."""

    STAGE, DECISION, OTHER = "etape", "decision", "autre"

    kind = forms.ChoiceField(
        label="Type de changement",
        required=False,
        choices=[
            ("", "Tous les changements"),
            (STAGE, "Changements d'étape"),
            (DECISION, "Décisions"),
            (OTHER, "Autres modifications"),
        ],
    )

    def filter(self, entries: QuerySet) -> tuple[QuerySet, bool]:
        """``entries`` of the kind chosen; tells whether a kind was chosen."""
        if not self.is_valid() or not self.cleaned_data["kind"]:
            return entries, False
        kind = self.cleaned_data["kind"]
        if kind == self.OTHER:
            return entries.exclude(verb__in=["stage", "decision"]), True
        return entries.filter(verb="stage" if kind == self.STAGE else "decision"), True
