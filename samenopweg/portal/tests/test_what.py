"""The family's page (issue 14, point 2): the worries, goals and bottom lines as they were last
shared, with the parent's own view beside them; her own tasks only; whom to call."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

from conftest import World, grant_network_and_young_person
from samenopweg.assessments.models import (
    CommentKind,
    DangerStatement,
    SafetyGoal,
    StatementComment,
    StatementStatus,
)
from samenopweg.assessments.services.statements import (
    change_statement_status,
    statement_set_for,
)
from samenopweg.assessments.tests import statement_world as wat
from samenopweg.audit.models import AuditAction, AuditEvent
from samenopweg.cases.models import Stage, Trajectory
from samenopweg.cases.tests.helpers import child_of, logged_in_client, mother_of
from samenopweg.core.models import Audience
from samenopweg.journal.models import ContactKind, JournalEntry, Task

pytestmark = pytest.mark.django_db


def _share(world: World) -> None:
    """Draft → discussed → shared, through the service: the snapshot the family reads."""
    for status in (StatementStatus.DISCUSSED, StatementStatus.SHARED):
        statement_set = statement_set_for(world.trajectory)
        change_statement_status(
            trajectory=world.trajectory,
            to_status=status,
            expected_version=statement_set.version,
            actor=world.owner,
        )


def _page(user: Any, world: World) -> str:
    response = logged_in_client(user).get(
        reverse("portal:trajectory", args=[world.trajectory.reference])
    )
    assert response.status_code == 200
    return response.content.decode()


def _view_url(world: World, kind: str, pk: int) -> str:
    return reverse("portal:own_view", args=[world.trajectory.reference, kind, pk])


def _hidden_statement(world: World) -> DangerStatement:
    hidden = DangerStatement.objects.create(
        trajectory=world.trajectory,
        who_is_worried="ALLEEN-PROFESSIONALS",
        behaviour="iets wat alleen de professionals weten",
        impact="x",
        fear="y",
        audience=Audience.PROFESSIONALS,
        created_by=world.owner,
    )
    hidden.children.set([child_of(world.trajectory)])
    SafetyGoal.objects.create(
        danger_statement=hidden,
        trajectory=world.trajectory,
        parents_and_network_will="x",
        child_will_experience="x",
        professionals_will_see="x",
        for_how_long="x",
        created_by=world.owner,
    )
    return hidden


def test_the_parent_reads_what_was_shared_and_not_what_changed_since(world: World) -> None:
    goal = wat.ensure_goal(world)
    wat.ensure_bottom_line(world)
    _hidden_statement(world)
    _share(world)
    DangerStatement.objects.filter(pk=goal.danger_statement_id).update(
        behaviour="EEN NIEUWE ONTWERPTEKST"
    )

    page = _page(world.parent, world)

    assert "Waar we ons zorgen over maken" in page
    assert "papa roept en slaat als hij gedronken heeft" in page
    assert "EEN NIEUWE ONTWERPTEKST" not in page
    assert "ALLEEN-PROFESSIONALS" not in page
    assert goal.parents_and_network_will in page
    assert "Noor slaapt niet thuis als papa gedronken heeft." in page
    assert f'href="{_view_url(world, "zorg", goal.danger_statement_id)}"' in page
    assert timezone.localdate().strftime("%Y") in page  # the day it was shared


def test_nothing_shared_yet_shows_no_worries_section(world: World) -> None:
    wat.ensure_goal(world)  # written, never shared
    page = _page(world.parent, world)
    assert "Waar we ons zorgen over maken" not in page
    assert "papa roept" not in page


def test_her_disagreement_is_kept_next_to_the_statement_for_the_professionals(
    world: World,
) -> None:
    goal = wat.ensure_goal(world)
    _share(world)
    statement_id = goal.danger_statement_id
    client = logged_in_client(world.parent)

    response = client.post(
        _view_url(world, "zorg", statement_id),
        {"view": "disagree", "text": "Het was maar één keer."},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#zorg-{statement_id}")
    comment = StatementComment.objects.get(danger_statement_id=statement_id)
    assert comment.kind == CommentKind.DISAGREEMENT
    assert comment.view_of_person == mother_of(world.trajectory)
    assert comment.audience == Audience.PARENTS
    assert comment.created_by == world.parent
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="assessments.statementcomment", actor=world.parent
    ).exists()
    # A line in the journal for the professionals: who, what she thinks, of which worry.
    (line,) = JournalEntry.objects.filter(trajectory=world.trajectory, kind=ContactKind.PORTAL)
    assert line.audience == Audience.PROFESSIONALS
    assert "ziet het anders bij “" in line.text
    assert line.text.endswith(": Het was maar één keer.")
    # On her page, beside the statement; on the consultant's statements page, never hidden.
    assert "Jij ziet het anders" in _page(world.parent, world)
    pro = logged_in_client(world.owner).get(
        reverse("assessments:statements", args=[world.trajectory.reference])
    )
    assert "Het was maar één keer." in pro.content.decode()


def test_agreeing_needs_no_words_but_disagreeing_does(world: World) -> None:
    goal = wat.ensure_goal(world)
    _share(world)
    client = logged_in_client(world.parent)
    url = _view_url(world, "doel", goal.pk)

    refused = client.post(url, {"view": "disagree", "text": "  "})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Schrijf kort wat je denkt." in page
    assert (
        'value="disagree" checked' in page
        or 'checked value="disagree"' in page
        or ('value="disagree"' in page and "checked" in page)
    )
    assert not StatementComment.objects.exists()

    assert client.post(url, {"view": "agree", "text": ""}).status_code == 302
    comment = StatementComment.objects.get()
    assert comment.kind == CommentKind.AGREEMENT and comment.safety_goal_id == goal.pk
    assert comment.text == "Ik ben akkoord"


def test_no_view_on_what_was_not_shared_with_her(world: World) -> None:
    goal = wat.ensure_goal(world)
    hidden = _hidden_statement(world)
    client = logged_in_client(world.parent)
    # Not shared yet: nothing to react on.
    assert client.get(_view_url(world, "zorg", goal.danger_statement_id)).status_code == 404
    _share(world)
    assert client.get(_view_url(world, "zorg", goal.danger_statement_id)).status_code == 200
    assert client.get(_view_url(world, "zorg", hidden.pk)).status_code == 404
    assert client.get(_view_url(world, "iets", goal.pk)).status_code == 404
    # The parent of another trajectory: 404; a professional answers on their own page: 403.
    other = logged_in_client(world.parent_elsewhere)
    assert other.get(_view_url(world, "zorg", goal.danger_statement_id)).status_code == 404
    owner = logged_in_client(world.owner)
    assert owner.get(_view_url(world, "zorg", goal.danger_statement_id)).status_code == 403
    assert not StatementComment.objects.exists()


def test_a_closed_file_takes_no_new_view(world: World) -> None:
    goal = wat.ensure_goal(world)
    _share(world)
    Trajectory.objects.filter(pk=world.trajectory.pk).update(stage=Stage.AFGESLOTEN)
    response = logged_in_client(world.parent).post(
        _view_url(world, "doel", goal.pk), {"view": "agree", "text": ""}
    )
    assert response.status_code == 403
    assert not StatementComment.objects.exists()


def test_only_her_own_tasks_are_hers(world: World) -> None:
    Task.objects.create(
        trajectory=world.trajectory,
        title="MAMA-BELT-DE-SCHOOL",
        assignee=world.parent,
        deadline=timezone.localdate() + datetime.timedelta(days=3),
        audience=Audience.PARENTS,
        created_by=world.worker,
    )
    Task.objects.create(
        trajectory=world.trajectory,
        title="ZONDER-IEMAND-TE-LAAT",
        deadline=timezone.localdate() - datetime.timedelta(days=3),
        audience=Audience.PARENTS,
        created_by=world.worker,
    )
    page = _page(world.parent, world)
    tasks = page[page.index('id="taken"') :]
    assert "MAMA-BELT-DE-SCHOOL" in tasks
    assert "ZONDER-IEMAND-TE-LAAT" not in page


def test_whom_to_call_names_the_consultant_and_the_worker_with_their_numbers(
    world: World,
) -> None:
    type(world.owner).objects.filter(pk=world.owner.pk).update(
        phone="09 123 45 67", reachable="ma-vr 9-17 uur", first_name="Els"
    )
    type(world.worker).objects.filter(pk=world.worker.pk).update(phone="0470 11 22 33")
    organisation = world.team.organisation
    organisation.out_of_hours_phone = "02 555 00 00"
    organisation.save()

    page = _page(world.parent, world)
    call = page[page.index('id="bellen"') :]
    assert "Els" in call and "09 123 45 67" in call and "ma-vr 9-17 uur" in call
    assert 'href="tel:091234567"' in call
    assert "0470 11 22 33" in call
    assert "02 555 00 00" in call
    assert "JO-lijn" in call
    # OCJ is explained in words the first time it appears. (The file's reference, which
    # starts with OCJ, is in the address of the contact-card link: not text anyone reads.)
    assert "Els werkt bij het Ondersteuningscentrum Jeugdzorg. Die dienst helpt" in call
    assert "OCJ" not in strip_tags(call)


def test_the_family_page_speaks_plain_dutch(world: World) -> None:
    from django.core.cache import cache

    from samenopweg.plainlanguage.checker import MAX_SENTENCE_WORDS, check
    from samenopweg.plainlanguage.terms import CACHE_KEY

    grant_network_and_young_person(world)
    wat.ensure_goal(world)
    _share(world)
    cache.delete(CACHE_KEY)
    import re
    from html import unescape

    for user in (world.parent, world.network_member):
        page = _page(user, world)
        main = page[page.index("<main") : page.index("</main>")]
        # What the page says itself, without the family's own data (the trajectory's reason
        # and goal, the worries as the consultant wrote them, the consultant's name).
        main = re.sub(r'<p class="(pre|sentence)">.*?</p>', " ", main, flags=re.S)
        main = re.sub(r'<dl class="goal-parts">.*?</dl>', " ", main, flags=re.S)
        text = unescape(re.sub(r"<[^>]+>", "\n", main))
        report = check(text)
        assert [hit.found for hit in report.jargon] == [], user
        assert all(s.words <= MAX_SENTENCE_WORDS for s in report.long_sentences), [
            s.opening for s in report.long_sentences
        ]


def test_her_own_number_shows_with_what_makes_it_that_high_and_nobody_elses(
    world: World,
) -> None:
    """Issue 14, 2: "her scaling score with what makes it that high": her newest number on
    each shared worry, her own words for it, her earlier numbers; not the worker's number, not
    a number kept for professionals."""
    from samenopweg.assessments.services.scaling import ScoreInput, record_scaling_round

    goal = wat.ensure_goal(world)
    _share(world)
    statement = goal.danger_statement
    mother = mother_of(world.trajectory)
    today = timezone.localdate()
    for days_ago, score, why in ((60, 3, "EERSTE-KEER"), (5, 6, "Dirk drinkt niet meer thuis.")):
        record_scaling_round(
            trajectory=world.trajectory,
            held_on=today - datetime.timedelta(days=days_ago),
            session=None,
            scores=[
                ScoreInput(
                    danger_statement=statement,
                    score=score,
                    person=mother,
                    what_makes_it=why,
                    one_higher="Een maand zonder ruzie.",
                    audience=Audience.PARENTS,
                ),
                ScoreInput(
                    danger_statement=statement,
                    score=9,
                    professional_role="consulent",
                    what_makes_it="CIJFER-VAN-DE-CONSULENT",
                    audience=Audience.PARENTS,
                ),
            ],
            actor=world.owner,
        )
    # A number of hers the professionals keep to themselves stays off her page.
    record_scaling_round(
        trajectory=world.trajectory,
        held_on=today,
        session=None,
        scores=[
            ScoreInput(
                danger_statement=statement,
                score=1,
                person=mother,
                what_makes_it="ALLEEN-VOOR-PROFESSIONALS",
                audience=Audience.PROFESSIONALS,
            )
        ],
        actor=world.owner,
    )

    page = _page(world.parent, world)

    assert "Jouw cijfer: 6 op 10" in page
    assert "Waarom al een 6?" in page
    assert "Dirk drinkt niet meer thuis." in page
    assert "Een maand zonder ruzie." in page
    assert "Eerder: 3 (" in page
    assert "EERSTE-KEER" not in page  # earlier rounds show their number, not the words
    assert "CIJFER-VAN-DE-CONSULENT" not in page
    assert "ALLEEN-VOOR-PROFESSIONALS" not in page
    assert "1 op 10" not in page
