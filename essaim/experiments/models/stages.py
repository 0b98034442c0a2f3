"""The stages of an experiment and the only moves allowed between them."""

from django.db import models


class Stage(models.TextChoices):
    IDEA = "idee", "idée"
    FRAMING = "cadrage", "cadrage"
    RUNNING = "en_cours", "en cours"
    EVALUATION = "evaluation", "évaluation"
    DECISION = "decision", "décision"
    PERENNISATION = "perennisation", "pérennisation"
    SCALING = "changement_echelle", "changement d'échelle"
    STOPPED = "arretee", "arrêtée"


TRANSITIONS: dict[Stage, frozenset[Stage]] = {
    Stage.IDEA: frozenset({Stage.FRAMING, Stage.STOPPED}),
    Stage.FRAMING: frozenset({Stage.IDEA, Stage.RUNNING, Stage.STOPPED}),
    Stage.RUNNING: frozenset({Stage.EVALUATION, Stage.DECISION, Stage.STOPPED}),
    Stage.EVALUATION: frozenset({Stage.RUNNING, Stage.DECISION, Stage.STOPPED}),
    Stage.DECISION: frozenset({Stage.RUNNING, Stage.PERENNISATION, Stage.SCALING, Stage.STOPPED}),
    Stage.PERENNISATION: frozenset({Stage.DECISION, Stage.SCALING, Stage.STOPPED}),
    Stage.SCALING: frozenset({Stage.DECISION, Stage.PERENNISATION, Stage.STOPPED}),
    Stage.STOPPED: frozenset(),
}

# Stages in which a stop/go decision may be recorded (at a gate or at the end).
DECIDING_STAGES = frozenset(
    {Stage.RUNNING, Stage.EVALUATION, Stage.DECISION, Stage.PERENNISATION, Stage.SCALING}
)


class DecisionKind(models.TextChoices):
    STOP = "arreter", "arrêter"
    ADJUST = "ajuster", "ajuster"
    CONTINUE = "poursuivre", "poursuivre"
    GENERALISE = "generaliser", "généraliser"
    MAINTAIN_SOME = "maintenir_certains_lieux", "maintenir dans certains lieux"
    EXTEND = "etendre", "étendre à d'autres territoires"
    PERENNISE = "perenniser", "pérenniser"
    SCALE = "changer_echelle", "changer d'échelle"


# The stage an experiment reaches when a decision of this kind is recorded.
STAGE_AFTER_DECISION: dict[DecisionKind, Stage] = {
    DecisionKind.STOP: Stage.STOPPED,
    DecisionKind.ADJUST: Stage.RUNNING,
    DecisionKind.CONTINUE: Stage.RUNNING,
    DecisionKind.GENERALISE: Stage.SCALING,
    DecisionKind.MAINTAIN_SOME: Stage.PERENNISATION,
    DecisionKind.EXTEND: Stage.SCALING,
    DecisionKind.PERENNISE: Stage.PERENNISATION,
    DecisionKind.SCALE: Stage.SCALING,
}
