"""pypdf's text of a page pdfium cannot read, made to read as pdfium's would.

pypdf's text follows the content stream: a table drawn cell by cell (reportlab) comes out
one cell per line, and a row with an empty cell cannot be told from a full one. Here the
text pieces pypdf decodes (its ``visitor_text``) keep their place on the page: each piece
becomes a box (start from the text matrix, width from the font's glyph widths, height from
the font size), the pieces on one baseline become one line (in the content stream's order,
as pdfium's text), and the signature tables with one column per party are read by
x-position as for pdfium (:mod:`.pdf_columns`). pypdf's text is kept as it is when the
pieces cannot be placed (rotated text, too many pieces, characters missed or doubled); a
table with a piece that holds more than one text-showing operation (pypdf joins the cells
of a row drawn in one go: no box for each cell) is left as it is.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from poortwachter.audit.intake.readers.pdf_columns import (
    MAX_SEGMENTS,
    Segment,
    compact,
    party_tables_in,
)

#: glyph width in text space units (1/1000 em) when the font does not give one
DEFAULT_WIDTH = 550.0
#: ascent and descent of a line box, as parts of the font size
ASCENT, DESCENT = 0.8, 0.2
#: the PDF operators that show text
_SHOW_TEXT = frozenset({b"Tj", b"TJ", b"'", b'"'})


def _font_widths(font: Any) -> dict[str, float]:
    """Glyph widths (1/1000 em) per character of a pypdf font resource; empty when pypdf
    cannot tell (its font module is internal: another pypdf may not have it, and then every
    glyph counts as :data:`DEFAULT_WIDTH`)."""
    try:
        from pypdf.generic._font import Font

        parsed = Font.from_font_resource(font)
        by_code = {
            k: float(v) for k, v in parsed.character_widths.items()
            if isinstance(k, str) and isinstance(v, int | float) and v > 0
        }  # fmt: skip
        # a subset font numbers its glyphs itself; its ToUnicode map gives the characters
        by_char = {
            char: by_code[code] for code, char in parsed.character_map.items()
            if isinstance(char, str) and len(char) == 1 and code in by_code
        }  # fmt: skip
    except Exception:  # another pypdf, or a font it cannot read
        return {}
    return by_code | by_char


class Pieces:
    """The boxes of the text pieces of one page, from pypdf's ``visitor_text`` calls
    (``found``), and those of them that come from one text-showing operation each
    (``own``): a piece pypdf joined from several has no box of its own."""

    def __init__(self) -> None:
        """No pieces yet: pypdf's extraction calls :meth:`operator` and :meth:`visit`."""
        self.found: list[Segment] = []
        self.own: list[Segment] = []
        self.failed = False
        self._shows = 0
        self._widths: dict[int, dict[str, float]] = {}

    def operator(self, op: Any, operands: Any, cm: Any, tm: Any) -> None:
        """pypdf's ``visitor_operand_before``: counts the text-showing operations."""
        if op in _SHOW_TEXT:
            self._shows += 1

    def visit(self, text: Any, cm: Any, tm: Any, font: Any, size: Any) -> None:
        """pypdf's ``visitor_text``: one piece of text and where it starts."""
        shows, self._shows = self._shows, 0
        piece = " ".join(str(text).split())
        if not piece or self.failed:
            return
        try:
            a, b, c, d, e, f = (float(v) for v in tm)
            ca, cb, cc, cd, ce, cf = (float(v) for v in cm)
            size = float(size)
        except (TypeError, ValueError):
            self.failed = True
            return
        sx, sy = a * ca + b * cc, c * cb + d * cd
        if abs(a * cb + b * cd) > 1e-6 or abs(c * ca + d * cc) > 1e-6 or sx <= 0 or sy <= 0:
            self.failed = True  # rotated or mirrored text: no boxes to read columns from
            return
        if len(self.found) >= MAX_SEGMENTS:
            self.failed = True
            return
        x, y = e * ca + f * cc + ce, e * cb + f * cd + cf
        width = self._width(piece, font) * size * sx / 1000
        height = size * sy
        seg = Segment(x, y - DESCENT * height, x + width, y + ASCENT * height, known=piece)
        self.found.append(seg)
        if shows <= 1:
            self.own.append(seg)

    def _width(self, piece: str, font: Any) -> float:
        widths = self._widths.get(id(font))
        if widths is None:
            widths = self._widths[id(font)] = _font_widths(font) if font is not None else {}
        known = [widths[ch] for ch in piece if ch in widths]
        if len(known) * 2 < len(piece):  # a font pypdf cannot measure (CID codes)
            return DEFAULT_WIDTH * len(piece)
        average = sum(known) / len(known)
        return sum(known) + average * (len(piece) - len(known))


def extract(page: Any) -> tuple[str, Pieces | None]:
    """pypdf's text of a page and, from the same pass, its pieces with their boxes (None
    when they cannot be placed). Raises what pypdf raises on a page it cannot read."""
    pieces = Pieces()
    text = str(
        page.extract_text(visitor_text=pieces.visit, visitor_operand_before=pieces.operator) or ""
    )
    return text, None if pieces.failed or not pieces.found else pieces


def stream_lines(found: list[Segment]) -> str:
    """The pieces in the order pypdf read them (the content stream's, the order of pdfium's
    text too), one line for pieces that follow each other on the same baseline, left to
    right: a table drawn cell by cell comes out a row per line, as from pdfium."""
    lines: list[str] = []
    before: Segment | None = None
    for seg in found:
        height = seg.top - seg.bottom
        if (
            before is not None
            and seg.left >= before.left
            and abs(seg.middle - before.middle) < 0.3 * min(height, before.top - before.bottom)
        ):
            lines[-1] += " " + seg.text
        else:
            lines.append(seg.text)
        before = seg
    return "\n".join(lines)


def as_pdfium(plain: str, pieces: Pieces | None) -> str:
    """The page text as pdfium would give it: ``plain`` (pypdf's text) with the pieces
    that share a baseline on one line (:func:`stream_lines`) and the party-column
    signature tables as cells (``_ | Werkgever | Werknemer``, ``Naam | P. de Vries | _``);
    ``plain`` itself when the pieces do not hold exactly its characters. A table with a
    piece pypdf joined from several operations (no position of its own) stays as it is."""
    if pieces is None:
        return plain
    text = stream_lines(pieces.found)
    if Counter(compact(text)) != Counter(compact(plain)):
        return plain  # pieces missed or doubled: their positions are not to be trusted
    return party_tables_in(text, lambda: pieces.own)
