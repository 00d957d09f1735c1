"""The signalering in any of its output formats: one library call for scripts and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from poortwachter.domain.signalering import Signal

FORMATS = ("table", "json", "xlsx")


def render_signalering(
    signals: Sequence[tuple[int, Signal]],
    fmt: str,
    peildatum: date,
    horizon_days: int,
    problems: Sequence[str] = (),
    *,
    toon_bsn: bool = False,
) -> str | bytes:
    """``signals`` as (row number, signal) pairs → text (table, json) or bytes (xlsx)."""
    if fmt == "json":
        from poortwachter.report import signalering_json

        return signalering_json.render(
            signals, peildatum, horizon_days, problems, toon_bsn=toon_bsn
        )
    if fmt == "xlsx":
        from poortwachter.report import signalering_xlsx
        from poortwachter.report.signalering_rows import signal_row

        rows = [signal_row(row, s, toon_bsn=toon_bsn) for row, s in signals]
        return signalering_xlsx.render(rows, problems)
    if fmt == "table":
        from poortwachter.report import signalering_table

        return signalering_table.render(signals, peildatum, horizon_days, toon_bsn=toon_bsn)
    raise ValueError(f"onbekend formaat '{fmt}'; kies uit: {', '.join(FORMATS)}")
