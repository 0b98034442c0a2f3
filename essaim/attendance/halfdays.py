"""Half-days: attendance sheets are signed per half-day, a morning or an afternoon, made of the
slots of one date that start before or after noon (``Slot.half_day``).

Dates and times are written by essaim.lib.french as the session announcements write them
(« jeudi 9 novembre 2023 », « 10h30-12h »), whatever language is active: certificates are also
written by tasks, outside any request."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from essaim.attendance.models import slot_minutes
from essaim.lib import french
from essaim.trainings.models import Slot

PERIOD_SLUGS = {"matin": "matin", "après-midi": "apres-midi"}


@dataclass(frozen=True)
class HalfDay:
    date: datetime.date
    period: str  # « matin » or « après-midi »
    slots: tuple[Slot, ...]

    @property
    def key(self) -> str:
        """« 2023-11-09-matin »: how URLs name the half-day."""
        return f"{self.date:%Y-%m-%d}-{PERIOD_SLUGS[self.period]}"

    @property
    def label(self) -> str:
        """« jeudi 9 novembre 2023, matin »."""
        return f"{french.weekday_date(self.date)}, {self.period}"

    @property
    def short_label(self) -> str:
        """« 9 nov., matin »."""
        return f"{french.short_date(self.date)}, {self.period}"

    @property
    def minutes(self) -> int:
        return sum(slot_minutes(slot) for slot in self.slots)

    @property
    def times(self) -> str:
        """« 10h-12h », or « 9h-10h30 et 10h45-12h » for several slots."""
        return french.enumeration(
            [french.hours(slot.start_time, slot.end_time) for slot in self.slots]
        )

    @property
    def slot_ids(self) -> frozenset[int]:
        return frozenset(slot.pk for slot in self.slots)


def half_days(slots: Iterable[Slot]) -> list[HalfDay]:
    """The half-days of ``slots``, in order."""
    groups: dict[tuple[datetime.date, str], list[Slot]] = {}
    for slot in sorted(slots, key=lambda slot: (slot.date, slot.start_time, slot.pk)):
        groups.setdefault(slot.half_day, []).append(slot)
    return [HalfDay(date, period, tuple(group)) for (date, period), group in groups.items()]


def find_half_day(days: list[HalfDay], key: str | None) -> HalfDay | None:
    return next((day for day in days if day.key == key), None)


def current_half_day(days: list[HalfDay], now: datetime.datetime) -> HalfDay | None:
    """The half-day under way at ``now`` (local time), else the next one, else the last."""
    if not days:
        return None
    today, period = now.date(), "matin" if now.time() < datetime.time(12) else "après-midi"
    for day in days:
        if (day.date, day.period) == (today, period):
            return day
    later = [day for day in days if (day.date, day.period != "matin") > (today, period != "matin")]
    return later[0] if later else days[-1]
