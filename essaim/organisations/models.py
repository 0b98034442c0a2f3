"""The directory: organisations (a shared list) and the people who work in them (contacts)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from essaim.lib.phone import phone_error
from essaim.lib.siren import siren_error
from essaim.roles.models import Perm, Role, RoleHolder, RoleQuerySet


def validate_siren(value: str) -> None:
    if error := siren_error(value):
        raise ValidationError(error, code="invalid_siren")


def validate_phone(value: str) -> None:
    if error := phone_error(value):
        raise ValidationError(error, code="invalid_phone")


class OrganisationKind(models.TextChoices):
    COMMUNE = "commune", "commune"
    EPCI = "epci", "EPCI"
    PNR = "pnr", "parc naturel régional"
    PAYS = "pays", "pays"
    DEPARTEMENT_REGION = "departement_region", "département ou région"
    ASSOCIATION = "association", "association"
    RESOURCE_CENTRE = "centre_ressources", "centre de ressources"
    NATIONAL_NETWORK = "reseau_national", "réseau national"
    STATE_AGENCY = "etat_agence", "État ou agence"
    COMPANY = "entreprise", "entreprise"
    OTHER = "autre", "autre"


class OrganisationQuerySet(RoleQuerySet):
    def visible_to(self, user) -> "OrganisationQuerySet":
        """The directory of organisations is open to every signed-in user."""
        return self.all() if user.is_authenticated else self.none()

    def with_contact_count(self, user) -> "OrganisationQuerySet":
        """Annotate ``contact_count``: how many of its contacts ``user`` may see."""
        visible = Person.objects.visible_to(user).values("pk")
        return self.annotate(contact_count=Count("people", filter=Q(people__in=visible)))


class Organisation(RoleHolder):
    name = models.CharField("nom", max_length=200)
    short_name = models.CharField("sigle", max_length=50, blank=True)
    kind = models.CharField("type", max_length=20, choices=OrganisationKind.choices)
    siren = models.CharField(
        "SIREN",
        max_length=9,
        blank=True,
        validators=[validate_siren],
        help_text="9 chiffres, facultatif.",
    )
    territory = models.ForeignKey(
        "territories.Territory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name="territoire d'action",
    )
    website = models.URLField("site web", blank=True)
    description = models.TextField("présentation", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = "organisation"
        verbose_name_plural = "organisations"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organisation_name_unique",
                violation_error_code="duplicate_name",
                violation_error_message="Une organisation porte déjà ce nom.",
            ),
            # The code "unique" ties the message to the SIREN field in forms.
            models.UniqueConstraint(
                fields=["siren"],
                condition=~Q(siren=""),
                name="organisation_siren_unique",
                violation_error_code="unique",
                violation_error_message="Une organisation porte déjà ce numéro SIREN.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", args=[self.pk])

    def implicit_permissions(self, user) -> frozenset[Perm]:
        return frozenset({Perm.VIEW})


class PersonQuerySet(RoleQuerySet):
    def visible_to(self, user) -> "PersonQuerySet":
        """Contacts are personal data: seen by those with a role on the contact itself or on the
        organisation they belong to."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        own = self.model.objects.with_role(user).values("pk")
        organisations = Organisation.objects.with_role(user).values("pk")
        return self.filter(Q(pk__in=own) | Q(organisation__in=organisations))


CONSENT_DATE_WITHOUT_CONSENT = (
    "Une date de consentement est indiquée mais la case « accepte d'être contacté·e » n'est "
    "pas cochée : cochez-la ou effacez la date."
)


class Person(RoleHolder):
    """A contact, who may have no account."""

    first_name = models.CharField("prénom", max_length=100)
    last_name = models.CharField("nom", max_length=100)
    function = models.CharField("fonction", max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name="organisation",
    )
    email = models.EmailField("adresse e-mail", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True, validators=[validate_phone])
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name="compte",
    )
    consents_to_contact = models.BooleanField("accepte d'être contacté·e", default=False)
    consent_date = models.DateField("date du consentement", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "contact"
        verbose_name_plural = "contacts"
        ordering = ["last_name", "first_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consents_to_contact=False) | Q(consent_date__isnull=False),
                name="consent_has_a_date",
                violation_error_message="Indiquez la date à laquelle le consentement a été donné.",
            ),
            models.CheckConstraint(
                condition=Q(consents_to_contact=True) | Q(consent_date__isnull=True),
                name="consent_date_needs_consent",
                violation_error_message=CONSENT_DATE_WITHOUT_CONSENT,
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        """Consent given without a date was given today; a date needs the consent."""
        if self.consents_to_contact and self.consent_date is None:
            self.consent_date = timezone.localdate()
        if self.consent_date is not None and not self.consents_to_contact:
            raise ValidationError({"consent_date": CONSENT_DATE_WITHOUT_CONSENT})
        if self.consent_date is not None and self.consent_date > timezone.localdate():
            raise ValidationError(
                {"consent_date": "La date du consentement ne peut pas être dans le futur."}
            )

    def get_absolute_url(self) -> str:
        return reverse("organisations:person_detail", args=[self.pk])

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def personal_data(self) -> dict:
        """Everything Essaim keeps about this person, for them to take away (JSON-ready)."""
        organisation = self.organisation
        return {
            "contact": {
                "id": self.pk,
                "first_name": self.first_name,
                "last_name": self.last_name,
                "function": self.function,
                "email": self.email,
                "phone": self.phone,
                "organisation": (
                    {"id": organisation.pk, "name": organisation.name} if organisation else None
                ),
                "account_email": self.user.email if self.user_id else None,
                "consents_to_contact": self.consents_to_contact,
                "consent_date": self.consent_date.isoformat() if self.consent_date else None,
                "created_at": self.created_at.isoformat(),
                "updated_at": self.updated_at.isoformat(),
            },
            "exported_at": timezone.now().isoformat(),
            "source": settings.SITE_URL + self.get_absolute_url(),
        }

    def implicit_permissions(self, user) -> frozenset[Perm]:
        if self.organisation_id is None:
            return frozenset()
        role = self.organisation.roles.filter(user=user).values_list("role", flat=True).first()
        if role is None:
            return frozenset()
        if role in (Role.OWNER, Role.EDITOR):
            return frozenset({Perm.VIEW, Perm.EDIT})
        return frozenset({Perm.VIEW})
