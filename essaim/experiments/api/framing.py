"""``/api/v1/experiments/``: experiments and their framing, the stage, and the hypotheses,
with the permissions of the pages (404 to whoever may not see an experiment, 403 to whoever may
see it but not do what they ask). Every change is kept in the history."""

from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from essaim.api_errors import InvalidInput, InvalidOut, LimitOffsetPagination, ObjectId, Strict
from essaim.core import children
from essaim.core.bounds import BoundedDate, SingleLine
from essaim.core.concurrency import (
    Conflict,
    EditConflict,
    find_conflicts,
    fingerprint,
    fingerprint_of,
    read_version,
    shown,
    version_of,
)
from essaim.core.history import changes_between, readable
from essaim.experiments import services
from essaim.experiments.access import get_experiment_for
from essaim.experiments.api.common import (
    ErrorOut,
    apply_changes,
    blank_choice,
    check_dates,
    check_not_blank,
    child_of,
    child_version,
    create_through_form,
    update_through_form,
)
from essaim.experiments.models import (
    Experiment,
    Hypothesis,
    LegalBasis,
    Nature,
    NeedOrigin,
    ObjectType,
    PurposeType,
    Stage,
)
from essaim.experiments.views.framing import (
    HYPOTHESES,
    describe_framing_change,
    framing_fields,
)
from essaim.organisations.models import Organisation
from essaim.roles.models import Perm
from essaim.territories.models import Territory
from essaim.themes.fields import get_theme_for_input
from essaim.themes.models import OTHER_THEME, Theme

router = Router(tags=["expérimentations"])


def territories_by_name() -> Prefetch:
    return Prefetch("territories", queryset=Territory.objects.only("pk", "name").order_by("name"))


# Experiments --------------------------------------------------------------------------------------


class TerritoryRef(Schema):
    id: int
    name: str


class OrganisationRef(Schema):
    id: int
    name: str


THEME_DESCRIPTION = "identifiant du thème dans le vocabulaire partagé, par exemple « mobilite »"
THEME_INPUT_DESCRIPTION = (
    "identifiant d'un thème du vocabulaire partagé, par exemple « mobilite » ; une valeur "
    "inconnue est refusée (422) avec la liste des valeurs possibles"
)


class ExperimentOut(Schema):
    id: int
    title: str
    summary: str
    theme: str = Field(description=THEME_DESCRIPTION)
    stage: Stage
    role: str | None = Field(None, description="votre rôle sur l'expérimentation")
    territories: list[TerritoryRef] = Field(description="périmètre territorial")
    start_date: date | None
    end_date: date | None
    url: str = Field(description="adresse de la page de l'expérimentation")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_theme(obj: Experiment) -> str:
        return obj.theme_id

    @staticmethod
    def resolve_role(obj: Experiment) -> str | None:
        return getattr(obj, "user_role", None)

    @staticmethod
    def resolve_territories(obj: Experiment) -> list[dict]:
        return [{"id": t.pk, "name": t.name} for t in obj.territories.all()]

    @staticmethod
    def resolve_url(obj: Experiment) -> str:
        return obj.get_absolute_url()


class FramingItemOut(Schema):
    key: str
    question: str
    step: str = Field(description="étape du formulaire guidé qui pose la question")
    answered: bool


class ExperimentDetailOut(ExperimentOut):
    carrier: OrganisationRef | None = Field(None, description="structure porteuse")
    need: str
    need_origins: list[NeedOrigin]
    need_origin_detail: str
    purposes: str
    purpose_type: PurposeType | None
    object_type: ObjectType | None
    nature: Nature | None
    target_public: str
    duration_months: int | None
    success_conditions: str
    evaluation_method: str
    possible_failures: str
    reversibility: str
    failure_lessons: str
    public_actors: str
    legal_basis: LegalBasis
    legal_reference: str
    illustrative: bool = Field(description="contient des exemples inventés pour la démonstration")
    completeness: int = Field(description="part des questions de cadrage traitées, en %")
    framing: list[FramingItemOut]
    allowed_stages: list[Stage] = Field(description="étapes accessibles depuis l'étape actuelle")
    version: str = Field(
        description="version du cadrage lu, à renvoyer avec une modification (ou en-tête "
        "If-Match) ; c'est aussi l'ETag de la réponse"
    )

    @staticmethod
    def resolve_version(obj: Experiment) -> str:
        return framing_version(obj)

    @staticmethod
    def resolve_carrier(obj: Experiment) -> dict | None:
        return {"id": obj.carrier.pk, "name": obj.carrier.name} if obj.carrier else None

    @staticmethod
    def resolve_purpose_type(obj: Experiment) -> str | None:
        return blank_choice(obj.purpose_type)

    @staticmethod
    def resolve_object_type(obj: Experiment) -> str | None:
        return blank_choice(obj.object_type)

    @staticmethod
    def resolve_nature(obj: Experiment) -> str | None:
        return blank_choice(obj.nature)

    @staticmethod
    def resolve_completeness(obj: Experiment) -> int:
        return obj.framing_completeness()

    @staticmethod
    def resolve_framing(obj: Experiment) -> list[dict]:
        return [
            {"key": item.key, "question": item.label, "step": item.step, "answered": item.answered}
            for item in obj.framing_checklist()
        ]

    @staticmethod
    def resolve_allowed_stages(obj: Experiment) -> list[str]:
        return [stage.value for stage in obj.allowed_stages()]


class FramingIn(Strict):
    """The framing fields; each one is optional. ``null`` clears a date, the carrier or a
    type; texts are cleared with ``""``."""

    theme: str = Field(None, description=THEME_INPUT_DESCRIPTION)
    summary: str = None
    carrier: int | None = Field(None, description="identifiant de l'organisation porteuse")
    need: str = None
    need_origins: list[NeedOrigin] = None
    need_origin_detail: str = None
    purposes: str = None
    purpose_type: PurposeType | None = None
    object_type: ObjectType | None = None
    nature: Nature | None = None
    target_public: str = None
    territories: list[int] = Field(None, description="identifiants des territoires")
    start_date: BoundedDate | None = None
    end_date: BoundedDate | None = None
    success_conditions: str = None
    evaluation_method: str = None
    possible_failures: str = None
    reversibility: str = None
    failure_lessons: str = None
    public_actors: str = None
    legal_basis: LegalBasis = None
    legal_reference: SingleLine = Field(
        None, max_length=300, description="obligatoire quand une règle est écartée"
    )


class ExperimentIn(FramingIn):
    title: SingleLine = Field(min_length=1, max_length=200)
    theme: str = Field(OTHER_THEME, description=THEME_INPUT_DESCRIPTION)


class ExperimentPatch(FramingIn):
    title: SingleLine = Field(None, min_length=1, max_length=200)
    version: str = Field(
        None,
        description="la version lue (champ « version » ou ETag) ; sans elle, les champs envoyés "
        "remplacent les valeurs en cours et les autres ne changent pas",
    )


# The fields a version of the framing follows: those the API changes.
VERSIONED_FIELDS = ["title", *FramingIn.model_fields]


def framing_version(experiment: Experiment) -> str:
    return version_of(experiment, VERSIONED_FIELDS)


def check_framing_version(experiment: Experiment, token: str | None, data: dict) -> dict:
    """Refuse (:class:`EditConflict`, a 409) the fields of ``data`` that someone else changed
    since the version ``token`` was read, if ``data`` changes them too, to another value.
    ``experiment`` is locked and current. Returns ``data`` without the fields sent as they
    were read: what others changed meanwhile stays."""
    if not token:
        return data
    loaded = read_version(token)
    if loaded is None:
        raise InvalidInput(
            "Version illisible : relisez l'expérimentation pour obtenir sa version.", "version"
        )
    sent = dict(data)
    if "territories" in sent and sent["territories"] is not None:
        sent["territories"] = sorted(set(sent["territories"]), key=str)
    for name in ("purpose_type", "object_type", "nature"):
        if name in sent and sent[name] is None:
            sent[name] = ""
    proposed = {
        name: fingerprint(value.strip() if isinstance(value, str) else value)
        for name, value in sent.items()
        if name in VERSIONED_FIELDS
    }
    current = fingerprint_of(experiment, proposed)
    names = find_conflicts(loaded=loaded, current=current, proposed=proposed)
    if names:
        conflicts = []
        for name in names:
            field = Experiment._meta.get_field(name)
            form_field = field.formfield()
            conflicts.append(
                Conflict(
                    name=name,
                    label=str(form_field.label),
                    current=readable(form_field, field.value_from_object(experiment)),
                    loaded=shown(form_field, loaded[name]),
                )
            )
        raise EditConflict(conflicts)
    return {
        name: value
        for name, value in data.items()
        if name not in proposed or name not in loaded or proposed[name] != loaded[name]
    }


class ExperimentFilters(Schema):
    stage: Stage | None = None
    theme: str | None = Field(None, description=THEME_INPUT_DESCRIPTION)
    territory: ObjectId | None = Field(None, description="identifiant d'un territoire")


def experiment_detail(user, experiment_id: int, perm: Perm = Perm.VIEW) -> Experiment:
    # Everything the framing checklist (the completeness gauge) reads.
    queryset = Experiment.objects.select_related("carrier").prefetch_related(
        territories_by_name(), "hypotheses", "fundings", "partners", "stop_go_criteria"
    )
    return get_experiment_for(user, experiment_id, perm, queryset=queryset)


def apply_framing(experiment: Experiment, data: dict[str, Any], user) -> list[str]:
    """Set the framing fields in ``data`` (as sent) on ``experiment`` after checking the rules
    the database enforces; save and log the change. Returns the names of the changed fields."""
    territory_ids = data.pop("territories", None)
    carrier_id = data.pop("carrier", False)
    if "theme" in data:
        offered = Theme.objects.offered(experiment.theme_id)
        data["theme"] = get_theme_for_input(data["theme"], themes=offered)
    for name in ("purpose_type", "object_type", "nature"):
        if name in data and data[name] is None:
            data[name] = ""
    for name, value in data.items():
        if isinstance(value, str):
            data[name] = value.strip()
    if carrier_id is not False:
        carrier = None
        if carrier_id is not None:
            carrier = Organisation.objects.visible_to(user).filter(pk=carrier_id).first()
            if carrier is None:
                raise InvalidInput(f"Organisation inconnue : {carrier_id}.", "carrier")
        data["carrier"] = carrier
    fields = framing_fields()
    before = {
        name: Experiment._meta.get_field(name).value_from_object(experiment)
        for name in [*data, *(["territories"] if territory_ids is not None else [])]
    }
    changes = apply_changes(experiment, data)
    check_not_blank(experiment.title, "title", "Le titre")
    check_dates(experiment.start_date, experiment.end_date)
    if experiment.legal_basis != LegalBasis.NONE and not experiment.legal_reference:
        raise InvalidInput(
            "Indiquez la référence du texte ou de la délibération qui permet d'écarter la règle "
            f"(base juridique : {LegalBasis(experiment.legal_basis).label}).",
            "legal_reference",
        )
    if changes:
        experiment.save()
    if territory_ids is not None:
        ids = list(dict.fromkeys(territory_ids))
        territories = list(Territory.objects.visible_to(user).filter(pk__in=ids))
        unknown = sorted(set(ids) - {territory.pk for territory in territories})
        if unknown:
            raise InvalidInput(
                "Territoire inconnu ou inaccessible : " + ", ".join(map(str, unknown)) + ".",
                "territories",
            )
        if sorted(item.pk for item in before["territories"]) != sorted(ids):
            experiment.territories.set(territories)
            changes["territories"] = territories
    if changes:
        after = {
            name: Experiment._meta.get_field(name).value_from_object(experiment) for name in changes
        }
        experiment.log_action(
            user,
            "updated",
            describe_framing_change(changes),
            changes_between(before, after, {name: fields[name] for name in changes}),
        )
    return list(changes)


@router.get("", response=list[ExperimentOut], summary="Expérimentations visibles")
@paginate(LimitOffsetPagination)
def list_experiments(request: HttpRequest, filters: Query[ExperimentFilters]):
    """Les expérimentations que vous pouvez voir, par titre ; filtres par étape, thème et
    territoire."""
    user = request.user
    experiments = Experiment.objects.visible_to(user).with_role_of(user)
    if filters.stage:
        experiments = experiments.filter(stage=filters.stage)
    if filters.theme:
        theme = get_theme_for_input(filters.theme, themes=Theme.objects.all())
        experiments = experiments.filter(theme=theme)
    if filters.territory:
        experiments = experiments.filter(territories=filters.territory)
    return experiments.prefetch_related(territories_by_name()).order_by("title", "pk")


@router.post(
    "",
    response={201: ExperimentDetailOut, 422: InvalidOut},
    summary="Créer une expérimentation",
)
def create_experiment(request: HttpRequest, payload: ExperimentIn):
    """Elle commence à l'étape « idée » ; vous en devenez propriétaire."""
    check_not_blank(payload.title, "title", "Le titre")
    theme = get_theme_for_input(payload.theme, themes=Theme.objects.active())
    framing = payload.dict(exclude_unset=True)
    for name in ("title", "theme", "summary"):
        framing.pop(name, None)
    with transaction.atomic():
        experiment = services.create_experiment(
            by=request.user,
            title=payload.title,
            theme=theme,
            summary=payload.summary or "",
        )
        if framing:
            apply_framing(experiment, framing, request.user)
    return Status(201, experiment_detail(request.user, experiment.pk))


@router.get(
    "{experiment_id}", response=ExperimentDetailOut, summary="Une expérimentation et son cadrage"
)
def get_experiment(request: HttpRequest, experiment_id: int, response: HttpResponse):
    experiment = experiment_detail(request.user, experiment_id)
    response["ETag"] = f'"{framing_version(experiment)}"'
    return experiment


@router.patch(
    "{experiment_id}",
    response={200: ExperimentDetailOut, 409: InvalidOut, 422: InvalidOut},
    summary="Modifier le cadrage",
)
def update_experiment(
    request: HttpRequest, experiment_id: int, payload: ExperimentPatch, response: HttpResponse
):
    """Seuls les champs envoyés changent. Rôle éditeur ou propriétaire.

    Avec la version lue (champ `version`, ou en-tête `If-Match` avec l'ETag) : si quelqu'un a
    changé entre-temps un champ que vous changez aussi, vers une autre valeur, la modification
    est refusée (409) et rien n'est enregistré ; ses autres changements restent."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    data = payload.dict(exclude_unset=True)
    token = data.pop("version", None) or request.headers.get("If-Match")
    with transaction.atomic():
        experiment = Experiment.objects.select_for_update().get(pk=experiment.pk)
        data = check_framing_version(experiment, token, data)
        apply_framing(experiment, data, request.user)
    detail = experiment_detail(request.user, experiment_id)
    response["ETag"] = f'"{framing_version(detail)}"'
    return detail


@router.delete("{experiment_id}", response={204: None}, summary="Supprimer une expérimentation")
def delete_experiment(request: HttpRequest, experiment_id: int):
    """Avec tout ce qu'elle contient. Propriétaires seulement."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.MANAGE)
    experiment.delete()
    return Status(204, None)


# Stage and decisions ------------------------------------------------------------------------------


class StageIn(Strict):
    stage: Stage
    reason: str = Field("", max_length=200, description="raison, gardée dans l'historique")


@router.post(
    "{experiment_id}/stage",
    response={200: ExperimentDetailOut, 422: ErrorOut},
    summary="Changer d'étape",
)
def change_stage(request: HttpRequest, experiment_id: int, payload: StageIn):
    """Seules les transitions prévues sont acceptées (voir ``allowed_stages``) ; démarrer
    demande un cadrage suffisant. Rôle éditeur ou propriétaire."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    with transaction.atomic():
        experiment.move_to(payload.stage, actor=request.user, reason=payload.reason.strip())
    return experiment_detail(request.user, experiment_id)


# Hypotheses ---------------------------------------------------------------------------------------


class HypothesisOut(Schema):
    id: int
    statement: str
    rationale: str
    position: int
    version: str = Field(description="version lue, à renvoyer avec une modification")

    @staticmethod
    def resolve_version(obj: Hypothesis) -> str:
        return child_version(HYPOTHESES, obj)


class HypothesisIn(Strict):
    statement: str = Field(min_length=1, description="« Si…, alors… »")
    rationale: str = ""
    position: int = Field(0, ge=0)


class HypothesisPatch(Strict):
    statement: str = Field(None, min_length=1)
    rationale: str = None
    position: int = Field(None, ge=0)
    version: str = Field(None, description="la version lue (ou en-tête If-Match)")


@router.get(
    "{experiment_id}/hypotheses", response=list[HypothesisOut], summary="Hypothèses testables"
)
def list_hypotheses(request: HttpRequest, experiment_id: int):
    return get_experiment_for(request.user, experiment_id).hypotheses.all()


@router.post(
    "{experiment_id}/hypotheses",
    response={201: HypothesisOut, 422: InvalidOut},
    summary="Ajouter une hypothèse",
)
def create_hypothesis(request: HttpRequest, experiment_id: int, payload: HypothesisIn):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    return Status(201, create_through_form(request, HYPOTHESES, experiment, payload))


@router.get(
    "{experiment_id}/hypotheses/{hypothesis_id}", response=HypothesisOut, summary="Une hypothèse"
)
def get_hypothesis(request: HttpRequest, experiment_id: int, hypothesis_id: int):
    experiment = get_experiment_for(request.user, experiment_id)
    return child_of(experiment, Hypothesis, hypothesis_id)


@router.patch(
    "{experiment_id}/hypotheses/{hypothesis_id}",
    response={200: HypothesisOut, 422: InvalidOut},
    summary="Modifier une hypothèse",
)
def update_hypothesis(
    request: HttpRequest, experiment_id: int, hypothesis_id: int, payload: HypothesisPatch
):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    hypothesis = child_of(experiment, Hypothesis, hypothesis_id)
    return update_through_form(request, HYPOTHESES, experiment, hypothesis, payload)


@router.delete(
    "{experiment_id}/hypotheses/{hypothesis_id}",
    response={204: None},
    summary="Supprimer une hypothèse",
)
def delete_hypothesis(request: HttpRequest, experiment_id: int, hypothesis_id: int):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    hypothesis = child_of(experiment, Hypothesis, hypothesis_id)
    children.delete_child(kind=HYPOTHESES, parent=experiment, child=hypothesis, actor=request.user)
    return Status(204, None)
