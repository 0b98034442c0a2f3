"""A programme with its listening visits, their confidential interview notes, and experience
sheets that may be published."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse

from essaim.attachments.registry import attachable
from essaim.core.publication import Publishable, PublishableQuerySet
from essaim.governance.registry import governed
from essaim.roles.models import Role, RoleHolder, RoleQuerySet, roles_at_least


@governed
class Programme(RoleHolder):
    """Governed like an experiment: its steering committee, their meetings, its decision log."""

    name = models.CharField("nom", max_length=200)
    bodies = GenericRelation(
        "governance.Body", content_type_field="owner_type", object_id_field="owner_id"
    )
    logged_decisions = GenericRelation(
        "governance.LoggedDecision", content_type_field="owner_type", object_id_field="owner_id"
    )

    objects = RoleQuerySet.as_manager()

    def __str__(self) -> str:
        return self.name


@attachable
class Visit(RoleHolder):
    """Its roles come from its programme."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="visits")
    place = models.CharField("lieu", max_length=200)
    attachments = GenericRelation("attachments.Attachment")

    objects = RoleQuerySet.as_manager()

    roles_from = "programme"

    def __str__(self) -> str:
        return self.place

    def get_absolute_url(self) -> str:
        return reverse("platform_app:visit", args=[self.pk])


class InterviewNote(RoleHolder):
    """Confidential to the team: contributors and above, on the note or through its visit and
    programme; readers of the programme do not see it."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField("notes")

    objects = RoleQuerySet.as_manager()

    roles_from = "visit"
    confidential_to = roles_at_least(Role.CONTRIBUTOR)

    def __str__(self) -> str:
        return f"Entretien {self.pk}"


class NoteExcerpt(RoleHolder):
    """Not confidential itself, but under a confidential note: it follows the note's rule."""

    note = models.ForeignKey(InterviewNote, on_delete=models.CASCADE, related_name="excerpts")
    quote = models.TextField("citation")

    objects = RoleQuerySet.as_manager()

    roles_from = "note"


class OwnersOnlyMemo(RoleHolder):
    """Confidential to one named role of the programme: its owners."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="memos")
    text = models.TextField("mémo")

    objects = RoleQuerySet.as_manager()

    roles_from = "programme"
    confidential_to = frozenset({Role.OWNER})


class ExperienceSheet(Publishable):
    """An experience sheet of the public library: four fields are public, the others not."""

    title = models.CharField("titre", max_length=200)
    summary = models.TextField("résumé")
    lessons = models.TextField("enseignements")
    territory_name = models.CharField("territoire", max_length=200)
    contact_email = models.EmailField("e-mail du contact")
    internal_notes = models.TextField("notes internes")
    budget_comment = models.CharField("commentaire sur le budget", max_length=200)
    interviewee = models.CharField("personne interrogée", max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = PublishableQuerySet.as_manager()

    PUBLIC_FIELDS = ("title", "summary", "lessons", "territory_name")

    class Meta(Publishable.Meta):
        pass
