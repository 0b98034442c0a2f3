"""The attachment pages: add (contributors), download (whoever sees the row), delete (their
uploader, or the row's editors). Every file goes through the permission check of the row it
belongs to; none is served by address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from essaim.attachments.forms import AttachmentForm
from essaim.attachments.models import Attachment
from essaim.attachments.registry import attachable_key, get_attachable_model
from essaim.attachments.services import attach_file, delete_attachment
from essaim.core.downloads import stored_file_response
from essaim.core.uploads import limit_upload_size, upload_too_large_message, upload_was_too_large
from essaim.roles.models import Perm, RoleHolder
from essaim.roles.permissions import get_object_for


def get_target_for(user, key: str, object_id: int, perm: Perm | str = Perm.VIEW) -> RoleHolder:
    """The row ``object_id`` of the attachable model ``key``, if ``user`` may see it (else 404)
    and ``perm`` on it (else 403)."""
    model = get_attachable_model(key)
    if model is None:
        raise Http404("Ces pièces jointes n'existent pas.")
    return get_object_for(user, model._default_manager.all(), perm, pk=object_id)


def get_attachment_for(user, pk: int) -> tuple[Attachment, RoleHolder]:
    """The attachment ``pk`` and its row, if ``user`` may see the row (else 404)."""
    attachment = Attachment.objects.select_related("content_type").filter(pk=pk).first()
    if attachment is None:
        raise Http404("Cette pièce jointe n'existe pas.")
    model = attachment.content_type.model_class()
    if model is None:
        raise Http404("Cette pièce jointe n'existe pas.")
    target = get_target_for(user, attachable_key(model), attachment.object_id)
    return attachment, target


def may_delete(user, attachment: Attachment, permissions: frozenset[Perm]) -> bool:
    return attachment.uploaded_by_id == user.pk or Perm.EDIT in permissions


def attachments_context(request: HttpRequest, target: RoleHolder) -> dict:
    """What ``attachments/_list.html`` needs, for a row the user may already see: its
    attachments (one query), each with ``deletable``, and the form to add one if they may."""
    permissions = target.permissions_for(request.user)
    attachments = list(Attachment.objects.of(target))
    for attachment in attachments:
        attachment.deletable = may_delete(request.user, attachment, permissions)
    may_add = Perm.CONTRIBUTE in permissions
    return {
        "attachment_list": attachments,
        "attachment_form": AttachmentForm() if may_add else None,
        "attachment_upload_url": reverse(
            "attachments:upload", args=[attachable_key(target), target.pk]
        ),
        "attachment_next": request.get_full_path(),
    }


def _back(request: HttpRequest, target: models.Model) -> HttpResponse:
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(target.get_absolute_url())


@login_required
@limit_upload_size(tells_in_form=True)
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, key: str, object_id: int) -> HttpResponse:
    target = get_target_for(request.user, key, object_id, Perm.CONTRIBUTE)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if upload_was_too_large(request):
            form.is_valid()
            form.errors["file"] = form.error_class([upload_too_large_message(request.upload_limit)])
        elif form.is_valid():
            attachment = attach_file(
                target=target,
                file=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                user=request.user,
            )
            messages.success(request, f"La pièce « {attachment.title} » est jointe.")
            return _back(request, target)
    context = {"target": target, "form": form, "next": request.POST.get("next", "")}
    return render(request, "attachments/upload.html", context, status=400 if form.errors else 200)


@login_required
@require_safe
def download(request: HttpRequest, pk: int) -> FileResponse:
    attachment, _ = get_attachment_for(request.user, pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("Ce fichier n'existe plus.") from error
    return stored_file_response(
        handle, filename=attachment.original_name, content_type=attachment.mime_type
    )


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    attachment, target = get_attachment_for(request.user, pk)
    if not may_delete(request.user, attachment, target.permissions_for(request.user)):
        raise PermissionDenied(
            "Seuls la personne qui l'a déposée et les éditeurs retirent une pièce."
        )
    delete_attachment(attachment=attachment, user=request.user)
    messages.success(request, f"La pièce « {attachment.title} » est retirée.")
    return _back(request, target)
