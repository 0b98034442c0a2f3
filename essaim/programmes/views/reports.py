"""The report sheet (*fiche reportage*) of a territory: prepared from its interviews, written
by the team beside the quotes that may be cited, sent to the referent who comments on it and
validates it, and downloaded as PDF or DOCX."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_with_history
from essaim.core.downloads import DOCX_TYPE, PDF_TYPE, file_response
from essaim.core.forms import tell_errors
from essaim.programmes.access import (
    get_team_programme_for,
    get_territory_for,
    is_team,
)
from essaim.programmes.forms.reports import CommentForm, ReportSheetForm
from essaim.programmes.models import ReportSheet, SheetStatus
from essaim.programmes.services.reports import (
    SheetError,
    add_comment,
    agree_to_publication,
    citable_quotes,
    prepare_sheet,
    quotes_by_theme,
    send_to_referent,
    validate_sheet,
)
from essaim.programmes.tabs import programme_context
from essaim.roles.models import Perm

FORMATS = {"pdf": PDF_TYPE, "docx": DOCX_TYPE}


def get_sheet_for(request: HttpRequest, programme_pk: int, territory_pk: int, perm=Perm.VIEW):
    """The territory's sheet for the programme's team, or for the territory's referent (a role
    on the territory itself) once it has been sent to them; 404 for anyone else, staff
    included."""
    territory = get_territory_for(request.user, programme_pk, territory_pk)
    sheet = (
        ReportSheet.objects.filter(territory=territory)
        .select_related("validated_by", "publication_agreed_by")
        .first()
    )
    team = is_team(request.user, territory.programme)
    referent = territory.role_of(request.user) is not None
    if sheet is None or not (team or (referent and sheet.status != SheetStatus.DRAFT)):
        raise Http404("Cette fiche n'existe pas ou ne vous est pas encore envoyée.")
    sheet.territory = territory
    if perm not in sheet.permissions_for(request.user):
        raise Http404("Cette page n'existe pas ou ne vous est pas accessible.")
    return sheet, team


def may_validate(user, sheet: ReportSheet) -> bool:
    """The referent (a role on the territory itself), or an editor of the programme's team
    who validates on their behalf."""
    territory = sheet.territory
    if territory.role_of(user) is not None:
        return True
    programme = territory.programme
    return is_team(user, programme) and Perm.EDIT in programme.permissions_for(user)


@login_required
@require_safe
def sheet_page(request: HttpRequest, programme_pk: int, territory_pk: int) -> HttpResponse:
    territory = get_territory_for(request.user, programme_pk, territory_pk)
    programme = territory.programme
    if not ReportSheet.objects.filter(territory=territory).exists():
        if not is_team(request.user, programme):
            raise Http404("Cette fiche n'existe pas ou ne vous est pas encore envoyée.")
        context = {
            **programme_context(programme, request.user, "synthesis"),
            "territory": territory,
            "sheet": None,
        }
        return render(request, "programmes/report_sheet.html", context)
    sheet, team = get_sheet_for(request, programme_pk, territory_pk)
    context = {
        **programme_context(programme, request.user, "synthesis"),
        "territory": territory,
        "sheet": sheet,
        "comments": list(sheet.comments.select_related("author")),
        "comment_form": CommentForm(),
        "can_comment": Perm.CONTRIBUTE in sheet.permissions_for(request.user),
        "can_validate": sheet.status == SheetStatus.SENT and may_validate(request.user, sheet),
        "can_agree": sheet.status == SheetStatus.VALIDATED
        and sheet.publication_agreed_at is None
        and may_validate(request.user, sheet),
        "is_team": team,
    }
    return render(request, "programmes/report_sheet.html", context)


@login_required
@require_POST
def sheet_prepare(request: HttpRequest, programme_pk: int, territory_pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk, Perm.EDIT)
    territory = get_territory_for(request.user, programme.pk, territory_pk)
    sheet = prepare_sheet(territory=territory, actor=request.user)
    messages.success(
        request, "La fiche est préparée avec les citations des entretiens : rédigez-la."
    )
    return redirect("programmes:edit_report_sheet", programme.pk, sheet.territory_id)


@login_required
@require_http_methods(["GET", "POST"])
def sheet_edit(request: HttpRequest, programme_pk: int, territory_pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk, Perm.EDIT)
    sheet, _ = get_sheet_for(request, programme.pk, territory_pk)
    if sheet.status == SheetStatus.VALIDATED:
        messages.error(request, "La fiche est validée par le référent : elle ne se modifie plus.")
        return redirect(sheet.get_absolute_url())
    form = ReportSheetForm(request.POST or None, instance=sheet)
    if request.method == "POST" and form.is_valid():
        saved = save_with_history(
            form,
            owner=programme,
            actor=request.user,
            verb="report",
            what=f"Fiche reportage de « {sheet.territory.name} » modifiée",
        )
        if saved:
            messages.success(request, "La fiche est enregistrée.")
            return redirect(sheet.get_absolute_url())
    context = {
        **programme_context(programme, request.user, "synthesis"),
        "territory": sheet.territory,
        "sheet": sheet,
        "form": form,
        "material": quotes_by_theme(citable_quotes(sheet.territory)),
    }
    return render(request, "programmes/report_sheet_form.html", context)


@login_required
@require_POST
def sheet_send(request: HttpRequest, programme_pk: int, territory_pk: int) -> HttpResponse:
    programme = get_team_programme_for(request.user, programme_pk, Perm.EDIT)
    sheet, _ = get_sheet_for(request, programme.pk, territory_pk)
    try:
        address = send_to_referent(sheet=sheet, actor=request.user)
    except SheetError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"La fiche est envoyée au référent ({address}) pour validation.")
    return redirect(sheet.get_absolute_url())


@login_required
@require_POST
def sheet_comment(request: HttpRequest, programme_pk: int, territory_pk: int) -> HttpResponse:
    sheet, _ = get_sheet_for(request, programme_pk, territory_pk, Perm.CONTRIBUTE)
    form = CommentForm(request.POST)
    if sheet.status == SheetStatus.VALIDATED:
        messages.error(request, "La fiche est validée : elle ne reçoit plus de remarques.")
    elif form.is_valid():
        add_comment(
            sheet=sheet,
            author=request.user,
            body=form.cleaned_data["body"],
            section=form.cleaned_data["section"],
        )
        messages.success(request, "Votre remarque est enregistrée.")
    else:
        tell_errors(request, form)
    return redirect(f"{sheet.get_absolute_url()}#remarques")


@login_required
@require_POST
def sheet_validate(request: HttpRequest, programme_pk: int, territory_pk: int) -> HttpResponse:
    sheet, _ = get_sheet_for(request, programme_pk, territory_pk)
    if not may_validate(request.user, sheet):
        raise Http404("Cette page n'existe pas ou ne vous est pas accessible.")
    try:
        validate_sheet(sheet=sheet, actor=request.user)
    except SheetError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "La fiche est validée.")
    return redirect(sheet.get_absolute_url())


@login_required
@require_POST
def sheet_agree(request: HttpRequest, programme_pk: int, territory_pk: int) -> HttpResponse:
    """The territory's referent, or the team on their word, agrees that the validated sheet be
    published in the library of experiences."""
    sheet, _ = get_sheet_for(request, programme_pk, territory_pk)
    if not may_validate(request.user, sheet):
        raise Http404("Cette page n'existe pas ou ne vous est pas accessible.")
    try:
        agree_to_publication(sheet=sheet, actor=request.user)
    except SheetError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            "La publication est acceptée : la fiche peut devenir une fiche expérience de la "
            "bibliothèque.",
        )
    return redirect(sheet.get_absolute_url())


@login_required
@require_safe
def sheet_download(
    request: HttpRequest, programme_pk: int, territory_pk: int, format: str
) -> HttpResponse:
    from essaim.programmes import documents

    if format not in FORMATS:
        raise Http404("Ce format n'existe pas.")
    sheet, _ = get_sheet_for(request, programme_pk, territory_pk)
    return download(documents.report_sheet_document(sheet), format)


def download(document, format: str) -> HttpResponse:
    """``document`` written as ``format`` (« pdf » or « docx »), to download."""
    from essaim.programmes import documents

    render = documents.render_pdf if format == "pdf" else documents.render_docx
    return file_response(
        render(document), filename=f"{document.filename}.{format}", content_type=FORMATS[format]
    )


BASE = "programmes/<int:programme_pk>/territoires/<int:territory_pk>/fiche"
urlpatterns = [
    path(f"{BASE}/", sheet_page, name="report_sheet"),
    path(f"{BASE}/preparer/", sheet_prepare, name="prepare_report_sheet"),
    path(f"{BASE}/modifier/", sheet_edit, name="edit_report_sheet"),
    path(f"{BASE}/envoyer/", sheet_send, name="send_report_sheet"),
    path(f"{BASE}/remarques/", sheet_comment, name="comment_report_sheet"),
    path(f"{BASE}/valider/", sheet_validate, name="validate_report_sheet"),
    path(f"{BASE}/publication/", sheet_agree, name="agree_report_sheet_publication"),
    path(f"{BASE}/fiche.<str:format>", sheet_download, name="report_sheet_download"),
]
