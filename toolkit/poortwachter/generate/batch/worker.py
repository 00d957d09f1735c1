"""One row in a worker: validate, render, write (:func:`process_row`), chunk by chunk with the
garbage collector paused; the worker ends after its row on Ctrl-C."""

# No ``from __future__ import annotations`` here: RowOutcome is a NamedTuple, whose generated
# ``__new__`` lives in no module, so string annotations on it could not be resolved (pdoc).

import gc
import re
import signal
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from poortwachter.domain.privacy import mask_bsn, scrub
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError, OutputError, PoortwachterError
from poortwachter.forms import FormSpec, form_spec
from poortwachter.generate.batch.result import RowError
from poortwachter.generate.batch.sheet import RowTask
from poortwachter.generate.context import check_form, form_warnings
from poortwachter.generate.docx import compiled_docx
from poortwachter.generate.pdf import pdf_renderer
from poortwachter.generate.render import OutputFormat, render_document
from poortwachter.generate.template_files import find_template
from poortwachter.generate.write import target_path
from poortwachter.support.files import write_atomic
from poortwachter.support.gc import paused_gc
from poortwachter.support.lifecycle import die_with_parent

_BSN_DIGITS = re.compile(r"\d{5,}")


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a worker needs besides the rows (small, pickled per chunk)."""

    form: FormId
    formats: tuple[OutputFormat, ...]
    out_dir: str
    templates_dir: str | None
    overwrite: bool
    path: str
    sheet: str | None
    columns: Mapping[str, str]
    list_fields: tuple[str, ...]


def _locate(job: Job, task: RowTask, dotted: str) -> tuple[str | None, int, str | None, str, str]:
    """(sheet, row, column letter, field name, message prefix) of a dotted schema field."""
    parts = dotted.split(".")
    if parts[0] in job.list_fields and len(parts) >= 2 and parts[1].isdigit():
        sources = task.items.get(parts[0], [])
        index = int(parts[1])
        if index < len(sources):
            src = sources[index]
            if src.inline:
                prefix = f"onderdeel {index + 1}" + (f", {parts[2]}" if len(parts) > 2 else "")
                return src.sheet, src.row, src.columns.get(parts[0]), parts[0], f"{prefix}: "
            column = parts[2] if len(parts) > 2 else parts[0]
            return src.sheet, src.row, src.columns.get(column), column, ""
    column = "_".join(p for p in parts if not p.isdigit())
    if column not in job.columns and parts[0] in job.list_fields:
        column = parts[0]
    return job.sheet, task.row, job.columns.get(column), column, ""


def _mask(field_name: str, message: str) -> str:
    if field_name.endswith("bsn"):  # a wrong BSN may be a typo of a real one: mask it too
        return _BSN_DIGITS.sub(lambda m: mask_bsn(m.group()), message)
    return scrub(message)


class RowOutcome(NamedTuple):
    """What became of one row: files written, files left alone because they existed."""

    row: int
    written: list[str]
    errors: list[RowError]
    skipped: list[str]
    #: the output could not be written (no permission, disk full): the batch stops
    fatal: str | None = None
    #: warnings on a row that was still made (a medical term in the probleemanalyse)
    warnings: tuple[RowError, ...] = ()


def _row_error(job: Job, task: RowTask, dotted: str, message: str) -> RowError:
    """A problem with a field of a row, with its sheet, row and column."""
    sheet, row, column, name, prefix = _locate(job, task, dotted)
    return RowError(row, prefix + _mask(name, message), sheet, column, name, job.path)


def process_row(job: Job, task: RowTask) -> RowOutcome:
    """Validate, render and write one row; existing files are skipped unless overwrite."""
    spec = form_spec(job.form)
    doc, problems = check_form(spec.id, task.data)
    if doc is None:
        errors = [_row_error(job, task, dotted, message) for dotted, message in problems]
        return RowOutcome(task.row, [], errors, [])
    warned = tuple(_row_error(job, task, d, m) for d, m in form_warnings(spec.id, doc))
    out_dir = Path(job.out_dir)
    written: list[str] = []
    skipped: list[str] = []
    try:
        for fmt in job.formats:
            target = target_path(out_dir, task.stem, fmt)
            if not job.overwrite and target.exists():
                skipped.append(str(target))  # made by an earlier run: leave it alone
                continue
            blob = render_document(spec, doc, fmt, job.templates_dir)
            try:
                write_atomic(target, blob, overwrite=job.overwrite)
            except OutputError:
                raise
            except InputError:
                if job.overwrite or not target.exists():
                    raise
                skipped.append(str(target))  # appeared meanwhile: still not replaced
                continue
            written.append(str(target))
    except OutputError as exc:  # not this row's fault: every row would fail the same way
        return RowOutcome(task.row, written, [], skipped, fatal=str(exc), warnings=warned)
    except PoortwachterError as exc:
        error = RowError(task.row, str(exc), job.sheet, path=job.path)
        return RowOutcome(task.row, written, [error], skipped, warnings=warned)
    except Exception as exc:  # one broken row must not stop the batch
        reason = f"onverwachte fout bij het maken ({type(exc).__name__}: {exc})"
        error = RowError(task.row, reason, job.sheet, path=job.path)
        return RowOutcome(task.row, written, [error], skipped, warnings=warned)
    return RowOutcome(task.row, written, [], skipped, warnings=warned)


#: Set in the main process on Ctrl-C; workers then start no further row.
_STOP: Any = None


def process_chunk(job: Job, tasks: list[RowTask]) -> list[RowOutcome]:
    """Rows of one chunk, with the cyclic garbage collector paused (weasyprint and docxtpl
    build many short-lived objects; pausing saves 10-20 % per PDF). It runs between chunks.
    After Ctrl-C (the stop event) the remaining rows are left undone (not in the list)."""
    out: list[RowOutcome] = []
    with paused_gc():
        for t in tasks:
            if _STOP is not None and _STOP.is_set():
                break
            out.append(process_row(job, t))
            if out[-1].fatal:
                break
    return out


def worker_init(stop: Any = None) -> None:
    """In a fresh worker: objects inherited from the parent are never garbage; keep the
    collector from rescanning them (and from touching their pages, which forces copies).
    Ctrl-C and SIGTERM are handled by the main process alone: it sets ``stop`` and each
    worker ends after the row it is on, so no file is cut off halfway. A worker whose main
    process is gone (killed with SIGKILL) ends at once (:func:`die_with_parent`)."""
    global _STOP
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STOP = stop
    gc.freeze()


def prepare_templates(
    spec: FormSpec, formats: tuple[OutputFormat, ...], templates_dir: str | None
) -> None:
    """Compile the templates before any row is done.

    A broken template is then one clear :class:`InputError` instead of an error on every
    row, and worker processes started by fork inherit the compiled templates (and the
    imported weasyprint) instead of each paying for them.
    """
    tdir = Path(templates_dir) if templates_dir is not None else None
    for fmt in formats:
        if fmt is OutputFormat.DOCX:
            compiled_docx(find_template(spec.docx_template, tdir))
        else:
            find_template(spec.html_template, tdir)
            pdf_renderer(tdir).template(spec.html_template)
