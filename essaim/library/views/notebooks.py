"""The thematic notebooks (*cahiers thématiques*): the library's editors assemble published
sheets with an introduction and a conclusion, order them and publish the notebook; anyone then
reads it on its public page and downloads it as PDF or DOCX. A programme's notebook is the same
object: its team adds sheets to it here, a library editor publishes it, and its public page and
documents hold what the programme's synthesis says of its theme (its quotes and workshops stay
with the team)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.core.concurrency import save_or_conflict
from essaim.core.downloads import DOCX_TYPE, PDF_TYPE, file_response
from essaim.core.history import describe_changes
from essaim.core.kept_values import kept_value
from essaim.core.publication import PublicationError, PublicationStatus, public_view
from essaim.library.forms.notebooks import (
    NotebookForm,
    SheetChoiceForm,
    SheetSearchForm,
    WithdrawalForm,
)
from essaim.library.models import Notebook, NotebookSheet
from essaim.library.models.sheets import is_library_editor
from essaim.library.services.notebooks import (
    NotebookError,
    add_sheet,
    create_notebook,
    move_sheet,
    remove_sheet,
)
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for, has_perm

NOTEBOOKS = Notebook.objects.select_related("theme", "programme", "programme_theme")
FORMATS = {"pdf": PDF_TYPE, "docx": DOCX_TYPE}
MOVES = {"monter": -1, "descendre": 1}


def entries_of(*, published_only: bool) -> Prefetch:
    """The notebook's entries in order, with their sheets and where they lie."""
    entries = NotebookSheet.objects.select_related(
        "sheet__commune",
        "sheet__epci",
        "sheet__region",
        "sheet__departement",
        "sheet__territory",
    ).order_by("position", "pk")
    if published_only:
        entries = entries.filter(sheet__publication_status=PublicationStatus.PUBLISHED)
    return Prefetch("entries", queryset=entries)


def notebook_for(request: HttpRequest, pk: int, perm: Perm = Perm.VIEW) -> Notebook:
    return get_object_for(
        request.user, NOTEBOOKS.prefetch_related(entries_of(published_only=False)), perm, pk=pk
    )


# The editors' pages ------------------------------------------------------------------------------


@login_required
@require_safe
def my_notebooks(request: HttpRequest) -> HttpResponse:
    notebooks = (
        NOTEBOOKS.visible_to(request.user)
        .annotate(sheet_count=Count("entries"))
        .order_by("title", "pk")
    )
    context = {"notebooks": list(notebooks), "can_create": is_library_editor(request.user)}
    return render(request, "library/notebooks_mine.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new_notebook(request: HttpRequest) -> HttpResponse:
    if not is_library_editor(request.user):
        raise PermissionDenied("Seuls les éditeurs de la bibliothèque créent un cahier.")
    form = NotebookForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        notebook = create_notebook(
            title=data["title"],
            introduction=data["introduction"],
            conclusion=data["conclusion"],
            theme=data.get("theme"),
            sheets=[],
            actor=request.user,
        )
        messages.success(request, "Le cahier est créé : ajoutez-y des fiches publiées.")
        return redirect(notebook.get_library_url())
    status = 400 if form.errors else 200
    return render(
        request, "library/notebook_form.html", {"form": form, "notebook": None}, status=status
    )


@login_required
@require_safe
def notebook_page(request: HttpRequest, pk: int) -> HttpResponse:
    notebook = notebook_for(request, pk)
    can_edit = has_perm(request.user, notebook, Perm.EDIT)
    search_form = SheetSearchForm(request.GET if "q" in request.GET else None)
    found = search_form.found(notebook) if can_edit else []
    context = {
        "notebook": notebook,
        "entries": list(notebook.entries.all()),
        "can_edit": can_edit,
        "can_publish": can_edit and is_library_editor(request.user),
        "search_form": search_form,
        "found": found,
        "searched": search_form.is_bound,
        "withdrawal_form": WithdrawalForm(),
    }
    template = "library/notebook.html"
    if request.htmx and search_form.is_bound:
        template += "#found"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_notebook(request: HttpRequest, pk: int) -> HttpResponse:
    notebook = notebook_for(request, pk, Perm.EDIT)
    form = NotebookForm(request.POST or None, instance=notebook)

    def save() -> None:
        changes = describe_changes(form)
        with transaction.atomic():
            form.save()
            if changes:
                notebook.log_action(request.user, "edited", "Cahier modifié", changes)

    if request.method == "POST" and form.is_valid() and save_or_conflict(form, save=save):
        messages.success(request, "Le cahier est enregistré.")
        return redirect(notebook.get_library_url())
    context = {"form": form, "notebook": notebook}
    return render(
        request, "library/notebook_form.html", context, status=400 if form.errors else 200
    )


@login_required
@require_POST
def change_sheets(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Add a published sheet at the end, move one up or down, or take one out."""
    notebook = notebook_for(request, pk, Perm.EDIT)
    form = SheetChoiceForm(request.POST, notebook=notebook)
    if not form.is_valid():
        raise Http404("Cette fiche n'existe pas ou n'est pas publiée.")
    sheet = form.cleaned_data["sheet"]
    try:
        if action == "ajouter":
            add_sheet(notebook=notebook, sheet=sheet, actor=request.user)
            messages.success(request, f"« {sheet.title} » est ajoutée au cahier.")
        elif action == "retirer":
            remove_sheet(notebook=notebook, sheet=sheet, actor=request.user)
            messages.success(request, f"« {sheet.title} » est retirée du cahier.")
        elif action in MOVES:
            move_sheet(notebook=notebook, sheet=sheet, offset=MOVES[action], actor=request.user)
        else:
            raise Http404("Action inconnue.")
    except NotebookError as error:
        messages.error(request, error.message)
    return redirect(f"{notebook.get_library_url()}#fiches")


@login_required
@require_POST
def change_publication(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    notebook = notebook_for(request, pk, Perm.EDIT)
    if action == "publier" and not is_library_editor(request.user):
        raise PermissionDenied("Seuls les éditeurs de la bibliothèque publient un cahier.")
    try:
        with transaction.atomic():
            if action == "publier":
                notebook.publish(request.user)
                messages.success(request, "Le cahier est publié : sa page publique est en ligne.")
            elif action == "retirer":
                form = WithdrawalForm(request.POST)
                if not form.is_valid():
                    raise PublicationError("Indiquez le motif du retrait.")
                notebook.withdraw(request.user, form.cleaned_data["reason"])
                messages.success(request, "Le cahier est retiré de la publication.")
            elif action == "brouillon":
                notebook.redraft(request.user)
                messages.success(request, "Le cahier est redevenu un brouillon.")
            else:
                raise Http404("Action inconnue.")
    except PublicationError as error:
        messages.error(request, error.message)
    return redirect(notebook.get_library_url())


# Public pages ------------------------------------------------------------------------------------


@require_safe
def public_notebooks(request: HttpRequest) -> HttpResponse:
    """The published notebooks, each with the number of its published sheets."""
    published_sheets = Q(entries__sheet__publication_status=PublicationStatus.PUBLISHED)
    notebooks = (
        Notebook.objects.published()
        .select_related("theme", "programme_theme")
        .annotate(sheet_count=Count("entries", filter=published_sheets))
        .order_by("-published_at", "-pk")
    )
    rows = [
        {
            "public": public_view(notebook),
            "theme": notebook.theme_label,
            "url": notebook.get_public_url(),
            "sheet_count": notebook.sheet_count,
        }
        for notebook in notebooks
    ]
    return render(request, "library/notebooks.html", {"notebooks": rows})


def published_notebook(pk: int) -> Notebook:
    notebook = (
        NOTEBOOKS.published()
        .prefetch_related(entries_of(published_only=True))
        .filter(pk=pk)
        .first()
    )
    if notebook is None:
        raise Http404("Ce cahier n'existe pas ou n'est plus publié.")
    return notebook


@require_safe
def public_notebook(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    from essaim.library.documents import published_sheets
    from essaim.programmes.documents import public_notebook_parts

    notebook = published_notebook(pk)
    if slug != (notebook.slug or "cahier"):
        return redirect(notebook.get_public_url(), permanent=True)
    sheets = [
        {"public": public_view(sheet), "url": sheet.get_public_url()}
        for sheet in published_sheets(notebook)
    ]
    context = {
        "public": public_view(notebook),
        "theme": notebook.theme_label,
        "published_on": notebook.published_at,
        "programme_parts": public_notebook_parts(notebook) if notebook.programme_id else [],
        "sheets": sheets,
        "pdf_url": notebook_download_url(notebook, "pdf"),
        "docx_url": notebook_download_url(notebook, "docx"),
    }
    return render(request, "library/notebook_public.html", context)


def notebook_download_url(notebook: Notebook, format: str) -> str:
    return reverse(f"library:notebook_{format}", args=[notebook.pk, notebook.slug or "cahier"])


# A notebook's document is kept (for a minute, and while nothing it shows has changed) up to
# this size: the public may ask for it again and again, and writing it takes seconds.
LARGEST_KEPT_DOCUMENT = 8 * 1024 * 1024


def notebook_download(request: HttpRequest, pk: int, slug: str, format: str) -> HttpResponse:
    from essaim.library import documents

    def write() -> tuple[str, bytes]:
        document = documents.notebook_document(published_notebook(pk))
        render_document = documents.render_pdf if format == "pdf" else documents.render_docx
        return document.filename, render_document(document)

    filename, content = kept_value(
        f"library:notebook:{pk}:{format}",
        write,
        keep=lambda written: len(written[1]) <= LARGEST_KEPT_DOCUMENT,
    )
    return file_response(
        content,
        filename=f"{filename}.{format}",
        content_type=FORMATS[format],
        inline=format == "pdf",
    )


@require_safe
def notebook_pdf(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    return notebook_download(request, pk, slug, "pdf")


@require_safe
def notebook_docx(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    return notebook_download(request, pk, slug, "docx")


urlpatterns = [
    path("bibliotheque/cahiers/", my_notebooks, name="my_notebooks"),
    path("bibliotheque/cahiers/nouveau/", new_notebook, name="new_notebook"),
    path("bibliotheque/cahiers/<int:pk>/", notebook_page, name="notebook"),
    path("bibliotheque/cahiers/<int:pk>/modifier/", edit_notebook, name="edit_notebook"),
    path(
        "bibliotheque/cahiers/<int:pk>/fiches/<str:action>/",
        change_sheets,
        name="notebook_sheets",
    ),
    path(
        "bibliotheque/cahiers/<int:pk>/publication/<str:action>/",
        change_publication,
        name="notebook_publication",
    ),
    path("experiences/cahiers/", public_notebooks, name="notebooks"),
    path("experiences/cahiers/<int:pk>-<slug:slug>/", public_notebook, name="public_notebook"),
    path("experiences/cahiers/<int:pk>-<slug:slug>/cahier.pdf", notebook_pdf, name="notebook_pdf"),
    path(
        "experiences/cahiers/<int:pk>-<slug:slug>/cahier.docx",
        notebook_docx,
        name="notebook_docx",
    ),
]
