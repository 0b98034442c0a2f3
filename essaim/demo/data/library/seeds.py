"""The eight cases of the source documents as experience sheets, each written from its demo
experiment: the titles are those under which the cases were presented at Cap Rural's
webconferences, the texts take up the words of the experiments' framing, journal and verdicts.
Like the experiments, the sheets are illustrative: their figures are invented."""

from datetime import date

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
from essaim.demo.data.library.spec import (
    MOUNTAIN,
    PERIURBAN,
    RURAL,
    ContactSpec,
    SheetSpec,
)
from essaim.library.models import Licence
from essaim.scaling.models.strategy import StrategyKind

AGREED = date(2025, 11, 14)

SEED_SHEETS = (
    SheetSpec(
        title="Rezo Pouce, l'autostop organisé en Chartreuse",
        experiment=rezo_pouce.CASE.title,
        territory="Parc naturel régional de Chartreuse",
        summary=(
            "L'autostop organisé sur le territoire du Parc naturel régional de Chartreuse avec le "
            "dispositif Rezo Pouce, né à Moissac en 2010 : des arrêts signalés dans les communes, "
            "des conducteurs et des passagers inscrits et identifiables. Deux ans d'essai, puis "
            "la décision de pérenniser là où des voitures passent déjà."
        ),
        context=(
            "Dans le massif, la plupart des trajets du quotidien se font seul en voiture. Les "
            "habitants sans voiture ou sans permis — lycéens, apprentis, personnes âgées, "
            "personnes en recherche d'emploi — dépendent de cars peu fréquents pour rejoindre "
            "les bourgs, les services, les gares et leur lieu de travail ou d'études. Le Parc "
            "cherchait une solution simple, gratuite et sûre, qui remplisse les sièges vides des "
            "voitures qui circulent déjà."
        ),
        tried=(
            "Le Parc a rejoint le réseau Rezo Pouce et installé avec les communes volontaires des "
            "arrêts « sur le pouce ». Les habitants s'inscrivent en mairie ou en ligne, reçoivent "
            "une carte et un autocollant qui les rendent identifiables. Une animation régulière "
            "a accompagné les deux premières années : réunions publiques, présence dans les "
            "lycées, relance des conducteurs. À mi-parcours, huit arrêts ont été déplacés sur "
            "l'avis des communes."
        ),
        results=(
            "L'attente médiane est tombée à neuf minutes sur les axes principaux ; les arrêts des "
            "petites vallées restent peu utilisés. L'objectif de 500 inscriptions n'a pas été "
            "atteint (376 fin 2020) : ce sont les conducteurs qui manquent le plus. Le sentiment "
            "de sécurité a atteint « bon » dès la fin de 2019, sans aucun incident signalé."
        ),
        learned=(
            "Un arrêt ne crée pas le passage : il faut le placer là où des voitures passent déjà, "
            "près d'un commerce ou d'un arrêt de car. Les communes connaissent les passages : "
            "leur avis sur les emplacements est décisif. Les lycéens sont le public le plus "
            "réceptif et entraînent parfois leurs parents comme conducteurs. Le dispositif repose "
            "sur la confiance entre inconnus : elle se reconstruit lentement après une crise."
        ),
        conditions=(
            "Des communes volontaires qui installent les arrêts et relaient les inscriptions en "
            "mairie ; assez de conducteurs inscrits pour que l'attente reste courte ; une "
            "animation régulière pendant au moins deux ans. Fixer des objectifs distincts pour "
            "les passagers et pour les conducteurs, et aller chercher ces derniers. "
            "Enfin, accepter que certaines vallées ne s'y prêtent pas."
        ),
        themes=("mobilite",),
        publics=("habitants", "jeunes", "personnes-agees", "demandeurs-emploi"),
        setting=MOUNTAIN,
        year_start=2019,
        year_end=2020,
        strategy=StrategyKind.FRANCHISE,
        contacts=(
            ContactSpec(person="Sophie Roy", consented_on=AGREED),
            ContactSpec(
                name="Marc Vial",
                role="conseiller municipal délégué aux mobilités (personne fictive)",
                organisation="Commune du massif",
                email="marc.vial@example.org",
            ),
        ),
        internal_notes=(
            "Les chiffres d'inscription sont à reconfirmer avec le Parc avant toute réimpression."
        ),
    ),
    SheetSpec(
        title="Cultiver la proximité d'Ardèche en Hermitage : des services itinérants",
        experiment=arche_agglo.CASE.title,
        territory="Arche Agglo",
        summary=(
            "Une offre de services itinérants d'ARCHE Agglo (Ardèche Rhône Coiron Hermitage) à "
            "destination des seniors et des jeunes : les services viennent à jour fixe dans les "
            "villages plutôt que d'attendre qu'on vienne à eux."
        ),
        context=(
            "Dans les communes rurales de l'agglomération, les seniors et les jeunes sont loin "
            "des services : accès aux droits, démarches en ligne, information jeunesse. Beaucoup "
            "ne se déplacent pas jusqu'aux services centraux et renoncent. Le constat était "
            "partagé par les maires et les services de solidarité."
        ),
        tried=(
            "Une équipe itinérante tient des permanences à jour fixe dans les villages, dans des "
            "salles prêtées par les communes. Elle y accompagne les démarches en ligne, informe "
            "sur les droits et tient un point d'information jeunesse. Les mairies et les "
            "associations relaient le calendrier de passage."
        ),
        results=(
            "Plus de 70 seniors accueillis par mois au printemps 2026, dont une majorité déclare "
            "ne pas s'être rendue aux services centraux dans l'année. Les jeunes ne venaient pas "
            "aux permanences du matin ; déplacées au mercredi après-midi, leur fréquentation a "
            "doublé en trois mois. "
            "Les aidants familiaux, que personne n'attendait, sont venus nombreux pour leurs "
            "proches."
        ),
        learned=(
            "L'accompagnement numérique est la porte d'entrée vers les autres services. Les "
            "aidants familiaux sont un public à part entière, que le cadrage n'avait pas prévu. "
            "Un créneau qui ne correspond pas à la vie des jeunes en période scolaire reste "
            "désert, quelle que soit l'offre."
        ),
        conditions=(
            "Un calendrier de passage fixe et connu ; des salles mises à disposition par les "
            "communes ; une équipe stable, qui ne s'épuise pas sur la route ; des relais dans "
            "les villages. Savoir quels services gagnent à être itinérants, et pour quels publics. "
            "Prévoir enfin des horaires pensés pour chaque public, et les revoir après un "
            "trimestre."
        ),
        themes=("services", "jeunesse"),
        publics=("personnes-agees", "jeunes", "familles"),
        setting=RURAL,
        year_start=2025,
        contacts=(ContactSpec(person="Véronique Sybelin", consented_on=AGREED),),
    ),
    SheetSpec(
        title="3D.3TERRES : une imprimante 3D céramique pour le développement local",
        experiment=fablab_3d3terres.CASE.title,
        territory="CC du Crestois et de Pays de Saillans Cœur de Drôme",
        summary=(
            "Impulser une dynamique de développement local à partir de l'introduction d'une "
            "imprimante 3D céramique au 8 Fablab de Crest : faire se rencontrer autour d'une "
            "machine des artisans, des habitants, des étudiants et des entreprises."
        ),
        context=(
            "Les savoir-faire céramiques et la fabrication numérique se côtoient sur le "
            "territoire sans se rencontrer. Les artisans n'ont pas accès à des outils de "
            "prototypage qu'ils ne peuvent pas acheter seuls. Le fablab voulait créer des "
            "coopérations nouvelles autour d'un outil partagé."
        ),
        tried=(
            "Le 8 Fablab a installé une imprimante 3D céramique et formé une personne pour "
            "accompagner les usagers. Des créneaux ont été réservés aux artisans et des "
            "rencontres régulières organisées entre usagers : potiers, designers, habitants "
            "curieux, étudiants, petites entreprises. "
            "Le fablab a tenu un journal de ce qui se passait autour de la machine."
        ),
        results=(
            "Plus de 40 heures d'usage par mois depuis l'automne 2025, dont une part croissante "
            "d'artisans qui ne venaient pas au fablab. Une potière et un designer se sont "
            "associés pour un premier projet commun. Trois semaines de panne en juillet ont "
            "rappelé la fragilité d'une machine unique."
        ),
        learned=(
            "La curiosité est une porte d'entrée, pas un usage. Les rencontres font plus pour la "
            "coopération que la machine elle-même. Les artisans ont besoin de créneaux "
            "prévisibles pour l'intégrer à leur travail."
        ),
        conditions=(
            "Une personne formée pour accompagner les usagers ; des créneaux réservés aux "
            "artisans ; des rencontres régulières entre usagers ; un plan pour les pannes, "
            "qu'une seule machine rend inévitables. "
            "Le fablab conseille de commencer par les artisans plutôt que par les curieux. Il faut "
            "aussi accepter que les premiers mois servent surtout à se connaître."
        ),
        themes=("numerique", "economie"),
        publics=("entreprises", "habitants", "jeunes"),
        setting=RURAL,
        year_start=2024,
        contacts=(ContactSpec(person="Maryline Chasles", consented_on=AGREED),),
    ),
    SheetSpec(
        title="L'habitat partagé ECORAVIE à Dieulefit : construire le vivre ensemble",
        experiment=ecoravie.CASE.title,
        territory="Dieulefit",
        summary=(
            "Comment construire le vivre ensemble entre habitants qui partagent des espaces et "
            "des décisions : les habitants d'ECORAVIE se donnent des règles explicites, essayées "
            "puis revues, et se demandent s'ils veulent cadrer leur démarche comme une "
            "expérimentation évaluée."
        ),
        context=(
            "Partager des espaces, des tâches et des décisions demande des règles que personne "
            "n'a écrites d'avance. Les tensions naissent souvent de l'implicite. Les habitants "
            "voulaient aussi garder une trace de ce qui marche pour d'autres projets d'habitat "
            "partagé."
        ),
        tried=(
            "Des temps de décision réguliers où tous les foyers sont invités ; un tour de rôle "
            "pour l'animation ; des règles écrites, même provisoires, revues après quelques mois "
            "d'usage. Les habitants ont commencé à en tenir le journal. "
            "Ils ont aussi demandé à un centre de ressources de les aider à cadrer leur démarche."
        ),
        results=(
            "La démarche est au stade du cadrage : les habitants définissent ce qu'ils "
            "observeront, à commencer par la participation des foyers aux temps de décision. "
            "Écrire les premières règles a déjà apaisé plusieurs désaccords. "
            "Les habitants savent désormais ce qu'ils veulent observer et comment."
        ),
        learned=(
            "Ce qui fâche vient souvent de l'implicite. Écrire les règles, même provisoires, est "
            "déjà un progrès. Le tour de rôle pour l'animation évite qu'un petit groupe porte "
            "seul la vie collective."
        ),
        conditions=(
            "La participation de tous les foyers aux temps de décision ; un tour de rôle pour "
            "l'animation ; accepter de revoir les règles plutôt que de les graver dans le marbre. "
            "Garder une trace écrite des décisions et des raisons qui les ont motivées aide les "
            "nouveaux arrivants. Prendre le temps, enfin : le vivre ensemble ne se décrète pas."
        ),
        themes=("habitat", "democratie"),
        publics=("habitants", "familles"),
        setting=RURAL,
        year_start=2027,
        licence=Licence.CC_BY,
        contacts=(
            ContactSpec(person="Joël Soler", consented_on=AGREED),
            ContactSpec(person="Claire Galland", consented_on=AGREED),
        ),
    ),
    SheetSpec(
        title="Saillans, laboratoire de démocratie participative",
        experiment=saillans.CASE.title,
        territory="Saillans",
        summary=(
            "Élue en 2014, une liste collégiale gouverne la commune de Saillans en associant les "
            "habitants à la préparation des décisions. Six ans de participation, ses réussites "
            "et son essoufflement."
        ),
        context=(
            "Une partie des habitants se sentait tenue à l'écart des décisions municipales, "
            "prises par un petit nombre d'élus. La liste élue en 2014 voulait partager le "
            "pouvoir entre les élus, associer les habitants à la préparation des décisions et "
            "rendre l'action municipale transparente. "
            "La liste élue voulait rompre avec une gestion jugée fermée par une partie du village."
        ),
        tried=(
            "Des binômes d'élus plutôt qu'un maire et des adjoints seuls ; des commissions "
            "participatives ouvertes à tous les habitants ; une information publique régulière. "
            "À mi-parcours, des formats courts et ponctuels — ateliers, réunions de quartier — "
            "ont complété les commissions. "
            "Toutes les décisions étaient préparées en public, et les comptes rendus diffusés "
            "largement."
        ),
        results=(
            "Une participation large la première année, qui se resserre ensuite sur les "
            "habitués ; les formats courts ont en partie élargi le cercle. Les habitants "
            "interrogés jugent les décisions mieux comprises depuis 2015. L'expérience s'est "
            "arrêtée avec le mandat, en 2020."
        ),
        learned=(
            "L'attente était forte ; il faut des formats pour la tenir dans la durée. La "
            "participation ouverte ne suffit pas à toucher tout le monde. Le nombre de réunions "
            "demandé aux habitants était trop élevé. Des habitants qui ne viennent jamais aux "
            "commissions viennent aux ateliers."
        ),
        conditions=(
            "Des élus disponibles pour un travail collectif ; des habitants qui participent "
            "au-delà des plus engagés ; une information publique régulière ; mesurer ce qu'une "
            "commune rurale peut tenir dans la durée, et à quel coût humain. "
            "Une équipe municipale qui accepte de partager la préparation des décisions est le "
            "premier préalable. Il faut aussi prévoir, dès le départ, comment la démarche survivra "
            "au mandat."
        ),
        themes=("democratie",),
        publics=("habitants", "elus"),
        setting=RURAL,
        year_start=2014,
        year_end=2020,
        contacts=(ContactSpec(person="Sabine Girard", consented_on=AGREED),),
    ),
    SheetSpec(
        title="Terres de Sources, un label local qui protège l'eau",
        experiment=terres_de_sources.CASE.title,
        territory="Bassin rennais",
        summary=(
            "Terres de Sources est un label local qui protège l'eau, porté par Eau du Bassin "
            "Rennais Collectivité. L'expérimentation a testé son changement d'échelle : plus de "
            "producteurs engagés, plus de débouchés, un territoire plus étendu."
        ),
        context=(
            "Protéger durablement la ressource en eau potable suppose que les pratiques "
            "agricoles favorables à l'eau soient économiquement tenables pour les producteurs "
            "des bassins d'alimentation. Le label les rémunère par des débouchés : restauration "
            "collective, commerces, habitants du bassin rennais. "
            "Eau du Bassin Rennais Collectivité a choisi d'acheter plutôt que d'interdire."
        ),
        tried=(
            "Étendre le label à davantage de producteurs et de débouchés, avec un cahier des "
            "charges lisible et un suivi des pratiques crédible. Après des départs de "
            "producteurs, l'extension s'est faite par vagues : les débouchés d'abord, les "
            "nouveaux producteurs ensuite. "
            "Un comité réunissant producteurs, acheteurs et collectivités décide des étapes de "
            "l'extension."
        ),
        results=(
            "Le nombre de producteurs engagés suit celui des débouchés en restauration "
            "collective. La notoriété du label progresse mais reste moyenne hors du bassin "
            "d'origine. Depuis l'extension par vagues, les départs de producteurs ont cessé."
        ),
        learned=(
            "Le débouché précède l'engagement. La demande peut devancer l'offre : il faut "
            "planifier ensemble acheteurs et producteurs. L'extension du périmètre doit suivre "
            "celle des débouchés, et non l'inverse."
        ),
        conditions=(
            "Un cahier des charges lisible ; des débouchés réguliers pour les producteurs "
            "labellisés ; un suivi des pratiques crédible ; connaître les limites de taille d'un "
            "label local. "
            "Le label doit rester exigeant pour garder sa crédibilité. Enfin, la coopération entre "
            "collectivités acheteuses est ce qui permet de changer d'échelle."
        ),
        themes=("eau", "alimentation"),
        publics=("agriculteurs", "entreprises", "elus"),
        setting=PERIURBAN,
        year_start=2021,
        year_end=2025,
        strategy=StrategyKind.COOPERATION,
        contacts=(ContactSpec(person="Daniel Helle", consented_on=AGREED),),
    ),
    SheetSpec(
        title="Les centrales villageoises, de la construction d'un modèle à son essaimage",
        experiment=centrales_villageoises.CASE.title,
        territory="Auvergne-Rhône-Alpes",
        summary=(
            "Des sociétés locales d'habitants, de collectivités et d'entreprises produisent une "
            "énergie renouvelable sur leur territoire ; la première centrale villageoise a été "
            "raccordée en 2014. Après la construction du modèle vient son essaimage dans "
            "d'autres territoires."
        ),
        context=(
            "Les habitants veulent prendre part à la transition énergétique de leur territoire, "
            "mais un projet de production d'énergie est difficile à monter seul. Il fallait un "
            "modèle de société locale reproductible, et des outils pour que d'autres "
            "territoires s'en emparent. "
            "Il fallait aussi que les collectivités et les entreprises locales puissent y prendre "
            "part."
        ),
        tried=(
            "Construire le modèle avec les premiers territoires, puis l'outiller : documents "
            "types, formations, charte commune. Un parrainage entre groupes locaux a été mis en "
            "place, et l'association tient un réseau qui partage les retours d'expérience. "
            "Le modèle a été décrit dans une charte et un guide à l'usage des nouveaux groupes."
        ),
        results=(
            "Plus de dix sociétés locales créées en six ans, la plupart par des groupes qui "
            "n'avaient pas conçu le modèle. L'ancrage local tient, mais les demandes de "
            "territoires éloignés posent la question de l'accompagnement à distance. "
            "Le parrainage entre groupes locaux s'est imposé comme la voie principale de "
            "transmission."
        ),
        learned=(
            "Un modèle ne s'essaime qu'avec ses outils. La durée de montage épuise les "
            "bénévoles : un groupe local a abandonné avant la mise en service. Les pairs "
            "transmettent ce que les documents ne disent pas. Le modèle circule par le "
            "bouche-à-oreille."
        ),
        conditions=(
            "Des groupes locaux motivés ; des outils communs, documents types et formations ; un "
            "réseau qui partage les retours d'expérience ; un parrainage par un groupe qui a "
            "déjà abouti. "
            "Il faut aussi accepter que chaque groupe adapte le modèle à son territoire. Le réseau "
            "doit enfin trouver les moyens d'accompagner les groupes éloignés."
        ),
        themes=("energie", "economie"),
        publics=("habitants", "elus", "entreprises"),
        setting=RURAL,
        year_start=2013,
        year_end=2018,
        strategy=StrategyKind.LOOSE_NETWORK,
        contacts=(
            ContactSpec(person="Claude Dubreuil", consented_on=AGREED),
            ContactSpec(person="Jean-Michel Bostetter", consented_on=AGREED),
        ),
    ),
    SheetSpec(
        title="Bricobus, déployer en réseau un dispositif solidaire d'auto-réhabilitation",
        experiment=bricobus.CASE.title,
        territory="Loiret",
        summary=(
            "Le Bricobus accompagne des habitants aux revenus modestes pour qu'ils réhabilitent "
            "eux-mêmes leur logement, avec un véhicule équipé et une équipe qui vient jusqu'à "
            "eux. Parti du Loiret en 2016, il se déploie en réseau."
        ),
        context=(
            "Des ménages modestes, souvent en milieu rural, vivent dans des logements dégradés "
            "sans pouvoir payer des artisans ni savoir par où commencer les travaux. Ils restent "
            "souvent isolés et ne se signalent pas d'eux-mêmes. "
            "Les Compagnons Bâtisseurs en faisaient le constat depuis longtemps dans leurs "
            "chantiers."
        ),
        tried=(
            "Un véhicule équipé en outillage et une équipe technique et pédagogue des Compagnons "
            "Bâtisseurs vont de chantier en chantier. Les ménages sont repérés par les services "
            "sociaux. Après des chantiers trop ambitieux, les travaux ont été découpés en étapes "
            "courtes et visibles."
        ),
        results=(
            "66 ménages accompagnés, dont la plupart n'avaient engagé aucuns travaux avant. "
            "L'autonomie déclarée des ménages pour l'entretien de leur logement progresse en fin "
            "de chantier. Les voisins viennent aider : le chantier crée de l'entraide."
        ),
        learned=(
            "Sans les services sociaux, les ménages ne se signalent pas. Mieux vaut des chantiers "
            "courts et découpés : les ménages voient les résultats plus vite et restent "
            "mobilisés. Le chantier crée de l'entraide au-delà du ménage."
        ),
        conditions=(
            "Un repérage des ménages par les acteurs sociaux ; une équipe technique et "
            "pédagogue ; des chantiers courts et visibles ; une convention de déploiement qui "
            "transmet le savoir-faire aux structures qui reprennent le dispositif. "
            "Le réseau doit enfin rester souple : chaque territoire adapte le dispositif à ses "
            "ménages. Il faut du temps pour former les nouvelles équipes."
        ),
        themes=("habitat", "sante"),
        publics=("familles", "personnes-agees", "habitants"),
        setting=RURAL,
        year_start=2016,
        strategy=StrategyKind.KNOW_HOW,
        contacts=(ContactSpec(person="Vincent Renaud-Giard", consented_on=AGREED),),
    ),
)
