"""The eerstejaarsevaluatie (Regeling procesgang art. 4; week 52): UWV's questions about the
first year, the result so far, the plan for the second year and both views."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.forms.layout import ADMIN, Heading, Question, Signatures, TextBlock
from poortwachter.forms.spec import FormSpec
from poortwachter.schemas.fields import DATE, REQUIRED_TEXT, TEXT, is_blank
from poortwachter.schemas.form_parts import (
    COMMON_SCHEMA,
    HOURS,
    REQUIRED_BOOL,
    VISIE,
    SignerRole,
    choice,
)

#: Resultaat tot nu toe: in which work the employee works.
WERK_SOORT = {
    "eigen_werk": "Eigen werk",
    "aangepast_werk": "Aangepast eigen werk",
    "ander_werk_eigen_werkgever": "Ander werk bij de eigen werkgever",
    "ander_werk_andere_werkgever": "Werk bij een andere werkgever (2e spoor)",
}

#: Why 2e spoor did not start (UWV Werkwijzer Poortwachter: the reasons UWV accepts).
REDEN_GEEN_SPOOR2 = {
    "terugkeer_binnen_3_maanden": (
        "Concreet uitzicht op terugkeer in het eigen werk binnen 3 maanden"
    ),
    "geen_benutbare_mogelijkheden": "Geen benutbare mogelijkheden volgens de bedrijfsarts",
    "aow_binnen_een_jaar": (
        "De werknemer bereikt binnen een jaar na de wachttijd de AOW-leeftijd "
        "(werkgever en werknemer zijn het eens)"
    ),
    "anders": "Andere reden (zie toelichting)",
}


def _checks(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if doc.get("werkt") and doc.get("werk_soort") is None:
        problems.append(("werk_soort", "ontbreekt; in welk werk werkt de werknemer?"))
    if doc.get("werkt") and doc.get("uren_per_week") is None:
        problems.append(("uren_per_week", "ontbreekt; hoeveel uur per week werkt hij/zij?"))
    if doc.get("spoor2_gestart") is False:
        if doc.get("reden_geen_spoor2") is None:
            options = ", ".join(REDEN_GEEN_SPOOR2)
            problems.append(
                (
                    "reden_geen_spoor2",
                    f"ontbreekt; het 2e spoor is niet gestart: geef de reden (kies uit: {options})",
                )
            )
        if is_blank(doc.get("toelichting_spoor2")):
            problems.append(
                ("toelichting_spoor2", "ontbreekt; licht toe waarom het 2e spoor niet start")
            )
    if doc.get("spoor2_gestart") and doc.get("spoor2_startdatum") is None:
        problems.append(("spoor2_startdatum", "ontbreekt; vul in sinds wanneer het 2e spoor loopt"))
    return problems


SPEC = FormSpec(
    id=FormId.EERSTEJAARSEVALUATIE,
    title="Eerstejaarsevaluatie",
    description="De vragen van UWV over het eerste ziektejaar, met beide visies (week 52)",
    intro=(
        "Eerstejaarsevaluatie volgens artikel 4 van de Regeling procesgang eerste en tweede "
        "ziektejaar: terugblik op het eerste ziektejaar en de koers voor het tweede."
    ),
    schema={
        **COMMON_SCHEMA,
        "activiteiten_tot_nu": REQUIRED_TEXT,
        # resultaat tot nu toe: working? how many hours? own or other work?
        "werkt": REQUIRED_BOOL,
        "uren_per_week": HOURS,
        "werk_soort": choice(WERK_SOORT, required=False),
        "volgens_plan": REQUIRED_BOOL,
        "toelichting_plan": REQUIRED_TEXT,
        "einddoel_juist": REQUIRED_BOOL,
        "einddoel": REQUIRED_TEXT,
        "aanpak_bijgesteld": REQUIRED_BOOL,
        "toelichting_aanpak": TEXT,
        "spoor2_gestart": REQUIRED_BOOL,
        "spoor2_startdatum": DATE,
        "reden_geen_spoor2": choice(REDEN_GEEN_SPOOR2, required=False),
        "toelichting_spoor2": TEXT,
        "plan_tweede_jaar": REQUIRED_TEXT,
        "visie_werkgever": VISIE,
        "visie_werknemer": VISIE,
    },
    signers=(SignerRole.WERKGEVER, SignerRole.WERKNEMER),
    visie=True,
    layout=(
        *ADMIN,
        Heading("2. Activiteiten en resultaat tot nu toe"),
        TextBlock("Welke activiteiten zijn er verricht?", "activiteiten_tot_nu"),
        Question("Werkt de werknemer op dit moment?", "werkt"),
        TextBlock("Uren per week", "uren_per_week", optional=True),
        TextBlock("Soort werk", "werk_soort", optional=True),
        Heading("3. Vragen van UWV"),
        Question(
            "Zijn de activiteiten volgens plan verlopen?",
            "volgens_plan",
            "toelichting_plan",
            explanation_optional=False,
        ),
        Question(
            "Is het einddoel nog juist?", "einddoel_juist", "einddoel", explanation_optional=False
        ),
        Question("Is de aanpak bijgesteld?", "aanpak_bijgesteld", "toelichting_aanpak"),
        Question("Is het tweede spoor gestart?", "spoor2_gestart"),
        TextBlock("Tweede spoor gestart op", "spoor2_startdatum", optional=True),
        TextBlock("Reden dat het tweede spoor niet is gestart", "reden_geen_spoor2", optional=True),
        TextBlock("Toelichting tweede spoor", "toelichting_spoor2", optional=True),
        Heading("4. Plan voor het tweede ziektejaar"),
        TextBlock("Plan en einddoel voor het tweede jaar", "plan_tweede_jaar"),
        Heading("5. Visie van de werkgever"),
        TextBlock("Visie werkgever", "visie_werkgever"),
        Heading("6. Visie van de werknemer"),
        TextBlock("Visie werknemer", "visie_werknemer"),
        Signatures("7. Ondertekening"),
    ),
    checks=_checks,
)
