"""What the family's pages own of their own: invitations, and when someone of the family first
saw a shared item. Everything they read or write (a view on a statement, a check-in on a rule)
belongs to its practice app and goes through that app's services."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.accounts.models import Language
from samenopweg.accounts.roles import CaseRole
from samenopweg.cases.models import Trajectory
from samenopweg.people.models import Person

INVITATION_DAYS = 7
FAMILY_ROLES = (CaseRole.OUDER, CaseRole.JONGERE, CaseRole.NETWERK)
YOUNG_PERSON_MIN_AGE = 12  # a child under 12 has no account


class Invitation(models.Model):
    """A way in for one person of a trajectory: a single-use link (e-mailed or shown) or a
    short printed code. Only hashes are kept; using it makes an account bound to the person and
    the trajectory, with a case grant in the invitation's role."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="invitations", verbose_name=_("wie")
    )
    role = models.CharField(
        _("rol"), max_length=20, choices=[(r.value, r.label) for r in FAMILY_ROLES]
    )
    token_hash = models.CharField(max_length=64, unique=True)  # sha256 of the link's secret
    code_hash = models.CharField(max_length=64, blank=True)  # sha256 of the printed code
    email = models.EmailField(_("e-mail"), blank=True)
    # The language of the mail and of the account it makes (the family's own language).
    language = models.CharField(
        _("taal"), max_length=8, choices=Language.choices, default=Language.DUTCH
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("uitnodiging")
        verbose_name_plural = _("uitnodigingen")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["trajectory", "person"]),
            models.Index(fields=["code_hash"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")), name="invitation_expires_later"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}"

    @property
    def is_usable(self) -> bool:
        return (
            self.used_at is None and self.withdrawn_at is None and self.expires_at > timezone.now()
        )


class FirstSeen(models.Model):
    """When someone of the family first opened a shared item (an item's model label and id):
    professionals see it on the item and as a line in the journal."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    object_type = models.CharField(max_length=100)  # "assessments.dangerstatement"
    object_id = models.PositiveBigIntegerField()
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("eerst gezien")
        verbose_name_plural = _("eerst gezien")
        ordering = ["seen_at", "id"]
        indexes = [models.Index(fields=["trajectory", "object_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "object_type", "object_id"], name="first_seen_once_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.object_type}#{self.object_id} {self.seen_at:%Y-%m-%d}"
