"""The building blocks every form schema shares: signer roles, the administrative part
(werknemer, werkgever, bedrijfsarts, casemanager; Regeling procesgang art. 6), activities,
signers, and both views with their transitional rule (Stcrt. 2023, 13931)."""

from __future__ import annotations

import re
import unicodedata
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


#: Hours per week (a result in hours: 0 is not working).
HOURS: dict[str, Any] = {"type": "integer", "coerce": "int", "nullable": True, "min": 0, "max": 60}

_FILLER = frozenset({"bij", "de", "het", "in", "een", "van", "op", "met", "zie", "e"})


def _choice_key(text: str) -> str:
    """``'Ander werk bij de eigen werkgever'`` → ``'ander_werk_eigen_werkgever'``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.split(r"[^a-z0-9]+", folded.lower())
    return "_".join(w for w in words if w and w not in _FILLER)


def choice(options: dict[str, str], *, required: bool = True) -> dict[str, Any]:
    """A field with one of ``options`` (stored value → the text printed on the form).

    People may write the value or the text ("Aangepast werk", "aangepast_werk"): case,
    spaces, accents and a bracketed remark are ignored. The options travel with the field
    (``meta.keuzes``, :func:`choice_options`), so the form prints the text and the skeleton
    lists the values.
    """
    lookup = {_choice_key(k): k for k in options} | {_choice_key(v): k for k, v in options.items()}
    lookup |= {_choice_key(re.sub(r"\s*\(.*?\)", "", v)): k for k, v in options.items()}
    listed = "; ".join(f"{k} ({v})" for k, v in options.items())

    def coerce(value: Any) -> Any:
        if is_blank(value):
            return None
        found = lookup.get(_choice_key(str(value)))
        if found is None:
            raise ValueError(f"'{value}' is geen geldige keuze; kies uit: {listed}")
        return found

    return {
        "type": "string",
        "coerce": coerce,
        "required": required,
        "nullable": not required,
        "allowed": list(options),
        "meta": {"keuzes": dict(options)},
    }


def choice_options(rules: dict[str, Any]) -> dict[str, str] | None:
    """The options of a :func:`choice` field (value → printed text), None for other fields."""
    options: dict[str, str] | None = rules.get("meta", {}).get("keuzes")
    return options
