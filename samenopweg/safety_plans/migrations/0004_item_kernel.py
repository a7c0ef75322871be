# The HOW on the case-file kernel (samenopweg.cases.items); keeps every row.
#
# SafetyPlan, RuleCheckIn, PlanComment and Story are Items; PlanRule and StoryPage are
# WithdrawableItems. Who wrote a check-in (recorded_by) or a comment (author) is renamed to the
# kernel's created_by, so no row loses it.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import F


def updated_when_created(apps, schema_editor):
    """Rows made before they had an updated_at were last changed when they were made."""
    for name in ("RuleCheckIn", "PlanComment"):
        apps.get_model("safety_plans", name).objects.update(updated_at=F("created_at"))


def created_by_field():
    return models.ForeignKey(
        blank=True,
        editable=False,
        help_text="Empty only for items made before the kernel kept the author.",
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to=settings.AUTH_USER_MODEL,
    )


def withdrawn_by_field():
    return models.ForeignKey(
        blank=True,
        editable=False,
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name="+",
        to=settings.AUTH_USER_MODEL,
    )


def trajectory_field():
    return models.ForeignKey(
        on_delete=django.db.models.deletion.PROTECT, related_name="+", to="cases.trajectory"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("safety_plans", "0003_follow_up"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(
            model_name="rulecheckin", old_name="recorded_by", new_name="created_by"
        ),
        migrations.RenameField(model_name="plancomment", old_name="author", new_name="created_by"),
        *[
            migrations.AlterField(model_name=model, name="created_by", field=created_by_field())
            for model in (
                "safetyplan",
                "planrule",
                "rulecheckin",
                "plancomment",
                "story",
                "storypage",
            )
        ],
        # Nobody reads plans or stories from the trajectory's side.
        migrations.AlterField(model_name="safetyplan", name="trajectory", field=trajectory_field()),
        migrations.AlterField(model_name="story", name="trajectory", field=trajectory_field()),
        # Check-ins and comments get a version and an updated_at like every item.
        *[
            migrations.AddField(
                model_name=model,
                name="version",
                field=models.PositiveIntegerField(default=1, editable=False),
            )
            for model in ("rulecheckin", "plancomment")
        ],
        *[
            migrations.AddField(
                model_name=model,
                name="updated_at",
                field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now),
                preserve_default=False,
            )
            for model in ("rulecheckin", "plancomment")
        ],
        migrations.RunPython(updated_when_created, migrations.RunPython.noop),
        # Withdrawal as the kernel keeps it: when, by whom and why.
        *[
            migrations.AlterField(
                model_name=model,
                name="withdrawn_at",
                field=models.DateTimeField(blank=True, editable=False, null=True),
            )
            for model in ("planrule", "storypage")
        ],
        *[
            migrations.AddField(model_name=model, name="withdrawn_by", field=withdrawn_by_field())
            for model in ("planrule", "storypage")
        ],
        migrations.AlterField(
            model_name="planrule",
            name="withdrawn_reason",
            field=models.CharField(blank=True, max_length=300, verbose_name="reden van intrekken"),
        ),
        migrations.AddField(
            model_name="storypage",
            name="withdrawn_reason",
            field=models.CharField(blank=True, max_length=300, verbose_name="reden van intrekken"),
        ),
    ]
