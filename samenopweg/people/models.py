"""Persons of a trajectory and how they relate to each child."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.models import Trajectory
from samenopweg.core.models import AudienceItem, Versioned


class Gender(models.TextChoices):
    FEMALE = "f", _("Vrouw / meisje")
    MALE = "m", _("Man / jongen")
    OTHER = "x", _("Anders")
    UNKNOWN = "", _("Niet ingevuld")


class Person(AudienceItem, Versioned):
    """Someone in the file of one trajectory: a child, a parent, a caregiver or other family."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="persons")
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("familienaam"), max_length=100, blank=True)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    gender = models.CharField(_("geslacht"), max_length=1, choices=Gender.choices, blank=True)
    is_child = models.BooleanField(_("kind in dit traject"), default=False)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = models.TextField(_("opmerkingen"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["-is_child", "date_of_birth", "first_name", "id"]
        indexes = [
            models.Index(fields=["trajectory", "is_child"]),
            models.Index(fields=["last_name", "first_name"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def age_on(self, day: datetime.date | None = None) -> int | None:
        if self.date_of_birth is None:
            return None
        day = day or timezone.localdate()
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))

    @property
    def age(self) -> int | None:
        return self.age_on()


class RelationKind(models.TextChoices):
    MOTHER = "mother", _("Moeder")
    FATHER = "father", _("Vader")
    STEPMOTHER = "stepmother", _("Plusmoeder")
    STEPFATHER = "stepfather", _("Plusvader")
    FOSTER_PARENT = "foster", _("Pleegouder")
    GRANDPARENT = "grandparent", _("Grootouder")
    SIBLING = "sibling", _("Broer of zus")
    GUARDIAN = "guardian", _("Voogd")
    OTHER_CAREGIVER = "caregiver", _("Andere opvoedingsverantwoordelijke")
    OTHER_FAMILY = "family", _("Ander familielid")


PARENT_KINDS = (
    RelationKind.MOTHER,
    RelationKind.FATHER,
    RelationKind.STEPMOTHER,
    RelationKind.STEPFATHER,
)


class Relation(models.Model):
    """How one person relates to one child of the trajectory."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="relations")
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="relations", verbose_name=_("persoon")
    )
    child = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="relations_to_adults", verbose_name=_("kind")
    )
    kind = models.CharField(_("relatie"), max_length=20, choices=RelationKind.choices)
    has_parental_authority = models.BooleanField(_("heeft ouderlijk gezag"), default=False)
    lives_with_child = models.BooleanField(_("woont bij het kind"), default=False)

    class Meta:
        verbose_name = _("relatie")
        verbose_name_plural = _("relaties")
        constraints = [
            models.UniqueConstraint(fields=["person", "child"], name="relation_unique_pair"),
            models.CheckConstraint(
                condition=~models.Q(person=models.F("child")), name="relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_kind_display()} – {self.child}"
