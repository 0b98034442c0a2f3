import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **fields) -> "User":
        if not email:
            raise ValueError("L'adresse e-mail est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **fields)

    def get_by_natural_key(self, username: str) -> "User":
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in, by e-mail. The person they are in the directory is ``self.person``."""

    email = models.EmailField("adresse e-mail", unique=True)
    pending_email = models.EmailField(
        "nouvelle adresse à confirmer",
        blank=True,
        help_text="Elle remplace l'adresse de connexion quand son lien de confirmation est suivi.",
    )
    full_name = models.CharField("nom complet", max_length=150, blank=True)
    is_staff = models.BooleanField(
        "administrateur", default=False, help_text="Peut se connecter à l'administration."
    )
    is_active = models.BooleanField("actif", default=True)
    date_joined = models.DateTimeField("inscrit le", default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name or self.email

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ExpiredToken(Exception):
    """A genuine token, not revoked, whose time is over."""

    def __init__(self, expires_at: datetime.datetime) -> None:
        super().__init__(expires_at)
        self.expires_at = expires_at


def token_lifetime() -> datetime.timedelta:
    return datetime.timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        """Tokens neither revoked nor of a deactivated account; some may have expired."""
        return self.filter(revoked_at__isnull=True, user__is_active=True)

    def revoke(self) -> int:
        """Revoke the tokens not revoked yet (for instance all of a user's, when their password
        changes); returns how many."""
        return self.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is kept: the key is shown once, at creation."""

    PREFIX = "essaim_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("nom", max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_hint = models.CharField("début de la clé", max_length=16, editable=False)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    last_used_at = models.DateTimeField("dernière utilisation", null=True, blank=True)
    expires_at = models.DateTimeField("expire le")
    revoked_at = models.DateTimeField("révoqué le", null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "jeton d'API"
        verbose_name_plural = "jetons d'API"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.key_hint}…)"

    @classmethod
    def issue(cls, *, user: User, name: str) -> tuple["ApiToken", str]:
        """Create a token, valid ``API_TOKEN_LIFETIME_DAYS`` days, and return it with its clear
        key, which is never stored."""
        key = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            key_hash=hash_token(key),
            key_hint=key[: len(cls.PREFIX) + 4],
            expires_at=timezone.now() + token_lifetime(),
        )
        return token, key

    @classmethod
    def authenticate(cls, key: str) -> User | None:
        """The user of the token ``key``; None for an unknown or revoked one, and
        :class:`ExpiredToken` for one whose time is over."""
        token = cls.objects.active().select_related("user").filter(key_hash=hash_token(key)).first()
        if token is None:
            return None
        now = timezone.now()
        if token.has_expired(now):
            raise ExpiredToken(token.expires_at)
        token.last_used_at = now
        token.save(update_fields=["last_used_at"])
        return token.user

    def has_expired(self, now: datetime.datetime | None = None) -> bool:
        return self.expires_at <= (now or timezone.now())

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
