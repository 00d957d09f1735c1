"""Parts that start anywhere in a file: under a heading in the middle of a page of a merged
PDF, under a heading in one Word file that holds the whole RIV, and repeated parts of the
same kind ("Evaluatie 1", "Evaluatie 2").

A line starts a new part when it is a title on its own (a strong title match that is not
a ``label: value`` line, a list item with a check box or the end of a sentence), the lines
just below it carry the part's own data (a date, a name or BSN), and it names another part
than the one it is in, or the same kind again with another number or date.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from poortwachter.audit.classify.classifier import (
    SPLIT_SCORE,
    Classification,
    heading_of,
    is_continuation,
    line_title,
    looks_like_log,
)
from poortwachter.audit.model import Document
from poortwachter.audit.text.datefind import find_dates
from poortwachter.audit.text.fields import _SIGN_WORDS
from poortwachter.support.normalise import lines_of, normalise

#: a new part's own data must follow its heading within this many lines
_DATA_WITHIN = 6
#: "5. Visie van de werknemer", "3.2 Oordeel": a numbered section of a form, not a part
_SECTION_NUMBER = re.compile(r"^\s*\d+(\.\d+)*[.)]?\s+\D")
_PART_DATA = re.compile(
    r"(?i)^(naam|datum|bsn|burgerservicenummer|werknemer|medewerker|eerste (ziekte|verzuim)dag)"
    r"\b[^|:]{0,30}[:|]"
)
_NUMBER = re.compile(r"\b\d{1,2}\b")


def _own_data(lines: list[str]) -> str | None:
    """The first date below a heading, '' when there is only personal data, None when the
    lines below carry neither (a section heading inside a part)."""
    has_data = False
    for text in lines[:_DATA_WITHIN]:
        if _SIGN_WORDS.search(normalise(text)) or _SECTION_NUMBER.match(text):
            break  # a signature block or the next section: not the part's own data
        found = find_dates(text)
        if found:
            return found[0].value.isoformat()
        if _PART_DATA.match(text):
            has_data = True
    return "" if has_data else None


def _starts_part(
    heading: Classification, current: Classification | None, own: str, current_date: str
) -> bool:
    if current is None or heading.kind is not current.kind:
        return True
    # the same kind again: a repeated part with its own number or date
    numbers = _NUMBER.findall(normalise(heading.line))
    if numbers and numbers != _NUMBER.findall(normalise(current.line)):
        return True
    return bool(own and current_date and own != current_date)


def heading_cuts(pages: list[str]) -> list[tuple[int, int]]:
    """(page index, line index in ``page.split('\\n')``) where a new part starts, after the
    first one."""
    flat: list[tuple[int, int, str]] = [
        (p, i, text.strip())
        for p, page in enumerate(pages)
        for i, text in enumerate(page.split("\n"))
        if text.strip()
    ]
    texts = [t for _, _, t in flat]
    first = heading_of(texts[:14])
    current = first if first is not None and first.score >= SPLIT_SCORE else None
    current_date = _own_data(texts[(first.line_index + 1) if first else 0 :]) or ""
    start = (first.line_index + 1) if current is not None and first is not None else 0
    cuts: list[tuple[int, int]] = []
    for n in range(max(start, 1), len(flat)):
        page, index, text = flat[n]
        previous = texts[n - 1]
        if _SECTION_NUMBER.match(text) or _SECTION_NUMBER.match(previous):
            continue  # a (sub)section of a numbered form
        heading = line_title(text, previous)
        if heading is None or heading.score < SPLIT_SCORE:
            continue
        following = texts[n + 1] if n + 1 < len(texts) else ""
        if line_title(previous) is not None or line_title(following, text) is not None:
            continue  # a list of parts (enclosures, contents), not a heading
        if is_continuation(text):
            continue
        own = _own_data(texts[n + 1 :])
        if own is None:
            continue
        if _starts_part(heading, current, own, current_date):
            cuts.append((page, index))
            current, current_date = heading, own
    return cuts


def split_at_headings(doc: Document) -> list[Document]:
    """The parts of ``doc`` that start under a heading anywhere on a page; ``doc`` itself
    when it holds one part. Parts keep their page range (a page shared by two parts counts
    for both) and, for DOCX, their range of text lines (``paragraph_range``)."""
    if not doc.readable or doc.file_type not in ("pdf", "docx") or looks_like_log(doc.text):
        return [doc]
    cuts = heading_cuts(doc.pages)
    if not cuts:
        return [doc]
    bounds = [(0, 0), *cuts, (len(doc.pages) - 1, len(doc.pages[-1].split("\n")))]
    line_offset = doc.first_line or 1
    parts: list[Document] = []
    for (p1, i1), (p2, i2) in itertools.pairwise(bounds):
        pages: list[str] = []
        for p in range(p1, p2 + 1):
            rows = doc.pages[p].split("\n")
            lo = i1 if p == p1 else 0
            hi = i2 if p == p2 else len(rows)
            if p == p2 and (p2, i2) != bounds[-1] and hi == 0:
                continue  # the next part starts at the top of this page
            pages.append("\n".join(rows[lo:hi]).strip())
        text_lines = sum(len(lines_of(page)) for page in pages)
        part = replace(
            doc,
            pages=pages,
            page_count=len(pages),
            first_page=doc.first_page + p1,
            is_part=True,
            first_line=line_offset,
            line_count=text_lines,
            scanned_pages=[],
            ocr_pages=[i - p1 for i in doc.ocr_pages if p1 <= i <= p2],
            reason=None,
        )
        line_offset += text_lines
        parts.append(part)
    return [p for p in parts if p.text.strip()]
