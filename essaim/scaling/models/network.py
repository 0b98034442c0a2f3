"""The network of an experiment that others reproduce: its replicas (*répliques*), their
history of statuses, the figures they share, the requests to join and each replica's thread
with the model's team."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from essaim.experiments.models import Experiment
from essaim.lib.errors import DomainError
from essaim.roles.models import Perm, RoleHolder, RoleQuerySet
from essaim.scaling.models.kit import KitItemKind


class NetworkError(DomainError):
    """A change of the network that its rules refuse."""


class ReplicationStatus(models.TextChoices):
    CONTACT = "contact", "premier contact"
    STUDY = "etude", "étude"
    AGREEMENT = "convention", "convention signée"
    LAUNCHED = "lancee", "lancée"
    ACTIVE = "active", "active"
    STOPPED = "arretee", "arrêtée"


# The statuses in the order a replica goes through them, before it may stop.
STATUS_ORDER = [
    ReplicationStatus.CONTACT,
    ReplicationStatus.STUDY,
    ReplicationStatus.AGREEMENT,
    ReplicationStatus.LAUNCHED,
    ReplicationStatus.ACTIVE,
]
# A replica that has launched counts in the network's growth.
RUNNING_STATUSES = frozenset({ReplicationStatus.LAUNCHED, ReplicationStatus.ACTIVE})


def allowed_statuses(current: ReplicationStatus | str) -> list[ReplicationStatus]:
    """Where a replica may go from ``current``: forward to any later status (a step may be
    recorded late), back one step before the agreement (a study that returns to a contact),
    to « arrêtée » from anywhere; a stopped replica starts again at the contact or the study."""
    current = ReplicationStatus(current)
    if current == ReplicationStatus.STOPPED:
        return [ReplicationStatus.CONTACT, ReplicationStatus.STUDY]
    index = STATUS_ORDER.index(current)
    allowed = STATUS_ORDER[index + 1 :]
    if current == ReplicationStatus.STUDY:
        allowed = [ReplicationStatus.CONTACT, *allowed]
    return [*allowed, ReplicationStatus.STOPPED]


class AgreementKind(models.TextChoices):
    CHARTER = "charte", "charte"
    LABEL = "label", "label"
    AGREEMENT = "convention", "convention"
    FRANCHISE = "franchise", "contrat de franchise"


class ReplicationQuerySet(RoleQuerySet):
    def visible_to(self, user) -> "ReplicationQuerySet":
        """The replicas of the models ``user`` may see, and those whose own experiment they may
        see (the replica's team sees its replica, never the others)."""
        if not user.is_authenticated:
            return self.none()
        model_side = super().visible_to(user)
        replica_side = self.filter(
            replica_experiment__in=Experiment.objects.visible_to(user).values("pk")
        )
        return self.filter(Q(pk__in=model_side.values("pk")) | Q(pk__in=replica_side.values("pk")))


class Replication(RoleHolder):
    """A replica: the model reproduced in another territory by a local carrier."""

    model_experiment = models.ForeignKey(
        Experiment,
        on_delete=models.CASCADE,
        related_name="replications",
        verbose_name="modèle",
    )
    name = models.CharField("nom", max_length=200)
    commune = models.ForeignKey(
        "territories.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="commune",
        help_text="Là où la réplique est installée (son siège, sa première commune).",
    )
    territory = models.ForeignKey(
        "territories.Territory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="périmètre",
    )
    carrier = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="structure porteuse",
    )
    carrier_name = models.CharField(
        "structure porteuse (hors annuaire)", max_length=200, blank=True
    )
    status = models.CharField(
        "statut",
        max_length=20,
        choices=ReplicationStatus.choices,
        default=ReplicationStatus.CONTACT,
    )
    status_since = models.DateField("dans ce statut depuis", default=timezone.localdate)
    started_on = models.DateField("date de démarrage", null=True, blank=True)
    agreement_kind = models.CharField(
        "engagement", max_length=20, choices=AgreementKind.choices, blank=True
    )
    agreement_signed_on = models.DateField("signé le", null=True, blank=True)
    adaptations = models.TextField("adaptations faites", blank=True)
    lessons = models.TextField("ce qu'elle a appris", blank=True)
    replica_experiment = models.OneToOneField(
        Experiment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replica_of",
        verbose_name="son expérimentation dans Essaim",
    )
    illustrative = models.BooleanField(
        "exemple illustratif",
        default=False,
        help_text="Dates et statut inventés pour la démonstration.",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    roles_from = "model_experiment"
    objects = ReplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "réplique"
        verbose_name_plural = "répliques"
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ReplicationStatus.values), name="replication_status_known"
            ),
            models.CheckConstraint(
                condition=Q(agreement_kind__in=[*AgreementKind.values, ""]),
                name="replication_agreement_kind_known",
            ),
            models.CheckConstraint(
                condition=~Q(replica_experiment=models.F("model_experiment")),
                name="replication_is_not_its_model",
            ),
        ]
        indexes = [models.Index(fields=["model_experiment", "status"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("scaling:replication", args=[self.pk])

    @property
    def carrier_label(self) -> str:
        return self.carrier.name if self.carrier_id else self.carrier_name

    def implicit_permissions(self, user) -> frozenset[Perm]:
        """The replica's own team reads it; its contributors write in its thread and say what
        it made of the adaptable parts; the model's team alone changes its status and its
        description."""
        if self.replica_experiment_id is None:
            return frozenset()
        held = self.replica_experiment.permissions_for(user)
        return frozenset(perm for perm in (Perm.VIEW, Perm.CONTRIBUTE) if perm in held)

    def allowed_statuses(self) -> list[ReplicationStatus]:
        return allowed_statuses(self.status)

    def move_to(
        self,
        status: ReplicationStatus | str,
        *,
        on: "timezone.datetime.date",
        actor,
        note: str = "",
    ) -> "ReplicationEvent":
        """Move to ``status`` on the date ``on`` if the move is allowed, and keep it in the
        replica's history of statuses. The caller holds the transaction."""
        status = ReplicationStatus(status)
        current = ReplicationStatus(self.status)
        if status not in allowed_statuses(current):
            raise NetworkError(
                f"Une réplique « {current.label} » ne peut pas passer à « {status.label} ».",
                field="status",
            )
        if on > timezone.localdate():
            raise NetworkError(
                "Un changement de statut se note quand il a eu lieu : la date ne peut pas être "
                "dans le futur.",
                field="on",
            )
        if on < self.status_since:
            raise NetworkError(
                "La date du changement ne peut précéder celle du statut actuel "
                f"({self.status_since:%d/%m/%Y}).",
                field="on",
            )
        self.status = status
        self.status_since = on
        fields = ["status", "status_since", "updated_at"]
        if status in RUNNING_STATUSES and self.started_on is None:
            self.started_on = on
            fields.append("started_on")
        if status == ReplicationStatus.AGREEMENT and self.agreement_signed_on is None:
            self.agreement_signed_on = on
            fields.append("agreement_signed_on")
            if not self.agreement_kind:
                self.agreement_kind = AgreementKind.AGREEMENT
                fields.append("agreement_kind")
        self.save(update_fields=fields)
        return ReplicationEvent.objects.create(
            replication=self, before=current, after=status, happened_on=on, note=note, actor=actor
        )


class ReplicationEvent(models.Model):
    """A change of status of a replica: the network's growth is read from these."""

    replication = models.ForeignKey(Replication, on_delete=models.CASCADE, related_name="events")
    before = models.CharField("avant", max_length=20, choices=ReplicationStatus.choices, blank=True)
    after = models.CharField("après", max_length=20, choices=ReplicationStatus.choices)
    happened_on = models.DateField("date")
    note = models.TextField("précision", blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("enregistré le", default=timezone.now)

    class Meta:
        verbose_name = "changement de statut"
        verbose_name_plural = "changements de statut"
        ordering = ["happened_on", "pk"]
        indexes = [models.Index(fields=["replication", "happened_on"])]

    def __str__(self) -> str:
        return f"{self.get_after_display()} le {self.happened_on:%d/%m/%Y}"


class Aggregation(models.TextChoices):
    SUM = "somme", "somme"
    MEAN = "moyenne", "moyenne"


class SharedIndicator(models.Model):
    """A figure every replica of a model reports, rolled up to the network."""

    model_experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="shared_indicators"
    )
    name = models.CharField("indicateur", max_length=200)
    unit = models.CharField("unité", max_length=40, blank=True)
    aggregation = models.CharField(
        "au niveau du réseau", max_length=10, choices=Aggregation.choices, default=Aggregation.SUM
    )
    position = models.PositiveIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "indicateur partagé"
        verbose_name_plural = "indicateurs partagés"
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(aggregation__in=Aggregation.values), name="shared_indicator_aggregation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ReplicaFigure(models.Model):
    replication = models.ForeignKey(Replication, on_delete=models.CASCADE, related_name="figures")
    indicator = models.ForeignKey(SharedIndicator, on_delete=models.CASCADE, related_name="figures")
    year = models.PositiveSmallIntegerField("année")
    value = models.DecimalField("valeur", max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = "chiffre d'une réplique"
        verbose_name_plural = "chiffres des répliques"
        ordering = ["year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["replication", "indicator", "year"], name="one_figure_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year} : {self.value}"


class JoinRequestStatus(models.TextChoices):
    PENDING = "en_attente", "en attente"
    ACCEPTED = "acceptee", "acceptée"
    REFUSED = "refusee", "refusée"
    WITHDRAWN = "retiree", "retirée"


class JoinRequest(models.Model):
    """Someone in another territory asks to reproduce a published model."""

    kit = models.ForeignKey(
        "scaling.TransferKit", on_delete=models.CASCADE, related_name="requests"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="join_requests",
        verbose_name="demandeur",
    )
    organisation_name = models.CharField("structure qui porterait le projet", max_length=200)
    commune = models.ForeignKey(
        "territories.Commune", on_delete=models.PROTECT, related_name="+", verbose_name="commune"
    )
    message = models.TextField("votre projet en quelques lignes")
    status = models.CharField(
        "état", max_length=20, choices=JoinRequestStatus.choices, default=JoinRequestStatus.PENDING
    )
    answer = models.TextField("réponse", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField("répondu le", null=True, blank=True)
    replication = models.OneToOneField(
        Replication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="join_request",
    )
    created_at = models.DateTimeField("demandé le", default=timezone.now)

    class Meta:
        verbose_name = "demande pour rejoindre le réseau"
        verbose_name_plural = "demandes pour rejoindre le réseau"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=JoinRequestStatus.values), name="join_request_status_known"
            ),
            models.UniqueConstraint(
                fields=["kit", "requester"],
                condition=Q(status="en_attente"),
                name="one_pending_request_per_kit_and_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_name} ({self.get_status_display()})"


class ReplicationMessage(models.Model):
    """A message of the thread between a replica and the model's team."""

    replication = models.ForeignKey(Replication, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    from_model_team = models.BooleanField("de l'équipe du modèle", default=False)
    body = models.TextField("message")
    created_at = models.DateTimeField("écrit le", default=timezone.now)

    class Meta:
        verbose_name = "message du fil"
        verbose_name_plural = "messages du fil"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class ReplicaPart(models.Model):
    """A part of the model as a replica takes it up: copied from the kit when the replica
    joined — the core as it is, the adaptable parts with what this territory chose."""

    replication = models.ForeignKey(Replication, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField("nature", max_length=20, choices=KitItemKind.choices)
    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", blank=True)
    guidance = models.TextField("comment l'adapter", blank=True)
    local_choice = models.TextField(
        "ce que notre territoire en fait",
        blank=True,
        help_text="Pour une partie à adapter : le choix fait ici, et pourquoi.",
    )
    position = models.PositiveIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "partie du modèle reprise"
        verbose_name_plural = "parties du modèle reprises"
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=KitItemKind.values), name="replica_part_kind_known"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_core(self) -> bool:
        return self.kind == KitItemKind.CORE

    @property
    def to_fill(self) -> bool:
        return self.kind == KitItemKind.ADAPTABLE and not self.local_choice.strip()
