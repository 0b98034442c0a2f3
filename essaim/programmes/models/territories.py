"""The territories of a programme: candidates selected through a flow of statuses, until they
commit in writing, name a referent and the participants of the workshops."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from essaim.attachments.registry import attachable
from essaim.lib.errors import DomainError
from essaim.programmes.models.programme import Programme
from essaim.roles.models import RoleHolder, RoleQuerySet


class SelectionError(DomainError):
    """A move of a territory that the selection's rules refuse."""


class TerritoryStatus(models.TextChoices):
    CONTACTED = "contacte", "contacté"
    INTERESTED = "interesse", "intéressé"
    COMMITTED = "engagement", "engagement écrit reçu"
    REFERENT = "referent", "référent désigné"
    PARTICIPANTS = "participants", "participants désignés"
    CONFIRMED = "confirme", "confirmé"
    WITHDRAWN = "retire", "retiré"


# The statuses in the order a territory goes through them.
STATUS_ORDER = [
    TerritoryStatus.CONTACTED,
    TerritoryStatus.INTERESTED,
    TerritoryStatus.COMMITTED,
    TerritoryStatus.REFERENT,
    TerritoryStatus.PARTICIPANTS,
    TerritoryStatus.CONFIRMED,
]
# The territories that take part (the map, the populations, the visits).
TAKING_PART = frozenset({TerritoryStatus.CONFIRMED})


class ContactRole(models.TextChoices):
    ELECTED = "elu", "élu"
    OFFICER = "technicien", "technicien"
    CIVIL_SOCIETY = "societe_civile", "société civile"
    OTHER = "autre", "autre"


@attachable
class ProgrammeTerritory(RoleHolder):
    """A territory (an intercommunalité, a pays, a PNR…) candidate to, then taking part in, a
    programme. Its perimeter comes from the referential; its referent may be given a role on
    it to follow its visit and validate its report sheet."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="territories")
    name = models.CharField("nom", max_length=200)
    perimeter = models.ForeignKey(
        "territories.Territory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="périmètre",
        help_text="Les communes du territoire, du référentiel (EPCI, pays, PNR…).",
    )
    field = models.CharField(
        "champ d'action",
        max_length=200,
        blank=True,
        help_text="« transition énergétique », « tourisme durable »…",
    )
    description = models.TextField("présentation", blank=True)
    status = models.CharField(
        "statut",
        max_length=20,
        choices=TerritoryStatus.choices,
        default=TerritoryStatus.CONTACTED,
    )
    status_since = models.DateField("dans ce statut depuis", default=timezone.localdate)
    commitment_on = models.DateField("confirmation écrite reçue le", null=True, blank=True)
    commitment_signed_by = models.CharField(
        "signée par", max_length=200, blank=True, help_text="« le président de la communauté »"
    )
    withdrawn_reason = models.TextField("raison du retrait", blank=True)
    illustrative = models.BooleanField(
        "exemple fictif",
        default=False,
        help_text="Un territoire inventé pour la démonstration.",
    )

    roles_from = "programme"
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "territoire du programme"
        verbose_name_plural = "territoires du programme"
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=TerritoryStatus.values),
                name="programme_territory_status_known",
            ),
            models.UniqueConstraint(
                fields=["programme", "name"], name="programme_territory_name_unique"
            ),
        ]
        indexes = [models.Index(fields=["programme", "status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:territory", args=[self.programme_id, self.pk])

    @property
    def takes_part(self) -> bool:
        return self.status in TAKING_PART


class TerritoryStatusChange(models.Model):
    """One move of a territory in the selection, kept for its history."""

    territory = models.ForeignKey(
        ProgrammeTerritory, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField("statut", max_length=20, choices=TerritoryStatus.choices)
    on = models.DateField("le")
    note = models.TextField("remarque", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="par",
    )
    created_at = models.DateTimeField("enregistré le", default=timezone.now)

    class Meta:
        verbose_name = "changement de statut"
        verbose_name_plural = "changements de statut"
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} le {self.on:%d/%m/%Y}"


class ContactKind(models.TextChoices):
    REFERENT = "referent", "référent"
    PARTICIPANT = "participant", "participant aux ateliers"


class TerritoryContact(models.Model):
    """The referent of a territory (« l'interlocuteur pivot au sein de l'équipe d'ingénierie
    locale ») or one of the people who take part in the inter-territory workshops."""

    territory = models.ForeignKey(
        ProgrammeTerritory, on_delete=models.CASCADE, related_name="contacts"
    )
    kind = models.CharField("qualité", max_length=12, choices=ContactKind.choices)
    name = models.CharField("nom", max_length=200)
    role = models.CharField("rôle", max_length=20, choices=ContactRole.choices)
    function = models.CharField(
        "fonction",
        max_length=200,
        blank=True,
        help_text="« vice-président », « chargée de mission »",
    )
    email = models.EmailField("adresse e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)

    class Meta:
        verbose_name = "contact du territoire"
        verbose_name_plural = "contacts des territoires"
        ordering = ["kind", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["territory"],
                condition=Q(kind="referent"),
                name="one_referent_per_programme_territory",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ContactKind.values), name="territory_contact_kind_known"
            ),
            models.CheckConstraint(
                condition=Q(role__in=ContactRole.values), name="territory_contact_role_known"
            ),
        ]

    def __str__(self) -> str:
        return self.name
