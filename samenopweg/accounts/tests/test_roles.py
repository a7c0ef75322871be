"""The role predicates: one module decides who is a professional, an auditor, the family."""

import pytest

from conftest import make_user, member
from samenopweg.accounts import roles
from samenopweg.accounts.models import Role
from samenopweg.cases.decorators import Require, trajectory_view


@pytest.mark.django_db
def test_memberships_decide_the_user_predicates(world):
    auditor = make_user("audit-1")
    member(auditor, world.ocj, Role.AUDITOR)
    parent = make_user("parent-1")
    assert roles.is_professional(world.owner) and roles.is_professional(world.worker)
    assert roles.may_register(world.owner) and not roles.may_register(world.worker)
    assert roles.is_auditor(auditor) and not roles.is_professional(auditor)
    assert not roles.is_family_account(auditor) and not roles.is_family_account(world.worker)
    assert roles.is_family_account(parent) and not roles.is_auditor(parent)


@pytest.mark.django_db
def test_only_the_owner_and_the_team_lead_manage_the_case_team(world):
    assert roles.may_manage_case_team(world.owner, world.trajectory)
    assert roles.may_manage_case_team(world.team_lead, world.trajectory)
    assert not roles.may_manage_case_team(world.worker, world.trajectory)
    assert not roles.may_manage_case_team(world.other_consultant, world.trajectory)


def test_case_roles_are_pure():
    assert roles.is_consultant_role(roles.TEAMVERANTWOORDELIJKE)
    assert roles.is_professional_role(roles.CaseRole.HULPVERLENER)
    assert not roles.is_consultant_role(roles.CaseRole.HULPVERLENER)
    assert roles.is_family_role(roles.CaseRole.NETWERK)
    assert not roles.is_professional_role(roles.CaseRole.OUDER)


def test_a_page_with_a_misspelt_requirement_fails_when_it_is_defined():
    with pytest.raises(TypeError, match="Require"):
        trajectory_view(require="profesional")  # type: ignore[arg-type]
    assert trajectory_view(require=Require.MEMBER) is not None
