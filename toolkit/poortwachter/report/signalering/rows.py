"""What each signalering output shows of a case, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from poortwachter.domain.dates import format_nl
from poortwachter.domain.labels import MILESTONE_LABELS
from poortwachter.domain.milestones import Milestone
from poortwachter.domain.privacy import mask_bsn, scrub
from poortwachter.domain.signalering import Signal


def describe(milestones: tuple[Milestone, ...]) -> str:
    """'Probleemanalyse (12 februari 2026); Plan van aanpak (26 februari 2026)'."""
    return "; ".join(f"{MILESTONE_LABELS[m.id]} ({format_nl(m.due)})" for m in milestones)


def describe_done_late(milestones: tuple[Milestone, ...]) -> str:
    """'Probleemanalyse (uiterlijk 12 februari 2026, gedaan 20 maart 2026)'."""
    return "; ".join(
        f"{MILESTONE_LABELS[m.id]} (uiterlijk {format_nl(m.due)}, gedaan {format_nl(m.done)})"
        for m in milestones
        if m.done
    )


@dataclass(frozen=True, slots=True)
class SignalRow:
    """One case as the worklist shows it: the row, the case and employee (BSN masked unless
    asked), the overdue, due-soon and done-late milestones as text and counted, and the
    next milestone with its date."""

    rij: int
    dossier: str
    naam: str
    bsn: str
    eerste_ziektedag: date
    te_laat: str
    binnenkort: str
    volgende: str
    volgende_datum: date | None
    n_te_laat: int
    n_binnenkort: int
    te_laat_gedaan: str = ""
    n_te_laat_gedaan: int = 0


def signal_row(row_number: int, s: Signal, *, toon_bsn: bool = False) -> SignalRow:
    """The :class:`SignalRow` of the case in spreadsheet row ``row_number``."""
    wn = s.case.werknemer
    nxt = s.next_due
    return SignalRow(
        rij=row_number,
        dossier=scrub(s.case.dossier or "", show_bsn=toon_bsn),
        naam=scrub(wn.naam, show_bsn=toon_bsn) if wn else "",
        bsn=mask_bsn(wn.bsn if wn else None, show=toon_bsn),
        eerste_ziektedag=s.timeline.eerste_ziektedag,
        te_laat=describe(s.overdue),
        binnenkort=describe(s.due_soon),
        volgende=MILESTONE_LABELS[nxt.id] if nxt else "",
        volgende_datum=nxt.due if nxt else None,
        n_te_laat=len(s.overdue),
        n_binnenkort=len(s.due_soon),
        te_laat_gedaan=describe_done_late(s.done_late),
        n_te_laat_gedaan=len(s.done_late),
    )
