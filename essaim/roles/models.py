"""One role model for every object that people share: owner, editor, contributor, reader.

A model that people share inherits :class:`RoleHolder`; its queryset inherits
:class:`RoleQuerySet`. Views and the API fetch objects through
:func:`essaim.roles.permissions.get_object_for`, which answers 404 to whoever may not see the
object and 403 to whoever may see it but not do what they ask.

A model whose rows live under a shared parent (the notes of a visit, the kit of an experiment)
declares ``roles_from = "experiment"`` (the path of foreign keys to the parent, ``__``-joined):
whoever holds a role on the parent holds it on the row, and a role given on the row itself adds
to it (the better of the two counts; roles are nested, owner ⊃ editor ⊃ contributor ⊃ reader).
A model whose rows are confidential declares ``confidential_to = roles_at_least(Role.EDITOR)``
(or any set of roles): only those who hold one of these roles, on the row or through its
parents, see it — staff and superusers included, who have no bypass there.
"""

import secrets
from collections.abc import Iterable
from datetime import timedelta
from enum import StrEnum
from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
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
ROLE_RANKS: dict[Role, int] = {Role.READER: 1, Role.CONTRIBUTOR: 2, Role.EDITOR: 3, Role.OWNER: 4}
ROLE_DESCRIPTIONS: dict[Role, str] = {
    Role.OWNER: "modifie, supprime et gère les membres",
    Role.EDITOR: "modifie tout le contenu",
    Role.CONTRIBUTOR: "consulte et ajoute des contributions",
    Role.READER: "consulte",
}


def roles_at_least(role: Role) -> frozenset[Role]:
    """``role`` and the roles above it: ``roles_at_least(Role.CONTRIBUTOR)`` leaves readers out."""
    return frozenset(other for other in Role if ROLE_RANKS[other] >= ROLE_RANKS[role])


def best_role(*roles: Role | None) -> Role | None:
    """The highest of ``roles`` (``None`` when none is held)."""
    held = [role for role in roles if role is not None]
    return max(held, key=ROLE_RANKS.__getitem__) if held else None


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
        """Rows ``user`` may see. Models that open some rows to more people override this.

        A model with ``roles_from`` shows the rows whose parent ``user`` may see, and those on
        which they hold a role; a confidential model only the rows on which they hold one of its
        roles, directly or through the parents (no exception for staff). One query either way.
        """
        if not user.is_authenticated:
            return self.none()
        confidential_to = self.model.confidential_to
        if confidential_to is not None:
            return self.held_by(user, confidential_to)
        if user.is_staff and not self.model.is_under_confidential():
            return self.all()
        own = self.model.objects.with_role(user).values("pk")
        if self.model.roles_from is None:
            return self.filter(pk__in=own)
        parents = self.model.role_parent_model()._default_manager.visible_to(user).values("pk")
        return self.filter(Q(pk__in=own) | Q(**{f"{self.model.roles_from}__in": parents}))

    def held_by(self, user, roles: Iterable[Role] | None = None) -> "RoleQuerySet":
        """Rows on which ``user`` holds one of ``roles`` (any role if ``None``), on the row
        itself or through its parents (``roles_from``): subqueries, one query in all."""
        if not user.is_authenticated:
            return self.none()
        if roles is not None:
            roles = frozenset(Role(role) for role in roles)
        own = ObjectRole.objects.filter(
            user=user, content_type=ContentType.objects.get_for_model(self.model)
        )
        if roles is not None:
            own = own.filter(role__in=sorted(role.value for role in roles))
        condition = Q(pk__in=own.values("object_id"))
        if self.model.roles_from is not None:
            parents = self.model.role_parent_model()._default_manager.held_by(user, roles)
            condition |= Q(**{f"{self.model.roles_from}__in": parents.values("pk")})
        return self.filter(condition)


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

    # The path of foreign keys (``__``-joined) to the parent whose roles this row inherits.
    roles_from: ClassVar[str | None] = None
    # The roles (on the row or inherited) that alone may see a confidential row; ``None``: not
    # confidential. Build it with ``roles_at_least(...)`` or a ``frozenset`` of roles.
    confidential_to: ClassVar[frozenset[Role] | None] = None

    class Meta:
        abstract = True

    @classmethod
    def role_parent_model(cls) -> type["RoleHolder"]:
        """The model named by ``roles_from``."""
        if cls.roles_from is None:
            raise ImproperlyConfigured(f"{cls.__name__} n'hérite ses rôles d'aucun parent.")
        model: type[models.Model] = cls
        for name in cls.roles_from.split("__"):
            model = model._meta.get_field(name).related_model
        if not issubclass(model, RoleHolder):
            raise ImproperlyConfigured(
                f"{cls.__name__}.roles_from = {cls.roles_from!r} ne mène pas à un modèle à rôles."
            )
        return model

    @classmethod
    def is_under_confidential(cls) -> bool:
        """Whether this model, or a parent it inherits its roles from, is confidential: its rows
        then follow the parent's rule, with no exception for staff."""
        if cls.confidential_to is not None:
            return True
        return cls.roles_from is not None and cls.role_parent_model().is_under_confidential()

    def role_parent(self) -> "RoleHolder | None":
        """The row named by ``roles_from`` (``None`` if the model has none, or the key is empty)."""
        if self.roles_from is None:
            return None
        parent = self
        for name in self.roles_from.split("__"):
            parent = getattr(parent, name)
            if parent is None:
                return None
        return parent

    def effective_role_of(self, user) -> Role | None:
        """The better of the role ``user`` holds on this row and the one they hold through its
        parents (``roles_from``)."""
        own = self.role_of(user)
        parent = self.role_parent()
        return best_role(own, parent.effective_role_of(user)) if parent is not None else own

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
        """What ``user`` may do on this row. With ``roles_from``, what they may do on the parent
        as well; on a confidential row, only what a role of ``confidential_to`` gives (no
        implicit permissions, no exception for staff)."""
        if not user.is_authenticated or not user.is_active:
            return frozenset()
        if self.confidential_to is not None:
            role = self.effective_role_of(user)
            return role.permissions if role in self.confidential_to else frozenset()
        if user.is_staff and not self.is_under_confidential():
            return frozenset(Perm)
        role = self.role_of(user)
        granted = role.permissions if role else frozenset()
        parent = self.role_parent()
        if parent is not None:
            granted |= parent.permissions_for(user)
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
