"""SQLite: refuse `INSERT OR REPLACE` / `REPLACE INTO` onto an existing audit row (issue 11).

REPLACE deletes the old row without firing DELETE triggers (unless recursive_triggers is on),
so 0003's triggers let it through. A BEFORE INSERT trigger refuses any insert whose id exists.
PostgreSQL has no REPLACE; its `INSERT ... ON CONFLICT DO UPDATE` and `MERGE` fire 0003's
UPDATE trigger, so nothing changes there.
"""

from django.db import migrations

TABLE = "audit_auditevent"

SQLITE_FORWARD = [
    f"""CREATE TRIGGER audit_no_replace BEFORE INSERT ON {TABLE}
        WHEN EXISTS (SELECT 1 FROM {TABLE} WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'audit_auditevent is append-only'); END;""",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS audit_no_replace;"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_actor_label_index")]

    operations = [migrations.RunPython(_run(SQLITE_FORWARD), _run(SQLITE_BACKWARD))]
