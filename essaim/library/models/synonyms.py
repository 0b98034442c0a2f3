"""The synonyms the library's search knows, edited by its editors: « autostop organisé /
covoiturage » makes each expression find the other."""

from django.conf import settings
from django.db import models

SEPARATOR = "/"


class Synonym(models.Model):
    expressions = models.CharField(
        "expressions équivalentes",
        max_length=300,
        unique=True,
        help_text="Séparées par une barre oblique : « autostop organisé / covoiturage ».",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="modifié par",
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "synonyme"
        verbose_name_plural = "synonymes"
        ordering = ["expressions"]

    def __str__(self) -> str:
        return self.expressions

    @property
    def terms(self) -> list[str]:
        return [part.strip() for part in self.expressions.split(SEPARATOR) if part.strip()]
