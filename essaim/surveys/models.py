"""Satisfaction questionnaires of a training session: one sent just after the session (« à
chaud ») and one some weeks later (« à froid »), both configurable, answered through a
personal link, and aggregated per session and per cycle."""

import datetime
import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone

from essaim.registrations.models import Registration
from essaim.trainings.models import TrainingSession


class Moment(models.TextChoices):
    HOT = "hot", "à chaud"
    COLD = "cold", "à froid"


class SurveyQuerySet(models.QuerySet):
    def due(self, today: datetime.date) -> list["Survey"]:
        """The active surveys of real (not illustrative) sessions whose sending day has come,
        and not so long ago that a questionnaire « à chaud » would arrive months late: past
        :data:`SENDING_WINDOW_DAYS`, only the organiser's « Envoyer maintenant » sends it."""
        oldest_end = today - datetime.timedelta(days=MAX_SEND_AFTER_DAYS + SENDING_WINDOW_DAYS)
        candidates = self.filter(
            active=True,
            session__illustrative=False,
            session__personal_data_anonymised_at__isnull=True,
            session__end_date__lte=today,
            session__end_date__gte=oldest_end,
        ).select_related("session")
        return [survey for survey in candidates if survey.is_due(today)]


# The longest delay an organiser may set, and how long after its day a survey is still sent
# automatically.
MAX_SEND_AFTER_DAYS = 365
SENDING_WINDOW_DAYS = 30


class Survey(models.Model):
    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="surveys")
    moment = models.CharField("moment", max_length=4, choices=Moment.choices)
    title = models.CharField("titre", max_length=250)
    introduction = models.TextField("introduction", blank=True)
    send_after_days = models.PositiveSmallIntegerField(
        "envoi (jours après la fin de la session)", default=1
    )
    active = models.BooleanField("envoi prévu", default=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = "questionnaire"
        ordering = ["session", "send_after_days", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "moment"], name="one_survey_per_moment")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_moment_display()})"

    @property
    def send_on(self) -> datetime.date:
        """The day the survey is sent: so many days after the last day of the session."""
        return self.session.end_date + datetime.timedelta(days=self.send_after_days)

    def is_due(self, today: datetime.date) -> bool:
        window_end = self.send_on + datetime.timedelta(days=SENDING_WINDOW_DAYS)
        return self.active and self.send_on <= today <= window_end


class QuestionKind(models.TextChoices):
    RATING = "rating", "note de 1 à 5"
    CHOICE = "choice", "choix parmi une liste"
    TEXT = "text", "texte libre"


# What each note means, shown beside it on the questionnaire and in the results.
RATING_SCALE = {1: "pas du tout", 2: "peu", 3: "moyennement", 4: "beaucoup", 5: "tout à fait"}


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField("question", max_length=300)
    kind = models.CharField("type", max_length=8, choices=QuestionKind.choices)
    choices = models.TextField("choix possibles", blank=True, help_text="Un choix par ligne.")
    required = models.BooleanField("réponse obligatoire", default=False)
    position = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "question"
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    @property
    def is_rating(self) -> bool:
        return self.kind == QuestionKind.RATING

    @property
    def is_choice(self) -> bool:
        return self.kind == QuestionKind.CHOICE

    @property
    def is_text(self) -> bool:
        return self.kind == QuestionKind.TEXT


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SurveyInvitation(models.Model):
    """The personal link sent to one participant; answered once."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    registration = models.ForeignKey(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    sent_at = models.DateTimeField("envoyé le", default=timezone.now)
    answered_at = models.DateTimeField("répondu le", null=True, blank=True)
    illustrative = models.BooleanField("exemple illustratif", default=False)

    class Meta:
        verbose_name = "invitation à répondre"
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "registration"], name="one_invitation_per_participant"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} — {self.token[:6]}"

    def get_absolute_url(self) -> str:
        return reverse("surveys:answer", args=[self.token])

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class SurveyAnswer(models.Model):
    """One answer; kept when the participant's personal data are anonymised."""

    invitation = models.ForeignKey(
        SurveyInvitation, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    rating = models.PositiveSmallIntegerField("note", null=True, blank=True)
    value = models.TextField("réponse", blank=True)

    class Meta:
        verbose_name = "réponse"
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "question"], name="one_survey_answer_per_question"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="rating_between_one_and_five",
            ),
        ]

    def __str__(self) -> str:
        return str(self.rating) if self.rating is not None else self.value
