"""The seven parts of the RIV (Regeling procesgang art. 6) and the kinds in each."""

from __future__ import annotations

from poortwachter.domain.vocabulary import DocumentKind as K

RIV_PARTS: tuple[tuple[str, tuple[K, ...]], ...] = (
    (
        "1. Administratieve gegevens en bestanden",
        (K.RIV_FORMULIER, K.ZIEKMELDING, K.ZIEKMELDING_UWV, K.OTHER),
    ),
    (
        "2. Probleemanalyse en bijstellingen",
        (
            K.PROBLEEMANALYSE,
            K.BIJSTELLING_PROBLEEMANALYSE,
            K.INZETBAARHEIDSPROFIEL,
            K.MEDISCHE_INFORMATIE,
        ),
    ),
    ("3. Plan van aanpak en bijstellingen", (K.PLAN_VAN_AANPAK, K.BIJSTELLING_PLAN_VAN_AANPAK)),
    (
        "4. Eerstejaarsevaluatie, evaluaties en voortgang",
        (
            K.EERSTEJAARSEVALUATIE,
            K.VOORTGANGSVERSLAG,
            K.ACTIVITEITENOVERZICHT,
            K.ARBEIDSDESKUNDIG_RAPPORT,
            K.SPOOR2_RAPPORT,
            K.DESKUNDIGENOORDEEL,
        ),
    ),
    ("5. Actueel oordeel bedrijfsarts", (K.ACTUEEL_OORDEEL,)),
    ("6. Eindevaluatie", (K.EINDEVALUATIE,)),
    ("7. Oordeel werknemer", (K.OORDEEL_WERKNEMER,)),
)


def riv_part(kind: K) -> str:
    """The RIV part a document kind belongs to (part 1 for anything else)."""
    for label, kinds in RIV_PARTS:
        if kind in kinds:
            return label
    return RIV_PARTS[0][0]
