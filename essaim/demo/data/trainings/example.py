"""One upcoming session, invented for the demo, so that the public pages show a session open to
registration. Its date is computed when the demo is loaded: a Thursday five to six weeks
later. Everything about it says it is an example."""

import datetime
from zoneinfo import ZoneInfo

from essaim.demo.data.trainings.spec import SessionSpec, SlotSpec, SpeakerSpec
from essaim.trainings.models import Access, SpeakerRole

PARIS = ZoneInfo("Europe/Paris")
THURSDAY = 3
EXAMPLE_SLUG = "exemple-evaluer-une-experimentation"


def example_day(today: datetime.date) -> datetime.date:
    day = today + datetime.timedelta(weeks=5)
    return day + datetime.timedelta(days=(THURSDAY - day.weekday()) % 7)


def upcoming_example(today: datetime.date) -> SessionSpec:
    day = example_day(today)
    deadline = datetime.datetime.combine(
        day - datetime.timedelta(days=2), datetime.time(23, 59), tzinfo=PARIS
    )
    return SessionSpec(
        slug=EXAMPLE_SLUG,
        title="Exemple — Évaluer une expérimentation en cours de route",
        position=1,
        slots=(
            SlotSpec(
                day,
                datetime.time(10),
                datetime.time(12),
                "Des questions évaluatives aux indicateurs",
                (
                    "Formuler les questions auxquelles l'évaluation doit répondre",
                    "Choisir peu d'indicateurs, avec leur situation de départ et leur cible",
                ),
            ),
            SlotSpec(
                day,
                datetime.time(14),
                datetime.time(16),
                "Le journal d'apprentissage et la décision",
                (
                    "Noter ce qui surprend, ce qui échoue, ce qui a été ajusté",
                    "Préparer le comité de pilotage qui décide d'arrêter, d'ajuster ou de "
                    "poursuivre",
                ),
            ),
        ),
        why=(
            "Session d'exemple, inventée pour la démonstration d'Essaim : sa date, son "
            "intervenante et ses inscrits ne correspondent à aucune session réelle.\n\n"
            "Une expérimentation s'évalue pendant qu'elle se déroule, pas seulement à la fin : "
            "c'est ce qui permet d'apprendre en chemin et de décider à temps. Comment choisir "
            "ce que l'on mesure, tenir un journal des enseignements sans y passer ses "
            "journées, et préparer une décision de poursuite ou d'arrêt ?"
        ),
        audience=(
            "Les acteurs du développement local qui mènent ou accompagnent une expérimentation "
            ": agents de développement, élus de collectivités et d'associations, porteurs de "
            "projet collectif, acteurs de la société civile."
        ),
        objectives=(
            "Formuler des questions évaluatives utiles à la décision",
            "Choisir des indicateurs simples et les suivre dans la durée",
            "Tenir un journal d'apprentissage relié aux hypothèses de l'expérimentation",
        ),
        programme_intro="Deux webconférences de deux heures, le même jour.",
        teaching_methods="Apports méthodologiques\nExercices sur les cas des participants",
        accessibility=(
            "Webconférence utilisable au clavier et avec un lecteur d'écran ; sous-titrage et "
            "supports adaptés sur demande, au moins une semaine avant la session."
        ),
        accessibility_contact="Référent handicap (exemple), handicap@example.org",
        meeting_url="https://visio.example.org/essaim-exemple",
        access=Access.FREE,
        capacity=30,
        registration_deadline=deadline,
        all_slots_recommended=True,
        contact_name="Accueil des formations (exemple)",
        contact_email="formations@example.org",
        speakers=(
            SpeakerSpec(
                "Hélène Delorme (intervenante fictive)",
                "formatrice",
                "Organisme de formation d'exemple",
                role=SpeakerRole.TRAINER,
            ),
        ),
    )
