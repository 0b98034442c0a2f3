from django import forms

from essaim.core.bounds import BoundedForm
from essaim.core.forms import LoadedModelChoiceField
from essaim.experiments.models import Experiment, Stage
from essaim.territories.models import Territory
from essaim.themes.fields import ThemeChoiceField


class ExperimentCreateForm(BoundedForm):
    title = forms.CharField(
        label="Titre",
        max_length=200,
        help_text="Court et parlant : par exemple « Autostop organisé en Chartreuse ».",
    )
    theme = ThemeChoiceField()
    summary = forms.CharField(
        label="En une phrase",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ce que vous voulez essayer, et pourquoi.",
    )


class ExperimentFilterForm(BoundedForm):
    q = forms.CharField(label="Recherche", required=False, max_length=100, widget=forms.SearchInput)
    stage = forms.ChoiceField(
        label="Étape", required=False, choices=[("", "Toutes les étapes"), *Stage.choices]
    )
    theme = ThemeChoiceField(required=False, empty_label="Tous les thèmes")
    territory = LoadedModelChoiceField(
        label="Territoire",
        required=False,
        queryset=Territory.objects.none(),
        empty_label="Tous les territoires",
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The territories the user sees that hold at least one experiment they see.
        experiments = Experiment.objects.visible_to(user).values("pk")
        self.fields["territory"].queryset = (
            Territory.objects.visible_to(user)
            .filter(
                pk__in=Territory.experiments.through.objects.filter(
                    experiment__in=experiments
                ).values("territory")
            )
            .only("pk", "name")
            .order_by("name", "pk")
        )
