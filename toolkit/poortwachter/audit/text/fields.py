"""Labels, values, roles and names: reading ``Naam: X``, table rows and role words."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from poortwachter.support.normalise import normalise

ROLE_WORDS: dict[str, str] = {
    "werkgever": "werkgever",
    "namens werkgever": "werkgever",
    "namens de werkgever": "werkgever",
    "leidinggevende": "werkgever",
    "direct leidinggevende": "werkgever",
    "hr adviseur": "werkgever",
    "hr manager": "werkgever",
    "p&o adviseur": "werkgever",
    "directeur": "werkgever",
    "werknemer": "werknemer",
    "medewerker": "werknemer",
    "namens werknemer": "werknemer",
    "de werknemer": "werknemer",
    "bedrijfsarts": "bedrijfsarts",
    "casemanager": "casemanager",
    "case manager": "casemanager",
    "arbeidsdeskundige": "arbeidsdeskundige",
    "re integratieadviseur": "re-integratieadviseur",
    "re integratiebedrijf": "re-integratieadviseur",
    "re integratiebureau": "re-integratieadviseur",
    "re integratiecoach": "re-integratieadviseur",
    "loopbaanadviseur": "re-integratieadviseur",
    "jobcoach": "re-integratieadviseur",
    "verzekeringsarts": "verzekeringsarts",
    "arbeidsdeskundige uwv": "arbeidsdeskundige",
}
_EMPLOYER_FUNCTIONS = re.compile(
    r"\b(hr|p ?& ?o|personeelszaken|manager|directeur|directie|eigenaar|leidinggevende|"
    r"teamleider|afdelingshoofd|werkgever|casemanager|verzuimcoordinator|bedrijfsleider)"
)
_SIGN_WORDS = re.compile(
    r"(handtekening|ondertekening|ondertekend|getekend|voor akkoord|akkoord werk|"
    r"paraaf|digitaal akkoord|signature|voor gezien)"
)
_SIGN_RAW = re.compile(r"\b(getekend|ondertekend|handtekening|akkoord|paraaf)\b", re.IGNORECASE)
_TITLE_PREFIX = re.compile(
    r"^(dhr|mevr|mw|mr|drs|dr|ir|ing|de heer|mevrouw|heer|prof|bc)\.?\s+", re.IGNORECASE
)
_NAME_OK = re.compile(r"^[A-ZÀ-Ýa-zß-ÿ][\w'’.\- ]*$")
_DIGITAL = re.compile(
    r"(?:digitaal |elektronisch )?(?:ondertekend|getekend|akkoord gegeven|geaccordeerd)\s+door\s+"
    r"([A-ZÀ-Ý][\w'’.\- ]{1,60}?)(?:\s*\(([^)]{2,60})\))?(?:\s*,\s*([a-zA-Z][\w\- ]{2,40}))?"
    r"(?=\s+op\b|\s+d\.?d\.?|\s*[,;|]|\s*$)"
)
_NON_NAMES = {
    "handtekening", "getekend", "ondertekend", "datum", "naam", "functie", "ja", "nee", "n.v.t.",
    "nvt", "akkoord", "voor akkoord", "plaats", "werkgever", "werknemer", "bedrijfsarts",
    "n v t", "onbekend", "x", "-", "paraaf",
}  # fmt: skip


_COMPANY = re.compile(
    r"\b(b ?v|n ?v|v ?o ?f|holding|stichting|gemeente|bedrijf|groep|group|arbodienst|"
    r"arbo|uwv|zorg|diensten|services)\b"
)


def clean_name(value: str) -> str | None:
    """A person's name from a cell or label value, or None when it does not look like one."""
    value = value.strip().strip(",;:|").strip()
    value = re.sub(r"\s*\(.*?\)\s*", " ", value).strip()
    if not value or len(value) > 60 or any(ch.isdigit() for ch in value):
        return None
    norm = normalise(value)
    if norm in _NON_NAMES or _SIGN_WORDS.search(norm) or _COMPANY.search(norm):
        return None
    if not _NAME_OK.match(value):
        return None
    words = value.split()
    if not 1 <= len(words) <= 7:
        return None
    capitals = sum(1 for w in words if w[:1].isupper())
    if (
        capitals == 0
        or capitals * 2 < len(words)
        or (value.endswith((".", "?", "!")) and len(words) > 3)
    ):
        return None
    return value


_TUSSEN = {"van", "de", "der", "den", "ter", "ten", "te", "'t", "het", "in", "op", "la", "le",
           "da", "di", "du", "von", "el", "vd", "v."}  # fmt: skip
_INITIALS = re.compile(r"^([A-Z]\.)+([A-Z])?\.?$")


def leading_name(value: str) -> tuple[str | None, str]:
    """Split ``'Piet de Vries HR-manager 28-12-2026'`` into the name and the rest: first
    name or initials, tussenvoegsels, then the surname."""
    value = _TITLE_PREFIX.sub("", value.strip())
    tokens = value.split()
    taken: list[str] = []
    for tok in tokens:
        bare = tok.strip(",;")
        if any(ch.isdigit() for ch in bare) or not bare:
            break
        if not taken:
            if not bare[0].isupper():
                return None, value
            taken.append(bare)
            continue
        if bare.lower() in _TUSSEN:
            taken.append(bare)
            continue
        if _INITIALS.match(bare) and all(_INITIALS.match(t) for t in taken):
            taken.append(bare)
            continue
        if bare[0].isupper():
            taken.append(bare)
            break
        break
    if len(taken) < 2 or not taken[-1][0].isupper() or taken[-1].lower() in _TUSSEN:
        return None, value
    name = " ".join(taken)
    rest = value[value.find(taken[-1]) + len(taken[-1]) :].strip(" ,;")
    return clean_name(name), rest


def name_key(name: str) -> str:
    """Surname key to compare names written differently (J. Jansen ~ Jan Jansen)."""
    plain = _TITLE_PREFIX.sub("", name.strip())
    norm = normalise(plain)
    words = [w for w in norm.split() if len(w) > 1 or not w.isalpha()]
    return words[-1] if words else norm


_SPACE_LABEL = re.compile(
    r"^(naam (van )?(de )?(werknemer|medewerker|werkgever|bedrijfsarts|casemanager|"
    r"arbeidsdeskundige|leidinggevende|client)|naam|functie|datum( [a-z]+)?|bsn|"
    r"burgerservicenummer|werkgever|werknemer|medewerker|bedrijfsarts|casemanager|"
    r"arbeidsdeskundige|leidinggevende|eerste ziektedag|opgesteld door|ondertekend door|"
    r"auteur)\s+(?=\S)",
    re.IGNORECASE,
)
_STRICT_LABELS = {"naam", "functie", "datum", "handtekening", "bsn"}


def pairs_of(text: str) -> list[tuple[str | None, str]]:
    """(label, value) pairs of a line: ``Naam: X``, table rows ``Naam | X | Functie | Y``
    and, as PDF tables often arrive, ``Naam werknemer Jan Jansen``."""
    return list(_pairs_of(text))


@lru_cache(maxsize=32768)
def _pairs_of(text: str) -> tuple[tuple[str | None, str], ...]:
    cells = [c.strip() for c in text.split(" | ")] if " | " in text else [text.strip()]
    out: list[tuple[str | None, str]] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        if ":" in cell and not re.match(r"^\d{1,2}:\d{2}", cell):
            label, value = cell.split(":", 1)
            if len(label) <= 60:
                if value.strip():
                    out.append((label.strip(), value.strip()))
                    i += 1
                    continue
                if i + 1 < len(cells):
                    out.append((label.strip(), cells[i + 1]))
                    i += 2
                    continue
                out.append((label.strip(), ""))
                i += 1
                continue
        if len(cells) > 1 and i + 1 < len(cells) and _is_label(cell):
            following = normalise(cells[i + 1])
            if following not in _STRICT_LABELS:
                out.append((cell, cells[i + 1]))
                i += 2
                continue
        if len(cells) == 1:
            m = _SPACE_LABEL.match(cell)
            if m:
                label = m.group(1)
                # "Datum evaluatie 28-12-2026", "Naam werknemer Jan Jansen"
                out.append((label, cell[m.end() :].strip()))
                i += 1
                continue
        out.append((None, cell))
        i += 1
    return tuple(out)


_LABEL_WORDS = re.compile(
    r"^(naam|functie|datum|handtekening|bsn|burgerservicenummer|rol|organisatie|"
    r"werkgever|werknemer|medewerker|bedrijfsarts|casemanager|arbeidsdeskundige|"
    r"leidinggevende|eerste ziektedag|geboortedatum|ondertekend door|opgesteld door|"
    r"auteur|plaats)\b"
)


def _is_label(cell: str) -> bool:
    norm = normalise(cell)
    return bool(norm) and len(norm) <= 40 and bool(_LABEL_WORDS.match(norm))


_ROLE_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(ROLE_WORDS, key=len, reverse=True)) + r")\b"
)


@lru_cache(maxsize=16384)
def role_in(label: str) -> str | None:
    """The role a label names: 'Naam werkgever' → 'werkgever' (the longest role word)."""
    norm = normalise(label)
    best: str | None = None
    for m in _ROLE_PATTERN.finditer(norm):
        if best is None or len(m.group(1)) > len(best):
            best = m.group(1)
    return ROLE_WORDS[best] if best else None


_SEGMENT_LABEL = re.compile(
    r"(?:(?<=\s)|^)(naam|functie|datum|handtekening|paraaf|plaats)\b[\w ]{0,25}?:", re.IGNORECASE
)


def label_segments(text: str) -> list[str]:
    """``Naam: P. de Vries Naam: J. Jansen`` (two columns typed with tabs) → one segment per
    label; a line with fewer than two labels stays whole."""
    starts = [m.start() for m in _SEGMENT_LABEL.finditer(text)]
    if len(starts) < 2:
        return [text]
    cuts = [*starts, len(text)]
    head = text[: starts[0]].strip()
    segments = [text[a:b].strip() for a, b in pairwise(cuts)]
    return [head, *segments] if head else segments


def party_words(text: str) -> list[str] | None:
    """``Werkgever Werknemer`` (a two-column heading typed with tabs) → the roles in order."""
    words = normalise(text).split()
    if not 2 <= len(words) <= 4:
        return None
    roles = [role_in(w) for w in words]
    if all(roles) and len(set(roles)) == len(roles):
        return [r for r in roles if r]
    return None
