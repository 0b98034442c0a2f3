"""What the network page shows, from rows already loaded: the replicas by status and by
département, and the growth of the network year by year."""

import datetime
from collections import Counter
from collections.abc import Iterable

from essaim.lib import french
from essaim.lib.svg_charts import Bar, render_bar_chart
from essaim.lib.svg_france_map import DepartementShade, render_france_map
from essaim.scaling.models import ReplicationStatus

REPLICA_NOUN = ("réplique", "répliques")


def counts_by_status(replicas) -> list[tuple[ReplicationStatus, int]]:
    counts = Counter(replica.status for replica in replicas)
    return [(status, counts.get(status.value, 0)) for status in ReplicationStatus]


def departement_map(replicas, *, selected: str | None = None, url_of=None) -> str:
    """The map of France by département, each coloured by its number of replicas (stopped
    ones left out), its title telling the count and the statuses."""
    by_code: dict[str, Counter] = {}
    for replica in replicas:
        if replica.status == ReplicationStatus.STOPPED:
            continue
        code = replica.commune.departement.code
        by_code.setdefault(code, Counter())[replica.get_status_display()] += 1
    shades = [
        DepartementShade(
            code=code,
            count=sum(statuses.values()),
            label=", ".join(f"{count} {label}" for label, count in sorted(statuses.items())),
            url=url_of(code) if url_of else "",
        )
        for code, statuses in sorted(by_code.items())
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
    years = range(min(per_year), until.year + 1)
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
