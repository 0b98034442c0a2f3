"""The transfer kit (*kit d'essaimage*) of an experiment: what others need to reproduce it."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.attachments.registry import attachable
from essaim.core.history import Tracked
from essaim.core.publication import Publishable, PublishableQuerySet
from essaim.experiments.models import Experiment
from essaim.lib import french
from essaim.roles.models import Perm, RoleHolder, RoleQuerySet


class CharterKind(models.TextChoices):
    NONE = "", "aucun"
    CHARTER = "charte", "charte"
    LABEL = "label", "label"
    AGREEMENT = "convention", "convention de partenariat"
    FRANCHISE = "franchise", "contrat de franchise sociale"


class TransferKitQuerySet(PublishableQuerySet, RoleQuerySet):
    def visible_to(self, user) -> "TransferKitQuerySet":
        """The kits of the experiments ``user`` may see, and those of the networks whose
        replicas they belong to: a territory that joined receives the kit and its documents."""
        if not user.is_authenticated:
            return self.none()
        joined = Experiment.objects.visible_to(user).filter(replica_of__isnull=False)
        return self.filter(
            Q(pk__in=super().visible_to(user).values("pk"))
            | Q(experiment__replications__replica_experiment__in=joined.values("pk"))
        ).distinct()


@attachable
class TransferKit(Tracked, Publishable, RoleHolder):
    """One per experiment. Its team edits it; once published, anyone reads its public page and
    may ask to join the network."""

    experiment = models.OneToOneField(
        Experiment, on_delete=models.CASCADE, related_name="transfer_kit"
    )
    slug = models.SlugField("adresse", max_length=80, unique=True)
    title = models.CharField("titre", max_length=200)
    summary = models.TextField(
        "en quelques lignes",
        blank=True,
        help_text="Ce que fait le projet, pour qui, et ce qu'il a prouvé.",
    )
    origin = models.TextField("l'histoire du modèle", blank=True)
    theme = models.ForeignKey(
        "themes.Theme",
        to_field="slug",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="thème",
    )
    charter_kind = models.CharField(
        "engagement commun", max_length=20, choices=CharterKind.choices, blank=True
    )
    charter_name = models.CharField("nom de la charte ou du label", max_length=200, blank=True)
    charter_conditions = models.TextField("conditions pour y adhérer", blank=True)
    training_offered = models.TextField("formations proposées", blank=True)
    support_offered = models.TextField(
        "accompagnement des nouveaux territoires",
        blank=True,
        help_text="Ce que les porteurs d'origine apportent à ceux qui reproduisent le projet.",
    )
    fee_amount = models.DecimalField(
        "cotisation (€)", max_digits=10, decimal_places=2, null=True, blank=True
    )
    fee_terms = models.CharField(
        "conditions de la cotisation",
        max_length=200,
        blank=True,
        help_text="« par an et par structure », « selon le nombre d'habitants »…",
    )
    contact_name = models.CharField("contact", max_length=200, blank=True)
    contact_email = models.EmailField(
        "adresse de contact", blank=True, help_text="Publiée avec le kit."
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    attachments = GenericRelation("attachments.Attachment")

    roles_from = "experiment"
    PUBLIC_FIELDS = (
        "title",
        "summary",
        "origin",
        "theme",
        "charter_kind",
        "charter_name",
        "charter_conditions",
        "training_offered",
        "support_offered",
        "fee_amount",
        "fee_terms",
        "contact_name",
        "contact_email",
    )
    objects = TransferKitQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = "kit d'essaimage"
        verbose_name_plural = "kits d'essaimage"
        ordering = ["title"]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(charter_kind__in=CharterKind.values), name="kit_charter_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("scaling:kit", args=[self.experiment_id])

    def implicit_permissions(self, user) -> frozenset[Perm]:
        """The team of one of its replicas reads it, its documents included."""
        joined = Experiment.objects.visible_to(user).filter(
            replica_of__model_experiment_id=self.experiment_id
        )
        return frozenset({Perm.VIEW}) if joined.exists() else frozenset()

    def get_public_url(self) -> str:
        return reverse("scaling:public_kit", args=[self.slug])

    @property
    def fee_text(self) -> str:
        """« 150 € par an et par centrale », or « aucune »."""
        if self.fee_amount is None:
            return "aucune"
        return " ".join(part for part in (french.euros(self.fee_amount), self.fee_terms) if part)


class KitItemKind(models.TextChoices):
    CORE = "socle", "socle commun"
    ADAPTABLE = "adaptable", "à adapter"
    PREREQUISITE = "prerequis", "prérequis"


# The kinds of items in the order a reader needs them, each with its heading.
KIT_ITEM_HEADINGS = {
    KitItemKind.CORE: "Le socle commun, qui ne change pas",
    KitItemKind.ADAPTABLE: "Ce que chaque territoire adapte",
    KitItemKind.PREREQUISITE: "Les prérequis pour un nouveau territoire",
}


def in_reading_order(items) -> list:
    """``items`` as a reader needs them: the core, then what to adapt, then the prerequisites,
    each kind by its position."""
    kinds = list(KIT_ITEM_HEADINGS)
    return sorted(items, key=lambda item: (kinds.index(item.kind), item.position, item.pk))


class KitItem(models.Model):
    kit = models.ForeignKey(TransferKit, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField("nature", max_length=20, choices=KitItemKind.choices)
    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", blank=True)
    guidance = models.TextField(
        "comment l'adapter",
        blank=True,
        help_text="Pour une partie à adapter : les choix possibles, les exemples.",
    )
    position = models.PositiveIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "élément du kit"
        verbose_name_plural = "éléments du kit"
        ordering = ["kind", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=KitItemKind.values), name="kit_item_kind_known"
            )
        ]

    def __str__(self) -> str:
        return self.title
