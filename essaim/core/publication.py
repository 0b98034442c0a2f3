"""Publication: a row goes from draft to published to withdrawn, and its public page shows only
the fields its model declares public.

A model inherits :class:`Publishable` (and its queryset :class:`PublishableQuerySet`) and
declares ``PUBLIC_FIELDS``. The public page never receives the row: it receives
:func:`public_view`, a read-only copy of the public fields, where any other name raises; the
first public field is its title. Who may publish is the caller's check (``get_object_for(...,
"edit")``); the transitions only check the current state and write the history.
"""

from typing import Any, ClassVar

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import localize

from essaim.core.models import record_history
from essaim.lib.errors import DomainError


class PublicationError(DomainError):
    """A transition that the current state of publication does not allow."""


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", "brouillon"
    PUBLISHED = "published", "publié"
    WITHDRAWN = "withdrawn", "retiré"


TRANSITIONS: dict[PublicationStatus, frozenset[PublicationStatus]] = {
    PublicationStatus.DRAFT: frozenset({PublicationStatus.PUBLISHED}),
    PublicationStatus.PUBLISHED: frozenset({PublicationStatus.WITHDRAWN}),
    PublicationStatus.WITHDRAWN: frozenset({PublicationStatus.PUBLISHED, PublicationStatus.DRAFT}),
}


class PublishableQuerySet(models.QuerySet):
    def published(self) -> "PublishableQuerySet":
        return self.filter(publication_status=PublicationStatus.PUBLISHED)


class Publishable(models.Model):
    """Abstract base of the models whose rows may be published."""

    publication_status = models.CharField(
        "publication",
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    published_at = models.DateTimeField("publié le", null=True, blank=True)
    withdrawn_at = models.DateTimeField("retiré le", null=True, blank=True)
    withdrawal_reason = models.TextField("motif du retrait", blank=True)

    # The fields the public page may show, in the order it shows them; the first is the title.
    PUBLIC_FIELDS: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(publication_status__in=PublicationStatus.values),
                name="%(app_label)s_%(class)s_publication_status_known",
            ),
        ]

    @property
    def is_published(self) -> bool:
        return self.publication_status == PublicationStatus.PUBLISHED

    def publish(self, actor) -> None:
        """Make the row public (a draft, or a withdrawn row published again)."""
        previous = self._move_to(PublicationStatus.PUBLISHED)
        self.published_at = timezone.now()
        self.withdrawn_at = None
        self.withdrawal_reason = ""
        self._save_transition(actor, previous, "published", "Publication")

    def withdraw(self, actor, reason: str) -> None:
        """Take a published row off its public page, saying why."""
        reason = reason.strip()
        if not reason:
            raise PublicationError("Indiquez le motif du retrait.")
        previous = self._move_to(PublicationStatus.WITHDRAWN)
        self.withdrawn_at = timezone.now()
        self.withdrawal_reason = reason
        self._save_transition(actor, previous, "withdrawn", f"Retrait de la publication : {reason}")

    def redraft(self, actor) -> None:
        """Bring a withdrawn row back to draft, to rework it before publishing it again."""
        previous = self._move_to(PublicationStatus.DRAFT)
        self._save_transition(actor, previous, "redrafted", "Retour au brouillon")

    def _move_to(self, status: PublicationStatus) -> PublicationStatus:
        current = PublicationStatus(self.publication_status)
        if status not in TRANSITIONS[current]:
            raise PublicationError(
                f"Impossible de passer de l'état « {current.label} » à l'état « {status.label} »."
            )
        self.publication_status = status
        return current

    def _save_transition(self, actor, previous: PublicationStatus, verb: str, summary: str) -> None:
        with transaction.atomic():
            self.save(
                update_fields=[
                    "publication_status",
                    "published_at",
                    "withdrawn_at",
                    "withdrawal_reason",
                ]
            )
            record_history(
                self,
                actor=actor,
                verb=verb,
                summary=summary,
                changes={
                    "Publication": {
                        "avant": previous.label,
                        "après": PublicationStatus(self.publication_status).label,
                    }
                },
            )


class PublicView:
    """A read-only copy of the public fields of a row: asking it for anything else raises.

    It keeps no reference to the row: a related row is copied as its name, a choice as its
    label, so that nothing else can be reached from a template.
    """

    __slots__ = ("_labels", "_values")

    def __init__(self, values: dict[str, Any], labels: dict[str, str]) -> None:
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_labels", dict(labels))

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        raise AttributeError(f"« {name} » n'est pas un champ public.")

    def __getitem__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise KeyError(f"« {name} » n'est pas un champ public.") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Une vue publique ne se modifie pas.")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Une vue publique ne se modifie pas.")

    def __repr__(self) -> str:
        return f"PublicView({', '.join(self._values)})"


def _public_value(obj: Publishable, field: models.Field) -> Any:
    if field.is_relation:
        related = getattr(obj, field.name)
        return "" if related is None else str(related)
    if field.choices:
        return getattr(obj, f"get_{field.name}_display")()
    return getattr(obj, field.attname)


def public_fields(model: type[Publishable]) -> list[models.Field]:
    """The fields ``model`` declares public; a name that is not a plain field or a foreign key
    is a configuration error."""
    fields = []
    for name in model.PUBLIC_FIELDS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            raise ImproperlyConfigured(
                f"{model.__name__}.PUBLIC_FIELDS nomme « {name} », qui n'est pas un champ."
            ) from None
        if not field.concrete or field.many_to_many or isinstance(field, models.FileField):
            raise ImproperlyConfigured(
                f"{model.__name__}.PUBLIC_FIELDS : « {name} » ne peut pas être public."
            )
        fields.append(field)
    return fields


def public_view(obj: Publishable) -> PublicView:
    """The public fields of ``obj``, and nothing else."""
    fields = public_fields(type(obj))
    return PublicView(
        {field.name: _public_value(obj, field) for field in fields},
        {field.name: str(field.verbose_name) for field in fields},
    )


def public_rows(view: PublicView) -> list[tuple[str, Any]]:
    """``(label, value)`` for each public field after the title, values written the French way,
    for the generic page."""
    labels = object.__getattribute__(view, "_labels")
    values = object.__getattribute__(view, "_values")
    return [
        (labels[name], "" if values[name] is None else localize(values[name]))
        for name in list(values)[1:]
    ]


def render_public_detail(
    request: HttpRequest,
    queryset: PublishableQuerySet,
    *,
    template_name: str = "core/public_detail.html",
    **lookups,
) -> HttpResponse:
    """The public page of one published row of ``queryset`` (404 for a draft or withdrawn
    one). The template receives the public view (``public``), its title and its other rows,
    never the row itself."""
    obj = queryset.published().filter(**lookups).first()
    if obj is None:
        raise Http404("Cette page n'existe pas ou n'est plus publiée.")
    view = public_view(obj)
    values = object.__getattribute__(view, "_values")
    title = next(iter(values.values()), "")
    context = {"public": view, "public_title": title, "public_rows": public_rows(view)}
    return render(request, template_name, context)
