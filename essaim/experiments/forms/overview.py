from django import forms

from essaim.experiments.models import Theme


class ExperimentCreateForm(forms.Form):
    title = forms.CharField(label="Titre", max_length=200)
    theme = forms.ChoiceField(label="Thème", choices=Theme.choices)
    summary = forms.CharField(
        label="En une phrase",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ce que vous voulez essayer, et pourquoi.",
    )
