"""Load the demo: the organisations and logins, then each family (see families/)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from samenopweg.demo import organisations
from samenopweg.demo.builders import LoadReport, load_family
from samenopweg.demo.families import FAMILIES


@transaction.atomic
def load() -> LoadReport:
    """Create what is missing, in one transaction; running it again creates nothing twice."""
    setup = organisations.set_up()
    report = LoadReport(created_users=setup.created_users)
    today = timezone.localdate()
    for spec in FAMILIES:
        load_family(spec, setup, today, report)
    return report
