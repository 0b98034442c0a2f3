"""From draft to the public library: the authors ask for a review, the library's editors publish
the sheet or send it back with their remarks; a published sheet may be withdrawn (with a
reason) and redrafted. Authors who are not editors never publish themselves. Each step is
written in the sheet's history; the editors are told by e-mail when a review is asked, the
owners when their sheet is published or sent back."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from essaim.core.publication import PublicationStatus
from essaim.library.models import ExperienceSheet
from essaim.library.models.sheets import REVIEW_PERMISSION, is_library_editor
from essaim.library.services.sheets import SheetError
from essaim.mail.tasks import about, send_email
from essaim.roles.models import Role


def editor_addresses() -> list[str]:
    """The addresses of the library's editors (by their group or their own permission)."""
    app_label, codename = REVIEW_PERMISSION.split(".")
    holds = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    users = get_user_model().objects.filter(holds, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def owner_addresses(sheet: ExperienceSheet) -> list[str]:
    owners = sheet.roles.filter(role=Role.OWNER, user__is_active=True).exclude(user__email="")
    return sorted(set(owners.values_list("user__email", flat=True)))


def ask_for_review(*, sheet: ExperienceSheet, actor) -> None:
    """The authors think the draft is ready: the editors are asked to review it."""
    if sheet.publication_status != PublicationStatus.DRAFT:
        raise SheetError("Seul un brouillon peut être proposé à la relecture.")
    if sheet.review_requested_at is not None:
        raise SheetError("La relecture est déjà demandée.")
    with transaction.atomic():
        sheet.review_requested_at = timezone.now()
        sheet.save(update_fields=["review_requested_at", "updated_at"])
        sheet.log_action(actor, "review", "Relecture demandée aux éditeurs de la bibliothèque")
        tell(
            sheet,
            to=editor_addresses(),
            subject=f"Essaim : une fiche expérience à relire, « {sheet.title} »",
            template="library/emails/sheet_review_asked.txt",
            url=sheet.get_absolute_url(),
            actor=actor,
        )


def publish_sheet(*, sheet: ExperienceSheet, actor) -> None:
    """An editor of the library publishes the sheet (a draft, or a withdrawn sheet again)."""
    if not is_library_editor(actor):
        raise SheetError("Seuls les éditeurs de la bibliothèque publient une fiche.")
    with transaction.atomic():
        sheet.publish(actor)
        sheet.review_requested_at = None
        sheet.save(update_fields=["review_requested_at", "updated_at"])
        tell(
            sheet,
            to=owner_addresses(sheet),
            subject=f"Essaim : votre fiche « {sheet.title} » est publiée",
            template="library/emails/sheet_published.txt",
            url=sheet.get_public_url(),
            actor=actor,
        )


def send_back(*, sheet: ExperienceSheet, actor, note: str) -> None:
    """An editor sends the draft back to its authors with remarks, which stay private."""
    if not is_library_editor(actor):
        raise SheetError("Seuls les éditeurs de la bibliothèque relisent une fiche.")
    note = note.strip()
    if not note:
        raise SheetError("Dites aux auteurs ce qu'il faut reprendre.")
    if sheet.publication_status != PublicationStatus.DRAFT:
        raise SheetError("Seul un brouillon peut être renvoyé à ses auteurs.")
    with transaction.atomic():
        sheet.review_note = note
        sheet.review_requested_at = None
        sheet.save(update_fields=["review_note", "review_requested_at", "updated_at"])
        sheet.log_action(actor, "review", f"Renvoyée aux auteurs : {note}")
        tell(
            sheet,
            to=owner_addresses(sheet),
            subject=f"Essaim : votre fiche « {sheet.title} » est à reprendre",
            template="library/emails/sheet_sent_back.txt",
            url=sheet.get_absolute_url(),
            actor=actor,
            note=note,
        )


def withdraw_sheet(*, sheet: ExperienceSheet, actor, reason: str) -> None:
    sheet.withdraw(actor, reason)


def redraft_sheet(*, sheet: ExperienceSheet, actor) -> None:
    sheet.redraft(actor)


def tell(
    sheet: ExperienceSheet, *, to: list[str], subject: str, template: str, url: str, **context
) -> None:
    """One e-mail to each of ``to`` (no one sees the others' addresses), once committed."""
    body = render_to_string(template, {"sheet": sheet, "url": settings.SITE_URL + url, **context})
    for address in to:
        message = {"subject": subject, "body": body, "to": [address], "about": about(sheet)}
        transaction.on_commit(lambda message=message: send_email.enqueue(**message))
