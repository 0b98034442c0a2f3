"""The review of sheets: the queue of the library's editors, the authors' request, and the
changes of publication (publish, send back, withdraw, redraft), each a POST from the sheet's
page that comes back to it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_POST, require_safe

from essaim.core.publication import PublicationError
from essaim.library.forms.review import SendBackForm, WithdrawalForm
from essaim.library.models import ExperienceSheet
from essaim.library.models.sheets import is_library_editor
from essaim.library.services.review import (
    ask_for_review,
    publish_sheet,
    redraft_sheet,
    send_back,
    withdraw_sheet,
)
from essaim.library.services.sheets import SheetError
from essaim.library.views.sheets import get_sheet_for
from essaim.roles.models import Perm


def require_library_editor(user) -> None:
    if not is_library_editor(user):
        raise PermissionDenied("Seuls les éditeurs de la bibliothèque relisent et publient.")


@login_required
@require_safe
def review_queue(request: HttpRequest) -> HttpResponse:
    require_library_editor(request.user)
    waiting = (
        ExperienceSheet.objects.to_review()
        .select_related("departement", "created_by")
        .order_by("review_requested_at", "pk")
    )
    return render(request, "library/review_queue.html", {"sheets": list(waiting)})


@login_required
@require_POST
def ask_review(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = get_sheet_for(request.user, pk, Perm.EDIT)
    try:
        ask_for_review(sheet=sheet, actor=request.user)
    except SheetError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "La relecture est demandée : les éditeurs sont prévenus.")
    return redirect(sheet.get_absolute_url())


@login_required
@require_POST
def change_publication(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    sheet = get_sheet_for(request.user, pk, Perm.EDIT)
    try:
        said = ACTIONS[action](request, sheet) if action in ACTIONS else None
    except (SheetError, PublicationError) as error:
        messages.error(request, error.message)
    else:
        if said is None:
            messages.error(request, "Action inconnue.")
        else:
            messages.success(request, said)
    return redirect(sheet.get_absolute_url())


def _publish(request: HttpRequest, sheet: ExperienceSheet) -> str:
    require_library_editor(request.user)
    was_published = sheet.is_published
    publish_sheet(sheet=sheet, actor=request.user)
    if was_published:
        return "Les modifications de la fiche sont relues : elle reste en ligne telle quelle."
    return "La fiche est publiée : sa page publique est en ligne, ses auteurs sont prévenus."


def _send_back(request: HttpRequest, sheet: ExperienceSheet) -> str:
    require_library_editor(request.user)
    form = SendBackForm(request.POST)
    if not form.is_valid():
        raise SheetError("Dites aux auteurs ce qu'il faut reprendre.")
    send_back(sheet=sheet, actor=request.user, note=form.cleaned_data["note"])
    return "La fiche est renvoyée à ses auteurs avec vos remarques."


def _withdraw(request: HttpRequest, sheet: ExperienceSheet) -> str:
    form = WithdrawalForm(request.POST)
    if not form.is_valid():
        raise SheetError("Indiquez le motif du retrait.")
    withdraw_sheet(sheet=sheet, actor=request.user, reason=form.cleaned_data["reason"])
    return "La fiche est retirée de la bibliothèque."


def _redraft(request: HttpRequest, sheet: ExperienceSheet) -> str:
    redraft_sheet(sheet=sheet, actor=request.user)
    return "La fiche est redevenue un brouillon."


ACTIONS = {
    "publier": _publish,
    "renvoyer": _send_back,
    "retirer": _withdraw,
    "brouillon": _redraft,
}


urlpatterns = [
    path("bibliotheque/relecture/", review_queue, name="review_queue"),
    path("bibliotheque/fiches/<int:pk>/relecture/", ask_review, name="ask_review"),
    path(
        "bibliotheque/fiches/<int:pk>/publication/<str:action>/",
        change_publication,
        name="sheet_publication",
    ),
]
