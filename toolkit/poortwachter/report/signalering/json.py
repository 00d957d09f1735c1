"""Signalering as JSON: every case with its overdue and due-soon milestones.

The document carries ``schema_version`` (checklists/signalering.schema.json). One case per
line: readable, and fast (json's C encoder; ``indent=`` would switch to the
pure-Python one). Cases are encoded one by one (:func:`case_fragment`) so that they can be
encoded in several processes and joined (:func:`assemble`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date

from poortwachter.domain.milestones import SCHEMA_VERSION, Milestone
from poortwachter.domain.privacy import mask_bsn, scrub
from poortwachter.domain.signalering import Signal

# json.dumps with non-default options builds a new encoder per call: reuse one
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _ms(ms: Iterable[Milestone]) -> list[dict[str, str]]:
    # a StrEnum member is a str: json writes its value without the slow .value lookup
    return [{"id": m.id, "due": m.due.isoformat()} for m in ms]


def _done_late(ms: Iterable[Milestone]) -> list[dict[str, str]]:
    return [
        {"id": m.id, "due": m.due.isoformat(), "done": m.done.isoformat()} for m in ms if m.done
    ]


def case_fragment(row: int, s: Signal, *, toon_bsn: bool = False) -> str:
    """One case as a JSON object on one line: row, dossier, name and BSN (masked unless
    ``toon_bsn``), eerste ziektedag, the overdue, due-soon and done-late milestones and the
    next one."""
    wn = s.case.werknemer
    nxt = s.next_due
    return _ENCODE(
        {
            "rij": row,
            "dossier": scrub(s.case.dossier, show_bsn=toon_bsn) if s.case.dossier else None,
            "naam": scrub(wn.naam, show_bsn=toon_bsn) if wn and wn.naam else None,
            "bsn": mask_bsn(wn.bsn, show=toon_bsn) if wn and wn.bsn else None,
            "eerste_ziektedag": s.timeline.eerste_ziektedag.isoformat(),
            "te_laat": _ms(s.overdue),
            "binnenkort": _ms(s.due_soon),
            "te_laat_gedaan": _done_late(s.done_late),
            "volgende": {"id": nxt.id, "due": nxt.due.isoformat()} if nxt else None,
        }
    )


def assemble(
    fragments: Sequence[str], peildatum: date, horizon_days: int, problems: Sequence[str] = ()
) -> str:
    """The signalering JSON document from the case fragments in row order, with the rows
    that could not be read (``problems``) under ``fouten``."""
    head = _ENCODE(
        {
            "schema_version": SCHEMA_VERSION,
            "peildatum": peildatum.isoformat(),
            "horizon_dagen": horizon_days,
        }
    )
    zaken = "[\n  " + ",\n  ".join(fragments) + "\n ]" if fragments else "[]"
    return f'{head[:-1]},\n "zaken": {zaken},\n "fouten": {_ENCODE(list(problems))}\n}}\n'
