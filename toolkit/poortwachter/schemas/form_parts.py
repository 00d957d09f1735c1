"""The building blocks every form schema shares: signer roles, the administrative part
(werknemer, werkgever, bedrijfsarts, casemanager; Regeling procesgang art. 6), activities,
signers, and both views with their transitional rule (Stcrt. 2023, 13931)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any

from poortwachter.schemas.fields import (
    BSN,
    DATE,
    KVK,
    REQUIRED_DATE,
    REQUIRED_TEXT,
    TEXT,
    blank_to_none,
    is_blank,
    to_bool,
    to_date_list,
)


class SignerRole(StrEnum):
    """In which capacity someone signs a form (``ondertekenaars[].rol``)."""

    WERKGEVER = "werkgever"
    WERKNEMER = "werknemer"
    BEDRIJFSARTS = "bedrijfsarts"
    CASEMANAGER = "casemanager"
    ARBEIDSDESKUNDIGE = "arbeidsdeskundige"


def _bool_or_none(value: Any) -> bool | None:
    """Like ``to_bool`` but a blank stays None, so a required yes/no can be missing."""
    return None if is_blank(value) else to_bool(value)


def _date_list_or_none(value: Any) -> Any:
    return None if is_blank(value) else to_date_list(value)


def _role(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


REQUIRED_BSN: dict[str, Any] = {**BSN, "required": True, "nullable": False}
REQUIRED_BOOL: dict[str, Any] = {
    "type": "boolean",
    "coerce": _bool_or_none,
    "required": True,
    "nullable": False,
}
REQUIRED_DATES: dict[str, Any] = {
    "type": "list",
    "coerce": _date_list_or_none,
    "required": True,
    "nullable": False,
    "minlength": 1,
    "schema": {"type": "date"},
}


#: Since 1 July 2023 the plan van aanpak, every bijstelling and the eerstejaarsevaluatie hold
#: the views of both werkgever and werknemer (Regeling procesgang art. 4 lid 2 a and b, as
#: amended by the Regeling of 9 May 2023, Stcrt. 2023, 13931). Transitional rule: for an
#: eerste ziektedag before that date only documents drawn up or adjusted from then on.
VISIE_SINCE = date(2023, 7, 1)
VISIE_SOURCE = "Regeling procesgang art. 4 lid 2 a en b, Stcrt. 2023, 13931"
#: A view that is required unless the transitional rule applies (see :func:`visie_required`).
VISIE: dict[str, Any] = {
    "type": "string",
    "coerce": "text",
    "nullable": True,
    "meta": {"verplicht_sinds": VISIE_SINCE.isoformat()},
}
VISIE_FIELDS = ("visie_werkgever", "visie_werknemer")
VISIE_NOT_REQUIRED = (
    "Niet vereist: de eerste ziektedag en de datum van dit document liggen vóór 1 juli 2023 "
    "(overgangsrecht bij de Regeling van 9 mei 2023, Stcrt. 2023, 13931)."
)


def visie_required(doc: dict[str, Any]) -> bool:
    """Whether both views are required in this document (the transitional rule)."""
    before = doc["eerste_ziektedag"] < VISIE_SINCE and doc["formulierdatum"] < VISIE_SINCE
    return not before


def nested_group(schema: dict[str, Any], *, required: bool = True) -> dict[str, Any]:
    """A cerberus rule for a nested group of fields (``werknemer: {naam: ...}``)."""
    return {"type": "dict", "required": required, "nullable": not required, "schema": schema}


ACTIVITY_SCHEMA: dict[str, Any] = {
    "wat": REQUIRED_TEXT,
    "wie": REQUIRED_TEXT,
    "wanneer": REQUIRED_DATE,
}
SIGNER_SCHEMA: dict[str, Any] = {
    "naam": REQUIRED_TEXT,
    "functie": REQUIRED_TEXT,
    "datum": REQUIRED_DATE,
    "rol": {
        "type": "string",
        "coerce": (blank_to_none, _role),
        "required": True,
        "nullable": False,
        "allowed": [r.value for r in SignerRole],
    },
}
ACTIVITIES: dict[str, Any] = {
    "type": "list",
    "required": True,
    "minlength": 1,
    "schema": {"type": "dict", "schema": ACTIVITY_SCHEMA},
}
SIGNERS: dict[str, Any] = {
    "type": "list",
    "required": True,
    "minlength": 1,
    "schema": {"type": "dict", "schema": SIGNER_SCHEMA},
}

#: The administrative part every form carries (Regeling procesgang art. 6 sub 1).
COMMON_SCHEMA: dict[str, Any] = {
    "dossier": TEXT,
    "formulierdatum": REQUIRED_DATE,
    "eerste_ziektedag": REQUIRED_DATE,
    "werknemer": nested_group(
        {
            "naam": REQUIRED_TEXT,
            "bsn": REQUIRED_BSN,
            "functie": REQUIRED_TEXT,
            "geboortedatum": DATE,
        }
    ),
    "werkgever": nested_group(
        {"naam": REQUIRED_TEXT, "kvk": KVK, "aard_bedrijf": TEXT, "adres": TEXT}
    ),
    "bedrijfsarts": nested_group({"naam": REQUIRED_TEXT, "organisatie": TEXT}),
    "casemanager": nested_group({"naam": REQUIRED_TEXT, "functie": TEXT}),
    "ondertekenaars": SIGNERS,
}
