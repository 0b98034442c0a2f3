"""``/api/v1/scaling/``: the strategy, the transfer kit and the replicas of an experiment,
written through the forms of the pages (same checks, same French messages, same history, the
same versions against concurrent changes: 409)."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from essaim.api_errors import InvalidOut, LimitOffsetPagination, Strict
from essaim.core.bounds import BoundedDate, SingleLine
from essaim.core.children import filled_form
from essaim.core.concurrency import version_of
from essaim.core.history import describe_changes
from essaim.experiments.access import get_experiment_for
from essaim.experiments.models import Experiment
from essaim.roles.models import Perm
from essaim.roles.permissions import assert_confidential_respected, get_object_for
from essaim.scaling.forms.kit import KitForm
from essaim.scaling.forms.network import ReplicationForm
from essaim.scaling.forms.strategy import StrategyForm
from essaim.scaling.models import (
    AgreementKind,
    CharterKind,
    KitItemKind,
    Replication,
    ReplicationStatus,
    Route,
    ScaleType,
    ScalingStrategy,
    Situation,
    StrategyKind,
    TransferKit,
    in_reading_order,
)
from essaim.scaling.services.network import add_replication, change_status
from essaim.scaling.services.strategy import save_strategy

router = Router(tags=["essaimage"])


def _version(form_class, instance) -> str:
    return version_of(instance, form_class.base_fields)


def _sent(payload: Schema) -> tuple[dict, str | None]:
    data = payload.dict(exclude_unset=True)
    return data, data.pop("version", None)


# Strategy -----------------------------------------------------------------------------------------


class ScalingStepOut(Schema):
    track: str
    title: str
    starts_on: date | None
    ends_on: date | None
    resources: str
    state: str


class StrategyOut(Schema):
    experiment: int = Field(alias="experiment_id")
    situation: str
    scale_types: list[str]
    strategy: str
    route: str
    rationale: str
    target_territories: list[int]
    target_places: str
    target_publics: str
    resources: str
    economic_model: str
    funding_transition: str
    grant_share_now: int | None
    grant_share_target: int | None
    target_year: int | None
    institutional_anchoring: str
    steps: list[ScalingStepOut]
    version: str

    @staticmethod
    def resolve_target_territories(obj: ScalingStrategy) -> list[int]:
        return [territory.pk for territory in obj.target_territories.all()]

    @staticmethod
    def resolve_steps(obj: ScalingStrategy) -> list:
        return list(obj.steps.all())

    @staticmethod
    def resolve_version(obj: ScalingStrategy) -> str:
        return _version(StrategyForm, obj)


class StrategyPatch(Strict):
    situation: Situation | None = None
    scale_types: list[ScaleType] = None
    strategy: StrategyKind | None = None
    route: Route | None = None
    rationale: str = None
    target_territories: list[int] = None
    target_places: str = None
    target_publics: str = None
    resources: str = None
    economic_model: str = None
    funding_transition: str = None
    grant_share_now: int | None = Field(None, ge=0, le=100)
    grant_share_target: int | None = Field(None, ge=0, le=100)
    target_year: int | None = Field(None, ge=2000, le=2100)
    institutional_anchoring: str = None
    version: str = Field(None, description="la version lue (ou en-tête If-Match)")


def _strategy(experiment) -> ScalingStrategy:
    strategy = (
        ScalingStrategy.objects.filter(experiment=experiment)
        .prefetch_related("target_territories", "steps")
        .first()
    )
    if strategy is None:
        raise Http404
    return strategy


@router.get("experiments/{experiment_id}/strategy", response=StrategyOut, summary="Stratégie")
def get_strategy(request: HttpRequest, experiment_id: int):
    return _strategy(get_experiment_for(request.user, experiment_id))


@router.patch(
    "experiments/{experiment_id}/strategy",
    response={200: StrategyOut, 422: InvalidOut},
    summary="Définir ou modifier la stratégie et le plan de pérennisation",
)
def update_strategy(request: HttpRequest, experiment_id: int, payload: StrategyPatch):
    """Only the fields sent change; the first call defines the strategy."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    data, version = _sent(payload)
    version = version or request.headers.get("If-Match")
    instance = ScalingStrategy.objects.filter(experiment=experiment).first() or ScalingStrategy(
        experiment=experiment
    )
    with transaction.atomic():
        form = filled_form(
            StrategyForm, instance=instance, data=data, version=version, user=request.user
        )
        save_strategy(experiment=experiment, form=form, actor=request.user)
    return _strategy(experiment)


# Kits ---------------------------------------------------------------------------------------------


class KitItemOut(Schema):
    kind: KitItemKind
    title: str
    description: str
    guidance: str


class PublicKitOut(Schema):
    """What anyone reads of a kit: its public page."""

    slug: str
    title: str
    summary: str
    origin: str
    theme: str | None = Field(alias="theme_id")
    charter_kind: str
    charter_name: str
    charter_conditions: str
    training_offered: str
    support_offered: str
    fee_amount: Decimal | None
    fee_terms: str
    contact_name: str
    contact_email: str
    public_url: str | None
    items: list[KitItemOut]

    @staticmethod
    def resolve_public_url(obj: TransferKit) -> str | None:
        return obj.get_public_url() if obj.is_published else None

    @staticmethod
    def resolve_items(obj: TransferKit) -> list:
        return in_reading_order(obj.items.all())


class KitOut(PublicKitOut):
    """The kit as its team reads it: its public fields, and its state."""

    id: int
    experiment: int = Field(alias="experiment_id")
    publication_status: str
    version: str

    @staticmethod
    def resolve_version(obj: TransferKit) -> str:
        return _version(KitForm, obj)


class KitPatch(Strict):
    title: SingleLine = Field(None, min_length=1, max_length=200)
    summary: str = None
    origin: str = None
    theme: str | None = None
    charter_kind: CharterKind = None
    charter_name: SingleLine = Field(None, max_length=200)
    charter_conditions: str = None
    training_offered: str = None
    support_offered: str = None
    fee_amount: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    fee_terms: SingleLine = Field(None, max_length=200)
    contact_name: SingleLine = Field(None, max_length=200)
    contact_email: str = None
    version: str = Field(None, description="la version lue (ou en-tête If-Match)")


@router.get(
    "kits",
    response=list[PublicKitOut],
    summary="Kits publiés et kits de vos expérimentations, tels que leur page publique les montre",
)
@paginate(LimitOffsetPagination)
def list_kits(request: HttpRequest):
    own = Experiment.objects.visible_to(request.user).values("pk")
    return (
        TransferKit.objects.filter(Q(experiment__in=own) | Q(publication_status="published"))
        .prefetch_related("items")
        .order_by("title", "pk")
    )


def _kit(experiment) -> TransferKit:
    kit = TransferKit.objects.filter(experiment=experiment).prefetch_related("items").first()
    if kit is None:
        raise Http404
    return kit


@router.get("experiments/{experiment_id}/kit", response=KitOut, summary="Kit d'essaimage")
def get_kit(request: HttpRequest, experiment_id: int):
    return _kit(get_experiment_for(request.user, experiment_id))


@router.patch(
    "experiments/{experiment_id}/kit",
    response={200: KitOut, 422: InvalidOut},
    summary="Modifier le kit d'essaimage",
)
def update_kit(request: HttpRequest, experiment_id: int, payload: KitPatch):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    kit = _kit(experiment)
    data, version = _sent(payload)
    with transaction.atomic():
        form = filled_form(
            KitForm, instance=kit, data=data, version=version or request.headers.get("If-Match")
        )
        changes = describe_changes(form)
        form.save()
        if changes:
            experiment.log_action(request.user, "kit", "Kit d'essaimage modifié", changes)
    return _kit(experiment)


# Replications -------------------------------------------------------------------------------------


class ReplicationOut(Schema):
    id: int
    model_experiment: int = Field(alias="model_experiment_id")
    name: str
    commune: str
    departement: str
    carrier: str
    status: ReplicationStatus
    status_since: date
    started_on: date | None
    agreement_kind: str
    agreement_signed_on: date | None
    adaptations: str
    lessons: str
    replica_experiment: int | None = Field(alias="replica_experiment_id")
    illustrative: bool
    version: str

    @staticmethod
    def resolve_commune(obj: Replication) -> str:
        return obj.commune.insee_code

    @staticmethod
    def resolve_departement(obj: Replication) -> str:
        return obj.commune.departement.code

    @staticmethod
    def resolve_carrier(obj: Replication) -> str:
        return obj.carrier_label

    @staticmethod
    def resolve_version(obj: Replication) -> str:
        return _version(ReplicationForm, obj)


class ReplicationIn(Strict):
    name: SingleLine = Field(min_length=1, max_length=200)
    commune: str = Field(description="code INSEE de la commune")
    carrier_name: SingleLine = Field("", max_length=200)
    started_on: BoundedDate | None = None
    agreement_kind: AgreementKind | None = None
    agreement_signed_on: BoundedDate | None = None
    adaptations: str = ""
    lessons: str = ""


class ReplicationPatch(Strict):
    name: SingleLine = Field(None, min_length=1, max_length=200)
    commune: str = None
    carrier_name: SingleLine = Field(None, max_length=200)
    started_on: BoundedDate | None = None
    agreement_kind: AgreementKind | None = None
    agreement_signed_on: BoundedDate | None = None
    adaptations: str = None
    lessons: str = None
    version: str = Field(None, description="la version lue (ou en-tête If-Match)")


class StatusIn(Strict):
    status: ReplicationStatus
    on: BoundedDate
    note: str = ""
    loaded: ReplicationStatus | None = Field(
        None, description="le statut lu : refusé (422) s'il a changé depuis"
    )


REPLICAS = Replication.objects.select_related("commune__departement", "carrier")


@router.get(
    "experiments/{experiment_id}/replications",
    response=list[ReplicationOut],
    summary="Les répliques du réseau",
)
@paginate(LimitOffsetPagination)
def list_replications(request: HttpRequest, experiment_id: int, status: ReplicationStatus = None):
    experiment = get_experiment_for(request.user, experiment_id)
    replicas = REPLICAS.visible_to(request.user).filter(model_experiment=experiment)
    if status is not None:
        replicas = replicas.filter(status=status)
    return replicas.order_by("name", "pk")


def _commune_data(data: dict, replication: Replication | None) -> dict:
    if "commune" not in data and replication is not None:
        data["commune"] = replication.commune.insee_code
    return data


@router.post(
    "experiments/{experiment_id}/replications",
    response={201: ReplicationOut, 422: InvalidOut},
    summary="Ajouter une réplique (au premier contact)",
)
def create_replication(request: HttpRequest, experiment_id: int, payload: ReplicationIn):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    form = filled_form(
        ReplicationForm,
        instance=Replication(model_experiment=experiment),
        data=_commune_data(payload.dict(), None),
        user=request.user,
    )
    fields = {name: form.cleaned_data[name] for name in ReplicationForm.Meta.fields}
    replication = add_replication(
        model=experiment, actor=request.user, on=timezone.localdate(), **fields
    )
    return Status(201, REPLICAS.get(pk=replication.pk))


def _replication(request: HttpRequest, replication_id: int, perm: Perm) -> Replication:
    return get_object_for(request.user, REPLICAS, perm, pk=replication_id)


@router.get("replications/{replication_id}", response=ReplicationOut, summary="Une réplique")
def get_replication(request: HttpRequest, replication_id: int):
    replication = _replication(request, replication_id, Perm.VIEW)
    assert_confidential_respected(request.user, [replication])
    return replication


@router.patch(
    "replications/{replication_id}",
    response={200: ReplicationOut, 422: InvalidOut},
    summary="Modifier une réplique",
)
def update_replication(request: HttpRequest, replication_id: int, payload: ReplicationPatch):
    replication = _replication(request, replication_id, Perm.EDIT)
    data, version = _sent(payload)
    with transaction.atomic():
        form = filled_form(
            ReplicationForm,
            instance=replication,
            data=_commune_data(data, replication),
            version=version or request.headers.get("If-Match"),
            user=request.user,
        )
        changes = describe_changes(form)
        form.save()
        replication.model_experiment.log_action(
            request.user, "replication", f"Réplique « {replication.name} » modifiée", changes
        )
    return REPLICAS.get(pk=replication.pk)


@router.post(
    "replications/{replication_id}/status",
    response={200: ReplicationOut, 422: InvalidOut},
    summary="Changer le statut d'une réplique",
)
def move_replication(request: HttpRequest, replication_id: int, payload: StatusIn):
    replication = _replication(request, replication_id, Perm.EDIT)
    change_status(
        replication=replication,
        status=payload.status,
        on=payload.on,
        note=payload.note,
        actor=request.user,
        loaded=payload.loaded or "",
    )
    return REPLICAS.get(pk=replication.pk)
