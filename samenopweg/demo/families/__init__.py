"""The seven fictional demo families, one module each, in the order the loader registers them.

Each module holds one FamilySpec (`FAMILY`) with its WHAT, safety network, plans and story.
"""

from __future__ import annotations

from samenopweg.demo.families import aerts, desmet, el_amrani, goossens, maes, van_acker, verstraete
from samenopweg.demo.specs import FamilySpec

FAMILIES: tuple[FamilySpec, ...] = (
    maes.FAMILY,  # OCJ, aanmelding: acute, the team lead gets an alert
    verstraete.FAMILY,  # OCJ, in kaart: the safety answer is unclear
    aerts.FAMILY,  # OCJ, plan: three children; the family and network logins
    el_amrani.FAMILY,  # OCJ, opvolging: the last safety question is overdue
    desmet.FAMILY,  # OCJ, afgesloten: the network carries the safety plan
    goossens.FAMILY,  # SDJ (VOS), in kaart
    van_acker.FAMILY,  # SDJ (MOF), plan
)
