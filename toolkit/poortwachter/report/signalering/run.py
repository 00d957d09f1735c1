"""`signalering` over a spreadsheet, end to end: read, check, compute, render.

Above :data:`PARALLEL_MIN_ROWS` rows the rows are split over worker processes (fork):
each turns its share into cases, signals and output fragments; the parent joins the
fragments in row order, so the output is identical to a single-process run. 100,000
cases take about half the time on two cores (benchmarks/bench_signalering.py).
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from poortwachter.domain.signalering import DEFAULT_HORIZON_DAYS, signal_for
from poortwachter.errors import InputError
from poortwachter.inputs.cases import check_columns, row_to_case, rows_nl
from poortwachter.inputs.stdin import spreadsheet_file
from poortwachter.inputs.tabular import DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS, Table, read_table
from poortwachter.report import pick
from poortwachter.report.signalering import FORMATS, Counts, assemble, check_format
from poortwachter.support.gc import paused_gc
from poortwachter.support.lifecycle import die_with_parent

#: Fewer rows than this are handled in one process (starting workers costs more).
PARALLEL_MIN_ROWS = 20_000


@dataclass
class SignaleringRun:
    """The rendered output and what happened to the rows."""

    data: str | bytes
    cases: int
    problems: list[str] = field(default_factory=list)
    bad_rows: list[int] = field(default_factory=list)
    #: columns that are not used, with the nearest known name
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Chunk:
    fragments: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    bad_rows: list[int] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)


def _process(
    table: Table, start: int, stop: int, fmt: str, peil: date, horizon: int, toon_bsn: bool
) -> _Chunk:
    out = _Chunk()
    render_case = pick(FORMATS, fmt).render.fragment
    for row_number, raw in table.rows[start:stop]:
        case, problems = row_to_case(table, row_number, raw)
        if case is None:
            out.problems.extend(problems)
            out.bad_rows.append(row_number)
            continue
        s = signal_for(case, peil, horizon)
        out.counts.add(s)
        out.fragments.append(render_case(row_number, s, toon_bsn))
    return out


# What the forked workers share with the parent (set just before the pool starts).
_SHARED: tuple[Any, ...] = ()


def _work(bounds: tuple[int, int]) -> _Chunk:
    table, fmt, peil, horizon, toon_bsn = _SHARED
    return _process(table, bounds[0], bounds[1], fmt, peil, horizon, toon_bsn)


def _chunks(
    table: Table, fmt: str, peil: date, horizon: int, toon_bsn: bool, workers: int
) -> list[_Chunk]:
    n = len(table.rows)
    if (
        workers <= 1
        or n < PARALLEL_MIN_ROWS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [_process(table, 0, n, fmt, peil, horizon, toon_bsn)]
    global _SHARED
    step = -(-n // (workers * 2))
    bounds = [(i, min(i + step, n)) for i in range(0, n, step)]
    _SHARED = (table, fmt, peil, horizon, toon_bsn)
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=die_with_parent) as pool:
            return pool.map(_work, bounds)
    finally:
        _SHARED = ()


def run_signalering(
    path: str | Path,
    fmt: str = "table",
    peildatum: date | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    *,
    sheet: str | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    toon_bsn: bool = False,
    skip_invalid: bool = False,
    workers: int | None = None,
) -> SignaleringRun:
    """Read the cases of ``path`` and render their signalering in ``fmt``.

    A row with errors stops everything (:class:`InputError` listing every problem, nothing
    rendered) unless ``skip_invalid``; then the good rows are rendered and the problems
    returned. ``workers`` defaults to the number of cores. ``path`` ``-`` reads standard
    input.
    """
    check_format(fmt)
    peil = peildatum or date.today()
    with paused_gc():
        with spreadsheet_file(path, max_bytes) as (file, name):
            table = read_table(file, sheet=sheet, max_rows=max_rows, max_bytes=max_bytes, name=name)
        warnings = check_columns(table)
        chunks = _chunks(table, fmt, peil, horizon_days, toon_bsn, workers or os.cpu_count() or 1)
        counts = Counts()
        fragments: list[str] = []
        problems: list[str] = []
        bad_rows: list[int] = []
        for chunk in chunks:
            counts.merge(chunk.counts)
            fragments.extend(chunk.fragments)
            problems.extend(chunk.problems)
            bad_rows.extend(chunk.bad_rows)
        if not counts.cases and not problems:
            raise table.no_cases_error()
        if problems and not skip_invalid:
            raise InputError(
                [
                    *problems,
                    f"{rows_nl(len(bad_rows))} met fouten; er is niets geschreven "
                    "(gebruik --skip-invalid om de goede rijen toch te verwerken)",
                ]
            )
        data = assemble(fmt, fragments, counts, peil, horizon_days, problems)
    return SignaleringRun(data, counts.cases, problems, bad_rows, warnings)
