"""The pages of a person's rights over their data: no account, a personal link sent by e-mail.

The request page answers the same, after the same work, whether the address is known or not, so
that it tells no one who registered. The link's token is read once: the access is kept in the
session, and the pages behind it have addresses without the token. They are never cached."""

import functools
import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.downloads import JSON_TYPE, file_response
from essaim.privacy import services
from essaim.privacy.forms import AccessRequestForm, ErasureForm
from essaim.privacy.models import AccessLink
from essaim.privacy.tokens import LINK_VALIDITY, SESSION_KEY, ExpiredLink, InvalidLink


@require_http_methods(["GET", "POST"])
def request_access(request: HttpRequest) -> HttpResponse:
    form = AccessRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.request_access_link(email=form.cleaned_data["email"])
        return redirect(reverse("privacy:request") + "?envoye=1")
    context = {
        "form": form,
        "sent": request.GET.get("envoye") == "1",
        "hours": int(LINK_VALIDITY.total_seconds() // 3600),
    }
    return render(request, "privacy/request.html", context)


def invalid_link(request: HttpRequest, error: InvalidLink) -> HttpResponse:
    """An altered or expired link gets a page that says so and how to ask for a new one."""
    expired = isinstance(error, ExpiredLink)
    context = {"expired": expired, "missing": False}
    return render(request, "privacy/link_invalid.html", context, status=410 if expired else 400)


@require_safe
@never_cache
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """Exchange the token of the e-mail for an access kept in the session."""
    try:
        link = AccessLink.read(token)
    except InvalidLink as error:
        return invalid_link(request, error)
    request.session.cycle_key()
    request.session[SESSION_KEY] = link.pk
    return redirect("privacy:mine")


def with_access_link(view):
    """The link opened in this session; without one, a page that says to open the e-mail's."""

    @functools.wraps(view)
    @never_cache
    def wrapper(request: HttpRequest) -> HttpResponse:
        link = AccessLink.objects.filter(pk=request.session.get(SESSION_KEY)).first()
        if link is None:
            context = {"expired": False, "missing": True}
            return render(request, "privacy/link_invalid.html", context, status=403)
        try:
            link.check_valid()
        except ExpiredLink as error:
            return invalid_link(request, error)
        return view(request, link)

    return wrapper


@require_safe
@with_access_link
def mine(request: HttpRequest, link: AccessLink) -> HttpResponse:
    data = services.find_personal_data(link.email)
    return render(request, "privacy/mine.html", {"link": link, "data": data})


@require_safe
@with_access_link
def export(request: HttpRequest, link: AccessLink) -> HttpResponse:
    document = services.export_personal_data(email=link.email)
    content = json.dumps(document, ensure_ascii=False, indent=2)
    day = timezone.localdate().isoformat()
    return file_response(content, filename=f"mes-donnees-essaim-{day}.json", content_type=JSON_TYPE)


@require_http_methods(["GET", "POST"])
@with_access_link
def erase(request: HttpRequest, link: AccessLink) -> HttpResponse:
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erasure = services.erase_personal_data(email=link.email)
        messages.success(request, erasure_message(erasure))
        return redirect("privacy:mine")
    data = services.find_personal_data(link.email)
    context = {"form": form, "link": link, "data": data}
    return render(request, "privacy/erase.html", context)


def erasure_message(erasure: services.Erasure) -> str:
    if erasure.done:
        message = "Vos données ont été effacées : " + ", ".join(erasure.done) + "."
    else:
        message = "Essaim ne conservait aucune inscription à votre adresse."
    return " ".join([message, *erasure.kept])
