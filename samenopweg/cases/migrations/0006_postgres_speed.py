"""PostgreSQL speed (issue 10): a trigram index for the dashboard's search
(`search_text LIKE '%word%'`, which no B-tree serves). pg_trgm is a trusted extension: the
owner of the database may create it. On SQLite both steps do nothing."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TRIGRAM_INDEX = "cases_trajectory_search_trgm"


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} "
            "ON cases_trajectory USING gin (search_text gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0005_item_kernel"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_trigram_index, drop_trigram_index, elidable=False),
    ]
