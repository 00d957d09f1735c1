"""Signalering as a casemanager's worklist: one row per case, frozen header, autofilter,
overdue rows red, due-soon rows orange; rows that could not be read on a second sheet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from poortwachter.report.signalering_rows import SignalRow
from poortwachter.report.xlsx_stream import Sheet, Style, write_xlsx

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
]
WIDTHS = [6, 14, 24, 12, 16, 14, 50, 17, 50, 28, 20]


def _rows(rows: Iterable[SignalRow]) -> Iterator[tuple[Sequence[object], Style]]:
    for r in rows:
        style = Style.RED if r.n_te_laat else Style.ORANGE if r.n_binnenkort else Style.PLAIN
        yield (
            (
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
            ),
            style,
        )


def render(rows: Iterable[SignalRow], problems: Sequence[str] = ()) -> bytes:
    sheets = [Sheet("Signalering", HEADERS, _rows(rows), WIDTHS)]
    if problems:
        sheets.append(Sheet("Fouten", ["Fout"], (((p,), Style.PLAIN) for p in problems), [120]))
    return write_xlsx(sheets)
