"""The audit overview of many dossiers as XLSX: one row per dossier and a sheet with every
finding, autofilter on. Every text cell goes through :func:`safe_cell` (formula injection)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from poortwachter.audit.result import AuditResult
from poortwachter.domain.labels import CATEGORY_LABELS, KIND_LABELS, SEVERITY_LABELS
from poortwachter.domain.privacy import mask_bsn, scrub
from poortwachter.domain.vocabulary import Severity
from poortwachter.support.textsafe import escape_controls
from poortwachter.support.xlsx.safe import safe_cell
from poortwachter.support.xlsx.style import print_ready, wrap_cells

OVERVIEW_HEADER = [
    "Dossier",
    "Werknemer",
    "BSN",
    "Eerste ziektedag",
    "Peildatum",
    "Documenten",
    "Blokkerend",
    "Waarschuwingen",
    "Advies",
    "Klaar voor indiening",
    "Met OCR gelezen",
]
FINDINGS_HEADER = [
    "Dossier",
    "Werknemer",
    "Regel",
    "Ernst",
    "Categorie",
    "Onderdeel",
    "Bevinding",
    "Bestand",
    "Pagina",
    "Fragment",
    "Bron",
]


def _append(ws: Any, values: list[Any], show_bsn: bool) -> None:
    """One row; every text scrubbed (BSNs, dates of birth), with characters a cell cannot
    hold shown escaped (a control character in a file name), and safe for a spreadsheet."""
    ws.append([safe_cell(_shown(v, show_bsn) if isinstance(v, str) else v) for v in values])


def _shown(text: str, show_bsn: bool) -> str:
    return escape_controls(scrub(text, show_bsn=show_bsn), keep="\t\n\r")


def render(results: Sequence[AuditResult], *, show_bsn: bool = False) -> bytes:
    """The workbook as bytes (write it with :func:`poortwachter.support.files.write_atomic`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    bold = Font(bold=True)
    red = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
    green = PatternFill("solid", start_color="C8E6C9", end_color="C8E6C9")
    wb = Workbook()
    overview = wb.active
    overview.title = "Overzicht"
    _append(overview, OVERVIEW_HEADER, show_bsn)
    for r in results:
        _append(
            overview,
            [
                r.dossier_path,
                r.werknemer_naam or "",
                mask_bsn(r.werknemer_bsn, show=show_bsn),
                r.eerste_ziektedag,
                r.peildatum,
                len(r.documents),
                r.count(Severity.BLOCKER),
                r.count(Severity.WARNING),
                r.count(Severity.INFO),
                "ja" if r.ready_for_submission else "nee",
                ", ".join(d.label for d in r.documents if d.ocr),
            ],
            show_bsn,
        )
        row = overview.max_row
        overview.cell(row, 4).number_format = "DD-MM-YYYY"
        overview.cell(row, 5).number_format = "DD-MM-YYYY"
        overview.cell(row, 10).fill = green if r.ready_for_submission else red
    findings = wb.create_sheet("Bevindingen")
    _append(findings, FINDINGS_HEADER, show_bsn)
    for r in results:
        for f in r.findings:
            ev = f.evidence[0] if f.evidence else None
            _append(
                findings,
                [
                    r.dossier_path,
                    r.werknemer_naam or "",
                    f.rule,
                    SEVERITY_LABELS[f.severity],
                    CATEGORY_LABELS[f.category],
                    KIND_LABELS[f.document_kind],
                    f.message,
                    ev.path if ev else "",
                    ev.page if ev and ev.page else None,
                    ev.excerpt if ev else "",
                    f.reference,
                ],
                show_bsn,
            )
    for ws, widths in (
        (overview, [34, 22, 12, 13, 12, 11, 11, 15, 8, 12, 34]),
        (findings, [22, 16, 9, 12, 13, 18, 45, 22, 7, 35, 30]),
    ):
        wrap_cells(ws, widths)
        print_ready(ws)
        for cell in ws[1]:
            cell.font = bold
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
