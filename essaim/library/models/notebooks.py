"""The thematic notebook (*cahier thématique*): several experience sheets assembled by an editor
with an introduction and a conclusion, published in the library as a PDF and a DOCX. A
programme's notebook on one of its themes is the same object, with ``programme`` and
``programme_theme`` set: its document also holds the programme's synthesis on that theme. The
programmes reach their notebooks through the reverse relations (``programme.notebooks``,
``theme.notebooks``), without importing this app, which sits above them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from essaim.core.history import Tracked
from essaim.core.publication import Publishable, PublishableQuerySet
from essaim.library.models.sheets import is_library_editor
from essaim.library.models.slugs import TitleSlugged
from essaim.roles.models import Perm, RoleHolder, RoleQuerySet


class NotebookQuerySet(PublishableQuerySet, RoleQuerySet):
    def visible_to(self, user) -> "NotebookQuerySet":
        """The library's editors also see every notebook that belongs to no programme; a
        programme's notebooks stay with its team."""
        visible = super().visible_to(user)
        if not is_library_editor(user):
            return visible
        return self.filter(Q(pk__in=visible.values("pk")) | Q(programme__isnull=True))


class Notebook(TitleSlugged, Tracked, Publishable, RoleHolder):
    title = models.CharField("titre", max_length=250)
    introduction = models.TextField("introduction", blank=True)
    conclusion = models.TextField("pour aller plus loin", blank=True)
    programme = models.ForeignKey(
        "programmes.Programme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notebooks",
        verbose_name="programme",
    )
    # The programme's own theme (its synthesis, workshops and quotes are tagged with it); the
    # notebooks of the library take a theme of the shared vocabulary instead.
    programme_theme = models.ForeignKey(
        "programmes.Theme",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notebooks",
        verbose_name="thème du programme",
    )
    theme = models.ForeignKey(
        "themes.Theme",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="notebooks",
        verbose_name="thème",
    )
    sheets = models.ManyToManyField(
        "library.ExperienceSheet",
        through="library.NotebookSheet",
        related_name="notebooks",
        blank=True,
        verbose_name="fiches",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="créé par",
    )
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    roles_from = "programme"
    PUBLIC_FIELDS = ("title", "introduction", "conclusion", "theme")
    objects = NotebookQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = "cahier thématique"
        verbose_name_plural = "cahiers thématiques"
        ordering = ["title", "pk"]
        constraints = [
            *Publishable.Meta.constraints,
            models.UniqueConstraint(
                fields=["programme", "programme_theme"],
                condition=Q(programme__isnull=False),
                name="one_notebook_per_programme_theme",
            ),
            models.CheckConstraint(
                condition=Q(programme__isnull=True, programme_theme__isnull=True)
                | Q(programme__isnull=False, programme_theme__isnull=False),
                name="notebook_programme_with_its_theme",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """A programme's notebook is read among the programme's pages, the others in the
        library."""
        if self.programme_id is not None:
            return reverse("programmes:notebook", args=[self.programme_id, self.pk])
        return reverse("library:notebook", args=[self.pk])

    def get_library_url(self) -> str:
        return reverse("library:notebook", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("library:public_notebook", args=[self.pk, self.slug or "cahier"])

    def implicit_permissions(self, user) -> frozenset[Perm]:
        if self.programme_id is None and is_library_editor(user):
            return frozenset(Perm)
        return frozenset()

    @property
    def theme_label(self) -> str:
        """The notebook's theme as its cover shows it: the programme's theme, or the theme of
        the vocabulary (load them with the row)."""
        if self.programme_theme_id is not None:
            return self.programme_theme.name
        return self.theme.label if self.theme_id is not None else ""


class NotebookSheet(models.Model):
    notebook = models.ForeignKey(Notebook, on_delete=models.CASCADE, related_name="entries")
    sheet = models.ForeignKey(
        "library.ExperienceSheet", on_delete=models.PROTECT, related_name="notebook_entries"
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "fiche du cahier"
        verbose_name_plural = "fiches du cahier"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["notebook", "sheet"], name="notebook_sheet_once"),
        ]

    def __str__(self) -> str:
        return f"{self.notebook_id} : {self.sheet_id}"
