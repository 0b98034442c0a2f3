"""Illustrative sheets of the west and north of France: Bretagne, Normandie, Pays de la Loire,
Centre-Val de Loire, Île-de-France and Hauts-de-France. The communes are real (for the map
alone); the projects, figures and people are invented."""

from essaim.demo.data.library.spec import (
    COASTAL,
    PERIURBAN,
    RURAL,
    URBAN,
    SheetSpec,
    State,
)
from essaim.experiments.models import Stage
from essaim.library.models import Licence
from essaim.scaling.models.strategy import StrategyKind

WEST_SHEETS = (
    SheetSpec(
        title="Un covoiturage solidaire pour aller travailler en Centre-Bretagne",
        insee="29024",  # Carhaix-Plouguer
        whole_epci=True,
        summary=(
            "Une plateforme de covoiturage solidaire met en relation des salariés qui font le "
            "même trajet et des personnes en insertion sans voiture, avec une garantie de retour "
            "si le conducteur fait défaut."
        ),
        context=(
            "Dans l'intérieur de la Bretagne, les entreprises agroalimentaires recrutent mais les "
            "horaires décalés ne sont desservis par aucun car. Des personnes en insertion "
            "refusent des contrats faute de pouvoir s'y rendre. Les conseillers emploi "
            "constataient que la mobilité était le premier frein au retour à l'emploi."
        ),
        tried=(
            "La communauté de communes a confié à une association l'animation d'un service de "
            "covoiturage solidaire. Les salariés volontaires déclarent leurs trajets ; une "
            "animatrice trouve pour chaque personne en insertion un équipage. Les passagers "
            "participent aux frais à hauteur de quelques euros par semaine. Un taxi est payé en "
            "cas de défaillance du conducteur."
        ),
        results=(
            "Une soixantaine d'équipages réguliers au bout de trois ans. Les deux tiers des "
            "passagers ont gardé leur emploi au-delà de six mois. Le taxi de secours a servi "
            "moins d'une fois par mois, mais sa seule existence a convaincu les passagers."
        ),
        learned=(
            "Les salariés acceptent de covoiturer avec un inconnu quand une personne de "
            "confiance a fait les présentations. La garantie de retour compte plus que le prix. "
            "Les entreprises sont des relais décisifs : l'affichage dans les vestiaires a recruté "
            "plus de conducteurs que toutes les campagnes."
        ),
        conditions=(
            "Une animatrice qui connaît les entreprises et les conseillers emploi ; une garantie "
            "de retour financée ; des employeurs qui adaptent un peu les horaires des équipages. "
            "Un bassin d'emploi où les trajets se concentrent sur quelques sites. "
            "Des horaires de travail réguliers facilitent beaucoup la formation des équipages."
        ),
        themes=("mobilite", "economie"),
        publics=("demandeurs-emploi", "entreprises"),
        setting=RURAL,
        year_start=2018,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Une centrale villageoise sur les toits des bâtiments agricoles",
        insee="22046",  # Le Mené
        summary=(
            "Des habitants, des agriculteurs et la commune créent une société locale qui pose "
            "des panneaux photovoltaïques sur les hangars agricoles et en partage les revenus."
        ),
        context=(
            "La commune s'est engagée depuis longtemps dans la production d'énergie "
            "renouvelable. Les toits des hangars agricoles étaient vastes et bien orientés, mais "
            "les agriculteurs hésitaient à investir seuls. Des habitants voulaient placer leur "
            "épargne dans un projet local."
        ),
        tried=(
            "Un groupe d'habitants a rejoint le réseau des centrales villageoises et repris ses "
            "documents types. La société locale loue les toits aux agriculteurs, lève l'épargne "
            "des habitants par actions de cent euros et vend l'électricité produite. Un "
            "parrainage par une centrale déjà en service a guidé le montage."
        ),
        results=(
            "Douze toitures équipées en trois ans et près de deux cents actionnaires, dont la "
            "moitié habitent la commune. Les loyers versés aux agriculteurs couvrent une partie "
            "du remboursement de leurs hangars. "
            "La commune a entraîné deux communes voisines dans un second projet."
        ),
        learned=(
            "Le parrainage d'une centrale voisine a épargné des mois d'erreurs. Les agriculteurs "
            "s'engagent quand le projet ne leur demande ni argent ni temps. L'assemblée annuelle "
            "des actionnaires est devenue un moment de vie du village."
        ),
        conditions=(
            "Un noyau de bénévoles prêts à tenir trois ans de montage ; l'appui du réseau et de "
            "ses documents types ; une collectivité qui entre au capital pour rassurer les "
            "banques. Des toits solides, ce que seul un diagnostic de charpente dit. "
            "Les agriculteurs doivent être associés dès l'origine du projet."
        ),
        themes=("energie",),
        publics=("habitants", "agriculteurs", "elus"),
        setting=RURAL,
        year_start=2021,
        stage=Stage.RUNNING,
        strategy=StrategyKind.LOOSE_NETWORK,
    ),
    SheetSpec(
        title="Une recyclerie sur le port",
        insee="29046",  # Douarnenez
        summary=(
            "Une recyclerie installée dans un ancien entrepôt du port collecte, répare et revend "
            "objets, meubles et matériel de pêche, avec des salariés en insertion."
        ),
        context=(
            "La déchetterie intercommunale débordait d'objets encore utilisables. Des familles "
            "modestes manquaient de meubles et d'électroménager. Un entrepôt du port restait "
            "vide depuis la fermeture d'une conserverie."
        ),
        tried=(
            "Une association a ouvert une recyclerie avec un chantier d'insertion. Elle collecte "
            "à la déchetterie et chez les particuliers, répare dans ses ateliers et revend à "
            "petits prix. Un espace est réservé au matériel de pêche et de plaisance, très "
            "demandé sur le littoral."
        ),
        results=(
            "Plus de cent tonnes détournées de l'enfouissement chaque année. Douze salariés en "
            "insertion, dont la moitié trouvent un emploi ou une formation à la sortie. La "
            "boutique est devenue un lieu de rencontre du quartier."
        ),
        learned=(
            "La qualité de la collecte fait la qualité de la boutique : des agents formés à la "
            "déchetterie changent tout. Les ateliers de réparation ouverts au public attirent "
            "des habitants qui ne venaient pas acheter. "
            "La boutique attire une clientèle plus large que prévu, bien au-delà des familles "
            "modestes."
        ),
        conditions=(
            "Un local grand et peu cher ; un accord avec la collectivité qui gère la "
            "déchetterie ; un encadrement technique solide pour le chantier d'insertion. "
            "Prévoir la place du stockage, toujours sous-estimée. "
            "Un partenariat avec les entreprises d'insertion voisines aide à trouver des débouchés "
            "pour les salariés."
        ),
        themes=("economie",),
        publics=("habitants", "demandeurs-emploi", "familles"),
        setting=COASTAL,
        year_start=2017,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Accueillir les nouveaux arrivants dans le Perche",
        insee="61293",  # Mortagne-au-Perche
        whole_epci=True,
        summary=(
            "Un parcours d'accueil pour les nouveaux habitants : un café d'accueil mensuel, un "
            "parrainage par un habitant et un guide des services, pour qu'ils restent."
        ),
        context=(
            "Depuis 2020, le territoire accueille de nombreux ménages venus des grandes villes, "
            "souvent en télétravail. Certains repartaient au bout de deux ans, faute d'avoir "
            "trouvé leur place, un médecin ou une activité pour le conjoint. Les élus voulaient "
            "savoir ce qui fait rester."
        ),
        tried=(
            "La communauté de communes organise chaque mois un café d'accueil dans un village "
            "différent. Chaque nouvel arrivant qui le souhaite est parrainé par un habitant "
            "installé. Un guide recense les services, les associations et les offres d'emploi "
            "pour le conjoint. Une enquête suit les ménages accueillis."
        ),
        results=(
            "Plus de deux cents ménages accueillis en trois ans. Les ménages parrainés déclarent "
            "plus souvent un réseau amical sur place. Le café d'accueil attire aussi des "
            "habitants de longue date, curieux des nouveaux venus."
        ),
        learned=(
            "Ce qui fait rester, c'est d'abord l'emploi du conjoint et la scolarité des "
            "enfants. Le parrainage marche quand parrain et filleul ont un centre d'intérêt "
            "commun. Les nouveaux arrivants deviennent vite des bénévoles actifs, si on le leur "
            "propose."
        ),
        conditions=(
            "Repérer les arrivées grâce aux mairies et aux écoles ; des parrains disponibles et "
            "formés à une écoute simple ; une offre d'emploi et de services que l'accueil peut "
            "montrer. Ne pas promettre ce que le territoire n'a pas. "
            "Enfin, l'accueil doit associer les habitants installés, pas seulement les services."
        ),
        themes=("services",),
        publics=("nouveaux-arrivants", "familles"),
        setting=RURAL,
        year_start=2022,
        stage=Stage.EVALUATION,
    ),
    SheetSpec(
        title="Une cantine bio et locale pour les collèges du Coutançais",
        insee="50147",  # Coutances
        summary=(
            "Un groupement d'achat entre collèges et producteurs locaux porte la part de "
            "produits bio et locaux des cantines au-delà de la moitié, sans hausse du prix du "
            "repas."
        ),
        context=(
            "Les collèges achetaient surtout des produits venus de loin, alors que le bocage "
            "voisin produit lait, viande et légumes. Les producteurs ne savaient pas répondre "
            "aux marchés publics. Les cuisiniers manquaient de temps pour cuisiner des produits "
            "bruts."
        ),
        tried=(
            "Les collèges se sont groupés pour passer des marchés en lots adaptés aux "
            "producteurs locaux. Une plateforme de producteurs livre chaque semaine. Les "
            "cuisiniers ont été formés à cuisiner des légumes bruts et à réduire le gaspillage, "
            "ce qui finance le surcoût du bio."
        ),
        results=(
            "La part de produits bio et locaux a dépassé 50 % en deux ans dans les collèges "
            "pilotes. Le gaspillage a baissé d'un tiers. Le département a étendu la démarche à "
            "d'autres collèges."
        ),
        learned=(
            "Les cuisiniers sont la clé : formés et associés aux choix, ils portent la démarche. "
            "La lutte contre le gaspillage paie le bio. Des lots découpés par produit ouvrent les "
            "marchés aux petits producteurs."
        ),
        conditions=(
            "Des producteurs organisés pour livrer régulièrement ; des cuisines qui transforment "
            "sur place ; un acheteur public prêt à découper ses marchés. Du temps de formation "
            "pour les équipes de cuisine. "
            "Enfin, associer les élèves au choix des menus rend le changement plus facile."
        ),
        themes=("alimentation", "jeunesse"),
        publics=("scolaires", "agriculteurs"),
        setting=RURAL,
        year_start=2019,
        stage=Stage.SCALING,
        strategy=StrategyKind.KNOW_HOW,
        licence=Licence.CC_BY,
    ),
    SheetSpec(
        title="Des vélos à assistance électrique en location longue durée",
        insee="27056",  # Bernay
        summary=(
            "La communauté de communes loue des vélos à assistance électrique pour six mois, "
            "pour que les habitants essaient le vélo au quotidien avant d'en acheter un."
        ),
        context=(
            "La ville-centre et ses communes voisines sont proches, mais vallonnées ; presque "
            "tous les trajets courts se font en voiture. Le prix d'un vélo électrique freinait "
            "ceux qui auraient voulu essayer. "
            "La communauté de communes voulait réduire la part de la voiture dans les trajets "
            "courts."
        ),
        tried=(
            "Une flotte de vélos électriques est louée pour six mois à un prix modeste, avec un "
            "entretien inclus dans un atelier vélo associatif. Des sorties accompagnées "
            "apprennent les itinéraires tranquilles. Une aide à l'achat est proposée à la fin de "
            "la location."
        ),
        results=(
            "Les deux tiers des loueurs disent avoir remplacé des trajets en voiture. Un loueur "
            "sur trois a acheté un vélo à la fin de la location. L'atelier associatif a doublé "
            "son activité."
        ),
        learned=(
            "Six mois suffisent pour changer une habitude, trois ne suffisent pas. Les sorties "
            "accompagnées rassurent plus que les cartes d'itinéraires. Sans stationnement sûr "
            "au travail, les loueurs renoncent l'hiver."
        ),
        conditions=(
            "Un atelier capable d'entretenir la flotte ; des itinéraires cyclables même "
            "modestes ; un stationnement sûr aux gares et aux lieux de travail. "
            "Le service doit être simple à réserver. Enfin, l'aide à l'achat en fin de location "
            "transforme l'essai."
        ),
        themes=("mobilite", "energie"),
        publics=("habitants",),
        setting=PERIURBAN,
        year_start=2023,
        stage=Stage.RUNNING,
    ),
    SheetSpec(
        title="Une coopérative jeunesse de services pour l'été",
        insee="53062",  # Château-Gontier-sur-Mayenne
        summary=(
            "Chaque été, une quinzaine de jeunes de 16 à 18 ans créent et gèrent leur propre "
            "coopérative : ils vendent des services aux habitants et aux entreprises du "
            "territoire."
        ),
        context=(
            "Les jeunes du territoire trouvaient peu de jobs d'été et connaissaient mal "
            "l'entreprise. Les acteurs de l'économie sociale et solidaire voulaient leur faire "
            "découvrir la coopération par la pratique. "
            "Les jeunes du territoire partaient souvent faire leurs études loin et ne revenaient "
            "pas."
        ),
        tried=(
            "Une coopérative jeunesse de services est ouverte chaque été, accompagnée par deux "
            "animateurs et parrainée par une entreprise locale et une association. Les jeunes "
            "prospectent, fixent leurs prix et décident ensemble en assemblée : lavage de "
            "vitres, jardinage, déménagements, aide aux vendeurs du marché. "
            "La coopérative reste ouverte tout l'été et se dissout à la rentrée."
        ),
        results=(
            "Huit étés de suite, plus de cent jeunes passés par la coopérative. Le chiffre "
            "d'affaires couvre la rémunération des jeunes. Plusieurs anciens coopérants sont "
            "devenus animateurs ou ont créé leur activité."
        ),
        learned=(
            "Les jeunes prennent au sérieux une entreprise qui est vraiment la leur. Les "
            "entreprises clientes deviennent des relais d'emploi. Le recrutement passe mieux "
            "par les pairs que par les affiches."
        ),
        conditions=(
            "Deux animateurs formés à la démarche ; un comité local qui réunit entreprise, "
            "association et collectivité ; un local pour l'été. Le réseau des coopératives "
            "jeunesse fournit les outils. "
            "Il faut enfin accepter que les jeunes se trompent, et les laisser décider."
        ),
        themes=("jeunesse", "economie"),
        publics=("jeunes", "entreprises"),
        setting=RURAL,
        year_start=2016,
        stage=Stage.PERENNISATION,
        strategy=StrategyKind.LOOSE_NETWORK,
    ),
    SheetSpec(
        title="Un habitat inclusif pour personnes âgées en centre-bourg",
        insee="85092",  # Fontenay-le-Comte
        summary=(
            "Huit logements adaptés autour d'une salle commune, au cœur du bourg, pour des "
            "personnes âgées ou en situation de handicap qui veulent vivre chez elles sans être "
            "seules."
        ),
        context=(
            "Des personnes âgées quittaient leur maison isolée pour un établissement faute de "
            "solution intermédiaire. Des logements anciens du centre-bourg restaient vacants. "
            "Le bailleur social et la commune cherchaient un projet commun."
        ),
        tried=(
            "Le bailleur a réhabilité un immeuble du centre-bourg en huit logements adaptés et "
            "une salle commune. Une animatrice, financée par l'aide à la vie partagée, organise "
            "la vie collective avec les habitants. Les commerces et le centre social sont à deux "
            "pas."
        ),
        results=(
            "Les logements sont occupés depuis l'ouverture, avec une liste d'attente. Les "
            "habitants participent aux repas partagés et aux sorties. Deux entrées en "
            "établissement ont été évitées ou retardées selon les familles."
        ),
        learned=(
            "Le projet de vie partagée s'écrit avec les futurs habitants, avant les travaux. La "
            "proximité des commerces compte autant que l'adaptation du logement. L'animatrice "
            "doit avoir du temps pour les familles, pas seulement pour les habitants."
        ),
        conditions=(
            "Un bailleur et une commune d'accord sur le lieu ; le financement de l'animation "
            "dans la durée ; des services d'aide à domicile présents sur le territoire. "
            "Le projet de vie partagée doit être écrit avec les futurs habitants. Enfin, il faut "
            "un lieu au cœur du bourg, près des commerces."
        ),
        themes=("habitat", "sante"),
        publics=("personnes-agees", "personnes-handicap"),
        setting=RURAL,
        year_start=2022,
        stage=Stage.RUNNING,
    ),
    SheetSpec(
        title="Mobilité à la demande entre les villages et la gare",
        insee="72154",  # La Flèche
        whole_epci=True,
        summary=(
            "Un transport à la demande, réservé la veille par téléphone ou en ligne, relie les "
            "villages à la ville-centre et à la gare aux heures où aucun car ne passe."
        ),
        context=(
            "Les lignes régulières desservent mal les villages, et pas du tout en journée. Les "
            "personnes âgées et les jeunes sans permis dépendaient de leurs proches pour le "
            "marché, les rendez-vous médicaux ou le train. "
            "Le territoire voulait éviter de faire circuler des cars vides aux heures creuses."
        ),
        tried=(
            "La communauté de communes a confié à un transporteur un service à la demande, sur "
            "réservation la veille, avec des créneaux fixes et un prix d'un ticket de car. Les "
            "mairies prennent les réservations des personnes qui n'ont pas internet. Le service "
            "a été évalué au bout de trois ans."
        ),
        results=(
            "Près de quatre mille trajets par an, surtout vers le marché et les médecins. Le "
            "coût par trajet reste élevé, mais inférieur à celui d'une ligne régulière à vide. "
            "Les jeunes l'utilisent peu : la réservation la veille ne leur convient pas."
        ),
        learned=(
            "Le service trouve son public chez les personnes âgées quand les mairies font le "
            "relais. Les jeunes veulent réserver au dernier moment. Des créneaux fixes "
            "permettent de grouper les trajets et de tenir le coût."
        ),
        conditions=(
            "Un transporteur local souple ; des mairies qui prennent les réservations ; une "
            "évaluation honnête du coût par trajet au regard des autres solutions, du "
            "covoiturage au taxi. "
            "Il faut aussi un suivi régulier de la fréquentation, ligne par ligne. Le service doit "
            "enfin être connu : les mairies et les médecins en parlent mieux que les dépliants."
        ),
        themes=("mobilite", "services"),
        publics=("personnes-agees", "jeunes"),
        setting=RURAL,
        year_start=2021,
        year_end=2024,
        stage=Stage.EVALUATION,
    ),
    SheetSpec(
        title="Une épicerie itinérante dans les villages du Sancerrois",
        insee="18241",  # Sancerre
        summary=(
            "Un camion-épicerie passe chaque semaine dans les villages sans commerce, avec des "
            "produits des fermes voisines et un moment de rencontre autour du camion."
        ),
        context=(
            "Une vingtaine de villages n'avaient plus aucun commerce. Les personnes âgées sans "
            "voiture dépendaient de leurs voisins pour leurs courses. Des producteurs cherchaient "
            "des débouchés proches."
        ),
        tried=(
            "Une association a acheté un camion aménagé, avec l'aide de la communauté de "
            "communes et de la région. Le camion passe à jour et heure fixes sur la place de "
            "chaque village. L'épicière prend les commandes par téléphone et apporte les "
            "produits des fermes des environs."
        ),
        results=(
            "Le camion dessert dix-huit villages par semaine et trois cents clients réguliers. "
            "La moitié du chiffre d'affaires vient des produits locaux. L'épicière repère des "
            "personnes isolées et les signale, avec leur accord, au centre social."
        ),
        learned=(
            "L'arrêt du camion est un rendez-vous social autant que commercial. Un horaire qui "
            "ne change jamais fidélise. L'équilibre économique tient aux produits locaux, mieux "
            "margés que l'épicerie courante."
        ),
        conditions=(
            "Un véhicule fiable et un plan en cas de panne ; des producteurs qui livrent "
            "l'épicière ; des communes qui annoncent les passages. Une personne qui aime la "
            "route et les gens. "
            "Un fonds d'achat de démarrage aide à constituer le stock."
        ),
        themes=("alimentation", "services"),
        publics=("personnes-agees", "habitants", "agriculteurs"),
        setting=RURAL,
        year_start=2019,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Une maison de santé portée par les élus et les soignants",
        insee="36046",  # La Châtre
        summary=(
            "Médecins, infirmières, kinésithérapeutes et élus ont conçu ensemble une maison de "
            "santé pluriprofessionnelle, qui a fait revenir de jeunes médecins sur le "
            "territoire."
        ),
        context=(
            "Trois médecins sur cinq devaient partir à la retraite en cinq ans, sans "
            "successeur. Les soignants travaillaient chacun de leur côté. Les élus craignaient "
            "un désert médical."
        ),
        tried=(
            "Les soignants ont écrit un projet de santé commun avant tout projet immobilier. La "
            "communauté de communes a construit la maison de santé et la loue aux "
            "professionnels. Le territoire accueille des internes, logés à proximité, et leur "
            "fait découvrir la région."
        ),
        results=(
            "Quatre jeunes médecins se sont installés en six ans, dont trois anciens internes. "
            "La maison réunit quinze professionnels. Des actions de prévention communes, sur le "
            "diabète et les chutes, sont menées avec les associations."
        ),
        learned=(
            "Le projet de santé fait venir les médecins, pas le bâtiment. L'accueil des "
            "internes est le meilleur recrutement. Les élus doivent rester en appui, sans "
            "décider à la place des soignants."
        ),
        conditions=(
            "Un noyau de soignants qui veulent travailler ensemble ; une collectivité prête à "
            "porter l'immobilier ; des logements pour les internes ; du temps de coordination "
            "rémunéré. "
            "Le projet de santé doit précéder le bâtiment. Enfin, il faut accepter de prendre le "
            "temps de la concertation."
        ),
        themes=("sante", "services"),
        publics=("habitants", "elus"),
        setting=RURAL,
        year_start=2015,
        stage=Stage.PERENNISATION,
        strategy=StrategyKind.KNOW_HOW,
    ),
    SheetSpec(
        title="Un tiers-lieu dans l'ancienne gare",
        insee="41149",  # Montoire-sur-le-Loir
        summary=(
            "L'ancienne gare devient un tiers-lieu : espace de travail partagé, atelier de "
            "fabrication, café associatif et permanences de services, tenu par une coopérative "
            "d'habitants."
        ),
        context=(
            "La gare, fermée aux voyageurs, se dégradait au centre du bourg. Des télétravailleurs "
            "et des artisans cherchaient un lieu de travail. Les associations manquaient de "
            "salles."
        ),
        tried=(
            "La commune a racheté la gare et l'a confiée à une coopérative d'habitants. Les "
            "travaux ont été faits en partie en chantiers participatifs. Le lieu ouvre un "
            "espace de travail partagé, un atelier, un café associatif et accueille des "
            "permanences de services au public."
        ),
        results=(
            "Trente membres réguliers de l'espace de travail, un café ouvert cinq jours sur "
            "sept, une centaine d'événements par an. Le modèle économique repose encore pour "
            "un tiers sur des subventions. "
            "Le lieu a accueilli des permanences de services publics deux jours par semaine."
        ),
        learned=(
            "Le café fait venir ceux que l'espace de travail n'attire pas. Une gouvernance "
            "coopérative demande du temps d'animation qu'il faut financer. Les chantiers "
            "participatifs ont créé l'attachement au lieu."
        ),
        conditions=(
            "Un bâtiment à un prix modeste ; une équipe d'animation salariée ; une commune qui "
            "fait confiance à la coopérative ; plusieurs activités qui se financent "
            "mutuellement. "
            "Il faut enfin accepter que le lieu évolue avec ses usagers. Les chantiers "
            "participatifs sont un bon départ."
        ),
        themes=("economie", "numerique", "culture"),
        publics=("associations", "entreprises", "habitants"),
        setting=RURAL,
        year_start=2022,
        stage=Stage.RUNNING,
    ),
    SheetSpec(
        title="Des paniers de producteurs du Provinois pour les salariés",
        insee="77379",  # Provins
        summary=(
            "Des producteurs du Provinois livrent chaque semaine des paniers dans les "
            "entreprises de la zone d'activités : des circuits courts qui vont jusqu'au lieu de "
            "travail."
        ),
        context=(
            "Les grandes cultures dominent, mais une vingtaine de maraîchers et d'éleveurs "
            "cherchaient des débouchés réguliers. Les salariés des zones d'activités, souvent "
            "navetteurs, n'ont pas le temps d'aller à la ferme. "
            "Les comités d'entreprise cherchaient des avantages utiles à leurs salariés."
        ),
        tried=(
            "Une association de producteurs a conventionné avec les comités d'entreprise. Les "
            "salariés commandent en ligne avant le lundi et retirent leur panier le jeudi sur "
            "leur lieu de travail. Des visites de fermes sont proposées le week-end."
        ),
        results=(
            "Six entreprises partenaires et deux cents paniers par semaine au bout de deux ans. "
            "Les producteurs ont gagné un débouché régulier, planifiable. Les visites de fermes "
            "attirent surtout les familles."
        ),
        learned=(
            "La régularité des commandes compte plus que leur volume. Un point de retrait dans "
            "l'entreprise lève le principal obstacle. Les comités d'entreprise sont des "
            "partenaires fidèles une fois convaincus."
        ),
        conditions=(
            "Des producteurs organisés pour la logistique ; des entreprises qui accueillent le "
            "retrait ; un outil de commande simple. Une gamme assez large pour tenir toute "
            "l'année. "
            "Enfin, les visites de fermes entretiennent la fidélité des clients."
        ),
        themes=("alimentation", "economie"),
        publics=("agriculteurs", "entreprises"),
        setting=PERIURBAN,
        year_start=2023,
        stage=Stage.RUNNING,
    ),
    SheetSpec(
        title="Covoiturer vers les zones d'activités du Sud-Essonne",
        insee="91223",  # Étampes
        summary=(
            "Une application et des lignes de covoiturage devaient relier les villages aux "
            "zones d'activités ; faute de conducteurs, l'expérience a été arrêtée au bout de "
            "deux ans, et ce qu'elle a appris sert au projet suivant."
        ),
        context=(
            "Les zones d'activités du sud du département sont mal desservies ; les salariés y "
            "vont seuls en voiture. Les employeurs peinent à recruter des jeunes sans voiture. "
            "L'agglomération voulait tester le covoiturage domicile-travail."
        ),
        tried=(
            "Des lignes de covoiturage avec des points d'arrêt fixes ont été ouvertes, et une "
            "application mettait en relation conducteurs et passagers, avec une indemnité pour "
            "le conducteur à chaque trajet. Des animations ont été menées dans les entreprises. "
            "L'agglomération avait fixé dès le départ un seuil de trajets à atteindre en deux ans."
        ),
        results=(
            "Les passagers se sont inscrits, mais trop peu de conducteurs : l'attente restait "
            "longue et les passagers ont abandonné. Après deux ans, l'agglomération a arrêté "
            "l'expérience et réorienté le budget vers un transport à la demande. "
            "Le seuil fixé n'a jamais été approché."
        ),
        learned=(
            "Une indemnité ne suffit pas à faire covoiturer des salariés aux horaires "
            "variables. Sans masse de conducteurs, l'attente tue le service. Un arrêt décidé "
            "sur des chiffres honnêtes a permis de rebondir vite."
        ),
        conditions=(
            "Vérifier avant de lancer qu'assez de trajets convergent aux mêmes heures ; associer "
            "les employeurs aux horaires ; prévoir dès le départ les critères d'arrêt. "
            "Se demander enfin si d'autres solutions, comme le transport à la demande, ne "
            "conviennent pas mieux. Un arrêt bien expliqué n'est pas un échec."
        ),
        themes=("mobilite",),
        publics=("demandeurs-emploi", "entreprises", "jeunes"),
        setting=PERIURBAN,
        year_start=2019,
        year_end=2021,
        stage=Stage.STOPPED,
    ),
    SheetSpec(
        title="Un garage solidaire en Thiérache",
        insee="02789",  # Vervins
        summary=(
            "Un garage associatif répare à prix coûtant les voitures des personnes à faibles "
            "revenus et loue des véhicules pour un premier emploi."
        ),
        context=(
            "Sans voiture, pas d'emploi : les transports en commun ne couvrent pas le bocage. "
            "Une panne suffisait à faire perdre un emploi à des personnes aux revenus modestes. "
            "Les garages classiques étaient hors de portée."
        ),
        tried=(
            "Une association a ouvert un garage solidaire avec un chantier d'insertion. Les "
            "personnes orientées par les travailleurs sociaux paient les pièces et une petite "
            "part de la main-d'œuvre. Une dizaine de voitures sont louées à bas prix pour les "
            "trois premiers mois d'un emploi."
        ),
        results=(
            "Quatre cents réparations par an et une trentaine de locations. Huit personnes sur "
            "dix ont gardé leur emploi au bout des trois mois de location. Le garage a formé "
            "une vingtaine de mécaniciens en insertion."
        ),
        learned=(
            "L'orientation par les travailleurs sociaux évite la concurrence avec les garages "
            "du secteur. La location courte sert de pont vers l'achat d'une voiture. La "
            "confiance des garagistes voisins s'est gagnée en leur envoyant des clients."
        ),
        conditions=(
            "Un encadrant technique qualifié ; des critères d'accès clairs, partagés avec les "
            "garages ; des partenaires de l'emploi qui orientent. "
            "Le garage doit rester un tremplin, pas une solution durable. Il faut enfin un parc de "
            "véhicules de location fiable."
        ),
        themes=("mobilite", "economie"),
        publics=("demandeurs-emploi", "familles"),
        setting=RURAL,
        year_start=2017,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Un conseil de jeunes à l'échelle de l'intercommunalité",
        insee="80001",  # Abbeville
        summary=(
            "Un conseil de jeunes de 15 à 25 ans, tiré au sort et volontaire, donne son avis "
            "sur les projets de l'intercommunalité et porte ses propres actions."
        ),
        context=(
            "Les jeunes étaient absents des instances de l'intercommunalité et des réunions "
            "publiques. Les élus voulaient les entendre sur les transports, les loisirs et "
            "l'emploi. "
            "Les élus avaient constaté que les jeunes ne venaient jamais aux réunions publiques."
        ),
        tried=(
            "Vingt jeunes, la moitié tirés au sort sur les listes des lycées et des missions "
            "locales, la moitié volontaires, siègent deux ans. Ils disposent d'un budget pour "
            "leurs propres projets et rendent un avis sur chaque projet intercommunal qui les "
            "concerne. "
            "Un animateur de l'intercommunalité les accompagne entre les réunions."
        ),
        results=(
            "Le premier conseil a rendu quatre avis, dont un sur les horaires des cars repris "
            "par l'agglomération. Les jeunes tirés au sort sont restés aussi assidus que les "
            "volontaires. "
            "Le conseil a lancé un festival de musique pour les jeunes du territoire."
        ),
        learned=(
            "Le tirage au sort fait venir des jeunes qui ne se seraient jamais proposés. Un "
            "budget propre donne du sérieux aux travaux. Les horaires des réunions doivent "
            "suivre ceux des jeunes, pas ceux des élus."
        ),
        conditions=(
            "Un animateur dédié ; des élus qui répondent à chaque avis ; des réunions le soir "
            "ou le samedi ; le remboursement des trajets. "
            "Il faut enfin accepter les avis qui dérangent. Un premier mandat court permet "
            "d'ajuster le dispositif."
        ),
        themes=("democratie", "jeunesse"),
        publics=("jeunes", "elus"),
        setting=URBAN,
        year_start=2024,
        stage=Stage.RUNNING,
        state=State.TO_REVIEW,
        internal_notes="Attendre l'accord du conseil de jeunes sur le trombinoscope.",
    ),
    SheetSpec(
        title="Une légumerie pour la restauration collective du Haut-Pays",
        insee="62364",  # Fruges
        summary=(
            "Une légumerie intercommunale lave, épluche et découpe les légumes des maraîchers "
            "locaux pour les cantines, qui n'avaient pas le temps de les préparer."
        ),
        context=(
            "Les cantines voulaient servir des légumes locaux, mais leurs cuisines n'avaient ni "
            "le personnel ni le matériel pour les éplucher. Les maraîchers voyaient partir leurs "
            "légumes vers des grossistes lointains. "
            "La communauté de communes voulait créer des emplois d'insertion sur le territoire."
        ),
        tried=(
            "La communauté de communes a installé une légumerie dans un ancien atelier, gérée "
            "par une entreprise d'insertion. Elle achète aux maraîchers à prix négocié pour "
            "l'année et livre les cantines en légumes prêts à cuire. "
            "Les cantines commandent une semaine à l'avance, selon un catalogue fixé avec les "
            "maraîchers."
        ),
        results=(
            "Quarante tonnes de légumes locaux par an dans les cantines. Six maraîchers ont "
            "contractualisé leur production. Le prix de revient reste supérieur à celui des "
            "légumes de quatrième gamme du marché ; la décision de continuer a été prise pour "
            "trois ans."
        ),
        learned=(
            "La planification des cultures avec les maraîchers est la partie la plus longue et "
            "la plus utile. Les cantines doivent s'engager sur des volumes. L'insertion donne du "
            "sens au surcoût."
        ),
        conditions=(
            "Assez de repas servis pour faire tourner l'outil ; des maraîchers prêts à planifier "
            "; un acheteur public qui raisonne en coût global. "
            "Enfin, un gestionnaire d'insertion solide porte l'outil. Il faut compter trois ans "
            "pour trouver l'équilibre."
        ),
        themes=("alimentation", "economie"),
        publics=("agriculteurs", "scolaires", "demandeurs-emploi"),
        setting=RURAL,
        year_start=2020,
        year_end=2023,
        stage=Stage.DECISION,
    ),
)
