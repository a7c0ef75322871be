"""The banner at the top of every page of a trajectory with a child who is not safe now."""

from __future__ import annotations

from typing import Any

from django import template

from samenopweg.cases.models import SafetyAnswer
from samenopweg.cases.safety import unsafe_now

register = template.Library()


@register.inclusion_tag("cases/_unsafe_banner.html", takes_context=True)
def unsafe_banner(context: template.Context, trajectory: Any) -> dict[str, Any]:
    """Each child whose last answer to "is het kind nu veilig?" is *nee*, with who answered,
    when, the next step and its deadline; shown until the question is answered again.

    Reads the database only when the trajectory's summary says a child is unsafe, so the pages
    of every other trajectory cost no query. Professionals only: the family pages say it their
    own way.
    """
    access = context.get("access")
    if trajectory is None or trajectory.safety_status != SafetyAnswer.NO:
        return {"checks": []}
    if access is not None and not access.is_professional:
        return {"checks": []}
    return {"checks": unsafe_now(trajectory), "t": trajectory}
