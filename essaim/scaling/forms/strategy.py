"""The forms of the strategy, the perennisation plan and their steps."""

from django import forms
from django.db.models import Q

from essaim.core.bounds import BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.experiments.forms.framing import DATE_WIDGET, TerritoryChoiceField
from essaim.scaling.models import ScaleType, ScalingStep, ScalingStrategy
from essaim.territories.models import Territory


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class StrategyForm(VersionedFormMixin, BoundedModelForm):
    scale_types = forms.MultipleChoiceField(
        label="Types de changement d'échelle",
        choices=ScaleType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Plusieurs sont possibles : essaimer tout en faisant évoluer une politique "
        "publique, par exemple.",
    )
    target_territories = TerritoryChoiceField(
        label="Territoires visés",
        queryset=Territory.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-list--scroll"}),
        help_text="Les territoires que vous voyez dans Essaim.",
    )

    class Meta:
        model = ScalingStrategy
        fields = [
            "situation",
            "scale_types",
            "strategy",
            "route",
            "rationale",
            "target_territories",
            "target_places",
            "target_publics",
            "resources",
            "economic_model",
            "funding_transition",
            "grant_share_now",
            "grant_share_target",
            "target_year",
            "institutional_anchoring",
        ]
        widgets = {
            "situation": forms.RadioSelect,
            "strategy": forms.RadioSelect,
            "route": forms.RadioSelect,
            "rationale": _textarea(),
            "target_places": _textarea(2),
            "target_publics": _textarea(2),
            "resources": _textarea(),
            "economic_model": _textarea(4),
            "funding_transition": _textarea(),
            "institutional_anchoring": _textarea(),
        }
        labels = {
            "situation": "Quelle situation de changement d'échelle ?",
            "strategy": "Quelle stratégie ?",
            "route": "Par quelle voie ?",
        }
        help_texts = {
            "economic_model": "D'où viendront les ressources une fois l'expérimentation finie : "
            "ventes, cotisations, contrats, financements publics pérennes…",
            "funding_transition": "Comment le projet passe des subventions d'amorçage à des "
            "financements durables.",
            "institutional_anchoring": "Quelle collectivité, quel réseau ou quelle politique "
            "publique le porte durablement.",
            "resources": "Temps, compétences, budget que demande le changement d'échelle.",
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("situation", "strategy", "route"):
            self.fields[name].choices = [
                choice for choice in self.fields[name].choices if choice[0] != ""
            ]
        visible = Territory.objects.visible_to(user).values("pk")
        chosen = self.instance.target_territories.values("pk") if self.instance.pk else []
        self.fields["target_territories"].queryset = (
            Territory.objects.filter(Q(pk__in=visible) | Q(pk__in=chosen))
            .with_stats()
            .order_by("name", "pk")
        )

    def clean_target_year(self) -> int | None:
        year = self.cleaned_data["target_year"]
        if year is not None and not 2000 <= year <= 2100:
            raise forms.ValidationError("Indiquez une année entre 2000 et 2100.")
        return year

    def clean(self) -> dict:
        data = super().clean()
        for name in ("grant_share_now", "grant_share_target"):
            share = data.get(name)
            if share is not None and share > 100:
                self.add_error(name, "Une part s'exprime entre 0 et 100 %.")
        return data


class ScalingStepForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = ScalingStep
        fields = ["track", "title", "starts_on", "ends_on", "resources", "state"]
        widgets = {
            "track": forms.RadioSelect,
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "resources": _textarea(2),
            "state": forms.RadioSelect,
        }

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", "La fin ne peut précéder le début.")
        return data
