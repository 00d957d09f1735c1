"""Text lines of a document with their page, and the clean-ups PDF text needs:
labels on their own line joined to their value, dates wrapped over two lines joined."""

from __future__ import annotations

import re
from dataclasses import dataclass

from poortwachter.audit.model import Document
from poortwachter.audit.text.datefind import MONTH_ALTERNATION
from poortwachter.support.normalise import normalise


@dataclass(frozen=True, slots=True)
class Line:
    """A line of text with the page of the file it stands on (1-based)."""

    page: int  # page number in the file (1-based)
    text: str


_LONE_LABEL = re.compile(
    r"^(naam|functie|datum|bsn|burgerservicenummer|eerste ziektedag|eerste verzuimdag|"
    r"naam (van de )?(werknemer|medewerker|werkgever|bedrijfsarts|casemanager|leidinggevende|"
    r"arbeidsdeskundige)|functie (werknemer|werkgever|medewerker)|casemanager|"
    r"datum (ondertekening|evaluatie|gesprek|rapport|rapportage|verslag|opgesteld|advies))$"
)


def _merge_lone_labels(lines: list[Line]) -> list[Line]:
    """``Naam`` on one line and ``P. de Vries`` on the next (as PDF tables often arrive)
    become ``Naam: P. de Vries``."""
    out: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        label = line.text.rstrip(": ").strip()
        if (
            index + 1 < len(lines)
            and _LONE_LABEL.match(normalise(label))
            and not _LONE_LABEL.match(normalise(lines[index + 1].text.rstrip(": ")))
            and len(lines[index + 1].text) <= 80
            and ":" not in lines[index + 1].text
        ):
            out.append(Line(line.page, f"{label}: {lines[index + 1].text}"))
            skip = True
            continue
        out.append(line)
    return out


_DAY_MONTH_END = re.compile(
    r"\b\d{1,2}(e|ste|de)?[\s\-.]+(" + MONTH_ALTERNATION + r")\.?$", re.IGNORECASE
)
_YEAR_START = re.compile(r"^'?\d{4}\b")
_DAY_END = re.compile(r"(?<![\d.,/-])\d{1,2}$")
_MONTH_START = re.compile(r"^(" + MONTH_ALTERNATION + r")\.?(\s+'?\d{4}\b|$)", re.IGNORECASE)


def _join_split_dates(lines: list[Line]) -> list[Line]:
    """``... 20 februari`` + ``2026 ...`` or ``... 27`` + ``september 2027`` (a table cell
    wrapped in a PDF) → one line."""
    out: list[Line] = []
    for line in lines:
        if out and (
            (_YEAR_START.match(line.text) and _DAY_MONTH_END.search(out[-1].text))
            or (_MONTH_START.match(line.text) and _DAY_END.search(out[-1].text))
        ):
            out[-1] = Line(out[-1].page, f"{out[-1].text} {line.text}")
            continue
        out.append(line)
    return out


def doc_lines(doc: Document) -> list[Line]:
    """The non-empty lines of ``doc`` with their page numbers, with dates wrapped over two
    lines joined and lone labels joined to the value on the next line."""
    out: list[Line] = []
    for offset, page in enumerate(doc.pages):
        for raw in page.split("\n"):
            raw = raw.strip()
            if raw:
                out.append(Line(doc.first_page + offset, raw))
    return _merge_lone_labels(_join_split_dates(out))
