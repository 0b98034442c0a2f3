"""Communauté des Plateaux d'Estive: a high plateau of summer pastures, drove roads and cross-
country skiing that builds a four-season tourism with its farmers and the walkers of a long-
distance path.

Invented, like every person in it; the perimeter is a real EPCI of the Aveyron, used for the
map.
"""

from datetime import date, datetime

from essaim.demo.data.programmes.programme import (
    ARNAUD_ROCHE,
    COOPERATION,
    ELECTED,
    ENGINEERING,
    FUNDING,
    GOVERNANCE,
    MARCHAIS,
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

NAME = "Communauté des Plateaux d'Estive"
PLACE = "Salle du conseil communautaire, maison du plateau"

REFERENT = PersonSpec(
    "Julie Vergnes",
    "technicien",
    "chargée de mission tourisme et patrimoine",
    "julie.vergnes@example.org",
    "05 36 49 70 25",
)
VICE_PRESIDENT = PersonSpec(
    "André Bousquet",
    "elu",
    "vice-président chargé du tourisme, éleveur",
    "andre.bousquet@example.org",
)
PARTICIPANTS = (
    VICE_PRESIDENT,
    PersonSpec(
        "Céline Rouquette",
        "technicien",
        "directrice de l'office de tourisme",
        "celine.rouquette@example.org",
    ),
    PersonSpec(
        "Marc Falguières",
        "societe_civile",
        "accompagnateur en montagne, président de l'association des professionnels du tourisme",
        "marc.falguieres@example.org",
    ),
)

VISIT = VisitSpec(
    start=date(2015, 3, 12),
    end=date(2015, 3, 13),
    place=PLACE,
    experts=(MARCHAIS, ARNAUD_ROCHE),
    debrief_on=datetime(2015, 3, 12, 18, 30),
    debrief_notes=(
        "Un territoire où le tourisme durable est né de l'agriculture : estives, fête de la "
        "transhumance, vente directe, buronniers.\n"
        "La stratégie « quatre saisons » est ancienne et partagée ; elle est portée par un "
        "vice-président éleveur, ce qui la rend crédible auprès des agriculteurs.\n"
        "Coopération exemplaire avec les communautés voisines du plateau, dans une "
        "association de développement qui précède les intercommunalités.\n"
        "Tension : la fréquentation du chemin de grande randonnée explose, les hébergements "
        "saturent en mai-juin et les villages se plaignent.\n"
        "Ingénierie fragile : l'association du plateau vit de financements européens.\n"
        "La salle a insisté sur la crainte de voir le plateau coupé en deux par les nouveaux "
        "périmètres intercommunaux."
    ),
    slots=(
        SlotSpec(
            datetime(2015, 3, 12, 9, 30),
            datetime(2015, 3, 12, 10, 30),
            "entretien",
            "Entretien avec le vice-président au tourisme",
            "André Bousquet",
            "elu",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 12, 10, 45),
            datetime(2015, 3, 12, 12, 0),
            "entretien",
            "Entretien avec l'équipe tourisme",
            "Julie Vergnes, Céline Rouquette",
            "technicien",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 12, 14, 0),
            datetime(2015, 3, 12, 15, 30),
            "reunion",
            "Réunion avec l'association de développement du plateau",
            "Président et animatrice de l'association, élus des communautés voisines",
            "mixte",
            "Maison du plateau, salle d'exposition",
        ),
        SlotSpec(
            datetime(2015, 3, 12, 16, 0),
            datetime(2015, 3, 12, 17, 30),
            "reunion",
            "Réunion avec les professionnels du tourisme",
            "Accompagnateurs, gîtes d'étape, restaurateurs, loueur de matériel nordique",
            "societe_civile",
            "Gîte d'étape du village",
        ),
        SlotSpec(
            datetime(2015, 3, 12, 18, 30),
            datetime(2015, 3, 12, 20, 0),
            "restitution",
            "Restitution à chaud",
            "Élus, techniciens et professionnels rencontrés dans la journée",
            "mixte",
            PLACE,
        ),
        SlotSpec(
            datetime(2015, 3, 13, 9, 0),
            datetime(2015, 3, 13, 10, 0),
            "entretien",
            "Entretien avec une productrice en vente directe",
            "Productrice de fromage fermier",
            "societe_civile",
            "Ferme et buron de la productrice",
        ),
        SlotSpec(
            datetime(2015, 3, 13, 10, 30),
            datetime(2015, 3, 13, 11, 30),
            "entretien",
            "Entretien avec le maire d'un village-étape",
            "Maire d'une commune traversée par le chemin de grande randonnée",
            "elu",
            "Mairie du village-étape",
        ),
        SlotSpec(
            datetime(2015, 3, 13, 11, 45),
            datetime(2015, 3, 13, 12, 45),
            "entretien",
            "Entretien avec le président",
            "Le président de la communauté",
            "elu",
            PLACE,
        ),
    ),
)

INTERVIEWS = (
    InterviewSpec(
        slot="Entretien avec le vice-président au tourisme",
        interviewee=VICE_PRESIDENT,
        notes=(
            "Éleveur de vaches sur le plateau, élu depuis 2001, vice-président au tourisme "
            "depuis 2008. Pour lui, le tourisme durable est la suite logique de l'agriculture "
            "de montagne : la fête de la transhumance, les burons ouverts, la vente directe "
            "font venir des visiteurs qui respectent le pays. Il défend une stratégie « quatre "
            "saisons » : ski nordique l'hiver, randonnée et fleurs au printemps, estives "
            "l'été, champignons et brame à l'automne. Il constate que la fréquentation du "
            "chemin de grande randonnée dépasse les capacités d'accueil. Sur la réforme, il "
            "craint que le plateau soit partagé entre deux grandes communautés. Il compte "
            "sur l'association du plateau pour garder la coopération."
        ),
        themes=(TOURISM, ELECTED, REFORM, COOPERATION),
        quotes=(
            QuoteSpec(
                "Le tourisme durable, ici, c'est d'abord l'agriculture : sans vaches sur "
                "l'estive, il n'y a plus de paysage à montrer.",
                (TOURISM,),
            ),
            QuoteSpec(
                "Le plateau est un seul pays ; si la réforme le coupe en deux communautés, on "
                "aura perdu trente ans de coopération.",
                (REFORM, COOPERATION),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec l'association de développement du plateau",
        interviewee=None,
        group_description=(
            "Le président et l'animatrice de l'association de développement du plateau, deux "
            "vice-présidents de communautés voisines, un conseiller départemental."
        ),
        notes=(
            "L'association, créée en 1985, réunit trois communautés de communes et une "
            "trentaine d'acteurs du plateau. Elle porte le programme LEADER, l'animation du "
            "ski nordique et la promotion commune. C'est le lieu de la coopération entre "
            "communautés : un projet décidé ici est repris par les trois conseils. Force : la "
            "confiance entre élus, construite dans le temps. Faiblesse : l'association vit de "
            "fonds européens et de subventions ; son animatrice est sur un poste financé "
            "jusqu'en 2016. Le département soutient, la région est jugée lointaine. La "
            "fusion des régions et des communautés fait craindre une disparition de ce lieu "
            "de coopération informel mais efficace."
        ),
        themes=(COOPERATION, GOVERNANCE, FUNDING, PARTNERS, REFORM),
        quotes=(
            QuoteSpec(
                "Ce qui se décide à l'association du plateau, les trois communautés le votent "
                "ensuite : c'est notre vraie instance de coopération.",
                (COOPERATION, GOVERNANCE),
            ),
            QuoteSpec(
                "Notre animatrice vit sur des fonds européens : le jour où ils s'arrêtent, la "
                "coopération s'arrête avec.",
                (FUNDING, ENGINEERING, COOPERATION),
            ),
        ),
    ),
    InterviewSpec(
        slot="Réunion avec les professionnels du tourisme",
        interviewee=None,
        group_description=(
            "Onze professionnels : trois accompagnateurs en montagne, quatre gérants de gîtes "
            "d'étape, deux restaurateurs, un loueur de matériel de ski nordique, une "
            "animatrice nature."
        ),
        notes=(
            "L'association des professionnels, 60 membres, est très active : calendrier "
            "commun, formation à l'accueil, promotion de la randonnée hors saison. Le chemin "
            "de grande randonnée fait vivre les gîtes d'étape mais crée des tensions : "
            "saturation au printemps, randonneurs qui réservent partout et annulent, "
            "stationnements sauvages. Les professionnels veulent être associés à une "
            "régulation de la fréquentation. L'hiver dépend de l'enneigement, de plus en plus "
            "irrégulier : ils demandent des activités de repli. Relations bonnes avec "
            "l'office, plus distantes avec les élus des petites communes. Ils plaident pour "
            "que les habitants profitent du tourisme (commerces ouverts, emplois à l'année)."
        ),
        themes=(TOURISM, PARTICIPATION, GOVERNANCE),
        quotes=(
            QuoteSpec(
                "En mai, on refuse du monde tous les jours ; en novembre, on ferme : le "
                "tourisme durable, c'est d'abord mieux répartir les visiteurs.",
                (TOURISM,),
            ),
            QuoteSpec(
                "Qu'on nous associe aux décisions sur la fréquentation, c'est nous qui "
                "accueillons les randonneurs tous les soirs.",
                (PARTICIPATION, GOVERNANCE, TOURISM),
            ),
        ),
    ),
    InterviewSpec(
        slot="Entretien avec le maire d'un village-étape",
        interviewee=PersonSpec(
            "Jean-Louis Cayla", "elu", "maire d'un village-étape de 180 habitants"
        ),
        notes=(
            "Maire depuis 2014, premier mandat, retraité de l'enseignement. Son village "
            "voit passer plus de 15 000 randonneurs par an sur le chemin. Retombées réelles "
            "(un gîte, une épicerie rouverte) mais charges pour la commune : toilettes, "
            "eau, déchets, stationnement, sans recettes. Il a le sentiment que la stratégie "
            "touristique se décide à la communauté et à l'association du plateau sans les "
            "petites communes. Il demande une taxe de séjour mieux répartie et un appui de "
            "l'ingénierie intercommunale pour aménager. Il reconnaît l'utilité de la "
            "communauté mais regrette d'avoir appris le programme de l'année par la presse."
        ),
        themes=(ELECTED, TOURISM, FUNDING, GOVERNANCE),
        quotes=(
            QuoteSpec(
                "Les randonneurs, c'est bien pour l'épicerie ; mais les toilettes et les "
                "poubelles, c'est la commune qui paie.",
                (TOURISM, FUNDING),
            ),
            QuoteSpec(
                "J'ai appris le programme touristique de l'année en lisant le journal ; les "
                "petites communes ne sont pas dans la boucle.",
                (ELECTED, GOVERNANCE),
            ),
        ),
    ),
)

REPORT_SHEET = ReportSheetSpec(
    context=(
        "Un haut plateau d'élevage et d'estives, une vingtaine de communes et environ 10 000 "
        "habitants, traversé par un chemin de grande randonnée très fréquenté. Le territoire "
        "vit de l'agriculture de montagne, du tourisme de nature et du ski nordique. Trois "
        "communautés de communes se partagent le plateau et coopèrent depuis 1985 au sein "
        "d'une association de développement. Les nouveaux périmètres de la loi NOTRe "
        "pourraient séparer ces communautés."
    ),
    strategy=(
        "Une stratégie de tourisme durable « quatre saisons », ancienne et partagée, qui "
        "prolonge l'agriculture : transhumance, burons, vente directe, randonnée, ski "
        "nordique. Elle cherche à étaler la fréquentation, à faire profiter les habitants du "
        "tourisme et à réguler le chemin de grande randonnée. Elle est écrite dans la charte "
        "de l'association du plateau et reprise par les trois communautés."
    ),
    governance=(
        "La décision se prend de fait à l'association du plateau, puis dans les trois conseils "
        "communautaires, qui reprennent ce qui y a été décidé. Un vice-président éleveur, "
        "crédible auprès des agriculteurs, porte la stratégie touristique depuis 2008. Les maires "
        "des petites communes traversées par le chemin se sentent tenus à l'écart et découvrent "
        "le programme dans la presse. Les professionnels du tourisme sont organisés mais peu "
        "associés aux décisions sur la fréquentation. Pas de conseil de développement propre à la "
        "communauté."
    ),
    cooperation=(
        "Le point fort du territoire : trente ans de coopération entre trois communautés dans une "
        "association de développement, avec une vraie confiance entre élus et des projets communs "
        "(programme LEADER, ski nordique, promotion). Bonne coopération avec le département et "
        "les chambres consulaires, et entre l'office, l'association des professionnels et les "
        "agriculteurs. Lien plus lointain avec la région, que la fusion des régions rend "
        "incertain. La réforme intercommunale pourrait séparer les communautés qui coopèrent "
        "aujourd'hui."
    ),
    engineering=(
        "Une chargée de mission tourisme et patrimoine à la communauté, une directrice d'office "
        "et son équipe, une animatrice à l'association du plateau. L'ingénierie est répartie et "
        "complémentaire, chacun connaît son rôle. Mais le poste de l'animatrice de l'association "
        "dépend des fonds européens jusqu'en 2016, et personne n'est chargé d'accompagner les "
        "petites communes dans l'aménagement des villages-étapes : toilettes, eau, stationnement, "
        "déchets."
    ),
    participation=(
        "Une association de professionnels très active, soixante membres, avec un calendrier "
        "commun et des formations à l'accueil ; des agriculteurs impliqués dans l'accueil et la "
        "vente directe ; des habitants qui organisent chaque année la fête de la transhumance. "
        "Mais pas de lieu où professionnels, habitants et élus discutent ensemble de la "
        "fréquentation du chemin et de ses effets sur les villages, ni de retour vers les "
        "habitants sur les choix touristiques."
    ),
    strengths=(
        "Une identité forte et partagée par les habitants comme par les visiteurs ; un tourisme "
        "né de l'agriculture, qui la fait vivre en retour par la vente directe et l'accueil ; une "
        "stratégie ancienne, écrite et reprise par trois communautés ; une coopération "
        "intercommunautaire rare et fondée sur la confiance ; des professionnels organisés et "
        "formés ; un élu porteur issu du monde agricole et reconnu par ses pairs."
    ),
    difficulties=(
        "La saturation du chemin de grande randonnée au printemps et ses charges pour les petites "
        "communes, qui n'en perçoivent pas les recettes ; l'enneigement de plus en plus "
        "irrégulier, qui fragilise la saison d'hiver ; la dépendance de l'association du plateau "
        "aux fonds européens ; l'incertitude des nouveaux périmètres intercommunaux ; des maires "
        "de petites communes qui se sentent exclus de la stratégie touristique."
    ),
    keys=(
        "Faire porter le tourisme durable par des acteurs agricoles, qui lui donnent sa "
        "légitimité et son contenu. Disposer d'un lieu de coopération stable au-dessus des "
        "communautés, fondé sur la confiance entre élus et capable de décider vite. Chercher à "
        "répartir les visiteurs dans l'année et sur le territoire plutôt qu'à en attirer "
        "davantage. Tenir la même stratégie dans la durée, au-delà des mandats."
    ),
    levers=(
        "Défendre auprès du préfet un périmètre qui respecte l'unité du plateau, ou à défaut une "
        "convention de coopération entre les futures communautés ; sécuriser le financement de "
        "l'animation de l'association ; créer une instance de régulation de la fréquentation du "
        "chemin avec professionnels, habitants et maires des villages-étapes ; mieux répartir la "
        "taxe de séjour ; préparer des activités de repli pour les hivers sans neige."
    ),
    status="validee",
    referent_comment=(
        "Fiche validée par le bureau le 2 juin. Les élus ont apprécié le regard extérieur sur "
        "l'association du plateau et reprennent la proposition d'une instance sur la "
        "fréquentation du chemin."
    ),
)

TERRITORY = TerritorySpec(
    name=NAME,
    field="tourisme durable",
    # CC Aubrac, Carladez et Viadène (Aveyron), used only as the perimeter.
    perimeter_epci_siren="200067171",
    description=(
        "Exemple fictif : une communauté de communes de haut plateau, d'estives et de ski "
        "nordique, traversée par un chemin de grande randonnée, dont le tourisme durable est "
        "né de l'agriculture de montagne. Le périmètre affiché est celui d'une communauté de "
        "communes réelle de l'Aveyron, utilisé seulement pour la carte."
    ),
    statuses=selection(
        date(2014, 11, 12),
        date(2014, 11, 26),
        date(2014, 12, 11),
        date(2014, 12, 18),
        date(2015, 1, 12),
        date(2015, 1, 15),
        notes={
            "contacte": "Proposé par l'UNADEL, qui connaît l'association du plateau.",
            "engagement": "Lettre du président, appuyée par l'association du plateau.",
        },
    ),
    commitment_on=date(2014, 12, 11),
    commitment_signed_by="le président de la communauté de communes",
    referent=REFERENT,
    participants=PARTICIPANTS,
    visit=VISIT,
    interviews=INTERVIEWS,
    report_sheet=REPORT_SHEET,
)
