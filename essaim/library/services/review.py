"""From draft to the public library: the authors ask for a review, the library's editors publish
the sheet or send it back with their remarks; a published sheet may be withdrawn (with a
reason) and redrafted. Authors who are not editors never publish themselves. Each step is
written in the sheet's history; the editors are told by e-mail when a review is asked, the
owners when their sheet is published or sent back.

A published sheet changed by a team member who is not an editor stays published (a typo must be
corrected at once) but goes back to the editors' queue (:func:`changed_after_publication`):
they review the changes, and approve them (``publish_sheet``) or send them back.

Each transition locks the sheet's row first and is applied to what the row holds then: two
editors who publish at once, or a withdrawal while someone publishes, make one change, one
history entry and one round of e-mails; the second is refused."""

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
    with transaction.atomic():
        row = locked(sheet)
        if row.publication_status != PublicationStatus.DRAFT:
            raise SheetError("Seul un brouillon peut être proposé à la relecture.")
        if row.review_requested_at is not None:
            raise SheetError("La relecture est déjà demandée.")
        row.review_requested_at = timezone.now()
        row.save(update_fields=["review_requested_at", "updated_at"])
        row.log_action(actor, "review", "Relecture demandée aux éditeurs de la bibliothèque")
        locked_state_to(sheet, row)
        tell(
            row,
            to=editor_addresses(),
            subject=f"Essaim : une fiche expérience à relire, « {row.title} »",
            template="library/emails/sheet_review_asked.txt",
            url=row.get_absolute_url(),
            actor=actor,
        )


def changed_after_publication(*, sheet: ExperienceSheet, actor) -> None:
    """``actor`` changed the published ``sheet``: unless they are an editor of the library, the
    sheet stays published but its review is asked again (it is back in the editors' queue) and
    the editors are told, with the same e-mail as a first review. Called inside the transaction
    of the change."""
    if sheet.publication_status != PublicationStatus.PUBLISHED or is_library_editor(actor):
        return
    already_asked = is_changed_since_review(sheet)
    sheet.review_requested_at = timezone.now()
    ExperienceSheet.objects.filter(pk=sheet.pk).update(
        review_requested_at=sheet.review_requested_at
    )
    if already_asked:  # the editors already know: one e-mail per review, not per save
        return
    sheet.log_action(actor, "review", "Fiche publiée modifiée : relecture demandée aux éditeurs")
    tell(
        sheet,
        to=editor_addresses(),
        subject=f"Essaim : une fiche publiée modifiée à relire, « {sheet.title} »",
        template="library/emails/sheet_review_asked.txt",
        url=sheet.get_absolute_url(),
        actor=actor,
    )


def is_changed_since_review(sheet: ExperienceSheet) -> bool:
    """A published sheet changed since its publication, whose changes await the editors."""
    return (
        sheet.publication_status == PublicationStatus.PUBLISHED
        and sheet.review_requested_at is not None
        and sheet.published_at is not None
        and sheet.review_requested_at > sheet.published_at
    )


def locked(sheet: ExperienceSheet) -> ExperienceSheet:
    """The row of ``sheet`` as it is now, locked until the end of the transaction: the
    transitions check and change it, never a copy loaded earlier."""
    return ExperienceSheet.objects.select_for_update().get(pk=sheet.pk)


def publish_sheet(*, sheet: ExperienceSheet, actor) -> None:
    """An editor of the library publishes the sheet (a draft, or a withdrawn sheet again), or
    approves the changes made to a published sheet since its review."""
    if not is_library_editor(actor):
        raise SheetError("Seuls les éditeurs de la bibliothèque publient une fiche.")
    with transaction.atomic():
        row = locked(sheet)
        if is_changed_since_review(row):
            row.review_requested_at = None
            row.save(update_fields=["review_requested_at", "updated_at"])
            row.log_action(actor, "review", "Modifications de la fiche publiée relues")
            locked_state_to(sheet, row)
            return
        row.publish(actor)
        row.review_requested_at = None
        row.save(update_fields=["review_requested_at", "updated_at"])
        locked_state_to(sheet, row)
        tell(
            row,
            to=owner_addresses(row),
            subject=f"Essaim : votre fiche « {row.title} » est publiée",
            template="library/emails/sheet_published.txt",
            url=row.get_public_url(),
            actor=actor,
        )


def send_back(*, sheet: ExperienceSheet, actor, note: str) -> None:
    """An editor sends the draft (or the changes of a published sheet) back to its authors with
    remarks, which stay private."""
    if not is_library_editor(actor):
        raise SheetError("Seuls les éditeurs de la bibliothèque relisent une fiche.")
    note = note.strip()
    if not note:
        raise SheetError("Dites aux auteurs ce qu'il faut reprendre.")
    with transaction.atomic():
        row = locked(sheet)
        if row.publication_status != PublicationStatus.DRAFT and not is_changed_since_review(row):
            raise SheetError("Seul un brouillon peut être renvoyé à ses auteurs.")
        row.review_note = note
        row.review_requested_at = None
        row.save(update_fields=["review_note", "review_requested_at", "updated_at"])
        row.log_action(actor, "review", f"Renvoyée aux auteurs : {note}")
        locked_state_to(sheet, row)
        tell(
            row,
            to=owner_addresses(row),
            subject=f"Essaim : votre fiche « {row.title} » est à reprendre",
            template="library/emails/sheet_sent_back.txt",
            url=row.get_absolute_url(),
            actor=actor,
            note=note,
        )


def withdraw_sheet(*, sheet: ExperienceSheet, actor, reason: str) -> None:
    with transaction.atomic():
        row = locked(sheet)
        row.withdraw(actor, reason)
        if row.review_requested_at is not None:  # off the public pages: nothing to review
            row.review_requested_at = None
            row.save(update_fields=["review_requested_at", "updated_at"])
        locked_state_to(sheet, row)


def redraft_sheet(*, sheet: ExperienceSheet, actor) -> None:
    with transaction.atomic():
        row = locked(sheet)
        row.redraft(actor)
        locked_state_to(sheet, row)


def locked_state_to(sheet: ExperienceSheet, row: ExperienceSheet) -> None:
    """``sheet`` takes the state ``row`` was moved to."""
    for name in (
        "publication_status",
        "published_at",
        "withdrawn_at",
        "withdrawal_reason",
        "review_requested_at",
        "review_note",
        "updated_at",
    ):
        setattr(sheet, name, getattr(row, name))


def tell(
    sheet: ExperienceSheet, *, to: list[str], subject: str, template: str, url: str, **context
) -> None:
    """One e-mail to each of ``to`` (no one sees the others' addresses), once committed."""
    body = render_to_string(template, {"sheet": sheet, "url": settings.SITE_URL + url, **context})
    for address in to:
        message = {"subject": subject, "body": body, "to": [address], "about": about(sheet)}
        transaction.on_commit(lambda message=message: send_email.enqueue(**message))
