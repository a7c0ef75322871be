"""The report to the youth judge in the demo: the Goossens family (SDJ, VOS) gets one from its
consultant. It starts from what is on file (reports.selectors.report_facts), the consultant
writes the proposal and the parents' version, saves once more (a kept version), shares the
parents' version, and Jessica (`ouder2`) reacts in her own words. Not finished: the task
"Verslag voor de jeugdrechter voorbereiden" is still open, so the demo consultant can finish it.

All through reports.services (audit rows, the kernel's checks). Once per trajectory.
"""

from __future__ import annotations

from samenopweg.accounts.roles import CaseRole
from samenopweg.cases.access import CaseAccess
from samenopweg.demo.builders import Family
from samenopweg.reports import selectors, services
from samenopweg.reports.models import JudgeReport

PROPOSAL = (
    "Finn en Julie blijven voorlopig bij oma Rita slapen. Jessica en Steven komen elke dag, "
    "nuchter. We stellen voor de maatregel met zes maanden te verlengen, met een evaluatie "
    "na drie maanden, en dan te bekijken of de kinderen weer thuis kunnen slapen."
)
PARENTS_VERSION = (
    "We schrijven aan de rechter hoe het nu gaat.\n\n"
    "Finn en Julie slapen bij oma Rita. Jullie komen elke dag op bezoek. Dat lukt goed: "
    "jullie waren altijd nuchter.\n\n"
    "Julie zegt dat ze nu weer met vriendinnen speelt. Ze hoeft niet meer voor Finn te zorgen.\n\n"
    "We vragen de rechter om de hulp zes maanden langer te laten lopen. Na drie maanden kijken "
    "we samen of de kinderen weer thuis kunnen slapen."
)
REACTION = (
    "Ik ben blij dat er staat dat we altijd nuchter waren. Ik wil graag dat de rechter weet dat "
    "we elke week naar het CAD gaan. Steven is het ook eens."
)
MORE_WHY = (
    "\n\nSinds de zitting slapen Finn en Julie bij oma Rita, de mama van Jessica. Jessica en "
    "Steven volgen een behandeling bij het CAD."
)


def write_report(family: Family) -> int:
    """The Goossens family's report; returns how many it wrote."""
    trajectory = family.trajectory
    if family.spec.label != "Goossens" or trajectory.is_closed:
        return 0
    if JudgeReport.objects.filter(trajectory=trajectory).exists():
        return 0
    owner = family.owner
    access = CaseAccess(trajectory=trajectory, role=CaseRole.CONSULENT)
    texts = {**selectors.report_facts(access), "proposal": PROPOSAL}
    report = services.start_report(trajectory=trajectory, texts=texts, actor=owner)
    # A second working session: more on why we are involved, and the parents' version.
    texts = {
        **report.texts(),
        "why_involved": report.why_involved + MORE_WHY,
        "parents_version": PARENTS_VERSION,
    }
    report = services.save_report(
        report=report, expected_version=report.version, texts=texts, actor=owner
    )
    share = services.share_with_parents(report=report, expected_version=report.version, actor=owner)
    login = next((given for given in family.spec.logins if given.role == CaseRole.OUDER), None)
    if login is not None:
        services.react(
            share=share,
            person=family.persons()[login.first_name],
            text=REACTION,
            actor=family.setup.users[login.username],
        )
    return 1
