import pytest
from django.template import Context, Template


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (1460, "1\xa0460\xa0habitants"),
        (173136, "173\xa0136\xa0habitants"),
        (2, "2\xa0habitants"),
        (1, "1\xa0habitant"),
        (0, "0\xa0habitant"),
        (None, "0\xa0habitant"),
    ],
)
def test_habitants_writes_french_numbers_and_plurals(population, expected):
    rendered = Template("{% load french %}{{ n|habitants }}").render(Context({"n": population}))
    assert rendered == expected


def test_role_label_and_plural_fr():
    template = Template(
        "{% load french %}{{ role|role_label }}|{{ none|role_label }}|"
        "commune{{ 0|plural_fr }} commune{{ 1|plural_fr }} commune{{ 2|plural_fr }}"
    )
    rendered = template.render(Context({"role": "owner", "none": None}))
    assert rendered == "propriétaire||commune commune communes"
