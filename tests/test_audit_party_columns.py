"""Signature tables with one column per party where one party's cell is empty (issue 11,
remainder A): the value must land under its own party, in PDF text (reportlab, fpdf2: the
reader uses the x-positions pdfium gives, or pypdf's when pdfium cannot read the file) and
in DOCX cells (python-docx)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

import dossier_fixtures as F
from audit_helpers import pdfium_off
from poortwachter.audit.extract.signers import extract_signers
from poortwachter.audit.extract.sigtables import signature_blocks
from poortwachter.audit.intake.dossier import collect, read_file
from poortwachter.audit.intake.readers.pdf_columns import party_tables
from poortwachter.audit.text.lines import Line, doc_lines

NAMES = ("P. de Vries", F.NAAM, "K. Visser")
WRITERS: dict[str, Callable[[Path, Sequence[F.Block]], None]] = {
    "reportlab": F.write_reportlab,
    "fpdf2": F.write_fpdf,
    "docx": F.write_docx,
}
#: the rows left empty for the missing party: its name, or its date and signature
EMPTY_ROWS = {"naam": ("Naam",), "datum_handtekening": ("Datum", "Handtekening")}


def _read(path: Path) -> list[Line]:
    (raw,) = collect([path])
    doc = read_file(raw)
    assert doc.readable, doc.reason
    return doc_lines(doc)


#: the PDF producers read by pdfium and, when pdfium cannot read the file, by pypdf
#: (its text pieces placed by position, readers/pdf_runs.py); DOCX has its own reader
CASES = [(p, "pdfium") for p in ("fpdf2", "reportlab")] + [
    ("fpdf2", "pypdf"),
    ("reportlab", "pypdf"),
    ("docx", "docx"),
]


@pytest.mark.parametrize("rows", sorted(EMPTY_ROWS))
@pytest.mark.parametrize("empty", range(3), ids=F.PARTIES)
@pytest.mark.parametrize(("producer", "reader"), CASES, ids=[f"{p}-{r}" for p, r in CASES])
def test_the_party_with_the_empty_cell_is_the_one_unsigned(
    producer: str, reader: str, empty: int, rows: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    suffix = ".docx" if producer == "docx" else ".pdf"
    path = tmp_path / f"pva{suffix}"
    table = F.three_party_signatures(F.PVA, empty, EMPTY_ROWS[rows])
    blocks = [("h", "Plan van aanpak"), *F.pva_body(), table]
    WRITERS[producer](path, blocks)
    if reader == "pypdf":
        pdfium_off(monkeypatch)
    lines = _read(path)
    tables = signature_blocks(lines)
    assert [s.role for b in tables for s in b.unsigned] == [F.PARTIES[empty]]
    signed = {s.role: s.name for b in tables for s in b.signers}
    others = {p: n for i, (p, n) in enumerate(zip(F.PARTIES, NAMES, strict=True)) if i != empty}
    assert signed == others
    # the signers the audit uses: the others, and never the unsigned party
    found = {(s.role, s.name) for s in extract_signers(lines, tables)}
    assert found == set(others.items())


class _FakeTextPage:
    """pdfium's text rectangles of a page, as (left, bottom, right, top, text)."""

    def __init__(self, rects: list[tuple[float, float, float, float, str]]) -> None:
        self.rects = rects

    def count_rects(self) -> int:
        return len(self.rects)

    def get_rect(self, index: int) -> tuple[float, float, float, float]:
        left, bottom, right, top, _ = self.rects[index]
        return left, bottom, right, top

    def get_text_bounded(self, left: float, bottom: float, right: float, top: float) -> str:
        inside = [
            r[4]
            for r in self.rects
            if left <= r[0] and r[2] <= right and bottom <= r[1] and r[3] <= top
        ]
        return " ".join(inside)


def test_only_the_table_rows_change_and_text_that_does_not_match_is_left_alone() -> None:
    rects: list[tuple[float, float, float, float, str]] = [
        (70.0, 700, 300, 710, "Afspraken met de werkgever en de werknemer"),
        (200.0, 680, 250, 690, "Werkgever"),
        (300.0, 680, 350, 690, "Werknemer"),
        (100.0, 660, 130, 670, "Naam"),
        (300.0, 660, 340, 670, "J. Jansen"),
        (70.0, 600, 500, 610, "Een alinea onder de tabel die over beide kolommen loopt."),
    ]
    text = "\n".join(
        [
            "Afspraken met de werkgever en de werknemer",
            "Werkgever Werknemer",
            "Naam J. Jansen",
            "Een alinea onder de tabel die over beide kolommen loopt.",
        ]
    )
    assert party_tables(_FakeTextPage(rects), text).split("\n") == [
        "Afspraken met de werkgever en de werknemer",
        "_ | Werkgever | Werknemer",
        "Naam | _ | J. Jansen",
        "Een alinea onder de tabel die over beide kolommen loopt.",
    ]
    # pdfium's text lines differ from the rectangles: the text stays as it is
    other = text.replace("Naam J. Jansen", "Naam\nJ. Jansen")
    assert party_tables(_FakeTextPage(rects), other) == other
    # no line naming two parties: the positions are not even read
    plain = "Plan van aanpak\nNaam J. Jansen"
    assert party_tables(_FakeTextPage([]), plain) == plain
