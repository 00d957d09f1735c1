"""The probleemanalyse of the bedrijfsarts (Regeling procesgang art. 2; week 6).

Functional terms only: what the employee can and cannot do, never the illness itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.forms.layout import ADMIN, Heading, Question, Signatures, TextBlock
from poortwachter.forms.spec import FormSpec
from poortwachter.schemas.fields import REQUIRED_TEXT, TEXT, is_blank
from poortwachter.schemas.form_parts import COMMON_SCHEMA, REQUIRED_BOOL, SignerRole


def _checks(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    if doc.get("benutbare_mogelijkheden") is False and is_blank(
        doc.get("reden_geen_mogelijkheden")
    ):
        return [
            (
                "reden_geen_mogelijkheden",
                "ontbreekt; 'geen benutbare mogelijkheden' mag alleen met een onderbouwing "
                "(Beleidsregels beoordelingskader poortwachter)",
            )
        ]
    return []


SPEC = FormSpec(
    id=FormId.PROBLEEMANALYSE,
    title="Probleemanalyse",
    description="Bedrijfsarts: beperkingen, mogelijkheden, prognose en advies (week 6)",
    intro=(
        "Probleemanalyse van de bedrijfsarts volgens artikel 2 van de Regeling procesgang "
        "eerste en tweede ziektejaar, in functionele termen."
    ),
    schema={
        **COMMON_SCHEMA,
        "beperkingen": REQUIRED_TEXT,
        "mogelijkheden": REQUIRED_TEXT,
        "benutbare_mogelijkheden": REQUIRED_BOOL,
        # required when benutbare_mogelijkheden is "nee" (DOMAIN.md: only with reasons)
        "reden_geen_mogelijkheden": TEXT,
        # the role of work and private life, functionally (no diagnosis)
        "werkgerelateerde_factoren": REQUIRED_TEXT,
        "prive_factoren": REQUIRED_TEXT,
        "prognose": REQUIRED_TEXT,
        "advies": REQUIRED_TEXT,
        "toelichting": TEXT,
    },
    signers=(SignerRole.BEDRIJFSARTS,),
    bedrijfsarts_document=True,
    layout=(
        *ADMIN,
        Heading("2. Beperkingen en mogelijkheden"),
        TextBlock("Functionele beperkingen", "beperkingen"),
        TextBlock("Mogelijkheden", "mogelijkheden"),
        Question(
            "Heeft de werknemer benutbare mogelijkheden?",
            "benutbare_mogelijkheden",
            "reden_geen_mogelijkheden",
        ),
        Heading("3. Rol van werk en privé"),
        TextBlock("Werkgerelateerde factoren", "werkgerelateerde_factoren"),
        TextBlock("Privéfactoren", "prive_factoren"),
        Heading("4. Prognose"),
        TextBlock("Verwacht verloop en hersteltermijn", "prognose"),
        Heading("5. Advies over werkhervatting"),
        TextBlock("Advies aan werkgever en werknemer", "advies"),
        TextBlock("Toelichting", "toelichting", optional=True),
        Signatures("6. Ondertekening", "Opgesteld door:"),
    ),
    checks=_checks,
)
