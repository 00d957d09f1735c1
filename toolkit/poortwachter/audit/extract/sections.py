"""Extracting facts from a classified document: :func:`extract_all` fills the date
(:mod:`.dates`), signers and authors (:mod:`.signers`), BSN, employee name and eerste
ziektedag (:mod:`.personal`), and here the sections present, medical terms and dated
activity rows.

Every extractor works on plain text lines (:mod:`poortwachter.audit.text.lines`; tables
arrive as `` | ``-separated cells) and never raises on odd text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from poortwachter.audit.datafiles import section_patterns
from poortwachter.audit.extract.dates import (
    extract_date,
)
from poortwachter.audit.extract.personal import (
    extract_bsn,
    extract_eerste_ziektedag,
    extract_employee_names,
)
from poortwachter.audit.extract.signers import (
    extract_authors,
    extract_signers,
)
from poortwachter.audit.extract.sigtables import signature_blocks
from poortwachter.audit.model import Document, FoundValue, Signer
from poortwachter.audit.text.datefind import MONTH_ALTERNATION, find_dates
from poortwachter.audit.text.filled import is_empty_value, unticked_line
from poortwachter.audit.text.lines import (
    Line,
    doc_lines,
)
from poortwachter.domain.vocabulary import DocumentKind
from poortwachter.support.medical_terms import medical_pattern, medical_words
from poortwachter.support.normalise import excerpt, normalise


def extract_sections(doc: Document) -> dict[str, FoundValue]:
    """The sections a part holds: a pattern of ``secties.yaml`` that matches, not on a line
    that starts with an unticked box, and for a field section (``invulveld``) with a value
    that is filled in (:mod:`poortwachter.audit.text.filled`)."""
    raw_lines: list[str] = []
    pages: list[int] = []
    for offset, page in enumerate(doc.pages):
        for line in page.split("\n"):
            if normalise(line):
                raw_lines.append(line.strip())
                pages.append(doc.first_page + offset)
    norm_lines = [normalise(line) for line in raw_lines]
    starts: list[int] = []
    position = 0
    for norm in norm_lines:
        starts.append(position)
        position += len(norm) + 1
    text = " ".join(norm_lines)
    found: dict[str, FoundValue] = {}
    for name, spec in section_patterns().items():
        if spec.words and not any(word in text for word in spec.words):
            continue
        for pattern in spec.patterns:
            for m in pattern.finditer(text):
                first = bisect_right(starts, m.start()) - 1
                if unticked_line(raw_lines[first]):
                    continue
                last = bisect_right(starts, max(m.end() - 1, m.start())) - 1
                if spec.field and not _has_value(
                    norm_lines, raw_lines, last, m.end() - starts[last]
                ):
                    continue
                found[name] = FoundValue(
                    m.group(0)[:80], pages[first], excerpt(text, m.start(), m.end())
                )
                break
            if name in found:
                break
    return found


_NEXT_LABEL = re.compile(r"^[^:|]{1,40}:")
#: a date or a number alone (normalised text): "15 september 2027", "20 09 2027", "8"
_BARE = re.compile(rf"^\d[\d ]*(?:(?:{MONTH_ALTERNATION})(?: \d+)*)?$")
#: the next entry of a numbered list: "9. Oordeel werknemer"
_LIST_ITEM = re.compile(r"^\d{1,2}[.)]\s+\D")


def _has_value(norm_lines: list[str], raw_lines: list[str], index: int, end: int) -> bool:
    """Is the label ending at ``end`` on line ``index`` followed by a filled-in value, on
    the same line or (for a heading or a lone label) the next one? A date or number alone
    is no value: "Eindevaluatie 15 september 2027" in the list of enclosed parts of a RIV
    form says when the part was made, it is not the part."""
    rest = norm_lines[index][end:].strip(" |")
    if rest:
        return not (is_empty_value(rest) or _BARE.match(rest))
    if index + 1 >= len(raw_lines):
        return False
    following = raw_lines[index + 1]
    if is_empty_value(following) or unticked_line(following):
        return False
    if _BARE.match(norm_lines[index + 1]) or _LIST_ITEM.match(following):
        return False
    # the next label or table row right after the label: nothing was filled in
    return not (_NEXT_LABEL.match(following) or " | " in following)


def extract_medical_terms(doc: Document) -> list[FoundValue]:
    """Medical terms (``medische_termen.txt``) in the text of ``doc``, each with its page;
    the excerpt is the term alone, so no medical context reaches the report."""
    pattern = medical_pattern()
    single, multi = medical_words()
    found: list[FoundValue] = []
    for offset, page in enumerate(doc.pages):
        text = normalise(page)
        if single.isdisjoint(text.split()) and not any(t in text for t in multi):
            continue
        for m in pattern.finditer(text):
            found.append(
                # the term alone is the evidence: no medical context in the report
                FoundValue(
                    m.group(1), doc.first_page + offset, excerpt(text, m.start(), m.end(), 0)
                )
            )
    return found


def extract_activity_dates(lines: list[Line]) -> list[tuple[date, str]]:
    """The activity log's rows: for each line with a date, its first date and the line
    (at most 200 characters)."""
    rows: list[tuple[date, str]] = []
    for line in lines:
        hits = find_dates(line.text)
        if hits:
            rows.append((hits[0].value, line.text[:200]))
    return rows


def extract_all(doc: Document) -> None:
    """Fill every extracted field of a readable, classified document."""
    if not doc.readable:
        return
    lines = doc_lines(doc)
    extract_date(doc, lines)
    blocks = signature_blocks(lines)
    doc.signers = extract_signers(lines, blocks)
    doc.authors = extract_authors(lines)
    doc.bsn = extract_bsn(lines)
    doc.names = extract_employee_names(lines, {i for block in blocks for i in block.lines})
    if doc.kind is DocumentKind.OORDEEL_WERKNEMER and not (doc.signers or doc.authors):
        # the employee writes their own oordeel: the name at its top is its author's
        doc.authors = [
            Signer(name=v.value, function="werknemer", role="werknemer") for v in doc.names[:1]
        ]
    doc.eerste_ziektedag = extract_eerste_ziektedag(lines)
    doc.sections = extract_sections(doc)
    doc.medical_terms = extract_medical_terms(doc)
    if doc.kind is DocumentKind.ACTIVITEITENOVERZICHT:
        doc.activity_dates = extract_activity_dates(lines)
