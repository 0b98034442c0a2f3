"""``/api/v1/experiments/{id}/indicators``: the indicators of an experiment and their
measurements, with the permissions of the pages: editors change indicators, contributors add
measurements. They are checked and saved by the forms of the pages, with their French messages,
and every change is kept in the experiment's history in the same words."""

from datetime import date, datetime
from decimal import Decimal

from django.db import IntegrityError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from essaim.api_errors import InvalidInput, InvalidOut, LimitOffsetPagination, Strict
from essaim.core import children
from essaim.core.children import FormRefused
from essaim.evaluation import services
from essaim.evaluation.forms.indicators import MeasurementForm
from essaim.evaluation.models import (
    Direction,
    Frequency,
    Indicator,
    IndicatorKind,
    Measurement,
)
from essaim.evaluation.views.indicators import INDICATORS
from essaim.experiments.access import get_experiment_for
from essaim.experiments.api.common import child_version, create_through_form, update_through_form
from essaim.experiments.models import Experiment
from essaim.roles.models import Perm

router = Router(tags=["évaluation"])

DECIMAL = {"max_digits": 14, "decimal_places": 3}


def decimal_text(value: Decimal | None) -> str | None:
    """``Decimal("12.500")`` → ``"12.5"``; decimals travel as text to keep their precision."""
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


# Indicators ---------------------------------------------------------------------------------------


class TargetOut(Schema):
    due_on: date
    value: str

    @staticmethod
    def resolve_value(obj) -> str:
        return decimal_text(obj.value)


class IndicatorOut(Schema):
    id: int
    name: str
    kind: IndicatorKind
    unit: str
    baseline_value: str | None = Field(description="nombre décimal, en texte")
    baseline_date: date | None
    baseline_source: str
    target_value: str | None = Field(description="nombre décimal, en texte")
    target_date: date | None
    direction: Direction
    cumulative: bool
    scale: list[str] = Field(description="niveaux de l'échelle qualitative, du plus faible")
    means_of_verification: str
    collection_method: str
    frequency: Frequency
    owner: str
    position: int
    question: int | None = Field(alias="question_id")
    outcome: int | None = Field(alias="outcome_id")
    targets: list[TargetOut] = Field(description="cibles intermédiaires")
    measurement_count: int
    current_value: str | None = Field(
        description="somme des mesures si cumulatif, sinon la dernière"
    )
    progress: int | None = Field(description="progression vers la cible, en %")
    version: str = Field(description="version lue, à renvoyer avec une modification")

    @staticmethod
    def resolve_version(obj: Indicator) -> str:
        return child_version(INDICATORS, obj)

    @staticmethod
    def resolve_baseline_value(obj: Indicator) -> str | None:
        return decimal_text(obj.baseline_value)

    @staticmethod
    def resolve_target_value(obj: Indicator) -> str | None:
        return decimal_text(obj.target_value)

    @staticmethod
    def resolve_targets(obj: Indicator) -> list:
        return list(obj.targets.all())

    # The indicators are read with their standing (``indicators_of``), not their measurements.

    @staticmethod
    def resolve_measurement_count(obj: Indicator) -> int:
        return obj.measurement_count

    @staticmethod
    def resolve_current_value(obj: Indicator) -> str | None:
        return decimal_text(obj.current)

    @staticmethod
    def resolve_progress(obj: Indicator) -> int | None:
        return obj.progress_towards(obj.current)


class IndicatorIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    kind: IndicatorKind = IndicatorKind.QUANTITATIVE
    unit: str = Field("", max_length=50)
    baseline_value: Decimal | None = Field(None, **DECIMAL)
    baseline_date: date | None = None
    baseline_source: str = Field("", max_length=300)
    target_value: Decimal | None = Field(None, **DECIMAL)
    target_date: date | None = None
    direction: Direction = Direction.INCREASE
    cumulative: bool = False
    scale: list[str] = Field([], description="obligatoire pour un indicateur qualitatif")
    means_of_verification: str = ""
    collection_method: str = ""
    frequency: Frequency = Frequency.MONTHLY
    owner: str = Field("", max_length=200)
    position: int = Field(0, ge=0)
    question: int | None = Field(None, description="identifiant de la question évaluative")
    outcome: int | None = Field(None, description="identifiant du maillon")


class IndicatorPatch(Strict):
    name: str = Field(None, min_length=1, max_length=200)
    kind: IndicatorKind = None
    unit: str = Field(None, max_length=50)
    baseline_value: Decimal | None = Field(None, **DECIMAL)
    baseline_date: date | None = None
    baseline_source: str = Field(None, max_length=300)
    target_value: Decimal | None = Field(None, **DECIMAL)
    target_date: date | None = None
    direction: Direction = None
    cumulative: bool = None
    scale: list[str] = None
    means_of_verification: str = None
    collection_method: str = None
    frequency: Frequency = None
    owner: str = Field(None, max_length=200)
    position: int = Field(None, ge=0)
    question: int | None = None
    outcome: int | None = None
    version: str = Field(None, description="la version lue (ou en-tête If-Match)")


def indicators_of(experiment: Experiment):
    """The experiment's indicators with their targets, their current value and their number of
    measurements, computed by the database whatever the number of measurements."""
    counted = (
        Measurement.objects.filter(indicator=OuterRef("pk"))
        .order_by()
        .values("indicator")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        experiment.indicators.with_standing()
        .annotate(measurement_count=Coalesce(Subquery(counted), 0))
        .prefetch_related("targets")
    )


def indicator_of(experiment: Experiment, indicator_id: int) -> Indicator:
    indicator = indicators_of(experiment).filter(pk=indicator_id).first()
    if indicator is None:
        raise Http404
    return indicator


def indicator_form_data(data: dict) -> dict:
    """``data`` as the indicator's form takes it: its scale one level a line."""
    if "scale" in data:
        data["scale_levels"] = "\n".join(data.pop("scale") or [])
    return data


def save_indicator(save) -> Indicator:
    """Run ``save``; the form's refusals name the fields of the API."""
    try:
        return save()
    except FormRefused as refused:
        for error in refused.errors:
            if error["champ"] == "scale_levels":
                error["champ"] = "scale"
        raise


@router.get("{experiment_id}/indicators", response=list[IndicatorOut], summary="Indicateurs")
def list_indicators(request: HttpRequest, experiment_id: int):
    return indicators_of(get_experiment_for(request.user, experiment_id))


@router.post(
    "{experiment_id}/indicators",
    response={201: IndicatorOut, 422: InvalidOut},
    summary="Ajouter un indicateur",
)
def create_indicator(request: HttpRequest, experiment_id: int, payload: IndicatorIn):
    """Rôle éditeur ou propriétaire."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    indicator = save_indicator(
        lambda: create_through_form(
            request, INDICATORS, experiment, payload, to_form=indicator_form_data
        )
    )
    return Status(201, indicator_of(experiment, indicator.pk))


@router.get(
    "{experiment_id}/indicators/{indicator_id}", response=IndicatorOut, summary="Un indicateur"
)
def get_indicator(request: HttpRequest, experiment_id: int, indicator_id: int):
    return indicator_of(get_experiment_for(request.user, experiment_id), indicator_id)


@router.patch(
    "{experiment_id}/indicators/{indicator_id}",
    response={200: IndicatorOut, 422: InvalidOut},
    summary="Modifier un indicateur",
)
def update_indicator(
    request: HttpRequest, experiment_id: int, indicator_id: int, payload: IndicatorPatch
):
    """Seuls les champs envoyés changent. Avec la version lue (champ `version`, ou en-tête
    `If-Match`) : si quelqu'un a changé entre-temps un champ que vous changez aussi, la
    modification est refusée (409). Rôle éditeur ou propriétaire."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    indicator = indicator_of(experiment, indicator_id)
    save_indicator(
        lambda: update_through_form(
            request, INDICATORS, experiment, indicator, payload, to_form=indicator_form_data
        )
    )
    return indicator_of(experiment, indicator.pk)


@router.delete(
    "{experiment_id}/indicators/{indicator_id}",
    response={204: None},
    summary="Supprimer un indicateur",
)
def delete_indicator(request: HttpRequest, experiment_id: int, indicator_id: int):
    """Avec ses mesures. Rôle éditeur ou propriétaire."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    indicator = experiment.indicators.filter(pk=indicator_id).first()
    if indicator is None:
        raise Http404
    children.delete_child(kind=INDICATORS, parent=experiment, child=indicator, actor=request.user)
    return Status(204, None)


# Measurements -------------------------------------------------------------------------------------


class MeasurementOut(Schema):
    id: int
    measured_on: date
    value: str | None = Field(description="nombre décimal, en texte (indicateur quantitatif)")
    level: int | None = Field(description="indice du niveau de l'échelle (qualitatif)")
    level_label: str
    comment: str
    evidence: str | None = Field(description="adresse du justificatif")
    recorded_by: str | None
    recorded_at: datetime

    @staticmethod
    def resolve_value(obj: Measurement) -> str | None:
        return decimal_text(obj.value)

    @staticmethod
    def resolve_level_label(obj: Measurement) -> str:
        return obj.level_label()

    @staticmethod
    def resolve_evidence(obj: Measurement) -> str | None:
        return obj.evidence.url if obj.evidence else None

    @staticmethod
    def resolve_recorded_by(obj: Measurement) -> str | None:
        return str(obj.recorded_by) if obj.recorded_by else None


class MeasurementIn(Strict):
    measured_on: date = Field(description="date ISO : AAAA-MM-JJ")
    value: Decimal | None = Field(
        None, **DECIMAL, description="pour un indicateur quantitatif ; « 12.5 » ou 12.5"
    )
    level: int | None = Field(
        None, ge=0, description="pour un indicateur qualitatif : indice du niveau, à partir de 0"
    )
    comment: str = ""


def plain_indicator(experiment: Experiment, indicator_id: int) -> Indicator:
    indicator = experiment.indicators.filter(pk=indicator_id).first()
    if indicator is None:
        raise Http404
    return indicator


def check_measurement(indicator: Indicator, payload: MeasurementIn) -> None:
    """The page offers one field or the other; the API refuses the one that does not fit."""
    if indicator.is_quantitative and payload.level is not None:
        raise InvalidInput(
            "Un indicateur quantitatif se mesure par une valeur (« value »), pas par un niveau.",
            "level",
        )
    if not indicator.is_quantitative and payload.value is not None:
        raise InvalidInput(
            "Un indicateur qualitatif se mesure par un niveau de son échelle (« level »), "
            "pas par une valeur.",
            "value",
        )


@router.get(
    "{experiment_id}/indicators/{indicator_id}/measurements",
    response=list[MeasurementOut],
    summary="Mesures d'un indicateur",
)
@paginate(LimitOffsetPagination)
def list_measurements(request: HttpRequest, experiment_id: int, indicator_id: int):
    """De la plus ancienne à la plus récente."""
    experiment = get_experiment_for(request.user, experiment_id)
    indicator = plain_indicator(experiment, indicator_id)
    return indicator.measurements.select_related("recorded_by").order_by("measured_on", "pk")


@router.post(
    "{experiment_id}/indicators/{indicator_id}/measurements",
    response={201: MeasurementOut, 422: InvalidOut},
    summary="Ajouter une mesure",
)
def create_measurement(
    request: HttpRequest, experiment_id: int, indicator_id: int, payload: MeasurementIn
):
    """Une mesure par jour et par indicateur. Rôle contributeur, éditeur ou propriétaire."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.CONTRIBUTE)
    indicator = plain_indicator(experiment, indicator_id)
    check_measurement(indicator, payload)
    form = MeasurementForm(payload.dict(), instance=Measurement(), indicator=indicator)
    if not form.is_valid():
        raise FormRefused(form)
    try:
        measurement = services.add_measurement(form=form, experiment=experiment, actor=request.user)
    except IntegrityError:
        # Recorded by someone else since the form's check: the form now says so.
        raise FormRefused(
            MeasurementForm(payload.dict(), instance=Measurement(), indicator=indicator)
        ) from None
    return Status(201, measurement)


@router.delete(
    "{experiment_id}/indicators/{indicator_id}/measurements/{measurement_id}",
    response={204: None},
    summary="Supprimer une mesure",
)
def delete_measurement(
    request: HttpRequest, experiment_id: int, indicator_id: int, measurement_id: int
):
    """Rôle éditeur ou propriétaire."""
    experiment = get_experiment_for(request.user, experiment_id, Perm.EDIT)
    indicator = plain_indicator(experiment, indicator_id)
    measurement = indicator.measurements.filter(pk=measurement_id).first()
    if measurement is None:
        raise Http404
    services.delete_measurement(measurement=measurement, experiment=experiment, actor=request.user)
    return Status(204, None)
