from django import forms

from essaim.core.bounds import BoundedForm


class AccessRequestForm(BoundedForm):
    email = forms.EmailField(
        label="Votre adresse e-mail",
        max_length=254,
        help_text="Celle que vous avez donnée en vous inscrivant à une session ou en adhérant.",
        error_messages={
            "required": "Indiquez votre adresse e-mail.",
            "invalid": "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class ErasureForm(BoundedForm):
    confirm = forms.BooleanField(
        label="Je confirme vouloir effacer mes données personnelles",
        error_messages={"required": "Cochez la case pour confirmer l'effacement."},
    )
