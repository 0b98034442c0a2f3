"""What the network page shows, from rows already loaded: the replicas by status and by
département, the growth of the network year by year, and the shared indicators rolled up to the
network."""

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from essaim.lib import french
from essaim.lib.svg_charts import Bar, render_bar_chart
from essaim.lib.svg_france_map import DepartementShade, render_france_map
from essaim.scaling.models import ReplicationStatus

REPLICA_NOUN = ("réplique", "répliques")


# The statuses counted: « 3 premiers contacts », « 1 convention signée ».
STATUS_PLURALS = {
    ReplicationStatus.CONTACT: "premiers contacts",
    ReplicationStatus.STUDY: "études",
    ReplicationStatus.AGREEMENT: "conventions signées",
    ReplicationStatus.LAUNCHED: "lancées",
    ReplicationStatus.ACTIVE: "actives",
    ReplicationStatus.STOPPED: "arrêtées",
}


@dataclass(frozen=True)
class StatusCount:
    status: ReplicationStatus
    count: int

    @property
    def label(self) -> str:
        """« premier contact », « premiers contacts »: what follows the count."""
        return french.plural(self.count, self.status.label, STATUS_PLURALS[self.status])

    def __str__(self) -> str:
        return f"{french.number(self.count)} {self.label}"


def counts_by_status(replicas) -> list[StatusCount]:
    counts = Counter(replica.status for replica in replicas)
    return [StatusCount(status, counts.get(status.value, 0)) for status in ReplicationStatus]


def departement_map(replicas, *, selected: str | None = None, url_of=None) -> str:
    """The map of France by département, each coloured by its number of replicas (stopped
    ones left out), its title telling the count and the statuses."""
    by_code: dict[str, list] = {}
    for replica in replicas:
        if replica.status != ReplicationStatus.STOPPED:
            by_code.setdefault(replica.commune.departement.code, []).append(replica)
    shades = [
        DepartementShade(
            code=code,
            count=len(here),
            label=", ".join(str(item) for item in counts_by_status(here) if item.count),
            url=url_of(code) if url_of else "",
        )
        for code, here in sorted(by_code.items())
    ]
    return render_france_map(
        shades, title="Répliques par département", noun=REPLICA_NOUN, selected=selected
    )


def launch_dates(events: Iterable[tuple[int, datetime.date]]) -> dict[int, datetime.date]:
    """The first day each replica (by key) was launched, from its ``(replica, day)`` events."""
    first: dict[int, datetime.date] = {}
    for replica, day in events:
        if replica not in first or day < first[replica]:
            first[replica] = day
    return first


def growth_chart(launched: dict[int, datetime.date], *, until: datetime.date) -> str:
    """How many replicas had been launched at the end of each year, from the first launch to
    ``until``'s year."""
    if not launched:
        return ""
    per_year = Counter(day.year for day in launched.values())
    years = range(min(per_year), max(until.year, max(per_year)) + 1)
    total, bars = 0, []
    for year in years:
        total += per_year.get(year, 0)
        added = per_year.get(year, 0)
        bars.append(Bar(str(year), total, f"{total}" + (f" (+{added})" if added else "")))
    return render_bar_chart(
        title="Croissance du réseau : répliques lancées, cumulées année après année",
        bars=bars,
        maximum=total,
        summary=f"{french.counted(total, 'réplique lancée', 'répliques lancées')} "
        f"depuis {years[0]}.",
        width=520,
        label_share=0.15,
    )


@dataclass(frozen=True)
class RolledUp:
    """A shared indicator at the network's level: per year, the figure of the network (the sum
    or the mean of the replicas' figures) and how many replicas gave one."""

    indicator: object
    years: list[int]
    values: dict[int, tuple[Decimal, int]]  # year → (figure, replicas reporting)

    def cells(self) -> list[tuple[Decimal, int] | None]:
        return [self.values.get(year) for year in self.years]


def roll_up(indicators: list, rows: Iterable[dict], *, last_years: int = 6) -> list[RolledUp]:
    """``rows`` are ``{"indicator", "year", "total", "mean", "count"}`` computed by the
    database; each indicator keeps its aggregation. The years shown are the ``last_years``
    latest that have a figure."""
    by_indicator: dict[int, dict[int, tuple[Decimal, int]]] = {}
    years: set[int] = set()
    aggregations = {indicator.pk: indicator.aggregation for indicator in indicators}
    for row in rows:
        figure = row["total"] if aggregations.get(row["indicator"]) == "somme" else row["mean"]
        by_indicator.setdefault(row["indicator"], {})[row["year"]] = (
            Decimal(figure).quantize(Decimal("0.01")),
            row["count"],
        )
        years.add(row["year"])
    shown = sorted(years)[-last_years:]
    return [
        RolledUp(indicator, shown, by_indicator.get(indicator.pk, {})) for indicator in indicators
    ]
