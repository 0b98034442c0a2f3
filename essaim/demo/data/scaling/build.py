"""Builds the scaling pillar's demo cases in the database: for each, what the experiment had of
it is replaced (diagnoses, strategy and plan, kit, shared indicators, replicas and their
history), so that loading the demo twice gives the same pages."""

from django.utils import timezone

from essaim.core.publication import PublicationStatus
from essaim.core.slugs import slug_of, unique_slug
from essaim.demo.data.scaling.spec import NetworkCaseSpec
from essaim.experiments.models import Experiment
from essaim.scaling.models import (
    KitItem,
    ReadinessAnswer,
    ReadinessDiagnosis,
    ReplicaFigure,
    Replication,
    ReplicationEvent,
    ScalingStep,
    ScalingStrategy,
    SharedIndicator,
    TransferKit,
)
from essaim.territories.models import Commune


def build_network_case(case: NetworkCaseSpec, *, owner) -> Experiment:
    experiment = Experiment.objects.get(title=case.experiment_title)
    for model in (ReadinessDiagnosis, ScalingStrategy, TransferKit):
        model.objects.filter(experiment=experiment).delete()
    Replication.objects.filter(model_experiment=experiment).delete()
    SharedIndicator.objects.filter(model_experiment=experiment).delete()
    _diagnoses(case, experiment, owner)
    _strategy(case, experiment, owner)
    _kit(case, experiment)
    _network(case, experiment, owner)
    return experiment


def _diagnoses(case, experiment, owner) -> None:
    for spec in case.diagnoses:
        diagnosis = ReadinessDiagnosis.objects.create(
            experiment=experiment, assessed_on=spec.assessed_on, note=spec.note, created_by=owner
        )
        ReadinessAnswer.objects.bulk_create(
            ReadinessAnswer(diagnosis=diagnosis, question=key, score=score, justification=text)
            for key, (score, text) in spec.answers.items()
        )


def _strategy(case, experiment, owner) -> None:
    spec = case.strategy
    strategy = ScalingStrategy.objects.create(
        experiment=experiment,
        situation=spec.situation,
        scale_types=list(spec.scale_types),
        strategy=spec.strategy,
        route=spec.route,
        rationale=spec.rationale,
        target_places=spec.target_places,
        target_publics=spec.target_publics,
        resources=spec.resources,
        economic_model=spec.economic_model,
        funding_transition=spec.funding_transition,
        grant_share_now=spec.grant_share_now,
        grant_share_target=spec.grant_share_target,
        target_year=spec.target_year,
        institutional_anchoring=spec.institutional_anchoring,
        updated_by=owner,
    )
    ScalingStep.objects.bulk_create(
        ScalingStep(
            strategy=strategy,
            track=step.track,
            title=step.title,
            starts_on=step.starts_on,
            ends_on=step.ends_on,
            resources=step.resources,
            state=step.state,
            position=index,
        )
        for index, step in enumerate(spec.steps)
    )


def _kit(case, experiment) -> None:
    spec = case.kit
    kit = TransferKit.objects.create(
        experiment=experiment,
        slug=_slug(spec.title),
        title=spec.title,
        summary=spec.summary,
        origin=spec.origin,
        theme_id=experiment.theme_id,
        charter_kind=spec.charter_kind,
        charter_name=spec.charter_name,
        charter_conditions=spec.charter_conditions,
        training_offered=spec.training_offered,
        support_offered=spec.support_offered,
        fee_amount=spec.fee_amount,
        fee_terms=spec.fee_terms,
        contact_name=spec.contact_name,
    )
    if spec.published:
        TransferKit.objects.filter(pk=kit.pk).update(
            publication_status=PublicationStatus.PUBLISHED, published_at=timezone.now()
        )
    KitItem.objects.bulk_create(
        KitItem(
            kit=kit,
            kind=item.kind,
            title=item.title,
            description=item.description,
            guidance=item.guidance,
            position=index,
        )
        for index, item in enumerate(spec.items)
    )


def _slug(title: str) -> str:
    return unique_slug(TransferKit, slug_of(title, 70), "kit")


def _network(case, experiment, owner) -> None:
    indicators = {
        spec.key: SharedIndicator.objects.create(
            model_experiment=experiment,
            name=spec.name,
            unit=spec.unit,
            aggregation=spec.aggregation,
            position=index,
        )
        for index, spec in enumerate(case.shared_indicators)
    }
    communes = {
        commune.insee_code: commune
        for commune in Commune.objects.filter(
            insee_code__in=[replica.commune_insee for replica in case.replicas]
        )
    }
    for spec in case.replicas:
        last = spec.history[-1]
        running = [s.on for s in spec.history if s.status in ("lancee", "active")]
        agreed = [s.on for s in spec.history if s.status == "convention"]
        replication = Replication.objects.create(
            model_experiment=experiment,
            name=spec.name,
            commune=communes[spec.commune_insee],
            carrier_name=spec.carrier_name,
            status=last.status,
            status_since=last.on,
            started_on=running[0] if running else None,
            agreement_kind=spec.agreement_kind,
            agreement_signed_on=agreed[0] if agreed else None,
            adaptations=spec.adaptations,
            lessons=spec.lessons,
            illustrative=spec.illustrative,
        )
        before = ""
        events = []
        for status in spec.history:
            events.append(
                ReplicationEvent(
                    replication=replication,
                    before=before,
                    after=status.status,
                    happened_on=status.on,
                    note=status.note,
                    actor=owner,
                )
            )
            before = status.status
        ReplicationEvent.objects.bulk_create(events)
        ReplicaFigure.objects.bulk_create(
            ReplicaFigure(
                replication=replication, indicator=indicators[key], year=year, value=value
            )
            for key, values in spec.figures.items()
            for year, value in values.items()
        )
