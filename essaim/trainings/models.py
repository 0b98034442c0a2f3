"""The catalogue of a resource centre: cycles of training sessions and webconferences, each
session with its programme in time slots, its speakers and its case testimonies.

A session is organised by those who hold a role on it or on its cycle; once published, its page
is public (no account needed)."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from essaim.core.history import Tracked
from essaim.core.ordering import next_position
from essaim.core.slugs import slug_of, unique_slug
from essaim.roles.models import Perm, RoleHolder, RoleQuerySet
from essaim.trainings.places import places_taken_count, registration_counts

NOON = datetime.time(12, 0)


class Format(models.TextChoices):
    ONLINE = "online", "en ligne"
    IN_PERSON = "in_person", "en présentiel"


class Access(models.TextChoices):
    FREE = "free", "gratuite"
    MEMBERS = "members", "réservée aux adhérents à jour de leur cotisation"
    PAID = "paid", "payante"


class Availability(models.TextChoices):
    """Whether a newcomer may register now: a place, the waiting list, or nothing."""

    OPEN = "open", "inscriptions ouvertes"
    FULL = "full", "complet — liste d'attente"
    CLOSED = "closed", "inscriptions closes"


class CatalogueQuerySet(RoleQuerySet):
    def published(self):
        return self.filter(published=True)


class Cycle(Tracked, RoleHolder):
    """A series of sessions announced together (for example innovation → expérimentation →
    pérennisation et changement d'échelle), whose sessions link to each other."""

    title = models.CharField("titre", max_length=250)
    slug = models.SlugField("adresse", max_length=80, unique=True)
    summary = models.TextField("présentation", blank=True)
    organiser = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_cycles",
        verbose_name="organisateur",
    )
    published = models.BooleanField("publié", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    objects = CatalogueQuerySet.as_manager()

    class Meta:
        verbose_name = "cycle"
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("trainings:cycle", args=[self.slug])

    @staticmethod
    def unique_slug(title: str) -> str:
        return unique_slug(Cycle, slug_of(title, 72), "cycle")


class TrainingSessionQuerySet(CatalogueQuerySet):
    def upcoming(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today)

    def past(self, today: datetime.date | None = None):
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today)

    def visible_to(self, user):
        """The sessions ``user`` may see in the organiser's pages: a role on the session or on
        its cycle. (Published sessions are public through their own pages.)"""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        own = self.model.objects.with_role(user).values("pk")
        cycles = Cycle.objects.with_role(user).values("pk")
        return self.filter(Q(pk__in=own) | Q(cycle__in=cycles))

    def with_registration_counts(self):
        """Annotate ``places_taken`` (registrations holding a place), ``confirmed_count``,
        ``waiting_count`` and ``awaiting_count`` (to be validated, or a place offered): one
        subquery each, whatever the number of sessions. The app that takes registrations says
        how to count them (``trainings/places.py``)."""
        return self.annotate(**registration_counts())

    def with_places_taken(self):
        """Annotate ``places_taken`` only (one subquery): what the public pages need for the
        places left."""
        return self.annotate(places_taken=places_taken_count())


class TrainingSession(Tracked, RoleHolder):
    """A training session or a webconference, over one or several days, in time slots."""

    cycle = models.ForeignKey(
        Cycle,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name="cycle",
    )
    position = models.PositiveSmallIntegerField(
        "rang dans le cycle",
        default=1,
        help_text="Pour les liens vers la session précédente et suivante.",
    )
    title = models.CharField("titre", max_length=250)
    slug = models.SlugField("adresse", max_length=80, unique=True)
    organiser = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="training_sessions",
        verbose_name="organisateur",
    )
    published = models.BooleanField("publiée", default=False)
    # The announcement, in the words of the seed documents.
    why = models.TextField("Pourquoi cette session ?", blank=True)
    audience = models.TextField("Une session pour qui ?", blank=True)
    objectives = models.TextField(
        "objectifs",
        blank=True,
        help_text="Un objectif par ligne : « Mieux cerner… », « Comprendre… ».",
    )
    programme_intro = models.TextField("programme", blank=True)
    prerequisites = models.TextField("prérequis", blank=True, default="Aucun.")
    teaching_methods = models.TextField(
        "méthodes pédagogiques",
        blank=True,
        help_text="Apports théoriques, témoignages, études de cas…",
    )
    accessibility = models.TextField(
        "accessibilité aux personnes en situation de handicap",
        blank=True,
        help_text="Ce qui est prévu, et qui contacter pour adapter la session.",
    )
    accessibility_contact = models.CharField("référent handicap", max_length=200, blank=True)
    # Practicalities.
    start_date = models.DateField("premier jour")
    end_date = models.DateField("dernier jour")
    format = models.CharField(
        "format", max_length=12, choices=Format.choices, default=Format.ONLINE
    )
    meeting_url = models.URLField(
        "lien de connexion",
        blank=True,
        help_text=(
            "Montré seulement aux inscrits confirmés : dans le rappel et sur leur page "
            "d'inscription."
        ),
    )
    venue = models.CharField("lieu", max_length=250, blank=True)
    address = models.TextField("adresse", blank=True)
    access = models.CharField(
        "participation", max_length=10, choices=Access.choices, default=Access.FREE
    )
    price = models.DecimalField("tarif (€)", max_digits=8, decimal_places=2, null=True, blank=True)
    capacity = models.PositiveIntegerField(
        "nombre de places", null=True, blank=True, help_text="Vide : sans limite."
    )
    registration_deadline = models.DateTimeField(
        "inscription possible jusqu'au", null=True, blank=True
    )
    offer_hours = models.PositiveSmallIntegerField(
        "délai pour confirmer une place libérée (heures)", default=48
    )
    all_slots_recommended = models.BooleanField(
        "il est recommandé de suivre toutes les séances", default=True
    )
    contact_name = models.CharField("contact", max_length=200, blank=True)
    contact_email = models.EmailField("e-mail du contact", blank=True)
    contact_phone = models.CharField("téléphone du contact", max_length=60, blank=True)
    # Follow-up.
    reminder_days = models.PositiveSmallIntegerField(
        "rappel (jours avant)", default=2, help_text="0 : pas de rappel."
    )
    retention_months = models.PositiveSmallIntegerField(
        "conservation des données personnelles (mois après la session)",
        default=36,
        help_text="Ensuite, les inscrit·es sont anonymisé·es ; les statistiques sont conservées.",
    )
    personal_data_anonymised_at = models.DateTimeField(
        "données personnelles anonymisées le", null=True, blank=True
    )
    illustrative = models.BooleanField(
        "exemple illustratif",
        default=False,
        help_text="Inscriptions, présences et réponses inventées pour la démonstration.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField("créée le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = TrainingSessionQuerySet.as_manager()

    class Meta:
        verbose_name = "session"
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="training_session_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="training_session_capacity_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("trainings:session", args=[self.slug])

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "Le dernier jour doit suivre le premier."
        if self.access == Access.PAID and not self.price:
            errors["price"] = "Indiquez le tarif d'une session payante."
        if self.format == Format.IN_PERSON and not (self.venue or self.address):
            errors["venue"] = "Indiquez le lieu d'une session en présentiel."
        if errors:
            raise ValidationError(errors)

    def implicit_permissions(self, user) -> frozenset[Perm]:
        """The organisers of the cycle organise its sessions."""
        if self.cycle_id is None:
            return frozenset()
        role = self.cycle.role_of(user)
        return role.permissions if role else frozenset()

    # Registration rules ---------------------------------------------------------------------

    @property
    def is_online(self) -> bool:
        return self.format == Format.ONLINE

    @property
    def members_only(self) -> bool:
        return self.access == Access.MEMBERS

    def registration_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        if self.registration_deadline is not None and now > self.registration_deadline:
            return False
        first_start = self.first_start()
        if first_start is None:  # no programme yet: open until the first day
            return timezone.localdate(now) < self.start_date
        return now < first_start

    @property
    def places_left(self) -> int | None:
        """Capacity minus the registrations holding a place (``None``: no limit). Reads the
        ``places_taken`` annotation of ``with_registration_counts`` when there is one."""
        if self.capacity is None:
            return None
        taken = getattr(self, "places_taken", None)
        if taken is None:
            taken = self.registrations.holding_a_place().count()
        return max(self.capacity - taken, 0)

    def availability(self, now: datetime.datetime | None = None) -> Availability:
        """Closed after the deadline or once started; full when no place is left."""
        if not self.registration_open(now):
            return Availability.CLOSED
        if self.places_left == 0:
            return Availability.FULL
        return Availability.OPEN

    def first_start(self) -> datetime.datetime | None:
        slot = min(self.slots.all(), key=lambda slot: slot.starts_at, default=None)
        return slot.starts_at if slot else None

    def anonymise_after(self) -> datetime.date:
        """The day after which the personal data of the registrants are anonymised."""
        year, month = divmod(self.end_date.month - 1 + self.retention_months, 12)
        day = min(self.end_date.day, 28)
        return datetime.date(self.end_date.year + year, month + 1, day)

    def total_hours(self) -> Decimal:
        return sum((slot.hours for slot in self.slots.all()), Decimal(0))

    # Cycle navigation -------------------------------------------------------------------------

    def neighbours(self) -> tuple["TrainingSession | None", "TrainingSession | None"]:
        """The previous and next published sessions of the cycle."""
        if self.cycle_id is None:
            return None, None
        siblings = list(
            TrainingSession.objects.filter(cycle_id=self.cycle_id, published=True)
            .exclude(pk=self.pk)
            .order_by("position", "start_date", "pk")
        )
        key = (self.position, self.start_date, self.pk)
        before = [s for s in siblings if (s.position, s.start_date, s.pk) < key]
        after = [s for s in siblings if (s.position, s.start_date, s.pk) > key]
        return (before[-1] if before else None), (after[0] if after else None)

    @staticmethod
    def unique_slug(title: str, day: datetime.date) -> str:
        base = slug_of(f"{slug_of(title, 60)}-{day:%Y-%m-%d}", 72)
        return unique_slug(TrainingSession, base, "session")

    @staticmethod
    def next_position_in(cycle: Cycle | None) -> int:
        """The rank of a session added at the end of ``cycle``."""
        if cycle is None:
            return 1
        return next_position(cycle.sessions.all())


class Slot(models.Model):
    """A time slot of the programme: a date, a start and an end, what is covered."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="slots")
    date = models.DateField("date")
    start_time = models.TimeField("début")
    end_time = models.TimeField("fin")
    title = models.CharField("intitulé", max_length=250, blank=True)
    topics = models.TextField("contenu", blank=True, help_text="Un point par ligne.")

    class Meta:
        verbose_name = "séance"
        ordering = ["date", "start_time", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=models.F("start_time")), name="slot_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M}-{self.end_time:%H:%M}"

    @property
    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.start_time))

    @property
    def ends_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, self.end_time))

    @property
    def hours(self) -> Decimal:
        minutes = (self.ends_at - self.starts_at).total_seconds() / 60
        return (Decimal(minutes) / 60).quantize(Decimal("0.01"))

    @property
    def half_day(self) -> tuple[datetime.date, str]:
        """(date, "matin" | "après-midi"): attendance sheets are signed per half-day."""
        return self.date, "matin" if self.start_time < NOON else "après-midi"


class SpeakerRole(models.TextChoices):
    TRAINER = "trainer", "intervenant·e"
    WITNESS = "witness", "témoin"
    FACILITATOR = "facilitator", "animateur·rice"


class Speaker(models.Model):
    """Someone who speaks at the session, as published (name, function, organisation)."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        "organisations.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="talks",
        verbose_name="contact de l'annuaire",
    )
    name = models.CharField("nom", max_length=200)
    function = models.CharField("fonction", max_length=300, blank=True)
    organisation_name = models.CharField("organisation", max_length=250, blank=True)
    role = models.CharField(
        "rôle", max_length=12, choices=SpeakerRole.choices, default=SpeakerRole.TRAINER
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "intervenant"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Testimony(models.Model):
    """A case presented at the session, by its presenters, linked to its experiment."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="testimonies"
    )
    slot = models.ForeignKey(
        Slot,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="testimonies",
        verbose_name="séance",
    )
    title = models.CharField("cas présenté", max_length=300)
    presenters = models.TextField(
        "présenté par",
        blank=True,
        help_text="Une personne par ligne : nom, fonction, organisation.",
    )
    experiment = models.ForeignKey(
        "experiments.Experiment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="testimonies",
        verbose_name="expérimentation",
    )
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "témoignage"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    TEXT = "text", "texte libre"
    CHOICE = "choice", "choix parmi une liste"
    YES_NO = "yes_no", "oui ou non"


class RegistrationQuestion(models.Model):
    """A question the organiser adds to the registration form."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField("question", max_length=300)
    kind = models.CharField(
        "type", max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices = models.TextField("choix possibles", blank=True, help_text="Un choix par ligne.")
    required = models.BooleanField("réponse obligatoire", default=False)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "question d'inscription"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]
