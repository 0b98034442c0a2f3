"""Each table's generation moves once a transaction that wrote it commits, whatever wrote it."""

import pytest
from django.db import connection, transaction

from essaim.core import generations
from essaim.experiments.models import Experiment, Risk
from tests.experiments.factories import ExperimentFactory, RiskFactory

EXPERIMENTS = Experiment._meta.db_table
RISKS = Risk._meta.db_table


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ('INSERT INTO "experiments_risk" ("description") VALUES (%s)', "experiments_risk"),
        ('INSERT OR IGNORE INTO "themes_theme" ("slug") VALUES (%s)', "themes_theme"),
        ('UPDATE "experiments_experiment" SET "title" = %s', "experiments_experiment"),
        ("  update accounts_user set last_login = %s", "accounts_user"),
        ('DELETE FROM "experiments_risk" WHERE "id" = %s', "experiments_risk"),
        ('SELECT "id" FROM "experiments_risk" WHERE "id" = %s FOR UPDATE', None),
        ('SAVEPOINT "s1"', None),
        ('RELEASE SAVEPOINT "s1"', None),
        ('TRUNCATE "experiments_risk", "experiments_experiment"', generations.EVERYTHING),
        ('CREATE TABLE "nouvelle" ("id" integer)', generations.EVERYTHING),
        (
            "WITH gone AS (DELETE FROM experiments_risk RETURNING id) SELECT 1",
            generations.EVERYTHING,
        ),
    ],
)
def test_a_statement_changes_its_table_everything_or_nothing(sql, table):
    assert generations.changed_table(sql) == table


def test_the_tables_a_query_reads_are_the_known_tables_it_names():
    known = generations.known_tables()
    sql = (
        'SELECT "experiments_risk"."id" FROM "experiments_risk" INNER JOIN '
        '"experiments_experiment" ON ("experiments_risk"."experiment_id" = '
        '"experiments_experiment"."id") WHERE "title" = %s'
    )
    assert generations.tables_read(sql, known) == {RISKS, EXPERIMENTS}
    assert generations.tables_read("SELECT rowid FROM core_searchentry_fts", known) == {
        "core_searchentry"
    }


def moved(before: dict, after: dict) -> dict:
    return {
        table: after[table] - before.get(table, 0)
        for table in after
        if after[table] != before.get(table, 0)
    }


@pytest.mark.django_db(transaction=True)
def test_a_transaction_moves_each_table_it_wrote_once_when_it_commits():
    experiment = ExperimentFactory(title="Covoiturage de proximité")
    before = generations.current()
    with transaction.atomic():
        RiskFactory(experiment=experiment, description="Trop peu de conducteurs")
        RiskFactory(experiment=experiment, description="Un hiver sans neige")
        Experiment.objects.filter(pk=experiment.pk).update(title="Covoiturage solidaire")
        assert generations.current() == before, "nothing moves before the commit"
        assert generations.uncommitted([RISKS])
        assert not generations.uncommitted(["themes_theme"])
    assert moved(before, generations.current()) == {RISKS: 1, EXPERIMENTS: 1}
    assert not generations.uncommitted([RISKS])


@pytest.mark.django_db(transaction=True)
def test_writes_outside_a_transaction_raw_sql_and_bulk_writes_move_their_table():
    experiment = ExperimentFactory()
    before = generations.current()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {EXPERIMENTS} SET title = %s WHERE id = %s", ["Cantine", experiment.pk]
        )
    assert moved(before, generations.current()) == {EXPERIMENTS: 1}

    before = generations.current()
    Risk.objects.bulk_create(
        [
            Risk(experiment=experiment, description=f"Risque {n}", likelihood=1, impact=1)
            for n in range(3)
        ]
    )
    Risk.objects.filter(experiment=experiment).delete()
    assert moved(before, generations.current()) == {RISKS: 2}


@pytest.mark.django_db(transaction=True)
def test_a_transaction_rolled_back_moves_nothing_before_the_next_reading():
    experiment = ExperimentFactory()
    before = generations.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        RiskFactory(experiment=experiment, description="Annulé")
        raise RuntimeError
    assert not Risk.objects.exists()
    after = generations.current()
    # Moving a table that was written then rolled back only makes a page again: never less.
    assert set(moved(before, after)) <= {RISKS}


@pytest.mark.django_db(transaction=True)
def test_a_reading_records_the_tables_read_and_whether_it_wrote():
    experiment = ExperimentFactory()
    with generations.reading() as reading:
        list(Risk.objects.filter(experiment__title=experiment.title))
    assert {RISKS, EXPERIMENTS, generations.EVERYTHING} <= reading.tables
    assert not reading.wrote
    with generations.reading() as reading:
        RiskFactory(experiment=experiment, description="Écrit")
    assert reading.wrote


@pytest.mark.django_db(transaction=True)
def test_when_the_generations_cannot_move_the_write_stands_and_they_move_later(monkeypatch, caplog):
    experiment = ExperimentFactory()
    before = generations.current()
    monkeypatch.setattr(generations, "TABLE", "core_tablegeneration_absente")
    monkeypatch.setattr(generations, "_exists", lambda connection: True)
    Experiment.objects.filter(pk=experiment.pk).update(title="Tiers-lieu nourricier")
    assert "n'ont pas avancé" in caplog.text
    assert Experiment.objects.get(pk=experiment.pk).title == "Tiers-lieu nourricier"
    monkeypatch.undo()
    assert moved(before, generations.current()) == {EXPERIMENTS: 1}
