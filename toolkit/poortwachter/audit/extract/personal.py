"""Personal data in a part: BSN (11-test), the employee's name, the eerste ziektedag."""

from __future__ import annotations

import re
from collections.abc import Collection

from poortwachter.audit.model import FoundValue
from poortwachter.audit.text.datefind import find_dates
from poortwachter.audit.text.fields import (
    _TITLE_PREFIX,
    clean_name,
    leading_name,
    pairs_of,
)
from poortwachter.audit.text.lines import (
    Line,
)
from poortwachter.schemas.fields import to_bsn
from poortwachter.support.normalise import normalise

_BSN_LABEL = re.compile(
    r"(bsn|burgerservicenummer|burger service nummer|sofi ?nummer|sofinummer)", re.I
)
_BSN_DIGITS = re.compile(r"(?<!\d)(\d[\d .\-]{7,12}\d)(?!\d)")
_EMPLOYEE_LABEL = re.compile(
    r"^(naam( van( de)?)? (werknemer|medewerker|client|betrokkene)|(werknemer|medewerker)( naam)?|"
    r"client|betreft|naam werknemer|naam medewerker|medewerker naam|werknemer naam)$"
)
_EZD_LABEL = re.compile(
    r"(\bezd\b|\b1e zd\b|eerste (ziekte|verzuim)dag|1e (ziekte|verzuim)dag|"
    r"eerste dag (van )?(ziekte|verzuim|arbeidsongeschiktheid)|"
    r"eerste arbeidsongeschiktheidsdag|(ziek|arbeidsongeschikt|"
    r"verzuim|uitgevallen) (sinds|vanaf|per|op)|datum (eerste )?(ziekte|ziekmelding|"
    r"arbeidsongeschiktheid|uitval|verzuim)|ziektedatum|aanvang (verzuim|arbeidsongeschiktheid|"
    r"ziekte)|ziekmeldingsdatum|datum ziek|ziek ?gemeld (op|per|sinds)|uitval (op|per|sinds)|"
    r"afwezig (wegens ziekte )?sinds)"
)


def extract_bsn(lines: list[Line]) -> list[FoundValue]:
    """The BSNs after a BSN label (BSN, burgerservicenummer, sofinummer), on the same line or
    the next; a number that fails the 11-test is kept as ``ongeldig:DIGITS``."""
    found: list[FoundValue] = []
    for index, line in enumerate(lines):
        lowered = line.text.lower()
        if "bsn" not in lowered and "burger" not in lowered and "sofi" not in lowered:
            continue
        m = _BSN_LABEL.search(line.text)
        if not m:
            continue
        candidates = [line.text[m.end() :]]
        if index + 1 < len(lines):
            candidates.append(lines[index + 1].text)
        for text in candidates:
            digits = _BSN_DIGITS.search(text)
            if not digits:
                continue
            try:
                bsn = to_bsn(digits[1])
            except ValueError:
                found.append(FoundValue("ongeldig:" + re.sub(r"\D", "", digits[1]), line.page, ""))
                break
            found.append(FoundValue(bsn, line.page, ""))
            break
    return found


_PLAIN_NAME_LABEL = re.compile(
    r"^(naam|achternaam|naam en voorletters|volledige naam|naam voluit)$"
)
_BLOCK_HEADING = re.compile(
    r"(werknemer|medewerker|werkgever|bedrijfsarts|arbodienst|casemanager|arbeidsdeskundige|"
    r"ondertekening|handtekening|contactpersoon|leidinggevende|organisatie|bedrijf)"
)


def extract_employee_names(
    lines: list[Line], skip: Collection[int] = frozenset()
) -> list[FoundValue]:
    """The employee's name: labelled as such, or a plain ``Naam`` in a werknemer block.
    Lines in ``skip`` (signature tables, whose names are the signers') are passed over."""
    found: list[FoundValue] = []
    block: str | None = None
    block_age = 0
    for index, line in enumerate(lines):
        if index in skip:
            continue
        norm = normalise(line.text)
        block_age += 1
        pairs = pairs_of(line.text)
        if (
            len(norm) <= 40
            and ":" not in line.text
            and " | " not in line.text
            and all(label is None for label, _ in pairs)
        ):
            m = _BLOCK_HEADING.search(norm)
            if m:
                block = "werknemer" if m.group(1) in ("werknemer", "medewerker") else "ander"
                block_age = 0
                continue
        for label, value in pairs:
            if label is None:
                continue
            lnorm = normalise(label)
            plain = _PLAIN_NAME_LABEL.match(lnorm) and block == "werknemer" and block_age <= 8
            if not (_EMPLOYEE_LABEL.match(lnorm) or plain):
                continue
            if not value and index + 1 < len(lines):
                value = lines[index + 1].text
            cell = _TITLE_PREFIX.sub("", value.split(" | ")[0]).split(",")[0]
            explicit = ":" in line.text or " | " in line.text
            name = clean_name(cell) if explicit else (leading_name(cell)[0] or clean_name(cell))
            if name:
                found.append(FoundValue(name, line.page, line.text[:120]))
    return found


_RENEWED = re.compile(r"\b(opnieuw|weer|wederom|nogmaals)\s*$")


def extract_eerste_ziektedag(lines: list[Line]) -> list[FoundValue]:
    """The eerste ziektedag after one of its labels ("eerste ziektedag", "ziek sinds",
    "datum ziekmelding", ...), on the same line or the next, as ISO dates with the line as
    excerpt; "opnieuw ziek gemeld op" is renewed sickness and does not count."""
    found: list[FoundValue] = []
    for index, line in enumerate(lines):
        norm_line = line.text
        norm = normalise(norm_line)
        for m in _EZD_LABEL.finditer(norm):
            if _RENEWED.search(norm[max(0, m.start() - 14) : m.start()]):
                continue  # "opnieuw ziek gemeld op": renewed sickness, not day 1
            hits = find_dates(norm_line)
            if not hits and index + 1 < len(lines):
                hits = find_dates(lines[index + 1].text)[:1]
            if hits:
                # the date right after the label: the first one on the line after the label
                label_pos = _label_position(norm_line)
                after = [h for h in hits if h.start >= label_pos] or hits
                found.append(FoundValue(after[0].value.isoformat(), line.page, line.text[:120]))
            break
    return found


def _label_position(text: str) -> int:
    lowered = text.lower()
    for word in ("ziektedag", "verzuimdag", "sinds", "vanaf", "ziekmelding", "ziek", "aanvang"):
        pos = lowered.find(word)
        if pos >= 0:
            return pos
    return 0
