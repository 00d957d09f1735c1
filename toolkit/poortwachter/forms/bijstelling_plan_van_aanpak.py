"""A bijstelling of the plan van aanpak (Regeling procesgang art. 4), with both views since
1 July 2023."""

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
from poortwachter.schemas.fields import REQUIRED_DATE, REQUIRED_TEXT
from poortwachter.schemas.form_parts import (
    ACTIVITIES,
    COMMON_SCHEMA,
    REQUIRED_DATES,
    VISIE,
    SignerRole,
)

SPEC = FormSpec(
    id=FormId.BIJSTELLING_PLAN_VAN_AANPAK,
    title="Bijstelling plan van aanpak",
    description="Reden van bijstelling, wat er verandert en de nieuwe activiteiten",
    intro="Bijstelling van het plan van aanpak, afgesproken door werkgever en werknemer.",
    schema={
        **COMMON_SCHEMA,
        "datum_plan_van_aanpak": REQUIRED_DATE,
        "reden": REQUIRED_TEXT,
        "wijzigingen": REQUIRED_TEXT,
        "einddoel": REQUIRED_TEXT,
        "activiteiten": ACTIVITIES,
        "evaluatiemomenten": REQUIRED_DATES,
        "visie_werkgever": VISIE,
        "visie_werknemer": VISIE,
    },
    signers=(SignerRole.WERKGEVER, SignerRole.WERKNEMER),
    visie=True,
    layout=(
        *ADMIN,
        FieldTable((("Datum oorspronkelijk plan van aanpak", "datum_plan_van_aanpak"),)),
        Heading("2. Reden van de bijstelling"),
        TextBlock("Reden", "reden"),
        Heading("3. Wat verandert"),
        TextBlock("Wijzigingen", "wijzigingen"),
        TextBlock("Einddoel (na bijstelling)", "einddoel"),
        Heading("4. Activiteiten"),
        ACTIVITIES_TABLE,
        FieldTable((("Evaluatiemomenten", 'evaluatiemomenten|join(", ")'),)),
        Heading("5. Visie van de werkgever"),
        TextBlock("Visie werkgever op de re-integratie en de bijstelling", "visie_werkgever"),
        Heading("6. Visie van de werknemer"),
        TextBlock("Visie werknemer op de re-integratie en de bijstelling", "visie_werknemer"),
        Signatures("7. Ondertekening"),
    ),
)
