import pytest

from essaim.library.models import ExperienceSheet
from essaim.library.services.filters import SheetFilters
from tests.library.conftest import make_sheet

pytestmark = pytest.mark.django_db


def test_filters_read_the_query_and_narrow_the_published_sheets(referential):
    ardeche = make_sheet("Covoiturage", insee_code="07186", themes=("mobilite",), year_start=2019)
    make_sheet("Épicerie", insee_code="29019", year_start=2021, year_end=2022)  # Brest
    filters = SheetFilters.from_query({"departement": "07", "year": "2020", "stage": ""})
    assert filters.as_query() == {"departement": "07", "year": "2020"}
    assert list(filters.apply(ExperienceSheet.objects.published())) == [ardeche]
    assert SheetFilters.from_query({"year": "99999"}).year is None
    assert filters.as_query(departement=None) == {"year": "2020"}


@pytest.mark.parametrize("year", ["²", "२०२०", "2" * 5000, "0002020", " 20 20"])
def test_a_year_that_is_not_four_ascii_digits_is_ignored(year):
    assert SheetFilters.from_query({"year": year}).year is None


@pytest.mark.parametrize("url", ["library:search", "library:opendata_csv"])
def test_an_odd_year_never_makes_an_error(client, url, referential):
    from django.urls import reverse

    for year in ("²", "9" * 5000):
        assert client.get(reverse(url), {"year": year}).status_code == 200
