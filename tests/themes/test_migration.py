"""Experiments keep their theme when it becomes a reference to the vocabulary, and get it back
as text when the migration is undone."""

from essaim.experiments.models import Experiment
from tests.themes.factories import FORMER_THEMES

BEFORE = [("experiments", "0001_initial"), ("themes", "0001_initial")]
AFTER = [("experiments", "0004_theme_from_vocabulary")]


def test_the_migration_converts_themes_by_slug_and_back(migrator):
    migrate = migrator.migrate
    old = migrate(BEFORE)
    assert list(old.get_model("themes", "Theme").objects.values_list("slug", "label")) == (
        FORMER_THEMES
    )
    experiments = old.get_model("experiments", "Experiment")
    for title, slug in [("Bricobus", "habitat"), ("Saillans", "democratie"), ("Vieux", "")]:
        experiments.objects.create(title=title, theme=slug)

    migrate(AFTER)
    converted = dict(Experiment.objects.values_list("title", "theme__label"))
    assert converted == {
        "Bricobus": "habitat et cadre de vie",
        "Saillans": "démocratie et participation",
        "Vieux": "autre",
    }
    assert Experiment.objects.get(title="Saillans").theme_id == "democratie"

    back = migrate(BEFORE)
    rows = back.get_model("experiments", "Experiment").objects.values_list("title", "theme")
    assert dict(rows) == {"Bricobus": "habitat", "Saillans": "democratie", "Vieux": "autre"}
    migrate(AFTER)
