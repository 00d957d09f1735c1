"""Helpers for the audit tests: the sample producers of samples/dossiers/make_samples.py."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Literal

from poortwachter.audit.engine import audit_dossier
from poortwachter.audit.intake.readers import pdf as pdf_reader
from poortwachter.audit.result import AuditResult

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).resolve().parents[1]


def samples_module() -> ModuleType:
    name = "poortwachter_make_samples"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "samples/dossiers/make_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    # mypy reads the producers' types from the file itself (samples/dossiers is on its mypy_path)
    import make_samples

    MS = make_samples
else:
    MS = samples_module()
PEILDATUM: date = MS.PEILDATUM

Rows = list[tuple[date, str, str]]


def build(
    folder: Path, parts: list[MS.Part], rows: Rows | Literal["default"] | None = "default"
) -> Path:
    """Write a dossier; rows='default' gives the regular activity log, None none at all."""
    if rows == "default":
        rows = MS.activity_rows(date(2026, 2, 16), date(2027, 9, 20))
    MS.write_dossier(folder, parts, rows)
    return folder


def audit(folder: Path, **kwargs: object) -> AuditResult:
    kwargs.setdefault("peildatum", PEILDATUM)
    return audit_dossier([folder], **kwargs)  # type: ignore[arg-type]


def rules_of(result: AuditResult, *, include_info: bool = False) -> list[str]:
    return sorted(f.rule for f in result.findings if include_info or f.severity.value != "info")


def pdfium_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read every PDF as if pdfium could not open it: the page text comes from pypdf
    (the reader's fallback, readers/pdf_runs.py)."""
    monkeypatch.setattr(pdf_reader, "pdfium_document", lambda data, pages: None)
