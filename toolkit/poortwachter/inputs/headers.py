"""Spreadsheet headers as people write them: one alias table per column.

A header is compared after folding (:func:`fold`): case, spaces, accents and punctuation
are ignored, so ``Eerste ziektedag``, ``eerste-ziektedag``, ``EERSTE_ZIEKTEDAG`` and
``Eerste ziektedag:`` are the same column. Each table maps a column to the other names it
goes by (``1e ziektedag``, ``Burgerservicenummer``). Headers that match no column are
reported with the nearest known name (:func:`unknown_columns`), never dropped silently.

The tables are documented in the README (section "Kolomnamen") and printed by
``poortwachter templates list --velden FORM``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")

#: signalering / timeline spreadsheets (poortwachter.schemas.case.ROW_SCHEMA)
CASE_ALIASES: dict[str, tuple[str, ...]] = {
    "dossier": ("Dossiernummer", "Dossiernr", "Dossier nr", "Zaak", "Zaaknummer", "Casenummer"),
    "naam": (
        "Naam werknemer",
        "Werknemer",
        "Naam medewerker",
        "Medewerker",
        "Werknemer naam",
        "Volledige naam",
    ),
    "bsn": ("Burgerservicenummer", "BSN nummer", "BSN-nr", "Sofinummer"),
    "geboortedatum": ("Geb. datum", "Geboren", "Geboortedatum werknemer"),
    "functie": ("Functie werknemer", "Functienaam"),
    "werkgever": ("Naam werkgever", "Bedrijf", "Organisatie", "Werkgever naam"),
    "kvk": ("KvK-nummer", "KvK nummer", "KvK nr", "Kamer van Koophandel"),
    "bedrijfsarts": ("Naam bedrijfsarts", "Arts"),
    "casemanager": ("Naam casemanager", "Case manager"),
    "eerste_ziektedag": (
        "1e ziektedag",
        "Eerste verzuimdag",
        "1e verzuimdag",
        "Datum eerste ziektedag",
        "Eerste dag ziek",
        "Ziek sinds",
        "EZD",
    ),
    "aow_datum": ("AOW-datum", "Datum AOW", "AOW-leeftijd op"),
    "herstel": ("Herstelperiodes", "Hersteld", "Hersteldata"),
    "zwanger": ("Zwangerschap", "Zwangerschapsgerelateerd"),
    "verlenging_weken": ("Verlenging", "Vrijwillige verlenging (weken)"),
    "loonsanctie_weken": ("Loonsanctie", "Loonsanctie (weken)"),
    "loonsanctie_hersteld": ("Loonsanctie hersteld", "Herstel loonsanctie"),
    "verlof": ("Zwangerschapsverlof", "Bevallingsverlof", "WAZO-verlof", "Verlofperiode"),
    "einde_dienstverband": ("Einde dienstverband", "Uit dienst", "Datum uit dienst"),
    "iva": ("Verkorte wachttijd", "IVA-aanvraag"),
    "evaluaties": ("Evaluatiedata", "Evaluatiemomenten"),
}

#: batch spreadsheets of the forms (main sheet, all forms; a form uses what it knows)
FORM_ALIASES: dict[str, tuple[str, ...]] = {
    "dossier": CASE_ALIASES["dossier"],
    "formulierdatum": ("Datum formulier", "Datum", "Formulier datum", "Datum document"),
    "eerste_ziektedag": CASE_ALIASES["eerste_ziektedag"],
    "werknemer_naam": ("Naam werknemer", "Naam", "Werknemer", "Naam medewerker", "Medewerker"),
    "werknemer_bsn": ("BSN", "Burgerservicenummer", "BSN werknemer"),
    "werknemer_functie": ("Functie", "Functie werknemer", "Functienaam"),
    "werknemer_geboortedatum": ("Geboortedatum", "Geb. datum"),
    "werknemer_adres": ("Adres werknemer", "Adres"),
    "werkgever_naam": ("Werkgever", "Naam werkgever", "Bedrijf"),
    "werkgever_kvk": ("KvK", "KvK-nummer", "KvK nummer"),
    "werkgever_adres": ("Adres werkgever",),
    "werkgever_aard_bedrijf": ("Aard bedrijf", "Aard van het bedrijf", "Bedrijfsprofiel"),
    "werkgever_loonheffingennummer": ("Loonheffingennummer", "LH-nummer"),
    "bedrijfsarts_naam": ("Bedrijfsarts", "Naam bedrijfsarts"),
    "bedrijfsarts_organisatie": ("Arbodienst", "Arbodienst bedrijfsarts"),
    "casemanager_naam": ("Casemanager", "Naam casemanager", "Case manager"),
    "casemanager_functie": ("Functie casemanager",),
    "contactpersoon_naam": ("Contactpersoon", "Naam contactpersoon"),
}


def fold(name: object) -> str:
    """``'1e Ziektedag:'`` → ``'1eziektedag'``: no case, accents, spaces or punctuation."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("", text.lower())


def alias_map(
    table: Mapping[str, tuple[str, ...]], known: Iterable[str] | None = None
) -> dict[str, str]:
    """Folded header → column, for the columns in ``known`` (default: all of the table);
    every known column answers to its own name too."""
    columns = list(known) if known is not None else list(table)
    out: dict[str, str] = {}
    for column in columns:
        out.setdefault(fold(column), column)
    for column in columns:
        for alias in table.get(column, ()):
            out.setdefault(fold(alias), column)
    return out


def accepted_names(table: Mapping[str, tuple[str, ...]], column: str) -> str:
    """``'eerste_ziektedag'`` → ``"'eerste_ziektedag', '1e ziektedag', ..."`` for messages."""
    return ", ".join(f"'{n}'" for n in (column, *table.get(column, ())))


def nearest(name: str, known: Iterable[str]) -> str | None:
    """The known name closest to ``name`` (difflib), or None when nothing is close."""
    options = list(known)
    by_fold = {fold(k): k for k in options}
    found = difflib.get_close_matches(fold(name), list(by_fold), n=1, cutoff=0.75)
    return by_fold[found[0]] if found else None


def unknown_message(name: str, known: Iterable[str], what: str = "kolom") -> str:
    """``"kolom 'visie_werknmer' is onbekend; bedoelt u 'visie_werknemer'?"``."""
    guess = nearest(name, known)
    hint = f"; bedoelt u '{guess}'?" if guess else " en wordt niet gebruikt"
    return f"{what} '{name}' is onbekend{hint}"


def unknown_columns(headers: Iterable[str], known: Iterable[str]) -> list[str]:
    """A Dutch warning per header that is no known column (with the nearest known name)."""
    known_list = list(known)
    wanted = set(known_list)
    return [unknown_message(h, known_list) for h in headers if h not in wanted]
