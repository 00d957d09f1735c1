"""What one form is: :class:`FormSpec` (title, fields, signers, layout and checks)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.forms.layout import Part
from poortwachter.schemas.form_parts import SignerRole

#: A form's own cross-field checks: the validated document → (dotted field, Dutch message).
Checks = Callable[[Mapping[str, Any]], list[tuple[str, str]]]


def no_checks(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The checks of a form that has none beyond the common ones."""
    return []


@dataclass(frozen=True, slots=True)
class FormSpec:
    """Everything the toolkit knows about one form, in one place (``poortwachter/forms/``).

    The generator validates with :attr:`schema` and :attr:`checks`, requires the
    :attr:`signers`, and the template builder (:mod:`poortwachter.generate.template_build`)
    writes the DOCX and HTML templates from :attr:`intro` and :attr:`layout`.
    """

    id: FormId
    #: the heading of the part, as UWV expects to recognise it
    title: str
    #: one line in Dutch for ``templates list`` and help texts
    description: str
    #: the opening line printed under the title: what the form is and its legal basis
    intro: str
    #: the nested cerberus schema of the form's input
    schema: dict[str, Any]
    #: roles that must sign (Beleidsregels vorm- en herkenbaarheidsvereisten)
    signers: tuple[SignerRole, ...]
    #: the parts of the printed form, top to bottom
    layout: tuple[Part, ...]
    #: carries both views, with their transitional rule (Stcrt. 2023, 13931)
    visie: bool = False
    #: the bedrijfsarts' own document (the probleemanalyse): a medical term warns; in every
    #: other form, an employer's document, it refuses the form (AVG)
    bedrijfsarts_document: bool = False
    #: what one answer makes required in another field of this form
    checks: Checks = no_checks

    @property
    def docx_template(self) -> str:
        """The file name of the form's DOCX template."""
        return f"{self.id.value}.docx"

    @property
    def html_template(self) -> str:
        """The file name of the form's HTML template (for the PDF)."""
        return f"{self.id.value}.html"
