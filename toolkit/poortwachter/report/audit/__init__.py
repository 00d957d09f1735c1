"""Audit results in each output format: :data:`FORMATS` and :func:`render_audit`.

Every format renders a list of results (one per dossier) with the same signature,
``(results, show_bsn) -> str | bytes``; BSNs are masked unless ``show_bsn``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from poortwachter.report import ReportFormat, pick, registry

if TYPE_CHECKING:
    from poortwachter.audit.result import AuditResult

AuditRender = Callable[[Sequence["AuditResult"], bool], str | bytes]


def _text(results: Sequence[AuditResult], show_bsn: bool) -> str:
    from poortwachter.report.audit.text import render_many

    return render_many(results, show_bsn=show_bsn)


def _json(results: Sequence[AuditResult], show_bsn: bool) -> str:
    from poortwachter.report.audit.json import render_many

    return render_many(results, show_bsn=show_bsn)


def _html(results: Sequence[AuditResult], show_bsn: bool) -> str:
    from poortwachter.report.audit.html import render_many

    return render_many(results, show_bsn=show_bsn)


def _xlsx(results: Sequence[AuditResult], show_bsn: bool) -> bytes:
    from poortwachter.report.audit.xlsx import render

    return render(results, show_bsn=show_bsn)


#: The audit report's output formats by ``--format`` name.
FORMATS: dict[str, ReportFormat[AuditRender]] = registry(
    ReportFormat("text", "Tekst", _text),
    ReportFormat("json", "JSON", _json),
    ReportFormat("html", "HTML", _html),
    ReportFormat("xlsx", "Een XLSX-overzicht", _xlsx),
)


def render_audit(
    results: Sequence[AuditResult], fmt: str, *, show_bsn: bool = False
) -> str | bytes:
    """``results`` in format ``fmt`` (a key of :data:`FORMATS`)."""
    return pick(FORMATS, fmt).render(results, show_bsn)
