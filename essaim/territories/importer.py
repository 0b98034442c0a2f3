"""Loads the territorial referential into the database: atomic, idempotent and quick.

Rows are compared in memory with what the database holds and written in batches; a second load
of the same data writes nothing but its :class:`ReferentialImport` entry.

A commune that leaves the referential is deleted. Territories do not lose it silently: when its
code is among the former codes (``anciensCodes``) of a current commune — a *commune nouvelle*,
or a commune that changed code — the territory gets that commune instead; otherwise the commune
is only taken out of the territory. Both cases are listed in the summary. An EPCI, département or
région that disappears leaves the territories created from it with their communes; only their
« EPCI / département d'origine » link is cleared.
"""

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import models, transaction

from essaim.territories.import_report import ImportReport
from essaim.territories.models import (
    Commune,
    Departement,
    Epci,
    ReferentialImport,
    Region,
    Territory,
)
from essaim.territories.snapshot import Referential, read_referential, shipped_snapshot

Progress = Callable[[str, int, int], None]
"""Called with a step label (French), the items done and the items of that step."""

BATCH = 2000
UPDATE_BATCH = 250  # bulk_update writes one CASE per field: small batches keep it linear


def import_referential(
    source: Path | None = None,
    *,
    progress: Progress | None = None,
    skip_if_current: bool = False,
) -> ImportReport:
    """Load ``source`` (the shipped snapshot when ``None``; otherwise an Etalab ``.tgz``, a
    folder of the package or a ``.json.xz`` snapshot) and return what changed.

    With ``skip_if_current``, nothing is written when the latest import already holds this
    version with the same data. Raises :class:`~essaim.territories.snapshot.SourceError` (with a
    French message) before writing anything when the source is not a usable referential.
    """
    started = time.perf_counter()
    path = Path(source) if source is not None else shipped_snapshot()
    notify = progress or _silent
    notify("Lecture de la source", 0, 1)
    referential = read_referential(path)
    notify("Lecture de la source", 1, 1)
    report = ImportReport(
        source=path.name[:200],
        version=referential.version,
        checksum=referential.checksum(),
        counts={name: len(records) for name, records in referential.tables().items()},
    )
    if skip_if_current:
        latest = ReferentialImport.objects.order_by("-imported_at", "-pk").first()
        if latest and (latest.version, latest.checksum) == (report.version, report.checksum):
            report.skipped = True
            report.duration = time.perf_counter() - started
            return report
    with transaction.atomic():
        _Loader(referential, report, notify).run()
        report.duration = time.perf_counter() - started
        ReferentialImport.objects.create(
            source=report.source,
            version=report.version,
            checksum=report.checksum,
            counts=report.counts,
            changes=report.changes_as_json(),
        )
    return report


def _silent(step: str, done: int, total: int) -> None:
    pass


class _Loader:
    def __init__(self, referential: Referential, report: ImportReport, notify: Progress) -> None:
        self.referential = referential
        self.report = report
        self.notify = notify
        self.missing: dict[str, dict[int, str]] = {}  # rows to delete: code by primary key

    def run(self) -> None:
        ref = self.referential
        previous = list(Commune.objects.values_list("insee_code", "name", "epci__siren"))
        previous_epcis = dict(Epci.objects.values_list("siren", "name"))
        self.report.first_load = not previous
        if not self.report.first_load:
            self._describe_changes(previous, previous_epcis)

        region_ids = self._sync(
            Region, "code", {r.code: {"name": r.name} for r in ref.regions}, "regions"
        )
        departement_ids = self._sync(
            Departement,
            "code",
            {d.code: {"name": d.name, "region_id": region_ids[d.region]} for d in ref.departements},
            "departements",
        )
        epci_ids = self._sync(
            Epci,
            "siren",
            {
                e.siren: {"name": e.name, "kind": e.kind, "population": e.population}
                for e in ref.epcis
            },
            "epci",
        )
        epci_of = {code: epci_ids[e.siren] for e in ref.epcis for code in e.members}
        commune_ids = self._sync(
            Commune,
            "insee_code",
            {
                c.code: {
                    "name": c.name,
                    "departement_id": departement_ids[c.departement],
                    "region_id": region_ids[c.region],
                    "epci_id": epci_of.get(c.code),
                    "population": c.population,
                    "postal_codes": list(c.postal_codes),
                    "siren": c.siren,
                    "former_codes": list(c.former_codes),
                }
                for c in ref.communes
            },
            "communes",
        )
        self._remove_communes(commune_ids)
        self._delete_missing(Epci, "epci")
        self._delete_missing(Departement, "departements")
        self._delete_missing(Region, "regions")

    # Comparing and writing -------------------------------------------------------------------

    def _sync(
        self, model: type[models.Model], key: str, wanted: dict[str, dict], label: str
    ) -> dict[str, int]:
        """Create and update rows of ``model`` so that they hold ``wanted``; return the primary
        key of every wanted row by its code."""
        existing = {getattr(row, key): row for row in model.objects.all()}
        to_create: list[models.Model] = []
        to_update: dict[tuple[str, ...], list[models.Model]] = defaultdict(list)
        for code, values in wanted.items():
            row = existing.get(code)
            if row is None:
                row = model(**{key: code}, **values)
                _refresh_search_fields(row)
                to_create.append(row)
            elif changed := _assign(row, values):
                to_update[tuple(changed)].append(row)

        step = _STEP_LABELS[label]
        total = len(to_create) + sum(len(rows) for rows in to_update.values())
        done = 0
        self.notify(step, done, total)
        for batch in _batches(to_create):
            model.objects.bulk_create(batch)
            done += len(batch)
            self.notify(step, done, total)
        for fields, rows in to_update.items():
            for batch in _batches(rows, UPDATE_BATCH):
                model.objects.bulk_update(batch, fields)
                done += len(batch)
                self.notify(step, done, total)
        self.report.created[label] = len(to_create)
        self.report.updated[label] = total - len(to_create)
        self.missing[label] = {row.pk: code for code, row in existing.items() if code not in wanted}
        ids = {code: row.pk for code, row in existing.items() if code in wanted}
        ids.update({getattr(row, key): row.pk for row in to_create})
        return ids

    def _delete_missing(self, model: type[models.Model], label: str) -> None:
        missing = self.missing[label]
        self.report.deleted[label] = len(missing)
        if missing:
            model.objects.filter(pk__in=missing).delete()

    def _remove_communes(self, kept: dict[str, int]) -> None:
        """Delete the communes that left the referential, after moving the territories that
        held them to the commune they merged into."""
        removed = self.missing["communes"]
        self.report.deleted["communes"] = len(removed)
        if not removed:
            return
        self.notify("Territoires", 0, 1)
        current = {c.code: c for c in self.referential.communes}
        merged_into = {former: c.code for c in current.values() for former in c.former_codes}
        old_names = dict(Commune.objects.filter(pk__in=removed).values_list("pk", "name"))
        Link = Territory.communes.through
        links = sorted(
            Link.objects.filter(commune_id__in=removed).values_list("territory_id", "commune_id")
        )
        territory_names = dict(
            Territory.objects.filter(pk__in={t for t, _ in links}).values_list("pk", "name")
        )
        replacements = []
        for territory_id, commune_id in links:
            code = removed[commune_id]
            into = merged_into.get(code)
            if into is not None:
                replacements.append(Link(territory_id=territory_id, commune_id=kept[into]))
            self.report.changes.territories_updated.append(
                {
                    "id": territory_id,
                    "name": territory_names[territory_id],
                    "removed": f"{old_names[commune_id]} ({code})",
                    "into": f"{current[into].name} ({into})" if into else "",
                }
            )
        Link.objects.bulk_create(replacements, ignore_conflicts=True)
        Commune.objects.filter(pk__in=removed).delete()
        self.notify("Territoires", 1, 1)

    # Summary ---------------------------------------------------------------------------------

    def _describe_changes(self, previous: list[tuple], previous_epcis: dict[str, str]) -> None:
        ref = self.referential
        changes = self.report.changes
        current = {c.code: c for c in ref.communes}
        epcis = {e.siren: e for e in ref.epcis}
        epci_of = {code: e.siren for e in ref.epcis for code in e.members}
        merged_into = {former: c.code for c in ref.communes for former in c.former_codes}
        old = {code: (name, epci) for code, name, epci in previous}

        for code, commune in current.items():
            if code not in old:
                changes.communes_added.append({"code": code, "name": commune.name})
                continue
            old_name, old_epci = old[code]
            if old_name != commune.name:
                changes.communes_renamed.append(
                    {"code": code, "old": old_name, "new": commune.name}
                )
            new_epci = epci_of.get(code)
            if old_epci != new_epci:
                changes.communes_moved.append(
                    {
                        "code": code,
                        "name": commune.name,
                        "old_epci": previous_epcis.get(old_epci, ""),
                        "new_epci": epcis[new_epci].name if new_epci else "",
                    }
                )
        for code, (name, _) in sorted(old.items()):
            if code in current:
                continue
            into = merged_into.get(code)
            if into:
                changes.communes_merged.append(
                    {"code": code, "name": name, "into": into, "into_name": current[into].name}
                )
            else:
                changes.communes_removed.append({"code": code, "name": name})

        for siren, epci in epcis.items():
            if siren not in previous_epcis:
                changes.epci_added.append({"siren": siren, "name": epci.name})
            elif previous_epcis[siren] != epci.name:
                changes.epci_renamed.append(
                    {"siren": siren, "old": previous_epcis[siren], "new": epci.name}
                )
        for siren, name in sorted(previous_epcis.items()):
            if siren not in epcis:
                changes.epci_removed.append({"siren": siren, "name": name})


_STEP_LABELS = {
    "regions": "Régions",
    "departements": "Départements",
    "epci": "EPCI",
    "communes": "Communes",
}


def _assign(row: models.Model, values: dict) -> list[str]:
    """Set ``values`` on ``row`` and return the names of the fields that changed."""
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    before = {name: getattr(row, name) for name in _SEARCH_FIELDS if hasattr(row, name)}
    _refresh_search_fields(row)
    changed += [name for name, value in before.items() if getattr(row, name) != value]
    return changed


_SEARCH_FIELDS = ("search_text", "name_key")


def _refresh_search_fields(row: models.Model) -> None:
    if hasattr(row, "refresh_search_text"):
        row.refresh_search_text()


def _batches(rows: list, size: int = BATCH) -> Iterable[list]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]
