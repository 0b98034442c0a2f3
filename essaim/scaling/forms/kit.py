"""The forms of the transfer kit: the kit itself, each of its items, and the reason of a
withdrawal."""

from django import forms

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.scaling.models import KitItem, KitItemKind, TransferKit
from essaim.themes.fields import ThemeChoiceField


def _textarea(rows: int = 3) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class KitForm(VersionedFormMixin, BoundedModelForm):
    theme = ThemeChoiceField(required=False)

    class Meta:
        model = TransferKit
        fields = [
            "title",
            "summary",
            "origin",
            "theme",
            "charter_kind",
            "charter_name",
            "charter_conditions",
            "training_offered",
            "support_offered",
            "fee_amount",
            "fee_terms",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "summary": _textarea(4),
            "origin": _textarea(4),
            "charter_kind": forms.RadioSelect,
            "charter_conditions": _textarea(),
            "training_offered": _textarea(),
            "support_offered": _textarea(),
        }
        labels = {"title": "Titre du kit", "charter_kind": "Engagement commun des territoires"}
        # « 150,50 », as people type amounts in French.
        localized_fields = ["fee_amount"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].offer(self.instance.theme_id)

    def clean_fee_amount(self):
        amount = self.cleaned_data["fee_amount"]
        if amount is not None and amount < 0:
            raise forms.ValidationError("Une cotisation ne peut pas être négative.")
        return amount

    def clean(self) -> dict:
        data = super().clean()
        if data.get("charter_kind") and not data.get("charter_name"):
            self.add_error("charter_name", "Donnez le nom de la charte, du label ou du contrat.")
        return data


class KitItemForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = KitItem
        fields = ["kind", "title", "description", "guidance"]
        widgets = {
            "kind": forms.RadioSelect,
            "description": _textarea(),
            "guidance": _textarea(),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = KitItemKind.choices


class WithdrawalForm(BoundedForm):
    reason = forms.CharField(
        label="Motif du retrait",
        widget=_textarea(2),
        help_text="Il reste dans l'historique du kit.",
    )
