from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import SetPasswordMixin

from essaim.accounts.models import User
from essaim.roles.models import Role


def role_choices() -> list[tuple[str, str]]:
    return [(role.value, f"{role.label} — {role.description}") for role in Role]


class AddMemberForm(forms.Form):
    email = forms.EmailField(
        label="Adresse e-mail",
        help_text="Si la personne n'a pas encore de compte sur Essaim, elle recevra une "
        "invitation à en créer un ; sinon, un e-mail la prévient.",
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label="Rôle", choices=role_choices, initial=Role.READER, widget=forms.RadioSelect
    )


class ChangeRoleForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    role = forms.ChoiceField(label="Rôle", choices=Role.choices)


class RemoveMemberForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)


class InvitationActionForm(forms.Form):
    invitation = forms.IntegerField(widget=forms.HiddenInput)


class InvitationSignupForm(SetPasswordMixin, forms.Form):
    """The account of someone who accepts an invitation: the address is the invitation's."""

    full_name = forms.CharField(
        label="Nom complet",
        max_length=150,
        help_text="Tel que les autres membres le verront, par exemple « Camille Martin ».",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields(
        label1="Mot de passe", label2="Confirmation du mot de passe"
    )

    def __init__(self, *args, email: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_full_name(self) -> str:
        full_name = self.cleaned_data["full_name"].strip()
        if not full_name:
            raise forms.ValidationError("Indiquez votre nom.")
        return full_name

    def clean(self) -> dict:
        cleaned_data = super().clean()
        self.validate_passwords()
        password = cleaned_data.get("password1")
        if password and not self.has_error("password2"):
            user = User(email=self.email, full_name=cleaned_data.get("full_name", ""))
            try:
                password_validation.validate_password(password, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data
