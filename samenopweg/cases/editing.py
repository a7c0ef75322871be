"""The one edit cycle of every form page of a trajectory.

    GET   the form, with what was typed before a time-out or the autosaved draft put back;
    POST  refuse on a closed trajectory; validate; call the named service;
          saved     -> drop the draft, say so, give plain-language tips, redirect;
          conflict  -> the conflict page (409): both versions, what this user typed kept;
          refused   -> the service's message next to its field, what was typed kept.

It is one plain function: a view builds its form and names its service and its page, and
`edit_cycle` runs the steps in this order. Nothing else writes this flow again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from samenopweg.cases.access import CaseAccess
from samenopweg.cases.drafts import discard_draft, restored_form_data
from samenopweg.core.forms import add_errors
from samenopweg.core.locking import EditConflict
from samenopweg.core.models import Audience
from samenopweg.core.views import render_conflict, render_form_page
from samenopweg.plainlanguage.services import save_tips

T = TypeVar("T")


def from_form(
    request: HttpRequest, service: Callable[..., T], **given: Any
) -> Callable[[forms.Form], T]:
    """The `save` of a form whose fields are the service's arguments (a new item, a comment, a
    withdrawal's reason): the service gets `given` (the trajectory or the item), who and the
    cleaned fields."""

    def save(form: forms.Form) -> T:
        return service(**given, actor=request.user, request=request, **form.cleaned_data)

    return save


def update_from_form(
    request: HttpRequest, service: Callable[..., T], **given: Any
) -> Callable[[forms.Form], T]:
    """The `save` of an edit form whose fields are the service's arguments: the service gets
    `given` (the item), the version the form was read at, who and the other cleaned fields."""

    def save(form: forms.Form) -> T:
        data = dict(form.cleaned_data)
        return service(
            **given,
            expected_version=data.pop("version"),
            actor=request.user,
            request=request,
            **data,
        )

    return save


def edit_initial(item: Any, fields: Sequence[str], **more: Any) -> dict[str, Any]:
    """The initial data of an edit form: the item's `fields`, `more`, and the version it was
    read at (what `update_from_form` hands on as `expected_version`)."""
    return {**{name: getattr(item, name) for name in fields}, **more, "version": item.version}


def template_page(
    request: HttpRequest, access: CaseAccess, template: str, **context: Any
) -> Callable[[forms.Form, str], HttpResponse]:
    """A `show` for edit_cycle: `template` with the access, the trajectory, the form, the
    draft notice and `context`."""

    def show(form: forms.Form, notice: str) -> HttpResponse:
        return render(
            request,
            template,
            {"access": access, "t": access.trajectory, "form": form, "notice": notice, **context},
        )

    return show


def form_page(
    request: HttpRequest, access: CaseAccess, **page: Any
) -> Callable[[forms.Form, str], HttpResponse]:
    """A `show` for edit_cycle: one form on a trajectory's page (`core.views.render_form_page`,
    which names what `page` holds: heading, submit, cancel_url, active, ...)."""

    def show(form: forms.Form, notice: str) -> HttpResponse:
        return render_form_page(request, access=access, form=form, notice=notice, **page)

    return show


def button_step(
    request: HttpRequest,
    step: Callable[[], T],
    *,
    conflict: str,
    each_message: bool = False,
) -> tuple[bool, T | None]:
    """A write behind one button, without a form page: run `step` (the named service). An edit
    conflict says `conflict`; a refusal says the service's messages (joined, or one message
    each with `each_message`). Returns whether it was saved and what the service returned."""
    try:
        return True, step()
    except EditConflict:
        messages.error(request, conflict)
    except ValidationError as exc:
        if each_message:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.error(request, " ".join(exc.messages))
    return False, None


def edit_cycle(
    request: HttpRequest,
    access: CaseAccess,
    *,
    form: Callable[[QueryDict | None], forms.Form],
    save: Callable[[forms.Form], Any],
    done: str | Callable[[Any], str],
    message: str | Callable[[Any], str],
    show: Callable[[forms.Form, str], HttpResponse],
    cancel_url: str,
    conflict_fields: Sequence[str] = (),
    theirs: Callable[[Any], dict[str, Any]] | None = None,
    texts: Sequence[str] = (),
    tips_always: bool = False,
    tips_reader: str = "",
    network_goes_on: bool = False,
) -> HttpResponse:
    """Run one form page's cycle and return its answer.

    - `form(data)`: the form, bound to `data` (posted, restored or None for a fresh form);
    - `save(form)`: calls the named service with the cleaned data and returns what it made;
      it may raise `EditConflict` or `ValidationError`;
    - `done(result)` or `done`: where to go after saving; `message`: what to say then;
    - `show(form, notice)`: the page with the form (`notice` says a draft was put back);
    - `conflict_fields`: the fields compared side by side on the conflict page (or
      `theirs(current)`: their values, when they are not plain attributes of the item);
    - `texts`: long texts checked for plain language after saving, when the family may read
      them (`audience` above professionals, or always with `tips_always`);
    - `network_goes_on`: the network chair's own follow-up after the closure, which a closed
      trajectory takes (items.refuse_closed; the service decides again from who writes).
    """
    if request.method != "POST":
        data, notice = restored_form_data(request, trajectory=access.trajectory)
        return show(form(data), notice)

    if not network_goes_on:
        access.require_open()
    bound = form(request.POST)
    if bound.is_valid():
        try:
            result = save(bound)
        except EditConflict as conflict:
            current = conflict.current
            return render_conflict(
                request,
                form=bound,
                theirs=theirs(current)
                if theirs is not None
                else {name: getattr(current, name) for name in conflict_fields},
                current_version=current.version,
                cancel_url=cancel_url,
            )
        except ValidationError as exc:
            add_errors(bound, exc)
        else:
            discard_draft(request=request, trajectory=access.trajectory)
            messages.success(request, message(result) if callable(message) else message)
            shared = bound.cleaned_data.get("audience", Audience.PROFESSIONALS)
            if texts and (tips_always or shared != Audience.PROFESSIONALS):
                save_tips(
                    request,
                    bound,
                    [t for t in texts if t in bound.cleaned_data],
                    reader=tips_reader,
                )
            return redirect(done(result) if callable(done) else done)
    return show(bound, "")
