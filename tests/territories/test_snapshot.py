"""The shipped snapshot and the readers of the Etalab package (no database)."""

import io
import json
import lzma
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command

from essaim.territories.snapshot import (
    SourceError,
    read_referential,
    shipped_snapshot,
)
from tests.conftest import shared_data_file


@pytest.fixture(scope="module")
def tarball() -> Path:
    return shared_data_file("etalab-decoupage-administratif-6.0.0.tgz")


@pytest.fixture(scope="module")
def extracted(tarball, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("etalab")
    with tarfile.open(tarball) as archive:
        archive.extractall(folder, filter="data")
    return folder / "package"


@pytest.fixture(scope="module")
def shipped():
    return read_referential(shipped_snapshot())


def test_the_shipped_snapshot_holds_exactly_what_the_tarball_holds(tarball, shipped, tmp_path):
    from_tarball = read_referential(tarball)
    assert from_tarball == shipped
    assert from_tarball.checksum() == shipped.checksum()

    call_command("build_territory_snapshot", str(tarball), output=tmp_path, stdout=io.StringIO())
    rebuilt = tmp_path / "decoupage-administratif-6.0.0.json.xz"
    assert rebuilt.read_bytes() == shipped_snapshot().read_bytes()


def test_the_shipped_snapshot_is_small_and_documented():
    snapshot = shipped_snapshot()
    assert snapshot.name == "decoupage-administratif-6.0.0.json.xz"
    assert snapshot.stat().st_size < 1024 * 1024
    licence = (snapshot.parent / "LICENCE.md").read_text()
    assert "6.0.0" in licence and "2026" in licence
    assert "Licence Ouverte" in licence and "MIT" in licence


def test_the_snapshot_keeps_current_communes_only_with_normalised_epci_kinds(shipped):
    assert shipped.version == "6.0.0"
    assert (len(shipped.regions), len(shipped.departements)) == (26, 109)
    assert (len(shipped.communes), len(shipped.epcis)) == (34969, 1255)
    saillans = next(commune for commune in shipped.communes if commune.code == "26289")
    assert saillans.name == "Saillans"
    assert (saillans.departement, saillans.region) == ("26", "84")
    assert (saillans.population, saillans.postal_codes) == (1460, ("26340",))
    assert saillans.former_codes == ("26371",)
    assert {epci.kind for epci in shipped.epcis} == {"CC", "CA", "CU", "METRO"}
    lyon = next(epci for epci in shipped.epcis if epci.siren == "200046977")
    assert lyon.kind == "METRO"  # MET69 in the Etalab data


def test_an_extracted_package_or_its_data_folder_reads_the_same(extracted, shipped):
    assert read_referential(extracted) == shipped
    assert read_referential(extracted / "data") == shipped


@pytest.mark.parametrize(
    ("make_source", "message"),
    [
        (lambda tmp: tmp / "absent.tgz", "est introuvable"),
        (lambda tmp: _write(tmp / "notes.txt", b"pas une archive"), "n'est ni une archive .tgz"),
        (lambda tmp: _tarball(tmp, {"package/README.md": b"bonjour"}), "ne contient pas"),
        (lambda tmp: _write(tmp / "faux.json.xz", b"pas du xz"), "est illisible"),
        (
            lambda tmp: _write(tmp / "autre.json.xz", lzma.compress(b'{"format": 99}')),
            "n'est pas un instantané",
        ),
        (lambda tmp: tmp, "ne contient ni « communes.json »"),
    ],
)
def test_a_source_that_is_not_the_referential_is_refused_in_french(tmp_path, make_source, message):
    with pytest.raises(SourceError, match=message):
        read_referential(make_source(tmp_path))


def test_a_file_of_the_wrong_shape_is_named_with_the_faulty_entry(extracted, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("regions", "departements", "epci"):
        (folder / f"{name}.json").write_bytes((extracted / "data" / f"{name}.json").read_bytes())
    (folder / "communes.json").write_text(json.dumps({"code": "26289"}))
    with pytest.raises(SourceError, match="devrait contenir une liste"):
        read_referential(folder)

    (folder / "communes.json").write_text(json.dumps([{"code": "26289", "departement": "26"}]))
    with pytest.raises(SourceError, match="entrée n° 1 : le champ « nom » manque"):
        read_referential(folder)

    (folder / "communes.json").write_text("[{")
    with pytest.raises(SourceError, match="n'est pas un fichier JSON valide"):
        read_referential(folder)


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _tarball(folder: Path, files: dict[str, bytes]) -> Path:
    path = folder / "paquet.tgz"
    with tarfile.open(path, "w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path
