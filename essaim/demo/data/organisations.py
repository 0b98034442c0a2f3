"""The organisations of the source documents, on their real territories, and the people they
name. Functions are those published in the documents; every e-mail address is an example.org
one and no phone number is kept."""

from dataclasses import dataclass

from django.db.models import Q

from essaim.demo.owner import demo_owner
from essaim.organisations.models import Organisation, OrganisationKind, Person
from essaim.roles.models import Role
from essaim.territories.models import Commune, Territory, TerritoryKind
from essaim.territories.services import create_territory

ILLUSTRATIVE = "Exemple de démonstration. "


@dataclass(frozen=True)
class TerritorySpec:
    name: str
    kind: str
    communes: Q
    description: str = ""
    epci_siren: str = ""


TERRITORIES = [
    TerritorySpec("Saillans", TerritoryKind.COMMUNE, Q(insee_code="26289")),
    TerritorySpec("Dieulefit", TerritoryKind.COMMUNE, Q(insee_code="26114")),
    TerritorySpec("Lyon", TerritoryKind.COMMUNE, Q(insee_code="69123")),
    TerritorySpec("Moissac", TerritoryKind.COMMUNE, Q(insee_code="82112")),
    TerritorySpec(
        "CC du Crestois et de Pays de Saillans Cœur de Drôme",
        TerritoryKind.EPCI,
        Q(epci__siren="200040509"),
        epci_siren="200040509",
    ),
    TerritorySpec(
        "CC Dieulefit-Bourdeaux",
        TerritoryKind.EPCI,
        Q(epci__siren="242600492"),
        epci_siren="242600492",
    ),
    TerritorySpec(
        "Arche Agglo", TerritoryKind.EPCI, Q(epci__siren="200073096"), epci_siren="200073096"
    ),
    TerritorySpec(
        "Bassin rennais",
        TerritoryKind.OTHER,
        Q(epci__siren="243500139"),
        ILLUSTRATIVE + "Approché ici par les communes de Rennes Métropole ; le territoire "
        "desservi par Eau du Bassin Rennais est plus large.",
    ),
    TerritorySpec(
        "Parc naturel régional de Chartreuse",
        TerritoryKind.PNR,
        Q(epci__siren="200040111")
        | Q(insee_code__in=["38471", "38472", "38325", "38328", "73092", "73105"]),
        ILLUSTRATIVE + "Périmètre partiel : le cœur du massif. Le parc compte une soixantaine "
        "de communes de l'Isère et de la Savoie.",
    ),
    TerritorySpec("Auvergne-Rhône-Alpes", TerritoryKind.REGION, Q(region__code="84")),
    TerritorySpec("Centre-Val de Loire", TerritoryKind.REGION, Q(region__code="24")),
    TerritorySpec("Loiret", TerritoryKind.DEPARTEMENT, Q(departement__code="45")),
    TerritorySpec(
        "Lorraine",
        TerritoryKind.OTHER,
        Q(departement__code__in=["54", "55", "57", "88"]),
        "Les quatre départements lorrains, où le Carrefour des Pays Lorrains anime le "
        "réseau des pays.",
    ),
]


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    kind: str
    short_name: str = ""
    territory: str = ""
    siren: str = ""
    description: str = ""


ORGANISATIONS = [
    OrganisationSpec(
        "Cap Rural",
        OrganisationKind.RESOURCE_CENTRE,
        territory="Auvergne-Rhône-Alpes",
        description="Centre de ressources sur les pratiques et métiers du développement local ; "
        "organise des sessions et webconférences sur l'innovation, l'expérimentation, la "
        "pérennisation et le changement d'échelle.",
    ),
    OrganisationSpec(
        "Centre international d'études pour le développement local",
        OrganisationKind.ASSOCIATION,
        short_name="CIEDEL",
        territory="Lyon",
        description="Centre de formation et de recherche en développement local.",
    ),
    OrganisationSpec(
        "Union nationale des acteurs et des structures du développement local",
        OrganisationKind.NATIONAL_NETWORK,
        short_name="UNADEL",
    ),
    OrganisationSpec(
        "Mairie-Conseils",
        OrganisationKind.STATE_AGENCY,
        description="Service de la Caisse des Dépôts d'appui aux élus locaux.",
    ),
    OrganisationSpec(
        "Caisse des Dépôts et Consignations", OrganisationKind.STATE_AGENCY, short_name="CDC"
    ),
    OrganisationSpec("Collectif Ville-Campagne", OrganisationKind.NATIONAL_NETWORK),
    OrganisationSpec(
        "Association 4D",
        OrganisationKind.ASSOCIATION,
        description="Dossiers et débats pour le développement durable.",
    ),
    OrganisationSpec(
        "Carrefour des Pays Lorrains", OrganisationKind.ASSOCIATION, territory="Lorraine"
    ),
    OrganisationSpec(
        "Arche Agglo",
        OrganisationKind.EPCI,
        short_name="ARCHE Agglo",
        territory="Arche Agglo",
        siren="200073096",
        description="Communauté d'agglomération Ardèche Rhône Coiron Hermitage.",
    ),
    OrganisationSpec(
        "Parc naturel régional de Chartreuse",
        OrganisationKind.PNR,
        short_name="PNR de Chartreuse",
        territory="Parc naturel régional de Chartreuse",
    ),
    OrganisationSpec(
        "8 Fablab",
        OrganisationKind.ASSOCIATION,
        territory="CC du Crestois et de Pays de Saillans Cœur de Drôme",
        description="Fablab de Crest (Drôme), porteur de 3D.3TERRES.",
    ),
    OrganisationSpec(
        "ECORAVIE",
        OrganisationKind.ASSOCIATION,
        territory="Dieulefit",
        description="Habitat partagé et écologique à Dieulefit.",
    ),
    OrganisationSpec(
        "Eau du Bassin Rennais Collectivité",
        OrganisationKind.OTHER,
        short_name="Eau du Bassin Rennais",
        territory="Bassin rennais",
        description="Collectivité de l'eau du bassin rennais, porteuse du label Terres de Sources.",
    ),
    OrganisationSpec(
        "Association des Centrales Villageoises",
        OrganisationKind.ASSOCIATION,
        territory="Auvergne-Rhône-Alpes",
    ),
    OrganisationSpec(
        "Compagnons Bâtisseurs Centre-Val de Loire",
        OrganisationKind.ASSOCIATION,
        territory="Centre-Val de Loire",
        description="Auto-réhabilitation accompagnée ; porteur du Bricobus.",
    ),
    OrganisationSpec("Commune de Saillans", OrganisationKind.COMMUNE, territory="Saillans"),
    OrganisationSpec(
        "CC du Crestois et de Pays de Saillans Cœur de Drôme",
        OrganisationKind.EPCI,
        territory="CC du Crestois et de Pays de Saillans Cœur de Drôme",
        siren="200040509",
    ),
    OrganisationSpec(
        "Institut national de recherche pour l'agriculture, l'alimentation et l'environnement",
        OrganisationKind.STATE_AGENCY,
        short_name="INRAE",
    ),
    OrganisationSpec(
        "Rezo Pouce",
        OrganisationKind.ASSOCIATION,
        territory="Moissac",
        description="Autostop organisé, né à Moissac en 2010.",
    ),
]


@dataclass(frozen=True)
class PersonSpec:
    first_name: str
    last_name: str
    function: str
    organisation: str


PEOPLE = [
    PersonSpec(
        "Mylène",
        "Thou",
        "chargée de mission Valorisations des recherches et Innovations",
        "Cap Rural",
    ),
    PersonSpec(
        "Pascale",
        "Vincent",
        "chargée de mission, de recherche et de formation",
        "Centre international d'études pour le développement local",
    ),
    PersonSpec(
        "Véronique",
        "Sybelin",
        "directrice adjointe des Solidarités et du Service au public",
        "Arche Agglo",
    ),
    PersonSpec(
        "Sophie",
        "Roy",
        "chargée de mission Transition énergétique",
        "Parc naturel régional de Chartreuse",
    ),
    PersonSpec("Maryline", "Chasles", "directrice", "8 Fablab"),
    PersonSpec("Joël", "Soler", "habitant", "ECORAVIE"),
    PersonSpec("Claire", "Galland", "habitante", "ECORAVIE"),
    PersonSpec(
        "Sabine",
        "Girard",
        "chercheure géographe au laboratoire LESSEM, ancienne conseillère municipale de Saillans",
        "Institut national de recherche pour l'agriculture, l'alimentation et l'environnement",
    ),
    PersonSpec(
        "Daniel",
        "Helle",
        "chargé de projets, Pôle Protection des Ressources",
        "Eau du Bassin Rennais Collectivité",
    ),
    PersonSpec("Claude", "Dubreuil", "administrateur", "Association des Centrales Villageoises"),
    PersonSpec(
        "Jean-Michel", "Bostetter", "administrateur", "Association des Centrales Villageoises"
    ),
    PersonSpec(
        "Vincent", "Renaud-Giard", "directeur adjoint", "Compagnons Bâtisseurs Centre-Val de Loire"
    ),
    PersonSpec(
        "Stéphane",
        "Loukianoff",
        "contact de l'expérimentation nationale",
        "Union nationale des acteurs et des structures du développement local",
    ),
    PersonSpec("Vincent", "Chassagne", "contact de l'expérimentation nationale", "Mairie-Conseils"),
]


def example_email(person: PersonSpec) -> str:
    from essaim.lib.text import search_words

    return ".".join(search_words(f"{person.first_name} {person.last_name}")) + "@example.org"


def load() -> str:
    owner = demo_owner()
    territories = {}
    for spec in TERRITORIES:
        territory = Territory.objects.filter(name=spec.name, kind=spec.kind).first()
        if territory is None:
            epci = None
            if spec.epci_siren:
                from essaim.territories.models import Epci

                epci = Epci.objects.get(siren=spec.epci_siren)
            territory = create_territory(
                name=spec.name,
                kind=spec.kind,
                communes=Commune.objects.filter(spec.communes),
                description=spec.description,
                epci=epci,
                created_by=owner,
            )
        territories[spec.name] = territory

    organisations = {}
    for spec in ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            name=spec.name,
            defaults={
                "kind": spec.kind,
                "short_name": spec.short_name,
                "siren": spec.siren,
                "territory": territories.get(spec.territory),
                "description": spec.description,
                "created_by": owner,
            },
        )
        if organisation.role_of(owner) is None:
            organisation.grant(owner, Role.OWNER)
        organisations[spec.name] = organisation

    for spec in PEOPLE:
        person, _ = Person.objects.update_or_create(
            first_name=spec.first_name,
            last_name=spec.last_name,
            organisation=organisations[spec.organisation],
            defaults={"function": spec.function, "email": example_email(spec), "created_by": owner},
        )
        if person.role_of(owner) is None:
            person.grant(owner, Role.OWNER)

    return (
        f"{len(ORGANISATIONS)} organisations, {len(TERRITORIES)} territoires, "
        f"{len(PEOPLE)} contacts"
    )
