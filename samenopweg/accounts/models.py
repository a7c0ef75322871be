"""Users, organisations, teams and the roles people hold in them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    DUTCH = "nl-be", "Nederlands"
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"  # for the family's pages (professionals work in Dutch or English)


class User(AbstractUser):
    """Everyone who logs in: professionals, and family or network members linked to a person."""

    language = models.CharField(
        _("taal"), max_length=8, choices=Language.choices, default=Language.DUTCH
    )
    # For a professional: how the family reaches them (the portal's "wie bel je?").
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    reachable = models.CharField(
        _("bereikbaar"),
        max_length=200,
        blank=True,
        help_text=_("Wanneer de familie kan bellen, bv. ma-vr 9-17 uur."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class OrganisationKind(models.TextChoices):
    OCJ = "OCJ", _("Ondersteuningscentrum Jeugdzorg (OCJ)")
    SDJ = "SDJ", _("Sociale Dienst Jeugdrechtbank (SDJ)")
    PRIVATE = "PRIVATE", _("Private organisatie jeugdhulp")


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=10, choices=OrganisationKind.choices)
    region_code = models.CharField(
        _("regiocode"),
        max_length=5,
        blank=True,
        help_text=_("Drie letters in het referentienummer, bv. GNT voor Gent."),
    )
    is_active = models.BooleanField(_("actief"), default=True)
    out_of_hours_phone = models.CharField(
        _("telefoon buiten de kantooruren"),
        max_length=30,
        blank=True,
        help_text=_("Het nummer dat een gezin 's avonds en in het weekend kan bellen."),
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_government(self) -> bool:
        return self.kind in (OrganisationKind.OCJ, OrganisationKind.SDJ)


class Team(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="teams", verbose_name=_("organisatie")
    )
    name = models.CharField(_("naam"), max_length=200)
    safety_check_interval_days = models.PositiveSmallIntegerField(
        _("veiligheidsvraag opnieuw stellen na (dagen)"),
        default=28,
        help_text=_("Een traject waarvan de laatste veiligheidsvraag ouder is, wordt gemarkeerd."),
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name"),
            models.CheckConstraint(
                condition=models.Q(safety_check_interval_days__gte=1), name="team_interval_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.name}"


class Role(models.TextChoices):
    CONSULENT = "consulent", _("Consulent")
    TEAMVERANTWOORDELIJKE = "teamverantwoordelijke", _("Teamverantwoordelijke")
    HULPVERLENER = "hulpverlener", _("Hulpverlener")
    ADMIN = "admin", _("Beheerder")
    AUDITOR = "auditor", _("Auditor")


class Membership(models.Model):
    """A role a user holds in an organisation, usually inside one of its teams."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("gebruiker")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("organisatie"),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("team"),
    )
    role = models.CharField(_("rol"), max_length=30, choices=Role.choices)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "team", "role"], name="membership_unique"
            ),
        ]
        indexes = [models.Index(fields=["user", "role", "is_active"])]

    def __str__(self) -> str:
        where = self.team or self.organisation
        return f"{self.user} – {self.get_role_display()} – {where}"

    def clean(self) -> None:
        if self.team is not None and self.team.organisation_id != self.organisation_id:
            raise ValidationError({"team": _("Dit team hoort niet bij deze organisatie.")})
        if self.role in (Role.CONSULENT, Role.TEAMVERANTWOORDELIJKE) and not self.team_id:
            raise ValidationError(
                {"team": _("Een consulent of teamverantwoordelijke hoort bij een team.")}
            )
