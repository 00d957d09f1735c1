"""Signalering as a casemanager's worklist: one row per case, frozen header, autofilter,
overdue rows red, due-soon rows orange; rows that could not be read on a second sheet."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from poortwachter.domain.signalering import Signal
from poortwachter.report.signalering.rows import SignalRow, signal_row
from poortwachter.support.xlsx.stream import RenderedRows, Sheet, Style, row_xml, write_xlsx

HEADERS = [
    "Rij",
    "Dossier",
    "Werknemer",
    "BSN",
    "Eerste ziektedag",
    "Aantal te laat",
    "Te laat",
    "Aantal binnenkort",
    "Binnenkort",
    "Eerstvolgende",
    "Eerstvolgende datum",
    "Aantal te laat gedaan",
    "Te laat gedaan",
]
#: Narrow enough to print one page wide (landscape A4), wide enough for whole words;
#: long text wraps and rows grow (xlsx_stream).
WIDTHS = [5, 12, 20, 11, 11, 8, 32, 11, 32, 22, 14, 9, 30]


def row_values(r: SignalRow) -> tuple[Sequence[object], Style]:
    """The cell values of one worklist row and its style: red when a milestone is overdue,
    orange when one is due soon."""
    style = Style.RED if r.n_te_laat else Style.ORANGE if r.n_binnenkort else Style.PLAIN
    values = (
        r.rij,
        r.dossier,
        r.naam,
        r.bsn,
        r.eerste_ziektedag,
        r.n_te_laat,
        r.te_laat,
        r.n_binnenkort,
        r.binnenkort,
        r.volgende,
        r.volgende_datum,
        r.n_te_laat_gedaan,
        r.te_laat_gedaan,
    )
    return values, style


def case_row_xml(row: int, s: Signal, *, toon_bsn: bool = False) -> str:
    """One case as a worksheet row (joinable in order, see :func:`assemble`)."""
    values, style = row_values(signal_row(row, s, toon_bsn=toon_bsn))
    return row_xml(values, style, len(HEADERS), WIDTHS)


def assemble(row_chunks: Iterable[RenderedRows], problems: Sequence[str] = ()) -> bytes:
    """The worklist workbook from rows already rendered, with a sheet "Fouten" listing the
    rows that could not be read, when there are any."""
    sheets = [Sheet("Signalering", HEADERS, list(row_chunks), WIDTHS)]
    if problems:
        sheets.append(Sheet("Fouten", ["Fout"], (((p,), Style.PLAIN) for p in problems), [100]))
    return write_xlsx(sheets)
