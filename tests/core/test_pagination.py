"""A page of a list and its total read in one query (``core.pagination.counted_page``)."""

import pytest

from essaim.core.pagination import counted_page
from essaim.themes.models import Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes():
    return Theme.objects.order_by("position", "pk")


def test_a_page_and_the_total_come_in_one_query(themes, django_assert_num_queries):
    total = themes.count()
    with django_assert_num_queries(1):
        page = counted_page(themes, "2", 3)
        rows = list(page.object_list)
        assert page.paginator.count == total
        assert page.paginator.num_pages == -(-total // 3)
    assert [theme.pk for theme in rows] == [theme.pk for theme in themes[3:6]]
    assert page.number == 2
    assert page.has_previous() and page.previous_page_number() == 1


def test_rows_may_be_dicts(themes):
    page = counted_page(themes.values("slug", "label"), 1, 2)
    assert set(page.object_list[0]) >= {"slug", "label"}
    assert page.paginator.count == themes.count()


@pytest.mark.parametrize("number", [None, "", "deux", "1.5", "0", "-3"])
def test_a_page_that_is_not_a_number_is_the_first(themes, number):
    page = counted_page(themes, number, 2)
    assert page.number == 1
    assert [theme.pk for theme in page.object_list] == [theme.pk for theme in themes[:2]]


@pytest.mark.parametrize("number", ["999", "99999999999999999999999"])
def test_a_page_past_the_end_is_the_last(themes, number):
    total = themes.count()
    page = counted_page(themes, number, 2)
    assert page.number == -(-total // 2)
    assert list(page.object_list) == list(themes[(page.number - 1) * 2 :])


def test_an_empty_list_has_one_empty_page(django_assert_num_queries):
    with django_assert_num_queries(2):
        page = counted_page(Theme.objects.filter(pk=-1).order_by("pk"), 1, 5)
    assert list(page.object_list) == []
    assert page.paginator.count == 0
    assert page.number == 1
    assert not page.has_other_pages()
