"""What the scaling pillar adds to the pages of experiments, through the hooks experiments
owns: the « Essaimage » tab of an experiment whose decision opened perennisation or scaling,
and, on the overview of a replica's own experiment, the model it reproduces. Added when the
apps are ready (``ScalingConfig.ready``)."""

from django.db.models import QuerySet

from essaim.core.tabs import Tab
from essaim.experiments import tabs
from essaim.experiments.models import Experiment, Stage
from essaim.experiments.overview_parts import OverviewPart, add_overview_part

# The stages a decision to perennise or to scale leads to, and the decision stage itself, which
# the readiness diagnostic helps prepare.
SCALING_STAGES = frozenset({Stage.DECISION, Stage.PERENNISATION, Stage.SCALING})

# The pages of the tab, in the order of its sub-navigation: key, label, URL name.
SUBPAGES = (
    ("overview", "En bref", "scaling:overview"),
    ("readiness", "Diagnostic", "scaling:readiness"),
    ("strategy", "Stratégie et pérennisation", "scaling:strategy"),
    ("kit", "Kit d'essaimage", "scaling:kit"),
    ("network", "Réseau", "scaling:network"),
)


def opens_scaling(experiment: Experiment) -> bool:
    return experiment.stage in SCALING_STAGES


def with_model_of_replica(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("replica_of__model_experiment")


def model_of_replica(experiment: Experiment) -> dict:
    replication = getattr(experiment, "replica_of", None)
    return {"replication_of_experiment": replication}


def add_to_experiment_pages() -> None:
    tabs.TABS.add(
        Tab("scaling", "Essaimage", "scaling:overview", shown_for=opens_scaling),
        after="decisions",
    )
    add_overview_part(
        OverviewPart(
            key="scaling",
            overview_prefetch=with_model_of_replica,
            overview_context=model_of_replica,
            section_template="scaling/_replica_of.html",
        )
    )
