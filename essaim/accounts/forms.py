from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction

from essaim.accounts.models import ApiToken, User
from essaim.accounts.tasks import send_password_reset


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label="Adresse e-mail",
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )

    error_messages = {
        "invalid_login": "Adresse e-mail ou mot de passe incorrect. Vérifiez votre saisie, "
        "les majuscules comptent dans le mot de passe.",
        "inactive": "Ce compte est désactivé.",
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip().lower()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Hands the look-up and the e-mail to the worker (``tasks.send_password_reset``), so that
    the answer takes the same time whether an account has the address or not."""

    def save(self, domain_override=None, use_https=False, request=None, **kwargs) -> None:
        email = self.cleaned_data["email"]
        domain = domain_override or get_current_site(request).domain
        transaction.on_commit(
            lambda: send_password_reset.enqueue(email=email, domain=domain, use_https=use_https)
        )


class ProfileForm(forms.ModelForm):
    """The name, saved at once, and the login address, which changes only once the link sent
    to the new address is followed (``accounts.services.request_email_change``): whether an
    account already uses it is never said here."""

    email = forms.EmailField(
        label="Adresse e-mail",
        help_text="Pour la changer, un lien de confirmation est envoyé à la nouvelle adresse.",
    )

    class Meta:
        model = User
        fields = ["full_name"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].initial = self.instance.email

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def email_changed(self) -> bool:
        return self.cleaned_data["email"] != self.instance.email


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]
        labels = {"name": "Nom du jeton"}
        help_texts = {"name": "Pour vous souvenir de son usage, par exemple « tableur du suivi »."}
