"""The form of one risk of the risk register."""

from django import forms

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.experiments.models import Level, Risk

IMPACT_LABELS = {Level.LOW: "faible", Level.MEDIUM: "moyen", Level.HIGH: "fort"}


class RiskForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Risk
        fields = [
            "description",
            "likelihood",
            "impact",
            "mitigation",
            "owner",
            "accepted_as_right_to_error",
            "status",
        ]
        widgets = {
            "likelihood": forms.RadioSelect,
            "impact": forms.RadioSelect,
            "mitigation": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "description": "Quel risque ?",
            "likelihood": "Probabilité",
            "impact": "Impact s'il survient",
        }
        help_texts = {
            "description": "Par exemple : « Trop peu de conducteurs s'inscrivent ».",
            "mitigation": "Ce qui est fait pour l'éviter, ou pour en limiter les effets.",
            "owner": "La personne ou la structure qui le surveille.",
            "accepted_as_right_to_error": (
                "Cochez si ce risque est pris en connaissance de cause : s'il survient, "
                "l'échec sera une source d'enseignements, pas une faute."
            ),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty choice: the risk must be rated. « Impact » is masculine.
        self.fields["likelihood"].choices = Level.choices
        self.fields["impact"].choices = list(IMPACT_LABELS.items())
