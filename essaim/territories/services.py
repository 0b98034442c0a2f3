"""Creating and changing territories. Each function owns its transaction and raises
:class:`TerritoryError`, with a French message, when the request makes no sense."""

from collections.abc import Iterable

from django.db import transaction

from essaim.accounts.models import User
from essaim.lib.errors import DomainError
from essaim.roles.models import Role
from essaim.territories.models import (
    Commune,
    Departement,
    Epci,
    Region,
    Territory,
    TerritoryKind,
)


class TerritoryError(DomainError):
    """A territory that cannot be created or changed as asked; the message is French."""


def create_territory(
    *,
    name: str,
    kind: str,
    communes: Iterable[Commune],
    created_by: User,
    description: str = "",
    epci: Epci | None = None,
    departement: Departement | None = None,
    shared: bool = True,
) -> Territory:
    """Create a territory made of ``communes``; ``created_by`` becomes its owner."""
    name = _checked_name(name)
    _check_kind(kind)
    commune_ids = _commune_ids(communes)
    with transaction.atomic():
        territory = Territory(
            name=name,
            kind=kind,
            description=description.strip(),
            epci=epci,
            departement=departement,
            shared=shared,
            created_by=created_by,
        )
        territory.refresh_search_text()
        territory.save()
        territory.communes.add(*commune_ids)
        territory.grant(created_by, Role.OWNER, by=created_by)
    return territory


def create_territory_from_epci(
    *, epci: Epci, created_by: User, name: str = "", shared: bool = True
) -> Territory:
    return create_territory(
        name=name or epci.name,
        kind=TerritoryKind.EPCI,
        communes=epci.communes.all(),
        epci=epci,
        created_by=created_by,
        shared=shared,
    )


def create_territory_from_departement(
    *, departement: Departement, created_by: User, name: str = "", shared: bool = True
) -> Territory:
    return create_territory(
        name=name or departement.name,
        kind=TerritoryKind.DEPARTEMENT,
        communes=departement.communes.all(),
        departement=departement,
        created_by=created_by,
        shared=shared,
    )


def create_territory_from_region(
    *, region: Region, created_by: User, name: str = "", shared: bool = True
) -> Territory:
    return create_territory(
        name=name or region.name,
        kind=TerritoryKind.REGION,
        communes=region.communes.all(),
        created_by=created_by,
        shared=shared,
    )


def create_territory_from_commune(
    *, commune: Commune, created_by: User, name: str = "", shared: bool = True
) -> Territory:
    return create_territory(
        name=name or commune.name,
        kind=TerritoryKind.COMMUNE,
        communes=[commune],
        epci=commune.epci,
        departement=commune.departement,
        created_by=created_by,
        shared=shared,
    )


def update_territory(
    *,
    territory: Territory,
    name: str,
    kind: str,
    description: str,
    shared: bool,
    communes: Iterable[Commune],
) -> Territory:
    """Change the description and the perimeter of ``territory``."""
    name = _checked_name(name)
    _check_kind(kind)
    commune_ids = _commune_ids(communes)
    with transaction.atomic():
        territory.name = name
        territory.kind = kind
        territory.description = description.strip()
        territory.shared = shared
        territory.refresh_search_text()
        territory.save(
            update_fields=["name", "kind", "description", "shared", "search_text", "updated_at"]
        )
        territory.communes.set(commune_ids)
    return territory


def _checked_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise TerritoryError("Donnez un nom au territoire.")
    if len(name) > Territory._meta.get_field("name").max_length:
        raise TerritoryError("Le nom du territoire est trop long (200 caractères au plus).")
    return name


def _check_kind(kind: str) -> None:
    if kind not in TerritoryKind.values:
        raise TerritoryError(f"Type de territoire inconnu : « {kind} ».")


def _commune_ids(communes: Iterable[Commune]) -> list[int]:
    if hasattr(communes, "values_list"):
        ids = list(communes.values_list("pk", flat=True))
    else:
        ids = list(dict.fromkeys(commune.pk for commune in communes))
    if not ids:
        raise TerritoryError("Un territoire doit compter au moins une commune.")
    return ids
