"""Governance of any governed object (an experiment, a programme…): its bodies and their
members, meetings with attendance, minutes and decisions, and the decision log across meetings.

A body and a decision-log entry belong to their owner through a generic relation; the owner's
model is declared with :func:`essaim.governance.registry.governed`."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q

from essaim.governance.registry import check_governed


def owned_by(owner: models.Model, *, path: str = "") -> Q:
    """The rows whose owner (reached through ``path``, e.g. ``body__``) is ``owner``."""
    check_governed(owner)
    return Q(
        **{
            f"{path}owner_type": ContentType.objects.get_for_model(owner),
            f"{path}owner_id": owner.pk,
        }
    )


class BodyKind(models.TextChoices):
    STEERING = "comite_pilotage", "comité de pilotage"
    TECHNICAL = "comite_technique", "comité technique"
    SUPPORT = "groupe_accompagnement", "groupe d'accompagnement"
    OTHER = "autre", "autre instance"


class BodyQuerySet(models.QuerySet):
    def of(self, owner: models.Model) -> "BodyQuerySet":
        return self.filter(owned_by(owner))


class Body(models.Model):
    owner_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
    kind = models.CharField("type", max_length=30, choices=BodyKind.choices)
    name = models.CharField("nom", max_length=200)
    mandate = models.TextField("rôle de l'instance", blank=True)

    objects = BodyQuerySet.as_manager()

    class Meta:
        verbose_name = "instance"
        verbose_name_plural = "instances de gouvernance"
        ordering = ["kind", "name", "pk"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="body_owner")]

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

    def sits_on(self, day) -> bool:
        """Whether the member belongs to the body on ``day``."""
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or self.end_date >= day
        )


class MeetingQuerySet(models.QuerySet):
    def of(self, owner: models.Model) -> "MeetingQuerySet":
        return self.filter(owned_by(owner, path="body__"))


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField("début")
    ends_at = models.DateTimeField("fin")
    place = models.CharField("lieu ou lien de connexion", max_length=300, blank=True)
    agenda = models.TextField("ordre du jour", blank=True)
    minutes = models.TextField("compte rendu", blank=True)

    objects = MeetingQuerySet.as_manager()

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
            models.UniqueConstraint(fields=["meeting", "member"], name="meeting_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.member} : {self.get_status_display()}"


class LoggedDecisionQuerySet(models.QuerySet):
    def of(self, owner: models.Model) -> "LoggedDecisionQuerySet":
        return self.filter(owned_by(owner))


class LoggedDecision(models.Model):
    """One entry of the decision log: what a body decided, among which options, and why."""

    owner_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
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

    objects = LoggedDecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "décision du registre"
        verbose_name_plural = "registre des décisions"
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="logged_decision_owner")]

    def __str__(self) -> str:
        return self.subject
