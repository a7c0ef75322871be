"""Shared building blocks: the audience of an item and optimistic locking."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.IntegerChoices):
    """Who may see an item besides the professionals; each level includes the ones before it."""

    PROFESSIONALS = 0, _("Alleen professionals")
    PARENTS = 1, _("Ook ouders")
    NETWORK = 2, _("Ook ouders en netwerk")
    CHILD = 3, _("Ook het kind of de jongere")


class AudienceItem(models.Model):
    """A record inside a trajectory that may be shown to the family (see cases.access)."""

    audience = models.PositiveSmallIntegerField(
        _("wie mag dit zien"), choices=Audience.choices, default=Audience.PROFESSIONALS
    )

    class Meta:
        abstract = True


class Versioned(models.Model):
    """Optimistic locking: every edit must name the version it started from."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True
