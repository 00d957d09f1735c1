"""Signature tables with one column per party in PDF text: each value under its party.

pdfium's page text gives a table row as one line with its values in order, so a row with
an empty cell (``Naam | P. de Vries | (leeg) | K. Visser``) arrives as ``Naam P. de Vries
K. Visser``, and read from left to right the wrong party would be unsigned. On a page
with a header row of parties (``Werkgever  Werknemer  Casemanager``) this module reads the
text segments with their x-positions (pdfium's text rectangles) and rewrites the rows of
that table the way the DOCX reader gives table rows: cells separated by `` | ``, an empty
cell as ``_``. A segment belongs to the party whose header it lies under; a row label
(``Naam``, ``Datum``, ``Handtekening``) lies left of the first party. Every other line of
the page stays as pdfium gave it, and a table whose rows cannot be matched to the page
text is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from poortwachter.audit.text.fields import ROLE_WORDS
from poortwachter.support.normalise import normalise

EMPTY_CELL = "_"
#: text rectangles a page may have before this is skipped (a hostile or huge page)
MAX_SEGMENTS = 4000
#: rows under a header that can belong to its table
MAX_TABLE_ROWS = 12

_ROLE_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(w) for w in sorted(ROLE_WORDS, key=len, reverse=True)) + r")\b"
)
_HEADER_NOISE = re.compile(r"^(de|namens|voor akkoord|paraaf|handtekening|ondertekening)\b\s*")
#: words a header row of parties may have besides the parties
_HEADER_WORDS = {"de", "namens", "voor", "akkoord", "paraaf", "handtekening", "ondertekening"}
_ROW_LABEL = re.compile(
    r"^(naam|functie|datum|handtekening|paraaf|plaats|organisatie|bedrijf|getekend|"
    r"ondertekend|akkoord|voor akkoord)\b"
)


@dataclass(slots=True)
class Segment:
    """A run of text on one line with its box (PDF points, y upwards). Its text is read
    from pdfium when first asked for: most lines of a page are never looked at."""

    left: float
    bottom: float
    right: float
    top: float
    source: Any = field(default=None, repr=False, compare=False)
    known: str | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The text in the box, whitespace runs as one space (read from pdfium on first use)."""
        if self.known is None:
            raw = ""
            if self.source is not None:
                raw = self.source.get_text_bounded(self.left, self.bottom, self.right, self.top)
            self.known = " ".join(str(raw).replace("\ufffe", "-").split())
        return self.known

    @property
    def middle(self) -> float:
        """The height of the box's middle."""
        return (self.bottom + self.top) / 2


def _roles(line: str) -> set[str]:
    return {ROLE_WORDS[m] for m in _ROLE_PATTERN.findall(normalise(line))}


def _may_be_header(line: str) -> bool:
    """Does the line hold only parties, two or more (a possible header row)? A look at
    the text, so the positions are only read on pages that need them."""
    if len(line) > 100 or line.count(" ") > 10 or ":" in line:
        return False
    norm = normalise(line)
    if len(_roles(norm)) < 2:
        return False
    rest = _ROLE_PATTERN.sub(" ", norm).split()
    return sum(word not in _HEADER_WORDS for word in rest) <= 1


def segments(textpage: Any) -> list[Segment]:
    """The page's text rectangles; empty for a page with too many."""
    count = int(textpage.count_rects())
    if count > MAX_SEGMENTS:
        return []
    found: list[Segment] = []
    for index in range(count):
        left, bottom, right, top = textpage.get_rect(index)
        found.append(Segment(left, bottom, right, top, source=textpage))
    return found


def rows_of(found: list[Segment]) -> list[list[Segment]]:
    """Segments grouped into lines (top to bottom), each line left to right."""
    rows: list[list[Segment]] = []
    for seg in sorted(found, key=lambda s: -s.top):
        row = rows[-1] if rows else None
        if row is not None and min(s.bottom for s in row) <= seg.middle <= max(s.top for s in row):
            row.append(seg)
        else:
            rows.append([seg])
    return [sorted(row, key=lambda s: s.left) for row in rows]


def _party(text: str) -> str | None:
    """The one party a header cell names ('Werkgever', 'Namens de werknemer')."""
    norm = normalise(text)
    roles = _roles(norm)
    if len(roles) != 1 or len(norm.split()) > 4 or ":" in text:
        return None
    bare = _HEADER_NOISE.sub("", _HEADER_NOISE.sub("", norm))
    return next(iter(roles)) if bare and _ROLE_PATTERN.fullmatch(bare.strip()) else None


def header_columns(row: list[Segment]) -> list[Segment] | None:
    """The party cells of a header row (two or more different parties), without a
    heading of the label column ('Ondertekening', 'Partij') left of them."""
    cells = [seg for seg in row if seg.text]
    first = normalise(cells[0].text) if cells else ""
    if first and _party(first) is None and len(first.split()) <= 3 and not _ROW_LABEL.match(first):
        cells = cells[1:]
    roles = [_party(seg.text) for seg in cells]
    if len(cells) >= 2 and all(roles) and len(set(roles)) == len(roles):
        return cells
    return None


def _overlap(seg: Segment, head: Segment) -> float:
    return min(seg.right, head.right) - max(seg.left, head.left)


def _column(seg: Segment, heads: list[Segment]) -> int | None:
    """The party column ``seg`` lies under, -1 for the label column left of the first
    party, None for a segment that spans two columns (no table row)."""
    overlaps = [_overlap(seg, head) for head in heads]
    touched = [i for i, o in enumerate(overlaps) if o > 0]
    if len(touched) > 1:
        return None
    if touched:
        return touched[0]
    if seg.right <= heads[0].left:
        return -1
    if seg.left >= heads[-1].right + (heads[-1].right - heads[-1].left):
        return None  # text far right of the table
    middle = (seg.left + seg.right) / 2
    return min(range(len(heads)), key=lambda i: abs(middle - (heads[i].left + heads[i].right) / 2))


def _cells(row: list[Segment], heads: list[Segment]) -> list[str] | None:
    """[label, value per party] of a table row, or None when the row is not one."""
    cells = [""] * (len(heads) + 1)
    for seg in row:
        if not seg.text:
            continue
        column = _column(seg, heads)
        if column is None:
            return None
        cells[column + 1] = f"{cells[column + 1]} {seg.text}".strip()
    if not any(cells[1:]) and not _ROW_LABEL.match(normalise(cells[0])):
        return None  # only text left of the table: not a row of it
    return cells


def _table(rows: list[list[Segment]], start: int) -> list[tuple[int, list[str]]]:
    """The rows under the header ``rows[start]``: (row index, cells)."""
    heads = header_columns(rows[start]) if len(rows[start]) >= 2 else None
    if heads is None:
        return []
    height = max(s.top - s.bottom for s in rows[start])
    table: list[tuple[int, list[str]]] = []
    above = rows[start]
    for index in range(start + 1, min(len(rows), start + 1 + MAX_TABLE_ROWS)):
        row = rows[index]
        gap = min(s.bottom for s in above) - max(s.top for s in row)
        if gap > 3 * height or (len(row) >= 2 and header_columns(row) is not None):
            break
        cells = _cells(row, heads)
        if cells is None:
            break
        table.append((index, cells))
        above = row
    return table


def _line_key(text: str) -> str:
    return " ".join(text.split())


def _replace(lines: list[str], keys: list[str], cursor: int, row: list[Segment], new: str) -> int:
    """Put ``new`` in place of the page line that holds ``row``; the line after it, or
    -1 when no line from ``cursor`` on holds it."""
    key = _line_key(" ".join(seg.text for seg in row))
    for index in range(cursor, len(lines)):
        if keys[index] == key:
            lines[index] = new
            return index + 1
    return -1


def compact(text: str) -> str:
    """``text`` without any whitespace: how lines are compared across readers, which
    put spaces differently."""
    return "".join(text.split())


def _row_text(row: list[Segment]) -> str:
    """The text of a whole row in one call to pdfium."""
    source = row[0].source
    if source is None:
        return " ".join(seg.text for seg in row)
    left, right = min(s.left for s in row), max(s.right for s in row)
    bottom, top = min(s.bottom for s in row), max(s.top for s in row)
    return str(source.get_text_bounded(left, bottom, right, top)).replace("\ufffe", "-")


def party_tables(textpage: Any, text: str) -> str:
    """``text`` (pdfium's text of the page) with the rows of its party-column signature
    tables as cells: ``_ | Werkgever | Werknemer``, ``Naam | P. de Vries | _``."""
    return party_tables_in(text, lambda: segments(textpage))


def party_tables_in(text: str, read_segments: Callable[[], list[Segment]]) -> str:
    """:func:`party_tables` with the page's text boxes from ``read_segments`` (pdfium's or
    pypdf's), called only when a line of ``text`` may be a header row of parties."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headers = {compact(line) for line in lines if _may_be_header(line)}
    if not headers:
        return text
    rows = rows_of(read_segments())
    keys = [_line_key(line) for line in lines]
    cursor = 0
    for start, row in enumerate(rows):
        if len(row) < 2 or compact(_row_text(row)) not in headers:
            continue
        table = _table(rows, start)
        if not table:
            continue
        labelled = any(cells[0] for _, cells in table)
        heads = [seg.text for seg in header_columns(row) or []]
        header = " | ".join(([EMPTY_CELL] if labelled else []) + heads)
        changed = list(lines)
        at = _replace(changed, keys, cursor, row, header)
        for index, cells in table:
            if at < 0:
                break
            shown = [c or EMPTY_CELL for c in (cells if labelled else cells[1:])]
            at = _replace(changed, keys, at, rows[index], " | ".join(shown))
        if at >= 0:  # every row of the table found in the text
            lines, cursor = changed, at
    return "\n".join(lines)
