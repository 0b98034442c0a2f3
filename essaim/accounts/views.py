from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from essaim.accounts.forms import (
    ApiTokenForm,
    EmailAuthenticationForm,
    PasswordResetForm,
    ProfileForm,
)
from essaim.accounts.models import ApiToken
from essaim.accounts.services import (
    INVALID_LINK,
    EmailChangeError,
    confirm_email_change,
    request_email_change,
)
from essaim.accounts.tokens import email_change_tokens


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    """The e-mail is sent by the worker (``tasks.send_password_reset``)."""

    form_class = PasswordResetForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        form.user.api_tokens.revoke()
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.user.api_tokens.revoke():
            messages.success(
                self.request, "Votre mot de passe a été changé ; vos jetons d'API sont révoqués."
            )
        else:
            messages.success(self.request, "Votre mot de passe a été changé.")
        return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        if form.email_changed():
            request_email_change(user=request.user, new_email=form.cleaned_data["email"])
            messages.success(
                request,
                f"Votre profil a été enregistré. Un lien de confirmation vient d'être envoyé à "
                f"{form.cleaned_data['email']} : votre adresse de connexion reste "
                f"{request.user.email} tant que vous ne l'avez pas suivi.",
            )
        else:
            messages.success(request, "Votre profil a été enregistré.")
        return redirect("accounts:profile")
    context = {
        "form": form,
        "token_form": ApiTokenForm(),
        "tokens": request.user.api_tokens.filter(revoked_at__isnull=True),
        "now": timezone.now(),
        "token_lifetime_days": settings.API_TOKEN_LIFETIME_DAYS,
        "new_key": request.session.pop("new_api_key", None),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """The link sent to a new address: GET shows what will change (a mail client that opens
    links changes nothing), POST changes it."""
    user = request.user
    context = {"valid": email_change_tokens.check_token(user, token)}
    if request.method == "POST":
        try:
            address = confirm_email_change(user=user, token=token)
        except EmailChangeError as error:
            context.update(valid=False, error=error.message)
        else:
            messages.success(request, f"Votre adresse de connexion est désormais {address}.")
            return redirect("accounts:profile")
    elif not context["valid"]:
        context["error"] = INVALID_LINK
    status = 200 if context["valid"] else 400
    return render(request, "accounts/email_change_confirm.html", context, status=status)


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Donnez un nom au jeton (100 caractères au plus).")
        return redirect("accounts:profile")
    _, key = ApiToken.issue(user=request.user, name=form.cleaned_data["name"])
    request.session["new_api_key"] = key
    messages.success(request, "Jeton créé. Copiez-le maintenant : il ne sera plus affiché.")
    return redirect("accounts:profile")


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(request.user.api_tokens.active(), pk=pk)
    token.revoke()
    messages.success(request, f"Le jeton « {token.name} » est révoqué.")
    return redirect("accounts:profile")
