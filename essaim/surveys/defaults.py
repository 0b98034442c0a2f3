"""The two questionnaires a session starts from: one « à chaud », the day after the session,
and one « à froid », six weeks later, on what was put into practice. Organisers then adapt them.

Rating questions are phrased so that the scale (« pas du tout » … « tout à fait ») answers them.
"""

from dataclasses import dataclass

from essaim.surveys.models import Moment, QuestionKind


@dataclass(frozen=True)
class DefaultQuestion:
    label: str
    kind: QuestionKind
    required: bool = False
    choices: str = ""


@dataclass(frozen=True)
class DefaultSurvey:
    moment: Moment
    title: str
    introduction: str
    send_after_days: int
    questions: tuple[DefaultQuestion, ...]


RATING, TEXT = QuestionKind.RATING, QuestionKind.TEXT

HOT = DefaultSurvey(
    moment=Moment.HOT,
    title="Votre avis sur la session",
    introduction=(
        "Merci d'avoir participé à cette session. Ce questionnaire prend trois minutes ; "
        "vos réponses nous aident à améliorer les prochaines sessions."
    ),
    send_after_days=1,
    questions=(
        DefaultQuestion("Dans l'ensemble, êtes-vous satisfait·e de la session ?", RATING, True),
        DefaultQuestion("Les objectifs annoncés ont-ils été atteints ?", RATING, True),
        DefaultQuestion("La session est-elle utile pour votre pratique ?", RATING, True),
        DefaultQuestion(
            "Les interventions et les témoignages étaient-ils de qualité ?", RATING, True
        ),
        DefaultQuestion(
            "L'organisation et le format (horaires, rythme, outils ou lieu) vous ont-ils convenu ?",
            RATING,
            True,
        ),
        DefaultQuestion("Qu'allez-vous mettre en application ?", TEXT),
        DefaultQuestion("Vos suggestions pour les prochaines sessions", TEXT),
    ),
)

COLD = DefaultSurvey(
    moment=Moment.COLD,
    title="Six semaines après la session",
    introduction=(
        "Quelques semaines ont passé depuis la session. Qu'en avez-vous fait ? Vos réponses "
        "nous disent ce qu'une formation change vraiment et ce qu'il faut proposer ensuite."
    ),
    send_after_days=42,
    questions=(
        DefaultQuestion("Qu'avez-vous mis en pratique depuis la session ?", TEXT),
        DefaultQuestion("Qu'est-ce que cela a changé dans votre travail ou votre projet ?", TEXT),
        DefaultQuestion("Avec le recul, la session vous a-t-elle été utile ?", RATING, True),
        DefaultQuestion(
            "Sur quels sujets aimeriez-vous être formé·e ou accompagné·e ensuite ?", TEXT
        ),
    ),
)

DEFAULT_SURVEYS = (HOT, COLD)
