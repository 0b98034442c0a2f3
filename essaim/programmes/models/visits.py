"""Territorial listening (*écoute territoriale*): a pair of experts spends one or two days in a
territory, meets people in individual interviews and group meetings set in time slots, and
gives a first debrief (*restitution à chaud*) on the first evening."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from essaim.programmes.models.programme import GroupMember
from essaim.programmes.models.territories import ProgrammeTerritory
from essaim.roles.models import RoleHolder, RoleQuerySet

# « Organisation et réalisation durant 1 à 2 jours dans le territoire. »
MAX_VISIT_DAYS = 2


class Visit(RoleHolder):
    """A listening visit to one territory. Its referent, when given a role on the territory,
    sees the agenda; the interview notes stay with the programme's team."""

    territory = models.ForeignKey(
        ProgrammeTerritory, on_delete=models.CASCADE, related_name="visits"
    )
    start_date = models.DateField("premier jour")
    end_date = models.DateField("dernier jour")
    place = models.CharField("lieu", max_length=250, help_text="Un même lieu pour toute la visite.")
    address = models.TextField("adresse", blank=True)
    experts = models.ManyToManyField(
        GroupMember, related_name="visits", verbose_name="binôme d'experts", blank=True
    )
    debrief_at = models.DateTimeField("restitution à chaud le", null=True, blank=True)
    debrief_notes = models.TextField("notes de la restitution à chaud", blank=True)
    created_at = models.DateTimeField("créée le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    roles_from = "territory"
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = "écoute territoriale"
        verbose_name_plural = "écoutes territoriales"
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="visit_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"Écoute territoriale — {self.territory}"

    def get_absolute_url(self) -> str:
        return reverse("programmes:visit", args=[self.territory.programme_id, self.pk])


class SlotKind(models.TextChoices):
    INTERVIEW = "entretien", "entretien individuel"
    MEETING = "reunion", "réunion de groupe"
    DEBRIEF = "restitution", "restitution à chaud"
    OTHER = "autre", "autre"


class SlotRole(models.TextChoices):
    ELECTED = "elu", "élus"
    OFFICER = "technicien", "techniciens"
    CIVIL_SOCIETY = "societe_civile", "société civile"
    MIXED = "mixte", "mixte"


class VisitSlot(models.Model):
    """One time slot of a visit's agenda: who is met, in which capacity, where."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField("début")
    ends_at = models.DateTimeField("fin")
    kind = models.CharField("type", max_length=12, choices=SlotKind.choices)
    title = models.CharField("intitulé", max_length=250)
    who = models.CharField("avec qui", max_length=300, blank=True)
    role = models.CharField("qualité", max_length=20, choices=SlotRole.choices, blank=True)
    place = models.CharField(
        "lieu", max_length=250, blank=True, help_text="Vide : le lieu de la visite."
    )

    class Meta:
        verbose_name = "créneau"
        verbose_name_plural = "créneaux"
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="visit_slot_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SlotKind.values), name="visit_slot_kind_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.starts_at):%d/%m %H:%M} — {self.title}"
