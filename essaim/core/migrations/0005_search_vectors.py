"""PostgreSQL: the words of each entry as ``tsvector`` values kept in a narrow table of their
own, ``core_searchentry_fts`` (the name of SQLite's FTS5 table), with a GIN index on each.

The index of 0003 was on an expression, ``to_tsvector('simple', title || ' ' || body)``: every
row was parsed again to check it, so a common word cost seconds. Here the vectors are computed
once, when an entry is written (by triggers, as SQLite's FTS5 table is kept), and stored beside
the entry's id alone: a search reads the GIN index, then a table of about 30 MB for 100,000
entries instead of the entries' 130 MB of text (a stored generated column on the entries,
measured first, left each match of a common word reading the wide rows: 85 ms against 20). The
title has its own vector, for the rank of a result (every word in the title). The model does
not know this table: ``essaim.core.search`` names it. SQLite keeps its FTS5 table."""

from django.db import migrations

VECTORS = (
    "to_tsvector('simple'::regconfig, {row}title || ' ' || {row}body), "
    "to_tsvector('simple'::regconfig, {row}title)"
)
POSTGRES_FORWARD = [
    "DROP INDEX IF EXISTS core_searchentry_vector",
    "CREATE TABLE core_searchentry_fts ("
    "id bigint PRIMARY KEY, search_vector tsvector NOT NULL, title_vector tsvector NOT NULL)",
    "CREATE FUNCTION core_searchentry_fts_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "INSERT INTO core_searchentry_fts (id, search_vector, title_vector) "
    f"VALUES (NEW.id, {VECTORS.format(row='NEW.')}) "
    "ON CONFLICT (id) DO UPDATE SET search_vector = EXCLUDED.search_vector, "
    "title_vector = EXCLUDED.title_vector; RETURN NULL; END $$",
    "CREATE FUNCTION core_searchentry_fts_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "DELETE FROM core_searchentry_fts WHERE id = OLD.id; RETURN NULL; END $$",
    "CREATE FUNCTION core_searchentry_fts_empty() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "DELETE FROM core_searchentry_fts; RETURN NULL; END $$",
    "CREATE TRIGGER core_searchentry_fts_write AFTER INSERT OR UPDATE OF title, body "
    "ON core_searchentry FOR EACH ROW EXECUTE FUNCTION core_searchentry_fts_write()",
    "CREATE TRIGGER core_searchentry_fts_delete AFTER DELETE ON core_searchentry "
    "FOR EACH ROW EXECUTE FUNCTION core_searchentry_fts_delete()",
    "CREATE TRIGGER core_searchentry_fts_empty AFTER TRUNCATE ON core_searchentry "
    "FOR EACH STATEMENT EXECUTE FUNCTION core_searchentry_fts_empty()",
    "INSERT INTO core_searchentry_fts (id, search_vector, title_vector) "
    f"SELECT id, {VECTORS.format(row='')} FROM core_searchentry",
    "CREATE INDEX core_searchentry_fts_search ON core_searchentry_fts USING gin (search_vector)",
    "CREATE INDEX core_searchentry_fts_title ON core_searchentry_fts USING gin (title_vector)",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER core_searchentry_fts_empty ON core_searchentry",
    "DROP TRIGGER core_searchentry_fts_delete ON core_searchentry",
    "DROP TRIGGER core_searchentry_fts_write ON core_searchentry",
    "DROP FUNCTION core_searchentry_fts_empty()",
    "DROP FUNCTION core_searchentry_fts_delete()",
    "DROP FUNCTION core_searchentry_fts_write()",
    "DROP TABLE core_searchentry_fts",
    "CREATE INDEX core_searchentry_vector ON core_searchentry "
    "USING gin (to_tsvector('simple'::regconfig, title || ' ' || body))",
]


def run(statements_by_vendor: dict[str, list[str]]):
    def operation(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("core", "0004_table_generation")]

    operations = [
        migrations.RunPython(
            run({"postgresql": POSTGRES_FORWARD}),
            run({"postgresql": POSTGRES_BACKWARD}),
        ),
    ]
