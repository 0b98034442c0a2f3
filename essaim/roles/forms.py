from django import forms

from essaim.roles.models import Role


def role_choices() -> list[tuple[str, str]]:
    return [(role.value, f"{role.label} — {role.description}") for role in Role]


class AddMemberForm(forms.Form):
    email = forms.EmailField(
        label="Adresse e-mail",
        help_text="L'adresse du compte Essaim de la personne. Elle recevra un e-mail.",
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
