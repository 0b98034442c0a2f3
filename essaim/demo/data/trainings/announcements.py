"""Cap Rural's sessions on innovation, experimentation and scaling, as they were announced:
their texts, dates, times, speakers and case testimonies, in the words of the announcements.

Two cycles. The four webconferences of June–July 2020 on experimentation, followed by the four
of January 2021 on scaling a pilot project (the 2021 announcement says it « fait suite » to the
2020 one). Then the autumn 2023 cycle: innovation (19 October: only its title and date are known,
from the links of the two others) → experimentation (9 November) → perennisation and scaling
(28 November). Contact details are replaced by example.org addresses; no phone number is kept.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from essaim.demo.data.experiments import (
    arche_agglo,
    bricobus,
    centrales_villageoises,
    ecoravie,
    fablab_3d3terres,
    rezo_pouce,
    saillans,
    terres_de_sources,
)
from essaim.demo.data.trainings.spec import (
    CycleSpec,
    SessionSpec,
    SlotSpec,
    SpeakerSpec,
    TestimonySpec,
)
from essaim.trainings.models import Access, SpeakerRole

PARIS = ZoneInfo("Europe/Paris")
CENTRALES = "association des centrales villageoises"
EAU_DU_BASSIN_RENNAIS = "Eau du Bassin Rennais Collectivité"
CONTACT_NAME = "Mylène Thou"
CONTACT_EMAIL = "mylene.thou@example.org"
MORNING = (time(10), time(12))
AFTERNOON = (time(14), time(16))
LATE_MORNING = (time(10, 30), time(12))

AUDIENCE_2023 = (
    "Elle est destinée aux acteurs du développement local : agents de développement, élus de "
    "collectivités et d'associations, porteurs de projet collectif, acteurs de la société "
    "civile..."
)
MYLENE_THOU = SpeakerSpec(
    "Mylène Thou",
    "chargée de mission Valorisations des recherches et Innovations",
    "Cap Rural",
    person="Mylène Thou",
)


def pascale_vincent(organisation: str) -> SpeakerSpec:
    return SpeakerSpec(
        "Pascale Vincent",
        "chargée de mission, de recherche et de formation",
        organisation,
        person="Pascale Vincent",
    )


def witness(name: str, function: str, organisation: str) -> SpeakerSpec:
    return SpeakerSpec(name, function, organisation, role=SpeakerRole.WITNESS, person=name)


# 2020: four webconferences on experimentation (seed 001) ---------------------------------------

EXPERIMENTING_2020 = SessionSpec(
    slug="innovation-sociale-experimenter-2020",
    title=(
        "L'innovation sociale et territoriale : expérimenter pour inventer de nouvelles solutions"
    ),
    position=1,
    slots=(
        SlotSpec(
            date(2020, 6, 30),
            *MORNING,
            "L'expérimentation : premiers éléments de repère",
            (
                "Expérimentation, de quoi parle-t-on ?",
                "Quelles sont les caractéristiques de l'expérimentation ?",
                "Quels différences et liens entre expérience et expérimentation ?",
                "Pourquoi expérimenter ? (intérêts et finalités)",
                "Quels sont les différents types de démarches expérimentales ? (selon les "
                "finalités et l'objet de l'expérimentation)",
                "Quels points d'attention pour penser une démarche d'expérimentation ? "
                "(introduction aux webconférences suivantes)",
            ),
        ),
        SlotSpec(
            date(2020, 6, 30),
            *AFTERNOON,
            "Cadrage préalable, définition de la démarche, pilotage",
            (
                "Cadrer une expérimentation au démarrage de la démarche",
                "Penser la démarche : définir les étapes et la méthode d'expérimentation",
                "Le pilotage et la gouvernance de l'expérimentation",
            ),
        ),
        SlotSpec(
            date(2020, 7, 8),
            *MORNING,
            "Apprentissage et évaluation",
            (
                "L'apprentissage dans une expérimentation : intérêts et points d'attention "
                "méthodologiques",
                "Evaluer dans une expérimentation",
            ),
        ),
        SlotSpec(
            date(2020, 7, 8),
            *AFTERNOON,
            "Prise de risque, droit à l'erreur, lien aux acteurs publics, changement d'échelle",
            (
                "Prise de risques et droit à l'erreur dans l'expérimentation",
                "Le lien aux politiques et aux institutions : intérêts, difficultés et points de "
                "vigilance",
                "Articuler expérimentation et changement d'échelle",
                "Pour conclure : quelles plus-values et spécificités de l'expérimentation dans "
                "une démarche de développement local ?",
            ),
        ),
    ),
    why=(
        "Les enjeux de transitions (écologique, énergétique, économique et sociale) poussent les "
        "acteurs à inventer et tester de nouvelles solutions dans les territoires ; face à la "
        "crise sanitaire, de nombreuses initiatives ont également vu le jour. Toutes ces "
        "démarches sont riches d'expériences et d'enseignements. Comment valoriser ces "
        "initiatives, voire penser leur mise en place et leur accompagnement dans une "
        "perspective de plus long terme ?\n\n"
        "L'expérimentation relève de démarches bien spécifiques qui peuvent aider les acteurs "
        "locaux à développer des solutions plus pérennes pour les territoires et les accompagner "
        "au changement de pratiques. Elle fait l'objet actuellement d'une attention particulière "
        "des acteurs inscrits dans l'innovation sociale et territoriale, mais peut intéresser "
        "tout acteur porteur d'initiatives de développement local."
    ),
    audience=(
        "Quatre rendez-vous permettront d'apporter des éclairages nouveaux, d'enrichir et de "
        "renouveler l'outillage des acteurs et des professionnels du développement local (agents "
        "de développement, élus de collectivités et d'associations, porteurs de projet collectif, "
        "acteurs de la société civile...)."
    ),
    objectives=(
        "Mieux cerner les concepts et démarches d'expérimentation",
        "Comprendre l'intérêt de mobiliser ces types de démarches et identifier les situations "
        "où elles peuvent être pertinentes",
        "Identifier les éléments qui les caractérisent",
        "Identifier des points d'attention (préalables, freins, difficultés, conditions) et des "
        "éléments de méthode (points clés) pour mettre en place ces types de démarches, tout en "
        "sécurisant",
        "Proposer des outils aux acteurs qui souhaitent mener des expérimentations",
    ),
    programme_intro=(
        "Un évènement proposé en 4 webconférences les 30 juin et 8 juillet 2020, 10h-12h et "
        "14h-16h.\n\n"
        "Les 4 webconférences s'appuieront sur les témoignages d'expériences suivants.\n\n"
        "A noter : ces webconférences seront suivies à l'automne d'une journée (ou de "
        'webconférences) intitulée "Innovation sociale et territoriale : accompagner le '
        "changement d'échelle d'un projet pilote\" prévue le 15 octobre 2020."
    ),
    teaching_methods="Des apports théoriques et méthodologiques\nDes témoignages d'expériences",
    access=Access.FREE,
    all_slots_recommended=True,
    contact_name=CONTACT_NAME,
    contact_email=CONTACT_EMAIL,
    speakers=(
        pascale_vincent("CIEDEL"),
        MYLENE_THOU,
        witness(
            "Véronique Sybelin",
            "directrice adjointe des Solidarités et du Service au public",
            "ARCHE Agglo",
        ),
        witness("Sophie Roy", "chargée de mission Transition énergétique", "PNR de Chartreuse"),
        witness("Maryline Chasles", "directrice", "8 Fablab (Crest)"),
        witness("Joël Soler", "habitant", "ECORAVIE"),
        witness("Claire Galland", "habitante", "ECORAVIE"),
        witness(
            "Sabine Girard",
            "ancienne conseillère municipale de Saillans, chercheure géographe au Laboratoire "
            "LESSEM",
            "INRAE",
        ),
        witness("Daniel Helle", "Pôle Protection des Ressources", EAU_DU_BASSIN_RENNAIS),
    ),
    testimonies=(
        TestimonySpec(
            "Cultiver la proximité d'Ardèche en Hermitage : offre de services itinérants à "
            "destination des séniors et des jeunes",
            (
                "Véronique Sybelin, directrice adjointe des Solidarités et du Service au public, "
                "ARCHE Agglo",
            ),
            arche_agglo.CASE.title,
        ),
        TestimonySpec(
            "Rezo Pouce, l'autostop organisé en Chartreuse",
            ("Sophie Roy, chargée de mission Transition énergétique, PNR de Chartreuse",),
            rezo_pouce.CASE.title,
        ),
        TestimonySpec(
            "3D.3TERRES : impulser une dynamique de développement local à partir de "
            "l'introduction d'une imprimante 3D céramique",
            ("Maryline Chasles, directrice du 8 Fablab (Crest)",),
            fablab_3d3terres.CASE.title,
        ),
        TestimonySpec(
            "L'habitat partagé ECORAVIE à Dieulefit : construire le vivre ensemble",
            ("Joël Soler et Claire Galland, habitants d'ECORAVIE",),
            ecoravie.CASE.title,
        ),
        TestimonySpec(
            "Saillans, laboratoire de démocratie participative",
            (
                "Sabine Girard, ancienne conseillère municipale de Saillans, chercheure "
                "géographe au Laboratoire LESSEM, INRAE",
            ),
            saillans.CASE.title,
        ),
        TestimonySpec(
            "Terres de sources, un label local qui protège l'eau",
            ("Daniel Helle, Pôle Protection des Ressources, Eau du Bassin Rennais Collectivité",),
            terres_de_sources.CASE.title,
        ),
    ),
)


# 2021: four webconferences on scaling a pilot project (seed 003) -------------------------------

SCALING_2021 = SessionSpec(
    slug="changement-echelle-projet-pilote-2021",
    title=(
        "Innovations sociales et territoriales : accompagner le changement d'échelle d'un "
        "projet pilote"
    ),
    position=2,
    slots=(
        SlotSpec(
            date(2021, 1, 15),
            *MORNING,
            "Définition, finalités, différentes situations de changement d'échelle, repères "
            "méthodologiques et points de vigilance",
        ),
        # One case per webconference; the testimony attached to the slot names it.
        SlotSpec(date(2021, 1, 15), *AFTERNOON, "Étude de cas"),
        SlotSpec(date(2021, 1, 22), *MORNING, "Étude de cas"),
        SlotSpec(date(2021, 1, 29), *MORNING, "Étude de cas"),
    ),
    why=(
        "Les enjeux de transitions (écologique, énergétique, économique et sociale) poussent les "
        "acteurs à inventer et tester de nouvelles solutions dans les territoires ; face à la "
        "crise sanitaire, de nombreuses initiatives ont également vu le jour. Au-delà de la "
        "phase de test et d'expérimentation, il peut y avoir un intérêt pour les projets ayant "
        "fait leurs preuves à les valoriser à plus long terme. Se pose alors la question du "
        "changement d'échelle pour élargir le périmètre d'action à un public plus large et/ou à "
        "un territoire plus étendu, ou accompagner l'essaimage d'une expérience, d'un projet mis "
        "en œuvre dans un territoire et un contexte spécifique, dans un ou des territoire(s) "
        "et/ou contexte(s) social(aux) différent(s). Il sera alors nécessaire d'outiller autant "
        "les acteurs qui transfèrent leurs savoir-faire et leurs expériences, que ceux qui "
        "souhaitent reproduire une expérience chez eux.\n\n"
        "Le changement d'échelle fait l'objet actuellement d'une attention particulière des "
        "acteurs inscrits dans l'innovation sociale et territoriale, mais peut aussi intéresser "
        "tout acteur porteur d'initiatives de développement local.\n\n"
        "Cette session fait suite aux quatre webconférences portant sur « L'innovation sociale "
        "et territoriale : expérimenter pour inventer de nouvelles solutions » des 30 juin et 8 "
        "juillet 2020. Elle proposera des repères et des outils à ceux qui souhaitent "
        "accompagner et/ou s'engager dans une démarche de changement d'échelle."
    ),
    audience=(
        "Cette session est destinée aux acteurs et professionnels du développement local : "
        "agents de développement, élus de collectivités et d'associations, porteurs de projet "
        "collectif, acteurs de la société civile... Elle s'adresse aussi bien aux personnes "
        "ayant participé aux webconférences précédentes et qui souhaitent approfondir, qu'aux "
        "nouvelles personnes intéressées."
    ),
    objectives=(
        "Mieux cerner ce qu'on appelle changement d'échelle",
        "Comprendre son intérêt pour un projet (se situant notamment dans une phase "
        "expérimentale) et identifier les situations où le passage à un changement d'échelle "
        "semble pertinent, voire nécessaire",
        "Identifier des points d'attention (préalables, freins, difficultés, conditions) et des "
        "éléments de méthode (points clés) pour accompagner le changement d'échelle d'un projet, "
        "tout en sécurisant",
    ),
    programme_intro=(
        "Cette session se déroulera à distance, sous forme de quatre webconférences de 2 heures "
        "et s'appuiera sur des études de cas.\n\n"
        "1ère web : définition, finalités, différentes situations de changement d'échelle, "
        "repères méthodologiques et points de vigilance\n"
        "2ème, 3ème et 4ème web : études de cas (un cas par webconférence correspondant à une "
        "situation de changement d'échelle)"
    ),
    access=Access.MEMBERS,
    registration_deadline=datetime(2021, 1, 27, 23, 59, tzinfo=PARIS),
    contact_name=CONTACT_NAME,
    contact_email=CONTACT_EMAIL,
    speakers=(
        pascale_vincent("CIEDEL"),
        MYLENE_THOU,
        witness("Claude Dubreuil", "administrateur", CENTRALES),
        witness("Jean-Michel Bostetter", "administrateur", CENTRALES),
        witness("Daniel Helle", "chargé de projets", EAU_DU_BASSIN_RENNAIS),
        witness(
            "Vincent Renaud-Giard", "directeur adjoint", "Compagnons bâtisseurs Centre-Val de Loire"
        ),
    ),
    testimonies=(
        TestimonySpec(
            "Les centrales villageoises, de la construction d'un modèle à son essaimage",
            (
                "Claude Dubreuil et Jean-Michel Bostetter, administrateurs, association des "
                "centrales villageoises",
            ),
            centrales_villageoises.CASE.title,
            slot=1,
        ),
        TestimonySpec(
            "Terres de sources, expérimenter le changement d'échelle d'un label local pour "
            "protéger l'eau",
            ("Daniel Helle, chargé de projets, Eau du Bassin Rennais Collectivité",),
            terres_de_sources.CASE.title,
            slot=2,
        ),
        TestimonySpec(
            "Bricobus, déployer en réseau un dispositif solidaire d'accompagnement à "
            "l'auto-réhabilitation",
            (
                "Vincent Renaud-Giard, directeur adjoint des Compagnons bâtisseurs Centre-Val de "
                "Loire",
            ),
            bricobus.CASE.title,
            slot=3,
        ),
    ),
)


# Autumn 2023: innovation → experimentation → perennisation and scaling (seeds 000 and 002) ----

INNOVATION_2023 = SessionSpec(
    slug="innovation-2023-10-19",
    retention_months=60,  # the autumn 2023 cycle still shows its (invented) registrants
    title="L'innovation",
    position=1,
    slots=(),
    start_date=date(2023, 10, 19),
    programme_intro=(
        "Session d'ouverture du cycle de l'automne 2023. Son annonce détaillée n'est pas reprise "
        "dans cette démonstration : seuls son intitulé et sa date sont connus, par les sessions "
        "qui la suivent."
    ),
    access=Access.MEMBERS,
    # No slot is known: registration closes on the day itself.
    registration_deadline=datetime(2023, 10, 19, tzinfo=PARIS),
    contact_name=CONTACT_NAME,
    contact_email=CONTACT_EMAIL,
)

EXPERIMENTING_2023 = SessionSpec(
    slug="experimentation-2023-11-09",
    retention_months=60,  # the autumn 2023 cycle still shows its (invented) registrants
    title="L'expérimentation",
    position=2,
    slots=(SlotSpec(date(2023, 11, 9), *LATE_MORNING),),
    why=(
        "Les enjeux de transitions (écologique, énergétique, économique et sociale), des "
        "situations de crise ou des besoins incitent les acteurs à inventer et tester de "
        "nouvelles solutions dans les territoires. Comment penser leur mise en place et leur "
        "accompagnement dans une perspective de plus long terme ?\n\n"
        "L'expérimentation relève de démarches spécifiques. Elle peut aider les acteurs locaux à "
        "développer des réponses plus pérennes pour les territoires et à accompagner le "
        "changement de pratiques. Elle fait l'objet d'une attention particulière des acteurs de "
        "l'innovation sociale et territoriale, mais elle peut intéresser tout acteur porteur "
        "d'initiatives de développement local.\n\n"
        "Qu'est-ce qu'une démarche d'expérimentation ? À quoi être attentif en termes de "
        "stratégie et de méthodologie ? Comment structurer ces démarches pour les mener à "
        "bien ?\n\n"
        "Cette session propose des repères méthodologiques à ceux qui souhaitent accompagner "
        "et/ou s'engager dans une démarche d'expérimentation. Elle fait suite à la session sur "
        "l'innovation du 19 octobre et sera suivie d'une session portant sur la pérennisation "
        "et le changement d'échelle des innovations le 28 novembre 2023."
    ),
    audience=AUDIENCE_2023,
    objectives=(
        "Mieux cerner les concepts et démarches d'expérimentation",
        "Comprendre l'intérêt de mobiliser ce type de démarches et identifier les situations où "
        "elles peuvent être pertinentes",
        "Identifier des points stratégiques et méthodologiques à travailler pour mettre en place "
        "une démarche expérimentale, tout en sécurisant",
    ),
    # « … et proposera des repères pour : » introduces the objectives, shown as such.
    programme_intro="Cette session se déroulera à distance.",
    access=Access.MEMBERS,
    capacity=20,
    contact_name=CONTACT_NAME,
    contact_email=CONTACT_EMAIL,
    speakers=(
        pascale_vincent("Ciedel (Centre international d'études pour le développement local)"),
        MYLENE_THOU,
    ),
)

PERENNISATION_2023 = SessionSpec(
    slug="perennisation-changement-echelle-2023-11-28",
    retention_months=60,  # the autumn 2023 cycle still shows its (invented) registrants
    title="La pérennisation et le changement d'échelle des innovations",
    position=3,
    slots=(SlotSpec(date(2023, 11, 28), *LATE_MORNING),),
    why=(
        "Face aux enjeux des transitions, à des situations de crise ou des besoins, les acteurs "
        "inventent et testent de nouvelles solutions dans les territoires. Passer la période "
        "d'expérimentation, il peut y avoir un intérêt à pérenniser et valoriser à plus long "
        "terme les projets ayant fait leurs preuves. Se pose alors la question du changement "
        "d'échelle, soit pour élargir le périmètre d'action à un public plus large et/ou à un "
        "territoire plus étendu, soit pour accompagner l'essaimage d'un projet dans d'autres "
        "territoires et contextes sociaux.\n\n"
        "Le changement d'échelle fait actuellement l'objet d'une attention particulière des "
        "acteurs de l'innovation sociale et territoriale, mais il peut intéresser tout acteur "
        "porteur d'initiatives de développement local.\n\n"
        "Qu'est-ce qu'une démarche de changement d'échelle ? À quoi être attentif en termes de "
        "stratégie et de méthodologie ? Comment structurer ces démarches pour les mener à "
        "bien ?\n\n"
        "Cette session propose des repères méthodologiques à ceux qui souhaitent accompagner "
        "et/ou s'engager dans une démarche de changement d'échelle. Elle fait suite aux "
        "sessions sur l'innovation et sur l'expérimentation des 19 octobre et 9 novembre 2023."
    ),
    audience=AUDIENCE_2023,
    objectives=(
        "Mieux cerner ce qu'on appelle pérennisation et changement d'échelle",
        "Comprendre leurs intérêts pour un projet (se situant notamment dans une phase "
        "expérimentale) et identifier les situations où le passage à un changement d'échelle "
        "semble pertinent, voire nécessaire",
        "Identifier des points stratégiques et méthodologiques pour structurer et accompagner le "
        "changement d'échelle d'un projet, tout en sécurisant",
    ),
    access=Access.MEMBERS,
    contact_name=CONTACT_NAME,
    contact_email=CONTACT_EMAIL,
    speakers=(
        pascale_vincent("Ciedel (Centre international d'études pour le développement local)"),
        MYLENE_THOU,
    ),
)


CYCLES = (
    CycleSpec(
        slug="innovation-sociale-et-territoriale-2020-2021",
        title="Innovation sociale et territoriale : expérimenter, puis changer d'échelle",
        summary=(
            "Quatre webconférences sur l'expérimentation, les 30 juin et 8 juillet 2020, "
            "suivies de quatre webconférences sur le changement d'échelle d'un projet pilote, "
            "les 15, 22 et 29 janvier 2021."
        ),
        sessions=(EXPERIMENTING_2020, SCALING_2021),
    ),
    CycleSpec(
        slug="innover-experimenter-perenniser-automne-2023",
        title="Innovation, expérimentation, pérennisation et changement d'échelle",
        summary=(
            "Trois sessions à distance à l'automne 2023 : l'innovation le 19 octobre, "
            "l'expérimentation le 9 novembre, la pérennisation et le changement d'échelle des "
            "innovations le 28 novembre."
        ),
        sessions=(INNOVATION_2023, EXPERIMENTING_2023, PERENNISATION_2023),
    ),
)
