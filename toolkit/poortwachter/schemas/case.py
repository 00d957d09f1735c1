"""Schemas for case input: nested (YAML/JSON case files) and flat (one spreadsheet row).

Flat row columns (header names, case-insensitive; spaces count as '_'):

==========================  =========================================================
column                      meaning
==========================  =========================================================
dossier                     case/dossier number (optional)
naam                        employee name (``naam`` or ``dossier`` must be filled)
bsn                         BSN, checked with the 11-test
geboortedatum               date of birth (gives the AOW date)
functie                     the employee's job
werkgever, kvk              employer name and Chamber of Commerce number
bedrijfsarts, casemanager   names
eerste_ziektedag            required
herstel                     periods of full recovery for the own work ``START:EIND``,
                            several separated by ``;`` (partial work is no recovery;
                            sickness with a former employer does not count)
verlof                      pregnancy/maternity leave (WAZO) ``START:EIND``: not counted,
                            sickness directly before and after it is added up
zwanger                     ja/nee: sickness due to pregnancy or childbirth (ZW 29a):
                            report to UWV within six weeks, no 42e-weeksmelding
verlenging_weken            vrijwillige verlenging(en) in weeks, separated by ``;``
loonsanctie_weken           loonsanctie in weeks (0–52)
loonsanctie_hersteld        date UWV found the shortcoming repaired (ends 6 weeks later)
aow_datum                   AOW date, when known (overrides the date of birth)
einde_dienstverband         last day of employment (ziek uit dienst)
iva                         ja/nee: a shortened waiting time (IVA) may be requested
evaluaties                  dates of evaluations held, separated by ``;``
gedaan_<milestone>          date a milestone was done, e.g. ``gedaan_probleemanalyse``
==========================  =========================================================
"""

from __future__ import annotations

from datetime import date
from typing import Any

from poortwachter.domain.case import (
    MAX_LOONSANCTIE_WEKEN,
    MAX_VERLENGING_WEKEN,
    MIN_VERLENGING_WEKEN,
    Case,
    HerstelPeriode,
    Persoon,
    VerlofPeriode,
    Werkgever,
    Werknemer,
    herstel_problems,
)
from poortwachter.domain.vocabulary import MilestoneId
from poortwachter.schemas.fields import BOOL, BSN, DATE, KVK, REQUIRED_DATE, REQUIRED_TEXT, TEXT

_PERIOD = {
    "type": "dict",
    "schema": {"start": REQUIRED_DATE, "eind": REQUIRED_DATE},
}
_HERSTEL = {"type": "list", "coerce": "herstel", "schema": _PERIOD, "nullable": True}
_VERLOF = {"type": "list", "coerce": "verlof", "schema": _PERIOD, "nullable": True}
_VERLENGING = {
    "type": "list",
    "coerce": "int_list",
    "nullable": True,
    "schema": {"type": "integer", "min": MIN_VERLENGING_WEKEN, "max": MAX_VERLENGING_WEKEN},
}
_LOONSANCTIE = {
    "type": "integer",
    "coerce": "int",
    "nullable": True,
    "min": 0,
    "max": MAX_LOONSANCTIE_WEKEN,
}
_EVALUATIES = {"type": "list", "coerce": "date_list", "nullable": True, "schema": {"type": "date"}}
_PERSOON = {
    "type": "dict",
    "nullable": True,
    "schema": {"naam": REQUIRED_TEXT, "functie": TEXT, "organisatie": TEXT},
}

#: Nested case (YAML/JSON).
CASE_SCHEMA: dict[str, Any] = {
    "dossier": TEXT,
    "eerste_ziektedag": REQUIRED_DATE,
    "werknemer": {
        "type": "dict",
        "nullable": True,
        "schema": {"naam": REQUIRED_TEXT, "bsn": BSN, "geboortedatum": DATE, "functie": TEXT},
    },
    "werkgever": {"type": "dict", "nullable": True, "schema": {"naam": REQUIRED_TEXT, "kvk": KVK}},
    "bedrijfsarts": _PERSOON,
    "casemanager": _PERSOON,
    "herstel": _HERSTEL,
    "verlof": _VERLOF,
    "zwanger": BOOL,
    "verlenging_weken": _VERLENGING,
    "loonsanctie_weken": _LOONSANCTIE,
    "loonsanctie_hersteld": DATE,
    "aow_datum": DATE,
    "einde_dienstverband": DATE,
    "iva": BOOL,
    "evaluaties": _EVALUATIES,
    "gedaan": {
        "type": "dict",
        "nullable": True,
        "keysrules": {"type": "string", "allowed": [m.value for m in MilestoneId]},
        "valuesrules": {"type": "date", "coerce": "date"},
    },
}

GEDAAN_PREFIX = "gedaan_"

#: Flat case (one spreadsheet row); keys are the column names.
ROW_SCHEMA: dict[str, Any] = {
    "dossier": TEXT,
    "naam": TEXT,
    "bsn": BSN,
    "geboortedatum": DATE,
    "functie": TEXT,
    "werkgever": TEXT,
    "kvk": KVK,
    "bedrijfsarts": TEXT,
    "casemanager": TEXT,
    "eerste_ziektedag": REQUIRED_DATE,
    "herstel": _HERSTEL,
    "verlof": _VERLOF,
    "zwanger": BOOL,
    "verlenging_weken": _VERLENGING,
    "loonsanctie_weken": _LOONSANCTIE,
    "loonsanctie_hersteld": DATE,
    "aow_datum": DATE,
    "einde_dienstverband": DATE,
    "iva": BOOL,
    "evaluaties": _EVALUATIES,
    **{f"{GEDAAN_PREFIX}{m.value}": DATE for m in MilestoneId},
}
_GEDAAN_COLUMNS = {f"{GEDAAN_PREFIX}{m.value}": m for m in MilestoneId}
REQUIRED_COLUMNS = ("eerste_ziektedag",)
#: At least one of these columns must exist so a user can recognise each case.
IDENTIFYING_COLUMNS = ("dossier", "naam")


def _periods(items: list[dict[str, date]] | None) -> tuple[HerstelPeriode, ...]:
    return tuple(HerstelPeriode(p["start"], p["eind"]) for p in items or ())


def _verlof(items: list[dict[str, date]] | None) -> tuple[VerlofPeriode, ...]:
    return tuple(VerlofPeriode(p["start"], p["eind"]) for p in items or ())


def case_problems(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Cross-field checks after cerberus: (field, Dutch message) pairs."""
    herstel, verlof = _periods(doc.get("herstel")), _verlof(doc.get("verlof"))
    problems = [
        ("verlof" if msg.startswith("verlof") else "herstel", msg)
        for msg in herstel_problems(doc["eerste_ziektedag"], list(herstel), verlof)
    ]
    einde = doc.get("einde_dienstverband")
    if einde is not None and einde < doc["eerste_ziektedag"]:
        problems.append(
            (
                "einde_dienstverband",
                "ligt vóór de eerste ziektedag; ziekte bij een vorige werkgever telt niet mee",
            )
        )
    if doc.get("loonsanctie_hersteld") is not None and not doc.get("loonsanctie_weken"):
        problems.append(("loonsanctie_hersteld", "is ingevuld zonder loonsanctie_weken"))
    return problems


def _facts(doc: dict[str, Any]) -> dict[str, Any]:
    """The Case fields that move the timeline, shared by nested and flat input."""
    return {
        "herstel": _periods(doc.get("herstel")),
        "verlof": _verlof(doc.get("verlof")),
        "zwanger": bool(doc.get("zwanger")),
        "verlenging_weken": tuple(doc.get("verlenging_weken") or ()),
        "loonsanctie_weken": doc.get("loonsanctie_weken") or 0,
        "loonsanctie_hersteld": doc.get("loonsanctie_hersteld"),
        "aow_datum": doc.get("aow_datum"),
        "einde_dienstverband": doc.get("einde_dienstverband"),
        "iva": bool(doc.get("iva")),
        "evaluaties": tuple(doc.get("evaluaties") or ()),
    }


def case_from_nested(doc: dict[str, Any]) -> Case:
    """A validated nested document → :class:`Case`."""
    wn = doc.get("werknemer")
    wg = doc.get("werkgever")
    return Case(
        eerste_ziektedag=doc["eerste_ziektedag"],
        dossier=doc.get("dossier"),
        werknemer=Werknemer(**wn) if wn else None,
        werkgever=Werkgever(**wg) if wg else None,
        bedrijfsarts=Persoon(**doc["bedrijfsarts"]) if doc.get("bedrijfsarts") else None,
        casemanager=Persoon(**doc["casemanager"]) if doc.get("casemanager") else None,
        gedaan={MilestoneId(k): v for k, v in (doc.get("gedaan") or {}).items()},
        **_facts(doc),
    )


def case_from_row(doc: dict[str, Any]) -> Case:
    """A validated flat row → :class:`Case`."""
    naam = doc.get("naam")
    werknemer = (
        Werknemer(naam or "", doc.get("bsn"), doc.get("geboortedatum"), doc.get("functie"))
        if naam or doc.get("bsn") or doc.get("geboortedatum")
        else None
    )
    return Case(
        eerste_ziektedag=doc["eerste_ziektedag"],
        dossier=doc.get("dossier"),
        werknemer=werknemer,
        werkgever=Werkgever(doc["werkgever"], doc.get("kvk")) if doc.get("werkgever") else None,
        bedrijfsarts=Persoon(doc["bedrijfsarts"], "bedrijfsarts")
        if doc.get("bedrijfsarts")
        else None,
        casemanager=Persoon(doc["casemanager"], "casemanager") if doc.get("casemanager") else None,
        gedaan={
            m: doc[column] for column, m in _GEDAAN_COLUMNS.items() if doc.get(column) is not None
        },
        **_facts(doc),
    )
