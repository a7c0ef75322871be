# The WHAT on the case-file kernel (samenopweg.cases.items); keeps every row.
#
# MapEntry, DangerStatement, SafetyGoal and BottomLine become WithdrawableItems, StatementSet,
# StatementComment and ScalingScore Items. New columns on existing rows get the best value the
# rows already hold: a withdrawal's reason and who withdrew from its StatementChange row, the
# times of a set from its last status step, a score's author and times from its round.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

AUDIENCE_CHOICES = [
    (0, "Alleen professionals"),
    (1, "Ook ouders"),
    (2, "Ook ouders en netwerk"),
    (3, "Ook het kind of de jongere"),
]
CREATED_BY_HELP = "Empty only for items made before the kernel kept the author."


def _created_by() -> models.ForeignKey:
    return models.ForeignKey(
        blank=True,
        editable=False,
        help_text=CREATED_BY_HELP,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to=settings.AUTH_USER_MODEL,
    )


def _withdrawn_by() -> models.ForeignKey:
    return models.ForeignKey(
        blank=True,
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to=settings.AUTH_USER_MODEL,
    )


def _withdrawn_reason() -> models.CharField:
    return models.CharField(blank=True, max_length=300, verbose_name="reden van intrekken")


def _trajectory() -> models.ForeignKey:
    return models.ForeignKey(
        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="cases.trajectory"
    )


def _new_time(auto_now: bool) -> models.DateTimeField:
    """A new auto_now(_add) column: now for the moment, set from the row's own data below."""
    if auto_now:
        return models.DateTimeField(auto_now=True, default=django.utils.timezone.now)
    return models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now)


def fill_from_existing_rows(apps, schema_editor):
    StatementChange = apps.get_model("assessments", "StatementChange")
    # The withdrawal reason and who withdrew lived in the history row; now on the item itself.
    for label in ("dangerstatement", "safetygoal", "bottomline"):
        model = apps.get_model("assessments", label)
        withdrawals = StatementChange.objects.filter(
            object_type=f"assessments.{label}", action="withdraw"
        ).order_by("changed_at", "id")
        for change in withdrawals:
            model.objects.filter(pk=change.object_id, withdrawn_at__isnull=False).update(
                withdrawn_reason=str((change.after or {}).get("withdrawn_reason", ""))[:300],
                withdrawn_by_id=change.changed_by_id,
            )
    StatementSet = apps.get_model("assessments", "StatementSet")
    StatementSet.objects.update(
        created_at=models.F("status_changed_at"), updated_at=models.F("status_changed_at")
    )
    StatementComment = apps.get_model("assessments", "StatementComment")
    StatementComment.objects.update(updated_at=models.F("created_at"))
    ScalingScore = apps.get_model("assessments", "ScalingScore")
    ScalingRound = apps.get_model("assessments", "ScalingRound")
    for round_id, created_by_id, created_at in ScalingRound.objects.values_list(
        "pk", "created_by_id", "created_at"
    ).iterator():
        ScalingScore.objects.filter(round_id=round_id).update(
            created_by_id=created_by_id, created_at=created_at, updated_at=created_at
        )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("cases", "0002_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # --- MapEntry: WithdrawableItem (keeps its own trajectory: trajectory.map_entries) ---
        migrations.AlterField(model_name="mapentry", name="created_by", field=_created_by()),
        migrations.AlterField(
            model_name="mapentry",
            name="withdrawn_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AlterField(
            model_name="mapentry", name="withdrawn_reason", field=_withdrawn_reason()
        ),
        migrations.AddField(model_name="mapentry", name="withdrawn_by", field=_withdrawn_by()),
        # --- DangerStatement, SafetyGoal, BottomLine: WithdrawableItem ---
        *[
            operation
            for model_name in ("dangerstatement", "safetygoal", "bottomline")
            for operation in (
                migrations.AlterField(
                    model_name=model_name, name="trajectory", field=_trajectory()
                ),
                migrations.AlterField(
                    model_name=model_name, name="created_by", field=_created_by()
                ),
                migrations.AlterField(
                    model_name=model_name,
                    name="withdrawn_at",
                    field=models.DateTimeField(blank=True, editable=False, null=True),
                ),
                migrations.AddField(
                    model_name=model_name, name="withdrawn_by", field=_withdrawn_by()
                ),
                migrations.AddField(
                    model_name=model_name, name="withdrawn_reason", field=_withdrawn_reason()
                ),
            )
        ],
        # --- StatementSet: Item (keeps its one-to-one trajectory: trajectory.statement_set) ---
        migrations.AddField(
            model_name="statementset",
            name="audience",
            field=models.PositiveSmallIntegerField(
                choices=AUDIENCE_CHOICES, default=0, verbose_name="wie mag dit zien"
            ),
        ),
        migrations.AddField(model_name="statementset", name="created_by", field=_created_by()),
        migrations.AddField(
            model_name="statementset",
            name="created_at",
            field=_new_time(auto_now=False),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="statementset",
            name="updated_at",
            field=_new_time(auto_now=True),
            preserve_default=False,
        ),
        # --- StatementComment: Item; its author is the kernel's created_by ---
        migrations.RenameField(
            model_name="statementcomment", old_name="author", new_name="created_by"
        ),
        migrations.AlterField(
            model_name="statementcomment", name="created_by", field=_created_by()
        ),
        migrations.AlterField(
            model_name="statementcomment", name="trajectory", field=_trajectory()
        ),
        migrations.AddField(
            model_name="statementcomment",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name="statementcomment",
            name="updated_at",
            field=_new_time(auto_now=True),
            preserve_default=False,
        ),
        # --- ScalingScore: Item ---
        migrations.AlterField(model_name="scalingscore", name="trajectory", field=_trajectory()),
        migrations.AddField(
            model_name="scalingscore",
            name="version",
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(model_name="scalingscore", name="created_by", field=_created_by()),
        migrations.AddField(
            model_name="scalingscore",
            name="created_at",
            field=_new_time(auto_now=False),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="scalingscore",
            name="updated_at",
            field=_new_time(auto_now=True),
            preserve_default=False,
        ),
        migrations.RunPython(fill_from_existing_rows, migrations.RunPython.noop),
    ]
