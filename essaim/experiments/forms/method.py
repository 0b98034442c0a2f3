"""Forms of the method: steps and milestones, and the theory of change."""

from django import forms

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.experiments.models import (
    Experiment,
    Outcome,
    OutcomeLink,
    Step,
    StepKind,
    StepStatus,
)

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StepForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Step
        fields = [
            "kind",
            "title",
            "start_date",
            "end_date",
            "deliverables",
            "status",
            "description",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "deliverables": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"start_date": "Début (ou date du jalon)"}
        help_texts = {
            "kind": (
                "Une phase regroupe plusieurs étapes ; un jalon est un moment-clé à une seule date "
                "(un comité de pilotage, une décision, une livraison)."
            ),
            "deliverables": "Ce que l'étape doit produire : rapport, outil, atelier, décision…",
        }

    def clean(self) -> dict:
        data = super().clean()
        kind, start, end = data.get("kind"), data.get("start_date"), data.get("end_date")
        if kind == StepKind.MILESTONE and end is not None and end != start:
            self.add_error(
                "end_date",
                "Un jalon n'a qu'une date : laissez la fin vide ou choisissez « étape ».",
            )
        elif kind == StepKind.MILESTONE:
            data["end_date"] = None
        elif kind and start and end is None:
            self.add_error(
                "end_date",
                "Indiquez la fin de la phase ou de l'étape, ou choisissez « jalon » "
                "pour un moment-clé à une seule date.",
            )
        if start and end and end < start:
            self.add_error("end_date", "La fin ne peut pas précéder le début.")
        return data


class StepStatusForm(BoundedForm):
    """The quick status change of one step, from the method tab."""

    status = forms.ChoiceField(label="Statut", choices=StepStatus.choices)


class OutcomeForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Outcome
        fields = ["level", "title", "description"]
        widgets = {"level": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "level": (
                "De ce que l'on fait (activités) et produit (réalisations) aux changements "
                "attendus à court et moyen terme, jusqu'à l'impact recherché."
            )
        }


class OutcomeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Outcome) -> str:
        return f"{obj.get_level_display().capitalize()} — {obj.title}"


class OutcomeLinkForm(VersionedFormMixin, BoundedModelForm):
    """“This leads to that”, between two links of the same experiment's theory of change."""

    source = OutcomeChoiceField(label="Ce maillon…", queryset=Outcome.objects.none())
    target = OutcomeChoiceField(label="…mène à", queryset=Outcome.objects.none())

    class Meta:
        model = OutcomeLink
        fields = ["source", "target", "rationale", "assumptions"]
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "assumptions": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "rationale": (
                "Le raisonnement qui relie les deux : pourquoi le premier produit le second."
            ),
            "assumptions": (
                "Ce qui doit être vrai pour que le lien tienne (conditions, comportements "
                "attendus, contexte) : ce que l'évaluation devra vérifier."
            ),
        }

    def __init__(self, *args, experiment: Experiment, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        outcomes = experiment.outcomes.all()
        self.fields["source"].queryset = outcomes
        self.fields["target"].queryset = outcomes

    def clean(self) -> dict:
        data = super().clean()
        source, target = data.get("source"), data.get("target")
        if source and target:
            if source == target:
                self.add_error("target", "Un maillon ne peut pas mener à lui-même.")
            elif (
                OutcomeLink.objects.filter(source=source, target=target)
                .exclude(pk=self.instance.pk)
                .exists()
            ):
                self.add_error("target", "Ce lien existe déjà.")
        return data
