"""Steering: governance bodies and their members, meetings with attendance, minutes and
decisions, and the decision log across meetings."""

from django.db import models
from django.db.models import F, Q

from essaim.experiments.models.framing import Experiment


class BodyKind(models.TextChoices):
    STEERING = "comite_pilotage", "comité de pilotage"
    TECHNICAL = "comite_technique", "comité technique"
    SUPPORT = "groupe_accompagnement", "groupe d'accompagnement"
    OTHER = "autre", "autre instance"


class Body(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField("type", max_length=30, choices=BodyKind.choices)
    name = models.CharField("nom", max_length=200)
    mandate = models.TextField("rôle de l'instance", blank=True)

    class Meta:
        verbose_name = "instance"
        verbose_name_plural = "instances de gouvernance"
        ordering = ["kind", "name", "pk"]

    def __str__(self) -> str:
        return self.name


class BodyMember(models.Model):
    """A person, an organisation, or a person for an organisation, sitting in a body."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(
        "organisations.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="body_memberships",
        verbose_name="personne (contacts)",
    )
    name = models.CharField("nom", max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="body_memberships",
        verbose_name="organisation",
    )
    role_in_body = models.CharField("rôle dans l'instance", max_length=200, blank=True)
    start_date = models.DateField("depuis le", null=True, blank=True)
    end_date = models.DateField("jusqu'au", null=True, blank=True)

    class Meta:
        verbose_name = "membre d'une instance"
        verbose_name_plural = "membres des instances"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name="") | Q(organisation__isnull=False),
                name="body_member_is_someone",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="body_member_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        who = self.name or (str(self.person) if self.person_id else "")
        if self.organisation_id:
            return f"{who} ({self.organisation})" if who else str(self.organisation)
        return who


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("début")
    ends_at = models.DateTimeField("fin")
    place = models.CharField("lieu ou lien de connexion", max_length=300, blank=True)
    agenda = models.TextField("ordre du jour", blank=True)
    minutes = models.TextField("compte rendu", blank=True)

    class Meta:
        verbose_name = "réunion"
        verbose_name_plural = "réunions"
        ordering = ["-starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body} du {self.starts_at:%d/%m/%Y}"


class Attendance(models.TextChoices):
    PRESENT = "present", "présent·e"
    EXCUSED = "excuse", "excusé·e"
    ABSENT = "absent", "absent·e"


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    member = models.ForeignKey(BodyMember, on_delete=models.CASCADE, related_name="attendances")
    status = models.CharField("présence", max_length=10, choices=Attendance.choices)

    class Meta:
        verbose_name = "présence"
        verbose_name_plural = "présences"
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} : {self.get_status_display()}"


class LoggedDecision(models.Model):
    """One entry of the decision log: what a body decided, among which options, and why."""

    experiment = models.ForeignKey(
        Experiment, on_delete=models.CASCADE, related_name="logged_decisions"
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name="réunion",
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name="instance",
    )
    decided_on = models.DateField("date")
    subject = models.CharField("objet", max_length=300)
    options_considered = models.TextField("options envisagées", blank=True)
    decision = models.TextField("décision")
    rationale = models.TextField("justification", blank=True)

    class Meta:
        verbose_name = "décision du registre"
        verbose_name_plural = "registre des décisions"
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return self.subject
