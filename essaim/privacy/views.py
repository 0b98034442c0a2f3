"""The pages of a person's rights over their data: no account, a personal link sent by e-mail.

The request page answers the same whether the address is known or not, so that it tells no one
who registered. The pages behind the link are never cached."""

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
from essaim.privacy.tokens import (
    LINK_VALIDITY,
    AccessLink,
    ExpiredLink,
    InvalidLink,
    read_access_link,
)


@require_http_methods(["GET", "POST"])
def request_access(request: HttpRequest) -> HttpResponse:
    form = AccessRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.send_access_link(
            email=form.cleaned_data["email"],
            link_for=lambda signed: request.build_absolute_uri(
                reverse("privacy:mine", args=[signed])
            ),
        )
        return redirect(reverse("privacy:request") + "?envoye=1")
    context = {
        "form": form,
        "sent": request.GET.get("envoye") == "1",
        "hours": int(LINK_VALIDITY.total_seconds() // 3600),
    }
    return render(request, "privacy/request.html", context)


def with_access_link(view):
    """Read the signed link of the URL; an altered or expired one gets a page that says so and
    how to ask for a new one."""

    @functools.wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, signed: str) -> HttpResponse:
        try:
            link = read_access_link(signed)
        except ExpiredLink:
            return render(request, "privacy/link_invalid.html", {"expired": True}, status=410)
        except InvalidLink:
            return render(request, "privacy/link_invalid.html", {"expired": False}, status=400)
        return view(request, link, signed)

    return wrapper


@require_safe
@with_access_link
def mine(request: HttpRequest, link: AccessLink, signed: str) -> HttpResponse:
    data = services.find_personal_data(link.email)
    return render(request, "privacy/mine.html", {"link": link, "signed": signed, "data": data})


@require_safe
@with_access_link
def export(request: HttpRequest, link: AccessLink, signed: str) -> HttpResponse:
    document = services.export_personal_data(email=link.email)
    content = json.dumps(document, ensure_ascii=False, indent=2)
    day = timezone.localdate().isoformat()
    return file_response(content, filename=f"mes-donnees-essaim-{day}.json", content_type=JSON_TYPE)


@require_http_methods(["GET", "POST"])
@with_access_link
def erase(request: HttpRequest, link: AccessLink, signed: str) -> HttpResponse:
    form = ErasureForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erasure = services.erase_personal_data(email=link.email)
        messages.success(request, erasure_message(erasure))
        return redirect("privacy:mine", signed=signed)
    data = services.find_personal_data(link.email)
    context = {"form": form, "link": link, "signed": signed, "data": data}
    return render(request, "privacy/erase.html", context)


def erasure_message(erasure: services.Erasure) -> str:
    if erasure.done:
        message = "Vos données ont été effacées : " + ", ".join(erasure.done) + "."
    else:
        message = "Essaim ne conservait aucune inscription à votre adresse."
    return " ".join([message, *erasure.kept])
