"""Extracting facts from a classified document: :func:`extract_all` fills the date
(:mod:`.docdate`), signers and authors (:mod:`.signers`), BSN, employee name and eerste
ziektedag (:mod:`.personal`), and here the sections present, medical terms and dated
activity rows.

Every extractor works on plain text lines (:mod:`.lines`; tables arrive as
`` | ``-separated cells) and never raises on odd text.
"""

from __future__ import annotations

from datetime import date

from poortwachter.audit.datafiles import medical_pattern, medical_words, section_patterns
from poortwachter.audit.datefind import find_dates
from poortwachter.audit.docdate import (
    extract_date,
)
from poortwachter.audit.lines import (
    Line,
    doc_lines,
)
from poortwachter.audit.model import Document, FoundValue
from poortwachter.audit.personal import (
    extract_bsn,
    extract_eerste_ziektedag,
    extract_employee_names,
)
from poortwachter.audit.signers import (
    extract_authors,
    extract_signers,
)
from poortwachter.audit.sigtables import signature_blocks
from poortwachter.audit.textnorm import excerpt, normalise
from poortwachter.domain.vocabulary import DocumentKind


def extract_sections(doc: Document) -> dict[str, FoundValue]:
    found: dict[str, FoundValue] = {}
    normalised = [normalise(page) for page in doc.pages]
    for name, spec in section_patterns().items():
        for offset, text in enumerate(normalised):
            if spec.words and not any(word in text for word in spec.words):
                continue
            for pattern in spec.patterns:
                m = pattern.search(text)
                if m:
                    found[name] = FoundValue(
                        m.group(0)[:80], doc.first_page + offset, excerpt(text, m.start(), m.end())
                    )
                    break
            if name in found:
                break
    return found


def extract_medical_terms(doc: Document) -> list[FoundValue]:
    pattern = medical_pattern()
    single, multi = medical_words()
    found: list[FoundValue] = []
    for offset, page in enumerate(doc.pages):
        text = normalise(page)
        if single.isdisjoint(text.split()) and not any(t in text for t in multi):
            continue
        for m in pattern.finditer(text):
            found.append(
                FoundValue(
                    m.group(1), doc.first_page + offset, excerpt(text, m.start(), m.end(), 40)
                )
            )
    return found


def extract_activity_dates(lines: list[Line]) -> list[tuple[date, str]]:
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
    doc.eerste_ziektedag = extract_eerste_ziektedag(lines)
    doc.sections = extract_sections(doc)
    doc.medical_terms = extract_medical_terms(doc)
    if doc.kind is DocumentKind.ACTIVITEITENOVERZICHT:
        doc.activity_dates = extract_activity_dates(lines)
