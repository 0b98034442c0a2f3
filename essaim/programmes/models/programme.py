"""A multi-territory programme: who organises it, its accompaniment group, its stages and the
deliverables it owes, as the national programme « S'organiser pour innover » set them out."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from essaim.attachments.registry import attachable
from essaim.core.history import Tracked
from essaim.roles.models import RoleHolder, RoleQuerySet


class Programme(Tracked, RoleHolder):
    """A programme that networks several territories for a given time. Its team (the people
    holding a role on it) runs it; nothing of it is public."""

    title = models.CharField("titre", max_length=250)
    slug = models.SlugField("adresse", max_length=80, unique=True)
    summary = models.TextField(
        "le programme en bref",
        blank=True,
        help_text="« Une étude et une mise en réseau de 9 territoires durant 12 mois. »",
    )
    aims = models.TextField("objectifs", blank=True)
    questions = models.TextField(
        "questions posées", blank=True, help_text="Une question par ligne."
    )
    added_value = models.TextField(
        "la valeur ajoutée pour les territoires participants",
        blank=True,
        help_text="Une idée par ligne.",
    )
    organisers = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="programmes",
        verbose_name="organisateurs",
    )
    start_date = models.DateField("début")
    end_date = models.DateField("fin")
    budget = models.DecimalField(
        "budget (€)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    participants_expected = models.PositiveSmallIntegerField(
        "participants attendus par territoire",
        default=3,
        help_text="Les personnes de chaque territoire qui participent aux ateliers "
        "(par exemple un élu, un technicien, un représentant de la société civile).",
    )
    contact = models.TextField("contacts", blank=True)
    created_at = models.DateTimeField("créé le", default=timezone.now)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "programme"
        verbose_name_plural = "programmes"
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="programme_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:overview", args=[self.pk])


class StageStatus(models.TextChoices):
    PLANNED = "a_venir", "à venir"
    RUNNING = "en_cours", "en cours"
    DONE = "terminee", "terminée"


class Stage(models.Model):
    """« Étape 2 : Écoute territoriale et réunion du comité de pilotage (jusqu'à fin mars). »"""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="stages")
    position = models.PositiveSmallIntegerField("numéro", default=1)
    title = models.CharField("intitulé", max_length=250)
    description = models.TextField("ce qui s'y fait", blank=True)
    start_date = models.DateField("du")
    end_date = models.DateField("au")
    status = models.CharField(
        "état", max_length=10, choices=StageStatus.choices, default=StageStatus.PLANNED
    )

    class Meta:
        verbose_name = "étape"
        verbose_name_plural = "étapes"
        ordering = ["position", "start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="stage_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(status__in=StageStatus.values), name="stage_status_known"
            ),
        ]

    def __str__(self) -> str:
        return f"Étape {self.position} : {self.title}"


class DeliverableKind(models.TextChoices):
    REPORT_SHEET = "fiche_reportage", "fiche reportage"
    SYNTHESIS = "synthese", "synthèse"
    NOTEBOOK = "cahier", "cahier thématique"
    SEMINAR = "seminaire", "séminaire"
    MINUTES = "compte_rendu", "compte rendu"
    OTHER = "autre", "autre"


class DeliverableStatus(models.TextChoices):
    PLANNED = "prevu", "prévu"
    RUNNING = "en_cours", "en cours"
    DELIVERED = "remis", "remis"
    VALIDATED = "valide", "validé"


@attachable
class Deliverable(RoleHolder):
    """A production the programme owes (« les productions attendues »), with its file(s)."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="deliverables")
    kind = models.CharField("type", max_length=20, choices=DeliverableKind.choices)
    title = models.CharField("intitulé", max_length=250)
    stage = models.ForeignKey(
        Stage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliverables",
        verbose_name="étape",
    )
    due_date = models.DateField("attendu le", null=True, blank=True)
    status = models.CharField(
        "état",
        max_length=10,
        choices=DeliverableStatus.choices,
        default=DeliverableStatus.PLANNED,
    )
    note = models.TextField("remarques", blank=True)

    roles_from = "programme"
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "production attendue"
        verbose_name_plural = "productions attendues"
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=DeliverableKind.values), name="deliverable_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(status__in=DeliverableStatus.values),
                name="deliverable_status_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:deliverable", args=[self.programme_id, self.pk])


class GroupMember(models.Model):
    """A member of the accompaniment group: an expert in local development, a researcher, an
    organiser's officer. The experts go in pairs to the territories' listening visits."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="group_members")
    name = models.CharField("nom", max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="organisation",
    )
    role = models.CharField(
        "rôle dans le groupe",
        max_length=200,
        blank=True,
        help_text="« experte en développement local », « chercheur »…",
    )
    is_expert = models.BooleanField(
        "part en écoute territoriale",
        default=False,
        help_text="Fait partie des binômes d'experts qui vont dans les territoires.",
    )
    email = models.EmailField("adresse e-mail", blank=True)

    class Meta:
        verbose_name = "membre du groupe d'accompagnement"
        verbose_name_plural = "membres du groupe d'accompagnement"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name
