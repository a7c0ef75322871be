import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from samenopweg.cases.models import Draft


@pytest.mark.django_db
def test_it_removes_only_drafts_older_than_the_retention(world, settings):
    settings.DRAFT_RETENTION_DAYS = 30
    old = Draft.objects.create(
        user=world.owner, trajectory=world.trajectory, key="/a/", data={"text": ["x"]}
    )
    fresh = Draft.objects.create(
        user=world.owner, trajectory=world.trajectory, key="/b/", data={"text": ["y"]}
    )
    Draft.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=31))
    call_command("purge_drafts")
    assert list(Draft.objects.values_list("pk", flat=True)) == [fresh.pk]
