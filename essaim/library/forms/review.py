"""What the review of a sheet asks in words: the editors' remarks when they send it back, the
reason of a withdrawal."""

from django import forms

from essaim.core.bounds import BoundedForm


class SendBackForm(BoundedForm):
    note = forms.CharField(
        label="Remarques pour les auteurs",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Elles restent privées : seuls les auteurs et les éditeurs les lisent.",
    )


class WithdrawalForm(BoundedForm):
    reason = forms.CharField(
        label="Motif du retrait",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Il reste dans l'historique de la fiche.",
    )
