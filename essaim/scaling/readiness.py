"""The readiness diagnostic (*diagnostic de maturité*): is a proven experiment ready to be
perennised or scaled? Nine dimensions of three questions, each answered from « pas du tout »
(0) to « tout à fait » (3) with a justification; a dimension scores the share of the points its
answered questions could reach, in percent. The weakest dimensions become recommended actions.

The questions are the grid itself: their keys are stored with the answers, so a question's
wording may be improved, never its key reused for another question.
"""

from collections.abc import Mapping
from dataclasses import dataclass

# An answer: 0 « pas du tout », 1 « un peu », 2 « en bonne partie », 3 « tout à fait ».
ANSWER_CHOICES: tuple[tuple[int, str], ...] = (
    (0, "pas du tout"),
    (1, "un peu"),
    (2, "en bonne partie"),
    (3, "tout à fait"),
)
HIGHEST_ANSWER = 3
# Below this score (in percent), a dimension is weak: it becomes a recommended action.
WEAK_BELOW = 50
# How many of the weakest dimensions are turned into actions.
ACTIONS_SHOWN = 3


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    questions: tuple[Question, ...]
    action: str  # what to do when the dimension is weak

    def score(self, answers: Mapping[str, int | None]) -> int | None:
        """The points of the answered questions over the points they could reach, in percent;
        ``None`` when no question of the dimension is answered."""
        given = [answers[q.key] for q in self.questions if answers.get(q.key) is not None]
        if not given:
            return None
        return round(100 * sum(given) / (HIGHEST_ANSWER * len(given)))


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "impact",
        "Impact prouvé",
        (
            Question(
                "impact_indicators",
                "Les indicateurs de l'expérimentation montrent les effets attendus.",
                "Regardez la progression des indicateurs vers leurs cibles.",
            ),
            Question(
                "impact_hypotheses",
                "Les hypothèses principales sont confirmées par l'évaluation.",
                "Les verdicts rendus sur les hypothèses en font foi.",
            ),
            Question(
                "impact_recognised",
                "Les bénéficiaires et les partenaires reconnaissent l'utilité du projet.",
            ),
        ),
        "Consolider la preuve de l'impact : compléter les mesures des indicateurs, rendre un "
        "verdict sur chaque hypothèse et recueillir le témoignage des bénéficiaires avant de "
        "convaincre d'autres territoires.",
    ),
    Dimension(
        "model",
        "Modèle codifié",
        (
            Question(
                "model_core",
                "Le socle commun qui ne doit pas changer d'un territoire à l'autre est écrit.",
            ),
            Question(
                "model_adaptable",
                "Les parties que chaque territoire peut adapter sont identifiées.",
            ),
            Question(
                "model_documented",
                "Les outils, procédures et documents du projet sont rassemblés et à jour.",
            ),
        ),
        "Codifier le modèle : écrire le socle commun et les parties adaptables, rassembler les "
        "outils et les documents dans un kit d'essaimage.",
    ),
    Dimension(
        "economics",
        "Modèle économique et finances",
        (
            Question(
                "economics_costs",
                "Le coût complet du projet et de sa reproduction est connu.",
            ),
            Question(
                "economics_revenues",
                "Des ressources durables (ventes, cotisations, contrats) couvrent une part des "
                "coûts, au-delà des subventions d'amorçage.",
            ),
            Question(
                "economics_plan",
                "Un budget prévisionnel pluriannuel existe pour la suite.",
            ),
        ),
        "Bâtir le modèle économique : chiffrer le coût complet, diversifier les ressources "
        "au-delà des subventions et établir un budget sur trois ans.",
    ),
    Dimension(
        "carriers",
        "Capacité et motivation des porteurs",
        (
            Question(
                "carriers_time",
                "L'équipe porteuse a le temps et les compétences pour accompagner d'autres "
                "territoires.",
            ),
            Question(
                "carriers_will",
                "Les porteurs, élus compris, veulent porter le changement d'échelle.",
            ),
            Question(
                "carriers_governance",
                "La gouvernance du projet peut accueillir de nouveaux membres.",
            ),
        ),
        "Renforcer les porteurs : clarifier qui accompagnera les nouveaux territoires, avec quel "
        "temps, et faire valider l'ambition par les instances.",
    ),
    Dimension(
        "demand",
        "Réceptivité et demande des territoires",
        (
            Question(
                "demand_requests",
                "D'autres territoires ont demandé à reproduire le projet.",
            ),
            Question(
                "demand_fit",
                "Les besoins auxquels répond le projet existent ailleurs.",
            ),
            Question(
                "demand_relays",
                "Des relais (réseaux, têtes de réseau, collectivités) peuvent faire connaître "
                "le projet.",
            ),
        ),
        "Vérifier la demande : rencontrer des territoires intéressés, recenser les besoins "
        "similaires et s'appuyer sur les réseaux pour faire connaître le projet.",
    ),
    Dimension(
        "resources",
        "Ressources",
        (
            Question(
                "resources_funding",
                "Des financements sont identifiés pour la phase de changement d'échelle.",
            ),
            Question(
                "resources_people",
                "Les compétences nécessaires (animation, juridique, technique) sont disponibles.",
            ),
            Question(
                "resources_tools",
                "Les outils (site, supports, formations) pour diffuser le modèle existent.",
            ),
        ),
        "Réunir les ressources : chercher les financements de l'essaimage, les compétences "
        "manquantes et les supports de diffusion.",
    ),
    Dimension(
        "risks",
        "Risques",
        (
            Question(
                "risks_known",
                "Les risques du changement d'échelle (dilution du modèle, surcharge, "
                "dépendance) sont identifiés et des parades prévues.",
            ),
            Question(
                "risks_of_standing_still",
                "Le risque de ne pas changer d'échelle (essoufflement, copie dénaturée, perte "
                "des financements) a été évalué.",
            ),
            Question(
                "risks_reversible",
                "Un nouveau territoire peut s'arrêter sans dommage pour le réseau.",
            ),
        ),
        "Analyser les risques : ceux du changement d'échelle comme ceux de ne pas le faire, "
        "avec une parade et un responsable pour chacun.",
    ),
    Dimension(
        "returns",
        "Retombées attendues",
        (
            Question(
                "returns_social",
                "Les retombées sociales et territoriales attendues sont décrites et chiffrées.",
            ),
            Question(
                "returns_carriers",
                "Ce que le changement d'échelle apporte aux porteurs d'origine est clair.",
            ),
            Question(
                "returns_measured",
                "Des indicateurs partagés permettront de suivre les retombées dans chaque "
                "territoire.",
            ),
        ),
        "Préciser les retombées : décrire ce que gagneront les territoires et les porteurs, et "
        "choisir les indicateurs que chaque réplique suivra.",
    ),
    Dimension(
        "partners",
        "Partenaires et soutien institutionnel",
        (
            Question(
                "partners_committed",
                "Des partenaires sont prêts à s'engager dans le changement d'échelle.",
            ),
            Question(
                "partners_institutions",
                "Les institutions (collectivités, État, réseaux nationaux) soutiennent la "
                "démarche.",
            ),
            Question(
                "partners_policy",
                "Le projet trouve sa place dans des politiques publiques durables.",
            ),
        ),
        "Rallier les partenaires : présenter les résultats aux institutions, chercher un "
        "ancrage dans les politiques publiques et des partenaires pour l'essaimage.",
    ),
)

QUESTIONS: dict[str, Question] = {q.key: q for d in DIMENSIONS for q in d.questions}
DIMENSION_OF: dict[str, Dimension] = {q.key: d for d in DIMENSIONS for q in d.questions}


@dataclass(frozen=True)
class DimensionScore:
    dimension: Dimension
    score: int | None


@dataclass(frozen=True)
class Action:
    dimension: Dimension
    score: int
    # The questions of the dimension answered « pas du tout » or « un peu ».
    weak_questions: tuple[Question, ...]


def score_dimensions(answers: Mapping[str, int | None]) -> list[DimensionScore]:
    """Each dimension with its score, in the grid's order."""
    return [DimensionScore(dimension, dimension.score(answers)) for dimension in DIMENSIONS]


def overall_score(scores: list[DimensionScore]) -> int | None:
    """The mean of the dimensions that have a score."""
    known = [item.score for item in scores if item.score is not None]
    return round(sum(known) / len(known)) if known else None


def recommended_actions(answers: Mapping[str, int | None]) -> list[Action]:
    """The weakest dimensions (under ``WEAK_BELOW``), weakest first, at most
    ``ACTIONS_SHOWN``; ties keep the grid's order."""
    weak = [
        (item.score, index, item.dimension)
        for index, item in enumerate(score_dimensions(answers))
        if item.score is not None and item.score < WEAK_BELOW
    ]
    weak.sort(key=lambda row: (row[0], row[1]))
    return [
        Action(
            dimension,
            score,
            tuple(
                q
                for q in dimension.questions
                if answers.get(q.key) is not None and answers[q.key] <= 1
            ),
        )
        for score, _, dimension in weak[:ACTIONS_SHOWN]
    ]
