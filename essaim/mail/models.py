import datetime

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

# How long a failure stays shown: long enough to be seen and acted upon; the address of the
# person it did not reach is not kept longer.
FAILURE_KEPT_FOR = datetime.timedelta(days=30)


class FailedEmailQuerySet(models.QuerySet):
    def past_their_time(self, now: datetime.datetime):
        return self.filter(failed_at__lt=now - FAILURE_KEPT_FOR)

    def to_address(self, email: str) -> list["FailedEmail"]:
        """The failures whose recipients include ``email`` (not merely an address containing
        it), latest first."""
        wanted = email.strip().lower()
        return [
            failure
            for failure in self.filter(recipients__icontains=wanted).order_by("-failed_at", "-pk")
            if wanted in failure.recipient_list
        ]

    def about(self, target: models.Model):
        """The recent failures to send an e-mail about ``target``, latest first."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
            failed_at__gte=timezone.now() - FAILURE_KEPT_FOR,
        ).order_by("-failed_at", "-pk")


class FailedEmail(models.Model):
    """An e-mail that could not be sent, kept for the people in charge of what it is about
    (a session…), with the reason in French."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    recipients = models.CharField("destinataires", max_length=1000)
    subject = models.CharField("objet", max_length=250)
    reason = models.CharField("raison", max_length=300)
    failed_at = models.DateTimeField("échec le", default=timezone.now)

    objects = FailedEmailQuerySet.as_manager()

    class Meta:
        verbose_name = "e-mail non envoyé"
        verbose_name_plural = "e-mails non envoyés"
        indexes = [models.Index(fields=["content_type", "object_id", "-failed_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipients}"

    @property
    def recipient_list(self) -> list[str]:
        return [address.strip().lower() for address in self.recipients.split(",")]
