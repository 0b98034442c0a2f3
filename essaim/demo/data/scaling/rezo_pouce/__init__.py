"""The scaling of Rezo Pouce: organised hitchhiking that spread from Moissac to thousands of
communes through the adhesion of intercommunalités to a network.

The demo has one Rezo Pouce experiment, the Parc de Chartreuse's; the network of the model is
attached to it, and its kit is written with what the Parc learned. See ``CASE.sources``.
"""

from essaim.demo.data.experiments.rezo_pouce import CASE as EXPERIMENT
from essaim.demo.data.scaling.rezo_pouce.diagnoses import DIAGNOSES
from essaim.demo.data.scaling.rezo_pouce.kit import KIT, STRATEGY
from essaim.demo.data.scaling.rezo_pouce.network import REPLICAS, SHARED_INDICATORS
from essaim.demo.data.scaling.spec import NetworkCaseSpec

CASE = NetworkCaseSpec(
    experiment_title=EXPERIMENT.title,
    kit=KIT,
    strategy=STRATEGY,
    diagnoses=DIAGNOSES,
    shared_indicators=SHARED_INDICATORS,
    replicas=REPLICAS,
    sources=(
        "Public : Rezo Pouce est né à Moissac (Tarn-et-Garonne) en 2010 avec une dizaine de "
        "communes ; l'association de collectivités « Covoiturons sur le pouce » le porte à "
        "partir de 2012, une SCIC à partir de 2015 ; le réseau a fusionné avec Mobicoop en "
        "2021 (puis « Rezo Mobicoop »). Le fonctionnement : arrêts signalés, inscription "
        "gratuite avec pièce d'identité et charte, carte de membre et macaron, trajets courts "
        "sans transaction, application mobile. L'adhésion du Grand Montauban dès 2011, du "
        "Frontonnais (arrêts depuis 2012), d'Axe Sud (43 arrêts inaugurés le 20 décembre "
        "2016), du Grand Pic Saint-Loup (2016), de Sète agglopôle méditerranée (2018), du "
        "Pays de Mirepoix (2019, à l'initiative de deux habitantes, 33 communes, objectif de "
        "5 % d'inscrits) ; la convention de 2018 avec le département de l'Hérault ; le "
        "lancement de Rezo Mobicoop à Mieussy en septembre 2023 dans les Montagnes du Giffre.\n"
        "Illustratif : le rattachement du réseau à l'expérimentation de Chartreuse (la seule "
        "fiche Rezo Pouce de la démo ; en réalité le réseau est animé depuis Moissac), les "
        "autres répliques et leurs dates, les autres dates de statut, tous les chiffres "
        "partagés, les montants de l'adhésion, la stratégie, ses étapes et ses proportions, "
        "les diagnostics de maturité. Toutes les répliques sont donc marquées illustratives."
    ),
)
