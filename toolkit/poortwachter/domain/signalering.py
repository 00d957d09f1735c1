"""Signalering: per case, the milestones that are overdue or due soon at a peildatum.

This is what commercial verzuim suites call "signalering": the casemanager's worklist.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from poortwachter.domain.case import Case
from poortwachter.domain.milestones import Milestone, Timeline
from poortwachter.domain.timeline import compute_timeline
from poortwachter.domain.vocabulary import MilestoneStatus

#: Default look-ahead for "binnenkort" (due soon).
DEFAULT_HORIZON_DAYS = 14
# bound once: hot loop
_OVERDUE, _DUE, _DONE_LATE = MilestoneStatus.OVERDUE, MilestoneStatus.DUE, MilestoneStatus.DONE_LATE


@dataclass(frozen=True, slots=True)
class Signal:
    """What the signalering says about one case at the peildatum: the milestones that are
    overdue, due within the horizon, and done after their due date."""

    case: Case
    timeline: Timeline
    overdue: tuple[Milestone, ...]
    due_soon: tuple[Milestone, ...]
    #: done, but after the due date (te laat gedaan): UWV will see it in the dossier
    done_late: tuple[Milestone, ...] = ()

    @property
    def next_due(self) -> Milestone | None:
        """The first open milestone that is not overdue."""
        open_ = [m for m in self.timeline.milestones if m.status is _DUE]
        return min(open_, key=lambda m: m.due, default=None)


def signal_for(case: Case, peildatum: date, horizon_days: int = DEFAULT_HORIZON_DAYS) -> Signal:
    """The :class:`Signal` of ``case`` at ``peildatum``; "due soon" is due within
    ``horizon_days`` after it."""
    tl = compute_timeline(case, peildatum)
    limit = peildatum + timedelta(days=horizon_days)
    overdue = tuple(m for m in tl.milestones if m.status is _OVERDUE)
    soon = tuple(m for m in tl.milestones if m.status is _DUE and m.due <= limit)
    late = tuple(m for m in tl.milestones if m.status is _DONE_LATE)
    return Signal(case, tl, overdue, soon, late)


def signalering(
    cases: Iterable[Case], peildatum: date | None = None, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> Iterator[Signal]:
    """One :class:`Signal` per case, in input order (lazy, so 100,000 cases stream)."""
    if horizon_days < 0:
        raise ValueError("de horizon kan niet negatief zijn")
    peil = peildatum or date.today()
    for case in cases:
        yield signal_for(case, peil, horizon_days)
