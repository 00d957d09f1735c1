"""cerberus schemas for the six UWV forms (nested: YAML/JSON case files, or one batch row
after :mod:`poortwachter.generate.batch` has gathered it).

Every form shares the administrative part that the Regeling procesgang art. 6 asks for
(werknemer, werkgever, bedrijfsarts, casemanager, eerste ziektedag), a form date and a list
of signers; each form adds the content UWV expects of that part (DOMAIN.md). No field
anywhere asks for a diagnosis, nature or cause of the illness: the employer may not record
them (AVG), and the probleemanalyse is written in functional terms.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.schemas.fields import (
    DATE,
    KVK,
    REQUIRED_DATE,
    REQUIRED_TEXT,
    TEXT,
    is_blank,
)
from poortwachter.schemas.form_parts import (
    ACTIVITIES,
    COMMON_SCHEMA,
    REQUIRED_BOOL,
    REQUIRED_BSN,
    REQUIRED_DATES,
    SIGNERS,
    VISIE,
    VISIE_FIELDS,
    VISIE_SOURCE,
    SignerRole,
    nested_group,
    visie_required,
)

_LOONHEFFINGEN = re.compile(r"[0-9]{9}L[0-9]{2}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _loonheffingennummer(value: Any) -> Any:
    """``'1234.56.789.L.01'`` → ``'123456789L01'``: 9 digits, the letter L, 2 digits."""
    if is_blank(value):
        return None
    text = re.sub(r"[\s.\-]", "", str(value)).upper()
    if not _LOONHEFFINGEN.fullmatch(text):
        raise ValueError(
            f"'{value}' is geen loonheffingennummer: dat is 9 cijfers, een L en 2 cijfers "
            "(bijvoorbeeld 123456789L01)"
        )
    return text


def _email(value: Any) -> Any:
    if is_blank(value):
        return None
    text = str(value).strip()
    if not _EMAIL.fullmatch(text):
        raise ValueError(f"'{text}' is geen e-mailadres")
    return text


#: The RIV's own first part (Regeling procesgang art. 6 lid 1 a): the administrative data
#: UWV asks for in the re-integratieverslag, and which parts are enclosed.
RIV_SCHEMA: dict[str, Any] = {
    "dossier": TEXT,
    "formulierdatum": REQUIRED_DATE,
    "eerste_ziektedag": REQUIRED_DATE,
    "werknemer": nested_group(
        {
            "naam": REQUIRED_TEXT,
            "adres": REQUIRED_TEXT,
            "bsn": REQUIRED_BSN,
            "geboortedatum": REQUIRED_DATE,
            "functie": REQUIRED_TEXT,
            "arbeidsduur": REQUIRED_TEXT,
            "opleiding": TEXT,
            "vaardigheden": TEXT,
        }
    ),
    "werkgever": nested_group(
        {
            "naam": REQUIRED_TEXT,
            "adres": REQUIRED_TEXT,
            "loonheffingennummer": {
                "type": "string",
                "coerce": _loonheffingennummer,
                "required": True,
                "nullable": False,
            },
            "kvk": KVK,
            "aard_bedrijf": REQUIRED_TEXT,
        }
    ),
    "contactpersoon": nested_group(
        {
            "naam": REQUIRED_TEXT,
            "functie": TEXT,
            "telefoon": REQUIRED_TEXT,
            "email": {"type": "string", "coerce": _email, "nullable": True},
        }
    ),
    "bedrijfsarts": nested_group({"naam": REQUIRED_TEXT, "organisatie": REQUIRED_TEXT}),
    "bijlagen": {
        "type": "list",
        "required": True,
        "minlength": 1,
        "schema": {
            "type": "dict",
            "schema": {"onderdeel": REQUIRED_TEXT, "datum": REQUIRED_DATE},
        },
    },
    "ondertekenaars": SIGNERS,
}

#: Choice fields: field → {stored value: the text printed on the form}. People may write the
#: value or the text ("Aangepast werk", "aangepast_werk"): case, spaces and accents are
#: ignored (:func:`choice`).
CHOICES: dict[str, dict[str, str]] = {
    "einddoel_soort": {
        "eigen_werk": "Terugkeer in het eigen werk",
        "aangepast_werk": "Aangepast eigen werk",
        "ander_werk_eigen_werkgever": "Ander werk bij de eigen werkgever (1e spoor)",
        "spoor2": "Werk bij een andere werkgever (2e spoor)",
    },
    "werk_soort": {
        "eigen_werk": "Eigen werk",
        "aangepast_werk": "Aangepast eigen werk",
        "ander_werk_eigen_werkgever": "Ander werk bij de eigen werkgever",
        "ander_werk_andere_werkgever": "Werk bij een andere werkgever (2e spoor)",
    },
    # why 2e spoor did not start (UWV Werkwijzer Poortwachter: the reasons UWV accepts)
    "reden_geen_spoor2": {
        "terugkeer_binnen_3_maanden": (
            "Concreet uitzicht op terugkeer in het eigen werk binnen 3 maanden"
        ),
        "geen_benutbare_mogelijkheden": ("Geen benutbare mogelijkheden volgens de bedrijfsarts"),
        "aow_binnen_een_jaar": (
            "De werknemer bereikt binnen een jaar na de wachttijd de AOW-leeftijd "
            "(werkgever en werknemer zijn het eens)"
        ),
        "anders": "Andere reden (zie toelichting)",
    },
}


_FILLER = frozenset({"bij", "de", "het", "in", "een", "van", "op", "met", "zie", "e"})


def _choice_key(text: str) -> str:
    """``'Ander werk bij de eigen werkgever'`` → ``'ander_werk_eigen_werkgever'``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.split(r"[^a-z0-9]+", folded.lower())
    return "_".join(w for w in words if w and w not in _FILLER)


def choice(name: str, *, required: bool = True) -> dict[str, Any]:
    """A field with one of the values of :data:`CHOICES` ``[name]``."""
    options = CHOICES[name]
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
    }


HOURS: dict[str, Any] = {"type": "integer", "coerce": "int", "nullable": True, "min": 0, "max": 60}

_FORM_FIELDS: dict[FormId, dict[str, Any]] = {
    FormId.PROBLEEMANALYSE: {
        # functional terms only: what can and cannot be done, never the illness itself
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
    FormId.PLAN_VAN_AANPAK: {
        "datum_probleemanalyse": REQUIRED_DATE,
        "conclusies_probleemanalyse": REQUIRED_TEXT,
        "einddoel_soort": choice("einddoel_soort"),
        "einddoel_datum": REQUIRED_DATE,
        "einddoel": REQUIRED_TEXT,
        "activiteiten": ACTIVITIES,
        "evaluatiemomenten": REQUIRED_DATES,
        "afspraken": TEXT,
        "visie_werkgever": VISIE,
        "visie_werknemer": VISIE,
    },
    FormId.BIJSTELLING_PLAN_VAN_AANPAK: {
        "datum_plan_van_aanpak": REQUIRED_DATE,
        "reden": REQUIRED_TEXT,
        "wijzigingen": REQUIRED_TEXT,
        "einddoel": REQUIRED_TEXT,
        "activiteiten": ACTIVITIES,
        "evaluatiemomenten": REQUIRED_DATES,
        "visie_werkgever": VISIE,
        "visie_werknemer": VISIE,
    },
    FormId.EERSTEJAARSEVALUATIE: {
        "activiteiten_tot_nu": REQUIRED_TEXT,
        # resultaat tot nu toe: working? how many hours? own or other work?
        "werkt": REQUIRED_BOOL,
        "uren_per_week": HOURS,
        "werk_soort": choice("werk_soort", required=False),
        "volgens_plan": REQUIRED_BOOL,
        "toelichting_plan": REQUIRED_TEXT,
        "einddoel_juist": REQUIRED_BOOL,
        "einddoel": REQUIRED_TEXT,
        "aanpak_bijgesteld": REQUIRED_BOOL,
        "toelichting_aanpak": TEXT,
        "spoor2_gestart": REQUIRED_BOOL,
        "spoor2_startdatum": DATE,
        "reden_geen_spoor2": choice("reden_geen_spoor2", required=False),
        "toelichting_spoor2": TEXT,
        "plan_tweede_jaar": REQUIRED_TEXT,
        "visie_werkgever": VISIE,
        "visie_werknemer": VISIE,
    },
    FormId.EINDEVALUATIE: {
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
}

#: FormId → the full nested schema of that form.
FORM_SCHEMAS: dict[FormId, dict[str, Any]] = {
    **{form: {**COMMON_SCHEMA, **fields} for form, fields in _FORM_FIELDS.items()},
    FormId.RIV_FORMULIER: RIV_SCHEMA,
}

#: Forms that carry both views (with the transitional rule of :data:`VISIE_SINCE`).
VISIE_FORMS = frozenset(
    {FormId.PLAN_VAN_AANPAK, FormId.BIJSTELLING_PLAN_VAN_AANPAK, FormId.EERSTEJAARSEVALUATIE}
)

#: Roles that must sign a form (Beleidsregels vorm- en herkenbaarheidsvereisten).
REQUIRED_SIGNERS: dict[FormId, tuple[SignerRole, ...]] = {
    FormId.PROBLEEMANALYSE: (SignerRole.BEDRIJFSARTS,),
    FormId.PLAN_VAN_AANPAK: (SignerRole.WERKGEVER, SignerRole.WERKNEMER),
    FormId.BIJSTELLING_PLAN_VAN_AANPAK: (SignerRole.WERKGEVER, SignerRole.WERKNEMER),
    FormId.EERSTEJAARSEVALUATIE: (SignerRole.WERKGEVER, SignerRole.WERKNEMER),
    FormId.EINDEVALUATIE: (SignerRole.WERKGEVER, SignerRole.WERKNEMER),
    FormId.RIV_FORMULIER: (SignerRole.WERKGEVER,),
}


def form_problems(form_id: FormId, doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Cross-field checks after cerberus: (dotted field, Dutch message) pairs."""
    problems: list[tuple[str, str]] = []
    roles = {s["rol"] for s in doc.get("ondertekenaars") or ()}
    for role in REQUIRED_SIGNERS[form_id]:
        if role.value not in roles:
            problems.append(
                (
                    "ondertekenaars",
                    f"de {role.value} moet dit formulier ondertekenen; voeg een ondertekenaar "
                    f"met rol '{role.value}' toe",
                )
            )
    if doc["formulierdatum"] < doc["eerste_ziektedag"]:
        problems.append(("formulierdatum", "ligt vóór de eerste ziektedag"))
    if form_id in VISIE_FORMS and visie_required(doc):
        for name in VISIE_FIELDS:
            if is_blank(doc.get(name)):
                who = name.removeprefix("visie_")
                problems.append(
                    (
                        name,
                        f"ontbreekt; dit veld is verplicht: sinds 1 juli 2023 bevat dit "
                        f"formulier de visie van de werkgever én van de werknemer "
                        f"({VISIE_SOURCE}); vul de visie van de {who} in",
                    )
                )
    problems += _content_problems(form_id, doc)
    spoor2_undated = doc.get("spoor2_gestart") and doc.get("spoor2_startdatum") is None
    if form_id is FormId.EERSTEJAARSEVALUATIE and spoor2_undated:
        problems.append(("spoor2_startdatum", "ontbreekt; vul in sinds wanneer het 2e spoor loopt"))
    return problems


def _content_problems(form_id: FormId, doc: dict[str, Any]) -> list[tuple[str, str]]:
    """What one answer makes required in another field of the same form."""
    problems: list[tuple[str, str]] = []
    no_capacity = doc.get("benutbare_mogelijkheden") is False
    unexplained = no_capacity and is_blank(doc.get("reden_geen_mogelijkheden"))
    if form_id is FormId.PROBLEEMANALYSE and unexplained:
        problems.append(
            (
                "reden_geen_mogelijkheden",
                "ontbreekt; 'geen benutbare mogelijkheden' mag alleen met een onderbouwing "
                "(Beleidsregels beoordelingskader poortwachter)",
            )
        )
    if form_id is FormId.EERSTEJAARSEVALUATIE:
        if doc.get("werkt") and doc.get("werk_soort") is None:
            problems.append(("werk_soort", "ontbreekt; in welk werk werkt de werknemer?"))
        if doc.get("werkt") and doc.get("uren_per_week") is None:
            problems.append(("uren_per_week", "ontbreekt; hoeveel uur per week werkt hij/zij?"))
        if doc.get("spoor2_gestart") is False:
            if doc.get("reden_geen_spoor2") is None:
                options = ", ".join(CHOICES["reden_geen_spoor2"])
                problems.append(
                    (
                        "reden_geen_spoor2",
                        "ontbreekt; het 2e spoor is niet gestart: geef de reden (kies uit: "
                        f"{options})",
                    )
                )
            if is_blank(doc.get("toelichting_spoor2")):
                problems.append(
                    ("toelichting_spoor2", "ontbreekt; licht toe waarom het 2e spoor niet start")
                )
    return problems


def field_required(rules: dict[str, Any]) -> bool:
    """Whether a field must be filled in (a view: unless the transitional rule applies)."""
    return bool(rules.get("required")) or "verplicht_sinds" in rules.get("meta", {})


def schema_paths(schema: dict[str, Any], prefix: str = "") -> dict[str, bool]:
    """Every leaf field of a nested schema as a dotted path → required?

    A view (:data:`VISIE`) counts as required: it is, unless the transitional rule applies.

    List items are written ``activiteiten[].wat``; a list of plain values is its own leaf.
    """
    out: dict[str, bool] = {}
    for name, rules in schema.items():
        path = f"{prefix}{name}"
        required = field_required(rules)
        if rules.get("type") == "dict" and "schema" in rules:
            out.update(schema_paths(rules["schema"], f"{path}."))
        elif rules.get("type") == "list" and rules.get("schema", {}).get("type") == "dict":
            out[path] = required
            out.update(schema_paths(rules["schema"]["schema"], f"{path}[]."))
        else:
            out[path] = required
    return out
