"""Loading the referential: the session's load of the shipped snapshot, reloads, changes."""

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from essaim.territories.importer import import_referential
from essaim.territories.models import (
    Commune,
    Departement,
    Epci,
    ReferentialImport,
    Region,
    TerritoryKind,
)
from essaim.territories.snapshot import Referential, read_referential, shipped_snapshot
from tests.territories.conftest import AUBENASSON, CREST, CRESTOIS_SIREN, SAILLANS
from tests.territories.factories import TerritoryFactory

ROCHEFOURCHAT = "26274"
DIEULEFIT_BOURDEAUX_SIREN = "242600492"


def test_the_whole_referential_is_loaded(db):
    assert Region.objects.count() == 26
    assert Departement.objects.count() == 109
    assert Commune.objects.count() == 34969
    assert Epci.objects.count() == 1255
    latest = ReferentialImport.objects.first()
    assert (latest.version, latest.source) == ("6.0.0", "decoupage-administratif-6.0.0.json.xz")
    assert latest.counts == {"regions": 26, "departements": 109, "communes": 34969, "epci": 1255}


def test_saillans_is_where_it_belongs(db):
    saillans = Commune.objects.select_related("departement", "region", "epci").get(
        insee_code=SAILLANS
    )
    assert saillans.name == "Saillans"
    assert (saillans.departement.code, saillans.departement.name) == ("26", "Drôme")
    assert saillans.region.code == "84"
    assert saillans.population == 1460
    assert saillans.postal_codes == ["26340"]
    assert saillans.former_codes == ["26371"]
    assert saillans.epci.siren == CRESTOIS_SIREN
    assert saillans.epci.name == "CC du Crestois et de Pays de Saillans Coeur de Drôme"
    assert saillans.epci.kind == "CC"
    assert saillans.search_text == " saillans 26289 26340"
    assert Epci.objects.get(siren="200046977").kind == "METRO"  # Métropole de Lyon (MET69)


@pytest.mark.slow
def test_a_second_import_of_the_same_data_writes_nothing_but_its_log(db):
    before = ReferentialImport.objects.count()
    with CaptureQueriesContext(connection) as queries:
        report = import_referential()
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]
    assert report.changed_rows == 0
    assert (
        report.created
        == report.updated
        == report.deleted
        == {
            "regions": 0,
            "departements": 0,
            "epci": 0,
            "communes": 0,
        }
    )
    assert report.changes.is_empty()
    assert len(writes) == 1 and "territories_referentialimport" in writes[0]
    assert ReferentialImport.objects.count() == before + 1
    assert report.summary_lines()[1] == "Aucun changement depuis le chargement précédent."


def test_skip_if_current_does_nothing_and_says_so(db):
    before = ReferentialImport.objects.count()
    out = io.StringIO()
    call_command("import_territories", skip_if_current=True, stdout=out, stderr=io.StringIO())
    assert "Le référentiel 6.0.0 est déjà chargé" in out.getvalue()
    assert "rien à faire" in out.getvalue()
    assert ReferentialImport.objects.count() == before


@pytest.mark.slow
def test_a_new_vintage_reports_renamed_merged_removed_and_moved_communes(db, tmp_path, owner):
    territory = TerritoryFactory(
        name="Vallée", communes=[SAILLANS, AUBENASSON, ROCHEFOURCHAT, CREST], owner=owner
    )
    write_etalab_folder(next_vintage(read_referential(shipped_snapshot())), tmp_path)

    out, err = io.StringIO(), io.StringIO()
    call_command("import_territories", str(tmp_path), stdout=out, stderr=err)

    summary = plain(out.getvalue())
    assert "Référentiel 7.0.0 chargé" in summary
    assert "34 967 communes, 1 255 EPCI" in summary
    assert "1 commune renommée : Crest → Crest-sur-Drôme (26108)." in summary
    assert "1 commune fusionnée : Aubenasson (26015) fusionnée dans Saillans (26289)." in summary
    assert "1 commune supprimée : Rochefourchat (26274)." in summary
    assert "1 commune a changé d'EPCI : Crest-sur-Drôme (26108)" in summary
    assert "1 territoire mis à jour" not in summary  # two changes on the same territory
    assert "2 territoires mis à jour : « Vallée » : Aubenasson (26015) remplacée par Saillans" in (
        summary
    )
    assert "« Vallée » : Rochefourchat (26274) retirée" in summary
    assert "Communes : 100 %" in err.getvalue()

    assert not Commune.objects.filter(insee_code__in=[AUBENASSON, ROCHEFOURCHAT]).exists()
    crest = Commune.objects.select_related("epci").get(insee_code=CREST)
    assert crest.name == "Crest-sur-Drôme"
    assert crest.search_text.startswith(" crest sur drome ")
    assert crest.epci.siren == DIEULEFIT_BOURDEAUX_SIREN
    saillans = Commune.objects.get(insee_code=SAILLANS)
    assert saillans.former_codes == [AUBENASSON, "26371"]
    assert saillans.population == 1460 + 74
    assert sorted(territory.communes.values_list("insee_code", flat=True)) == [CREST, SAILLANS]

    log = ReferentialImport.objects.first()
    assert log.version == "7.0.0"
    assert log.changes["communes_merged"] == [
        {"code": AUBENASSON, "name": "Aubenasson", "into": SAILLANS, "into_name": "Saillans"}
    ]
    assert log.changes["deleted"]["communes"] == 2


def test_a_bad_source_is_refused_in_french_and_changes_nothing(db, tmp_path):
    (tmp_path / "communes.json").write_text(json.dumps({"pas": "une liste"}))
    for name in ("regions", "departements", "epci"):
        (tmp_path / f"{name}.json").write_text("[]")
    (tmp_path / "archive.tgz").write_bytes(b"ceci n'est pas une archive")
    before = (ReferentialImport.objects.count(), Commune.objects.count())

    for path, message in [
        (tmp_path / "absent.tgz", "est introuvable"),
        (tmp_path / "archive.tgz", "n'est ni une archive .tgz"),
        (tmp_path, "« communes.json » devrait contenir une liste d'entrées"),
    ]:
        with pytest.raises(CommandError, match=message) as error:
            call_command(
                "import_territories", str(path), stdout=io.StringIO(), stderr=io.StringIO()
            )
        assert str(error.value).startswith("Import impossible, rien n'a été modifié.")

    assert (ReferentialImport.objects.count(), Commune.objects.count()) == before


def test_the_progress_callback_follows_each_step(db, tmp_path):
    steps = []
    import_referential(progress=lambda step, done, total: steps.append((step, done, total)))
    assert steps[0] == ("Lecture de la source", 0, 1)
    assert ("Lecture de la source", 1, 1) in steps
    assert {step for step, _, _ in steps} >= {"Régions", "Départements", "EPCI", "Communes"}


def plain(text: str) -> str:
    """``text`` with the no-break spaces of French numbers written as spaces."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


# A made-up next vintage ------------------------------------------------------------------------


def next_vintage(referential: Referential) -> Referential:
    """Crest renamed and moved to another EPCI, Aubenasson merged into Saillans, Rochefourchat
    gone."""
    communes = []
    for commune in referential.communes:
        if commune.code in (AUBENASSON, ROCHEFOURCHAT):
            continue
        if commune.code == CREST:
            commune = replace(commune, name="Crest-sur-Drôme")
        if commune.code == SAILLANS:
            commune = replace(
                commune,
                population=commune.population + 74,
                former_codes=tuple(sorted({*commune.former_codes, AUBENASSON})),
            )
        communes.append(commune)
    epcis = []
    for epci in referential.epcis:
        members = [code for code in epci.members if code not in (AUBENASSON, ROCHEFOURCHAT)]
        if epci.siren == CRESTOIS_SIREN:
            members.remove(CREST)
        if epci.siren == DIEULEFIT_BOURDEAUX_SIREN:
            members.append(CREST)
        epcis.append(replace(epci, members=tuple(sorted(members))))
    return replace(referential, version="7.0.0", communes=tuple(communes), epcis=tuple(epcis))


def write_etalab_folder(referential: Referential, folder: Path) -> None:
    """Write ``referential`` as the Etalab package lays it out (``package.json``, ``data/``)."""
    (folder / "data").mkdir()
    (folder / "package.json").write_text(
        json.dumps({"name": "@etalab/decoupage-administratif", "version": referential.version})
    )
    tables = {
        "regions": [{"code": r.code, "nom": r.name} for r in referential.regions],
        "departements": [
            {"code": d.code, "nom": d.name, "region": d.region} for d in referential.departements
        ],
        "communes": [
            {
                "code": c.code,
                "nom": c.name,
                "type": "commune-actuelle",
                "departement": c.departement,
                "region": c.region,
                "codesPostaux": list(c.postal_codes),
                "population": c.population,
                "siren": c.siren,
                "anciensCodes": list(c.former_codes),
            }
            for c in referential.communes
        ],
        "epci": [
            {
                "code": e.siren,
                "nom": e.name,
                "type": e.kind,
                "populationMunicipale": e.population,
                "membres": [{"code": code} for code in e.members],
            }
            for e in referential.epcis
        ],
    }
    for name, entries in tables.items():
        (folder / "data" / f"{name}.json").write_text(json.dumps(entries, ensure_ascii=False))


def test_the_kinds_of_territory_created_from_the_referential_exist():
    assert {"commune", "epci", "departement", "region"} <= set(TerritoryKind.values)
