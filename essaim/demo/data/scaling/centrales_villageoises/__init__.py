"""The scaling of the Centrales villageoises: a charter, a national association and a network of
local citizen energy companies — the full network of the demo.

See ``CASE.sources`` for what is public and what is illustrative.
"""

from essaim.demo.data.experiments.centrales_villageoises import CASE as EXPERIMENT
from essaim.demo.data.scaling.centrales_villageoises.diagnoses import DIAGNOSES
from essaim.demo.data.scaling.centrales_villageoises.kit import KIT, STRATEGY
from essaim.demo.data.scaling.centrales_villageoises.network import REPLICAS, SHARED_INDICATORS
from essaim.demo.data.scaling.spec import NetworkCaseSpec

CASE = NetworkCaseSpec(
    experiment_title=EXPERIMENT.title,
    kit=KIT,
    strategy=STRATEGY,
    diagnoses=DIAGNOSES,
    shared_indicators=SHARED_INDICATORS,
    replicas=REPLICAS,
    sources=(
        "Public : l'expérimentation lancée en 2010 par l'agence régionale de l'énergie "
        "(Rhônalpénergie-Environnement, aujourd'hui AURA-EE) et des parcs naturels régionaux "
        "de Rhône-Alpes sur huit territoires pilotes ; les sociétés locales en SAS ou en SCIC "
        "qui associent habitants, collectivités et entreprises ; la charte commune (2015) et "
        "ses engagements ; la première centrale mise en service le 12 août 2014 aux Haies "
        "(région de Condrieu) ; l'association nationale créée en 2018 (assemblée constitutive "
        "le 17 mars 2018 à Saint-Just-de-Claix) pour animer le réseau, partager un centre de "
        "ressources et organiser l'essaimage, aujourd'hui plusieurs dizaines de sociétés dans "
        "plusieurs régions. Les noms des sociétés de la région de Condrieu, du Val de Quint, de "
        "Gervanne Raye, du Val d'Eyrieux et du Lodévois et Larzac sont réels.\n"
        "Illustratif : les autres noms de sociétés, la liste des huit territoires pilotes de la "
        "démo, le choix des communes de siège, toutes les dates de statut (sauf la mise en "
        "service des Haies), tous les chiffres partagés, la cotisation, le détail des "
        "formations et des services, la stratégie et ses étapes, les diagnostics de maturité. "
        "Toutes les répliques sont donc marquées illustratives."
    ),
)
