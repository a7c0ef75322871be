"""The family's name in the head of every professionals' page of a trajectory."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from samenopweg.cases.naming import children_of, family_label

register = template.Library()


@register.simple_tag(takes_context=True)
def family_name(context: template.Context, trajectory: Any) -> str:
    """ "Emma (9) en Lucas (6) Peeters" (cases.naming.family_label), or "" without children.

    One query per page. Only on professionals' pages (which see every person, the item rule);
    a family member's view names the children through the item rule instead.
    """
    access = context.get("access")
    if trajectory is None or access is None or not access.is_professional:  # fails closed
        return ""
    return family_label(children_of(trajectory), timezone.localdate())
