"""The filters a reader sets on the published sheets, read from the query string the same way by
the search page, the open data exports and the API: ``?theme=mobilite&departement=07&year=2021``.

Each filter takes one value; an unknown value is not an error: it matches nothing, as a stale
link should."""

from dataclasses import dataclass, fields

from django.db.models import Q, QuerySet
from django.http import QueryDict

from essaim.lib.bounds import EARLIEST_DATE, LATEST_DATE

# Query parameter → the lookup it filters on.
LOOKUPS = {
    "theme": "themes__slug",
    "public": "publics__slug",
    "region": "region__code",
    "departement": "departement__code",
    "setting": "setting",
    "stage": "stage",
    "strategy": "strategy",
}
MAX_VALUE_LENGTH = 40
MAX_YEAR_LENGTH = 4


@dataclass(frozen=True)
class SheetFilters:
    theme: str = ""
    public: str = ""
    region: str = ""
    departement: str = ""
    setting: str = ""
    stage: str = ""
    strategy: str = ""
    year: int | None = None  # sheets running that year

    @classmethod
    def from_query(cls, query: QueryDict | dict) -> "SheetFilters":
        values: dict = {}
        for name in LOOKUPS:
            value = (query.get(name) or "").strip()[:MAX_VALUE_LENGTH]
            if value:
                values[name] = value
        year = (query.get("year") or "").strip()
        # ASCII digits only (« ² » is a digit to ``isdigit()``, not to ``int()``), four at most.
        if (
            year.isascii()
            and year.isdigit()
            and len(year) <= MAX_YEAR_LENGTH
            and EARLIEST_DATE.year <= int(year) <= LATEST_DATE.year
        ):
            values["year"] = int(year)
        return cls(**values)

    def apply(self, queryset: QuerySet) -> QuerySet:
        for name, lookup in LOOKUPS.items():
            value = getattr(self, name)
            if value:
                queryset = queryset.filter(**{lookup: value})
        if self.year is not None:
            queryset = queryset.filter(year_start__lte=self.year).filter(
                Q(year_end__isnull=True) | Q(year_end__gte=self.year)
            )
        return queryset

    def as_query(self, **changes) -> dict[str, str]:
        """The query string's values with ``changes`` (a value of ``None`` removes the filter)."""
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        values.update(changes)
        return {name: str(value) for name, value in values.items() if value not in ("", None)}

    @property
    def active(self) -> dict[str, str]:
        return self.as_query()
