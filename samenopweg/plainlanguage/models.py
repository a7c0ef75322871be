"""The editable list of jargon words, each with a plain alternative for parents."""

from __future__ import annotations

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class JargonTerm(models.Model):
    """A word or phrase professionals use that parents may not understand."""

    term = models.CharField(
        _("moeilijk woord"),
        max_length=100,
        help_text=_(
            "Eén woord of een woordgroep. Hoofdletters tellen niet; meervoud en buigings-e "
            "worden ook herkend (bv. 'maatregel' vindt ook 'maatregelen')."
        ),
    )
    alternative = models.CharField(
        _("zeg liever"),
        max_length=200,
        help_text=_("Kort en concreet, zoals je het aan een ouder zou zeggen."),
    )
    explanation = models.TextField(
        _("uitleg"), blank=True, help_text=_("Voor professionals: wat het woord betekent.")
    )
    is_active = models.BooleanField(_("actief"), default=True)
    updated_at = models.DateTimeField(_("laatst aangepast"), auto_now=True)

    class Meta:
        verbose_name = _("moeilijk woord")
        verbose_name_plural = _("moeilijke woorden")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                Lower("term"),
                name="jargonterm_unique_term_ci",
                violation_error_message=_("Dit woord staat al in de lijst."),
            ),
        ]

    def __str__(self) -> str:
        return self.term

    def clean(self) -> None:
        # One space between words, so "maatschappelijke  noodzaak" cannot sneak in twice.
        self.term = " ".join(self.term.split())
        self.alternative = " ".join(self.alternative.split())
