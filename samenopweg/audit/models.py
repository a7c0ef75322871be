"""The append-only audit trail. `samenopweg.audit.services.record` is its only writer."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("bekeken")
    CREATE = "create", _("aangemaakt")
    UPDATE = "update", _("gewijzigd")
    WITHDRAW = "withdraw", _("ingetrokken")
    EXPORT = "export", _("geëxporteerd")
    GRANT = "grant", _("toegang gegeven")
    REVOKE = "revoke", _("toegang beëindigd")
    STAGE = "stage", _("fase gewijzigd")
    LOGIN = "login", _("aangemeld")
    LOGOUT = "logout", _("afgemeld")
    LOGIN_FAILED = "login_failed", _("aanmelden mislukt")
    DENIED = "denied", _("toegang geweigerd")


class AuditEvent(models.Model):
    """Who read or changed what, when, from where. Update and delete are refused by triggers."""

    at = models.DateTimeField(_("wanneer"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie"),
    )
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(_("wat"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("soort gegeven"), max_length=60)
    object_id = models.CharField(max_length=40, blank=True)
    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ip_address = models.GenericIPAddressField(_("vanaf"), null=True, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)
    path = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("audit")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["trajectory", "-at"]),
            models.Index(fields=["actor", "-at"]),
            models.Index(fields=["actor_label", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_type}"
