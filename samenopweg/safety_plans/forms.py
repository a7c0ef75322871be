"""Forms of the HOW. The family reads the plan, so long texts use the plain-language textarea."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from samenopweg.assessments.models import SafetyGoal
from samenopweg.cases.forms import VersionField
from samenopweg.core.fields import EventDateField, LongTextField, PlannedDateField
from samenopweg.core.forms import audience_field
from samenopweg.core.models import Audience
from samenopweg.core.validators import NOTE_MAX, PARAGRAPH_MAX
from samenopweg.people.forms import PersonChoice, PersonsChoice
from samenopweg.people.models import Person
from samenopweg.plainlanguage.widgets import PlainLanguageTextarea
from samenopweg.safety_plans.models import CheckOutcome, PlanStatus

AUDIENCE_HELP = _("Een veiligheidsplan is van het gezin en het netwerk: zij lezen het mee.")


def _audience(
    initial: int = Audience.NETWORK, help_text: Any = AUDIENCE_HELP
) -> forms.TypedChoiceField:
    return audience_field(initial, help_text)


def _long(
    label: Any,
    help_text: Any = "",
    *,
    required: bool = True,
    rows: int = 3,
    limit: int = PARAGRAPH_MAX,
) -> forms.CharField:
    return LongTextField(
        label=label,
        help_text=help_text,
        required=required,
        limit=limit,
        widget=PlainLanguageTextarea(attrs={"rows": rows}),
    )


class GoalsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return Truncator(obj.parents_and_network_will).chars(140)


class PlanForm(forms.Form):
    review_on = PlannedDateField(
        label=_("Wanneer bekijken we de afspraak opnieuw?"),
        required=False,
        help_text=_(
            "Een directe afspraak geldt voor de komende dagen: kies een dag binnen de week."
        ),
    )
    safety_object = forms.CharField(
        label=_("Veiligheidsvoorwerp van het kind"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: een knuffel die het kind aan oma geeft als het niet goed gaat."),
    )
    safety_object_meaning = _long(
        _("Wat betekent het voorwerp, en wat doet wie als het kind het gebruikt?"), required=False
    )
    audience = _audience()

    def __init__(self, *args: Any, immediate: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not immediate:
            del self.fields["review_on"]


class PlanEditForm(PlanForm):
    version = VersionField()


class PlanStatusForm(forms.Form):
    to_status = forms.ChoiceField(choices=PlanStatus.choices)
    version = VersionField()


class RuleForm(forms.Form):
    what = _long(
        _("Wat gebeurt er?"),
        _("Schrijf wat er wél zal gebeuren. Bijvoorbeeld: oma haalt Noor elke woensdag op school."),
    )
    who = PersonsChoice(
        label=_("Wie doet het?"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Iemand van het gezin of het netwerk."),
    )
    when = forms.CharField(label=_("Wanneer of hoe vaak?"), max_length=300)
    check_how = _long(_("Hoe weten we dat het gebeurt?"), _("Wie kijkt het na, en hoe?"))
    checked_by = PersonChoice(
        label=_("Wie kijkt het na?"), queryset=Person.objects.none(), required=False
    )
    check_every_days = forms.TypedChoiceField(
        label=_("Hoe vaak volgen we op?"),
        choices=[
            (1, _("elke dag")),
            (3, _("om de drie dagen")),
            (7, _("elke week")),
            (14, _("om de twee weken")),
            (28, _("elke vier weken")),
        ],
        coerce=int,
        initial=7,
    )
    fallback = _long(
        _("Wie springt in als het niet lukt?"),
        _("Bijvoorbeeld: dan belt mama de buurvrouw, en die komt meteen."),
    )
    goals = GoalsChoice(
        label=_("Bij welke veiligheidsdoelen hoort deze afspraak?"),
        queryset=SafetyGoal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    audience = _audience()

    def __init__(self, *args: Any, persons: Any, goals: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["who"].queryset = persons  # type: ignore[attr-defined]
        self.fields["checked_by"].queryset = persons  # type: ignore[attr-defined]
        self.fields["goals"].queryset = goals  # type: ignore[attr-defined]


class RuleEditForm(RuleForm):
    version = VersionField()


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Waarom trek je deze afspraak in?"), max_length=300)


class CheckInForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Hoe ging het?"), choices=CheckOutcome.choices, widget=forms.RadioSelect
    )
    checked_on = EventDateField(label=_("Op welke dag?"))
    told_by = PersonChoice(
        label=_("Wie vertelde het?"), queryset=Person.objects.none(), required=False
    )
    note = _long(_("Wat gebeurde er?"), required=False)
    audience = _audience()

    def __init__(self, *args: Any, persons: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"checked_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["told_by"].queryset = persons  # type: ignore[attr-defined]


class CommentForm(forms.Form):
    text = _long(_("Opmerking"), limit=NOTE_MAX)
    audience = _audience(
        Audience.PROFESSIONALS, _("Een opmerking is standaard alleen voor professionals.")
    )


# --- Words and Pictures ---------------------------------------------------------------------


class StoryForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        help_text=_("Bijvoorbeeld: Waarom de consulent bij ons langskomt."),
    )
    written_with = forms.CharField(
        label=_("Samen geschreven met"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: mama Sarah en papa Kevin."),
    )
    audience = _audience(
        Audience.CHILD, _("Woorden en beelden zijn voor de kinderen: zij lezen het verhaal.")
    )


class StoryEditForm(StoryForm):
    version = VersionField()


class StoryPageForm(forms.Form):
    text = _long(
        _("Tekst van deze bladzijde"),
        _("Korte zinnen, zoals je het aan het kind zou vertellen."),
        rows=4,
    )
    picture = forms.FileField(
        label=_("Tekening of foto"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
        help_text=_(
            "Een JPG- of PNG-bestand. We maken het kleiner en halen de extra gegevens eruit."
        ),
    )
    picture_alt = forms.CharField(
        label=_("Wat staat er op de tekening of foto?"),
        max_length=300,
        required=False,
        help_text=_("Voor wie de tekening niet kan zien."),
    )


class StoryPageEditForm(StoryPageForm):
    remove_picture = forms.BooleanField(label=_("Tekening of foto weghalen"), required=False)
    version = VersionField()
