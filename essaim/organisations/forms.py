from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q

from essaim.core.bounds import BoundedForm, BoundedModelForm
from essaim.core.concurrency import VersionedFormMixin
from essaim.organisations.models import Organisation, OrganisationKind, Person
from essaim.territories.models import Territory


class OrganisationForm(VersionedFormMixin, BoundedModelForm):
    siren = forms.CharField(
        label="SIREN",
        required=False,
        max_length=20,
        help_text="9 chiffres, facultatif. Les espaces sont acceptés.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Organisation
        fields = ["name", "short_name", "kind", "siren", "territory", "website", "description"]
        help_texts = {
            "short_name": "Par exemple CIEDEL ou PNR de Chartreuse.",
            "territory": "Le territoire sur lequel l'organisation agit.",
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        territories = Territory.objects.visible_to(user)
        if self.instance.territory_id:
            # A territory the user may not see stays selectable on the organisation that has it.
            territories = Territory.objects.filter(
                Q(pk__in=territories.values("pk")) | Q(pk=self.instance.territory_id)
            )
        self.fields["territory"].queryset = territories.order_by("name")
        self.fields["territory"].empty_label = "Aucun"

    def clean_siren(self) -> str:
        return self.cleaned_data["siren"].replace(" ", "")

    def validate_constraints(self) -> None:
        """Show the duplicate name error beside the name field rather than above the form."""
        try:
            self.instance.validate_constraints(exclude=self._get_validation_exclusions())
        except ValidationError as error:
            errors = error.update_error_dict({})
            for duplicate in errors.pop(NON_FIELD_ERRORS, []):
                field = "name" if duplicate.code == "duplicate_name" else NON_FIELD_ERRORS
                errors.setdefault(field, []).append(duplicate)
            self._update_errors(ValidationError(errors))


class OrganisationFilterForm(BoundedForm):
    q = forms.CharField(
        label="Nom ou sigle", required=False, max_length=100, widget=forms.SearchInput
    )
    kind = forms.ChoiceField(
        label="Type",
        required=False,
        choices=[("", "Tous les types"), *OrganisationKind.choices],
    )


class PersonForm(VersionedFormMixin, BoundedModelForm):
    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "function",
            "organisation",
            "email",
            "phone",
            "consents_to_contact",
            "consent_date",
        ]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "consent_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "function": "Par exemple « chargée de mission transition énergétique » ou « maire ».",
            "phone": "Par exemple 04 75 12 34 56 ou +33 4 75 12 34 56.",
            "consents_to_contact": "La personne a donné son accord pour être recontactée.",
            "consent_date": "Laissée vide, c'est la date du jour quand l'accord est coché.",
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = "Aucune"


class PersonFilterForm(BoundedForm):
    q = forms.CharField(
        label="Nom, fonction ou e-mail", required=False, max_length=100, widget=forms.SearchInput
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        required=False,
        queryset=Organisation.objects.none(),
        empty_label="Toutes les organisations",
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        visible = Person.objects.visible_to(user).values("organisation")
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=visible).order_by(
            "name"
        )
