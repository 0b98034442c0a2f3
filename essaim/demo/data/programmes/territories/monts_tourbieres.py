"""Communauté des Monts et Tourbières: a small inland communauté of moors and bocage where a
citizen wind cooperative and the hedgerow wood fuel carry the energy transition.

Invented, like every person in it; the perimeter is a real EPCI of the Finistère, used for the
map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    COOPERATION,
    ELECTED,
    ENERGY,
    ENGINEERING,
    FUNDING,
    GOVERNANCE,
    MARCHAIS,
    PARTICIPATION,
    PARTNERS,
    REFORM,
    THEVENOT,
)
from essaim.demo.data.programmes.spec import (
    InterviewSpec,
    PersonSpec,
    QuoteSpec,
    SlotSpec,
    TerritorySpec,
    VisitSpec,
    selection,
)

NAME = "Communauté des Monts et Tourbières"
PLACE = "Salle du conseil communautaire, pôle des services"

REFERENT = PersonSpec(
    "Yannick Le Goff",
    "technicien",
    "chargé de mission développement économique et énergie",
    "yannick.le-goff@example.org",
    "02 61 91 20 34",
)
PARTICIPANTS = (
    PersonSpec(
        "Marie-Annick Quéré",
        "elu",
        "vice-présidente chargée de l'environnement et de l'énergie",
        "marie-annick.quere@example.org",
    ),
    PersonSpec(
        "Erwan Cadiou",
        "technicien",
        "technicien bocage et bois-énergie",
        "erwan.cadiou@example.org",
    ),
    PersonSpec(
        "Soizic Le Bihan",
        "societe_civile",
        "cogérante de la coopérative éolienne citoyenne, membre du conseil de développement",
        "soizic.le-bihan@example.org",
    ),
)

VISIT = VisitSpec(
    start=date(2015, 2, 16),
    end=date(2015, 2, 17),
    place=PLACE,
    experts=(MARCHAIS, THEVENOT),
    debrief_on=datetime(2015, 2, 16, 18, 30),
    debrief_notes=(
        "Petite communauté, petite équipe, mais une culture du projet collectif ancienne : la "
        "coopérative éolienne citoyenne est née ici d'un refus, pas d'un appel à projets.\n"
        "La filière bois bocager relie agriculteurs, communes et énergie : exemple rare de "
        "coopération concrète.\n"
        "Fragilité : cinq agents pour tout faire, le chargé de mission énergie est seul.\n"
        "Les élus sont divisés sur la fusion avec la communauté voisine, plus urbaine : peur "
        "d'être absorbés.\n"
        "Le lien avec la région passe par le contrat de pays ; les élus le jugent lointain.\n"
        "La salle a surtout réagi sur la fusion ; les habitants présents veulent être associés "
        "au futur projet de territoire."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 2, 16, 9, 30),
            datetime(2015, 2, 16, 10, 30),
            "entretien",
            "Entretien avec le président",
            "Le président de la communauté",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 16, 10, 45),
            datetime(2015, 2, 16, 12, 0),
            "entretien",
            "Entretien avec le chargé de mission énergie",
            "Yannick Le Goff",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 16, 14, 0),
            datetime(2015, 2, 16, 15, 30),
            "reunion",
            "Réunion avec la coopérative éolienne et le conseil de développement",
            "Cogérants de la coopérative, membres du conseil de développement",
            "societe_civile",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 16, 16, 0),
            datetime(2015, 2, 16, 17, 0),
            "entretien",
            "Entretien avec un maire délégué",
            "Maire d'une commune de 400 habitants, délégué communautaire",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 16, 18, 30),
            datetime(2015, 2, 16, 20, 0),
            "restitution",
            "Restitution à chaud",
            "Élus, agents et habitants rencontrés dans la journée",
            "mixte",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 17, 9, 0),
            datetime(2015, 2, 17, 10, 30),
            "reunion",
            "Réunion avec les agriculteurs de la filière bois bocager",
            "Quatre agriculteurs, le technicien bocage, la chambre d'agriculture",
            "mixte",
            "Hangar de la plateforme bois, zone d'activités",
        ),
        SlotSpec(
            datetime(2015, 2, 17, 11, 0),
            datetime(2015, 2, 17, 12, 0),
            "entretien",
            "Entretien avec la vice-présidente à l'environnement",
            "Marie-Annick Quéré",
            "elu",
            PLACE,
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec le chargé de mission énergie",
        interviewee=REFERENT,
        notes=(
            "Seul chargé de mission sur l'énergie et le développement économique, dans une "
            "équipe de cinq agents. Il suit la filière bois bocager, le plan de rénovation des "
            "bâtiments communaux et l'appui à la coopérative éolienne. Son poste est financé à "
            "moitié par la région dans le cadre du contrat de pays, jusqu'en 2016. Il travaille "
            "beaucoup avec le technicien bocage, rattaché au syndicat de bassin. Pas de "
            "directeur général des services à plein temps : il fait aussi de la préparation "
            "de conseil. Il voudrait mutualiser avec la communauté voisine un service énergie, "
            "mais la question est devenue politique avec le projet de fusion. Les appels à "
            "projets lui prennent un temps considérable pour des montants modestes."
        ),
        themes=(ENGINEERING, ENERGY, FUNDING, REFORM),
        quotes=(
            QuoteSpec(
                "Je suis à la fois l'ingénierie énergie, l'économie et parfois le secrétariat "
                "du conseil : on ne peut pas tout porter à cinq agents.",
                (ENGINEERING,),
            ),
            QuoteSpec(
                "Mutualiser un service énergie avec nos voisins aurait du sens, mais depuis "
                "qu'on parle de fusion, plus personne n'ose proposer quoi que ce soit.",
                (COOPERATION, REFORM, ENGINEERING),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec la coopérative éolienne et le conseil de développement",
        interviewee=None,
        group_description=(
            "Deux cogérantes de la coopérative éolienne citoyenne, quatre membres du conseil "
            "de développement (association de randonneurs, école de musique, commerçante, "
            "agriculteur retraité)."
        ),
        notes=(
            "La coopérative est née en 2006 de l'opposition à un projet éolien privé : les "
            "habitants ont repris l'idée à leur compte. Quatre éoliennes, plus de 800 "
            "sociétaires, dont la communauté et deux communes. Les bénéfices financent un "
            "fonds local pour les économies d'énergie. Le conseil de développement, commun au "
            "pays, se sent loin des décisions de la communauté mais reconnaît que les élus "
            "l'écoutent sur l'énergie. Débat sur la fusion : crainte que la ville voisine "
            "impose ses priorités et que le lien de proximité avec les habitants se perde. "
            "Demande forte d'un projet de territoire construit avec la population avant la "
            "fusion. Beaucoup d'humour et de fierté dans la salle."
        ),
        themes=(PARTICIPATION, ENERGY, REFORM, GOVERNANCE),
        quotes=(
            QuoteSpec(
                "L'éolien, ici, ce n'est pas un promoteur, ce sont huit cents habitants qui "
                "ont mis leurs économies dans le vent du pays.",
                (ENERGY, PARTICIPATION),
            ),
            QuoteSpec(
                "Avant de fusionner les communautés, qu'on nous demande ce qu'on veut faire "
                "ensemble.",
                (REFORM, PARTICIPATION),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec un maire délégué",
        interviewee=PersonSpec(
            "Alain Kerhervé", "elu", "maire d'une commune de 400 habitants, délégué communautaire"
        ),
        pseudonym="Élu A",
        notes=(
            "Maire depuis 2014, premier mandat, agriculteur. Franc et critique. Il trouve la "
            "stratégie énergie « sympathique » mais éloignée des soucis des petites communes : "
            "la voirie, l'école, le médecin. Il reconnaît que la chaufferie bois de sa commune "
            "a fait baisser la facture. Les élus des petites communes se sentent peu associés "
            "aux choix du bureau, où les mêmes décident depuis longtemps. Il est opposé à la "
            "fusion avec la communauté voisine, qu'il juge trop urbaine, mais pense qu'elle "
            "se fera quand même. Sur la région, il n'en attend rien de précis. Témoignage "
            "utile sur la mobilisation des élus au-delà du noyau porteur."
        ),
        themes=(ELECTED, GOVERNANCE, REFORM, ENERGY),
        quotes=(
            QuoteSpec(
                "L'énergie, c'est bien, mais dans ma commune on me parle d'abord du médecin et "
                "de l'école.",
                (ELECTED, ENERGY),
            ),
            QuoteSpec(
                "Au bureau, ce sont toujours les mêmes qui décident ; nous, les petites "
                "communes, on vote ce qui est prêt.",
                (GOVERNANCE, ELECTED),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec les agriculteurs de la filière bois bocager",
        interviewee=None,
        group_description=(
            "Quatre agriculteurs fournisseurs de bois bocager, le technicien bocage du syndicat "
            "de bassin, une conseillère de la chambre d'agriculture."
        ),
        notes=(
            "Visite de la plateforme de séchage du bois déchiqueté. Une vingtaine "
            "d'agriculteurs entretiennent leurs haies selon un plan de gestion et vendent le "
            "bois aux chaufferies des communes, à un prix fixé chaque année en commission. La "
            "coopération entre la communauté, le syndicat de bassin et la chambre "
            "d'agriculture fonctionne parce qu'un technicien fait le lien au quotidien. Les "
            "agriculteurs demandent des débouchés plus sûrs : davantage de chaufferies, un "
            "engagement sur dix ans. Ils voient la filière comme un revenu d'appoint et une "
            "reconnaissance de leur rôle dans le paysage. Inquiétude sur le financement du "
            "poste de technicien bocage par les programmes de bassin."
        ),
        themes=(COOPERATION, ENERGY, FUNDING, PARTNERS),
        quotes=(
            QuoteSpec(
                "La haie, avant, c'était une corvée ; maintenant c'est du bois qui chauffe "
                "l'école du bourg.",
                (ENERGY,),
            ),
            QuoteSpec(
                "Tout tient parce qu'Erwan passe dans les fermes ; si son poste saute, la "
                "filière s'arrête.",
                (ENGINEERING, COOPERATION),
            ),
        ),
    ),
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="transition énergétique",
    # CC Monts d'Arrée Communauté (Finistère), used only as the perimeter.
    perimeter_epci_siren="200067197",
    description=(
        "Exemple fictif : une communauté de communes de l'intérieur breton, de landes et de "
        "bocage, où une coopérative éolienne citoyenne et une filière de bois bocager portent "
        "la transition énergétique, avec une équipe de cinq agents. Le périmètre affiché est "
        "celui d'une communauté de communes réelle du Finistère, utilisé seulement pour la "
        "carte."
    ),
    statuses=selection(
        date(2014, 11, 10),
        date(2014, 11, 27),
        date(2014, 12, 15),
        date(2014, 12, 15),
        date(2015, 1, 12),
        date(2015, 1, 16),
        notes={
            "contacte": "Repéré par l'UNADEL pour la coopérative éolienne citoyenne.",
            "engagement": "Lettre du président, référent désigné dans le même courrier.",
        },
    ),
    commitment_on=date(2014, 12, 15),
    commitment_signed_by="le président de la communauté de communes",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
)
