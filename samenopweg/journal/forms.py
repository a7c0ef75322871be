from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.forms import VersionField
from samenopweg.cases.models import CaseGrant, CaseRole
from samenopweg.core.fields import EventDateField, LongTextField, PlannedDateField
from samenopweg.core.forms import audience_field
from samenopweg.core.models import Audience
from samenopweg.core.validators import NOTE_MAX, REPORT_MAX
from samenopweg.journal.models import ContactKind, TaskStatus
from samenopweg.people.forms import PersonsChoice
from samenopweg.people.models import Person
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea

AUDIENCE_HELP = _("Ouders, netwerk en kinderen zien alleen wat met hen gedeeld is.")


class JournalEntryForm(forms.Form):
    occurred_on = EventDateField(label=_("Datum"))
    # The portal writes its own lines (PORTAL); a professional records a contact.
    kind = forms.ChoiceField(
        label=_("Soort contact"),
        choices=[(v, label) for v, label in ContactKind.choices if v != ContactKind.PORTAL],
    )
    participants = PersonsChoice(
        label=_("Wie was erbij?"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_participants = forms.CharField(
        label=_("Andere deelnemers"), required=False, max_length=300
    )
    text = LongTextField(
        label=_("Verslag"), limit=REPORT_MAX, widget=PlainLanguageTextarea(attrs={"rows": 8})
    )
    audience = audience_field(Audience.PROFESSIONALS, AUDIENCE_HELP)

    def __init__(
        self, *args: Any, trajectory: Any, ban_notes: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = Person.objects.filter(trajectory=trajectory)  # type: ignore[attr-defined]
        # A person under a contact ban says so next to their name (people.selectors).
        self.fields["participants"].ban_notes = ban_notes or {}  # type: ignore[attr-defined]


class JournalCorrectionForm(JournalEntryForm):
    reason = forms.CharField(label=_("Waarom pas je dit aan?"), max_length=300)
    version = VersionField()


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Waarom trek je dit bericht in?"), max_length=300)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Wat moet er gebeuren?"), max_length=200)
    description = LongTextField(label=_("Meer uitleg"), required=False, limit=NOTE_MAX)
    assignee = forms.ModelChoiceField(
        label=_("Wie doet het?"), queryset=get_user_model().objects.none(), required=False
    )
    deadline = PlannedDateField(label=_("Tegen wanneer?"), required=False)
    audience = audience_field(Audience.PROFESSIONALS, AUDIENCE_HELP)

    def __init__(self, *args: Any, trajectory: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the professionals on this case can be given a task.
        on_case = (
            CaseGrant.objects.current()
            .filter(trajectory=trajectory, role__in=[CaseRole.CONSULENT, CaseRole.HULPVERLENER])
            .values("user_id")
        )
        self.fields["assignee"].queryset = get_user_model().objects.filter(pk__in=on_case)  # type: ignore[attr-defined]


class TaskEditForm(TaskForm):
    status = forms.ChoiceField(label=_("Status"), choices=TaskStatus.choices)
    version = VersionField()
