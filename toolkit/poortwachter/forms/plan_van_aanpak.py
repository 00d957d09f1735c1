"""The plan van aanpak of werkgever and werknemer (Regeling procesgang art. 4; week 8),
with both views since 1 July 2023."""

from __future__ import annotations

from poortwachter.domain.vocabulary import FormId
from poortwachter.forms.layout import (
    ACTIVITIES_TABLE,
    ADMIN,
    FieldTable,
    Heading,
    Signatures,
    TextBlock,
)
from poortwachter.forms.spec import FormSpec
from poortwachter.schemas.fields import REQUIRED_DATE, REQUIRED_TEXT, TEXT
from poortwachter.schemas.form_parts import (
    ACTIVITIES,
    COMMON_SCHEMA,
    REQUIRED_DATES,
    VISIE,
    SignerRole,
    choice,
)

#: The kinds of einddoel on UWV's own form.
EINDDOEL_SOORT = {
    "eigen_werk": "Terugkeer in het eigen werk",
    "aangepast_werk": "Aangepast eigen werk",
    "ander_werk_eigen_werkgever": "Ander werk bij de eigen werkgever (1e spoor)",
    "spoor2": "Werk bij een andere werkgever (2e spoor)",
}

SPEC = FormSpec(
    id=FormId.PLAN_VAN_AANPAK,
    title="Plan van aanpak",
    description="Werkgever en werknemer: einddoel, activiteiten, evaluaties en visie (week 8)",
    intro=(
        "Plan van aanpak volgens artikel 4 van de Regeling procesgang eerste en tweede "
        "ziektejaar, opgesteld door werkgever en werknemer op basis van de probleemanalyse."
    ),
    schema={
        **COMMON_SCHEMA,
        "datum_probleemanalyse": REQUIRED_DATE,
        "conclusies_probleemanalyse": REQUIRED_TEXT,
        "einddoel_soort": choice(EINDDOEL_SOORT),
        "einddoel_datum": REQUIRED_DATE,
        "einddoel": REQUIRED_TEXT,
        "activiteiten": ACTIVITIES,
        "evaluatiemomenten": REQUIRED_DATES,
        "afspraken": TEXT,
        "visie_werkgever": VISIE,
        "visie_werknemer": VISIE,
    },
    signers=(SignerRole.WERKGEVER, SignerRole.WERKNEMER),
    visie=True,
    layout=(
        *ADMIN,
        FieldTable((("Datum probleemanalyse", "datum_probleemanalyse"),)),
        TextBlock("Belangrijkste conclusies van de probleemanalyse", "conclusies_probleemanalyse"),
        Heading("2. Einddoel"),
        FieldTable((("Soort einddoel", "einddoel_soort"), ("Te bereiken op", "einddoel_datum"))),
        TextBlock("Toelichting op het einddoel", "einddoel"),
        Heading("3. Activiteiten"),
        ACTIVITIES_TABLE,
        Heading("4. Evaluatie"),
        FieldTable((("Evaluatiemomenten", 'evaluatiemomenten|join(", ")'),)),
        TextBlock("Overige afspraken", "afspraken", optional=True),
        Heading("5. Visie van de werkgever"),
        TextBlock("Visie werkgever op de re-integratie en dit plan", "visie_werkgever"),
        Heading("6. Visie van de werknemer"),
        TextBlock("Visie werknemer op de re-integratie en dit plan", "visie_werknemer"),
        Signatures("7. Ondertekening"),
    ),
)
