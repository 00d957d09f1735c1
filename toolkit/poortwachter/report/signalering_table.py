"""Signalering as a Dutch text table: only the cases that need attention."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from poortwachter.domain.dates import format_nl
from poortwachter.report.signalering_rows import SignalRow
from poortwachter.report.tables import render_table


def render(rows: Sequence[SignalRow], peildatum: date, horizon_days: int) -> str:
    late = sum(1 for r in rows if r.n_te_laat)
    soon = sum(1 for r in rows if r.n_binnenkort)
    head = (
        f"Signalering op {format_nl(peildatum)}: {len(rows)} {'zaak' if len(rows) == 1 else 'zaken'}, {late} met te late "
        f"mijlpalen, {soon} met mijlpalen binnen {horizon_days} dagen."
    )
    shown = [r for r in rows if r.n_te_laat or r.n_binnenkort]
    if not shown:
        return head + "\n"
    table = render_table(
        ["Rij", "Dossier", "Werknemer", "BSN", "Te laat", "Binnenkort"],
        [[str(r.rij), r.dossier, r.naam, r.bsn, r.te_laat or "-", r.binnenkort or "-"] for r in shown],
    )
    return head + "\n\n" + table + "\n"
