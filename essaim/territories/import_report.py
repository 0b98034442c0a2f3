"""What a load of the referential did, and its French summary."""

from dataclasses import asdict, dataclass, field

from django.utils import formats, translation

MODELS = ("regions", "departements", "epci", "communes")
LISTED = 10  # items of each kind of change written in the summary; the rest are counted


def french_number(number: int) -> str:
    """« 34 969 », with the narrow no-break space of French typography."""
    with translation.override("fr"):
        return formats.number_format(number, use_l10n=True, force_grouping=True)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 0 commune », « 1 commune », « 2 communes »: French counts 0 and 1 as singular."""
    word = singular if count <= 1 else (plural_form or singular + "s")
    return f"{french_number(count)} {word}"


@dataclass
class Changes:
    """Differences with the previous load, as JSON-ready lists of small dicts."""

    communes_added: list[dict] = field(default_factory=list)  # code, name
    communes_removed: list[dict] = field(default_factory=list)  # code, name
    communes_renamed: list[dict] = field(default_factory=list)  # code, old, new
    communes_merged: list[dict] = field(default_factory=list)  # code, name, into, into_name
    communes_moved: list[dict] = field(default_factory=list)  # code, name, old_epci, new_epci
    epci_added: list[dict] = field(default_factory=list)  # siren, name
    epci_removed: list[dict] = field(default_factory=list)  # siren, name
    epci_renamed: list[dict] = field(default_factory=list)  # siren, old, new
    territories_updated: list[dict] = field(default_factory=list)  # id, name, removed, into

    def is_empty(self) -> bool:
        return not any(asdict(self).values())


@dataclass
class ImportReport:
    source: str
    version: str
    checksum: str
    counts: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MODELS, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MODELS, 0))
    deleted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MODELS, 0))
    changes: Changes = field(default_factory=Changes)
    first_load: bool = False
    skipped: bool = False
    duration: float = 0.0

    def __str__(self) -> str:
        return self.headline()

    @property
    def changed_rows(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.deleted.values())

    def changes_as_json(self) -> dict:
        return {
            "first_load": self.first_load,
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            **asdict(self.changes),
        }

    def headline(self) -> str:
        counts = self.counts
        totals = (
            f"{plural(counts.get('regions', 0), 'région')}, "
            f"{plural(counts.get('departements', 0), 'département')}, "
            f"{plural(counts.get('communes', 0), 'commune')}, "
            f"{french_number(counts.get('epci', 0))} EPCI"
        )
        if self.skipped:
            return f"Le référentiel {self.version} est déjà chargé ({totals}) : rien à faire."
        seconds = formats.number_format(round(self.duration, 1), decimal_pos=1, use_l10n=True)
        return f"Référentiel {self.version} chargé en {seconds} s : {totals}."

    def summary_lines(self) -> list[str]:
        """The headline, then one line per kind of change."""
        lines = [self.headline()]
        if self.skipped:
            return lines
        if self.first_load:
            lines.append("Premier chargement du référentiel.")
            return lines
        changes = self.changes
        if changes.is_empty() and not self.changed_rows:
            lines.append("Aucun changement depuis le chargement précédent.")
            return lines
        lines += _listed(changes.communes_added, "commune ajoutée", "communes ajoutées", _commune)
        lines += _listed(
            changes.communes_renamed,
            "commune renommée",
            "communes renommées",
            lambda item: f"{item['old']} → {item['new']} ({item['code']})",
        )
        lines += _listed(
            changes.communes_merged,
            "commune fusionnée",
            "communes fusionnées",
            lambda item: (
                f"{item['name']} ({item['code']}) fusionnée dans "
                f"{item['into_name']} ({item['into']})"
            ),
        )
        lines += _listed(
            changes.communes_removed, "commune supprimée", "communes supprimées", _commune
        )
        lines += _listed(
            changes.communes_moved,
            "commune a changé d'EPCI",
            "communes ont changé d'EPCI",
            lambda item: (
                f"{item['name']} ({item['code']}) : {item['old_epci'] or 'aucun'} → "
                f"{item['new_epci'] or 'aucun'}"
            ),
        )
        lines += _listed(changes.epci_added, "EPCI ajouté", "EPCI ajoutés", _epci)
        lines += _listed(
            changes.epci_renamed,
            "EPCI renommé",
            "EPCI renommés",
            lambda item: f"{item['old']} → {item['new']} ({item['siren']})",
        )
        lines += _listed(changes.epci_removed, "EPCI supprimé", "EPCI supprimés", _epci)
        lines += _listed(
            changes.territories_updated,
            "territoire mis à jour",
            "territoires mis à jour",
            lambda item: (
                f"« {item['name']} » : {item['removed']} "
                + (f"remplacée par {item['into']}" if item["into"] else "retirée")
            ),
        )
        updated = self.updated["communes"]
        if updated:
            lines.append(
                f"{plural(updated, 'commune mise à jour', 'communes mises à jour')} "
                "(nom, population, codes postaux, EPCI…)."
            )
        return lines


def _commune(item: dict) -> str:
    return f"{item['name']} ({item['code']})"


def _epci(item: dict) -> str:
    return f"{item['name']} ({item['siren']})"


def _listed(items: list[dict], singular: str, plural_form: str, describe) -> list[str]:
    if not items:
        return []
    shown = " ; ".join(describe(item) for item in items[:LISTED])
    more = len(items) - LISTED
    if more > 0:
        shown += f" ; et {plural(more, 'autre')}"
    return [f"{plural(len(items), singular, plural_form)} : {shown}."]
