"""The library's thematic notebook of the demo, and the sheet written from the demo programme."""

from datetime import date

from essaim.demo.data.library.spec import RURAL, FromReportSpec, NotebookSpec
from essaim.demo.data.programmes.content import PROGRAMME

RURAL_NOTEBOOK = NotebookSpec(
    title="Expérimenter en milieu rural",
    introduction=(
        "Les enjeux de transitions, écologique, énergétique, économique et sociale, poussent "
        "les acteurs à inventer et tester de nouvelles solutions dans les territoires. En milieu "
        "rural, ces solutions se heurtent à des conditions particulières : les distances, la "
        "faible densité, des services qui se concentrent dans les villes-centres, des équipes "
        "d'ingénierie réduites. Elles y trouvent aussi des forces : des élus proches des "
        "habitants, des associations vivantes, une confiance qui se construit vite quand chacun "
        "se connaît.\n\n"
        "Ce cahier rassemble sept expériences menées dans des territoires ruraux, écrites par "
        "celles et ceux qui les ont conduites. Des services qui vont vers les habitants plutôt "
        "que d'attendre qu'ils viennent, des trajets partagés, des soignants qui s'organisent, "
        "des chantiers où l'on apprend à réhabiliter son logement, des cantines qui achètent "
        "aux fermes voisines, des territoires qui accueillent leurs nouveaux habitants.\n\n"
        "Aucune n'est un modèle à copier. Chacune dit ce qui a été tenté, ce qu'il en est "
        "resté, ce que ses porteurs ont appris, et à quelles conditions l'on pourrait la "
        "refaire ailleurs. Leurs chiffres sont ceux d'exemples illustratifs : ce sont les "
        "enseignements qui comptent."
    ),
    conclusion=(
        "De ces expériences se dégagent quelques points d'attention. Le premier est le temps : "
        "une expérimentation rurale demande au moins deux ans d'animation avant que les "
        "habitants se l'approprient, et des bénévoles s'épuisent quand le montage dure. Le "
        "deuxième est l'ancrage : les mairies, les associations, les travailleurs sociaux et "
        "les soignants sont les relais sans lesquels les publics visés ne viennent pas.\n\n"
        "Le troisième est l'apprentissage. Toutes ces expériences ont changé en cours de route : "
        "un horaire déplacé, des chantiers découpés, des arrêts placés là où passent déjà les "
        "voitures. Cadrer une expérimentation, c'est se donner les moyens de voir ce qui ne "
        "marche pas et le droit de le corriger, voire de s'arrêter.\n\n"
        "Pour aller plus loin, chaque fiche donne ses contacts, quand les personnes l'ont "
        "accepté, et renvoie à des expériences semblables ailleurs en France. Les acteurs qui "
        "souhaitent reproduire l'une d'elles chez eux trouveront, dans les fiches en "
        "changement d'échelle, les outils que leurs porteurs ont préparés pour la transmettre."
    ),
    sheets=(
        "Cultiver la proximité d'Ardèche en Hermitage : des services itinérants",
        "Une épicerie itinérante dans les villages du Sancerrois",
        "Un covoiturage solidaire des aînés vers les rendez-vous médicaux",
        "Une maison de santé portée par les élus et les soignants",
        "Bricobus, déployer en réseau un dispositif solidaire d'auto-réhabilitation",
        "Une cantine 100 % locale dans les écoles du Brivadois",
        "Une semaine d'immersion pour les nouveaux arrivants sur la Montagne limousine",
    ),
    published_on=date(2026, 3, 2),
)

FROM_REPORT = FromReportSpec(
    programme=PROGRAMME.slug,
    territory="Pays des Trois Vallées",
    title="Pays des Trois Vallées : produire localement l'énergie consommée",
    summary=(
        "Un pays rural de 42 communes qui achetait à l'extérieur la quasi-totalité de son "
        "énergie s'est donné pour stratégie de la produire localement : chaufferies bois, "
        "rénovation de l'habitat, projets citoyens. Fiche tirée de la fiche reportage de "
        "l'expérimentation nationale « S'organiser pour innover », avec l'accord du territoire."
    ),
    themes=("energie", "democratie"),
    publics=("elus", "habitants", "associations"),
    setting=RURAL,
)
