"""The experience sheet (*fiche expérience*): what a territory tried, what came of it and what it
learned, written by the people who ran it, reviewed by the library's editors and published for
other territories."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from essaim.attachments.registry import attachable
from essaim.core.history import Tracked
from essaim.core.publication import Publishable, PublishableQuerySet
from essaim.experiments.models.stages import Stage
from essaim.library.models.slugs import TitleSlugged
from essaim.roles.models import Perm, RoleHolder, RoleQuerySet
from essaim.scaling.models.strategy import StrategyKind

# The permission of the library's editors, who review the sheets before publication; the group
# « Éditeurs de la bibliothèque » holds it.
REVIEW_PERMISSION = "library.review_experiencesheet"
EDITORS_GROUP = "Éditeurs de la bibliothèque"

YEAR_BOUNDS = [MinValueValidator(1900), MaxValueValidator(2100)]


def is_library_editor(user) -> bool:
    return user.is_authenticated and user.has_perm(REVIEW_PERMISSION)


class Setting(models.TextChoices):
    """The kind of territory (*milieu*), the facet « type de territoire »."""

    RURAL = "rural", "rural"
    PERIURBAN = "periurbain", "périurbain"
    URBAN = "urbain", "urbain"
    MOUNTAIN = "montagne", "montagne"
    COASTAL = "littoral", "littoral"
    MIXED = "mixte", "mixte"


class Licence(models.TextChoices):
    ETALAB = "etalab-2.0", "Licence Ouverte 2.0 (Etalab)"
    CC_BY = "cc-by-4.0", "CC-BY 4.0"


LICENCE_URLS = {
    Licence.ETALAB: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
}


class SheetSource(models.TextChoices):
    WRITTEN = "redigee", "rédigée directement"
    EXPERIMENT = "experimentation", "d'après une expérimentation"
    REPORT_SHEET = "fiche_reportage", "d'après une fiche reportage"
    IMPORT = "import", "importée"


class Public(models.Model):
    """A public an experience is for (jeunes, personnes âgées, agriculteurs…): the facet
    « public »; the vocabulary is kept in the administration."""

    slug = models.SlugField("identifiant", max_length=40, unique=True)
    label = models.CharField("libellé", max_length=80, unique=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "public"
        verbose_name_plural = "publics"
        ordering = ["position", "label"]

    def __str__(self) -> str:
        return self.label


# The sheet's texts after its title, in the order a reader meets them: the public page, the
# documents, the search index, the neighbours' text and the pseudonymisation all read these.
SECTION_FIELDS = ("summary", "context", "tried", "results", "learned", "conditions")


class SheetQuerySet(PublishableQuerySet, RoleQuerySet):
    def visible_to(self, user) -> "SheetQuerySet":
        """The library's editors see every sheet, to review it; others, those they hold a role
        on."""
        if is_library_editor(user):
            return self.all()
        return super().visible_to(user)

    def to_review(self) -> "SheetQuerySet":
        """Drafts whose authors asked the editors to review them, and published sheets changed
        since their publication by someone who is not an editor (their review asked again)."""
        return self.filter(
            Q(publication_status="draft", review_requested_at__isnull=False)
            | Q(publication_status="published", review_requested_at__gt=F("published_at"))
        )


@attachable
class ExperienceSheet(TitleSlugged, Tracked, Publishable, RoleHolder):
    title = models.CharField("titre", max_length=200)
    summary = models.TextField(
        "en quelques lignes",
        blank=True,
        help_text="Ce qui a été fait, pour qui, et ce qu'il en reste.",
    )
    context = models.TextField("contexte", blank=True)
    tried = models.TextField("ce qui a été tenté", blank=True)
    results = models.TextField("résultats", blank=True)
    learned = models.TextField("ce que nous avons appris", blank=True)
    conditions = models.TextField("conditions pour le refaire ailleurs", blank=True)

    territory = models.ForeignKey(
        "territories.Territory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experience_sheets",
        verbose_name="territoire",
    )
    # Where the territory lies, written when the sheet is saved (services.sheets.place_sheet):
    # the facets and « près de chez vous » read these columns, never the perimeter's communes.
    commune = models.ForeignKey(
        "territories.Commune",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="commune principale",
    )
    epci = models.ForeignKey(
        "territories.Epci",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="EPCI",
    )
    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="département",
    )
    region = models.ForeignKey(
        "territories.Region",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="région",
    )
    setting = models.CharField(
        "type de territoire", max_length=20, choices=Setting.choices, blank=True
    )
    themes = models.ManyToManyField(
        "themes.Theme", related_name="experience_sheets", blank=True, verbose_name="thèmes"
    )
    publics = models.ManyToManyField(
        Public, related_name="sheets", blank=True, verbose_name="publics"
    )
    stage = models.CharField("étape", max_length=30, choices=Stage.choices, blank=True)
    strategy = models.CharField(
        "stratégie", max_length=30, choices=StrategyKind.choices, blank=True
    )
    year_start = models.PositiveSmallIntegerField(
        "depuis", null=True, blank=True, validators=YEAR_BOUNDS
    )
    year_end = models.PositiveSmallIntegerField(
        "jusqu'à", null=True, blank=True, validators=YEAR_BOUNDS, help_text="Vide si elle dure."
    )
    licence = models.CharField(
        "licence", max_length=20, choices=Licence.choices, default=Licence.ETALAB
    )
    illustrative = models.BooleanField(
        "exemple illustratif",
        default=False,
        help_text="Des chiffres ou des faits sont inventés pour l'exemple : la fiche le dit.",
    )

    source = models.CharField(
        "origine", max_length=20, choices=SheetSource.choices, default=SheetSource.WRITTEN
    )
    experiment = models.ForeignKey(
        "experiments.Experiment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experience_sheets",
        verbose_name="expérimentation",
    )
    report_sheet = models.ForeignKey(
        "programmes.ReportSheet",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="experience_sheets",
        verbose_name="fiche reportage",
    )
    imported_by = models.ForeignKey(
        "library.SheetImport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sheets",
        verbose_name="import",
    )
    internal_notes = models.TextField(
        "notes internes", blank=True, help_text="Jamais publiées : pour l'équipe et les éditeurs."
    )
    review_requested_at = models.DateTimeField("relecture demandée le", null=True, blank=True)
    review_note = models.TextField("remarques de relecture", blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="créée par",
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    attachments = GenericRelation("attachments.Attachment")

    # What the public page, the exports, the feed, the API and the search index may show.
    # Contacts are public only with their consent (SheetContact.consented), documents only
    # those attached as public.
    PUBLIC_FIELDS = (
        "title",
        *SECTION_FIELDS,
        "territory",
        "commune",
        "epci",
        "departement",
        "region",
        "setting",
        "stage",
        "strategy",
        "year_start",
        "year_end",
        "licence",
        "illustrative",
    )
    objects = SheetQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = "fiche expérience"
        verbose_name_plural = "fiches expérience"
        ordering = ["-published_at", "-pk"]
        permissions = [("review_experiencesheet", "Relire et publier les fiches expérience")]
        indexes = [
            models.Index(fields=["publication_status", "departement"]),
            models.Index(fields=["publication_status", "-published_at"]),
            models.Index(fields=["title", "commune"]),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.CheckConstraint(
                condition=Q(setting__in=[*Setting.values, ""]), name="sheet_setting_known"
            ),
            models.CheckConstraint(
                condition=Q(licence__in=Licence.values), name="sheet_licence_known"
            ),
            models.CheckConstraint(
                condition=Q(year_end__isnull=True)
                | Q(year_start__isnull=True)
                | Q(year_end__gte=models.F("year_start")),
                name="sheet_years_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("library:sheet", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("library:public_sheet", args=[self.pk, self.slug or "fiche"])

    def implicit_permissions(self, user) -> frozenset[Perm]:
        """The library's editors read and edit every sheet, to review it."""
        if is_library_editor(user):
            return frozenset({Perm.VIEW, Perm.CONTRIBUTE, Perm.EDIT})
        return frozenset()

    @property
    def years(self) -> str:
        """« depuis 2019 », « 2015–2019 », « 2021 »."""
        if self.year_start and self.year_end:
            if self.year_start == self.year_end:
                return str(self.year_start)
            return f"{self.year_start}–{self.year_end}"
        if self.year_start:
            return f"depuis {self.year_start}"
        return ""

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS[Licence(self.licence)]


class SheetContact(models.Model):
    """A person to contact about the experience. Published only with their consent."""

    sheet = models.ForeignKey(ExperienceSheet, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField("nom", max_length=200)
    role = models.CharField("fonction", max_length=200, blank=True)
    organisation = models.CharField("structure", max_length=200, blank=True)
    email = models.EmailField("adresse e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    consented = models.BooleanField(
        "accepte d'être publié",
        default=False,
        help_text=(
            "La personne a accepté que son nom et ses coordonnées figurent sur la fiche publique."
        ),
    )
    consented_on = models.DateField("date de l'accord", null=True, blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "contact de la fiche"
        verbose_name_plural = "contacts de la fiche"
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consented=False) | Q(consented_on__isnull=False),
                name="sheet_contact_consent_dated",
            )
        ]

    def __str__(self) -> str:
        return self.name
