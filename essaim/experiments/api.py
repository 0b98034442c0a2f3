"""``/api/v1/experiments/``: experiments and their framing, hypotheses, steps, stage changes and
stop/go decisions, with the permissions of the pages (404 to whoever may not see an experiment,
403 to whoever may see it but not do what they ask). Every change is kept in the history."""

from datetime import date, datetime
from typing import Any

from django.db import models, transaction
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import ConfigDict

from essaim.api_errors import InvalidInput
from essaim.core import children
from essaim.core.children import ChildKind, bound_form
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
from essaim.experiments.models import (
    Assessment,
    CriterionAssessment,
    Decision,
    DecisionKind,
    Experiment,
    Hypothesis,
    LegalBasis,
    Nature,
    NeedOrigin,
    ObjectType,
    PurposeType,
    Stage,
    Step,
    StepKind,
    StepStatus,
)
from essaim.experiments.views.framing import (
    HYPOTHESES,
    describe_framing_change,
    framing_fields,
)
from essaim.experiments.views.method import STEPS as STEP_PAGES
from essaim.governance.models import Meeting
from essaim.organisations.models import Organisation
from essaim.roles.models import Perm
from essaim.territories.models import Territory
from essaim.themes.fields import get_theme_for_input
from essaim.themes.models import OTHER_THEME, Theme

router = Router(tags=["expérimentations"])


def territories_by_name() -> Prefetch:
    return Prefetch("territories", queryset=Territory.objects.only("pk", "name").order_by("name"))


class ErrorOut(Schema):
    detail: str


class FieldErrorOut(Schema):
    champ: str
    message: str


class InvalidOut(Schema):
    detail: str
    erreurs: list[FieldErrorOut] = []


class Strict(Schema):
    """An input schema that refuses unknown fields instead of ignoring them."""

    model_config = ConfigDict(extra="forbid")


# Shared helpers ----------------------------------------------------------------------------------


def short(obj: models.Model, limit: int = 80) -> str:
    text = str(obj)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def json_value(value: Any) -> Any:
    """A value as it is kept in the ``changes`` of a history entry."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def apply_changes(instance: models.Model, data: dict[str, Any]) -> dict[str, dict]:
    """Set ``data`` on ``instance`` and return what changed, as history ``changes``."""
    changes = {}
    for name, value in data.items():
        before = getattr(instance, name)
        if before != value:
            changes[name] = {"avant": json_value(before), "après": json_value(value)}
            setattr(instance, name, value)
    return changes


def check_not_blank(value: str, field: str, label: str) -> None:
    if not value.strip():
        raise InvalidInput(f"{label} ne peut pas être vide.", field)


def check_dates(start: date | None, end: date | None, field: str = "end_date") -> None:
    if start and end and end < start:
        raise InvalidInput("La date de fin doit être postérieure à la date de début.", field)


def blank_choice(value: str) -> str | None:
    return value or None


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
    start_date: date | None = None
    end_date: date | None = None
    success_conditions: str = None
    evaluation_method: str = None
    possible_failures: str = None
    reversibility: str = None
    failure_lessons: str = None
    public_actors: str = None
    legal_basis: LegalBasis = None
    legal_reference: str = Field(
        None, max_length=300, description="obligatoire quand une règle est écartée"
    )


class ExperimentIn(FramingIn):
    title: str = Field(min_length=1, max_length=200)
    theme: str = Field(OTHER_THEME, description=THEME_INPUT_DESCRIPTION)


class ExperimentPatch(FramingIn):
    title: str = Field(None, min_length=1, max_length=200)
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
    territory: int | None = Field(None, description="identifiant d'un territoire")


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


class AssessmentIn(Strict):
    criterion: int = Field(description="identifiant du critère d'arrêt ou de poursuite")
    assessment: Assessment
    comment: str = ""


class AssessmentOut(Schema):
    criterion: int = Field(alias="criterion_id")
    criterion_label: str
    assessment: Assessment
    comment: str

    @staticmethod
    def resolve_criterion_label(obj: CriterionAssessment) -> str:
        return str(obj.criterion)


class DecisionIn(Strict):
    kind: DecisionKind
    decided_on: date
    rationale: str
    at_gate: bool = Field(True, description="false pour la décision finale")
    meeting: int | None = Field(None, description="identifiant de la réunion")
    assessments: list[AssessmentIn] = Field([], description="appréciation des critères")


class DecisionOut(Schema):
    id: int
    kind: DecisionKind
    decided_on: date
    rationale: str
    at_gate: bool
    meeting: int | None = Field(alias="meeting_id")
    stage_before: Stage
    stage_after: Stage
    recorded_by: str | None
    recorded_at: datetime
    assessments: list[AssessmentOut]

    @staticmethod
    def resolve_recorded_by(obj: Decision) -> str | None:
        return str(obj.recorded_by) if obj.recorded_by else None

    @staticmethod
    def resolve_assessments(obj: Decision) -> list:
        return list(obj.assessments.all())


def decisions_of(experiment: Experiment) -> models.QuerySet:
    return experiment.decisions.select_related("recorded_by").prefetch_related(
        Prefetch("assessments", queryset=CriterionAssessment.objects.select_related("criterion"))
    )


@router.get(
    "{experiment_id}/decisions",
    response=list[DecisionOut],
    summary="Décisions d'arrêt ou de poursuite",
)
def list_decisions(request: HttpRequest, experiment_id: int):
    return decisions_of(get_experiment_for(request.user, experiment_id))


@router.post(
    "{experiment_id}/decisions",
    response={201: DecisionOut, 422: InvalidOut},
    summary="Enregistrer une décision",
)
def record_decision(request: HttpRequest, experiment_id: int, payload: DecisionIn):
    """À une étape de décision ou à la fin : l'expérimentation passe à l'étape où mène la
    décision. Rôle éditeur ou propriétaire."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    meeting = None
    if payload.meeting is not None:
        meeting = Meeting.objects.of(experiment).filter(pk=payload.meeting).first()
        if meeting is None:
            raise InvalidInput(f"Réunion inconnue : {payload.meeting}.", "meeting")
    criteria = set(experiment.stop_go_criteria.values_list("pk", flat=True))
    assessments = {}
    for item in payload.assessments:
        if item.criterion not in criteria:
            raise InvalidInput(
                f"Critère inconnu pour cette expérimentation : {item.criterion}.", "assessments"
            )
        if item.criterion in assessments:
            raise InvalidInput(
                f"Le critère {item.criterion} est apprécié deux fois.", "assessments"
            )
        assessments[item.criterion] = (item.assessment, item.comment.strip())
    with transaction.atomic():
        decision = experiment.record_decision(
            kind=payload.kind,
            decided_on=payload.decided_on,
            rationale=payload.rationale.strip(),
            actor=request.user,
            at_gate=payload.at_gate,
            meeting=meeting,
            assessments=assessments,
        )
    return Status(201, decisions_of(experiment).get(pk=decision.pk))


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


def child_of(experiment: Experiment, model: type[models.Model], pk: int) -> models.Model:
    child = model.objects.filter(experiment=experiment, pk=pk).first()
    if child is None:
        raise Http404
    return child


def field_labels(model: type[models.Model], names) -> str:
    return ", ".join(str(model._meta.get_field(name).verbose_name) for name in names)


def save_child(experiment, child, data: dict, user, label: str, feminine: bool, check) -> None:
    """Create or change ``child`` from ``data``, check it, save it and log it (the children
    that have no form of their own on a page)."""
    created = child.pk is None
    for name, value in data.items():
        if isinstance(value, str):
            data[name] = value.strip()
    changes = apply_changes(child, data)
    check(child)
    if not created and not changes:
        return
    child.save()
    ending = "e" if feminine else ""
    if created:
        experiment.log_action(user, "created", f"{label} « {short(child)} » ajouté{ending}")
    else:
        experiment.log_action(
            user,
            "updated",
            f"{label} « {short(child)} » modifié{ending} : {field_labels(type(child), changes)}",
            changes,
        )


def delete_child(experiment, child, user, label: str, feminine: bool) -> None:
    ending = "e" if feminine else ""
    summary = f"{label} « {short(child)} » supprimé{ending}"
    child.delete()
    experiment.log_action(user, "deleted", summary)


def save_through_form(
    kind: ChildKind, experiment: Experiment, child: models.Model, data: dict, user, version=None
) -> models.Model:
    """Create or change ``child`` with the form of its page: the same checks, the same French
    messages (a 422 naming each field), the same history entry. ``version``: the version read,
    for a change (409 when someone else changed the same fields meanwhile)."""
    extra = {name: data.pop(name) for name in list(data) if name not in kind.form_class.base_fields}
    form = bound_form(
        kind=kind, parent=experiment, child=child, data=data, actor=user, version=version
    )
    for name, value in extra.items():
        setattr(form.instance, name, value)
    children.save_child(kind=kind, parent=experiment, form=form, actor=user)
    return form.instance


def as_sent(data: dict) -> dict:
    return data


def create_through_form(
    request: HttpRequest, kind: ChildKind, experiment, payload: Schema, to_form=as_sent
):
    """``to_form`` turns the fields of the API into those of the form, when they differ."""
    with transaction.atomic():
        child = kind.new_child(experiment, None)
        return save_through_form(kind, experiment, child, to_form(payload.dict()), request.user)


def update_through_form(
    request: HttpRequest,
    kind: ChildKind,
    experiment,
    child: models.Model,
    payload: Schema,
    to_form=as_sent,
):
    """Only the fields sent change; the version read comes in the body or in ``If-Match``."""
    data = payload.dict(exclude_unset=True)
    version = data.pop("version", None) or request.headers.get("If-Match")
    with transaction.atomic():
        return save_through_form(kind, experiment, child, to_form(data), request.user, version)


def child_version(kind: ChildKind, child: models.Model) -> str:
    return version_of(child, kind.form_class.base_fields)


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


# Steps --------------------------------------------------------------------------------------------


class StepOut(Schema):
    id: int
    kind: StepKind
    title: str
    description: str
    start_date: date
    end_date: date | None
    deliverables: str
    status: StepStatus
    is_milestone: bool
    version: str = Field(description="version lue, à renvoyer avec une modification")

    @staticmethod
    def resolve_version(obj: Step) -> str:
        return child_version(STEP_PAGES, obj)


class StepIn(Strict):
    kind: StepKind = StepKind.STEP
    title: str = Field(min_length=1, max_length=200)
    description: str = ""
    start_date: date
    end_date: date | None = Field(None, description="vide pour un jalon")
    deliverables: str = ""
    status: StepStatus = StepStatus.PLANNED


class StepPatch(Strict):
    kind: StepKind = None
    title: str = Field(None, min_length=1, max_length=200)
    description: str = None
    start_date: date = None
    end_date: date | None = None
    deliverables: str = None
    status: StepStatus = None
    version: str = Field(None, description="la version lue (ou en-tête If-Match)")


@router.get("{experiment_id}/steps", response=list[StepOut], summary="Étapes et jalons")
def list_steps(request: HttpRequest, experiment_id: int):
    return get_experiment_for(request.user, experiment_id).steps.all()


@router.post(
    "{experiment_id}/steps",
    response={201: StepOut, 422: InvalidOut},
    summary="Ajouter une étape ou un jalon",
)
def create_step(request: HttpRequest, experiment_id: int, payload: StepIn):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    return Status(201, create_through_form(request, STEP_PAGES, experiment, payload))


@router.get("{experiment_id}/steps/{step_id}", response=StepOut, summary="Une étape")
def get_step(request: HttpRequest, experiment_id: int, step_id: int):
    return child_of(get_experiment_for(request.user, experiment_id), Step, step_id)


@router.patch(
    "{experiment_id}/steps/{step_id}",
    response={200: StepOut, 422: InvalidOut},
    summary="Modifier une étape",
)
def update_step(request: HttpRequest, experiment_id: int, step_id: int, payload: StepPatch):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    step = child_of(experiment, Step, step_id)
    return update_through_form(request, STEP_PAGES, experiment, step, payload)


@router.delete("{experiment_id}/steps/{step_id}", response={204: None}, summary="Supprimer")
def delete_step(request: HttpRequest, experiment_id: int, step_id: int):
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    step = child_of(experiment, Step, step_id)
    children.delete_child(kind=STEP_PAGES, parent=experiment, child=step, actor=request.user)
    return Status(204, None)
