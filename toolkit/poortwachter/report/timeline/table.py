"""Timeline as a Dutch text table."""

from __future__ import annotations

from poortwachter.domain.dates import format_nl
from poortwachter.domain.labels import MILESTONE_LABELS, STATUS_LABELS
from poortwachter.domain.milestones import Timeline
from poortwachter.report.tables import render_table


def render(tl: Timeline) -> str:
    """The timeline as Dutch text for the terminal: a heading (eerste ziektedag, peildatum and
    the rules that moved the dates), then a table with one row per milestone."""
    head = [
        f"Tijdlijn poortwachter — eerste ziektedag {format_nl(tl.eerste_ziektedag)}, "
        f"peildatum {format_nl(tl.peildatum)}"
    ]
    if tl.oorspronkelijke_eerste_ziektedag:
        head.append(
            f"Nieuwe wachttijd: herstel van 4 weken of langer na de eerste ziektedag "
            f"{format_nl(tl.oorspronkelijke_eerste_ziektedag)}."
        )
    for p in tl.samengeteld:
        head.append(
            f"Samengeteld: herstel {format_nl(p.start)} t/m {format_nl(p.eind)} "
            f"({p.dagen} dagen) schuift latere deadlines op."
        )
    for v in tl.verlof:
        head.append(
            f"Zwangerschaps- en bevallingsverlof {format_nl(v.start)} t/m {format_nl(v.eind)} "
            f"({v.dagen} dagen) telt niet mee en schuift latere deadlines op."
        )
    rows = []
    for m in tl.milestones:
        status = STATUS_LABELS[m.status]
        if m.done:
            status += f" ({format_nl(m.done)})"
        note = m.note or ""
        if m.opens:
            note = f"vanaf {format_nl(m.opens)}" + (f"; {note}" if note else "")
        rows.append(
            [
                MILESTONE_LABELS[m.id],
                m.id.value,
                format_nl(m.due),
                status,
                note,
                m.reference,
            ]
        )
    table = render_table(["Mijlpaal", "id", "Uiterlijk", "Status", "Toelichting", "Bron"], rows)
    return "\n".join(head) + "\n\n" + table + "\n"
