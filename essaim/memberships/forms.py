"""Forms of memberships: a type and its brackets, a membership, a payment, the list's filters."""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.lib.french import euros
from essaim.memberships.models import (
    FeeBracket,
    Membership,
    MembershipType,
    PaymentMethod,
    Status,
)
from essaim.organisations.models import Organisation

NOT_NEGATIVE = MinValueValidator(Decimal(0), "Le montant ne peut pas être négatif.")
TEXT_ROWS = forms.Textarea(attrs={"rows": 3})


def accept_french_amount(field: forms.DecimalField) -> None:
    """« 1 250,50 » as French people type it, never negative."""
    field.localize = True
    field.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
    field.widget.is_localized = True
    field.validators.append(NOT_NEGATIVE)
    field.error_messages["invalid"] = "Indiquez un montant en euros, par exemple 50 ou 120,50."


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


# Types -----------------------------------------------------------------------------------------


class MembershipTypeForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = MembershipType
        fields = [
            "name",
            "member_kind",
            "organiser",
            "fee",
            "description",
            "active",
            "payment_instructions",
            "send_to",
            "contact_email",
            "reminder_day",
            "reminder_month",
        ]
        labels = {
            "name": "Intitulé",
            "member_kind": "Qui adhère ?",
            "organiser": "Structure qui reçoit les cotisations",
            "fee": "Cotisation annuelle (€)",
            "description": "Présentation",
            "active": "Proposé sur le bulletin d'adhésion",
            "payment_instructions": "Comment régler",
            "send_to": "À qui renvoyer le bulletin",
            "contact_email": "E-mail de contact",
            "reminder_day": "Jour de la relance",
            "reminder_month": "Mois de la relance",
        }
        help_texts = {
            "name": "Par exemple « Adhésion individuelle » ou « Adhésion des collectivités ».",
            "fee": "Laissez vide si elle dépend d'une tranche : décrivez alors les tranches "
            "ci-dessous.",
        }
        widgets = {
            "member_kind": forms.RadioSelect,
            "description": TEXT_ROWS,
            "payment_instructions": TEXT_ROWS,
            "send_to": TEXT_ROWS,
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = Organisation.objects.order_by("name", "pk")
        self.fields["organiser"].empty_label = "— Choisir dans l'annuaire —"
        accept_french_amount(self.fields["fee"])
        self.fields["member_kind"].choices = [
            ("person", "Des personnes (adhésion individuelle)"),
            ("organisation", "Des structures (communes, EPCI, associations…)"),
        ]


class FeeBracketForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = FeeBracket
        fields = ["label", "fee"]
        labels = {"label": "Tranche", "fee": "Cotisation (€)"}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        accept_french_amount(self.fields["fee"])


class BaseBracketFormSet(forms.BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        used = {
            form.instance.pk
            for form in self.deleted_forms
            if form.instance.pk and form.instance.membership_set.exists()
        }
        for form in self.deleted_forms:
            if form.instance.pk in used:
                form.add_error(
                    None,
                    f"La tranche « {form.instance.label} » compte déjà des adhésions : elle ne "
                    "peut pas être supprimée. Renommez-la ou changez son montant.",
                )
        if used:
            raise forms.ValidationError("Une tranche utilisée ne peut pas être supprimée.")

    def remaining_count(self) -> int:
        """How many brackets the type keeps once saved: those filled in and not deleted."""
        deleted = self.deleted_forms
        return sum(
            1
            for form in self.forms
            if form not in deleted and (form.instance.pk or form.has_changed())
        )


BracketFormSet = forms.inlineformset_factory(
    MembershipType,
    FeeBracket,
    form=FeeBracketForm,
    formset=BaseBracketFormSet,
    extra=3,
    can_delete=True,
)


# Memberships -----------------------------------------------------------------------------------


class BracketChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, bracket: FeeBracket) -> str:
        return f"{bracket.membership_type} — {bracket.label} : {euros(bracket.fee)}"


class MembershipForm(VersionedFormMixin, BoundedModelForm):
    """A new membership, or the details of one; its type and year are fixed once created."""

    class Meta:
        model = Membership
        fields = [
            "membership_type",
            "year",
            "organisation",
            "first_name",
            "last_name",
            "email",
            "postal_address",
            "bracket",
            "amount",
            "note",
        ]
        labels = {
            "membership_type": "Type d'adhésion",
            "year": "Année",
            "organisation": "Structure adhérente",
            "first_name": "Prénom",
            "last_name": "Nom",
            "email": "Adresse e-mail",
            "postal_address": "Adresse postale",
            "bracket": "Tranche",
            "amount": "Montant (€)",
            "note": "Remarque",
        }
        help_texts = {
            "organisation": "Pour l'adhésion d'une structure : choisissez-la dans l'annuaire. "
            "Laissez vide pour une adhésion individuelle.",
            "first_name": "La personne qui adhère, ou le contact de la structure.",
            "email": "Celle de l'adhérent, ou du contact de la structure : les relances de "
            "renouvellement et le reçu y sont envoyés.",
            "amount": "Laissé vide : la cotisation du type, ou de la tranche choisie.",
        }
        field_classes = {"bracket": BracketChoiceField}
        widgets = {"postal_address": TEXT_ROWS, "note": TEXT_ROWS}
        error_messages = {
            "email": {"invalid": "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."}
        }

    def __init__(self, *args, types, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        types = types.select_related(None).order_by("name", "pk")
        self.fields["membership_type"].queryset = types
        self.fields["membership_type"].empty_label = None
        self.fields["bracket"].queryset = (
            FeeBracket.objects.filter(membership_type__in=types)
            .select_related("membership_type")
            .order_by("membership_type__name", "position", "pk")
        )
        self.fields["bracket"].empty_label = "— Sans tranche —"
        self.fields["organisation"].queryset = Organisation.objects.order_by("name", "pk")
        self.fields["organisation"].empty_label = "— Aucune : adhésion individuelle —"
        self.fields["amount"].required = False
        accept_french_amount(self.fields["amount"])
        for name in ("organisation", "last_name", "email"):
            self.fields[name].template_name = "memberships/forms/conditional_field.html"
        year = timezone.localdate().year
        self.fields["year"] = forms.IntegerField(
            label="Année",
            min_value=2000,
            max_value=year + 2,
            initial=year,
            error_messages={
                "min_value": "Choisissez une année à partir de 2000.",
                "max_value": f"Choisissez une année jusqu'à {year + 2}.",
            },
        )
        if self.instance.pk:
            for name in ("membership_type", "year"):
                self.fields[name].disabled = True
                self.fields[name].help_text = (
                    "Fixé à la création : pour un autre type ou une autre année, enregistrez "
                    "une nouvelle adhésion."
                )

    def _update_errors(self, errors) -> None:
        """A field its own validation refused keeps that message alone: the model's checks,
        which saw it empty, would only repeat it less precisely."""
        if hasattr(errors, "error_dict"):
            for name in [name for name in errors.error_dict if name in self._errors]:
                del errors.error_dict[name]
            if not errors.error_dict:
                return
        super()._update_errors(errors)

    def clean(self) -> dict:
        data = super().clean()
        membership_type, bracket = data.get("membership_type"), data.get("bracket")
        if membership_type is None:
            return data
        if bracket is not None and bracket.membership_type_id != membership_type.pk:
            self.add_error("bracket", "Cette tranche n'est pas celle de ce type d'adhésion.")
            return data
        if bracket is None and membership_type.fee is None and data.get("amount") is None:
            self.add_error(
                "bracket",
                "Ce type d'adhésion n'a pas de cotisation unique : choisissez la tranche, ou "
                "indiquez le montant.",
            )
            return data
        if data.get("amount") is None:
            data["amount"] = Membership.fee_for(membership_type, bracket)
        return data


class PaymentForm(BoundedForm):
    paid_on = forms.DateField(
        label="Date du paiement",
        widget=DateInput,
        help_text="Le jour où le virement, le chèque ou les espèces ont été reçus.",
        error_messages={
            "required": "Indiquez la date du paiement.",
            "invalid": "Indiquez une date valide, par exemple 15/01/2026.",
        },
    )
    payment_method = forms.ChoiceField(
        label="Moyen de paiement",
        choices=PaymentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choisissez le moyen de paiement."},
    )
    payment_reference = forms.CharField(
        label="Référence",
        required=False,
        max_length=100,
        help_text="Numéro du chèque, libellé du virement, numéro du mandat…",
    )
    amount = forms.DecimalField(
        label="Montant reçu (€)",
        max_digits=8,
        decimal_places=2,
        error_messages={"required": "Indiquez le montant reçu."},
    )
    send_receipt = forms.BooleanField(
        label="Envoyer le reçu par e-mail à l'adhérent", required=False
    )

    def __init__(self, *args, membership: Membership, **kwargs) -> None:
        kwargs.setdefault(
            "initial",
            {
                "paid_on": timezone.localdate(),
                "amount": membership.amount,
                "send_receipt": bool(membership.email),
            },
        )
        super().__init__(*args, **kwargs)
        accept_french_amount(self.fields["amount"])
        if not membership.email:
            del self.fields["send_receipt"]

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError("La date du paiement ne peut pas être dans le futur.")
        return paid_on


# The list ------------------------------------------------------------------------------------

ALL_YEARS = "toutes"


class MembershipFilterForm(BoundedForm):
    q = forms.CharField(
        label="Rechercher",
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"placeholder": "Nom, e-mail ou n° de reçu"}),
    )
    year = forms.ChoiceField(label="Année", required=False)
    type = forms.ModelChoiceField(
        label="Type",
        required=False,
        queryset=MembershipType.objects.none(),
        empty_label="Tous les types",
    )
    status = forms.ChoiceField(
        label="Statut", required=False, choices=[("", "Tous les statuts"), *Status.choices]
    )

    def __init__(self, data, *, types, years: list[int]) -> None:
        data = data.copy()
        data.setdefault("year", str(timezone.localdate().year))
        super().__init__(data)
        self.fields["type"].queryset = types
        self.fields["year"].choices = [
            *((str(year), str(year)) for year in years),
            (ALL_YEARS, "Toutes les années"),
        ]
