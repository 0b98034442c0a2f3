"""The full-text index made again by the migration core 0006 (prefixes indexed, the title apart)
keeps every entry findable, after it and after it is undone, on SQLite and PostgreSQL."""

from django.db import connection

from essaim.core.search import search
from essaim.experiments.models import Experiment
from tests.experiments.factories import ExperimentFactory

BEFORE = [("core", "0005_search_vectors")]
AFTER = [("core", "0006_search_prefixes")]


def entries_holding(word: str) -> int:
    """Counted by the full-text index of the schema in place (0005 or 0006)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM core_searchentry_fts WHERE core_searchentry_fts MATCH %s",
                [f'"{word}"*'],
            )
        else:
            cursor.execute(
                "SELECT count(*) FROM core_searchentry_fts "
                "WHERE search_vector @@ to_tsquery('simple', %s)",
                [f"{word}:*"],
            )
        return cursor.fetchone()[0]


def test_the_index_is_made_again_both_ways(migrator):
    ExperimentFactory(title="Covoiturage des salariés")
    ExperimentFactory(title="Autopartage", summary="Un covoiturage entre voisins.")

    migrator.migrate(BEFORE)
    assert entries_holding("covoitur") == 2
    ExperimentFactory(title="Navette du covoiturage")  # written by the triggers of 0005
    assert entries_holding("covoitur") == 3

    migrator.migrate(AFTER)
    ranked = search(Experiment.objects.all(), "covoit", ranked=True).order_by("search_rank", "pk")
    assert [(e.title, e.search_rank) for e in ranked] == [
        ("Covoiturage des salariés", 0),
        ("Navette du covoiturage", 0),
        ("Autopartage", 1),
    ]
    ExperimentFactory(title="Covoiturage solidaire")  # written by the triggers of 0006
    assert entries_holding("covoitur") == 4
