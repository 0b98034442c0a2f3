"""The report sheet (*fiche reportage*) of each territory: ten fixed sections, prepared from the
quotes and themes of its interviews, written by the team, then sent to the territory's referent,
who comments and validates it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from essaim.programmes.models.territories import ProgrammeTerritory
from essaim.roles.models import RoleHolder, RoleQuerySet

# The sections, in their order, with their titles.
REPORT_SECTIONS: dict[str, str] = {
    "context": "Contexte",
    "strategy": "Stratégie de développement",
    "governance": "Gouvernance",
    "cooperation": "Coopération",
    "engineering": "Organisation de l'ingénierie",
    "participation": "Participation",
    "strengths": "Atouts",
    "difficulties": "Difficultés",
    "keys": "Clefs de réussite",
    "levers": "Leviers d'amélioration",
}


class SheetStatus(models.TextChoices):
    DRAFT = "brouillon", "brouillon"
    SENT = "envoyee", "envoyée au référent"
    VALIDATED = "validee", "validée"


class ReportSheet(RoleHolder):
    """One per territory. The referent, given a role on the territory, reads it once sent,
    comments on it and validates it."""

    territory = models.OneToOneField(
        ProgrammeTerritory, on_delete=models.CASCADE, related_name="report_sheet"
    )
    context = models.TextField(REPORT_SECTIONS["context"], blank=True)
    strategy = models.TextField(REPORT_SECTIONS["strategy"], blank=True)
    governance = models.TextField(REPORT_SECTIONS["governance"], blank=True)
    cooperation = models.TextField(REPORT_SECTIONS["cooperation"], blank=True)
    engineering = models.TextField(REPORT_SECTIONS["engineering"], blank=True)
    participation = models.TextField(REPORT_SECTIONS["participation"], blank=True)
    strengths = models.TextField(REPORT_SECTIONS["strengths"], blank=True)
    difficulties = models.TextField(REPORT_SECTIONS["difficulties"], blank=True)
    keys = models.TextField(REPORT_SECTIONS["keys"], blank=True)
    levers = models.TextField(REPORT_SECTIONS["levers"], blank=True)
    status = models.CharField(
        "état", max_length=10, choices=SheetStatus.choices, default=SheetStatus.DRAFT
    )
    sent_at = models.DateTimeField("envoyée le", null=True, blank=True)
    validated_at = models.DateTimeField("validée le", null=True, blank=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="validée par",
    )
    # The territory's agreement that the sheet becomes an experience sheet of the public
    # library, given by its referent (or recorded by the team on their word).
    publication_agreed_at = models.DateTimeField(
        "publication dans la bibliothèque acceptée le", null=True, blank=True
    )
    publication_agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="publication acceptée par",
    )
    created_at = models.DateTimeField("créée le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    roles_from = "territory"
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "fiche reportage"
        verbose_name_plural = "fiches reportage"
        ordering = ["territory__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=SheetStatus.values), name="report_sheet_status_known"
            ),
        ]

    def __str__(self) -> str:
        return f"Fiche reportage — {self.territory}"

    def get_absolute_url(self) -> str:
        return reverse(
            "programmes:report_sheet", args=[self.territory.programme_id, self.territory_id]
        )

    def sections(self) -> list[tuple[str, str, str]]:
        """(key, title, text) of each section, in order."""
        return [(key, title, getattr(self, key)) for key, title in REPORT_SECTIONS.items()]


class ReportComment(models.Model):
    """A remark on a report sheet, by its referent or by the team."""

    sheet = models.ForeignKey(ReportSheet, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="auteur",
    )
    section = models.CharField(
        "section",
        max_length=20,
        blank=True,
        choices=[("", "la fiche entière"), *REPORT_SECTIONS.items()],
    )
    body = models.TextField("remarque")
    created_at = models.DateTimeField("écrite le", default=timezone.now)

    class Meta:
        verbose_name = "remarque sur une fiche"
        verbose_name_plural = "remarques sur les fiches"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:80]
