"""The French territorial referential (régions, départements, communes, EPCI) and the named
perimeters of communes people work on (territoires)."""

import re

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, Q, Sum, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse

from essaim.lib.text import search_key, search_words
from essaim.roles.models import Perm, RoleHolder, RoleQuerySet


class Region(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    name = models.CharField("nom", max_length=100)

    class Meta:
        verbose_name = "région"
        verbose_name_plural = "régions"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Departement(models.Model):
    code = models.CharField("code INSEE", max_length=3, unique=True)
    name = models.CharField("nom", max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="departements")

    class Meta:
        verbose_name = "département"
        verbose_name_plural = "départements"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class EpciKind(models.TextChoices):
    CC = "CC", "communauté de communes"
    CA = "CA", "communauté d'agglomération"
    CU = "CU", "communauté urbaine"
    METRO = "METRO", "métropole"


class SearchQuerySet(models.QuerySet):
    def search(self, query: str) -> "SearchQuerySet":
        """Rows whose search key holds a word starting with every word of ``query``.

        Accents, case, hyphens and « saint »/« st » do not matter.
        """
        words = search_words(query)
        if not words:
            return self.none()
        condition = Q()
        for word in words:
            condition &= Q(search_text__contains=" " + word)
        return self.filter(condition)


INSEE_CODE = re.compile(r"(\d{5}|2[AB]\d{3})")
SIREN = re.compile(r"\d{9}")


class ReferentialQuerySet(SearchQuerySet):
    """Search in the referential, best answers first: the exact name, then names that start
    with the query, then the most populated."""

    def ranked_search(self, query: str) -> "ReferentialQuerySet":
        words = search_words(query)
        key = " ".join(words)
        return (
            super()
            .search(query)
            .annotate(
                search_rank=Case(
                    When(name_key=key, then=Value(0)),
                    When(name_key__startswith=key, then=Value(1)),
                    default=Value(2),
                )
            )
            .order_by("search_rank", "-population", "name")
        )


class EpciQuerySet(ReferentialQuerySet):
    def search(self, query: str) -> "EpciQuerySet":
        """By name or SIREN; nine digits find the EPCI with exactly that SIREN."""
        query = query.strip()
        if SIREN.fullmatch(query.replace(" ", "")):
            return self.filter(siren=query.replace(" ", "")).order_by("name")
        return self.ranked_search(query)


class CommuneQuerySet(ReferentialQuerySet):
    def search(self, query: str) -> "CommuneQuerySet":
        """By name, INSEE code, postal code or SIREN.

        Five characters that form a code find the commune with that INSEE code first, then
        those with that postal code; nine digits find the commune with that SIREN.
        """
        query = query.strip().upper()
        compact = query.replace(" ", "")
        if SIREN.fullmatch(compact):
            return self.filter(siren=compact).order_by("name")
        if INSEE_CODE.fullmatch(compact):
            return (
                self.filter(Q(insee_code=compact) | Q(search_text__contains=" " + compact.lower()))
                .annotate(
                    search_rank=Case(When(insee_code=compact, then=Value(0)), default=Value(1))
                )
                .order_by("search_rank", "-population", "name")
            )
        return self.ranked_search(query)


class Epci(models.Model):
    """Établissement public de coopération intercommunale à fiscalité propre."""

    siren = models.CharField("SIREN", max_length=9, unique=True)
    name = models.CharField("nom", max_length=200)
    kind = models.CharField("nature", max_length=5, choices=EpciKind.choices)
    population = models.PositiveIntegerField("population municipale", default=0)
    search_text = models.TextField(editable=False, default="")
    name_key = models.CharField(editable=False, max_length=200, default="")

    objects = EpciQuerySet.as_manager()

    class Meta:
        verbose_name = "EPCI"
        verbose_name_plural = "EPCI"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("territories:epci_detail", args=[self.siren])

    def refresh_search_text(self) -> None:
        self.search_text = search_key(self.name, self.siren)
        self.name_key = " ".join(search_words(self.name))


class Commune(models.Model):
    insee_code = models.CharField("code INSEE", max_length=5, unique=True)
    name = models.CharField("nom", max_length=200)
    departement = models.ForeignKey(Departement, on_delete=models.PROTECT, related_name="communes")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="communes")
    epci = models.ForeignKey(
        Epci, on_delete=models.SET_NULL, null=True, blank=True, related_name="communes"
    )
    population = models.PositiveIntegerField("population municipale", default=0)
    postal_codes = models.JSONField("codes postaux", default=list)
    siren = models.CharField("SIREN", max_length=9, blank=True)
    former_codes = models.JSONField("anciens codes INSEE", default=list, blank=True)
    search_text = models.TextField(editable=False, default="")
    name_key = models.CharField(editable=False, max_length=200, default="")

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = "commune"
        verbose_name_plural = "communes"
        ordering = ["name", "insee_code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.insee_code})"

    def get_absolute_url(self) -> str:
        return reverse("territories:commune_detail", args=[self.insee_code])

    def refresh_search_text(self) -> None:
        self.search_text = search_key(self.name, self.insee_code, *self.postal_codes)
        self.name_key = " ".join(search_words(self.name))


class ReferentialImport(models.Model):
    """One load of the referential: which vintage, when, and what it changed."""

    source = models.CharField("source", max_length=200)
    version = models.CharField("version", max_length=20)
    checksum = models.CharField(
        "empreinte", max_length=64, blank=True, help_text="SHA-256 des données importées."
    )
    imported_at = models.DateTimeField("importé le", auto_now_add=True)
    counts = models.JSONField("effectifs", default=dict)
    changes = models.JSONField("changements", default=dict)

    class Meta:
        verbose_name = "import du référentiel"
        verbose_name_plural = "imports du référentiel"
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return f"{self.source} {self.version}"


class TerritoryKind(models.TextChoices):
    COMMUNE = "commune", "commune"
    EPCI = "epci", "EPCI"
    PAYS = "pays", "pays"
    PNR = "pnr", "parc naturel régional"
    BASSIN_DE_VIE = "bassin_de_vie", "bassin de vie"
    DEPARTEMENT = "departement", "département"
    REGION = "region", "région"
    OTHER = "autre", "autre"


class TerritoryQuerySet(SearchQuerySet, RoleQuerySet):
    def visible_to(self, user) -> "TerritoryQuerySet":
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(
            Q(shared=True) | Q(pk__in=self.model.objects.with_role(user).values("pk"))
        )

    def with_stats(self) -> "TerritoryQuerySet":
        """Annotate ``commune_count`` and ``population``: computed, never stored."""
        return self.annotate(
            commune_count=Count("communes", distinct=True),
            population=Coalesce(Sum("communes__population"), 0),
        )


class Territory(RoleHolder):
    """A named perimeter of communes: a commune, an EPCI, a pays, a PNR, a bassin de vie…"""

    name = models.CharField("nom", max_length=200)
    kind = models.CharField("type", max_length=20, choices=TerritoryKind.choices)
    description = models.TextField("description", blank=True)
    communes = models.ManyToManyField(Commune, related_name="territories", verbose_name="communes")
    epci = models.ForeignKey(
        Epci,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="territories",
        verbose_name="EPCI d'origine",
    )
    departement = models.ForeignKey(
        Departement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="territories",
        verbose_name="département d'origine",
    )
    shared = models.BooleanField(
        "visible par tous les utilisateurs",
        default=True,
        help_text="Sinon, seuls les membres du territoire le voient.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)
    search_text = models.TextField(editable=False, default="")

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = "territoire"
        verbose_name_plural = "territoires"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("territories:detail", args=[self.pk])

    def implicit_permissions(self, user) -> frozenset[Perm]:
        return frozenset({Perm.VIEW}) if self.shared else frozenset()

    def refresh_search_text(self) -> None:
        self.search_text = search_key(self.name)
