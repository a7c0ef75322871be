"""The forms of the child's voice. The words field keeps what was typed as typed: it is a
quote, so the language check is not asked to rewrite it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samenopweg.cases.forms import VersionField
from samenopweg.child_voice.models import (
    PARTS,
    PATH_TOP,
    PERSON_PARTS,
    DrawingMade,
    How,
    Part,
    Spokesperson,
    SpokespersonReason,
    Tool,
)
from samenopweg.core.fields import EventDateField, LongTextField
from samenopweg.core.forms import audience_field
from samenopweg.core.models import Audience
from samenopweg.core.validators import NOTE_MAX, PARAGRAPH_MAX, SHORT_TEXT_MAX
from samenopweg.people.forms import PersonChoice, PersonsChoice
from samenopweg.people.models import Person

PICTURE_ACCEPT = "image/jpeg,image/png"


def _children(trajectory: Any) -> Any:
    return Person.objects.filter(trajectory=trajectory, is_child=True).order_by(
        "date_of_birth", "first_name", "id"
    )


class SessionEditForm(forms.Form):
    held_on = EventDateField(label=_("Datum"))
    place = forms.CharField(
        label=_("Waar?"),
        required=False,
        max_length=SHORT_TEXT_MAX,
        help_text=_("Bijvoorbeeld: thuis, op school, bij oma."),
    )
    present = PersonsChoice(
        label=_("Wie was erbij?"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_present = forms.CharField(
        label=_("Andere aanwezigen"), required=False, max_length=SHORT_TEXT_MAX
    )
    note = LongTextField(
        label=_("Notitie van de professional"),
        required=False,
        limit=NOTE_MAX,
        help_text=_("Hoe het gesprek liep. De woorden van het kind noteer je apart, per deel."),
    )
    version = VersionField()

    def __init__(
        self, *args: Any, trajectory: Any, ban_notes: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        present = self.fields["present"]
        present.queryset = Person.objects.filter(trajectory=trajectory)  # type: ignore[attr-defined]
        present.ban_notes = ban_notes or {}  # type: ignore[attr-defined]


class SessionForm(SessionEditForm):
    child = PersonChoice(label=_("Met welk kind?"), queryset=Person.objects.none())
    tool = forms.ChoiceField(label=_("Werkvorm"), choices=Tool.choices, widget=forms.RadioSelect)
    field_order = ["child", "tool", "held_on", "place", "present", "other_present", "note"]

    def __init__(self, *args: Any, trajectory: Any, **kwargs: Any) -> None:
        super().__init__(*args, trajectory=trajectory, **kwargs)
        self.fields["child"].queryset = _children(trajectory)  # type: ignore[attr-defined]
        del self.fields["version"]


class WordsEditForm(forms.Form):
    words = LongTextField(
        label=_("De woorden van het kind"),
        limit=PARAGRAPH_MAX,
        rows=4,
        help_text=_("Precies zoals het kind het zei of schreef, ook met de eigen spelling."),
    )
    how = forms.ChoiceField(
        label=_("Wie zei het?"), choices=How.choices, initial=How.SAID, widget=forms.RadioSelect
    )
    spokesperson = forms.ModelChoiceField(
        label=_("Welke woordvoerder?"),
        queryset=Spokesperson.objects.none(),
        required=False,
        help_text=_("Alleen als een woordvoerder het zei namens het kind."),
    )
    about_person = PersonChoice(
        label=_("Over wie gaat het?"), queryset=Person.objects.none(), required=False
    )
    path_position = forms.TypedChoiceField(
        label=_("Waar zet het kind zich op het pad?"),
        choices=[("", _("Kies een plek"))] + [(str(i), str(i)) for i in range(PATH_TOP + 1)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("0 is de deur, 10 is helemaal veilig in huis."),
    )
    professional_note = LongTextField(
        label=_("Notitie van de professional"),
        required=False,
        limit=NOTE_MAX,
        help_text=_("Wat jij erbij opmerkt. Dit blijft apart van de woorden van het kind."),
    )
    version = VersionField()

    def __init__(
        self,
        *args: Any,
        session: Any,
        part: str,
        ban_notes: dict[int, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["spokesperson"].queryset = Spokesperson.objects.filter(  # type: ignore[attr-defined]
            child=session.child_id, withdrawn_at__isnull=True
        ).select_related("person", "professional")
        if part in PERSON_PARTS:
            about = self.fields["about_person"]
            about.queryset = Person.objects.filter(trajectory=session.trajectory_id).exclude(  # type: ignore[attr-defined]
                pk=session.child_id
            )
            about.ban_notes = ban_notes or {}  # type: ignore[attr-defined]
        else:
            del self.fields["about_person"]
        if part != Part.PATH:
            del self.fields["path_position"]


class WordsForm(WordsEditForm):
    part = forms.ChoiceField(label=_("Bij welk deel?"), choices=())
    field_order = ["part", "words", "how", "spokesperson", "about_person", "path_position"]

    def __init__(self, *args: Any, session: Any, part: str, **kwargs: Any) -> None:
        super().__init__(*args, session=session, part=part, **kwargs)
        self.fields["part"].choices = [(p.value, p.label) for p in PARTS[session.tool]]  # type: ignore[attr-defined]
        del self.fields["version"]


class ShareForm(forms.Form):
    audience = audience_field(
        Audience.PROFESSIONALS,
        _("Wat een kind zegt, blijft bij de professionals tot het kind zegt dat delen mag."),
    )
    child_agreed = forms.BooleanField(
        label=_("Het kind vond het goed om dit te delen"),
        required=False,
        help_text=_("Vraag het het kind zelf. We noteren wie het vroeg en wanneer."),
    )
    version = VersionField()


class LinkForm(forms.Form):
    target = forms.ChoiceField(label=_("Waar hoort dit bij?"))

    def __init__(self, *args: Any, targets: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [  # type: ignore[attr-defined]
            ("", _("Kies een gevaarsboodschap, doel, bodemeis of afspraak")),
            *targets,
        ]  # type: ignore[attr-defined]


class DrawingForm(forms.Form):
    picture = forms.FileField(
        label=_("De tekening"),
        widget=forms.ClearableFileInput(attrs={"accept": PICTURE_ACCEPT}),
        help_text=_(
            "Een foto van de tekening (JPG of PNG). We maken ze kleiner en halen de extra "
            "gegevens eruit."
        ),
    )
    description = forms.CharField(
        label=_("Wat staat er op de tekening?"),
        max_length=SHORT_TEXT_MAX,
        help_text=_("Kort, in de woorden van het kind als dat kan. Wie niet kan zien, leest dit."),
    )
    part = forms.ChoiceField(label=_("Bij welk deel?"), required=False, choices=())
    made = forms.ChoiceField(
        label=_("Hoe gemaakt?"),
        choices=DrawingMade.choices,
        initial=DrawingMade.PHOTO,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, session: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["part"].choices = [  # type: ignore[attr-defined]
            ("", _("Bij het hele gesprek")),
            *[(p.value, p.label) for p in PARTS[session.tool]],
        ]


class SpokespersonForm(forms.Form):
    child = PersonChoice(label=_("Voor welk kind?"), queryset=Person.objects.none())
    person = PersonChoice(
        label=_("Iemand uit het gezin of het netwerk"),
        queryset=Person.objects.none(),
        required=False,
    )
    professional = forms.ModelChoiceField(
        label=_("Of een professional"), queryset=Person.objects.none(), required=False
    )
    reason = forms.ChoiceField(
        label=_("Waarom kan het kind nog niet zelf spreken?"),
        choices=SpokespersonReason.choices,
        widget=forms.RadioSelect,
    )
    why = LongTextField(label=_("Meer uitleg"), required=False, limit=PARAGRAPH_MAX)

    def __init__(
        self,
        *args: Any,
        trajectory: Any,
        professionals: Any,
        ban_notes: dict[int, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = _children(trajectory)  # type: ignore[attr-defined]
        person = self.fields["person"]
        person.queryset = Person.objects.filter(trajectory=trajectory, is_child=False)  # type: ignore[attr-defined]
        person.ban_notes = ban_notes or {}  # type: ignore[attr-defined]
        self.fields["professional"].queryset = professionals  # type: ignore[attr-defined]
        self.fields["professional"].label_from_instance = (  # type: ignore[attr-defined]
            lambda user: user.get_full_name() or user.get_username()
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if bool(data.get("person")) == bool(data.get("professional")):
            self.add_error(
                "person", _("Kies iemand uit het gezin of het netwerk, of een professional.")
            )
        return data


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Waarom trek je dit in?"), max_length=300)
