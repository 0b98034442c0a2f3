"""The sheet's own rules: its place written from its territory, its years in order, its
public fields."""

import pytest
from django.db import IntegrityError

from essaim.core.publication import public_view
from essaim.library.models import ExperienceSheet
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db


def test_a_sheet_lies_where_its_territory_is(referential):
    sheet = make_sheet("Covoiturage solidaire", insee_code="07186")
    assert sheet.commune.insee_code == "07186"
    assert sheet.departement.code == "07"
    assert sheet.region.code == "84"
    assert sheet.epci is not None


def test_years_must_be_in_order(referential):
    with pytest.raises(IntegrityError):
        make_sheet("À rebours", year_start=2020, year_end=2019)


def test_the_public_view_refuses_the_internal_notes(referential):
    sheet = make_sheet("Tiers-lieu", internal_notes="Le maire hésite")
    view = public_view(sheet)
    assert view.title == "Tiers-lieu"
    with pytest.raises(AttributeError):
        view.internal_notes  # noqa: B018
    assert ExperienceSheet.objects.published().count() == 1
