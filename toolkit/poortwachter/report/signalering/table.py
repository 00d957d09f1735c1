"""Signalering as Dutch text for the terminal: per case needing attention, one line per
overdue or due-soon milestone. Cases render one by one (:func:`case_block`), so that they
can be rendered in several processes and joined (:func:`assemble`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from poortwachter.domain.dates import format_nl
from poortwachter.domain.labels import MILESTONE_LABELS
from poortwachter.domain.privacy import mask_bsn, scrub
from poortwachter.domain.signalering import Signal


def case_block(row: int, s: Signal, *, toon_bsn: bool = False) -> str:
    """The lines of one case, or '' when nothing is late, due soon or done late."""
    if not (s.overdue or s.due_soon or s.done_late):
        return ""
    wn = s.case.werknemer
    who = scrub(
        " ".join(x for x in (s.case.dossier, wn.naam if wn else None) if x), show_bsn=toon_bsn
    )
    extra = ", ".join(x for x in (mask_bsn(wn.bsn, show=toon_bsn) if wn else "", f"rij {row}") if x)
    lines = [f"\n{who} ({extra})"]
    for label, milestones in (("te laat", s.overdue), ("binnenkort", s.due_soon)):
        for m in milestones:
            lines.append(f"  {label:<14}  {MILESTONE_LABELS[m.id]:<30} {format_nl(m.due)}")
    for m in s.done_late:
        done = f", gedaan {format_nl(m.done)}" if m.done else ""
        lines.append(
            f"  {'te laat gedaan':<14}  {MILESTONE_LABELS[m.id]:<30} {format_nl(m.due)}{done}"
        )
    return "\n".join(lines)


def assemble(
    blocks: Iterable[str],
    cases: int,
    late: int,
    soon: int,
    peildatum: date,
    horizon_days: int,
    done_late: int = 0,
) -> str:
    """The whole text: the summary line (counts at the peildatum and horizon), then the
    blocks of the cases that need attention."""
    head = (
        f"Signalering op {format_nl(peildatum)}: {cases} {'zaak' if cases == 1 else 'zaken'}, "
        f"{late} met te late mijlpalen, {soon} met mijlpalen binnen {horizon_days} dagen, "
        f"{done_late} met te laat gedane mijlpalen."
    )
    return "\n".join([head, *(b for b in blocks if b)]) + "\n"
