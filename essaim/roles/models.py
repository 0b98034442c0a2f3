"""One role model for every object that people share: owner, editor, contributor, reader.

A model that people share inherits :class:`RoleHolder`; its queryset inherits
:class:`RoleQuerySet`. Views and the API fetch objects through
:func:`essaim.roles.permissions.get_object_for`, which answers 404 to whoever may not see the
object and 403 to whoever may see it but not do what they ask.
"""

import secrets
from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from essaim.accounts.models import hash_token


class Perm(StrEnum):
    VIEW = "view"
    CONTRIBUTE = "contribute"
    EDIT = "edit"
    MANAGE = "manage"


class Role(models.TextChoices):
    OWNER = "owner", "propriétaire"
    EDITOR = "editor", "éditeur"
    CONTRIBUTOR = "contributor", "contributeur"
    READER = "reader", "lecteur"

    @property
    def permissions(self) -> frozenset[Perm]:
        return ROLE_PERMISSIONS[self]

    @property
    def description(self) -> str:
        return ROLE_DESCRIPTIONS[self]


ROLE_PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.OWNER: frozenset(Perm),
    Role.EDITOR: frozenset({Perm.VIEW, Perm.CONTRIBUTE, Perm.EDIT}),
    Role.CONTRIBUTOR: frozenset({Perm.VIEW, Perm.CONTRIBUTE}),
    Role.READER: frozenset({Perm.VIEW}),
}
ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.OWNER: "modifie, supprime et gère les membres",
    Role.EDITOR: "modifie tout le contenu",
    Role.CONTRIBUTOR: "consulte et ajoute des contributions",
    Role.READER: "consulte",
}


class ObjectRole(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="object_roles"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    role = models.CharField("rôle", max_length=16, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField("attribué le", default=timezone.now)

    class Meta:
        verbose_name = "rôle"
        verbose_name_plural = "rôles"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="one_role_per_user_and_object"
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="role_is_known"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"

    @property
    def role_description(self) -> str:
        return Role(self.role).description


class RoleQuerySet(models.QuerySet):
    def with_role_of(self, user) -> "RoleQuerySet":
        """Annotate ``user_role``: the role ``user`` holds on each row (or ``None``)."""
        if not user.is_authenticated:
            return self.annotate(user_role=models.Value(None, output_field=models.CharField()))
        roles = ObjectRole.objects.filter(
            user=user,
            content_type=ContentType.objects.get_for_model(self.model),
            object_id=OuterRef("pk"),
        ).values("role")[:1]
        return self.annotate(user_role=Subquery(roles))

    def with_role(self, user) -> "RoleQuerySet":
        """Rows on which ``user`` holds a role."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(roles__user=user)

    def visible_to(self, user) -> "RoleQuerySet":
        """Rows ``user`` may see. Models that open some rows to more people override this."""
        if not user.is_authenticated:
            return self.none()
        if user.is_staff:
            return self.all()
        return self.filter(pk__in=self.model.objects.with_role(user).values("pk"))


INVITATION_VALIDITY = timedelta(days=14)


class InvitationQuerySet(models.QuerySet):
    def pending(self) -> "InvitationQuerySet":
        """Not accepted yet (expired ones included: they may be sent again)."""
        return self.filter(accepted_at__isnull=True)

    def for_object(self, obj: models.Model) -> "InvitationQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def by_token(self, token: str) -> "Invitation | None":
        return self.filter(token_hash=hash_token(token)).first()


class Invitation(models.Model):
    """A role offered by e-mail to someone who has no account yet.

    Only the SHA-256 of the token is kept: the link that carries it is in the e-mail alone.
    The person creates their account from the link, and then holds the role.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    email = models.EmailField("adresse e-mail")
    role = models.CharField("rôle", max_length=16, choices=Role.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="invitée par",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField("envoyée le", default=timezone.now)
    expires_at = models.DateTimeField("valable jusqu'au")
    accepted_at = models.DateTimeField("acceptée le", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="acceptée par",
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = "invitation"
        verbose_name_plural = "invitations"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "email"],
                condition=Q(accepted_at__isnull=True),
                name="one_pending_invitation_per_address",
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="invitation_role_known"),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.email} — {self.get_role_display()}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and not self.is_expired

    @property
    def role_description(self) -> str:
        return Role(self.role).description

    def new_token(self) -> str:
        """Give the invitation a fresh token and validity, and return the token (not saved)."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.created_at = timezone.now()
        self.expires_at = self.created_at + INVITATION_VALIDITY
        return token


class RoleHolder(models.Model):
    """Abstract base of every model whose rows are shared with roles."""

    roles = GenericRelation(ObjectRole)
    invitations = GenericRelation(Invitation)

    class Meta:
        abstract = True

    def role_of(self, user) -> Role | None:
        if not user.is_authenticated:
            return None
        annotated = getattr(self, "user_role", False)
        if annotated is not False:
            return Role(annotated) if annotated else None
        role = self.roles.filter(user=user).values_list("role", flat=True).first()
        return Role(role) if role else None

    def implicit_permissions(self, user) -> frozenset[Perm]:
        """What ``user`` may do without a role on this row. Overridden by open models."""
        return frozenset()

    def permissions_for(self, user) -> frozenset[Perm]:
        if not user.is_authenticated or not user.is_active:
            return frozenset()
        if user.is_staff:
            return frozenset(Perm)
        role = self.role_of(user)
        granted = role.permissions if role else frozenset()
        return granted | self.implicit_permissions(user)

    def grant(self, user, role: Role, *, by=None) -> ObjectRole:
        """Give ``user`` ``role`` on this row, replacing the role they had."""
        object_role, _ = ObjectRole.objects.update_or_create(
            user=user,
            content_type=ContentType.objects.get_for_model(self),
            object_id=self.pk,
            defaults={"role": role, "granted_by": by, "granted_at": timezone.now()},
        )
        return object_role

    def revoke(self, user) -> None:
        self.roles.filter(user=user).delete()

    def members(self) -> models.QuerySet:
        """The roles held on this row with their users, owners first."""
        rank = models.Case(
            *(models.When(role=role, then=models.Value(index)) for index, role in enumerate(Role)),
            output_field=models.IntegerField(),
        )
        return self.roles.select_related("user").order_by(rank, "user__full_name", "user__email")
