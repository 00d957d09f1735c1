"""Timeline as a spreadsheet: one row per milestone; overdue red, done late orange."""

from __future__ import annotations

import io

from openpyxl import Workbook

from poortwachter.domain.labels import MILESTONE_LABELS, STATUS_LABELS
from poortwachter.domain.milestones import Timeline
from poortwachter.domain.vocabulary import MilestoneStatus
from poortwachter.support.xlsx.safe import safe_cell
from poortwachter.support.xlsx.style import (
    BOLD,
    DATE_FORMAT,
    GREY,
    ORANGE,
    RED,
    print_ready,
    wrap_cells,
)

HEADERS = ["Mijlpaal", "id", "Uiterlijk", "Status", "Gedaan", "Vanaf", "Toelichting", "Bron"]


def render(tl: Timeline) -> bytes:
    """The timeline as an XLSX workbook: one row per milestone with label, dates, status, note
    and source; overdue rows red, done late orange, not applicable grey."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tijdlijn"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = BOLD
    for m in tl.milestones:
        ws.append(
            [
                safe_cell(MILESTONE_LABELS[m.id]),
                m.id.value,
                m.due,
                STATUS_LABELS[m.status],
                m.done,
                m.opens,
                safe_cell(m.note or ""),
                safe_cell(m.reference),
            ]
        )
        row = ws.max_row
        for col in (3, 5, 6):
            ws.cell(row, col).number_format = DATE_FORMAT
        fill = {
            MilestoneStatus.OVERDUE: RED,
            MilestoneStatus.DONE_LATE: ORANGE,
            MilestoneStatus.NOT_APPLICABLE: GREY,
        }.get(m.status)
        if fill:
            for cell in ws[row]:
                cell.fill = fill
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wrap_cells(ws, (28, 20, 12, 18, 12, 12, 40, 45))
    print_ready(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
