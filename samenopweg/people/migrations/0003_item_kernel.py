# Person, NetworkMember, ChildSupport, ContactBan and NetworkMeeting on the case-file kernel
# (samenopweg.cases.items); keeps every row.
#
# - a member who left, a support that ended and a ban that was lifted are withdrawn now: the
#   columns are renamed (left_at, ended_at, lifted_at -> withdrawn_at; left_reason,
#   lifted_reason -> withdrawn_reason), so no row loses when or why;
# - new updated_at columns start from created_at; new version columns start at 1;
# - created_by becomes nullable (persons made before the kernel have none).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F

def _withdrawn_at():
    return models.DateTimeField(blank=True, editable=False, null=True)


def _withdrawn_reason():
    return models.CharField(blank=True, max_length=300, verbose_name='reden van intrekken')



def _withdrawn_by():
    return models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)


def _created_by():
    return models.ForeignKey(blank=True, editable=False, help_text='Empty only for items made before the kernel kept the author.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)


NEW_UPDATED_AT = ('person', 'childsupport', 'contactban', 'networkmeeting')


def updated_at_from_created_at(apps, schema_editor):
    for name in NEW_UPDATED_AT:
        apps.get_model('people', name).objects.update(updated_at=F('created_at'))


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0004_search_text'),
        ('people', '0002_safety_network'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The partial unique constraints name the renamed columns: drop them first, add them
        # back on withdrawn_at at the end.
        migrations.RemoveConstraint(
            model_name='childsupport',
            name='one_current_support_per_role',
        ),
        migrations.RemoveConstraint(
            model_name='networkmember',
            name='one_network_chair',
        ),
        migrations.RenameField(
            model_name='networkmember',
            old_name='left_at',
            new_name='withdrawn_at',
        ),
        migrations.RenameField(
            model_name='networkmember',
            old_name='left_reason',
            new_name='withdrawn_reason',
        ),
        migrations.RenameField(
            model_name='childsupport',
            old_name='ended_at',
            new_name='withdrawn_at',
        ),
        migrations.RenameField(
            model_name='contactban',
            old_name='lifted_at',
            new_name='withdrawn_at',
        ),
        migrations.RenameField(
            model_name='contactban',
            old_name='lifted_reason',
            new_name='withdrawn_reason',
        ),
        migrations.AlterField(
            model_name='networkmember',
            name='withdrawn_at',
            field=_withdrawn_at(),
        ),
        migrations.AlterField(
            model_name='networkmember',
            name='withdrawn_reason',
            field=_withdrawn_reason(),
        ),
        migrations.AlterField(
            model_name='childsupport',
            name='withdrawn_at',
            field=_withdrawn_at(),
        ),
        migrations.AlterField(
            model_name='contactban',
            name='withdrawn_at',
            field=_withdrawn_at(),
        ),
        migrations.AlterField(
            model_name='contactban',
            name='withdrawn_reason',
            field=_withdrawn_reason(),
        ),
        migrations.AddField(
            model_name='childsupport',
            name='withdrawn_reason',
            field=_withdrawn_reason(),
        ),
        migrations.AddField(
            model_name='networkmember',
            name='withdrawn_by',
            field=_withdrawn_by(),
        ),
        migrations.AddField(
            model_name='childsupport',
            name='withdrawn_by',
            field=_withdrawn_by(),
        ),
        migrations.AddField(
            model_name='contactban',
            name='withdrawn_by',
            field=_withdrawn_by(),
        ),
        # Versions for optimistic locking: every existing row starts at 1.
        migrations.AddField(
            model_name='childsupport',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name='contactban',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        migrations.AddField(
            model_name='networkmeeting',
            name='version',
            field=models.PositiveIntegerField(default=1, editable=False),
        ),
        # updated_at: filled with the migration's time, then set from created_at below.
        migrations.AddField(
            model_name='person',
            name='updated_at',
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name='childsupport',
            name='updated_at',
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name='contactban',
            name='updated_at',
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.AddField(
            model_name='networkmeeting',
            name='updated_at',
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.RunPython(updated_at_from_created_at, migrations.RunPython.noop),
        migrations.AddField(
            model_name='person',
            name='created_by',
            field=_created_by(),
        ),
        migrations.AlterField(
            model_name='networkmember',
            name='created_by',
            field=_created_by(),
        ),
        migrations.AlterField(
            model_name='childsupport',
            name='created_by',
            field=_created_by(),
        ),
        migrations.AlterField(
            model_name='contactban',
            name='created_by',
            field=_created_by(),
        ),
        migrations.AlterField(
            model_name='networkmeeting',
            name='created_by',
            field=_created_by(),
        ),
        migrations.AlterField(
            model_name='networkmeeting',
            name='trajectory',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cases.trajectory'),
        ),
        migrations.AddConstraint(
            model_name='childsupport',
            constraint=models.UniqueConstraint(condition=models.Q(('withdrawn_at__isnull', True)), fields=('child', 'adult', 'role'), name='one_current_support_per_role'),
        ),
        migrations.AddConstraint(
            model_name='networkmember',
            constraint=models.UniqueConstraint(condition=models.Q(('is_chair', True), ('withdrawn_at__isnull', True)), fields=('trajectory',), name='one_network_chair'),
        ),
    ]
