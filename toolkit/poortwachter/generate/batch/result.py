"""What a batch did (:class:`BatchResult`), how it stopped, and the error report of a run."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from poortwachter.domain.privacy import scrub, scrub_data
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError, Location, OutputError
from poortwachter.support.files import write_atomic
from poortwachter.support.lifecycle import EXIT_INTERRUPTED
from poortwachter.support.xlsx.safe import safe_cell

WORKER_DIED = (
    "niet gemaakt: het werkproces stopte onverwacht (bijvoorbeeld gestopt door het systeem "
    "of door geheugentekort); draai de batch opnieuw, wat al bestaat wordt overgeslagen"
)


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem with one row: where it is and why, in Dutch."""

    row: int
    message: str
    sheet: str | None = None
    column: str | None = None
    field: str | None = None
    path: str | None = None

    def describe(self) -> str:
        """The Dutch message with where it is (file, sheet, row, column), BSNs masked."""
        where = Location(
            self.path, sheet=self.sheet, row=self.row, column=self.column, field=self.field
        ).describe()
        return scrub(f"{where}: {self.message}")

    def as_json(self) -> dict[str, Any]:
        """This error in the batch's JSON error report (sheet, row, column, field, message)."""
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "message": self.message,
        }


def row_ranges(rows: list[int]) -> str:
    """``[2, 3, 4, 7]`` → ``'2-4, 7'`` (each row once, in order)."""
    parts: list[str] = []
    ordered = sorted(set(rows))
    start = prev = None
    for row in [*ordered, None]:
        if row is not None and prev is not None and row == prev + 1:
            prev = row
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = row
    return ", ".join(parts)


@dataclass
class BatchResult:
    """What a batch did: the files written, skipped, and every row that failed."""

    form: FormId
    source: str
    written: list[Path] = field(default_factory=list)
    rows_ok: int = 0
    errors: list[RowError] = field(default_factory=list)
    report_paths: list[Path] = field(default_factory=list)
    #: existing files left alone (no ``overwrite``), and the rows whose files all existed
    skipped: list[Path] = field(default_factory=list)
    rows_skipped: int = 0
    #: columns of the spreadsheet that are not used (with the nearest known name), and per
    #: row a medical term in the probleemanalyse (file, sheet, row, column, term)
    warnings: list[str] = field(default_factory=list)
    #: main-sheet rows of the batch, and those that were finished (made, skipped or failed)
    rows_total: int = 0
    rows_done: list[int] = field(default_factory=list)
    interrupted: bool = False
    #: why the batch stopped early because the output could not be written (Dutch)
    output_error: str | None = None
    #: exit code of the interruption: 130 (Ctrl-C) or 143 (SIGTERM)
    interrupt_code: int = EXIT_INTERRUPTED

    @property
    def failed_rows(self) -> list[tuple[str, int]]:
        """(sheet, row) of every row with a problem, each once."""
        return sorted({(e.sheet or "", e.row) for e in self.errors})

    @property
    def exit_code(self) -> int:
        """0 when every row was written, 1 when some rows failed (DESIGN.md)."""
        return 1 if self.errors else 0

    def summary(self) -> str:
        """``'48 formulieren gemaakt, 0 overgeslagen (bestonden al), 2 rijen met fouten'``;
        the skipped rows (their files existed and were left alone) are named in every run."""
        made = f"{self.rows_ok} {'formulier' if self.rows_ok == 1 else 'formulieren'} gemaakt"
        if len(self.written) != self.rows_ok:
            made += f" ({len(self.written)} bestanden)"
        made += f", {self.rows_skipped} overgeslagen (bestonden al)"
        bad = len(self.failed_rows)
        return f"{made}, {bad} {'rij' if bad == 1 else 'rijen'} met fouten"

    def interruption(self, how: str = "Afgebroken") -> str:
        """Dutch lines for an interrupted batch: which rows were done, how to go on."""
        done = sorted(set(self.rows_done))
        rest = max(0, self.rows_total - len(done))
        which = f" (rij {row_ranges(done)})" if done else ""
        return (
            f"{how}: {len(done)} van {self.rows_total} rijen klaar{which}; "
            f"{rest} {'rij' if rest == 1 else 'rijen'} niet gemaakt. Er zijn geen halve "
            "bestanden achtergebleven. Draai dezelfde opdracht opnieuw om verder te gaan: "
            "wat al bestaat wordt overgeslagen."
        )


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C during :func:`run_batch`; ``result`` holds what was done until then."""

    def __init__(self, result: BatchResult) -> None:
        """``result``: what was done before Ctrl-C."""
        super().__init__("batch afgebroken")
        self.result = result


class BatchOutputError(OutputError):
    """The output folder could not be written (no permission, disk full) during
    :func:`run_batch`; ``result`` holds what was done until then."""

    def __init__(self, message: str, result: BatchResult) -> None:
        """``message``: the Dutch reason; ``result``: what was done until then."""
        super().__init__(message)
        self.result = result


class OutputBroken(Exception):
    """Internal: the first row whose output could not be written stops the batch."""


def write_error_report(result: BatchResult, out_dir: Path, stamp: str) -> list[Path]:
    """``foutrapport_<form>_<stamp>.xlsx`` and ``.json`` in ``out_dir``: one report per
    run (``-2``, ``-3`` ... when another run of the same second has one)."""
    from openpyxl import Workbook

    payload = scrub_data(
        {
            "form": result.form.value,
            "source": result.source,
            "documents_written": result.rows_ok,
            "rows_failed": len(result.failed_rows),
            "errors": [e.as_json() for e in result.errors],
        }
    )
    from poortwachter.support.xlsx.style import BOLD, print_ready, wrap_cells

    wb = Workbook()
    ws = wb.active
    ws.title = "Fouten"
    ws.append(["Bestand", "Blad", "Rij", "Kolom", "Veld", "Reden"])
    for e in result.errors:
        ws.append(
            [
                safe_cell(scrub_data(v))
                for v in (result.source, e.sheet, e.row, e.column, e.field, e.message)
            ]
        )
    wrap_cells(ws, (30, 14, 6, 8, 22, 80))
    print_ready(ws)
    ws.freeze_panes = "A2"
    for c in ws[1]:
        c.font = BOLD
    import io

    buf = io.BytesIO()
    wb.save(buf)
    blobs = {
        "xlsx": buf.getvalue(),
        "json": (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    }
    for n in range(1, 1000):
        base = f"foutrapport_{result.form.value}_{stamp}" + (f"-{n}" if n > 1 else "")
        paths = [out_dir / f"{base}.{ext}" for ext in blobs]
        if any(p.exists() for p in paths):
            continue
        try:
            for path, blob in zip(paths, blobs.values(), strict=True):
                write_atomic(path, blob, overwrite=False)
        except OutputError:
            raise
        except InputError:  # another run took this name meanwhile
            continue
        return paths
    raise OutputError(f"{out_dir}: geen vrije naam voor het foutrapport")
