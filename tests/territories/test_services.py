import pytest

from essaim.roles.models import ObjectRole, Role
from essaim.territories import services
from essaim.territories.models import Commune, Departement, Epci, Region, Territory, TerritoryKind
from tests.territories.conftest import CREST, CRESTOIS_SIREN, SAILLANS


def test_create_territory_makes_its_creator_owner(owner):
    territory = services.create_territory(
        name="  Vallée de la Drôme ",
        kind=TerritoryKind.PAYS,
        communes=Commune.objects.filter(insee_code__in=[SAILLANS, CREST]),
        created_by=owner,
        description="Un pays.",
        shared=False,
    )
    assert territory.name == "Vallée de la Drôme"
    assert territory.search_text == " vallee de la drome"
    assert territory.role_of(owner) == Role.OWNER
    stats = Territory.objects.with_stats().get(pk=territory.pk)
    assert (stats.commune_count, stats.population) == (2, 1460 + 8658)


def test_population_and_commune_count_are_computed_not_stored(owner):
    territory = services.create_territory_from_commune(
        commune=Commune.objects.get(insee_code=SAILLANS), created_by=owner
    )
    territory.communes.add(Commune.objects.get(insee_code=CREST))
    stats = Territory.objects.with_stats().get(pk=territory.pk)
    assert (stats.commune_count, stats.population) == (2, 1460 + 8658)
    assert not hasattr(Territory, "population")


def test_territories_from_the_referential_take_its_name_and_communes(owner):
    epci = Epci.objects.get(siren=CRESTOIS_SIREN)
    from_epci = services.create_territory_from_epci(epci=epci, created_by=owner)
    assert (from_epci.name, from_epci.kind, from_epci.epci) == (epci.name, "epci", epci)
    assert from_epci.communes.count() == 14

    drome = Departement.objects.get(code="26")
    from_departement = services.create_territory_from_departement(
        departement=drome, created_by=owner, name="La Drôme"
    )
    assert (from_departement.name, from_departement.kind) == ("La Drôme", "departement")
    assert from_departement.communes.count() == drome.communes.count()

    region = Region.objects.get(code="84")
    from_region = services.create_territory_from_region(region=region, created_by=owner)
    assert (from_region.name, from_region.kind) == ("Auvergne-Rhône-Alpes", "region")
    assert from_region.communes.count() == region.communes.count()

    saillans = Commune.objects.select_related("epci", "departement").get(insee_code=SAILLANS)
    from_commune = services.create_territory_from_commune(commune=saillans, created_by=owner)
    assert (from_commune.name, from_commune.kind) == ("Saillans", "commune")
    assert (from_commune.epci, from_commune.departement) == (saillans.epci, saillans.departement)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"communes": []}, "Un territoire doit compter au moins une commune."),
        ({"name": "   "}, "Donnez un nom au territoire."),
        ({"name": "x" * 201}, "Le nom du territoire est trop long"),
        ({"kind": "canton"}, "Type de territoire inconnu : « canton »."),
    ],
)
def test_a_territory_that_makes_no_sense_is_refused_in_french(owner, changes, message):
    arguments = {
        "name": "Vallée",
        "kind": TerritoryKind.PAYS,
        "communes": Commune.objects.filter(insee_code=SAILLANS),
        "created_by": owner,
        **changes,
    }
    with pytest.raises(services.TerritoryError, match=message):
        services.create_territory(**arguments)
    assert not Territory.objects.exists()
    assert not ObjectRole.objects.exists()


def test_update_territory_changes_the_perimeter_atomically(owner, private_territory):
    services.update_territory(
        territory=private_territory,
        name="Diois",
        kind=TerritoryKind.BASSIN_DE_VIE,
        description="",
        shared=True,
        communes=[Commune.objects.get(insee_code=SAILLANS)],
    )
    private_territory.refresh_from_db()
    assert (private_territory.name, private_territory.search_text) == ("Diois", " diois")
    assert list(private_territory.communes.values_list("insee_code", flat=True)) == [SAILLANS]
    with pytest.raises(services.TerritoryError):
        services.update_territory(
            territory=private_territory,
            name="Vide",
            kind="pays",
            description="",
            shared=True,
            communes=[],
        )
    private_territory.refresh_from_db()
    assert private_territory.name == "Diois"
