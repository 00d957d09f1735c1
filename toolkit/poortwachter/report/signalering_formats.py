"""The signalering in any of its output formats.

Each format renders one case at a time into a text fragment (:func:`fragment`) and joins
the fragments in row order (:func:`assemble`), so the same output comes out whether the
cases were rendered in one process or in several.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from poortwachter.domain.signalering import Signal
from poortwachter.report import signalering_json, signalering_table, signalering_xlsx
from poortwachter.support.xlsx.stream import RenderedRows

FORMATS = ("table", "json", "xlsx")


@dataclass
class Counts:
    cases: int = 0
    late: int = 0
    soon: int = 0
    done_late: int = 0

    def add(self, s: Signal) -> None:
        self.cases += 1
        self.late += bool(s.overdue)
        self.soon += bool(s.due_soon)
        self.done_late += bool(s.done_late)

    def merge(self, other: Counts) -> None:
        self.cases += other.cases
        self.late += other.late
        self.soon += other.soon
        self.done_late += other.done_late


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"onbekend formaat '{fmt}'; kies uit: {', '.join(FORMATS)}")


def fragment(fmt: str, row: int, s: Signal, *, toon_bsn: bool = False) -> str:
    """One case in format ``fmt`` (for the table: '' when it needs no attention)."""
    if fmt == "json":
        return signalering_json.case_fragment(row, s, toon_bsn=toon_bsn)
    if fmt == "xlsx":
        return signalering_xlsx.case_row_xml(row, s, toon_bsn=toon_bsn)
    return signalering_table.case_block(row, s, toon_bsn=toon_bsn)


def assemble(
    fmt: str,
    fragments: Sequence[str],
    counts: Counts,
    peildatum: date,
    horizon_days: int,
    problems: Sequence[str] = (),
) -> str | bytes:
    """The whole output from the fragments of all cases, in row order."""
    if fmt == "json":
        return signalering_json.assemble(fragments, peildatum, horizon_days, problems)
    if fmt == "xlsx":
        rows = RenderedRows("".join(fragments), counts.cases)
        return signalering_xlsx.assemble([rows], problems)
    return signalering_table.assemble(
        fragments,
        counts.cases,
        counts.late,
        counts.soon,
        peildatum,
        horizon_days,
        counts.done_late,
    )


def render_signalering(
    signals: Sequence[tuple[int, Signal]],
    fmt: str,
    peildatum: date,
    horizon_days: int,
    problems: Sequence[str] = (),
    *,
    toon_bsn: bool = False,
) -> str | bytes:
    """``signals`` as (row number, signal) pairs → text (table, json) or bytes (xlsx)."""
    check_format(fmt)
    counts = Counts()
    fragments = []
    for row, s in signals:
        counts.add(s)
        fragments.append(fragment(fmt, row, s, toon_bsn=toon_bsn))
    return assemble(fmt, fragments, counts, peildatum, horizon_days, problems)
