"""Signalering as JSON: every case with its overdue and due-soon milestones."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from poortwachter.domain.signalering import Signal
from poortwachter.domain.timeline import Milestone
from poortwachter.report.privacy import mask_bsn


def _ms(ms: Iterable[Milestone]) -> list[dict[str, str]]:
    return [{"id": m.id.value, "due": m.due.isoformat()} for m in ms]


def render(
    signals: Iterable[tuple[int, Signal]],
    peildatum: date,
    horizon_days: int,
    problems: Sequence[str] = (),
    *,
    toon_bsn: bool = False,
) -> str:
    zaken = []
    for row, s in signals:
        wn = s.case.werknemer
        nxt = s.next_due
        zaken.append(
            {
                "rij": row,
                "dossier": s.case.dossier,
                "naam": wn.naam if wn else None,
                "bsn": mask_bsn(wn.bsn, show=toon_bsn) if wn and wn.bsn else None,
                "eerste_ziektedag": s.timeline.eerste_ziektedag.isoformat(),
                "te_laat": _ms(s.overdue),
                "binnenkort": _ms(s.due_soon),
                "volgende": {"id": nxt.id.value, "due": nxt.due.isoformat()} if nxt else None,
            }
        )
    doc = {
        "peildatum": peildatum.isoformat(),
        "horizon_dagen": horizon_days,
        "zaken": zaken,
        "fouten": list(problems),
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
