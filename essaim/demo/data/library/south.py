"""Illustrative sheets of the south of France and overseas: Nouvelle-Aquitaine, Occitanie,
Provence-Alpes-Côte d'Azur, Corse, La Réunion and Guadeloupe. The communes are real (for the map
alone); the projects, figures and people are invented."""

from essaim.demo.data.library.spec import (
    COASTAL,
    MOUNTAIN,
    RURAL,
    SheetSpec,
    State,
)
from essaim.experiments.models import Stage
from essaim.scaling.models.strategy import StrategyKind

SOUTH_SHEETS = (
    SheetSpec(
        title="Une semaine d'immersion pour les nouveaux arrivants sur la Montagne limousine",
        insee="23079",  # Felletin
        whole_epci=True,
        summary=(
            "Des personnes qui envisagent de s'installer passent une semaine sur le territoire : "
            "rencontres d'habitants, visites d'activités à reprendre, logement chez l'habitant."
        ),
        context=(
            "Le territoire perd des habitants mais attire des candidats à l'installation, "
            "souvent sans idée précise de la vie sur place. Des installations mal préparées se "
            "terminaient par un départ au bout d'un hiver. Des commerces et des fermes "
            "cherchaient des repreneurs."
        ),
        tried=(
            "Deux fois par an, une association organise une semaine d'immersion pour une "
            "douzaine de candidats. Ils logent chez l'habitant, rencontrent des élus, des "
            "artisans et des cédants, visitent des logements vacants. Un suivi individuel est "
            "proposé après la semaine."
        ),
        results=(
            "En huit ans, plus de cent cinquante candidats accueillis et une soixantaine "
            "d'installations, dont des reprises de commerces et de fermes. Très peu de départs "
            "après la première année. "
            "Les élus sont de plus en plus associés à l'accueil."
        ),
        learned=(
            "Montrer l'hiver et les difficultés évite les déceptions. Le logement chez l'habitant "
            "crée les premiers liens. Les cédants préparent mieux la transmission quand ils "
            "rencontrent des repreneurs concrets."
        ),
        conditions=(
            "Des habitants prêts à accueillir ; un inventaire des activités à reprendre et des "
            "logements disponibles ; un suivi après la semaine. "
            "Il faut enfin montrer le territoire tel qu'il est. Le suivi après la semaine est ce "
            "qui transforme la visite en installation."
        ),
        themes=("services", "economie"),
        publics=("nouveaux-arrivants", "entreprises"),
        setting=RURAL,
        year_start=2016,
        stage=Stage.PERENNISATION,
        strategy=StrategyKind.KNOW_HOW,
    ),
    SheetSpec(
        title="Une conciergerie rurale dans un tiers-lieu corrézien",
        insee="19272",  # Tulle
        summary=(
            "Une conciergerie installée dans un tiers-lieu rend aux habitants et aux salariés "
            "des petits services du quotidien : dépôt de colis, pressing, réparations, paniers."
        ),
        context=(
            "Les habitants des communes voisines font de longs trajets pour des services "
            "simples. Les salariés des entreprises du territoire cumulent ces trajets après le "
            "travail. Un tiers-lieu venait d'ouvrir dans une ancienne école."
        ),
        tried=(
            "Le tiers-lieu a ouvert une conciergerie tenue par une salariée en insertion. Elle "
            "collecte et rend les commandes, travaille avec des artisans et des producteurs "
            "locaux, et propose aux entreprises un abonnement pour leurs salariés. "
            "Un partenariat avec un transporteur local assure les livraisons."
        ),
        results=(
            "Après un an, deux entreprises abonnées et une centaine d'usagers réguliers. Le "
            "dépôt de colis et les paniers de producteurs dominent. L'équilibre économique "
            "n'est pas atteint."
        ),
        learned=(
            "Les entreprises s'abonnent quand un salarié porte la demande en interne. Les "
            "services les plus simples font venir au tiers-lieu des habitants qui n'y entraient "
            "pas. "
            "Le modèle économique doit reposer sur les entreprises."
        ),
        conditions=(
            "Un lieu de passage ; des artisans partenaires ; un modèle économique qui ne repose "
            "pas seulement sur les habitants. "
            "Il faut enfin accepter une période d'essai. Les entreprises doivent être associées "
            "dès le départ."
        ),
        themes=("services", "economie"),
        publics=("habitants", "entreprises", "demandeurs-emploi"),
        setting=RURAL,
        year_start=2022,
        stage=Stage.RUNNING,
        state=State.TO_REVIEW,
        internal_notes="Le modèle économique est à préciser avec le tiers-lieu avant publication.",
    ),
    SheetSpec(
        title="Un covoiturage solidaire des aînés vers les rendez-vous médicaux",
        insee="24352",  # Ribérac
        summary=(
            "Des chauffeurs bénévoles conduisent les personnes âgées sans voiture à leurs "
            "rendez-vous médicaux et à leurs courses : un covoiturage solidaire organisé par le "
            "centre social."
        ),
        context=(
            "Les spécialistes sont à plus d'une heure de route et le car ne dessert pas les "
            "hameaux. Des personnes âgées renonçaient à des soins faute de transport. Des "
            "retraités avaient du temps et une voiture."
        ),
        tried=(
            "Le centre social met en relation les demandes et une quarantaine de chauffeurs "
            "bénévoles. Le passager verse une indemnité kilométrique au chauffeur ; une aide "
            "prend en charge les plus modestes. Une assurance couvre les trajets."
        ),
        results=(
            "Plus de deux mille trajets par an, aux trois quarts pour la santé. Plusieurs "
            "passagers disent avoir repris des soins abandonnés. Le service a été pérennisé "
            "avec le département."
        ),
        learned=(
            "Le trajet est aussi une visite : les bénévoles repèrent l'isolement. Une seule "
            "personne au standard rend le service fiable. Il faut renouveler les bénévoles "
            "avant qu'ils ne s'épuisent."
        ),
        conditions=(
            "Un centre social ou une association connu des habitants ; une coordination salariée "
            "; une assurance adaptée ; des soignants qui relaient l'offre. "
            "Il faut enfin renouveler les bénévoles. Les soignants doivent connaître le service."
        ),
        themes=("mobilite", "sante"),
        publics=("personnes-agees",),
        setting=RURAL,
        year_start=2018,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Une coopérative de producteurs pour la restauration scolaire en Soule",
        insee="64371",  # Mauléon-Licharre
        summary=(
            "Éleveurs et maraîchers de montagne se sont regroupés en coopérative pour fournir "
            "les cantines du territoire en viande, fromage et légumes."
        ),
        context=(
            "Les éleveurs de montagne vendaient leurs agneaux et leurs fromages loin, à bas "
            "prix. Les cantines achetaient ailleurs. Aucun producteur seul ne pouvait répondre "
            "aux volumes et aux règles des marchés publics."
        ),
        tried=(
            "Une coopérative a été créée pour regrouper l'offre, organiser la découpe et la "
            "livraison, et répondre aux marchés. Les cantines ont adapté leurs menus aux "
            "saisons et aux morceaux disponibles. "
            "Un salarié coordonne les commandes et la logistique."
        ),
        results=(
            "Vingt producteurs et quinze cantines engagés. Les éleveurs ont gagné 20 % sur le "
            "prix de vente. Le coût de la logistique reste lourd ; la coopérative doit décider "
            "si elle s'ouvre aux restaurants privés."
        ),
        learned=(
            "Des menus bâtis sur les morceaux disponibles valorisent toute la carcasse. La "
            "logistique coûte plus que prévu en montagne. La confiance entre producteurs s'est "
            "construite sur des prix transparents."
        ),
        conditions=(
            "Des producteurs prêts à s'organiser ; un atelier de découpe accessible ; des "
            "cuisiniers qui adaptent les menus ; des acheteurs qui s'engagent sur l'année. "
            "Il faut enfin accepter des prix stables sur l'année. La logistique doit être chiffrée "
            "avant de se lancer."
        ),
        themes=("alimentation", "economie"),
        publics=("agriculteurs", "scolaires"),
        setting=MOUNTAIN,
        year_start=2020,
        year_end=2023,
        stage=Stage.DECISION,
    ),
    SheetSpec(
        title="Une maison de santé et la télémédecine dans les Cévennes",
        insee="48061",  # Florac Trois Rivières
        summary=(
            "Une maison de santé de montagne s'équipe pour des téléconsultations avec des "
            "spécialistes, assistées par une infirmière, pour éviter aux patients des heures de "
            "route."
        ),
        context=(
            "Le spécialiste le plus proche est à deux heures de route par des routes de "
            "montagne. Les patients âgés renonçaient aux consultations de suivi. La maison de "
            "santé réunissait déjà médecins et infirmières."
        ),
        tried=(
            "Une salle de la maison de santé a été équipée pour la télémédecine. Une infirmière "
            "formée assiste les téléconsultations de dermatologie, de cardiologie et de "
            "diabétologie. Les créneaux sont réservés avec l'hôpital de référence."
        ),
        results=(
            "Plus de six cents téléconsultations par an ; huit patients sur dix se disent "
            "satisfaits. Les déplacements évités se comptent en dizaines de milliers de "
            "kilomètres. "
            "Les infirmières ont gagné en compétence et en reconnaissance."
        ),
        learned=(
            "L'infirmière qui assiste est indispensable : elle rassure le patient et fait les "
            "gestes. Les spécialistes s'engagent quand les créneaux sont bien préparés. La "
            "connexion doit être irréprochable."
        ),
        conditions=(
            "Une maison de santé déjà coordonnée ; un hôpital partenaire ; du temps infirmier "
            "financé ; une très bonne connexion. "
            "Il faut enfin former les infirmières. Les spécialistes doivent s'engager sur des "
            "créneaux réguliers."
        ),
        themes=("sante", "numerique"),
        publics=("personnes-agees", "habitants"),
        setting=MOUNTAIN,
        year_start=2017,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Des chantiers participatifs pour rénover les centres-bourgs",
        insee="12208",  # Saint-Affrique
        summary=(
            "Habitants, artisans et jeunes en formation rénovent ensemble des façades et des "
            "logements vacants des centres-bourgs, au fil de chantiers participatifs."
        ),
        context=(
            "Les centres-bourgs se vident au profit des lotissements ; des maisons anciennes se "
            "dégradent. Les propriétaires modestes n'ont pas les moyens de les rénover. Des "
            "savoir-faire de construction en pierre se perdent."
        ),
        tried=(
            "Une association organise des chantiers participatifs encadrés par des artisans : "
            "les habitants apprennent à enduire, à rejointoyer, à isoler avec des matériaux "
            "locaux. Un lycée professionnel y envoie ses élèves. "
            "Les chantiers ont lieu le samedi, pour que les habitants puissent venir."
        ),
        results=(
            "Quinze chantiers en deux ans, dont trois logements vacants remis en location. Les "
            "participants disent avoir appris assez pour entretenir leur propre maison. "
            "Le lycée professionnel a intégré les chantiers à sa formation."
        ),
        learned=(
            "Le chantier visible dans la rue donne envie aux voisins. Les artisans encadrants "
            "trouvent aussi de futurs clients. Il faut choisir des chantiers courts."
        ),
        conditions=(
            "Des artisans pédagogues ; une assurance pour les participants ; des propriétaires "
            "qui acceptent d'ouvrir leur chantier. "
            "Il faut enfin choisir des chantiers courts et visibles. Les matériaux locaux donnent "
            "du sens au projet."
        ),
        themes=("habitat", "culture"),
        publics=("habitants", "associations", "jeunes"),
        setting=RURAL,
        year_start=2023,
        stage=Stage.RUNNING,
    ),
    SheetSpec(
        title="L'éducation artistique dans toutes les écoles d'un territoire rural",
        insee="32233",  # Marciac
        whole_epci=True,
        summary=(
            "Chaque élève du territoire, de la maternelle au collège, pratique chaque année la "
            "musique avec des artistes en résidence."
        ),
        context=(
            "Les écoles rurales, petites et éloignées, accédaient peu aux spectacles et aux "
            "pratiques artistiques. Le territoire accueille chaque été un festival de musique "
            "qui voulait s'ancrer toute l'année. "
            "Les enseignants manquaient d'appui pour mener des projets artistiques."
        ),
        tried=(
            "L'intercommunalité, l'éducation nationale et le festival ont signé un contrat "
            "d'éducation artistique. Des musiciens en résidence interviennent dans chaque école "
            "; les élèves jouent en fin d'année sur la scène du festival. "
            "Les enseignants sont formés avec les artistes au début de chaque année."
        ),
        results=(
            "Toutes les écoles du territoire participent depuis dix ans. Les inscriptions à "
            "l'école de musique ont doublé. Les familles viennent aux concerts de fin d'année."
        ),
        learned=(
            "La pratique fait plus que le spectacle. Les enseignants s'engagent quand les "
            "artistes préparent avec eux. Le concert de fin d'année rassemble des familles "
            "éloignées de la culture."
        ),
        conditions=(
            "Un partenaire culturel ancré ; un contrat signé par toutes les parties ; des "
            "transports pour les élèves. "
            "Il faut enfin un financement stable, sur plusieurs années. Les familles doivent être "
            "invitées."
        ),
        themes=("culture", "jeunesse"),
        publics=("scolaires", "familles"),
        setting=RURAL,
        year_start=2012,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Une recyclerie de montagne et ses points de collecte dans les vallées",
        insee="09261",  # Saint-Girons
        summary=(
            "Une recyclerie collecte dans les vallées, répare et revend à petit prix, avec une "
            "équipe en insertion et une boutique mobile les jours de marché."
        ),
        context=(
            "Les déchetteries sont loin des hautes vallées ; les encombrants s'accumulaient. Les "
            "habitants modestes manquaient de meubles et de vêtements. Les emplois d'insertion "
            "étaient rares."
        ),
        tried=(
            "Une association a ouvert une recyclerie dans la ville-centre, des points de "
            "collecte dans les vallées et une boutique mobile qui suit les marchés. Des ateliers "
            "de réparation de vélos et de petits appareils sont ouverts au public. "
            "La recyclerie a passé un accord avec le syndicat de collecte des déchets."
        ),
        results=(
            "Deux cents tonnes collectées par an, dont 70 % réemployées ou recyclées. Quinze "
            "postes en insertion. La boutique mobile réalise le quart des ventes."
        ),
        learned=(
            "Aller vers les vallées change la collecte comme la vente. Les points de collecte "
            "doivent être tenus par des relais connus. Les ateliers ouverts créent des "
            "bénévoles."
        ),
        conditions=(
            "Un local central ; des relais dans les vallées ; un véhicule ; un accord avec le "
            "syndicat des déchets. "
            "Il faut enfin une équipe d'encadrement solide pour l'insertion. Les ateliers ouverts "
            "font connaître la recyclerie."
        ),
        themes=("economie",),
        publics=("habitants", "demandeurs-emploi"),
        setting=MOUNTAIN,
        year_start=2015,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Une épicerie participative en centre-bourg",
        insee="04088",  # Forcalquier
        summary=(
            "Des habitants ont ouvert une épicerie dont ils sont les membres et les bénévoles : "
            "produits locaux et bio à prix justes, trois heures de bénévolat par mois."
        ),
        context=(
            "Le dernier commerce alimentaire du centre avait fermé. Les habitants voulaient des "
            "produits locaux à prix raisonnables. Les producteurs des environs cherchaient des "
            "débouchés proches."
        ),
        tried=(
            "Une association a ouvert une épicerie où chaque membre donne trois heures par mois "
            "et achète sans marge supplémentaire. Les producteurs livrent directement. Un salarié "
            "coordonne les commandes et les plannings."
        ),
        results=(
            "Trois cents foyers membres, la moitié des produits venant de moins de cinquante "
            "kilomètres. La vitrine a rendu vie à la rue. "
            "Les producteurs disent mieux connaître leurs clients."
        ),
        learned=(
            "Le bénévolat fidélise autant qu'il fait baisser les prix. Un salarié est "
            "nécessaire au-delà de cent membres. Les producteurs apprécient de connaître leurs "
            "clients."
        ),
        conditions=(
            "Un noyau d'habitants fondateurs ; un local en centre-bourg ; des producteurs "
            "proches ; un outil simple de planning. "
            "Il faut enfin accepter que tout le monde ne puisse pas être bénévole. Un salarié "
            "devient nécessaire quand l'épicerie grandit."
        ),
        themes=("alimentation", "economie"),
        publics=("habitants", "associations", "agriculteurs"),
        setting=RURAL,
        year_start=2019,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Un transport solidaire à la demande dans la vallée de la Durance",
        insee="05046",  # Embrun
        summary=(
            "Une mobilité à la demande assurée par des chauffeurs bénévoles pour les personnes "
            "âgées ou en situation de handicap, sur réservation auprès des mairies."
        ),
        context=(
            "En montagne, les personnes qui ne conduisent plus sont vite isolées. Le transport "
            "à la demande du département ne dessert pas les hameaux. Des associations de "
            "retraités voulaient agir."
        ),
        tried=(
            "Un réseau de chauffeurs bénévoles réservé par les mairies. Les passagers paient une "
            "participation fixe ; le surplus est pris en charge par les communes. Un véhicule "
            "adapté aux fauteuils est prêté par l'hôpital local."
        ),
        results=(
            "Mille trajets la première année, surtout vers les commerces et la santé. Les "
            "personnes en fauteuil, jusque-là sans solution, représentent un trajet sur dix. "
            "Les bénévoles disent tirer beaucoup de ces trajets."
        ),
        learned=(
            "Les mairies sont le bon guichet pour les personnes âgées. Le véhicule adapté a "
            "révélé une demande invisible. Les chauffeurs veulent des trajets planifiés."
        ),
        conditions=(
            "Des bénévoles et leur assurance ; un véhicule adapté ; des mairies engagées ; une "
            "coordination au niveau de la vallée. "
            "Il faut enfin assurer les bénévoles. Les mairies doivent être associées dès le "
            "départ."
        ),
        themes=("mobilite", "sante"),
        publics=("personnes-agees", "personnes-handicap"),
        setting=MOUNTAIN,
        year_start=2021,
        stage=Stage.RUNNING,
    ),
    SheetSpec(
        title="Une régie agricole communale pour la cantine",
        insee="83012",  # Barjols
        summary=(
            "La commune cultive elle-même, en régie, les légumes de sa cantine sur des terres "
            "communales, avec un maraîcher salarié."
        ),
        context=(
            "La commune voulait servir des légumes bio et locaux à la cantine, mais aucun "
            "maraîcher n'en produisait assez à proximité. Elle possédait des terres irrigables "
            "inexploitées. "
            "Les élus voulaient aussi montrer qu'une commune peut produire ce qu'elle sert."
        ),
        tried=(
            "La commune a embauché un maraîcher et créé une régie agricole. La production est "
            "planifiée avec la cuisinière selon les menus. Les surplus sont donnés à l'épicerie "
            "solidaire."
        ),
        results=(
            "La régie fournit 80 % des légumes de la cantine, tout en bio. Le coût est comparable "
            "à celui des achats, salaire compris. Les élèves viennent au jardin chaque saison."
        ),
        learned=(
            "Planifier avec la cuisinière évite le gaspillage. Un salarié seul est fragile : il "
            "faut prévoir les remplacements. Les élèves goûtent plus volontiers ce qu'ils ont "
            "vu pousser."
        ),
        conditions=(
            "Des terres et de l'eau ; une volonté politique durable ; une cuisine sur place ; "
            "un maraîcher salarié et un remplaçant. "
            "Il faut enfin prévoir les remplacements du maraîcher. Les élèves doivent venir au "
            "jardin."
        ),
        themes=("alimentation", "jeunesse"),
        publics=("scolaires", "elus"),
        setting=RURAL,
        year_start=2018,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Des étudiants logés chez l'habitant dans les villages de l'intérieur",
        insee="2B096",  # Corte
        summary=(
            "Des personnes âgées des villages accueillent un étudiant dans une chambre libre, "
            "contre une présence et de petits services : un logement intergénérationnel."
        ),
        context=(
            "Les étudiants de l'université manquent de logements abordables. Dans les villages "
            "voisins, des personnes âgées vivent seules dans de grandes maisons. Les familles "
            "s'inquiétaient de leur isolement."
        ),
        tried=(
            "Une association met en relation étudiants et hôtes, rédige une convention et suit "
            "chaque binôme. L'étudiant paie un loyer modeste et assure une présence le soir. Un "
            "transport vers l'université a été négocié."
        ),
        results=(
            "Trente binômes en trois ans, la plupart reconduits d'une année sur l'autre. Les "
            "hôtes disent se sentir plus en sécurité ; les étudiants économisent la moitié de "
            "leur loyer. "
            "Aucun binôme n'a été rompu en cours d'année."
        ),
        learned=(
            "Le choix du binôme est décisif : les rencontres préalables évitent les échecs. La "
            "convention doit dire clairement ce qui est attendu. Le transport conditionne tout."
        ),
        conditions=(
            "Une association qui suit les binômes ; un transport vers le lieu d'études ; des "
            "hôtes repérés par les mairies et les services d'aide à domicile. "
            "Il faut enfin une convention claire. Les binômes doivent se rencontrer avant de "
            "s'engager."
        ),
        themes=("habitat", "jeunesse"),
        publics=("jeunes", "personnes-agees"),
        setting=MOUNTAIN,
        year_start=2022,
        stage=Stage.EVALUATION,
    ),
    SheetSpec(
        title="Un point de vente collectif de producteurs",
        insee="2A272",  # Sartène
        summary=(
            "Une vingtaine de producteurs préparent l'ouverture d'un magasin collectif où ils "
            "vendent à tour de rôle charcuterie, fromages, huile d'olive et légumes."
        ),
        context=(
            "Les producteurs vendent surtout l'été aux visiteurs et peinent le reste de l'année. "
            "Les habitants trouvent difficilement des produits locaux hors saison. "
            "Le territoire compte de nombreux producteurs de qualité mais peu organisés."
        ),
        tried=(
            "Les producteurs ont constitué une association, cherché un local et écrit un "
            "règlement intérieur : permanences à tour de rôle, commission sur les ventes, "
            "charte de qualité. "
            "Des ventes de test ont été organisées sur les marchés. Les producteurs ont aussi "
            "visité d'autres points de vente collectifs."
        ),
        results=(
            "Le projet est au stade du cadrage : le local est trouvé, l'ouverture prévue au "
            "printemps. Les premières ventes de test sur les marchés ont confirmé la demande "
            "des habitants. "
            "Les producteurs ont aussi appris à se connaître."
        ),
        learned=(
            "Écrire le règlement avant d'ouvrir a fait apparaître les désaccords à temps. Les "
            "habitants attendent surtout une ouverture toute l'année. "
            "Les visites d'autres magasins ont rassuré les plus hésitants."
        ),
        conditions=(
            "Des producteurs complémentaires ; un local accessible ; des règles de permanence "
            "acceptées par tous. "
            "Il faut enfin une charte de qualité. Les habitants doivent être associés."
        ),
        themes=("alimentation", "economie"),
        publics=("agriculteurs", "habitants"),
        setting=RURAL,
        year_start=2025,
        stage=Stage.FRAMING,
        state=State.TO_REVIEW,
    ),
    SheetSpec(
        title="Des jardins créoles partagés pour l'alimentation des familles",
        insee="97412",  # Saint-Joseph, La Réunion
        summary=(
            "Des familles cultivent ensemble des jardins créoles sur des terrains prêtés, "
            "accompagnées par des animateurs : légumes, plantes aromatiques et savoirs partagés."
        ),
        context=(
            "La part de l'alimentation importée est élevée et les prix des fruits et légumes "
            "pèsent sur les familles modestes. Les savoirs du jardin créole se transmettent de "
            "moins en moins. "
            "Les familles modestes cherchaient des moyens de mieux se nourrir."
        ),
        tried=(
            "La commune a prêté des terrains et une association anime des jardins partagés. Les "
            "anciens transmettent les savoirs du jardin créole ; des ateliers de cuisine "
            "valorisent les récoltes. "
            "Les récoltes sont partagées entre les familles."
        ),
        results=(
            "Quatre jardins, quatre-vingts familles. Les jardiniers déclarent acheter moins de "
            "légumes et en manger plus. Les ateliers de cuisine rassemblent trois générations."
        ),
        learned=(
            "La transmission entre générations fait venir les familles. L'eau est la première "
            "contrainte : les récupérateurs ont changé la donne. Un animateur est indispensable "
            "les deux premières années."
        ),
        conditions=(
            "Des terrains proches des habitations ; de l'eau ; un animateur ; des anciens prêts "
            "à transmettre. "
            "Il faut enfin un animateur. Les récupérateurs d'eau sont indispensables."
        ),
        themes=("alimentation", "sante"),
        publics=("familles", "habitants", "personnes-agees"),
        setting=COASTAL,
        year_start=2019,
        stage=Stage.PERENNISATION,
    ),
    SheetSpec(
        title="Un atelier de transformation partagé pour les agriculteurs",
        insee="97107",  # Capesterre-Belle-Eau, Guadeloupe
        summary=(
            "Un atelier équipé et aux normes, partagé entre agriculteurs, permet de transformer "
            "fruits et légumes en jus, confitures et produits séchés."
        ),
        context=(
            "Une partie des récoltes se perd faute de débouchés en pleine saison. Les "
            "agriculteurs n'ont pas les moyens d'équiper seuls un atelier aux normes. "
            "Les produits transformés étaient surtout importés."
        ),
        tried=(
            "Une coopérative gère un atelier partagé que les agriculteurs réservent à la "
            "journée, avec une technicienne qui forme et conseille. Les produits sont vendus "
            "sous une marque commune. "
            "Les agriculteurs sont formés à l'hygiène et aux normes."
        ),
        results=(
            "Vingt-cinq agriculteurs utilisateurs ; les pertes de récolte ont nettement baissé "
            "chez eux. La marque commune est présente dans les commerces de l'île. "
            "Plusieurs agriculteurs ont développé une nouvelle activité."
        ),
        learned=(
            "La technicienne est la clé de la qualité. Le planning de réservation doit suivre "
            "les saisons de récolte. La marque commune ouvre les commerces."
        ),
        conditions=(
            "Un local aux normes ; une technicienne ; des agriculteurs organisés ; des "
            "débouchés pour les produits transformés. "
            "Il faut enfin une marque commune. Le planning doit suivre les saisons."
        ),
        themes=("alimentation", "economie"),
        publics=("agriculteurs", "entreprises"),
        setting=RURAL,
        year_start=2023,
        stage=Stage.RUNNING,
    ),
)
