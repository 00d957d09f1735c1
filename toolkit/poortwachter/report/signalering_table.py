"""Signalering as Dutch text for the terminal: per case needing attention, one line per
overdue or due-soon milestone. Cases render one by one (:func:`case_block`), so that they
can be rendered in several processes and joined (:func:`assemble`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from poortwachter.domain.dates import format_nl
from poortwachter.domain.privacy import mask_bsn, scrub
from poortwachter.domain.signalering import Signal
from poortwachter.domain.vocabulary import MILESTONE_LABELS


def case_block(row: int, s: Signal, *, toon_bsn: bool = False) -> str:
    """The lines of one case, or '' when nothing is late or due soon."""
    if not (s.overdue or s.due_soon):
        return ""
    wn = s.case.werknemer
    who = scrub(
        " ".join(x for x in (s.case.dossier, wn.naam if wn else None) if x), show_bsn=toon_bsn
    )
    extra = ", ".join(x for x in (mask_bsn(wn.bsn, show=toon_bsn) if wn else "", f"rij {row}") if x)
    lines = [f"\n{who} ({extra})"]
    for label, milestones in (("te laat   ", s.overdue), ("binnenkort", s.due_soon)):
        for m in milestones:
            lines.append(f"  {label}  {MILESTONE_LABELS[m.id]:<28} {format_nl(m.due)}")
    return "\n".join(lines)


def assemble(
    blocks: Iterable[str], cases: int, late: int, soon: int, peildatum: date, horizon_days: int
) -> str:
    head = (
        f"Signalering op {format_nl(peildatum)}: {cases} {'zaak' if cases == 1 else 'zaken'}, "
        f"{late} met te late mijlpalen, {soon} met mijlpalen binnen {horizon_days} dagen."
    )
    return "\n".join([head, *(b for b in blocks if b)]) + "\n"
