"""Importing an existing collection of sheets, for the library's editors: the imports, a new
file, the field of each of its columns, and the import's progress (polled by htmx) and result.

Every library editor sees every import: they review the sheets an import creates, whoever
dropped the file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods, require_safe

from essaim.core.pagination import counted_page
from essaim.core.uploads import limit_upload_size
from essaim.library.forms.imports import CollectionFileForm, ColumnMappingForm
from essaim.library.models import ImportStatus, SheetImport
from essaim.library.models.sheets import is_library_editor
from essaim.library.services.imports import (
    IMPORT_FIELDS,
    MAX_IMPORT_BYTES,
    CollectionImportError,
    create_import,
    example_values,
    queue_import,
)

POLL_SECONDS = 2
PER_PAGE = 30
RUNNING = (ImportStatus.QUEUED, ImportStatus.RUNNING)


def check_library_editor(user) -> None:
    if not is_library_editor(user):
        raise PermissionDenied("Les imports sont réservés aux éditeurs de la bibliothèque.")


def get_import_for(user, pk: int) -> SheetImport:
    """An import, for a library editor (403 for anyone else, 404 when there is none)."""
    check_library_editor(user)
    return get_object_or_404(SheetImport.objects.select_related("created_by"), pk=pk)


@login_required
@require_safe
def import_list(request: HttpRequest) -> HttpResponse:
    check_library_editor(request.user)
    imports = SheetImport.objects.select_related("created_by").order_by("-created_at", "-pk")
    page = counted_page(imports, request.GET.get("page"), PER_PAGE)
    return render(request, "library/imports.html", {"page": page})


@login_required
@limit_upload_size(max_bytes=MAX_IMPORT_BYTES)
@require_http_methods(["GET", "HEAD", "POST"])
def import_new(request: HttpRequest) -> HttpResponse:
    check_library_editor(request.user)
    posted = request.method == "POST"
    form = CollectionFileForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        sheet_import = create_import(
            filename=form.cleaned_data["file"].name,
            data=form.data_read,
            sheet=form.sheet,
            actor=request.user,
        )
        return redirect("library:import_columns", sheet_import.pk)
    context = {"form": form, "fields": IMPORT_FIELDS}
    return render(request, "library/import_new.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def import_columns(request: HttpRequest, pk: int) -> HttpResponse:
    sheet_import = get_import_for(request.user, pk)
    if sheet_import.status != ImportStatus.UPLOADED:
        return redirect(sheet_import)
    posted = request.method == "POST"
    form = ColumnMappingForm(
        request.POST if posted else None,
        headers=sheet_import.headers,
        initial_mapping=sheet_import.mapping,
    )
    if posted and form.is_valid():
        try:
            queue_import(sheet_import=sheet_import, mapping=form.mapping(), actor=request.user)
        except CollectionImportError as error:
            messages.error(request, error.message)
        return redirect(sheet_import)
    examples = example_values(sheet_import)
    columns = [
        (form[ColumnMappingForm.field_name(index)], examples[index])
        for index in range(len(sheet_import.headers))
    ]
    context = {"sheet_import": sheet_import, "form": form, "columns": columns}
    return render(request, "library/import_columns.html", context)


@login_required
@require_safe
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The import's progress while the worker runs it, then its errors or its sheets; htmx asks
    for the progress alone every ``POLL_SECONDS``."""
    sheet_import = get_import_for(request.user, pk)
    sheets = []
    if sheet_import.status == ImportStatus.DONE:
        sheets = list(sheet_import.sheets.order_by("pk").only("pk", "title")[:PER_PAGE])
    context = {
        "sheet_import": sheet_import,
        "running": sheet_import.status in RUNNING,
        "poll_seconds": POLL_SECONDS,
        "sheets": sheets,
    }
    template = "library/import.html"
    if request.htmx:
        template += "#progress"
    return render(request, template, context)


urlpatterns = [
    path("bibliotheque/imports/", import_list, name="imports"),
    path("bibliotheque/imports/nouveau/", import_new, name="import_new"),
    path("bibliotheque/imports/<int:pk>/", import_detail, name="import"),
    path("bibliotheque/imports/<int:pk>/colonnes/", import_columns, name="import_columns"),
]
