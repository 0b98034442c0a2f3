"""The vocabulary of themes: seeded with the former choices, labels unique whatever the case,
active themes offered, the theme a row holds kept."""

import pytest
from django.db import IntegrityError, transaction

from essaim.themes.models import OTHER_THEME, Theme
from tests.themes.factories import FORMER_THEMES, ThemeFactory, theme

pytestmark = pytest.mark.django_db


def test_the_seeded_vocabulary_is_the_former_choices_in_their_order():
    assert list(Theme.objects.values_list("slug", "label")) == FORMER_THEMES
    assert list(Theme.objects.active().values_list("slug", flat=True)) == [
        slug for slug, _ in FORMER_THEMES
    ]
    assert all(Theme.objects.values_list("is_active", flat=True))
    assert theme(OTHER_THEME).label == "autre"


def test_a_label_is_unique_whatever_its_case():
    with pytest.raises(IntegrityError), transaction.atomic():
        ThemeFactory(slug="mobilite-bis", label="Mobilité")
    ThemeFactory(slug="mobilite-douce", label="mobilité douce")


def test_a_slug_is_unique():
    with pytest.raises(IntegrityError), transaction.atomic():
        ThemeFactory(slug="mobilite", label="autre mobilité")


def test_an_inactive_theme_is_not_offered_unless_a_row_holds_it():
    water = theme("eau")
    water.is_active = False
    water.save(update_fields=["is_active"])
    tourism = ThemeFactory(slug="tourisme", label="tourisme", position=0)

    active = list(Theme.objects.active().values_list("slug", flat=True))
    assert "eau" not in active
    assert active[0] == "tourisme"
    assert list(Theme.objects.offered().values_list("slug", flat=True)) == active
    kept = list(Theme.objects.offered("eau").values_list("slug", flat=True))
    assert kept == ["tourisme", *[slug for slug, _ in FORMER_THEMES]]
    assert str(tourism) == "tourisme"
