"""The batch run: rows handed out in chunks to a process pool (or done in this process),
outcomes collected in row order, Ctrl-C and dead workers handled (:func:`run_batch`)."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError, OutputError
from poortwachter.forms import form_spec
from poortwachter.generate.batch.result import (
    WORKER_DIED,
    BatchInterrupted,
    BatchOutputError,
    BatchResult,
    OutputBroken,
    RowError,
    write_error_report,
)
from poortwachter.generate.batch.sheet import BatchInput, RowTask, form_structure, read_rows
from poortwachter.generate.batch.worker import (
    Job,
    RowOutcome,
    prepare_templates,
    process_chunk,
    process_row,
    worker_init,
)
from poortwachter.generate.names import DEFAULT_PATTERN, check_pattern
from poortwachter.generate.render import OutputFormat, output_formats
from poortwachter.generate.write import prepare_out_dir, target_path
from poortwachter.inputs.stdin import spreadsheet_file
from poortwachter.inputs.tabular import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_ROWS,
)
from poortwachter.support.files import remove_orphan_temp_files
from poortwachter.support.gc import paused_gc
from poortwachter.support.lifecycle import exit_code

#: ``progress(done, total, item)``: called after every chunk of rows (the CLI draws a bar).
ProgressCallback = Callable[[int, int, str], None]

#: Rows per task sent to a worker process (amortises the inter-process traffic).
CHUNK_ROWS = 24


def _chunks(tasks: list[RowTask], size: int) -> Iterator[list[RowTask]]:
    for i in range(0, len(tasks), size):
        yield tasks[i : i + size]


def run_batch(
    form: FormId | str,
    spreadsheet: str | Path,
    out_dir: str | Path,
    fmt: str = "docx",
    *,
    workers: int | None = None,
    pattern: str = DEFAULT_PATTERN,
    templates_dir: str | Path | None = None,
    overwrite: bool = False,
    progress: ProgressCallback | None = None,
    on_result: Callable[[int, list[str], list[RowError]], None] | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BatchResult:
    """Write one form per spreadsheet row into ``out_dir``.

    ``workers``: number of processes (default ``os.cpu_count()``; 1 runs in this process).
    Raises :class:`InputError` when the file, its columns or the options are unusable;
    row problems do not raise but end up in :attr:`BatchResult.errors` and in the error
    report in ``out_dir``. Existing files are skipped (counted in
    :attr:`BatchResult.rows_skipped`) unless ``overwrite``. ``max_rows``/``max_bytes``
    limit the spreadsheet (:func:`~poortwachter.inputs.tabular.read_table`); ``spreadsheet``
    ``-`` reads standard input. Ctrl-C raises
    :class:`BatchInterrupted` with the result so far; an output that cannot be written
    (no permission, disk full) :class:`BatchOutputError`, also with the result so far.
    """
    spec = form_spec(form)
    formats = output_formats(fmt)
    check_pattern(pattern)
    if workers is not None and workers < 1:
        raise InputError(f"--workers moet minstens 1 zijn, niet {workers}")
    tdir = str(Path(templates_dir).resolve()) if templates_dir is not None else None
    with spreadsheet_file(spreadsheet, max_bytes) as (file, name):
        batch_input = read_rows(
            spec, file, pattern, max_rows=max_rows, max_bytes=max_bytes, name=name
        )
    table, tasks = batch_input.table, batch_input.tasks
    folder = prepare_out_dir(out_dir)
    _groups, lists, _plain = form_structure(spec)
    job = Job(
        spec.id,
        formats,
        str(folder.resolve()),
        tdir,
        overwrite,
        table.path,
        table.sheet,
        dict(table.columns),
        tuple(lists),
    )
    run = _Run(job, folder, _first_result(spec.id, batch_input, len(tasks)), on_result)
    prepare_templates(spec, formats, tdir)
    n_workers = min(workers or os.cpu_count() or 1, max(1, len(tasks) // 4))
    total_rows, rows_seen = len(tasks), 0

    def advance(n: int) -> None:
        nonlocal rows_seen
        rows_seen += n
        if progress is not None:
            progress(rows_seen, total_rows, f"rij {rows_seen}")

    # hand rows out in chunks and let go of each chunk once it is sent: a long batch
    # keeps only the rows in flight in memory
    # PDF rows are slow (~70 ms): small chunks keep both workers busy to the end
    largest = CHUNK_ROWS if OutputFormat.PDF not in formats else 2
    size = largest if n_workers <= 1 else max(1, min(largest, len(tasks) // (n_workers * 4)))
    queue = deque(_chunks(tasks, size))
    table.rows.clear()
    tasks.clear()
    try:
        if n_workers <= 1:
            _run_here(job, queue, run.collect, advance)
        else:
            try:
                _run_pool(job, queue, n_workers, run.collect, run.lost, advance)
            finally:
                remove_orphan_temp_files(folder)  # of a worker that was killed mid-write
    except KeyboardInterrupt as stop:  # Ctrl-C, or SIGTERM (lifecycle.Terminated)
        run.result.interrupted = True
        run.result.interrupt_code = exit_code(stop)
    except OutputBroken:  # result.output_error says why
        pass
    return run.finish()


def _first_result(form: FormId, batch_input: BatchInput, n_tasks: int) -> BatchResult:
    """The result before any row is made: the rows that failed while reading count as done."""
    result = BatchResult(
        form, batch_input.table.path, errors=list(batch_input.problems),
        warnings=batch_input.warnings,
    )  # fmt: skip
    read_failures = {e.row for e in batch_input.problems if e.sheet == batch_input.table.sheet}
    result.rows_total = n_tasks + len(read_failures)
    result.rows_done.extend(sorted(read_failures))
    return result


class _Run:
    """One batch run's bookkeeping: what each row's outcome adds to the result."""

    def __init__(
        self,
        job: Job,
        folder: Path,
        result: BatchResult,
        on_result: Callable[[int, list[str], list[RowError]], None] | None,
    ) -> None:
        self.job, self.folder, self.result, self.on_result = job, folder, result, on_result
        self.started = time.time() - 2  # file system timestamps may be coarse
        self.stamp = time.strftime("%Y%m%d-%H%M%S")
        self.row_warnings: list[RowError] = []

    def collect(self, outcome: RowOutcome) -> None:
        """Add one row's outcome; the first row whose output cannot be written stops all."""
        row, written, errors, skipped, fatal, warned = outcome
        result = self.result
        result.written.extend(Path(p) for p in written)
        result.skipped.extend(Path(p) for p in skipped)
        if fatal:  # the row is still to do; the first such row stops the batch
            first = result.output_error is None
            result.output_error = result.output_error or fatal
            if first:
                raise OutputBroken
            return
        result.rows_done.append(row)
        self.row_warnings.extend(warned)
        if errors:
            result.errors.extend(errors)
        elif written:
            result.rows_ok += 1
        else:
            result.rows_skipped += 1
        if self.on_result is not None:
            self.on_result(row, written, errors)

    def lost(self, rows: list[RowTask]) -> None:
        """Rows whose worker died before it reported them: a row whose files all exist
        counts as made (written by this run) or skipped (older, no overwrite); any other
        row fails, and the rerun finishes it."""
        job = self.job
        for task in rows:
            targets = [target_path(self.folder, task.stem, f) for f in job.formats]
            try:
                times = [t.stat().st_mtime for t in targets]
            except OSError:
                times = []
            names = [str(t) for t in targets]
            if times and all(t >= self.started for t in times):
                self.collect(RowOutcome(task.row, names, [], []))
            elif times and not job.overwrite:
                self.collect(RowOutcome(task.row, [], [], names))
            else:
                self.result.errors.append(RowError(task.row, WORKER_DIED, job.sheet, path=job.path))
                self.result.rows_done.append(task.row)

    def finish(self) -> BatchResult:
        """Sort the errors, write this run's error report, raise when the batch stopped."""
        result = self.result
        result.errors.sort(key=lambda e: (e.row, e.sheet or "", e.column or ""))
        self.row_warnings.sort(key=lambda e: (e.row, e.sheet or "", e.column or ""))
        result.warnings.extend(w.describe() for w in self.row_warnings)
        if result.errors:
            try:
                result.report_paths = write_error_report(result, self.folder, self.stamp)
            except OutputError as exc:
                if result.output_error is None:
                    raise BatchOutputError(str(exc), result) from None
        if result.output_error is not None:
            raise BatchOutputError(result.output_error, result)
        if result.interrupted:
            raise BatchInterrupted(result)
        return result


def _run_here(
    job: Job,
    queue: deque[list[RowTask]],
    collect: Callable[[RowOutcome], None],
    advance: Callable[[int], None],
) -> None:
    """The chunks in ``queue`` in this process (one worker)."""
    while queue:
        chunk = queue.popleft()
        with paused_gc():
            for task in chunk:
                collect(process_row(job, task))
        advance(len(chunk))


def _run_pool(
    job: Job,
    queue: deque[list[RowTask]],
    n_workers: int,
    collect: Callable[[RowOutcome], None],
    lost: Callable[[list[RowTask]], None],
    advance: Callable[[int], None],
) -> None:
    """Run the chunks in ``queue`` in a process pool.

    Ctrl-C (KeyboardInterrupt here) or an output that cannot be written (``collect`` raises
    :class:`OutputBroken`): set the stop event, cancel the chunks not started, let the
    workers finish the row they are on, collect what they did, then re-raise.
    A dead worker (BrokenProcessPool): every row not reported goes to ``lost``, once the
    pool has ended (its other workers may still be writing until then).
    """
    stop = multiprocessing.get_context().Event()
    pending: dict[cf.Future[list[RowOutcome]], list[RowTask]] = {}
    unreported: list[list[RowTask]] = []
    try:
        _pool_loop(job, queue, n_workers, collect, advance, stop, pending, unreported)
    finally:  # the pool has shut down: no worker writes any more
        for rows in unreported:
            lost(rows)


def _pool_loop(
    job: Job,
    queue: deque[list[RowTask]],
    n_workers: int,
    collect: Callable[[RowOutcome], None],
    advance: Callable[[int], None],
    stop: Any,
    pending: dict[cf.Future[list[RowOutcome]], list[RowTask]],
    unreported: list[list[RowTask]],
) -> None:
    lost = unreported.append

    def take(fut: cf.Future[list[RowOutcome]]) -> None:
        rows = pending.pop(fut)
        try:
            outcomes = [] if fut.cancelled() else fut.result()
        except cf.process.BrokenProcessPool:
            lost(rows)
            return
        for outcome in outcomes:
            collect(outcome)
        advance(len(outcomes))

    with cf.ProcessPoolExecutor(
        max_workers=n_workers, initializer=worker_init, initargs=(stop,)
    ) as pool:
        try:
            while queue or pending:
                while queue and len(pending) < n_workers * 3:
                    chunk = queue.popleft()
                    pending[pool.submit(process_chunk, job, chunk)] = chunk
                done, _ = cf.wait(list(pending), return_when=cf.FIRST_COMPLETED)
                broken = False
                for fut in done:
                    broken = broken or isinstance(fut.exception(), cf.process.BrokenProcessPool)
                    take(fut)
                if broken:  # the pool is unusable: every row not done is lost
                    for fut in list(pending):
                        take(fut) if fut.done() else lost(pending.pop(fut))
                    while queue:
                        lost(queue.popleft())
        except (KeyboardInterrupt, OutputBroken):
            stop.set()
            for fut in list(pending):
                fut.cancel()
            cf.wait(list(pending))
            for fut in list(pending):
                take(fut)
            queue.clear()
            raise
