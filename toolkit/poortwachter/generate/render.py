"""Render one form from a dict to bytes: the library entry point scripts use.

from poortwachter.generate import render_form
pdf = render_form("plan_van_aanpak", data, "pdf")
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.forms import FormSpec
from poortwachter.generate.context import build_context, checked_document
from poortwachter.generate.docx import render_docx
from poortwachter.generate.pdf import render_pdf
from poortwachter.generate.template_files import find_template
from poortwachter.generate.template_safety import time_limit


class OutputFormat(StrEnum):
    """One file format a form is written in."""

    DOCX = "docx"
    PDF = "pdf"


def output_formats(choice: str) -> tuple[OutputFormat, ...]:
    """``docx`` / ``pdf`` / ``both`` (the CLI's ``--format``) → the formats to write."""
    if choice == "both":
        return (OutputFormat.DOCX, OutputFormat.PDF)
    try:
        return (OutputFormat(choice),)
    except ValueError:
        raise InputError(f"'{choice}' is geen formaat; kies docx, pdf of both") from None


def render_document(
    spec: FormSpec,
    doc: Mapping[str, Any],
    fmt: OutputFormat | str,
    templates_dir: str | Path | None = None,
) -> bytes:
    """Render an already validated document (see :func:`validate_form`)."""
    context = build_context(spec, doc)
    fmt = OutputFormat(fmt)
    tdir = Path(templates_dir) if templates_dir is not None else None
    if fmt is OutputFormat.DOCX:
        template = find_template(spec.docx_template, tdir)
        with time_limit(template.name):
            return render_docx(template, context)
    find_template(spec.html_template, tdir)  # a clear message when it is missing
    with time_limit(spec.html_template):
        return render_pdf(spec.html_template, context, tdir)


def render_form(
    form: FormId | str,
    data: Mapping[str, Any],
    fmt: OutputFormat | str = OutputFormat.DOCX,
    *,
    templates_dir: str | Path | None = None,
    source: str = "",
    warnings: list[str] | None = None,
) -> bytes:
    """Validate ``data`` against the form's schema and render it as DOCX or PDF bytes.

    ``data`` is nested like the sample YAML files (``werknemer: {naam, bsn, functie}``,
    ``activiteiten: [{wat, wie, wanneer}]``, ``ondertekenaars: [{naam, functie, datum,
    rol}]``). Raises :class:`~poortwachter.errors.InputError` with a Dutch message naming
    every field that is missing or wrong. ``templates_dir`` points to your own templates
    (house style); files missing there are taken from the bundled set. Given ``warnings``,
    it receives the unknown keys of ``data`` and the form's warnings, as ``generate``
    prints them.
    """
    try:
        fmt = OutputFormat(fmt)
    except ValueError:
        raise InputError(f"'{fmt}' is geen formaat; kies docx of pdf") from None
    spec, doc = checked_document(form, data, source, warnings)
    return render_document(spec, doc, fmt, templates_dir)
