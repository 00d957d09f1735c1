"""The eindevaluatie of werkgever and werknemer at the WIA application (part of the RIV;
week 91): the result in hours and function, on the basis of the actueel oordeel."""

from __future__ import annotations

from poortwachter.domain.vocabulary import FormId
from poortwachter.forms.layout import (
    ADMIN,
    OPTIONAL,
    FieldTable,
    Heading,
    Signatures,
    TextBlock,
)
from poortwachter.forms.spec import FormSpec
from poortwachter.schemas.fields import REQUIRED_DATE, REQUIRED_TEXT, TEXT
from poortwachter.schemas.form_parts import COMMON_SCHEMA, HOURS, SignerRole

SPEC = FormSpec(
    id=FormId.EINDEVALUATIE,
    title="Eindevaluatie",
    description="Resultaat, arbeidsrelatie, passende arbeid en beide visies (week 91)",
    intro=(
        "Eindevaluatie van werkgever en werknemer bij de WIA-aanvraag, als onderdeel van het "
        "re-integratieverslag."
    ),
    schema={
        **COMMON_SCHEMA,
        "resultaten": REQUIRED_TEXT,
        # the result in hours and function (0 hours: not working)
        "uren_per_week": {**HOURS, "required": True, "nullable": False},
        "functie_nu": TEXT,
        "werkhervatting": TEXT,
        # the actueel oordeel of the bedrijfsarts this evaluation rests on (RP art. 6)
        "datum_actueel_oordeel": REQUIRED_DATE,
        "oordeel_arbeidsrelatie": REQUIRED_TEXT,
        "passende_arbeid": REQUIRED_TEXT,
        "visie_werkgever": REQUIRED_TEXT,
        "visie_werknemer": REQUIRED_TEXT,
    },
    signers=(SignerRole.WERKGEVER, SignerRole.WERKNEMER),
    layout=(
        *ADMIN,
        Heading("2. Resultaat van de re-integratie"),
        TextBlock("Resultaten", "resultaten"),
        FieldTable(
            (
                ("Werkt nu (uren per week)", "uren_per_week"),
                ("In de functie", "functie_nu", OPTIONAL),
            )
        ),
        TextBlock("Werkhervatting", "werkhervatting", optional=True),
        Heading("3. Oordeel"),
        FieldTable((("Op basis van het actueel oordeel van", "datum_actueel_oordeel"),)),
        TextBlock("Oordeel over de arbeidsrelatie", "oordeel_arbeidsrelatie"),
        TextBlock("Oordeel over passende arbeid", "passende_arbeid"),
        Heading("4. Visie van de werkgever"),
        TextBlock("Visie werkgever", "visie_werkgever"),
        Heading("5. Visie van de werknemer"),
        TextBlock("Oordeel werknemer over de re-integratie", "visie_werknemer"),
        Signatures("6. Ondertekening"),
    ),
)
