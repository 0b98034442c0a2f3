"""Creating a programme, and what its page draws: the timeline of its stages and deliverables."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count
from django.utils.safestring import SafeString, mark_safe

from essaim.attachments.models import Attachment
from essaim.core.slugs import slug_of, unique_slug
from essaim.lib.svg_timeline import TimelineItem, render_timeline
from essaim.programmes.models import (
    Deliverable,
    DeliverableStatus,
    Programme,
    Stage,
    StageStatus,
)
from essaim.roles.models import Role

TIMELINE_STATUS = {
    StageStatus.PLANNED: "prevue",
    StageStatus.RUNNING: "en_cours",
    StageStatus.DONE: "terminee",
}


def create_programme(*, programme: Programme, by) -> Programme:
    """Save a new ``programme`` (unsaved, from its form) with a free address; ``by`` owns it."""
    with transaction.atomic():
        programme.slug = unique_slug(Programme, slug_of(programme.title, 70), "programme")
        programme.save()
        programme.grant(by, Role.OWNER, by=by)
        programme.log_action(by, "created", "Programme créé")
    return programme


def files_by_deliverable(deliverables: list[Deliverable]) -> dict[int, int]:
    """How many files each deliverable holds, in one query."""
    rows = (
        Attachment.objects.filter(
            content_type=ContentType.objects.get_for_model(Deliverable),
            object_id__in=[deliverable.pk for deliverable in deliverables],
        )
        .values("object_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["object_id"]: row["count"] for row in rows}


def deliverable_status(deliverable: Deliverable, today: datetime.date) -> str:
    if deliverable.status in (DeliverableStatus.DELIVERED, DeliverableStatus.VALIDATED):
        return "terminee"
    if deliverable.due_date and deliverable.due_date < today:
        return "en_retard"
    return "prevue"


def programme_timeline(
    programme: Programme,
    stages: list[Stage],
    deliverables: list[Deliverable],
    *,
    today: datetime.date,
) -> SafeString:
    """The stages as bars and the deliverables as milestones, on one timeline."""
    items = [
        TimelineItem(
            label=f"{stage.position}. {stage.title}",
            start=stage.start_date,
            end=stage.end_date,
            status=TIMELINE_STATUS.get(stage.status, ""),
            kind="etape",
        )
        for stage in stages
    ]
    items += [
        TimelineItem(
            label=deliverable.title,
            start=deliverable.due_date,
            end=None,
            status=deliverable_status(deliverable, today),
            kind="jalon",
        )
        for deliverable in deliverables
        if deliverable.due_date is not None
    ]
    if not items:
        return mark_safe("")
    # render_timeline escapes every label and the title.
    return mark_safe(render_timeline(items, title=f"Calendrier — {programme.title}", today=today))
