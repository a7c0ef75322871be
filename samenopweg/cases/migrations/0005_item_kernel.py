# SafetyCheck and Upload on the case-file kernel (samenopweg.cases.items); keeps every row.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _from_the_answer(apps, schema_editor):
    """A safety check was made by whoever answered it, when they answered; an upload was last
    changed when it was made."""
    SafetyCheck = apps.get_model("cases", "SafetyCheck")
    SafetyCheck.objects.update(
        created_by=models.F("checked_by"),
        created_at=models.F("checked_at"),
        updated_at=models.F("checked_at"),
    )
    Upload = apps.get_model("cases", "Upload")
    Upload.objects.update(updated_at=models.F("created_at"))


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0004_search_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Who uploaded a picture is its created_by now: rename, so no row loses it.
        migrations.RenameField(
            model_name='upload',
            old_name='uploaded_by',
            new_name='created_by',
        ),
        migrations.AddField(
            model_name='safetycheck',
            name='created_at',
            field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name='safetycheck',
            name='created_by',
            field=models.ForeignKey(blank=True, editable=False, help_text='Empty only for items made before the kernel kept the author.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='safetycheck',
            name='updated_at',
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name='safetycheck',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AlterField(
            model_name='upload',
            name='created_by',
            field=models.ForeignKey(blank=True, editable=False, help_text='Empty only for items made before the kernel kept the author.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='upload',
            name='updated_at',
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name='upload',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.RunPython(_from_the_answer, migrations.RunPython.noop),
    ]
