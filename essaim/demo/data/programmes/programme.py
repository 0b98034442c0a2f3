"""The programme of the seed: its organisers, its accompaniment group, its stages and expected
productions, the themes of the cross-territory synthesis, the inter-territory workshops, the
seminars and the rules of the expenses.

Public, from the seed: the title, the aims, the questions, the added value for the
territories, the organisers, the two contacts, the stages and their dates, the productions and
the practical rules. Invented: every other person of the group, the budget, the exact dates of
the productions, the workshops and seminars, their places and what was said in them.
"""

from datetime import date
from decimal import Decimal

from essaim.demo.data.programmes.spec import (
    ContactSpec,
    CoverSpec,
    DeliverableSpec,
    ExpenseRulesSpec,
    GroupMemberSpec,
    OrganisationSpec,
    SeminarSpec,
    StageSpec,
    ThemeSpec,
    WorkshopSpec,
)

TITLE = "S'organiser pour innover : quand les territoires conduisent le changement"

# The organisers, as the seed names them.
MAIRIE_CONSEILS = "Mairie-Conseils (Caisse des Dépôts)"
UNADEL = "UNADEL"
VILLE_CAMPAGNE = "Collectif Ville-Campagne"
QUATRE_D = "Association 4D"
PAYS_LORRAINS = "Carrefour des Pays Lorrains"

ORGANISERS = (
    OrganisationSpec(MAIRIE_CONSEILS, "etat_agence"),
    OrganisationSpec(UNADEL, "reseau_national"),
    OrganisationSpec(VILLE_CAMPAGNE, "reseau_national"),
    OrganisationSpec(QUATRE_D, "association"),
    OrganisationSpec(PAYS_LORRAINS, "centre_ressources"),
)

CONTACTS = (
    ContactSpec(
        "Stéphane Loukianoff",
        UNADEL,
        "Contact de l'expérimentation à l'UNADEL, 150/154 rue du Faubourg Saint-Martin, "
        "75010 Paris",
    ),
    ContactSpec(
        "Vincent Chassagne",
        MAIRIE_CONSEILS,
        "Contact de l'expérimentation à Mairie-Conseils, 72 avenue Pierre Mendès France, "
        "75013 Paris",
    ),
)

# The experts who go in pairs to the listening visits (invented people).
MARCHAIS = "Hélène Marchais"
LESTRADE = "Bernard Lestrade"
VAUDREY = "Claire Vaudrey"
THEVENOT = "Pascal Thévenot"
KERJEAN = "Olivier Kerjean"
FERHAT = "Nadia Ferhat"
ARNAUD_ROCHE = "Julien Arnaud-Roche"
DELORME = "Martine Delorme"

GROUP = (
    GroupMemberSpec(
        "Stéphane Loukianoff",
        UNADEL,
        "coordination de l'expérimentation",
        False,
        "stephane.loukianoff@example.org",
    ),
    GroupMemberSpec(
        "Vincent Chassagne",
        MAIRIE_CONSEILS,
        "coordination de l'expérimentation",
        False,
        "vincent.chassagne@example.org",
    ),
    GroupMemberSpec(
        "Agnès Poirel",
        VILLE_CAMPAGNE,
        "chargée de mission, logistique des ateliers et des séminaires",
        False,
        "agnes.poirel@example.org",
    ),
    GroupMemberSpec(
        MARCHAIS, UNADEL, "experte en développement local", True, "helene.marchais@example.org"
    ),
    GroupMemberSpec(
        LESTRADE,
        VILLE_CAMPAGNE,
        "expert en développement local, accueil de nouvelles populations",
        True,
        "bernard.lestrade@example.org",
    ),
    GroupMemberSpec(
        VAUDREY, QUATRE_D, "experte en développement durable", True, "claire.vaudrey@example.org"
    ),
    GroupMemberSpec(
        THEVENOT,
        QUATRE_D,
        "expert en transition énergétique",
        True,
        "pascal.thevenot@example.org",
    ),
    GroupMemberSpec(
        KERJEAN,
        PAYS_LORRAINS,
        "chargé de mission, animation des pays",
        True,
        "olivier.kerjean@example.org",
    ),
    GroupMemberSpec(
        FERHAT,
        "",
        "chercheuse en géographie, gouvernance des espaces ruraux",
        True,
        "nadia.ferhat@example.org",
    ),
    GroupMemberSpec(
        ARNAUD_ROCHE,
        "",
        "chercheur en science politique, intercommunalité",
        True,
        "julien.arnaud-roche@example.org",
    ),
    GroupMemberSpec(
        DELORME,
        MAIRIE_CONSEILS,
        "chargée de mission, experte en ingénierie territoriale",
        True,
        "martine.delorme@example.org",
    ),
)

STAGES = (
    StageSpec(
        1,
        "Constitution du groupe d'accompagnement et sélection des territoires",
        "Contacts directs avec les acteurs locaux et validation politique : confirmation "
        "écrite du territoire, désignation d'un référent et de trois participants aux ateliers.",
        date(2014, 11, 1),
        date(2015, 1, 31),
        "terminee",
    ),
    StageSpec(
        2,
        "Écoute territoriale et réunion du comité de pilotage",
        "Un à deux jours dans chaque territoire, sur un même lieu : entretiens individuels et "
        "réunions de groupe menés par un binôme d'experts en développement local, restitution "
        "« à chaud » le soir du premier jour. Comité de pilotage fin mars.",
        date(2015, 2, 1),
        date(2015, 3, 31),
        "terminee",
    ),
    StageSpec(
        3,
        "Analyse, synthèse des travaux et restitution",
        "Rédaction des fiches reportage de chaque territoire, puis d'une synthèse globale, "
        "restituée devant les représentants des territoires lors d'un séminaire en juin.",
        date(2015, 4, 1),
        date(2015, 6, 30),
        "terminee",
    ),
    StageSpec(
        4,
        "Ateliers thématiques inter-territoires",
        "Des ateliers entre territoires autour de problématiques partagées : l'amélioration de "
        "l'ingénierie, des coopérations, de la participation.",
        date(2015, 6, 1),
        date(2015, 10, 31),
        "terminee",
    ),
    StageSpec(
        5,
        "Séminaire et productions finales",
        "Rédaction des cahiers thématiques en novembre et décembre 2015, puis séminaire "
        "national de présentation des résultats, tenu début 2016.",
        date(2015, 11, 1),
        date(2016, 2, 29),
        "terminee",
    ),
)

DELIVERABLES = (
    DeliverableSpec(
        "compte_rendu",
        "Compte rendu du comité de pilotage de fin d'écoute territoriale",
        date(2015, 4, 10),
        2,
        "valide",
    ),
    DeliverableSpec(
        "fiche_reportage",
        "Les fiches reportage des neuf territoires",
        date(2015, 5, 29),
        3,
        "remis",
    ),
    DeliverableSpec(
        "synthese",
        "Synthèse de l'écoute territoriale",
        date(2015, 6, 5),
        3,
        "valide",
    ),
    DeliverableSpec(
        "compte_rendu",
        "Compte rendu du séminaire de restitution de juin 2015",
        date(2015, 7, 10),
        3,
        "valide",
    ),
    DeliverableSpec(
        "compte_rendu",
        "Comptes rendus des ateliers inter-territoires",
        date(2015, 10, 30),
        4,
        "remis",
    ),
    DeliverableSpec(
        "cahier",
        "Cahier thématique : améliorer l'ingénierie territoriale",
        date(2015, 12, 11),
        5,
        "valide",
    ),
    DeliverableSpec(
        "cahier",
        "Cahier thématique : coopérer et faire participer",
        date(2015, 12, 11),
        5,
        "remis",
    ),
    DeliverableSpec(
        "seminaire",
        "Séminaire national de présentation des résultats",
        date(2016, 2, 4),
        5,
        "valide",
    ),
)

# The themes of the cross-territory synthesis, drawn from the seed's questions.
GOVERNANCE = "Gouvernance"
COOPERATION = "Coopération entre territoires"
ENGINEERING = "Organisation de l'ingénierie"
PARTICIPATION = "Participation des habitants"
ENERGY = "Transition énergétique"
TOURISM = "Tourisme durable"
FUNDING = "Financement"
ELECTED = "Mobilisation des élus"
PARTNERS = "Région et partenaires"
REFORM = "Réforme territoriale"

THEMES = (
    ThemeSpec(
        GOVERNANCE,
        "Qui décide et comment : bureau, conseil communautaire, comité de pilotage, place du "
        "conseil de développement, partage des rôles entre élus et techniciens.",
    ),
    ThemeSpec(
        COOPERATION,
        "Coopérer entre communautés, avec un pays ou un parc, avec des territoires voisins ; "
        "mutualiser des moyens et des projets au-delà des périmètres.",
    ),
    ThemeSpec(
        ENGINEERING,
        "Les équipes d'ingénierie locale : leur taille, leurs missions, leur mutualisation, la "
        "dépendance aux postes financés sur projet, l'appui des techniciens extérieurs.",
    ),
    ThemeSpec(
        PARTICIPATION,
        "La place des habitants, des associations et des acteurs économiques : conseil de "
        "développement, réunions publiques, projets citoyens.",
    ),
    ThemeSpec(
        ENERGY,
        "Les stratégies de transition énergétique : économies d'énergie, rénovation, énergies "
        "renouvelables, projets citoyens, territoires à énergie positive.",
    ),
    ThemeSpec(
        TOURISM,
        "Les stratégies de tourisme durable : itinérance, accueil, hébergement, saisonnalité, "
        "office de tourisme, lien avec l'agriculture et le patrimoine.",
    ),
    ThemeSpec(
        FUNDING,
        "Comment les projets sont financés : appels à projets, fonds européens, contrats avec "
        "la région et le département, autofinancement, fiscalité.",
    ),
    ThemeSpec(
        ELECTED,
        "L'engagement des élus dans la stratégie : portage politique, renouvellement de 2014, "
        "appropriation par les maires des petites communes.",
    ),
    ThemeSpec(
        PARTNERS,
        "Le lien avec la région, le département, l'État et les autres partenaires : contrats, "
        "politiques régionales, fusion des régions.",
    ),
    ThemeSpec(
        REFORM,
        "La réforme territoriale de 2015 (loi NOTRe) : fusion des communautés, nouveaux "
        "périmètres, avenir des pays, transfert de compétences.",
    ),
)

INGENIERIE = "Améliorer l'ingénierie territoriale"
COOPERER = "Coopérer et faire participer : élus, techniciens, habitants"

WORKSHOPS = (
    WorkshopSpec(
        INGENIERIE,
        ENGINEERING,
        date(2015, 9, 24),
        "Pays des Trois Vallées, salle du conseil de la maison des services",
        "Premier atelier inter-territoires, accueilli avec le Carrefour des Pays Lorrains : "
        "comment des équipes de deux à huit techniciens portent des stratégies ambitieuses, "
        "ce qui peut être mutualisé entre communautés et avec les pays, et comment l'ingénierie "
        "survit à la fin des financements sur appel à projets.",
        (
            "Gérard Thouvenin",
            "Lucie Mangin",
            "Denis Collignon",
            "Erwan Cadiou",
            "Marie-Annick Quéré",
            "Aurélie Duval",
            "Jean-Pierre Lecornu",
            "Romain Vuillet",
            "Christiane Jeunet",
            "Nathalie Moreau",
            "Karim Benali",
            "Roger Desfarges",
            "Céline Rouquette",
            "Mathieu Larrieu",
            "Henri Lacoste",
            "Élodie Martel",
            "Jacques Reynaud",
            "Sylvie Cretin",
        ),
        "Le constat partagé : partout l'ingénierie est petite, jeune et fragile. Sur neuf "
        "territoires, cinq ont au moins un poste financé par un appel à projets qui s'arrête "
        "avant 2017 ; les techniciens passent un temps croissant à monter des dossiers plutôt "
        "qu'à animer. Trois pistes ont été travaillées en sous-groupes. D'abord mutualiser : "
        "un conseiller en énergie partagé entre communautés, un service commun d'instruction "
        "des dossiers européens au niveau du pays, une animatrice tourisme partagée par deux "
        "offices. Les participants insistent sur une condition : une convention claire et un "
        "élu référent de chaque côté, sinon le technicien mutualisé n'appartient à personne. "
        "Ensuite sécuriser : inscrire les postes clés dans le budget principal dès la deuxième "
        "année, négocier avec la région des contrats pluriannuels plutôt que des appels à "
        "projets annuels. Enfin outiller les élus : une feuille de route courte, votée, qui "
        "dit ce que l'équipe fait et ne fait pas. Les territoires qui fusionnent en 2017 "
        "demandent un appui pour organiser la future équipe commune ; le Carrefour des Pays "
        "Lorrains propose une journée d'échange entre directeurs. Matière reprise dans le "
        "cahier thématique sur l'ingénierie.",
    ),
    WorkshopSpec(
        COOPERER,
        COOPERATION,
        date(2015, 10, 15),
        "Pays des Combes et Vignes, foyer rural, salle des associations",
        "Deuxième atelier inter-territoires : coopérer entre communautés et avec les pays, les "
        "parcs et les villes voisines, et faire une vraie place aux habitants et au conseil de "
        "développement dans la transition énergétique et le tourisme durable.",
        (
            "Gérard Thouvenin",
            "Denis Collignon",
            "Soizic Le Bihan",
            "Marie-Annick Quéré",
            "François Besnard",
            "Sylvie Cretin",
            "Christiane Jeunet",
            "Romain Vuillet",
            "Bastien Renard",
            "Michel Gauthier",
            "Odile Chabrat",
            "Marc Falguières",
            "André Bousquet",
            "Françoise Daguzan",
            "Mathieu Larrieu",
            "Patrick Bonnefoy",
            "Jacques Reynaud",
            "Élodie Martel",
        ),
        "Les échanges partent des projets citoyens : société d'éolien participatif, centrale "
        "solaire villageoise, association d'hébergeurs, réseau de jardins. Partout, les "
        "habitants engagés sont peu nombreux et sollicités de toutes parts ; le conseil de "
        "développement s'essouffle quand il n'a pas de saisine claire. Ce qui marche : "
        "associer tôt, sur un projet concret et visible, avec un retour sur ce que les élus ont "
        "fait des avis. Sur la coopération, les participants distinguent la coopération de "
        "projet, souple et rapide (un itinéraire de randonnée partagé, un achat groupé de "
        "bois-énergie), et la coopération d'institutions, lente, que la fusion des communautés "
        "rebat. Plusieurs élus craignent que la grande communauté de 2017 éloigne les "
        "habitants ; les représentants de la société civile y voient une chance de rouvrir le "
        "conseil de développement. Proposition retenue pour le cahier : une charte de la "
        "participation courte, adossée au projet de territoire, et un temps annuel commun "
        "élus, techniciens, habitants. Les territoires en tourisme durable souhaitent "
        "prolonger par un échange sur l'itinérance entre le Gers et l'Aveyron.",
    ),
)

RESTITUTION = "Séminaire de restitution de l'écoute territoriale"
NATIONAL = "Séminaire national « S'organiser pour innover »"

SEMINARS = (
    SeminarSpec(
        RESTITUTION,
        date(2015, 6, 18),
        "Paris, Mairie-Conseils, 72 avenue Pierre Mendès France",
        "Présentation de la synthèse de l'écoute territoriale aux représentants des neuf "
        "territoires : ce que les fiches reportage disent de la gouvernance, de la coopération "
        "et de l'organisation de l'ingénierie ; choix des thèmes des ateliers inter-territoires.",
    ),
    SeminarSpec(
        NATIONAL,
        date(2016, 2, 4),
        "Paris, Caisse des Dépôts, salle de conférences",
        "Présentation finale des résultats avec les participants et les partenaires de "
        "l'expérimentation : les clefs de réussite transférables, les cahiers thématiques, "
        "des témoignages de territoires, une table ronde avec des régions et des réseaux "
        "nationaux sur l'ingénierie après la réforme territoriale.",
    ),
)

EXPENSE_RULES = ExpenseRulesSpec(
    mileage_rate=Decimal("0.32"),
    meal_cap=Decimal("17.50"),
    lodging_cap=Decimal("90.00"),
    covered=(
        # « Écoute territoriale : les déplacements, repas et hébergements des binômes d'experts
        # sont pris en charge par les organisateurs. »
        CoverSpec("expert", "visite", "deplacement"),
        CoverSpec("expert", "visite", "repas"),
        CoverSpec("expert", "visite", "hebergement"),
        # « Séminaires de restitution et ateliers inter-territoires : les frais de déplacement
        # et les repas des représentants des territoires (3 par territoire) seront pris en
        # charge par les organisateurs. »
        CoverSpec("representant", "atelier", "deplacement"),
        CoverSpec("representant", "atelier", "repas"),
        CoverSpec("representant", "seminaire", "deplacement"),
        CoverSpec("representant", "seminaire", "repas"),
    ),
)
