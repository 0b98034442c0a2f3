"""The shared vocabulary of themes (mobilité, énergie et climat…) that experiments, and the
pillars built on them, classify their rows with. Staff manage it in the admin; a theme in use
cannot be deleted, only made inactive."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower

# The theme of a row that fits no other; every vocabulary holds it.
OTHER_THEME = "autre"


class ThemeQuerySet(models.QuerySet):
    def active(self) -> "ThemeQuerySet":
        """The themes offered for new choices, in their order."""
        return self.filter(is_active=True).order_by("position", "pk")

    def offered(self, current: str | None = None) -> "ThemeQuerySet":
        """The themes a form offers: the active ones, and ``current`` (the slug of the theme a
        row already holds) even when inactive, so that editing an old row keeps its theme."""
        condition = Q(is_active=True)
        if current:
            condition |= Q(slug=current)
        return self.filter(condition).order_by("position", "pk")


class Theme(models.Model):
    slug = models.SlugField(
        "identifiant",
        max_length=30,
        unique=True,
        help_text="Valeur stable donnée par l'API et les adresses ; elle ne change plus une "
        "fois le thème utilisé.",
    )
    label = models.CharField("libellé", max_length=100)
    description = models.TextField("description", blank=True)
    position = models.PositiveIntegerField("position", default=0)
    is_active = models.BooleanField(
        "actif",
        default=True,
        help_text="Un thème inactif reste sur les fiches qui l'utilisent mais n'est plus proposé.",
    )

    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = "thème"
        verbose_name_plural = "thèmes"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("label"),
                name="theme_label_unique_case_insensitive",
                violation_error_message="Un thème porte déjà ce libellé.",
            ),
        ]

    def __str__(self) -> str:
        return self.label
