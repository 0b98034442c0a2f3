"""The forms of the network: a replica, a change of its status."""

from django import forms

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.experiments.forms.framing import DATE_WIDGET
from essaim.scaling.models import Replication, ReplicationStatus
from essaim.territories.widgets import CommunePickerField


class ReplicationForm(VersionedFormMixin, BoundedModelForm):
    commune = CommunePickerField(
        multiple=False,
        label="Commune",
        help_text="Là où la réplique est installée : son siège, ou sa première commune.",
    )

    class Meta:
        model = Replication
        fields = [
            "name",
            "commune",
            "carrier_name",
            "started_on",
            "agreement_kind",
            "agreement_signed_on",
            "adaptations",
            "lessons",
        ]
        widgets = {
            "started_on": DATE_WIDGET,
            "agreement_signed_on": DATE_WIDGET,
            "adaptations": forms.Textarea(attrs={"rows": 3}),
            "lessons": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"carrier_name": "Structure porteuse"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["commune"] = self.instance.commune

    def clean(self) -> dict:
        data = super().clean()
        if data.get("agreement_signed_on") and not data.get("agreement_kind"):
            self.add_error(
                "agreement_kind", "Dites ce qui a été signé : charte, label, convention…"
            )
        return data


class StatusForm(BoundedForm):
    status = forms.ChoiceField(label="Nouveau statut", widget=forms.RadioSelect)
    on = forms.DateField(label="Depuis le", widget=DATE_WIDGET)
    note = forms.CharField(
        label="Précision", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, replication: Replication, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, ReplicationStatus(status).label)
            for status in replication.allowed_statuses()
        ]
