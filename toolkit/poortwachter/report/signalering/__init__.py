"""The signalering in each of its output formats: :data:`FORMATS`.

Each format renders one case at a time into a text fragment (:func:`fragment`) and joins
the fragments in row order (:func:`assemble`), so the same output comes out whether the
cases were rendered in one process or in several (:mod:`.run`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from poortwachter.report import ReportFormat, pick, registry

if TYPE_CHECKING:  # the signalering itself is imported when a run needs it (holidays: ~40 ms)
    from poortwachter.domain.signalering import Signal


@dataclass
class Counts:
    """The summary line's numbers: cases, and cases with overdue milestones, with milestones
    due soon and with milestones done late."""

    cases: int = 0
    late: int = 0
    soon: int = 0
    done_late: int = 0

    def add(self, s: Signal) -> None:
        """Count one case's signal."""
        self.cases += 1
        self.late += bool(s.overdue)
        self.soon += bool(s.due_soon)
        self.done_late += bool(s.done_late)

    def merge(self, other: Counts) -> None:
        """Add the counts of ``other`` (a chunk counted in another process)."""
        self.cases += other.cases
        self.late += other.late
        self.soon += other.soon
        self.done_late += other.done_late


#: One case → its fragment: ``(row, signal, toon_bsn) -> str``.
Fragment = Callable[[int, "Signal", bool], str]
#: All fragments → the whole output: ``(fragments, counts, peildatum, horizon, problems)``.
Assemble = Callable[[Sequence[str], "Counts", date, int, Sequence[str]], str | bytes]


@dataclass(frozen=True, slots=True)
class SignaleringRender:
    """How one format renders the signalering: per case (``case_function`` of ``module``,
    imported on first use, so the CLI starts without openpyxl), then all cases joined."""

    module: str
    case_function: str
    assemble: Assemble

    @property
    def fragment(self) -> Fragment:
        """The per-case function as ``(row, signal, toon_bsn) -> str``; look it up once per run."""
        case = getattr(importlib.import_module(self.module), self.case_function)

        def render_case(row: int, s: Signal, toon_bsn: bool) -> str:
            text: str = case(row, s, toon_bsn=toon_bsn)
            return text

        return render_case


def _table_assemble(
    fragments: Sequence[str], counts: Counts, peil: date, horizon: int, problems: Sequence[str]
) -> str:
    from poortwachter.report.signalering import table as signalering_table

    return signalering_table.assemble(
        fragments, counts.cases, counts.late, counts.soon, peil, horizon, counts.done_late
    )


def _json_assemble(
    fragments: Sequence[str], counts: Counts, peil: date, horizon: int, problems: Sequence[str]
) -> str:
    from poortwachter.report.signalering import json as signalering_json

    return signalering_json.assemble(fragments, peil, horizon, problems)


def _xlsx_assemble(
    fragments: Sequence[str], counts: Counts, peil: date, horizon: int, problems: Sequence[str]
) -> bytes:
    from poortwachter.report.signalering import xlsx as signalering_xlsx
    from poortwachter.support.xlsx.stream import RenderedRows

    return signalering_xlsx.assemble([RenderedRows("".join(fragments), counts.cases)], problems)


#: The signalering's output formats by ``--format`` name.
FORMATS: dict[str, ReportFormat[SignaleringRender]] = registry(
    ReportFormat(
        "table",
        "Tekst",
        SignaleringRender(
            "poortwachter.report.signalering.table",
            "case_block",
            _table_assemble,
        ),
    ),
    ReportFormat(
        "json",
        "JSON",
        SignaleringRender(
            "poortwachter.report.signalering.json",
            "case_fragment",
            _json_assemble,
        ),
    ),
    ReportFormat(
        "xlsx",
        "XLSX",
        SignaleringRender(
            "poortwachter.report.signalering.xlsx",
            "case_row_xml",
            _xlsx_assemble,
        ),
    ),
)


def check_format(fmt: str) -> None:
    """A Dutch ValueError when ``fmt`` is not one of :data:`FORMATS`."""
    pick(FORMATS, fmt)


def fragment(fmt: str, row: int, s: Signal, *, toon_bsn: bool = False) -> str:
    """One case in format ``fmt`` (for the table: '' when it needs no attention)."""
    return pick(FORMATS, fmt).render.fragment(row, s, toon_bsn)


def assemble(
    fmt: str,
    fragments: Sequence[str],
    counts: Counts,
    peildatum: date,
    horizon_days: int,
    problems: Sequence[str] = (),
) -> str | bytes:
    """The whole output from the fragments of all cases, in row order."""
    return pick(FORMATS, fmt).render.assemble(fragments, counts, peildatum, horizon_days, problems)


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
    render_case = pick(FORMATS, fmt).render.fragment
    counts = Counts()
    fragments = []
    for row, s in signals:
        counts.add(s)
        fragments.append(render_case(row, s, toon_bsn))
    return assemble(fmt, fragments, counts, peildatum, horizon_days, problems)
