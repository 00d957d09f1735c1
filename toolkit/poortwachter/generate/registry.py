"""The six UWV forms: schema, template file names and the title UWV must recognise."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.schemas.forms import FORM_SCHEMAS
from poortwachter.support.resources import data_path


@dataclass(frozen=True, slots=True)
class FormSpec:
    """Everything the generator knows about one form."""

    id: FormId
    #: the heading of the part, as UWV expects to recognise it
    title: str
    #: one line in Dutch for ``templates list`` and help texts
    description: str
    schema: dict[str, Any]

    @property
    def docx_template(self) -> str:
        """The file name of the form's DOCX template."""
        return f"{self.id.value}.docx"

    @property
    def html_template(self) -> str:
        """The file name of the form's HTML template (for the PDF)."""
        return f"{self.id.value}.html"


FORMS: dict[FormId, FormSpec] = {
    spec.id: spec
    for spec in (
        FormSpec(
            FormId.PROBLEEMANALYSE,
            "Probleemanalyse",
            "Bedrijfsarts: beperkingen, mogelijkheden, prognose en advies (week 6)",
            FORM_SCHEMAS[FormId.PROBLEEMANALYSE],
        ),
        FormSpec(
            FormId.PLAN_VAN_AANPAK,
            "Plan van aanpak",
            "Werkgever en werknemer: einddoel, activiteiten, evaluaties en visie (week 8)",
            FORM_SCHEMAS[FormId.PLAN_VAN_AANPAK],
        ),
        FormSpec(
            FormId.BIJSTELLING_PLAN_VAN_AANPAK,
            "Bijstelling plan van aanpak",
            "Reden van bijstelling, wat er verandert en de nieuwe activiteiten",
            FORM_SCHEMAS[FormId.BIJSTELLING_PLAN_VAN_AANPAK],
        ),
        FormSpec(
            FormId.EERSTEJAARSEVALUATIE,
            "Eerstejaarsevaluatie",
            "De vragen van UWV over het eerste ziektejaar, met beide visies (week 52)",
            FORM_SCHEMAS[FormId.EERSTEJAARSEVALUATIE],
        ),
        FormSpec(
            FormId.EINDEVALUATIE,
            "Eindevaluatie",
            "Resultaat, arbeidsrelatie, passende arbeid en beide visies (week 91)",
            FORM_SCHEMAS[FormId.EINDEVALUATIE],
        ),
        FormSpec(
            FormId.RIV_FORMULIER,
            "Re-integratieverslag: administratieve gegevens",
            "Deel 1 van het RIV: werknemer, werkgever, bedrijfsarts, functie en bijlagen",
            FORM_SCHEMAS[FormId.RIV_FORMULIER],
        ),
    )
}


def form_spec(form: FormId | str) -> FormSpec:
    """The spec of a form by id; raises :class:`InputError` for an unknown name."""
    try:
        return FORMS[FormId(form)]
    except ValueError:
        names = ", ".join(f.value for f in FormId)
        raise InputError(f"'{form}' is geen formulier; kies uit: {names}") from None


def bundled_templates_dir() -> Path:
    """The templates shipped with the package."""
    return data_path("templates", "uwv")


def find_template(name: str, templates_dir: str | Path | None = None) -> Path:
    """A template file: the user's folder first (house style), else the bundled one."""
    if templates_dir is not None:
        own = Path(templates_dir) / name
        if own.is_file():
            from poortwachter.generate.template_safety import outside_folder

            problem = outside_folder(own, Path(templates_dir))
            if problem:
                raise InputError(f"sjabloon {own}: {problem}")
            return own
    bundled = bundled_templates_dir() / name
    if bundled.is_file():
        return bundled
    where = f"{templates_dir} en {bundled.parent}" if templates_dir else str(bundled.parent)
    raise InputError(f"sjabloon '{name}' niet gevonden in {where}")
