"""The forms of the network: a replica, a change of its status."""

from django import forms
from django.db.models import Q

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.experiments.forms.framing import DATE_WIDGET
from essaim.organisations.models import Organisation
from essaim.scaling.models import Aggregation, Replication, ReplicationStatus, SharedIndicator
from essaim.territories.models import Territory
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
            "territory",
            "carrier",
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
        labels = {
            "carrier": "Structure porteuse",
            "carrier_name": "Structure porteuse, si elle n'est pas dans l'annuaire",
            "territory": "Périmètre",
        }
        help_texts = {
            "carrier": "Choisie dans l'annuaire des organisations.",
            "territory": "Le territoire sur lequel la réplique agit, s'il est dans Essaim.",
        }

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["commune"] = self.instance.commune
        self.fields["carrier"].queryset = Organisation.objects.order_by("name")
        self.fields["carrier"].empty_label = "Hors de l'annuaire"
        territories = Territory.objects.visible_to(user).values("pk") if user else []
        chosen = [self.instance.territory_id] if self.instance.territory_id else []
        self.fields["territory"].queryset = Territory.objects.filter(
            Q(pk__in=territories) | Q(pk__in=chosen)
        ).order_by("name")
        self.fields["territory"].empty_label = "Aucun"

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
    # The status the page showed: a change made meanwhile by someone else is not overridden.
    loaded = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, replication: Replication, **kwargs) -> None:
        kwargs.setdefault("initial", {})["loaded"] = replication.status
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (status.value, ReplicationStatus(status).label)
            for status in replication.allowed_statuses()
        ]


class JoinRequestForm(BoundedForm):
    organisation_name = forms.CharField(
        label="La structure qui porterait le projet",
        max_length=200,
        help_text="Une commune, une communauté de communes, une association, une coopérative…",
    )
    commune = CommunePickerField(multiple=False, label="Sur quelle commune ?")
    message = forms.CharField(
        label="Votre projet en quelques lignes",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Qui vous êtes, pourquoi ce modèle, où vous en êtes. L'équipe du modèle le lira.",
    )


class AnswerForm(BoundedForm):
    answer = forms.CharField(
        label="Votre réponse",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Elle est envoyée par e-mail. Obligatoire pour un refus.",
    )


class MessageForm(BoundedForm):
    body = forms.CharField(label="Votre message", widget=forms.Textarea(attrs={"rows": 4}))


class LocalChoiceForm(BoundedForm):
    local_choice = forms.CharField(
        label="Ce que notre territoire en fait",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SharedIndicatorForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = SharedIndicator
        fields = ["name", "unit", "aggregation"]
        widgets = {"aggregation": forms.RadioSelect}
        help_texts = {
            "aggregation": "La somme pour ce qui s'additionne (des kWc, des inscrits) ; la "
            "moyenne pour un taux ou un délai."
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["aggregation"].choices = Aggregation.choices


class FigureForm(BoundedForm):
    indicator = forms.ModelChoiceField(label="Indicateur", queryset=SharedIndicator.objects.none())
    year = forms.IntegerField(label="Année", min_value=1990, max_value=2100)
    value = forms.DecimalField(label="Valeur", max_digits=14, decimal_places=2, localize=True)
    replace = forms.BooleanField(
        label="Remplacer le chiffre déjà donné pour cette année", required=False
    )

    def __init__(self, *args, replication: Replication, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = SharedIndicator.objects.filter(
            model_experiment_id=replication.model_experiment_id
        )
