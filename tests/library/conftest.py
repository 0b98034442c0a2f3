"""Sheets of the library for the tests: ``make_sheet`` writes one on a real perimeter."""

import importlib

import pytest
from django.contrib.auth.models import Group, Permission

from essaim.library.models import ExperienceSheet, Public
from essaim.library.models.sheets import EDITORS_GROUP
from essaim.library.services.placing import place_sheet
from essaim.roles.models import Role
from essaim.territories.models import Commune, Territory, TerritoryKind
from essaim.themes.models import Theme
from tests.conftest import make_user


def territory_of(insee_code: str) -> Territory:
    """A shared one-commune territory on the commune ``insee_code`` of the referential."""
    commune = Commune.objects.select_related("departement", "epci").get(insee_code=insee_code)
    territory = Territory.objects.create(
        name=commune.name, kind=TerritoryKind.COMMUNE, departement=commune.departement
    )
    territory.communes.add(commune)
    return territory


def make_sheet(
    title: str,
    *,
    insee_code: str | None = "07186",  # Privas, Ardèche
    themes: tuple[str, ...] = (),
    published: bool = True,
    owner=None,
    **fields,
) -> ExperienceSheet:
    sheet = ExperienceSheet(title=title, **fields)
    if insee_code:
        sheet.territory = territory_of(insee_code)
        place_sheet(sheet)
    sheet.save()
    if themes:
        sheet.themes.set(Theme.objects.filter(slug__in=themes))
    if owner is not None:
        sheet.grant(owner, Role.OWNER)
    if published:
        sheet.publish(owner)
    return sheet


@pytest.fixture
def library_editor(db):
    """A member of the library's editors."""
    user = make_user("bibliotheque@example.org", "Béatrice Bibliothécaire")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def restore_library_vocabulary() -> None:
    """The publics and the editors' group, which a migration seeds, after a transactional test
    emptied the database."""
    publics = importlib.import_module("essaim.library.migrations.0002_vocabulary").PUBLICS
    for position, (slug, label) in enumerate(publics):
        Public.objects.update_or_create(slug=slug, defaults={"label": label, "position": position})
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(
        Permission.objects.get(codename="review_experiencesheet", content_type__app_label="library")
    )
