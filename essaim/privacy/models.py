import datetime

from django.db import models
from django.utils import timezone

from essaim.privacy.tokens import (
    LINK_VALIDITY,
    ExpiredLink,
    InvalidLink,
    hash_token,
    new_token,
    normalise_email,
)


class AccessLink(models.Model):
    """A personal link sent to an address: the hash of its token, never the token."""

    email = models.EmailField("adresse e-mail")
    token_hash = models.CharField("empreinte du jeton", max_length=64, unique=True)
    created_at = models.DateTimeField("envoyé le", default=timezone.now)
    expires_at = models.DateTimeField("valable jusqu'au")

    class Meta:
        verbose_name = "lien vers les données personnelles"
        verbose_name_plural = "liens vers les données personnelles"
        indexes = [models.Index(fields=["email"]), models.Index(fields=["expires_at"])]

    def __str__(self) -> str:
        return f"Lien valable jusqu'au {timezone.localtime(self.expires_at):%d/%m/%Y %H:%M}"

    @classmethod
    def issue(cls, *, email: str, now: datetime.datetime | None = None) -> tuple["AccessLink", str]:
        """A new link for ``email`` and its token, which only the e-mail will carry."""
        now = now or timezone.now()
        token = new_token()
        link = cls.objects.create(
            email=normalise_email(email),
            token_hash=hash_token(token),
            created_at=now,
            expires_at=now + LINK_VALIDITY,
        )
        return link, token

    @classmethod
    def read(cls, token: str, *, now: datetime.datetime | None = None) -> "AccessLink":
        """The link of ``token``; raises :class:`ExpiredLink` or :class:`InvalidLink`."""
        link = cls.objects.filter(token_hash=hash_token(token)).first()
        if link is None:
            raise InvalidLink
        link.check_valid(now)
        return link

    def check_valid(self, now: datetime.datetime | None = None) -> None:
        if self.expires_at <= (now or timezone.now()):
            raise ExpiredLink
