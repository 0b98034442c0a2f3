"""The French territorial referential as plain records, read from the Etalab package
``@etalab/decoupage-administratif`` (its npm tarball or an extracted folder) or from the compact
snapshot of it that Essaim ships in ``essaim/territories/data/``.

Nothing here touches the database: :mod:`essaim.territories.importer` loads the records.
"""

import hashlib
import json
import lzma
import re
import tarfile
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from essaim.lib.errors import DomainError

PACKAGE_NAME = "@etalab/decoupage-administratif"
SNAPSHOT_FORMAT = 1
SNAPSHOT_DIR = Path(__file__).resolve().parent / "data"
SNAPSHOT_PATTERN = re.compile(r"decoupage-administratif-(?P<version>[\w.-]+)\.json\.xz")
DATA_FILES = ("regions", "departements", "communes", "epci")
EPCI_KINDS = {"CC": "CC", "CA": "CA", "CU": "CU", "METRO": "METRO", "MET69": "METRO"}


class SourceError(DomainError):
    """A source that is missing or is not the referential we expect; the message is French."""


@dataclass(frozen=True, slots=True)
class RegionRecord:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class DepartementRecord:
    code: str
    name: str
    region: str


@dataclass(frozen=True, slots=True)
class CommuneRecord:
    code: str
    name: str
    departement: str
    region: str
    postal_codes: tuple[str, ...]
    population: int
    siren: str
    former_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EpciRecord:
    siren: str
    name: str
    kind: str
    population: int
    members: tuple[str, ...]


# The columns of each table in a snapshot, with the Etalab names.
SNAPSHOT_COLUMNS = {
    "regions": ["code", "nom"],
    "departements": ["code", "nom", "region"],
    "communes": [
        "code",
        "nom",
        "departement",
        "region",
        "codesPostaux",
        "population",
        "siren",
        "anciensCodes",
    ],
    "epci": ["code", "nom", "type", "populationMunicipale", "membres"],
}
RECORD_TYPES = {
    "regions": RegionRecord,
    "departements": DepartementRecord,
    "communes": CommuneRecord,
    "epci": EpciRecord,
}


@dataclass(frozen=True)
class Referential:
    version: str
    regions: tuple[RegionRecord, ...]
    departements: tuple[DepartementRecord, ...]
    communes: tuple[CommuneRecord, ...]
    epcis: tuple[EpciRecord, ...]

    def tables(self) -> dict[str, tuple]:
        return {
            "regions": self.regions,
            "departements": self.departements,
            "communes": self.communes,
            "epci": self.epcis,
        }

    def as_json(self) -> dict[str, Any]:
        content: dict[str, Any] = {
            "format": SNAPSHOT_FORMAT,
            "package": PACKAGE_NAME,
            "version": self.version,
        }
        for table, records in self.tables().items():
            content[table] = {
                "columns": SNAPSHOT_COLUMNS[table],
                "rows": [_json_row(record) for record in records],
            }
        return content

    def checksum(self) -> str:
        """SHA-256 of the data, whatever container it came in (tarball, folder, snapshot)."""
        return hashlib.sha256(_dump(self.as_json()).encode()).hexdigest()


def _json_row(record) -> list:
    return [list(value) if isinstance(value, tuple) else value for value in astuple(record)]


def _dump(content: dict) -> str:
    return json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# Reading -------------------------------------------------------------------------------------


def shipped_snapshot() -> Path:
    """The snapshot of the latest vintage shipped with Essaim."""
    snapshots = sorted(
        (path for path in SNAPSHOT_DIR.glob("*.json.xz") if SNAPSHOT_PATTERN.fullmatch(path.name)),
        key=lambda path: _version_key(SNAPSHOT_PATTERN.fullmatch(path.name)["version"]),
    )
    if not snapshots:
        raise SourceError(f"Aucun instantané du référentiel dans « {SNAPSHOT_DIR} ».")
    return snapshots[-1]


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in re.split(r"[.-]", version))


def read_referential(source: Path) -> Referential:
    """Read a ``.tgz`` of the Etalab package, a folder of it (``package/`` or its ``data/``) or
    a ``.json.xz`` snapshot; raise :class:`SourceError` on anything else."""
    source = Path(source)
    if not source.exists():
        raise SourceError(f"« {source} » est introuvable.")
    if source.is_dir():
        return _read_folder(source)
    if source.name.endswith(".json.xz"):
        return _read_snapshot(source)
    if tarfile.is_tarfile(source):
        return _read_tarball(source)
    raise SourceError(
        f"« {source.name} » n'est ni une archive .tgz du paquet {PACKAGE_NAME}, ni un dossier "
        "qui en contient les données, ni un instantané .json.xz."
    )


def _read_tarball(path: Path) -> Referential:
    try:
        with tarfile.open(path, "r:*") as archive:
            members = {member.name.removeprefix("./"): member for member in archive.getmembers()}

            def load(name: str) -> Any:
                member = members.get(f"package/{name}")
                if member is None or not member.isfile():
                    raise SourceError(
                        f"L'archive « {path.name} » ne contient pas « package/{name} » : "
                        f"est-ce bien le paquet {PACKAGE_NAME} ?"
                    )
                return _parse_json(archive.extractfile(member).read(), name)

            package = load("package.json")
            data = {table: load(f"data/{table}.json") for table in DATA_FILES}
    except (tarfile.TarError, EOFError, OSError) as error:
        raise SourceError(f"L'archive « {path.name} » est illisible ({error}).") from None
    return _from_etalab(_package_version(package, path.name), data)


def _read_folder(path: Path) -> Referential:
    if (path / "data" / "communes.json").is_file():
        data_dir, package_file = path / "data", path / "package.json"
    elif (path / "communes.json").is_file():
        data_dir, package_file = path, path.parent / "package.json"
    else:
        raise SourceError(
            f"Le dossier « {path} » ne contient ni « communes.json » ni « data/communes.json »."
        )
    data = {}
    for table in DATA_FILES:
        file = data_dir / f"{table}.json"
        if not file.is_file():
            raise SourceError(f"Le fichier « {file} » est introuvable.")
        data[table] = _parse_json(file.read_bytes(), file.name)
    version = "inconnue"
    if package_file.is_file():
        version = _package_version(_parse_json(package_file.read_bytes(), "package.json"), path)
    return _from_etalab(version, data)


def _package_version(package: Any, where: object) -> str:
    if not isinstance(package, dict) or package.get("name") != PACKAGE_NAME:
        raise SourceError(f"« {where} » n'est pas le paquet {PACKAGE_NAME}.")
    version = package.get("version")
    if not isinstance(version, str) or not version or len(version) > 20:
        raise SourceError(f"Le paquet « {where} » n'indique pas sa version.")
    return version


def _parse_json(raw: bytes, name: str) -> Any:
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"« {name} » n'est pas un fichier JSON valide ({error}).") from None


def _read_snapshot(path: Path) -> Referential:
    try:
        with lzma.open(path, "rb") as file:
            content = _parse_json(file.read(), path.name)
    except (lzma.LZMAError, EOFError, OSError) as error:
        raise SourceError(f"L'instantané « {path.name} » est illisible ({error}).") from None
    if not isinstance(content, dict) or content.get("format") != SNAPSHOT_FORMAT:
        raise SourceError(f"« {path.name} » n'est pas un instantané du référentiel d'Essaim.")
    tables = {}
    for table, columns in SNAPSHOT_COLUMNS.items():
        block = content.get(table)
        if not isinstance(block, dict) or block.get("columns") != columns:
            raise SourceError(f"L'instantané « {path.name} » n'a pas de table « {table} » valide.")
        tables[table] = [dict(zip(columns, row, strict=True)) for row in block.get("rows", [])]
    return _from_etalab(str(content.get("version", "inconnue")), tables)


# Normalising ---------------------------------------------------------------------------------


class _Entries:
    """Reads the entries of one Etalab file and says precisely which one is wrong."""

    def __init__(self, name: str, entries: Any) -> None:
        if not isinstance(entries, list):
            raise SourceError(f"« {name}.json » devrait contenir une liste d'entrées.")
        self.name = name
        self.entries = entries

    def __iter__(self) -> Iterator[tuple[int, dict]]:
        for number, entry in enumerate(self.entries, start=1):
            if not isinstance(entry, dict):
                raise SourceError(f"« {self.name}.json », entrée n° {number} : objet attendu.")
            yield number, entry

    def text(self, number: int, entry: dict, key: str, *, required: bool = True) -> str:
        value = entry.get(key)
        if not required and value in (None, ""):
            return ""
        if not isinstance(value, str) or not value.strip():
            raise SourceError(
                f"« {self.name}.json », entrée n° {number} : le champ « {key} » manque "
                "ou n'est pas un texte."
            )
        return value.strip()

    def integer(self, number: int, entry: dict, key: str) -> int:
        value = entry.get(key, 0)
        if value is None:
            return 0
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise SourceError(
                f"« {self.name}.json », entrée n° {number} : le champ « {key} » doit être un "
                "entier positif."
            )
        return value

    def texts(self, number: int, entry: dict, key: str) -> tuple[str, ...]:
        value = entry.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise SourceError(
                f"« {self.name}.json », entrée n° {number} : le champ « {key} » doit être une "
                "liste de textes."
            )
        return tuple(sorted(set(value)))


def _from_etalab(version: str, data: dict[str, Any]) -> Referential:
    regions = _Entries("regions", data["regions"])
    region_records = {}
    for n, entry in regions:
        record = RegionRecord(regions.text(n, entry, "code"), regions.text(n, entry, "nom"))
        region_records[record.code] = record
    departements = _Entries("departements", data["departements"])
    departement_records = {}
    for n, entry in departements:
        record = DepartementRecord(
            departements.text(n, entry, "code"),
            departements.text(n, entry, "nom"),
            departements.text(n, entry, "region"),
        )
        _check_known(record.region, region_records, f"« departements.json », entrée n° {n}")
        departement_records[record.code] = record

    communes = _Entries("communes", data["communes"])
    commune_records = {}
    for n, entry in communes:
        if entry.get("type", "commune-actuelle") != "commune-actuelle":
            continue  # communes déléguées, associées, arrondissements municipaux
        record = CommuneRecord(
            code=communes.text(n, entry, "code"),
            name=communes.text(n, entry, "nom"),
            departement=communes.text(n, entry, "departement"),
            region=communes.text(n, entry, "region"),
            postal_codes=communes.texts(n, entry, "codesPostaux"),
            population=communes.integer(n, entry, "population"),
            siren=communes.text(n, entry, "siren", required=False),
            former_codes=communes.texts(n, entry, "anciensCodes"),
        )
        where = f"« communes.json », entrée n° {n}"
        _check_known(record.departement, departement_records, where)
        _check_known(record.region, region_records, where)
        if record.code in commune_records:
            raise SourceError(f"{where} : le code INSEE {record.code} apparaît deux fois.")
        commune_records[record.code] = record

    epcis = _Entries("epci", data["epci"])
    epci_records = {}
    for n, entry in epcis:
        kind = epcis.text(n, entry, "type")
        if kind not in EPCI_KINDS:
            raise SourceError(f"« epci.json », entrée n° {n} : nature d'EPCI inconnue « {kind} ».")
        raw_members = entry.get("membres")
        if not isinstance(raw_members, list):
            raise SourceError(f"« epci.json », entrée n° {n} : la liste « membres » manque.")
        members = tuple(
            sorted(
                str(member.get("code") if isinstance(member, dict) else member)
                for member in raw_members
            )
        )
        unknown = [code for code in members if code not in commune_records]
        if unknown:
            raise SourceError(
                f"« epci.json », entrée n° {n} : communes membres inconnues "
                f"({', '.join(unknown[:5])})."
            )
        record = EpciRecord(
            siren=epcis.text(n, entry, "code"),
            name=epcis.text(n, entry, "nom"),
            kind=EPCI_KINDS[kind],
            population=epcis.integer(n, entry, "populationMunicipale"),
            members=members,
        )
        epci_records[record.siren] = record

    if not commune_records:
        raise SourceError("« communes.json » ne contient aucune commune.")
    return Referential(
        version=version,
        regions=_sorted(region_records),
        departements=_sorted(departement_records),
        communes=_sorted(commune_records),
        epcis=_sorted(epci_records),
    )


def _check_known(code: str, known: dict, where: str) -> None:
    if code not in known:
        raise SourceError(f"{where} : le code « {code} » ne correspond à aucune entrée connue.")


def _sorted(records: dict) -> tuple:
    return tuple(records[key] for key in sorted(records))


# Writing -------------------------------------------------------------------------------------


def write_snapshot(referential: Referential, directory: Path = SNAPSHOT_DIR) -> Path:
    """Write ``decoupage-administratif-<version>.json.xz`` in ``directory`` and return its path."""
    if not re.fullmatch(r"[\w.-]+", referential.version):
        raise SourceError(f"Version du référentiel invalide : « {referential.version} ».")
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"decoupage-administratif-{referential.version}.json.xz"
    content = _dump(referential.as_json()).encode()
    path.write_bytes(lzma.compress(content, preset=9 | lzma.PRESET_EXTREME))
    return path
