"""The family's own pages on synthetic trajectories (seed_synthetic): a parent and a network
member with an account, for the benchmark's family pages (issue 14: the parent's page and the
network member's page, p95 at most 100 ms).

The first FAMILY_TRAJECTORIES of bench_consulent's full trajectories (the map of 50 entries and
the plan of 40 rules; fewer when N is small) get, as a family that has used its page a while:

- `bench_ouder`: the first adult of the family (the mother or the father, with parental
  authority), invited and in through the invitation (a used Invitation and a CaseGrant in the
  role OUDER bound to that person, as portal.invitations.redeem makes them);
- `bench_netwerk`: the network's chair (the first informal member, who checks every rule and
  does two of them), the same way in the role NETWERK;
- their statements shared, for the network too (what.py: every statement, goal and bottom line
  for the network; the SharedVersion comes from the application's own build_snapshot);
- the parent doing every fourth rule as well, and the latest check-in of each rule the parent or
  the chair does given on their own page (how.py: told by them, written by their account, for
  their audience);
- the Words and Pictures story (how.py, for the child and so for everyone of the family) and,
  for some, what the child said (child_voice.py);
- an open task for the parent;
- what they have seen: each of them opened the page once after the sharing, so every shared
  statement, goal, bottom line and rule has its FirstSeen and the professionals' journal has
  the line portal.seen.mark_seen writes then (written after the share, see `saw`). The
  benchmark then measures a returning visit, not a first one that writes 50 rows.

One user on twenty trajectories is not what a family looks like (a parent has one or two), but
it lets the benchmark spread its visits over twenty files as it does for the professionals.
test_synthetic_matches_the_services.py holds these rows to the invitation and grant rules and
to what the page itself marks as seen.
"""

from __future__ import annotations

import datetime
import hashlib
import random
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenopweg.accounts.roles import CaseRole
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind, JournalEntry, Task, TaskStatus
from samenopweg.people.models import RelationKind
from samenopweg.portal.invitations import GRANT_REASON
from samenopweg.portal.models import INVITATION_DAYS, FirstSeen, Invitation

Row = tuple[Any, ...]
Participant = JournalEntry.participants.through
DAY = datetime.timedelta(days=1)

BENCH_PARENT = "bench_ouder"
BENCH_NETWORK = "bench_netwerk"
FAMILY_TRAJECTORIES = 20
TASKS = (
    "Het veiligheidsplan met de kinderen overlopen",
    "Een afspraak maken bij de huisarts",
    "Het formulier van de school invullen",
    "Oma vragen of ze op woensdag kan helpen",
)
# As portal.seen names what was read, per model (the journal line of a first visit).
SEEN_WORDS = {
    "assessments.dangerstatement": ("%(n)s zorg", "%(n)s zorgen"),
    "assessments.safetygoal": ("%(n)s doel", "%(n)s doelen"),
    "assessments.bottomline": (
        "%(n)s punt dat zeker moet veranderen",
        "%(n)s punten die zeker moeten veranderen",
    ),
    "safety_plans.planrule": ("%(n)s afspraak", "%(n)s afspraken"),
}


@dataclass(frozen=True)
class Household:
    """What family.py needs to know of one trajectory with the family's accounts on it."""

    pk: int
    owner_id: int
    registered_at: datetime.datetime
    parent_id: int
    parent_name: str
    parent_kind: str  # RelationKind.MOTHER or FATHER
    chair_id: int
    chair_name: str
    network_started: datetime.datetime
    # What their page shows of the shared items, as (model label, pk): for FirstSeen.
    shown: list[tuple[str, int]]


@dataclass
class FamilyRows:
    invitations: list[Row] = field(default_factory=list)
    grants: list[Row] = field(default_factory=list)
    tasks: list[Row] = field(default_factory=list)


class FamilyBuilder:
    def __init__(self, *, seed: int, writer: Any, now: datetime.datetime) -> None:
        # A stream of its own: the draws here leave the rest of the synthetic data as it was.
        self.rng = random.Random(f"family-{seed}")
        self.writer = writer
        self.now = now
        self.rows = FamilyRows()
        self.households: list[Household] = []
        self.parent_user_id = 0
        self.network_user_id = 0

    def create_users(self, password: str) -> int:
        """The two family accounts: no membership, not staff (roles.is_family_account), with
        the synthetic users' one password hash. Returns how many."""
        user_model = get_user_model()
        rng = self.rng
        made = {}
        for username, first_name in ((BENCH_PARENT, "Katrien"), (BENCH_NETWORK, "Greet")):
            made[username] = user_model.objects.create(
                username=username,
                first_name=first_name,
                last_name=rng.choice(("Peeters", "Janssens", "Maes", "Claes")),
                email=f"{username}@synthetisch.invalid",
                password=password,
            )
        self.parent_user_id = made[BENCH_PARENT].pk
        self.network_user_id = made[BENCH_NETWORK].pk
        return len(made)

    def wants_more(self) -> bool:
        return len(self.households) < FAMILY_TRAJECTORIES

    def add(self, household: Household) -> None:
        rng, now = self.rng, self.now
        latest = now - DAY
        parent_invited = min(household.registered_at + rng.randint(1, 5) * DAY, latest - DAY)
        chair_invited = min(household.network_started + rng.randint(1, 5) * DAY, latest - DAY)
        for invited, role, person, user in (
            (parent_invited, CaseRole.OUDER, household.parent_id, self.parent_user_id),
            (chair_invited, CaseRole.NETWERK, household.chair_id, self.network_user_id),
        ):
            invited = max(invited, household.registered_at).replace(microsecond=0)
            used = min(invited + datetime.timedelta(hours=rng.randint(1, 40)), latest)
            pk = next(self.writer.ids(Invitation))
            self.rows.invitations.append(
                (pk, household.pk, person, role, _digest(f"synthetic-link-{pk}"),
                 _digest(f"synthetic-code-{pk}"), "", household.owner_id, invited,
                 invited + INVITATION_DAYS * DAY, used, user, None)
            )  # fmt: skip
            # As redeem: the grant from the moment the invitation was used, given by its maker.
            self.rows.grants.append(
                (household.pk, user, role, person, used, None, GRANT_REASON, household.owner_id,
                 None, used)
            )  # fmt: skip
        created = max(household.registered_at, now - rng.randint(2, 10) * DAY)
        self.rows.tasks.append(
            (household.pk, rng.choice(TASKS), self.parent_user_id,
             timezone.localdate(now) + rng.randint(3, 14) * DAY, TaskStatus.OPEN, None, None,
             household.owner_id, Audience.PARENTS, created, created)
        )  # fmt: skip
        self.households.append(household)

    def insert(self) -> None:
        from samenopweg.cases.models import CaseGrant

        w, rows = self.writer, self.rows
        w.insert(
            Invitation,
            ("id", "trajectory_id", "person_id", "role", "token_hash", "code_hash", "email",
             "created_by_id", "created_at", "expires_at", "used_at", "used_by_id",
             "withdrawn_at"),
            rows.invitations,
        )  # fmt: skip
        w.insert(
            CaseGrant,
            ("trajectory_id", "user_id", "role", "person_id", "valid_from", "valid_until",
             "reason", "granted_by_id", "ended_by_id", "created_at"),
            rows.grants,
        )  # fmt: skip
        w.insert(
            Task,
            ("trajectory_id", "title", "assignee_id", "deadline", "status", "closed_at",
             "closed_by_id", "created_by_id", "audience", "created_at", "updated_at"),
            rows.tasks,
        )  # fmt: skip
        self.rows = FamilyRows()

    def saw(self) -> int:
        """Each family account opened its page once after the sharing (after WhatBuilder.share,
        so the first look comes after the version it read): FirstSeen for everything shown
        and the professionals' journal line of that visit, as portal.seen.mark_seen writes
        them. Returns how many FirstSeen rows."""
        w = self.writer
        seen: list[Row] = []
        entries: list[Row] = []
        participants: list[Row] = []
        at = timezone.now().replace(microsecond=0)
        for household in self.households:
            parent = f"{_('Mama') if household.parent_kind == RelationKind.MOTHER else _('Papa')} {household.parent_name}"
            for user, person, who in (
                (self.parent_user_id, household.parent_id, parent),
                (self.network_user_id, household.chair_id, household.chair_name),
            ):
                keys = sorted(set(household.shown))
                seen += [(household.pk, user, person, kind, pk, at) for kind, pk in keys]
                counts: dict[str, int] = {}
                for kind, _pk in keys:
                    counts[kind] = counts.get(kind, 0) + 1
                parts = [ngettext(*SEEN_WORDS[kind], n) % {"n": n} for kind, n in counts.items()]
                text = _("%(who)s las voor het eerst: %(what)s.") % {
                    "who": who,
                    "what": ", ".join(parts),
                }
                entry_id = next(w.ids(JournalEntry))
                entries.append(
                    (entry_id, household.pk, timezone.localdate(at), ContactKind.PORTAL, text,
                     user, Audience.PROFESSIONALS, None, None, "", at, at)
                )  # fmt: skip
                participants.append((entry_id, person))
        w.insert(
            FirstSeen,
            ("trajectory_id", "user_id", "person_id", "object_type", "object_id", "seen_at"),
            seen,
        )
        w.insert(
            JournalEntry,
            ("id", "trajectory_id", "occurred_on", "kind", "text", "created_by_id", "audience",
             "withdrawn_at", "withdrawn_by_id", "withdrawn_reason", "created_at", "updated_at"),
            entries,
        )  # fmt: skip
        w.insert(Participant, ("journalentry_id", "person_id"), participants)
        return len(seen)


def _digest(secret: str) -> str:
    # As portal.invitations keeps a link's and a code's secret: only the sha256.
    return hashlib.sha256(secret.encode()).hexdigest()
