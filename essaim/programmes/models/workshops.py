"""Inter-territory thematic workshops and seminars. The thematic notebooks (*cahiers
thématiques*) that gather what was learned on a theme are the library's: this app reaches them
through ``programme.notebooks`` and ``theme.notebooks``."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from essaim.attachments.registry import attachable
from essaim.programmes.models.interviews import Theme
from essaim.programmes.models.programme import Programme
from essaim.programmes.models.territories import TerritoryContact
from essaim.roles.models import RoleHolder, RoleQuerySet


@attachable
class Workshop(RoleHolder):
    """A workshop on a problem the territories share (« amélioration de l'ingénierie, des
    coopérations, de la participation… »): the participants of each territory are invited, their
    attendance kept, and its outputs (notes, files) feed the theme's notebook."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="workshops")
    title = models.CharField("intitulé", max_length=250)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshops",
        verbose_name="thème",
    )
    date = models.DateField("date")
    start_time = models.TimeField("début", null=True, blank=True)
    end_time = models.TimeField("fin", null=True, blank=True)
    place = models.CharField("lieu", max_length=250, blank=True)
    description = models.TextField("objet de l'atelier", blank=True)
    outputs = models.TextField(
        "ce qui en est sorti",
        blank=True,
        help_text="Les notes de l'atelier : constats partagés, pistes, exemples des territoires.",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    roles_from = "programme"
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "atelier inter-territoires"
        verbose_name_plural = "ateliers inter-territoires"
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gt=F("start_time")),
                name="workshop_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:workshop", args=[self.programme_id, self.pk])


class WorkshopInvitation(models.Model):
    """A territory's participant invited to a workshop, and whether they came."""

    # Not « invitations »: a shared object already has its invitations to a role (RoleHolder).
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="invitees")
    contact = models.ForeignKey(
        TerritoryContact, on_delete=models.CASCADE, related_name="workshop_invitations"
    )
    invited_at = models.DateTimeField("invité le", null=True, blank=True)
    attended = models.BooleanField("présent", null=True, blank=True)

    class Meta:
        verbose_name = "invitation à un atelier"
        verbose_name_plural = "invitations aux ateliers"
        ordering = ["contact__territory__name", "contact__name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "contact"], name="one_invitation_per_workshop_and_contact"
            )
        ]

    def __str__(self) -> str:
        return f"{self.contact} — {self.workshop}"


class Seminar(models.Model):
    """A seminar of the programme (restitution, final seminar). Its registrations and attendance
    are those of a training session when it is organised as one; else a dated event."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="seminars")
    title = models.CharField("intitulé", max_length=250)
    date = models.DateField("date")
    place = models.CharField("lieu", max_length=250, blank=True)
    description = models.TextField("présentation", blank=True)
    session = models.OneToOneField(
        "trainings.TrainingSession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_seminar",
        verbose_name="session (inscriptions et présences)",
    )

    class Meta:
        verbose_name = "séminaire"
        verbose_name_plural = "séminaires"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title
