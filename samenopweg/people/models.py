"""Persons of a trajectory and how they relate to each child."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.items import Item, WithdrawableItem
from samenopweg.cases.models import Trajectory
from samenopweg.core.fields import BoundedTextField
from samenopweg.core.validators import (
    BIRTH_DATE_VALIDATORS,
    EVENT_DATE_VALIDATORS,
    NOTE_MAX,
    PARAGRAPH_MAX,
    REPORT_MAX,
)


class Gender(models.TextChoices):
    FEMALE = "f", _("Vrouw / meisje")
    MALE = "m", _("Man / jongen")
    OTHER = "x", _("Anders")
    UNKNOWN = "", _("Niet ingevuld")


class Person(Item):
    """Someone in the file of one trajectory: a child, a parent, a caregiver or other family.

    Persons are corrected, never withdrawn: the rest of the file (relations, the network, the
    map, the plan) points at them.
    """

    trajectory = models.ForeignKey(Trajectory, on_delete=models.PROTECT, related_name="persons")
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("familienaam"), max_length=100, blank=True)
    date_of_birth = models.DateField(
        _("geboortedatum"), null=True, blank=True, validators=BIRTH_DATE_VALIDATORS
    )
    gender = models.CharField(_("geslacht"), max_length=1, choices=Gender.choices, blank=True)
    is_child = models.BooleanField(_("kind in dit traject"), default=False)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    notes = BoundedTextField(_("opmerkingen"), blank=True, max_length=NOTE_MAX)

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


# What a person's form and services.update_person may change.
PERSON_FIELDS = (
    "first_name",
    "last_name",
    "date_of_birth",
    "gender",
    "phone",
    "email",
    "notes",
    "audience",
)


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
    # The network around the family (not family, not caregivers).
    NEIGHBOUR = "neighbour", _("Buur")
    FRIEND = "friend", _("Vriend of vriendin van het gezin")
    COACH = "coach", _("Trainer, coach of leiding")
    PROFESSIONAL = "professional", _("Professional (school, dokter, hulpverlener)")


PARENT_KINDS = (
    RelationKind.MOTHER,
    RelationKind.FATHER,
    RelationKind.STEPMOTHER,
    RelationKind.STEPFATHER,
)


class Relation(models.Model):
    """How one person relates to one child of the trajectory.

    Not an item of its own: it is part of the adult's record, seen with the person and the
    child it links (both items), and written only with the person (`services.add_person`,
    `update_person`: the kernel refuses a closed trajectory and the person's audit row keeps
    the relations before and after).
    """

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


# --- the safety network ---------------------------------------------------------------------


class NetworkKind(models.TextChoices):
    INFORMAL = "informal", _("Informeel netwerk")
    PROFESSIONAL = "professional", _("Professioneel netwerk")


class Tie(models.TextChoices):
    """How strong the tie with the family is, as the ecomap draws it."""

    STRONG = "strong", _("Sterke band")
    NORMAL = "normal", _("Gewone band")
    WEAK = "weak", _("Zwakke band")
    STRESSFUL = "stressful", _("Moeizame band")


class NetworkMember(WithdrawableItem):
    """A person of the trajectory in the safety network: what they commit to, what they know.

    Someone who leaves the network is withdrawn (`withdrawn_at`, `withdrawn_reason`): the row
    stays in the file.
    """

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.PROTECT, related_name="network_members"
    )
    person = models.OneToOneField(
        Person, on_delete=models.PROTECT, related_name="network_member", verbose_name=_("persoon")
    )
    kind = models.CharField(_("soort"), max_length=20, choices=NetworkKind.choices)
    role_text = models.CharField(_("wie is dit voor het gezin?"), max_length=200)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    commitment = BoundedTextField(
        _("wat neemt deze persoon op zich?"), blank=True, max_length=PARAGRAPH_MAX
    )
    heard_what_on = models.DateField(
        _("hoorde de gevaarsboodschappen en doelen op"),
        null=True,
        blank=True,
        validators=EVENT_DATE_VALIDATORS,
    )
    is_chair = models.BooleanField(_("voorzitter van het netwerk"), default=False)
    tie = models.CharField(
        _("band met het gezin"), max_length=20, choices=Tie.choices, default=Tie.NORMAL
    )

    class Meta:
        verbose_name = _("netwerklid")
        verbose_name_plural = _("netwerk")
        ordering = ["kind", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory"],
                condition=models.Q(is_chair=True, withdrawn_at__isnull=True),
                name="one_network_chair",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.role_text})"


# What a network member's form and services.update_network_member may change.
NETWORK_FIELDS = (
    "kind",
    "tie",
    "role_text",
    "organisation",
    "commitment",
    "heard_what_on",
    "is_chair",
    "audience",
)


class SupportRole(models.TextChoices):
    LASTING_ADULT = "lasting_adult", _("Steunende, liefdevolle en blijvende volwassene")
    TRUSTED_PERSON = "trusted_person", _("Vertrouwenspersoon")


class ChildSupport(WithdrawableItem):
    """For one child: a supporting, loving and lasting adult (charter principle 5), or the
    child's trusted person; whether that adult has said yes.

    When it is no longer so, it is withdrawn (ended): the row stays in the file."""

    child = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="supporters", verbose_name=_("kind")
    )
    adult = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="supports", verbose_name=_("volwassene")
    )
    role = models.CharField(_("rol"), max_length=20, choices=SupportRole.choices)
    confirmed_on = models.DateField(
        _("zei ja op"), null=True, blank=True, validators=EVENT_DATE_VALIDATORS
    )

    class Meta:
        verbose_name = _("steun voor een kind")
        verbose_name_plural = _("steun voor de kinderen")
        ordering = ["child_id", "role", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "adult", "role"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_current_support_per_role",
            ),
            models.CheckConstraint(
                condition=~models.Q(child=models.F("adult")), name="support_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.adult} – {self.get_role_display()} – {self.child}"


class ContactBan(WithdrawableItem):
    """Someone who may not be near the child (or any child of the trajectory), and why.

    Professionals only, always (services.ban_contact sets the audience); the reason may hold what
    the family must not read. A ban that is lifted is withdrawn, with the reason: the row stays.
    """

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("persoon")
    )
    child = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind (leeg: alle kinderen)"),
    )
    reason = BoundedTextField(_("waarom?"), max_length=PARAGRAPH_MAX)

    class Meta:
        verbose_name = _("niet toegelaten bij het kind")
        verbose_name_plural = _("niet toegelaten bij het kind")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.person)


class NetworkMeeting(Item):
    """A meeting of the safety network, with who was there."""

    held_on = models.DateField(_("datum"), validators=EVENT_DATE_VALIDATORS)
    attendees = models.ManyToManyField(Person, related_name="+", verbose_name=_("wie was er?"))
    other_attendees = models.CharField(_("wie nog?"), max_length=300, blank=True)
    notes = BoundedTextField(_("wat spraken we af?"), blank=True, max_length=REPORT_MAX)

    class Meta:
        verbose_name = _("netwerkoverleg")
        verbose_name_plural = _("netwerkoverleggen")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on}"
