"""The pages of a sheet: its public page and its public documents for everyone; « Mes fiches »,
a new sheet, the sheet's own page, its edit form, its contacts and its members for its team
(and the library's editors, who see every sheet)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.attachments.models import Attachment
from essaim.attachments.views import attachments_context
from essaim.core.concurrency import save_or_conflict
from essaim.core.downloads import stored_file_response
from essaim.core.history import history_page
from essaim.core.publication import PublicationStatus, public_view
from essaim.experiments.access import get_experiment_for
from essaim.library.forms.contacts import ContactForm
from essaim.library.forms.review import SendBackForm, WithdrawalForm
from essaim.library.forms.sheets import NewSheetForm
from essaim.library.forms.sheets import SheetForm as SheetEditForm
from essaim.library.models import ExperienceSheet, SheetContact, SheetSource
from essaim.library.models.sheets import is_library_editor
from essaim.library.services.prefill import draft_from_experiment, draft_from_report_sheet
from essaim.library.services.review import is_changed_since_review
from essaim.library.services.sheets import (
    SheetDraft,
    SheetError,
    create_sheet,
    delete_contact,
    save_contact,
    save_sheet,
)
from essaim.library.services.similar import nearby_sheets, similar_sheets
from essaim.roles.models import Perm
from essaim.roles.permissions import get_object_for
from essaim.roles.views import manage_members, members_context


def get_sheet_for(user, pk: int, perm: Perm | str = Perm.VIEW) -> ExperienceSheet:
    """The sheet ``pk`` for its team and the library's editors (404 for anyone else), if they
    may ``perm`` on it (else 403)."""
    queryset = ExperienceSheet.objects.select_related(
        "territory", "commune", "epci", "departement", "region", "experiment", "created_by"
    )
    return get_object_for(user, queryset, perm, pk=pk)


# Public pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicContact:
    """A contact who agreed to be published, as the public page shows them."""

    name: str
    role: str
    organisation: str
    email: str
    phone: str


@dataclass(frozen=True)
class PublicDocument:
    title: str
    kind: str
    size: int
    url: str


def published_sheet(pk: int) -> ExperienceSheet:
    sheet = (
        ExperienceSheet.objects.published()
        .select_related("territory", "commune", "epci", "departement", "region")
        .prefetch_related("themes", "publics")
        .filter(pk=pk)
        .first()
    )
    if sheet is None:
        raise Http404("Cette fiche n'existe pas ou n'est plus publiée.")
    return sheet


def public_sheet_context(sheet: ExperienceSheet, *, preview: bool = False) -> dict:
    """What the public page of ``sheet`` shows: its public view and copies of what it lists,
    never the sheet itself."""
    contacts = sheet.contacts.filter(consented=True).order_by("position", "pk")
    documents = Attachment.objects.of(sheet)
    return {
        "preview": preview,
        "public": public_view(sheet),
        "pk": sheet.pk,
        "slug": sheet.slug,
        "years": sheet.years,
        "licence_url": sheet.licence_url,
        "published_on": sheet.published_at,
        "themes": [theme.label for theme in sheet.themes.all()],
        "publics": [public.label for public in sheet.publics.all()],
        "contacts": [
            PublicContact(c.name, c.role, c.organisation, c.email, c.phone) for c in contacts
        ],
        "documents": [
            PublicDocument(
                d.title,
                d.get_kind_display(),
                d.size,
                reverse("library:public_document", args=[sheet.pk, d.pk]),
            )
            for d in documents
        ],
        "similar": similar_sheets(sheet),
        "nearby": nearby_sheets(sheet),
    }


@require_safe
def public_sheet(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    sheet = published_sheet(pk)
    if slug != (sheet.slug or "fiche"):
        return redirect(sheet.get_public_url(), permanent=True)
    return render(request, "library/public_sheet.html", public_sheet_context(sheet))


@require_safe
def public_document(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    """A document of a published sheet: every document joined to a sheet is public once the
    sheet is published (the sheet's page says so to its team)."""
    sheet = published_sheet(pk)
    document = Attachment.objects.of(sheet).filter(pk=document_pk).first()
    if document is None:
        raise Http404("Ce document n'existe pas.")
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("Ce fichier n'existe plus.") from error
    return stored_file_response(
        handle, filename=document.original_name, content_type=document.mime_type
    )


# The team's pages --------------------------------------------------------------------------------


@login_required
@require_safe
def my_sheets(request: HttpRequest) -> HttpResponse:
    sheets = (
        ExperienceSheet.objects.with_role(request.user)
        .with_role_of(request.user)
        .select_related("departement")
        .order_by("-updated_at", "-pk")
    )
    editor = is_library_editor(request.user)
    context = {
        "sheets": list(sheets),
        "is_editor": editor,
        "to_review": ExperienceSheet.objects.to_review().count() if editor else 0,
    }
    return render(request, "library/my_sheets.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new_sheet(request: HttpRequest) -> HttpResponse:
    initial = {}
    experiment_pk = request.GET.get("experimentation", "").strip()
    # ASCII digits only (« ² » passes ``isdigit`` and not ``int``), and a number a key may be.
    if experiment_pk.isascii() and experiment_pk.isdigit() and len(experiment_pk) < 10:
        initial = {"start": SheetSource.EXPERIMENT, "experiment": int(experiment_pk)}
    form = NewSheetForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            draft = draft_of(request, form.cleaned_data)
        except SheetError as error:
            form.add_error(None, error.message)
        else:
            sheet = create_sheet(draft=draft, actor=request.user)
            messages.success(request, "La fiche est commencée : relisez-la et complétez-la.")
            return redirect("library:edit_sheet", sheet.pk)
    status = 400 if form.errors else 200
    return render(request, "library/sheet_new.html", {"form": form}, status=status)


def draft_of(request: HttpRequest, data: dict) -> SheetDraft:
    start = data["start"]
    if start == SheetSource.EXPERIMENT:
        experiment = get_experiment_for(request.user, data["experiment"].pk, Perm.EDIT)
        return draft_from_experiment(experiment)
    if start == SheetSource.REPORT_SHEET:
        return draft_from_report_sheet(data["report_sheet"])
    return SheetDraft(fields={"title": data["title"]})


@login_required
@require_safe
def sheet_page(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = get_sheet_for(request.user, pk)
    permissions = sheet.permissions_for(request.user)
    editor = is_library_editor(request.user)
    context = {
        "sheet": sheet,
        "contacts": list(sheet.contacts.all()),
        "themes": list(sheet.themes.all()),
        "publics": list(sheet.publics.all()),
        "can_edit": Perm.EDIT in permissions,
        "is_editor": editor,
        "is_draft": sheet.publication_status == PublicationStatus.DRAFT,
        "is_published": sheet.publication_status == PublicationStatus.PUBLISHED,
        "is_withdrawn": sheet.publication_status == PublicationStatus.WITHDRAWN,
        "changed_since_review": is_changed_since_review(sheet),
        "send_back_form": SendBackForm(),
        "withdrawal_form": WithdrawalForm(),
        **attachments_context(request, sheet),
        **members_context(sheet, request.user, reverse("library:sheet_members", args=[sheet.pk])),
        **history_page(request, sheet, per_page=20),
    }
    return render(request, "library/sheet.html", context)


@login_required
@require_safe
def sheet_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The public page as it would read, for the sheet's team and the editors, whatever its
    state: built the same way, from the public view only."""
    sheet = get_sheet_for(request.user, pk)
    context = public_sheet_context(sheet, preview=True)
    return render(request, "library/public_sheet.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = get_sheet_for(request.user, pk, Perm.EDIT)
    form = SheetEditForm(request.POST or None, instance=sheet)
    if request.method == "POST" and form.is_valid() and save_sheet(form, actor=request.user):
        messages.success(request, "La fiche est enregistrée.")
        return redirect(sheet.get_absolute_url())
    context = {"sheet": sheet, "form": form}
    return render(request, "library/sheet_form.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit_contact(request: HttpRequest, pk: int, contact_pk: int | None = None) -> HttpResponse:
    sheet = get_sheet_for(request.user, pk, Perm.EDIT)
    contact = SheetContact(sheet=sheet)
    if contact_pk is not None:
        contact = sheet.contacts.filter(pk=contact_pk).first()
        if contact is None:
            raise Http404("Ce contact n'existe pas.")
        contact.sheet = sheet
    form = ContactForm(request.POST or None, instance=contact)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_conflict(form, save=lambda: _save_contact(form, request.user))
    ):
        messages.success(request, "Le contact est enregistré.")
        return redirect(f"{sheet.get_absolute_url()}#contacts")
    context = {"sheet": sheet, "form": form, "contact": contact}
    status = 400 if form.errors else 200
    return render(request, "library/sheet_contact_form.html", context, status=status)


def _save_contact(form: ContactForm, actor) -> None:
    # The row is locked (``select_for_update``) until the contact is saved: one transaction.
    with transaction.atomic():
        form.lock_and_check()
        save_contact(contact=form.save(commit=False), actor=actor)


@login_required
@require_POST
def remove_contact(request: HttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    sheet = get_sheet_for(request.user, pk, Perm.EDIT)
    contact = sheet.contacts.filter(pk=contact_pk).first()
    if contact is None:
        raise Http404("Ce contact n'existe pas.")
    contact.sheet = sheet
    delete_contact(contact=contact, actor=request.user)
    messages.success(request, "Le contact est retiré de la fiche.")
    return redirect(f"{sheet.get_absolute_url()}#contacts")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def sheet_members(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = get_sheet_for(request.user, pk, Perm.MANAGE)
    return manage_members(
        request,
        queryset=ExperienceSheet.objects.all(),
        pk=pk,
        breadcrumb=[
            ("Mes fiches", reverse("library:my_sheets")),
            (sheet.title, sheet.get_absolute_url()),
        ],
    )


urlpatterns = [
    path("experiences/<int:pk>-<slug:slug>/", public_sheet, name="public_sheet"),
    path(
        "experiences/<int:pk>/documents/<int:document_pk>/",
        public_document,
        name="public_document",
    ),
    path("bibliotheque/fiches/", my_sheets, name="my_sheets"),
    path("bibliotheque/fiches/nouvelle/", new_sheet, name="new_sheet"),
    path("bibliotheque/fiches/<int:pk>/", sheet_page, name="sheet"),
    path("bibliotheque/fiches/<int:pk>/apercu/", sheet_preview, name="sheet_preview"),
    path("bibliotheque/fiches/<int:pk>/modifier/", edit_sheet, name="edit_sheet"),
    path("bibliotheque/fiches/<int:pk>/contacts/nouveau/", edit_contact, name="add_contact"),
    path(
        "bibliotheque/fiches/<int:pk>/contacts/<int:contact_pk>/modifier/",
        edit_contact,
        name="edit_contact",
    ),
    path(
        "bibliotheque/fiches/<int:pk>/contacts/<int:contact_pk>/retirer/",
        remove_contact,
        name="remove_contact",
    ),
    path("bibliotheque/fiches/<int:pk>/equipe/", sheet_members, name="sheet_members"),
]
