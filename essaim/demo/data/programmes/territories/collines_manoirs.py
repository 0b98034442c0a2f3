"""Pays des Collines et Manoirs: a communauté of hills, manors and horse farms that bet on slow
tourism and a new intercommunal tourist office, one year after the municipal elections.

Invented, like every person in it; the perimeter is a real EPCI of the Orne, used for the map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    COOPERATION,
    ELECTED,
    ENGINEERING,
    FERHAT,
    FUNDING,
    GOVERNANCE,
    LESTRADE,
    PARTICIPATION,
    PARTNERS,
    REFORM,
    TOURISM,
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

NAME = "Pays des Collines et Manoirs"
PLACE = "Salle du conseil communautaire, maison des services"

REFERENT = PersonSpec(
    "Camille Hébert",
    "technicien",
    "chargée de mission tourisme et développement",
    "camille.hebert@example.org",
    "02 61 91 30 47",
)
VICE_PRESIDENT = PersonSpec(
    "Jean-Pierre Lecornu",
    "elu",
    "vice-président chargé du tourisme",
    "jean-pierre.lecornu@example.org",
)
PARTICIPANTS = (
    VICE_PRESIDENT,
    PersonSpec(
        "Aurélie Duval",
        "technicien",
        "directrice de l'office de tourisme intercommunal",
        "aurelie.duval@example.org",
    ),
    PersonSpec(
        "François Besnard",
        "societe_civile",
        "président de l'association des hébergeurs, propriétaire de chambres d'hôtes",
        "francois.besnard@example.org",
    ),
)

VISIT = VisitSpec(
    start=date(2015, 2, 24),
    end=date(2015, 2, 24),
    place=PLACE,
    experts=(LESTRADE, FERHAT),
    debrief_on=datetime(2015, 2, 24, 17, 45),
    debrief_notes=(
        "Une stratégie de tourisme « lent » cohérente avec le territoire : randonnée, "
        "équitation, manoirs ouverts, produits fermiers.\n"
        "L'office de tourisme intercommunal, créé en 2014, a absorbé trois syndicats "
        "d'initiative : la greffe n'a pas encore pris dans toutes les communes.\n"
        "Les hébergeurs sont organisés et demandeurs ; ils veulent être associés aux choix, "
        "pas seulement consultés.\n"
        "L'ingénierie tourisme tient à deux personnes ; la communauté n'a pas d'agent de "
        "développement économique.\n"
        "Peu de lien avec les territoires voisins qui partagent pourtant les mêmes chemins et "
        "la même clientèle parisienne.\n"
        "Le vice-président est moteur ; les autres élus suivent de loin, la compétence "
        "tourisme reste perçue comme un « plus »."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 2, 24, 8, 45),
            datetime(2015, 2, 24, 9, 45),
            "entretien",
            "Entretien avec le vice-président au tourisme",
            "Jean-Pierre Lecornu",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 24, 10, 0),
            datetime(2015, 2, 24, 11, 0),
            "entretien",
            "Entretien avec la directrice de l'office de tourisme",
            "Aurélie Duval",
            "technicien",
            "Office de tourisme intercommunal",
        ),
        SlotSpec(
            datetime(2015, 2, 24, 11, 15),
            datetime(2015, 2, 24, 12, 15),
            "entretien",
            "Entretien avec la chargée de mission tourisme",
            "Camille Hébert",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 24, 13, 45),
            datetime(2015, 2, 24, 15, 15),
            "reunion",
            "Réunion avec les hébergeurs et les prestataires",
            "Hébergeurs, centre équestre, producteurs en vente directe, guide de randonnée",
            "societe_civile",
            "Chambres d'hôtes du manoir, salle commune",
        ),
        SlotSpec(
            datetime(2015, 2, 24, 15, 30),
            datetime(2015, 2, 24, 16, 30),
            "entretien",
            "Entretien avec le maire du bourg-centre",
            "Maire du bourg-centre, ancien président du syndicat d'initiative",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 24, 16, 30),
            datetime(2015, 2, 24, 17, 30),
            "entretien",
            "Entretien avec le directeur général des services",
            "Directeur général des services de la communauté",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 2, 24, 17, 45),
            datetime(2015, 2, 24, 19, 0),
            "restitution",
            "Restitution à chaud",
            "Élus, techniciens et prestataires rencontrés dans la journée",
            "mixte",
            PLACE,
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec le vice-président au tourisme",
        interviewee=VICE_PRESIDENT,
        notes=(
            "Vice-président depuis avril 2014, ancien agriculteur reconverti dans l'accueil à "
            "la ferme. Il a porté la création de l'office de tourisme intercommunal contre "
            "l'avis de deux maires attachés à leur syndicat d'initiative. Sa stratégie : un "
            "tourisme de séjour, à pied, à cheval, à vélo, qui fait vivre les hébergeurs et "
            "les producteurs plutôt qu'un grand équipement. Il dit manquer de relais parmi "
            "les élus : la plupart voient le tourisme comme une compétence secondaire. Il "
            "attend de la loi NOTRe qu'elle clarifie la promotion touristique au niveau "
            "intercommunal. Sur le financement, il s'appuie sur le programme LEADER du pays "
            "et sur la région, mais juge les dossiers trop lourds pour une petite équipe."
        ),
        themes=(TOURISM, ELECTED, REFORM, FUNDING),
        quotes=(
            QuoteSpec(
                "Nous ne ferons pas venir les foules ; nous voulons des gens qui restent trois "
                "nuits et achètent leur fromage à la ferme.",
                (TOURISM,),
            ),
            QuoteSpec(
                "Autour de la table du conseil, le tourisme passe après la voirie et les "
                "écoles ; il faut sans cesse convaincre les élus que c'est de l'économie.",
                (ELECTED, TOURISM),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec la directrice de l'office de tourisme",
        interviewee=PARTICIPANTS[1],
        notes=(
            "Directrice recrutée à la création de l'office, en janvier 2014, venue d'un office "
            "de station balnéaire. Trois salariées et deux saisonnières. Elle a dû réunir trois "
            "anciens syndicats d'initiative, avec leurs bénévoles, leurs habitudes et leurs "
            "brochures. Les bénévoles se sont sentis dépossédés ; deux points d'accueil ont été "
            "maintenus pour apaiser. Elle travaille bien avec la chargée de mission tourisme "
            "de la communauté, mais les rôles ne sont pas écrits : qui fait la stratégie, qui "
            "fait la promotion ? Elle souhaite coopérer avec les offices voisins pour la "
            "randonnée et la clientèle d'Île-de-France, sans cadre pour le faire."
        ),
        themes=(TOURISM, ENGINEERING, COOPERATION, PARTICIPATION),
        quotes=(
            QuoteSpec(
                "Entre la communauté et l'office, on s'entend bien, mais personne n'a écrit "
                "qui fait quoi : ça tient aux personnes.",
                (ENGINEERING, GOVERNANCE),
            ),
            QuoteSpec(
                "Nos randonneurs ne s'arrêtent pas à la limite de la communauté ; il faudrait "
                "coopérer avec les offices voisins au lieu de faire chacun sa carte.",
                (COOPERATION, TOURISM),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec les hébergeurs et les prestataires",
        interviewee=None,
        group_description=(
            "Douze prestataires : cinq propriétaires de chambres d'hôtes et de gîtes, la "
            "gérante d'un centre équestre, deux producteurs en vente directe, un guide de "
            "randonnée, le gérant d'un hôtel-restaurant, deux bénévoles d'un ancien syndicat "
            "d'initiative."
        ),
        notes=(
            "Réunion chez le président de l'association des hébergeurs. Les prestataires se "
            "sont organisés en association en 2012 pour peser face aux élus ; ils ont créé un "
            "panier de produits locaux offert aux clients. Ils saluent le travail de l'office "
            "mais regrettent de ne pas être associés à sa gouvernance : le conseil "
            "d'exploitation ne compte que des élus. Demandes : de la signalétique, des boucles "
            "de randonnée entretenues, une place dans les décisions. Tension entre anciens "
            "bénévoles et nouvelle équipe salariée. Les habitants eux-mêmes connaissent mal "
            "l'offre touristique ; idée d'un « éductour » pour les habitants. Clientèle très "
            "parisienne, saisonnalité marquée de mai à septembre."
        ),
        themes=(PARTICIPATION, TOURISM, GOVERNANCE),
        quotes=(
            QuoteSpec(
                "On accueille les touristes toute l'année, mais au conseil de l'office il n'y "
                "a que des élus : les professionnels, on les consulte quand la brochure est "
                "déjà imprimée.",
                (PARTICIPATION, GOVERNANCE, TOURISM),
            ),
            QuoteSpec(
                "Les premiers ambassadeurs du territoire, ce sont les habitants, et ils ne "
                "connaissent même pas nos chemins de randonnée.",
                (PARTICIPATION, TOURISM),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec le directeur général des services",
        interviewee=PersonSpec(
            "Philippe Lemarchand", "technicien", "directeur général des services"
        ),
        notes=(
            "Directeur général des services depuis 2010. Équipe de quatorze agents dont deux "
            "seulement sur des missions de développement : la chargée de mission tourisme et "
            "une animatrice du contrat enfance-jeunesse. Le reste, ce sont les services "
            "techniques, les déchets, l'administration. Il juge l'ingénierie de développement "
            "insuffisante et dépendante du pays pour les fonds européens et les dossiers "
            "régionaux. La fusion avec une ou deux communautés voisines est probable en 2017 ; "
            "il y voit une chance d'atteindre une taille critique pour recruter un agent de "
            "développement économique, mais craint deux ans de réorganisation pendant "
            "lesquels les projets s'arrêteront. Il plaide pour une coopération renforcée avec "
            "le pays plutôt que des recrutements isolés."
        ),
        themes=(ENGINEERING, REFORM, COOPERATION, PARTNERS),
        quotes=(
            QuoteSpec(
                "Sur quatorze agents, deux font du développement ; pour le reste, c'est le pays "
                "qui porte l'ingénierie des dossiers.",
                (ENGINEERING, PARTNERS),
            ),
            QuoteSpec(
                "La fusion nous donnera peut-être la taille pour recruter, mais on va perdre "
                "deux ans à réorganiser les services.",
                (REFORM, ENGINEERING),
            ),
        ),
    ),
)

REPORT_SHEET = ReportSheetSpec(
    context=(
        "Une communauté de communes rurale de collines bocagères, de manoirs et d'élevages "
        "équins, environ 11 000 habitants en 12 communes autour d'un bourg-centre. À deux "
        "heures de Paris, le territoire accueille de nombreuses résidences secondaires. La "
        "compétence tourisme est intercommunale depuis 2014, avec la création d'un office de "
        "tourisme qui a remplacé trois syndicats d'initiative. Une fusion avec les communautés "
        "voisines est envisagée au 1er janvier 2017."
    ),
    strategy=(
        "La stratégie vise un tourisme de séjour, lent et diffus : randonnée pédestre et "
        "équestre, vélo, ouverture des manoirs, accueil à la ferme et produits fermiers. Elle "
        "renonce aux grands équipements et mise sur les hébergeurs et les producteurs. Elle "
        "est portée par le vice-président au tourisme, mais n'est pas encore écrite dans un "
        "document voté : elle existe surtout dans les actions de l'office."
    ),
    governance=(
        "Le vice-président au tourisme et la directrice de l'office forment le cœur de la "
        "décision ; le bureau valide, le conseil communautaire n'a jamais débattu de la "
        "stratégie. Le conseil d'exploitation de l'office ne compte que des élus. Les "
        "professionnels, pourtant organisés en association depuis 2012, ne sont pas associés "
        "formellement. Le partage des rôles entre la communauté, chargée de la stratégie, et "
        "l'office, chargé de la promotion et de l'accueil, n'est écrit nulle part et tient à la "
        "bonne entente des personnes."
    ),
    cooperation=(
        "Coopération étroite avec le pays, qui monte les dossiers du programme LEADER et les "
        "demandes à la région et joue le rôle d'ingénierie mutualisée. Peu de coopération avec "
        "les offices et communautés voisins, alors que les itinéraires de randonnée, les manoirs "
        "et la clientèle d'Île-de-France sont partagés : chacun édite sa carte et sa brochure. "
        "Les relations avec les anciens syndicats d'initiative restent tendues dans deux "
        "communes, qui ont gardé un point d'accueil."
    ),
    engineering=(
        "Deux personnes portent le tourisme : la chargée de mission de la communauté et la "
        "directrice de l'office, entourée de trois salariées et de deux saisonnières. Sur "
        "quatorze agents, la communauté n'en compte que deux sur des missions de développement et "
        "aucun agent de développement économique. Les fonds européens et régionaux sont montés "
        "avec l'appui du pays. L'ingénierie est compétente et motivée mais mince ; les rôles "
        "tiennent aux personnes, ce qui la rend vulnérable à un départ."
    ),
    participation=(
        "Les prestataires sont organisés et actifs : association des hébergeurs, panier de "
        "produits locaux, accueil de qualité. Ils restent tenus à l'écart de la gouvernance de "
        "l'office. Les anciens bénévoles des syndicats d'initiative se sont sentis dépossédés par "
        "la création de l'office intercommunal. Les habitants connaissent mal l'offre touristique "
        "de leur propre territoire, alors qu'ils en sont les premiers ambassadeurs ; l'idée d'un "
        "éductour pour les habitants est née pendant la visite. Pas de conseil de développement "
        "propre à la communauté."
    ),
    strengths=(
        "Une stratégie cohérente avec l'identité du territoire, qui ne cherche pas à copier les "
        "stations ; un élu moteur, issu de l'accueil à la ferme ; un office de tourisme "
        "intercommunal récent, à la bonne échelle, dirigé par une professionnelle ; des "
        "prestataires organisés qui ont déjà créé des produits communs ; un bon appui du pays "
        "pour les financements ; une clientèle fidèle à deux heures de Paris."
    ),
    difficulties=(
        "Une stratégie non écrite et peu partagée par l'ensemble des élus, qui voient le tourisme "
        "comme une compétence secondaire ; une ingénierie réduite à deux personnes ; une "
        "gouvernance de l'office fermée aux professionnels ; des tensions héritées des syndicats "
        "d'initiative ; une saisonnalité marquée de mai à septembre ; l'incertitude de la fusion "
        "de 2017, qui risque de geler les projets pendant la réorganisation des services."
    ),
    keys=(
        "Un choix clair de tourisme lent, qui fait des habitants, des hébergeurs et des "
        "producteurs les acteurs de l'accueil plutôt que d'attendre un grand équipement. La "
        "création d'un office intercommunal qui donne une taille suffisante pour "
        "professionnaliser l'accueil et la promotion. Un élu qui connaît le métier de l'accueil "
        "et parle le langage des prestataires. Un appui du pays qui compense la petite taille de "
        "l'équipe."
    ),
    levers=(
        "Écrire et faire voter une stratégie touristique courte, débattue en conseil "
        "communautaire ; ouvrir le conseil d'exploitation de l'office aux professionnels ; écrire "
        "le partage des rôles entre la communauté et l'office ; engager une coopération avec les "
        "offices voisins sur la randonnée et la promotion commune ; associer les anciens "
        "bénévoles comme ambassadeurs ; organiser un éductour pour les habitants ; préparer la "
        "place du tourisme dans le projet de la future communauté."
    ),
    status="envoyee",
    referent_comment=(
        "Merci pour cette fiche. Le vice-président souhaite nuancer le passage sur les "
        "élus : plusieurs maires soutiennent la stratégie. Le conseil d'exploitation "
        "accueillera deux professionnels à partir de septembre."
    ),
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="tourisme durable",
    # CC Coeur du Perche (Orne), used only as the perimeter.
    perimeter_epci_siren="200068435",
    description=(
        "Exemple fictif : une communauté de communes de collines bocagères, de manoirs et "
        "d'élevages de chevaux, qui mise sur un tourisme lent de randonnée et d'accueil à la "
        "ferme avec un office de tourisme intercommunal créé en 2014. Le périmètre affiché est "
        "celui d'une communauté de communes réelle de l'Orne, utilisé seulement pour la carte."
    ),
    statuses=selection(
        date(2014, 11, 13),
        date(2014, 12, 1),
        date(2014, 12, 19),
        date(2015, 1, 6),
        date(2015, 1, 15),
        date(2015, 1, 20),
        notes={
            "contacte": "Proposé par le Collectif Ville-Campagne.",
            "interesse": "Intérêt du vice-président au tourisme ; accord du président à venir.",
            "engagement": "Lettre du président après débat en bureau.",
        },
    ),
    commitment_on=date(2014, 12, 19),
    commitment_signed_by="le président de la communauté de communes",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
    report_sheet=REPORT_SHEET,
)
