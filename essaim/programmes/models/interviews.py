"""What the experts hear: the people met (who may be pseudonymised everywhere at once), the
notes of each interview or group meeting with the key quotes, and the themes they are tagged
with. Confidential to the programme's team: neither the territories nor staff read them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from essaim.programmes.models.programme import Programme
from essaim.programmes.models.territories import ContactRole, ProgrammeTerritory
from essaim.programmes.models.visits import Visit, VisitSlot
from essaim.roles.models import Role, RoleHolder, RoleQuerySet, roles_at_least

# Everyone who holds a role on the programme, and no one else (not even staff).
PROGRAMME_TEAM = roles_at_least(Role.READER)


class ThemeOrigin(models.TextChoices):
    TEAM = "equipe", "saisi par l'équipe"
    EXTRACTED = "extraction", "proposé par l'analyse des notes"


class Theme(models.Model):
    """A theme of the programme (« l'organisation de l'ingénierie », « la coopération »…),
    tagged on interviews and quotes; the grid of the synthesis crosses them with territories."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField("nom", max_length=120)
    description = models.TextField("description", blank=True)
    origin = models.CharField(
        "origine", max_length=12, choices=ThemeOrigin.choices, default=ThemeOrigin.TEAM
    )

    class Meta:
        verbose_name = "thème"
        verbose_name_plural = "thèmes"
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="programme_theme_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Interviewee(RoleHolder):
    """A person met during a visit. Pseudonymised, they appear under their pseudonym on every
    page and in every export, and their name is taken out of the notes."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="interviewees")
    territory = models.ForeignKey(
        ProgrammeTerritory,
        on_delete=models.CASCADE,
        related_name="interviewees",
        verbose_name="territoire",
    )
    name = models.CharField("nom", max_length=200)
    role = models.CharField("qualité", max_length=20, choices=ContactRole.choices)
    function = models.CharField("fonction", max_length=200, blank=True)
    email = models.EmailField("adresse e-mail", blank=True)
    pseudonym = models.CharField("pseudonyme", max_length=100, blank=True)
    pseudonymised = models.BooleanField("pseudonymisé", default=False)

    roles_from = "programme"
    confidential_to = PROGRAMME_TEAM
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "personne rencontrée"
        verbose_name_plural = "personnes rencontrées"
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(pseudonymised=False) | ~Q(pseudonym=""),
                name="interviewee_pseudonym_when_pseudonymised",
            ),
        ]

    def __str__(self) -> str:
        return self.shown_name

    @property
    def shown_name(self) -> str:
        """The name every page and export shows: the pseudonym once pseudonymised."""
        return self.pseudonym if self.pseudonymised else self.name


class Interview(RoleHolder):
    """The notes of one interview or group meeting, written on the spot from a phone or a
    laptop. Without consent, the notes are kept for the team but no quote leaves them."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="interviews")
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="interviews")
    slot = models.ForeignKey(
        VisitSlot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interviews",
        verbose_name="créneau",
    )
    interviewee = models.ForeignKey(
        Interviewee,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="interviews",
        verbose_name="personne rencontrée",
        help_text="Vide pour une réunion de groupe.",
    )
    group_description = models.CharField(
        "groupe rencontré",
        max_length=300,
        blank=True,
        help_text="Pour une réunion : « conseil de développement, 12 membres ».",
    )
    consent_given = models.BooleanField(
        "consentement donné",
        default=False,
        help_text="La personne accepte que ses propos soient cités, sans son nom s'il est "
        "pseudonymisé.",
    )
    notes = models.TextField("notes", blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="interviews", verbose_name="thèmes"
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="rédigé par",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    roles_from = "programme"
    confidential_to = PROGRAMME_TEAM
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "note d'entretien"
        verbose_name_plural = "notes d'entretien"
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(interviewee__isnull=False) | ~Q(group_description=""),
                name="interview_has_someone",
            ),
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def heading(self) -> str:
        if self.interviewee_id:
            return f"Entretien avec {self.interviewee.shown_name}"
        return f"Réunion : {self.group_description}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:interview", args=[self.programme_id, self.pk])

    @property
    def quote_texts(self) -> str:
        """The words of its quotes, for the search index."""
        return "\n".join(quote.text for quote in self.quotes.all())


class Quote(models.Model):
    """A key quote of an interview, in the person's own words, tagged with themes."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="quotes")
    text = models.TextField("citation")
    themes = models.ManyToManyField(Theme, blank=True, related_name="quotes", verbose_name="thèmes")
    position = models.PositiveSmallIntegerField("rang", default=1)

    class Meta:
        verbose_name = "citation"
        verbose_name_plural = "citations"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text
