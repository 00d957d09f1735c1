"""Signalering as Dutch text for the terminal: per case needing attention, one line per
overdue or due-soon milestone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from poortwachter.domain.dates import format_nl
from poortwachter.domain.signalering import Signal
from poortwachter.domain.vocabulary import MILESTONE_LABELS
from poortwachter.report.privacy import mask_bsn


def render(
    signals: Sequence[tuple[int, Signal]],
    peildatum: date,
    horizon_days: int,
    *,
    toon_bsn: bool = False,
) -> str:
    late = sum(1 for _, s in signals if s.overdue)
    soon = sum(1 for _, s in signals if s.due_soon)
    n = len(signals)
    lines = [
        f"Signalering op {format_nl(peildatum)}: {n} {'zaak' if n == 1 else 'zaken'}, "
        f"{late} met te late mijlpalen, {soon} met mijlpalen binnen {horizon_days} dagen."
    ]
    for row, s in signals:
        if not (s.overdue or s.due_soon):
            continue
        wn = s.case.werknemer
        who = " ".join(x for x in (s.case.dossier, wn.naam if wn else None) if x)
        extra = ", ".join(
            x for x in (mask_bsn(wn.bsn, show=toon_bsn) if wn else "", f"rij {row}") if x
        )
        lines.append(f"\n{who} ({extra})")
        for label, milestones in (("te laat   ", s.overdue), ("binnenkort", s.due_soon)):
            for m in milestones:
                lines.append(f"  {label}  {MILESTONE_LABELS[m.id]:<28} {format_nl(m.due)}")
    return "\n".join(lines) + "\n"
