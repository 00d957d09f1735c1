"""pypdf's text pieces placed by position (readers/pdf_runs.py), for pages pdfium cannot
read: the boxes agree with pdfium's own text rectangles, and every case where the
positions cannot be trusted keeps pypdf's text exactly as it was."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

import dossier_fixtures as F
from audit_helpers import ROOT
from poortwachter.audit.intake.readers.pdf_columns import Segment
from poortwachter.audit.intake.readers.pdf_runs import as_pdfium, extract, stream_lines

LIBREOFFICE = ROOT / "tests/fixtures/libreoffice/pva_kolommen_werknemer_leeg.pdf"


def _table_pdf(producer: str, path: Path) -> Path:
    blocks = [("h", "Plan van aanpak"), *F.pva_body(), F.three_party_signatures(F.PVA, 1)]
    {"reportlab": F.write_reportlab, "fpdf2": F.write_fpdf}[producer](path, blocks)
    return path


def _pdfium_boxes(path: Path, index: int) -> list[tuple[float, float, float, float, str]]:
    doc = pypdfium2.PdfDocument(str(path))
    try:
        textpage = doc[index].get_textpage()
        boxes = []
        for i in range(textpage.count_rects()):
            box = textpage.get_rect(i)
            boxes.append((*box, " ".join(textpage.get_text_bounded(*box).split())))
        return boxes
    finally:
        doc.close()


@pytest.mark.parametrize("producer", ["reportlab", "fpdf2", "libreoffice"])
def test_the_boxes_of_the_table_cells_agree_with_pdfium(producer: str, tmp_path: Path) -> None:
    path = LIBREOFFICE if producer == "libreoffice" else _table_pdf(producer, tmp_path / "t.pdf")
    index = len(PdfReader(path).pages) - 1
    _text, pieces = extract(PdfReader(path).pages[index])
    assert pieces is not None and pieces.own == pieces.found
    by_text: dict[str, list[Any]] = {}
    for seg in pieces.found:
        by_text.setdefault(seg.text, []).append(seg)
    cells = ["Werkgever", "Werknemer", "Casemanager", "getekend", "Handtekening"]
    compared = 0
    for left, bottom, right, top, text in _pdfium_boxes(path, index):
        if text not in cells:
            continue
        seg = min(by_text[text], key=lambda s: abs(s.left - left) + abs(s.middle - bottom))
        assert abs(seg.left - left) < 1.5, (text, seg, left)
        assert abs(seg.right - right) < 0.05 * (right - left) + 1.5, (text, seg, right)
        assert seg.bottom < (bottom + top) / 2 < seg.top, (text, seg, bottom, top)
        compared += 1
    assert compared >= 6  # the three party headers, "Handtekening" and the "getekend" cells


def _canvas_pdf(path: Path, draw: Any) -> Any:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 10)
    draw(c)
    c.save()
    return PdfReader(path).pages[0]


HEADER = (("Werkgever", 200), ("Werknemer", 300), ("Casemanager", 400))
ROW = (("Naam", 100), ("P. de Vries", 200), ("K. Visser", 400))


def _read(page: Any) -> tuple[str, str]:
    """(pypdf's own text, the text with its party tables read by position)."""
    plain, pieces = extract(page)
    assert plain == page.extract_text()  # the visitors do not change pypdf's text
    return plain, as_pdfium(plain, pieces)


def test_a_table_drawn_cell_by_cell_is_read_by_position(tmp_path: Path) -> None:
    def cells(c: Any) -> None:
        for y, row in ((700, HEADER), (680, ROW)):
            for text, x in row:
                c.drawString(x, y, text)

    plain, read = _read(_canvas_pdf(tmp_path / "t.pdf", cells))
    assert "Werkgever\nWerknemer" in plain  # pypdf's own text: a cell per line
    assert read.splitlines() == [
        "_ | Werkgever | Werknemer | Casemanager",
        "Naam | P. de Vries | _ | K. Visser",
    ]


def test_a_row_drawn_in_one_go_is_not_read_by_position(tmp_path: Path) -> None:
    """One text object with moves between the cells: pypdf joins a row into one piece
    that starts at its first cell, so no cell has a box of its own."""

    def one_go(c: Any) -> None:
        text = c.beginText(100, 700)
        for y, row in ((700, HEADER), (680, ROW)):
            for word, x in row:
                text.setTextOrigin(x, y)
                text.textOut(word)
        c.drawText(text)

    page = _canvas_pdf(tmp_path / "t.pdf", one_go)
    _plain, pieces = extract(page)
    assert pieces is not None and len(pieces.own) < len(pieces.found)
    plain, read = _read(page)
    assert read == plain and "|" not in read  # the table is left as pypdf gave it


def test_rotated_text_keeps_pypdfs_text(tmp_path: Path) -> None:
    def rotated(c: Any) -> None:
        c.translate(300, 400)
        c.rotate(90)
        for y, row in ((0, HEADER), (-20, ROW)):
            for text, x in row:
                c.drawString(x - 250, y, text)

    page = _canvas_pdf(tmp_path / "t.pdf", rotated)
    assert extract(page)[1] is None
    plain, read = _read(page)
    assert read == plain


class _Page:
    """A page whose text is ``text`` and whose pieces pypdf reports as ``pieces``."""

    def __init__(self, pieces: Sequence[tuple[str, float, float]], text: str) -> None:
        self.pieces, self.text = pieces, text

    def extract_text(self, visitor_text: Any, visitor_operand_before: Any) -> str:
        for piece, x, y in self.pieces:
            visitor_operand_before(b"Tj", [], [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, x, y])
            visitor_text(piece, [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, x, y], None, 10)
        return self.text


def test_pieces_with_other_characters_than_the_text_keep_the_text() -> None:
    pieces = [(t, x, 700.0) for t, x in HEADER] + [(t, x, 680.0) for t, x in ROW]

    def read(text: str) -> str:
        return as_pdfium(*extract(_Page(pieces, text)))

    text = "Werkgever Werknemer Casemanager\nNaam P. de Vries K. Visser"
    assert read(text).splitlines() == [
        "_ | Werkgever | Werknemer | Casemanager",
        "Naam | P. de Vries | _ | K. Visser",
    ]
    doubled = text + "\nK. Visser"  # a piece pypdf's text has twice
    assert read(doubled) == doubled


words = st.text(alphabet="abcé-.", min_size=1, max_size=8)


@given(st.lists(st.lists(words, min_size=1, max_size=5), min_size=1, max_size=8))
def test_pieces_on_one_baseline_make_one_line_in_stream_order(rows: list[list[str]]) -> None:
    """Rows drawn one after the other, each cell by cell from left to right (as reportlab
    and fpdf2 draw a table): a line per row, its cells in order; a row drawn right to left
    breaks where it turns back, as pdfium's text does."""
    found = [
        Segment(100.0 * x, 700.0 - 20 * y, 100.0 * x + 60, 710.0 - 20 * y, known=word)
        for y, row in enumerate(rows)
        for x, word in enumerate(row)
    ]
    assert stream_lines(found).split("\n") == [" ".join(row) for row in rows]
    backwards = [seg for row in _by_row(found) for seg in reversed(row)]
    assert stream_lines(backwards).count("\n") == len(found) - 1


def _by_row(found: list[Segment]) -> list[list[Segment]]:
    rows: dict[float, list[Segment]] = {}
    for seg in found:
        rows.setdefault(seg.bottom, []).append(seg)
    return list(rows.values())
