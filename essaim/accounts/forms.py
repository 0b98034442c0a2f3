from django import forms
from django.contrib.auth.forms import AuthenticationForm

from essaim.accounts.models import ApiToken, User


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


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "email"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.exclude(pk=self.instance.pk).filter(email__iexact=email).exists():
            raise forms.ValidationError("Un autre compte utilise déjà cette adresse e-mail.")
        return email


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]
        labels = {"name": "Nom du jeton"}
        help_texts = {"name": "Pour vous souvenir de son usage, par exemple « tableur du suivi »."}
