"""Pays des Trois Vallées: a pays of three communautés de communes that turned its forests and
its farms into a strategy of energy transition, a year before the communautés merge.

Invented, like every person in it; the perimeter is a real EPCI of the Meuse, used for the map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    COOPERATION,
    ELECTED,
    ENERGY,
    ENGINEERING,
    FUNDING,
    GOVERNANCE,
    KERJEAN,
    PARTICIPATION,
    PARTNERS,
    REFORM,
    VAUDREY,
)
from essaim.demo.data.programmes.spec import (
    InterviewSpec,
    PersonSpec,
    QuoteSpec,
    ReportSheetSpec,
    SlotSpec,
    TerritorySpec,
    VisitSpec,
    selection,
)

NAME = "Pays des Trois Vallées"
PLACE = "Maison des services du pays, salle du conseil"

PRESIDENT = PersonSpec(
    "Gérard Thouvenin",
    "elu",
    "président du pays, maire d'une commune de 600 habitants",
    "gerard.thouvenin@example.org",
)
REFERENT = PersonSpec(
    "Émilie Carré",
    "technicien",
    "chargée de mission énergie-climat du pays",
    "emilie.carre@example.org",
    "03 53 01 10 21",
)
PARTICIPANTS = (
    PRESIDENT,
    PersonSpec(
        "Lucie Mangin",
        "technicien",
        "animatrice de la plateforme de rénovation énergétique",
        "lucie.mangin@example.org",
    ),
    PersonSpec(
        "Denis Collignon",
        "societe_civile",
        "président de l'association Énergies partagées des Trois Vallées",
        "denis.collignon@example.org",
    ),
)

DAY_1, DAY_2 = date(2015, 2, 9), date(2015, 2, 10)

VISIT = VisitSpec(
    start=DAY_1,
    end=DAY_2,
    place=PLACE,
    experts=(KERJEAN, VAUDREY),
    debrief_on=datetime(2015, 2, 9, 18, 0),
    debrief_notes=(
        "Un territoire qui a une stratégie énergie lisible et assumée par son président : "
        "chaufferies bois, plateforme de rénovation, premier projet citoyen.\n"
        "L'ingénierie du pays est la vraie force, mais elle repose sur trois personnes dont "
        "deux sur des financements qui s'arrêtent en 2016.\n"
        "Les trois communautés coopèrent par le pays plus qu'entre elles ; la fusion annoncée "
        "inquiète : que devient le pays dans une grande communauté ?\n"
        "Le conseil de développement est vivant mais peu écouté sur l'énergie.\n"
        "Les maires des petites communes suivent quand ils voient une chaufferie qui marche : "
        "la preuve par l'exemple mobilise mieux que les plans.\n"
        "Réaction de la salle : d'accord sur la fragilité de l'ingénierie, plus réservée sur "
        "l'écoute du conseil de développement."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 2, 9, 9, 30),
            datetime(2015, 2, 9, 10, 30),
            "entretien",
            "Entretien avec le président du pays",
            "Gérard Thouvenin, président du pays",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 9, 10, 45),
            datetime(2015, 2, 9, 12, 0),
            "entretien",
            "Entretien avec l'équipe énergie du pays",
            "Émilie Carré, chargée de mission énergie-climat ; Lucie Mangin, plateforme de "
            "rénovation",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 9, 13, 30),
            datetime(2015, 2, 9, 15, 0),
            "reunion",
            "Réunion avec les présidents des trois communautés",
            "Les trois présidents de communauté de communes et le président du pays",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 9, 15, 30),
            datetime(2015, 2, 9, 17, 0),
            "reunion",
            "Réunion du conseil de développement",
            "Neuf membres du conseil de développement",
            "societe_civile",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 9, 18, 0),
            datetime(2015, 2, 9, 19, 30),
            "restitution",
            "Restitution à chaud",
            "Élus, techniciens et membres du conseil de développement rencontrés dans la journée",
            "mixte",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 10, 9, 0),
            datetime(2015, 2, 10, 10, 0),
            "entretien",
            "Entretien avec l'association Énergies partagées",
            "Denis Collignon, président de l'association",
            "societe_civile",
            "Local de l'association, ancienne école",
        ),
        SlotSpec(
            datetime(2015, 2, 10, 10, 30),
            datetime(2015, 2, 10, 11, 30),
            "entretien",
            "Visite d'une chaufferie bois communale",
            "Le maire de la commune et l'agent technique",
            "mixte",
            "Chaufferie bois de la mairie-école",
        ),
        SlotSpec(
            datetime(2015, 2, 10, 11, 45),
            datetime(2015, 2, 10, 12, 45),
            "entretien",
            "Entretien avec la directrice du pays",
            "Directrice du pays",
            "technicien",
            PLACE,
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec le président du pays",
        interviewee=PRESIDENT,
        notes=(
            "Président du pays depuis 2008, réélu maire en 2014. Porte la stratégie énergie "
            "depuis le premier plan climat territorial : « on a du bois, on a des fermes, on "
            "achète notre énergie dehors ». Onze chaufferies bois communales en service, "
            "approvisionnées par une plateforme de bois déchiqueté gérée avec les communes "
            "forestières. Il insiste sur la méthode : convaincre maire par maire, visiter une "
            "chaufferie qui marche avant de voter. Tension avec deux présidents de communauté "
            "qui voient le pays comme une charge. La fusion des trois communautés prévue au "
            "schéma départemental l'inquiète : le pays risque de disparaître, l'ingénierie "
            "énergie avec lui si personne ne la reprend. Il compte sur le label territoire à "
            "énergie positive et sur la région pour financer la suite, sans garantie."
        ),
        themes=(ENERGY, ELECTED, REFORM, GOVERNANCE),
        quotes=(
            QuoteSpec(
                "Un maire ne vote pas pour un plan climat, il vote pour la chaufferie qu'il a "
                "vue tourner chez son voisin.",
                (ELECTED, ENERGY),
            ),
            QuoteSpec(
                "Si la fusion se fait sans dire qui reprend l'ingénierie du pays, on aura "
                "perdu dix ans de travail en un vote.",
                (REFORM, ENGINEERING),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec l'équipe énergie du pays",
        interviewee=REFERENT,
        notes=(
            "Entretien à deux voix avec la chargée de mission énergie-climat et l'animatrice "
            "de la plateforme de rénovation. L'équipe du pays compte trois techniciens pour "
            "42 communes : la directrice, la chargée de mission énergie, l'animatrice "
            "rénovation. Les deux postes énergie sont financés par l'ADEME et la région "
            "jusqu'en 2016, puis plus rien n'est acquis. Beaucoup de temps passé à répondre "
            "aux appels à projets : quatre dossiers en 2014. La plateforme a accompagné 120 "
            "ménages la première année, surtout des retraités en maison ancienne. Les "
            "techniciens des communautés ne s'occupent pas d'énergie : tout remonte au pays. "
            "Bonne coopération avec les artisans du bâtiment, plus difficile avec les banques. "
            "Demande : mutualiser un conseiller en énergie partagé avec le pays voisin."
        ),
        themes=(ENGINEERING, FUNDING, ENERGY, COOPERATION),
        quotes=(
            QuoteSpec(
                "On est trois techniciens pour quarante-deux communes, et on passe un tiers de "
                "notre temps à remplir des dossiers d'appels à projets.",
                (ENGINEERING, FUNDING),
            ),
            QuoteSpec(
                "Mutualiser un conseiller en énergie avec le pays voisin, c'est la seule façon "
                "de tenir après 2016.",
                (ENGINEERING, COOPERATION),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion du conseil de développement",
        interviewee=None,
        group_description=(
            "Neuf membres du conseil de développement : deux agriculteurs, une enseignante "
            "retraitée, un artisan, le président d'un foyer rural, des représentants "
            "d'associations environnementales et de parents d'élèves."
        ),
        notes=(
            "Réunion animée, franche. Le conseil de développement a rendu en 2013 un avis sur "
            "le plan climat, repris en partie. Depuis, peu de saisines : les membres se sentent "
            "consultés « pour la forme ». Ils citent la plateforme de rénovation comme une "
            "réussite et demandent une communication plus simple vers les habitants. Débat sur "
            "l'éolien : deux membres très réservés sur le paysage, d'autres favorables si les "
            "habitants investissent. Tous craignent que la fusion des communautés fasse "
            "disparaître le conseil de développement du pays. Ils voudraient un rôle clair : "
            "suivre les indicateurs du plan climat et organiser des réunions publiques dans "
            "les villages. Plusieurs disent que les élus viennent peu à leurs réunions."
        ),
        themes=(PARTICIPATION, GOVERNANCE, ENERGY, REFORM),
        quotes=(
            QuoteSpec(
                "On nous demande un avis quand tout est décidé ; les habitants ne savent même "
                "pas que le conseil de développement existe.",
                (PARTICIPATION, GOVERNANCE),
            ),
            QuoteSpec(
                "L'éolien, oui, mais si les habitants en sont actionnaires, pas si tout part "
                "chez un développeur.",
                (ENERGY, PARTICIPATION),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec l'association Énergies partagées",
        interviewee=PARTICIPANTS[2],
        notes=(
            "Association créée en 2012 par une quinzaine d'habitants, aujourd'hui 140 "
            "adhérents. Projet : une société citoyenne pour des toitures photovoltaïques sur "
            "les bâtiments communaux, puis un parc éolien participatif. Le pays a aidé pour "
            "l'étude de faisabilité et la mise en relation avec les communes ; la chargée de "
            "mission énergie est « la porte d'entrée ». Difficultés : les banques ne prêtent "
            "pas à une société citoyenne sans garantie des collectivités ; les élus hésitent à "
            "entrer au capital. Le président attend de la région un fonds d'amorçage. Il "
            "souligne que les bénévoles s'épuisent et qu'un appui technique durable serait "
            "décisif. Belle énergie, gouvernance associative solide."
        ),
        themes=(PARTICIPATION, ENERGY, FUNDING, PARTNERS),
        quotes=(
            QuoteSpec(
                "Sans la chargée de mission du pays, on n'aurait jamais su à quelle porte "
                "frapper dans les mairies.",
                (ENGINEERING, PARTICIPATION),
            ),
            QuoteSpec(
                "Les habitants sont prêts à mettre de l'argent dans l'énergie de leur "
                "territoire ; ce sont les banques et la région qui traînent.",
                (FUNDING, PARTNERS, ENERGY),
            ),
        ),
    ),
)

REPORT_SHEET = ReportSheetSpec(
    context=(
        "Le Pays des Trois Vallées réunit trois communautés de communes et 42 communes rurales "
        "autour d'une petite ville-centre, soit environ 24 000 habitants. Le territoire est "
        "très boisé et agricole ; il achète à l'extérieur la quasi-totalité de son énergie. "
        "Le pays porte depuis 2009 un plan climat territorial et une charte forestière. Le "
        "schéma départemental de coopération intercommunale prévoit la fusion des trois "
        "communautés au 1er janvier 2017, ce qui interroge l'avenir du pays et de son équipe."
    ),
    strategy=(
        "La stratégie est de produire localement l'énergie consommée et de réduire la "
        "facture des ménages et des communes : chaufferies bois communales approvisionnées "
        "par une plateforme locale, plateforme de rénovation énergétique de l'habitat, appui "
        "aux projets citoyens d'énergie renouvelable. Le territoire vise le label territoire "
        "à énergie positive. La stratégie est lisible, chiffrée et portée par le président "
        "du pays, qui la présente comme un projet économique autant qu'environnemental."
    ),
    governance=(
        "Le comité syndical du pays décide, sur proposition d'un bureau resserré. La "
        "stratégie énergie repose beaucoup sur le président, ce qui fait sa force et sa "
        "fragilité. Les présidents des communautés siègent au pays mais portent peu la "
        "stratégie dans leurs conseils. Le conseil de développement existe, a rendu un avis "
        "sur le plan climat, mais n'est plus saisi. Les techniciens préparent l'essentiel des "
        "décisions, avec une grande autonomie."
    ),
    cooperation=(
        "La coopération passe par le pays : les trois communautés coopèrent peu entre elles "
        "directement, chacune venant au pays pour ce qu'elle ne peut pas faire seule. Des "
        "partenariats solides existent avec les communes forestières, les artisans du bâtiment, "
        "l'espace info-énergie et l'association citoyenne. Un projet de conseiller en énergie "
        "partagé avec le pays voisin est à l'étude. La coopération avec la région reste "
        "essentiellement financière, au fil des appels à projets, sans dialogue sur la stratégie."
    ),
    engineering=(
        "Trois techniciens au pays, dont deux sur des postes financés par l'ADEME et la région "
        "jusqu'en 2016. Les techniciens des communautés ne traitent pas l'énergie. L'équipe "
        "est compétente et reconnue, mais absorbée par le montage de dossiers ; l'animation "
        "auprès des communes et des habitants en pâtit. La fusion pose la question du "
        "transfert de cette ingénierie à la future communauté."
    ),
    participation=(
        "Participation réelle à travers l'association Énergies partagées, 140 adhérents, qui "
        "prépare une société citoyenne de production, et à travers la plateforme de rénovation "
        "qui a accompagné 120 ménages la première année. Le conseil de développement, vivant et "
        "divers, se sent pourtant peu écouté depuis son avis sur le plan climat. Les débats sur "
        "l'éolien montrent que l'acceptation des projets passe par l'investissement des "
        "habitants. Aucune réunion publique sur l'énergie n'a été organisée depuis 2013."
    ),
    strengths=(
        "Un portage politique fort et constant depuis six ans ; une stratégie énergie qui parle "
        "d'économie locale et de facture, ce qui rassemble au-delà des convaincus ; des "
        "réalisations visibles, onze chaufferies bois, qui convainquent les maires hésitants ; "
        "une ingénierie compétente et reconnue par les partenaires ; une association citoyenne "
        "dynamique prête à investir ; un conseil de développement qui ne demande qu'à être saisi."
    ),
    difficulties=(
        "La dépendance aux financements sur appel à projets pour les deux postes clés de l'équipe "
        "énergie, sans relais prévu après 2016 ; une stratégie trop attachée à la personne du "
        "président ; des présidents de communauté qui portent peu le sujet dans leurs conseils ; "
        "un conseil de développement sans saisine ; l'incertitude de la fusion de 2017 sur "
        "l'avenir du pays et de son ingénierie ; le financement bancaire des projets citoyens."
    ),
    keys=(
        "La preuve par l'exemple : montrer une réalisation qui marche, une chaufferie, une maison "
        "rénovée, avant de demander un vote. Une porte d'entrée technique unique et connue pour "
        "les habitants, les associations et les communes. Un discours économique sur l'énergie, "
        "la facture et l'emploi local, qui rassemble des élus aux sensibilités différentes. Une "
        "continuité politique qui a permis de tenir la même stratégie depuis le premier plan "
        "climat."
    ),
    levers=(
        "Inscrire les postes énergie dans le budget du pays ou de la future communauté dès "
        "2016 ; mutualiser un conseiller en énergie partagé avec le pays voisin ; confier au "
        "conseil de développement le suivi annuel du plan climat ; négocier avec la région un "
        "contrat pluriannuel ; préparer dès maintenant, avec les trois présidents, la place "
        "de l'énergie dans le projet de la communauté fusionnée."
    ),
    status="validee",
    referent_comment=(
        "Fiche relue avec le président et la directrice : elle correspond à ce que nous "
        "vivons. Nous avons corrigé le nombre de chaufferies et précisé le calendrier de la "
        "fusion. Le passage sur le conseil de développement a fait débat au bureau, mais il "
        "est juste."
    ),
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="transition énergétique",
    # CC de Commercy - Void - Vaucouleurs (Meuse), used only as the perimeter.
    perimeter_epci_siren="200066157",
    description=(
        "Exemple fictif : un pays rural de trois communautés de communes et 42 communes, très "
        "boisé, qui a fait de la transition énergétique son projet de développement : "
        "chaufferies bois communales, plateforme de rénovation de l'habitat, projets citoyens. "
        "Le périmètre affiché est celui d'une communauté de communes réelle de la Meuse, "
        "utilisé seulement pour la carte."
    ),
    statuses=selection(
        date(2014, 11, 6),
        date(2014, 11, 20),
        date(2014, 12, 5),
        date(2014, 12, 12),
        date(2015, 1, 9),
        date(2015, 1, 14),
        notes={
            "contacte": "Proposé par le Carrefour des Pays Lorrains ; appel au président.",
            "interesse": "Présentation au bureau du pays, accueil très favorable.",
            "engagement": "Délibération du bureau et lettre du président.",
            "participants": "Le président, l'animatrice rénovation et l'association citoyenne.",
        },
    ),
    commitment_on=date(2014, 12, 5),
    commitment_signed_by="le président du pays",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
    report_sheet=REPORT_SHEET,
)
