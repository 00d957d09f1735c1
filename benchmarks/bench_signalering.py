"""Signalering throughput: 100,000 cases (goal: at most 5 seconds on the CI machine).

Prints a table. Each row is one way of doing the whole job, measured in this run on the
same generated data; the naive baseline (openpyxl rows + cerberus per row) is the ratio's
denominator. Run: ``python benchmarks/bench_signalering.py [N]``.
"""

from __future__ import annotations

import functools
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook

from poortwachter.domain.signalering import signal_for
from poortwachter.report.signalering import render_signalering
from poortwachter.report.signalering.run import run_signalering
from poortwachter.schemas.case import ROW_SCHEMA, case_from_row
from poortwachter.schemas.validator import validate

PEIL = date(2026, 11, 23)
HEADERS = [
    "dossier",
    "naam",
    "bsn",
    "eerste_ziektedag",
    "herstel",
    "zwanger",
    "verlenging_weken",
    "gedaan_probleemanalyse",
]


def make_rows(n: int) -> list[list[object]]:
    rnd = random.Random(42)
    rows: list[list[object]] = []
    for i in range(n):
        ezd = date(2024, 6, 1) + timedelta(days=rnd.randrange(0, 900))
        herstel = ""
        if rnd.random() < 0.2:
            start = ezd + timedelta(days=rnd.randrange(10, 200))
            herstel = (
                f"{start.isoformat()}:{(start + timedelta(days=rnd.randrange(1, 40))).isoformat()}"
            )
        pa = ezd + timedelta(days=rnd.randrange(20, 50)) if rnd.random() < 0.7 else None
        rows.append([f"Z-{i:06d}", f"Werknemer {i}", "123456782", ezd, herstel, "nee", None, pa])
    return rows


def write_inputs(rows: list[list[object]], folder: Path) -> tuple[Path, Path]:
    csv_path = folder / "zaken.csv"
    with csv_path.open("w", encoding="utf-8") as fh:
        fh.write(";".join(HEADERS) + "\n")
        for r in rows:
            fh.write(
                ";".join(
                    "" if v is None else (v.isoformat() if isinstance(v, date) else str(v))
                    for v in r
                )
                + "\n"
            )
    xlsx_path = folder / "zaken.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Zaken")
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(xlsx_path)
    return csv_path, xlsx_path


def toolkit(path: Path, fmt: str, out: Path, workers: int | None = None) -> int:
    """What `poortwachter signalering` does, as the same library call (in-process)."""
    result = run_signalering(path, fmt, PEIL, workers=workers)
    if isinstance(result.data, str):
        out.write_text(result.data, encoding="utf-8")
    else:
        out.write_bytes(result.data)
    return result.cases


def naive(path: Path, out: Path) -> int:
    """openpyxl rows, cerberus per row, then the same timeline and JSON."""
    wb = load_workbook(path, read_only=True)
    rows = wb.active.iter_rows(values_only=True)
    header = [str(h) for h in next(rows)]
    signals = []
    for i, raw in enumerate(rows, start=2):
        doc, _ = validate(
            ROW_SCHEMA, {k: v for k, v in zip(header, raw, strict=False) if v not in (None, "")}
        )
        if doc is not None:
            signals.append((i, signal_for(case_from_row(doc), PEIL)))
    data = render_signalering(signals, "json", PEIL, 14)
    assert isinstance(data, str)
    out.write_text(data)
    return len(signals)


def timed(func: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    n = func()
    return time.perf_counter() - start, n


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    naive_n = min(n, int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = make_rows(n)
        csv_path, xlsx_path = write_inputs(rows, folder)
        (folder / "naive").mkdir()
        _, naive_xlsx = write_inputs(rows[:naive_n], folder / "naive")
        results = []
        t_naive, _ = timed(lambda: naive(naive_xlsx, folder / "naive.json"))
        per_case_naive = t_naive / naive_n
        results.append(
            (
                f"naive: openpyxl + cerberus per row ({naive_n:,} rows, scaled to {n:,})",
                per_case_naive * n,
            )
        )
        cores = os.cpu_count() or 1
        for label, path, fmt, workers in [
            ("toolkit: CSV → JSON, 1 process", csv_path, "json", 1),
            (f"toolkit: CSV → JSON, {cores} processes", csv_path, "json", cores),
            ("toolkit: XLSX → XLSX worklist, 1 process", xlsx_path, "xlsx", 1),
            (f"toolkit: XLSX → XLSX worklist, {cores} processes", xlsx_path, "xlsx", cores),
        ]:
            t, count = timed(functools.partial(toolkit, path, fmt, folder / f"out.{fmt}", workers))
            assert count == n, count
            results.append((label, t))
        for fmt, path in [("xlsx", xlsx_path), ("json", csv_path)]:
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "poortwachter",
                    "signalering",
                    str(path),
                    "--peildatum",
                    PEIL.isoformat(),
                    "--format",
                    fmt,
                    "--output",
                    str(folder / f"cli.{fmt}"),
                ],
                check=True,
                capture_output=True,
            )
            label = f"CLI: {path.suffix[1:].upper()} → {fmt.upper()} (incl. interpreter start)"
            results.append((label, time.perf_counter() - start))
    base = results[0][1]
    print(f"\nSignalering, {n:,} cases, peildatum {PEIL.isoformat()}\n")
    print(f"{'what':70} {'seconds':>8} {'cases/s':>10} {'vs naive':>9}")
    for label, seconds in results:
        print(f"{label:70} {seconds:8.2f} {n / seconds:10,.0f} {base / seconds:8.1f}×")


if __name__ == "__main__":
    main()
