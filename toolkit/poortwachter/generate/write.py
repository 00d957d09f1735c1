"""Writing generated forms: paths that stay in the output folder, atomic writes.

File names come from :mod:`poortwachter.generate.names` (the pattern, safe values); the
final path is checked to lie directly in the output folder. Files are written to a
temporary file in the same folder and then renamed (never half a file); an existing file is
never replaced unless ``overwrite`` is set.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.generate.context import checked_document
from poortwachter.generate.names import (
    DEFAULT_PATTERN,
    check_pattern,
    name_values,
    output_stem,
)
from poortwachter.generate.render import OutputFormat, output_formats, render_document
from poortwachter.support.files import output_problem, write_atomic


def target_path(out_dir: Path, stem: str, fmt: OutputFormat) -> Path:
    """``out_dir/stem.ext``; raises when the result would not lie directly in ``out_dir``."""
    base = out_dir.resolve()
    path = base / f"{stem}.{fmt.value}"
    if path.parent != base or path.resolve().parent != base:
        raise InputError(f"bestandsnaam '{stem}' valt buiten de uitvoermap {out_dir}")
    return path


def prepare_out_dir(out_dir: str | Path) -> Path:
    """Create the output folder ``out_dir`` when needed and return it; raises
    :class:`~poortwachter.errors.InputError` when it is no folder or cannot be made."""
    path = Path(out_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(f"{out_dir} is geen map") from None
    except OSError as exc:
        raise output_problem(exc, path / ".") from None
    if not path.is_dir():
        raise InputError(f"{out_dir} is geen map")
    return path


def write_form(
    form: FormId | str,
    data: Mapping[str, Any],
    out_dir: str | Path,
    fmt: str = "docx",
    *,
    pattern: str = DEFAULT_PATTERN,
    templates_dir: str | Path | None = None,
    overwrite: bool = False,
    source: str = "",
    warnings: list[str] | None = None,
) -> list[Path]:
    """Validate, render and write one form as DOCX, PDF or both (``fmt="both"``).

    Returns the written paths. Nothing is written when any target already exists (unless
    ``overwrite``) or when the data are invalid (:class:`InputError`), e.g. when an
    employer's form holds a medical term. Warnings (a medical term in the probleemanalyse)
    are appended to ``warnings`` when given.
    """
    formats = output_formats(fmt)
    check_pattern(pattern)
    spec, doc = checked_document(form, data, source, warnings)
    folder = prepare_out_dir(out_dir)
    stem = output_stem(pattern, name_values(spec, doc))
    targets = [(f, target_path(folder, stem, f)) for f in formats]
    existing = [str(p) for _f, p in targets if p.exists()]
    if existing and not overwrite:
        raise InputError(
            [f"{p}: bestaat al; gebruik --overwrite om het te vervangen" for p in existing]
        )
    rendered = [(p, render_document(spec, doc, f, templates_dir)) for f, p in targets]
    for path, blob in rendered:
        write_atomic(path, blob, overwrite=overwrite)
    return [p for p, _b in rendered]
