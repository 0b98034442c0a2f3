"""Illustrative sheets of the east of France: Grand Est, Bourgogne-Franche-Comté and
Auvergne-Rhône-Alpes. The communes are real (for the map alone); the projects, figures and
people are invented."""

from essaim.demo.data.library.spec import (
    MOUNTAIN,
    RURAL,
    SheetSpec,
    State,
)
from essaim.experiments.models import Stage
from essaim.library.models import Licence
from essaim.scaling.models.strategy import StrategyKind

EAST_SHEETS = (
    SheetSpec(
        title="Autostop organisé et lignes de covoiturage dans la vallée de la Meuse",
        insee="55122",  # Commercy
        whole_epci=True,
        summary=(
            "Des arrêts d'autostop organisé dans chaque village et deux lignes de covoiturage "
            "sans réservation vers la ville-centre : se déplacer sans voiture, ou sans la "
            "prendre seul."
        ),
        context=(
            "Le car ne passe que deux fois par jour dans la plupart des villages. Les jeunes en "
            "apprentissage et les personnes âgées restaient dépendants de leur entourage. Les "
            "élus avaient entendu parler de l'autostop organisé dans d'autres territoires "
            "ruraux."
        ),
        tried=(
            "La communauté de communes a installé des arrêts signalés dans vingt-cinq villages "
            "et inscrit les habitants en mairie, avec une carte et un autocollant. Sur les deux "
            "axes les plus fréquentés, des lignes de covoiturage avec des panneaux lumineux "
            "permettent au passager d'annoncer sa destination aux conducteurs. "
            "Une animation a été menée dans les lycées et les associations de retraités."
        ),
        results=(
            "Sur les lignes, l'attente médiane est de six minutes aux heures de pointe. Les "
            "arrêts des petits villages servent peu, sauf les jours de marché. Quatre cents "
            "habitants sont inscrits, dont une majorité de passagers."
        ),
        learned=(
            "Comme ailleurs, l'autostop organisé prend là où les voitures passent déjà. Les "
            "panneaux lumineux rassurent les conducteurs, qui savent où va le passager. "
            "L'inscription en mairie crée la confiance dans les petits villages."
        ),
        conditions=(
            "Des axes où le trafic est suffisant ; des mairies qui inscrivent et relaient ; une "
            "animation pendant au moins deux ans ; s'appuyer sur un réseau qui a déjà fait ses "
            "preuves. "
            "Il faut enfin évaluer chaque ligne et chaque arrêt après un an. Les panneaux lumineux "
            "ont un coût qu'il faut prévoir."
        ),
        themes=("mobilite",),
        publics=("habitants", "jeunes", "personnes-agees"),
        setting=RURAL,
        year_start=2022,
        stage=Stage.RUNNING,
        strategy=StrategyKind.FRANCHISE,
    ),
    SheetSpec(
        title="Des cafés-réparation itinérants dans les villages vosgiens",
        insee="88413",  # Saint-Dié-des-Vosges
        summary=(
            "Un samedi par mois, des bénévoles bricoleurs s'installent dans la salle d'un "
            "village pour réparer avec les habitants petits appareils, vêtements et vélos."
        ),
        context=(
            "Les habitants des villages de montagne jetaient des objets faute de réparateur à "
            "proximité. Des retraités bricoleurs voulaient transmettre leur savoir-faire. La "
            "collectivité cherchait à réduire les déchets."
        ),
        tried=(
            "Une association a constitué une équipe de bénévoles et un stock d'outils qui "
            "tient dans une remorque. Chaque mois, le café-réparation s'installe dans un "
            "village différent, avec la mairie qui prête la salle et le comité des fêtes qui "
            "tient la buvette. "
            "Chaque visiteur repart avec son objet et, souvent, avec l'envie de revenir."
        ),
        results=(
            "Six cents objets réparés la première année, deux sur trois remis en état. Trente "
            "bénévoles, dont plusieurs anciens visiteurs. La fréquentation est plus forte "
            "l'hiver."
        ),
        learned=(
            "On vient pour réparer, on reste pour discuter : le café compte autant que "
            "l'atelier. Réparer avec la personne, et non à sa place, la rend plus autonome. "
            "L'itinérance touche des villages qu'un lieu fixe n'aurait jamais atteints."
        ),
        conditions=(
            "Un noyau de bénévoles compétents ; une assurance adaptée ; des mairies qui "
            "prêtent leurs salles ; une remorque bien rangée. "
            "Il faut enfin un calendrier annoncé longtemps à l'avance. Les bénévoles doivent être "
            "remerciés et formés."
        ),
        themes=("economie", "habitat"),
        publics=("habitants", "personnes-agees", "associations"),
        setting=MOUNTAIN,
        year_start=2023,
        stage=Stage.RUNNING,
    ),
    SheetSpec(
        title="Une plateforme de rénovation énergétique de l'habitat",
        insee="08367",  # Rocroi
        whole_epci=True,
        summary=(
            "Un guichet unique accompagne les ménages dans la rénovation énergétique de leur "
            "maison, du diagnostic aux aides et au choix des artisans."
        ),
        context=(
            "Des maisons anciennes, mal isolées, et des ménages aux revenus modestes pour qui "
            "la facture de chauffage pèse lourd. Les aides existaient, mais leur complexité "
            "décourageait. "
            "La communauté de communes voulait aussi faire travailler les artisans du territoire."
        ),
        tried=(
            "La communauté de communes a ouvert une plateforme avec un conseiller qui se déplace "
            "à domicile, établit un diagnostic et monte les dossiers d'aides. Un réseau "
            "d'artisans formés s'est engagé sur des délais et des prix. "
            "Des visites de maisons rénovées ont été organisées pour convaincre les hésitants."
        ),
        results=(
            "Cent vingt maisons rénovées en trois ans, avec une baisse moyenne de la "
            "consommation de 40 %. Les artisans du réseau ont embauché. "
            "Les visites de maisons rénovées ont déclenché de nombreux projets."
        ),
        learned=(
            "La visite à domicile déclenche la décision. Les ménages veulent un seul "
            "interlocuteur du début à la fin. Les artisans s'engagent quand les chantiers "
            "arrivent prêts."
        ),
        conditions=(
            "Un conseiller formé et stable ; des artisans du territoire associés dès le début ; "
            "une communication par les mairies et le bouche-à-oreille. "
            "Il faut enfin suivre les consommations après travaux. Les aides doivent être simples "
            "à expliquer."
        ),
        themes=("energie", "habitat"),
        publics=("familles", "entreprises"),
        setting=RURAL,
        year_start=2018,
        stage=Stage.PERENNISATION,
        state=State.WITHDRAWN,
        withdrawal_reason=(
            "Les chiffres de rénovation publiés étaient ceux d'une autre année : la fiche est "
            "retirée le temps que le territoire les corrige."
        ),
    ),
    SheetSpec(
        title="Une épicerie solidaire et son jardin d'insertion",
        insee="58079",  # Clamecy
        summary=(
            "Une épicerie solidaire vend à petit prix aux familles orientées par les travailleurs "
            "sociaux des produits dont une partie vient de son propre jardin d'insertion."
        ),
        context=(
            "Le territoire compte une part élevée de familles sous le seuil de pauvreté. L'aide "
            "alimentaire se limitait à des colis, sans choix ni accompagnement. Des terres "
            "communales restaient en friche."
        ),
        tried=(
            "Une association a ouvert une épicerie où les familles choisissent leurs produits et "
            "paient 20 % du prix. Un jardin d'insertion sur les terres communales fournit les "
            "légumes et emploie des personnes éloignées de l'emploi. Des ateliers de cuisine "
            "sont proposés chaque semaine."
        ),
        results=(
            "Cent cinquante familles accueillies par an, pour une durée moyenne de six mois. Le "
            "jardin fournit le tiers des légumes vendus. Les ateliers de cuisine sont devenus le "
            "moment le plus apprécié."
        ),
        learned=(
            "Choisir et payer, même peu, préserve la dignité. Les légumes du jardin ont changé "
            "les habitudes plus que tous les conseils. L'accompagnement budgétaire donne son "
            "sens à la durée limitée de l'accès."
        ),
        conditions=(
            "Des travailleurs sociaux qui orientent et suivent ; des terres et un encadrant "
            "maraîcher ; des bénévoles pour tenir la boutique. "
            "Il faut enfin une durée d'accès limitée et un accompagnement budgétaire. Les ateliers "
            "de cuisine méritent d'être prévus dès l'ouverture."
        ),
        themes=("alimentation", "sante"),
        publics=("familles", "demandeurs-emploi"),
        setting=RURAL,
        year_start=2017,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Loger les internes en médecine pour attirer les médecins",
        insee="39478",  # Saint-Claude
        summary=(
            "Une maison des internes, meublée et gratuite, et un accueil organisé par les "
            "soignants : les étudiants en médecine découvrent le territoire en espérant qu'ils "
            "y restent."
        ),
        context=(
            "Les médecins généralistes partent à la retraite et les jeunes ne s'installent pas "
            "en montagne. Les internes refusaient les stages trop loin de la faculté, faute de "
            "logement. "
            "Le territoire voulait rendre les stages plus attractifs."
        ),
        tried=(
            "La commune a aménagé une maison de six chambres pour les internes, gratuite et "
            "meublée. Les médecins maîtres de stage organisent l'accueil et les soirées ; la "
            "communauté de communes fait découvrir le territoire, ses activités et ses emplois "
            "pour les conjoints. "
            "Les internes sont invités aux événements du territoire."
        ),
        results=(
            "Tous les stages proposés sont pourvus depuis l'ouverture. Deux anciens internes se "
            "sont installés et un troisième remplace régulièrement. L'évaluation porte "
            "maintenant sur le coût par installation."
        ),
        learned=(
            "Les internes choisissent leur stage sur le logement et l'ambiance. L'accueil par les "
            "médecins compte plus que les primes. Le conjoint pèse dans la décision "
            "d'installation."
        ),
        conditions=(
            "Des maîtres de stage assez nombreux ; un logement de qualité près des cabinets ; "
            "une collectivité qui accompagne sans promettre de prime. "
            "Il faut enfin penser à l'emploi des conjoints. Les internes doivent se sentir "
            "attendus."
        ),
        themes=("sante",),
        publics=("nouveaux-arrivants", "elus"),
        setting=MOUNTAIN,
        year_start=2021,
        stage=Stage.EVALUATION,
    ),
    SheetSpec(
        title="Un espace-test agricole pour s'installer en maraîchage",
        insee="70311",  # Luxeuil-les-Bains
        summary=(
            "Des candidats à l'installation cultivent pendant trois ans sur des parcelles "
            "prêtées, avec du matériel partagé et un tuteur, avant de s'installer à leur compte."
        ),
        context=(
            "Les agriculteurs partent à la retraite sans repreneur, et les candidats à "
            "l'installation, souvent non issus du milieu agricole, n'osent pas se lancer sans "
            "avoir essayé. Les cantines manquaient de légumes locaux. "
            "La communauté de communes voulait aussi approvisionner ses cantines."
        ),
        tried=(
            "La communauté de communes a mis des terres à disposition et une association gère "
            "l'espace-test : parcelles, serres et matériel partagés, hébergement juridique de "
            "l'activité, tutorat par des maraîchers installés. Les cantines achètent une partie "
            "de la production. "
            "Chaque porteur de projet rencontre un tuteur chaque semaine."
        ),
        results=(
            "Onze porteurs de projet accueillis en six ans, sept installés sur le territoire. "
            "Deux ont renoncé après l'essai, ce qui est aussi un résultat : ils n'ont pas perdu "
            "leurs économies. "
            "Les cantines achètent désormais une part notable de leurs légumes aux maraîchers "
            "installés."
        ),
        learned=(
            "Le droit d'essayer, et de renoncer, est ce que les candidats attendent le plus. La "
            "recherche de foncier doit commencer dès la première année de test. Le tutorat par "
            "des pairs vaut mieux que les formations."
        ),
        conditions=(
            "Des terres et de l'eau ; une structure qui héberge juridiquement l'activité ; des "
            "maraîchers installés prêts à tutorer ; des débouchés pour les premières récoltes. "
            "Il faut enfin accepter que certains renoncent. Un partenariat avec la chambre "
            "d'agriculture aide pour le foncier."
        ),
        themes=("alimentation", "economie"),
        publics=("agriculteurs", "nouveaux-arrivants"),
        setting=RURAL,
        year_start=2018,
        stage=Stage.PERENNISATION,
        strategy=StrategyKind.KNOW_HOW,
    ),
    SheetSpec(
        title="Un bus de services au public sur les routes de la Planèze",
        insee="15187",  # Saint-Flour
        whole_epci=True,
        summary=(
            "Un bus aménagé apporte chaque semaine dans les villages de montagne les démarches "
            "administratives, l'accès aux droits et l'aide au numérique."
        ),
        context=(
            "Les services publics se sont concentrés dans la ville-centre, à une heure de route "
            "pour certains villages en hiver. Les personnes âgées renonçaient à leurs droits "
            "faute de pouvoir faire les démarches en ligne. "
            "Les agents des services centraux voyaient de moins en moins les habitants des "
            "villages."
        ),
        tried=(
            "La communauté de communes a équipé un bus d'un bureau, d'une connexion et d'un "
            "accès pour fauteuil. Deux agents formés y tiennent des permanences à jour fixe "
            "dans quatorze villages, en lien avec les caisses et les services de l'État. "
            "Un calendrier de passage est affiché dans chaque mairie."
        ),
        results=(
            "Près de trois mille accueils par an, pour moitié des personnes de plus de "
            "soixante-dix ans. Les démarches de retraite et de santé dominent. Le bus a été "
            "pérennisé dans le budget intercommunal."
        ),
        learned=(
            "Les habitants viennent d'abord pour une démarche en ligne, puis reviennent pour "
            "d'autres. La régularité du passage compte plus que sa fréquence. L'hiver impose "
            "un calendrier de repli."
        ),
        conditions=(
            "Des agents polyvalents et formés ; des partenaires qui acceptent de traiter les "
            "dossiers transmis par le bus ; des communes qui annoncent les passages. "
            "Il faut enfin un bus accessible et équipé. L'hiver oblige à prévoir un calendrier de "
            "repli."
        ),
        themes=("services", "numerique"),
        publics=("personnes-agees", "habitants"),
        setting=MOUNTAIN,
        year_start=2020,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Une cantine 100 % locale dans les écoles du Brivadois",
        insee="43040",  # Brioude
        summary=(
            "Les écoles servent des repas faits sur place avec des produits des fermes "
            "voisines ; la démarche s'étend aux communes voisines avec l'aide des premières."
        ),
        context=(
            "Les repas des écoles arrivaient d'une cuisine centrale lointaine. Les éleveurs et "
            "les maraîchers du territoire vendaient loin. Des parents d'élèves demandaient des "
            "produits locaux et bio."
        ),
        tried=(
            "Les communes ont rouvert leurs cuisines, embauché des cuisiniers et acheté "
            "directement aux producteurs en circuits courts. Un agent intercommunal coordonne "
            "les commandes et la planification avec les producteurs. Les élèves visitent les "
            "fermes qui les nourrissent."
        ),
        results=(
            "Huit repas sur dix faits avec des produits du territoire, dont la moitié en bio. "
            "Le coût matière a augmenté de quinze centimes par repas, compensés par la baisse "
            "du gaspillage. Cinq communes voisines ont adopté la démarche."
        ),
        learned=(
            "Un coordinateur qui parle aux cuisiniers et aux producteurs rend tout possible. Les "
            "enfants mangent mieux ce qu'ils ont vu pousser. Les communes voisines ont voulu "
            "voir les cuisines avant de se lancer."
        ),
        conditions=(
            "Des cuisines sur place ou proches ; un coordinateur des achats ; des producteurs "
            "assez nombreux et organisés ; des élus prêts à assumer un petit surcoût au départ. "
            "Il faut enfin associer les parents d'élèves. Les visites de fermes donnent du sens au "
            "projet."
        ),
        themes=("alimentation", "jeunesse"),
        publics=("scolaires", "agriculteurs", "familles"),
        setting=RURAL,
        year_start=2017,
        stage=Stage.SCALING,
        strategy=StrategyKind.KNOW_HOW,
        licence=Licence.CC_BY,
    ),
    SheetSpec(
        title="Des logements pour les saisonniers dans des chalets communaux",
        insee="73248",  # Saint-Jean-de-Maurienne
        summary=(
            "Des chalets et appartements communaux vacants sont rénovés et loués aux "
            "travailleurs saisonniers, que les employeurs ne parvenaient plus à loger."
        ),
        context=(
            "Les employeurs de la vallée et des stations ne trouvaient plus de saisonniers, "
            "faute de logement abordable. Des logements communaux restaient vides hors saison. "
            "Des jeunes du territoire renonçaient aux emplois d'hiver."
        ),
        tried=(
            "Les communes ont rénové douze logements et les ont confiés à une association qui "
            "les loue aux saisonniers, à la semaine ou à la saison. Les employeurs réservent "
            "des places et garantissent les loyers. Hors saison, les logements accueillent des "
            "apprentis."
        ),
        results=(
            "Quarante saisonniers logés chaque hiver, des taux d'occupation supérieurs à 80 %. "
            "Les employeurs partenaires ont stabilisé leurs équipes d'une saison à l'autre. "
            "Des apprentis ont été logés hors saison."
        ),
        learned=(
            "La garantie des employeurs rassure les communes. Loger des apprentis hors saison "
            "équilibre les comptes. Les saisonniers logés reviennent l'année suivante."
        ),
        conditions=(
            "Des logements publics mobilisables ; des employeurs qui s'engagent ; une gestion "
            "locative souple, capable de louer à la semaine. "
            "Il faut enfin un gestionnaire qui connaît les employeurs. Les logements doivent être "
            "rénovés avant d'être loués."
        ),
        themes=("habitat", "economie"),
        publics=("jeunes", "entreprises"),
        setting=MOUNTAIN,
        year_start=2022,
        stage=Stage.RUNNING,
    ),
    SheetSpec(
        title="Un tiers-lieu de télétravail dans le Haut-Bugey",
        insee="01269",  # Nantua
        summary=(
            "Un tiers-lieu installé dans une ancienne usine accueille télétravailleurs, "
            "indépendants et petites entreprises, avec une salle de visioconférence et une "
            "crèche voisine."
        ),
        context=(
            "De nombreux actifs font chaque jour une heure de route vers les grandes "
            "agglomérations. Depuis 2020, beaucoup peuvent télétravailler, mais manquent d'un "
            "lieu hors de la maison. Une ancienne usine était à vendre."
        ),
        tried=(
            "La communauté de communes a acheté et aménagé l'usine et confié le tiers-lieu à une "
            "société coopérative. Les usagers paient à la journée ou au mois. Un programme "
            "d'animations fait se rencontrer usagers et entreprises du territoire."
        ),
        results=(
            "Cinquante usagers réguliers, dont un tiers de nouveaux arrivants. Trois entreprises "
            "sont nées de rencontres au tiers-lieu. L'équilibre économique est attendu pour la "
            "cinquième année."
        ),
        learned=(
            "Le télétravail ne suffit pas à remplir un lieu ; les animations le font vivre. Les "
            "nouveaux arrivants y trouvent leur premier réseau. La crèche voisine a compté dans "
            "le choix de plusieurs familles."
        ),
        conditions=(
            "Une bonne connexion ; un animateur ; une collectivité qui porte l'immobilier ; des "
            "services proches, restauration et garde d'enfants. "
            "Il faut enfin accepter que l'équilibre prenne du temps. Les nouveaux arrivants sont "
            "les meilleurs ambassadeurs du lieu."
        ),
        themes=("numerique", "economie"),
        publics=("entreprises", "nouveaux-arrivants"),
        setting=MOUNTAIN,
        year_start=2021,
        stage=Stage.RUNNING,
    ),
)
