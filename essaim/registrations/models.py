"""Registrations to a training session: the place a person takes, or waits for.

A registration's status says whether it holds a place. Confirmed registrations, pending ones
(members-only sessions, awaiting the organiser) and offered ones (a freed place offered to the
first person waiting, until it expires) hold one; the places held never exceed the session's
capacity (the session row is locked while a place is taken). One e-mail address registers once
per session (a database constraint, cancelled registrations aside)."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone

from essaim.trainings.models import RegistrationQuestion, Slot, TrainingSession


class Category(models.TextChoices):
    OFFICER = "agent", "agent de développement"
    ELECTED = "elu", "élu·e"
    PROJECT = "porteur", "porteur de projet"
    CIVIL = "societe_civile", "société civile"
    OTHER = "autre", "autre"


class Status(models.TextChoices):
    CONFIRMED = "confirmed", "confirmée"
    PENDING = "pending", "en attente de validation"
    WAITING = "waiting", "en liste d'attente"
    OFFERED = "offered", "place proposée"
    CANCELLED = "cancelled", "annulée"
    REFUSED = "refused", "refusée"
    EXPIRED = "expired", "proposition expirée"


HOLDS_A_PLACE = (Status.CONFIRMED, Status.PENDING, Status.OFFERED)
ACTIVE = (*HOLDS_A_PLACE, Status.WAITING)


class PendingReason(models.TextChoices):
    MEMBERSHIP = "membership", "cotisation à régler"
    PAYMENT = "payment", "paiement à recevoir"
    OTHER = "other", "à valider par l'organisateur"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class RegistrationQuerySet(models.QuerySet):
    def holding_a_place(self):
        return self.filter(status__in=HOLDS_A_PLACE)

    def active(self):
        return self.filter(status__in=ACTIVE)

    def waiting_in_order(self):
        return self.filter(status=Status.WAITING).order_by("created_at", "pk")


class Registration(models.Model):
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="registrations"
    )
    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    email = models.EmailField("adresse e-mail")
    phone = models.CharField("téléphone", max_length=30, blank=True)
    organisation_name = models.CharField("organisation", max_length=250, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name="organisation de l'annuaire",
    )
    category = models.CharField("vous êtes", max_length=20, choices=Category.choices)
    commune = models.ForeignKey(
        "territories.Commune",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="commune de votre structure",
    )
    slots = models.ManyToManyField(
        Slot, related_name="registrations", blank=True, verbose_name="séances suivies"
    )
    accessibility_needs = models.TextField("besoins d'accessibilité ou d'adaptation", blank=True)
    consent = models.BooleanField("consentement au traitement des données", default=False)
    consent_at = models.DateTimeField("consentement donné le", null=True, blank=True)
    status = models.CharField(
        "statut", max_length=10, choices=Status.choices, default=Status.CONFIRMED, db_index=True
    )
    pending_reason = models.CharField(
        "en attente pour", max_length=12, choices=PendingReason.choices, blank=True
    )
    offer_expires_at = models.DateTimeField("place à confirmer avant le", null=True, blank=True)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    submission_key = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="Clé du formulaire envoyé : un double envoi n'inscrit qu'une fois.",
    )
    created_at = models.DateTimeField("inscrit·e le", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    confirmed_at = models.DateTimeField("confirmée le", null=True, blank=True)
    cancelled_at = models.DateTimeField("annulée le", null=True, blank=True)
    reminded_at = models.DateTimeField("rappel envoyé le", null=True, blank=True)
    anonymised_at = models.DateTimeField("anonymisée le", null=True, blank=True)
    illustrative = models.BooleanField("exemple illustratif", default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "inscription"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "session",
                models.functions.Lower("email"),
                condition=Q(status__in=[s.value for s in ACTIVE]) & Q(anonymised_at__isnull=True),
                name="one_active_registration_per_email_and_session",
                violation_error_message="Cette adresse e-mail est déjà inscrite à cette session.",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.OFFERED) | Q(offer_expires_at__isnull=False),
                name="an_offer_has_an_expiry",
            ),
            models.UniqueConstraint(
                fields=["submission_key"],
                condition=~Q(submission_key=""),
                name="one_registration_per_submitted_form",
            ),
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.session}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def holds_a_place(self) -> bool:
        return self.status in HOLDS_A_PLACE

    @property
    def is_confirmed(self) -> bool:
        return self.status == Status.CONFIRMED

    @property
    def meeting_url(self) -> str:
        """The link of an online session, for a confirmed registrant only ("" otherwise): the
        one rule for the pages, the e-mails and the calendar files."""
        if self.is_confirmed and self.session.is_online:
            return self.session.meeting_url
        return ""

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    def waiting_position(self) -> int | None:
        """1 for the first person on the waiting list; ``None`` when not waiting."""
        if self.status != Status.WAITING:
            return None
        ahead = Registration.objects.filter(session_id=self.session_id).waiting_in_order()
        ahead = ahead.filter(
            Q(created_at__lt=self.created_at) | Q(created_at=self.created_at, pk__lt=self.pk)
        )
        return ahead.count() + 1


class Answer(models.Model):
    """The answer to one of the organiser's questions."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        RegistrationQuestion, on_delete=models.CASCADE, related_name="answers"
    )
    value = models.TextField("réponse", blank=True)

    class Meta:
        verbose_name = "réponse"
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"], name="one_answer_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.value


class MessageKind(models.TextChoices):
    CONFIRMATION = "confirmation", "confirmation"
    PENDING = "pending", "inscription en attente"
    WAITING = "waiting", "liste d'attente"
    OFFER = "offer", "place libérée"
    OFFER_EXPIRED = "offer_expired", "place proposée expirée"
    REMINDER = "reminder", "rappel"
    CANCELLATION = "cancellation", "annulation"
    REFUSAL = "refusal", "refus"
    ORGANISER = "organiser", "message de l'organisateur"


class SentMessage(models.Model):
    """What was sent to registrants, so that nothing is sent twice and organisers see it."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="sent_messages"
    )
    registration = models.ForeignKey(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages"
    )
    kind = models.CharField("type", max_length=14, choices=MessageKind.choices)
    subject = models.CharField("objet", max_length=250)
    body = models.TextField("message", blank=True)
    recipient_count = models.PositiveIntegerField("destinataires", default=1)
    sent_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField("envoyé le", default=timezone.now)

    class Meta:
        verbose_name = "message envoyé"
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.subject


class OrganiserDigest(models.Model):
    """When an organiser last received the digest of new and pending registrations: the next
    digest tells what came after it, and none is sent twice the same day."""

    user = models.OneToOneField(
        "accounts.User", on_delete=models.CASCADE, related_name="+", verbose_name="organisateur"
    )
    sent_at = models.DateTimeField("dernier récapitulatif envoyé le", null=True, blank=True)

    class Meta:
        verbose_name = "récapitulatif des inscriptions"
        verbose_name_plural = "récapitulatifs des inscriptions"

    def __str__(self) -> str:
        return f"Récapitulatif des inscriptions de {self.user}"
