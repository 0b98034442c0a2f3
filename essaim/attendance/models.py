"""Attendance at a training session, half-day by half-day, and the certificates it gives.

Presence is recorded per registration and per slot (a half-day is made of its slots): ticked on
the signed sheet, checked in on a phone during the session, or read from the connection report
of the webconference tool. Certificates are issued only to those who attended."""

from django.db import models
from django.utils import timezone

from essaim.core.models import YearlySequence
from essaim.registrations.models import Registration
from essaim.trainings.models import Slot


class Source(models.TextChoices):
    SHEET = "sheet", "feuille d'émargement"
    CHECK_IN = "check_in", "pointage sur place"
    REPORT = "report", "rapport de connexion"
    ORGANISER = "organiser", "saisie de l'organisateur"


class Attendance(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendances"
    )
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="attendances")
    present = models.BooleanField("présent·e", default=True)
    minutes = models.PositiveIntegerField(
        "minutes de présence", null=True, blank=True, help_text="Vide : toute la séance."
    )
    source = models.CharField("relevé par", max_length=10, choices=Source.choices)
    recorded_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField("relevé le", default=timezone.now)

    class Meta:
        verbose_name = "présence"
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "slot"], name="one_attendance_per_registration_and_slot"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration.full_name} — {self.slot}"

    def attended_minutes(self, slot: Slot) -> int:
        """The minutes this record counts for ``slot`` (its own slot, passed in so that a list
        of records needs no query): none when absent, the whole slot when not measured."""
        if not self.present:
            return 0
        length = slot_minutes(slot)
        return length if self.minutes is None else min(self.minutes, length)


def slot_minutes(slot: Slot) -> int:
    return int((slot.ends_at - slot.starts_at).total_seconds() // 60)


class ConnectionReport(models.Model):
    """An imported connection report of a webconference, kept for the record."""

    session = models.ForeignKey(
        "trainings.TrainingSession", on_delete=models.CASCADE, related_name="connection_reports"
    )
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="connection_reports")
    file_name = models.CharField("fichier", max_length=250)
    matched = models.PositiveIntegerField("lignes rapprochées d'un inscrit", default=0)
    unmatched = models.JSONField("lignes sans inscrit", default=list, blank=True)
    threshold_minutes = models.PositiveIntegerField(
        "présent·e à partir de (minutes)", null=True, blank=True
    )
    imported_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField("importé le", default=timezone.now)

    class Meta:
        verbose_name = "rapport de connexion"
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.file_name


class Certificate(models.Model):
    """An attendance certificate issued to one registrant, with its number and what it says."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="certificate"
    )
    number = models.CharField("numéro", max_length=30, unique=True)
    hours = models.DecimalField("heures suivies", max_digits=6, decimal_places=2)
    place = models.CharField("fait à", max_length=120, blank=True)
    issued_at = models.DateTimeField("établie le", default=timezone.now)
    queued_at = models.DateTimeField("envoi demandé le", null=True, blank=True)
    sent_at = models.DateTimeField("envoyée le", null=True, blank=True)

    class Meta:
        verbose_name = "attestation de présence"
        verbose_name_plural = "attestations de présence"
        ordering = ["number"]

    def __str__(self) -> str:
        return self.number

    @property
    def being_sent(self) -> bool:
        return self.queued_at is not None and self.sent_at is None

    @staticmethod
    def next_number(year: int) -> str:
        """« ESS-2023-000124 »: the next number of the year, taken under the lock of the year's
        counter row (``YearlySequence``); inside the transaction that saves the certificate."""
        number = YearlySequence.next_number(CERTIFICATE_SEQUENCE, year)
        return f"{NUMBER_PREFIX}-{year}-{number:06d}"


NUMBER_PREFIX = "ESS"
CERTIFICATE_SEQUENCE = "certificate"  # the name of the certificates' YearlySequence
