"""What a timeline is made of: a :class:`Milestone` (due date, status, source) and the
:class:`Timeline` of one case, with the timeline JSON (``to_dict``) and the source
(:data:`REFERENCES`) of every milestone. :func:`~poortwachter.domain.timeline.compute_timeline`
builds them."""

# No ``from __future__ import annotations`` here: a NamedTuple's generated ``__new__`` lives
# in no module, so string annotations on Milestone could not be resolved by tools that read
# them (pdoc's API reference, typing.get_type_hints on Milestone.__new__).

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from poortwachter.domain.case import HerstelPeriode, Periode, VerlofPeriode
from poortwachter.domain.vocabulary import MilestoneId, MilestoneStatus

M = MilestoneId


#: Version of the timeline JSON (and of the signalering JSON built from it).
SCHEMA_VERSION = 1


#: Legal (or practice) source of each milestone, shown next to it everywhere.
REFERENCES: dict[MilestoneId, str] = {
    M.ZIEKMELDING: "Praktijk: ziekmelding bij arbodienst/bedrijfsarts in week 1",
    M.PROBLEEMANALYSE: "Regeling procesgang art. 2 lid 2",
    M.ZIEKMELDING_UWV_ZWANGERSCHAP: (
        "Ziektewet art. 38a (ziekte door zwangerschap of bevalling, art. 29a)"
    ),
    M.PLAN_VAN_AANPAK: "Regeling procesgang art. 4 lid 1",
    M.EVALUATIE: "Regeling procesgang art. 4 lid 2 b (periodiek); elke 6 weken is UWV-praktijk",
    M.ZIEKMELDING_UWV: "Ziektewet art. 38 lid 1",
    M.EERSTEJAARSEVALUATIE: "Regeling procesgang art. 4 lid 2 b",
    M.SPOOR2_START: "UWV Werkwijzer Poortwachter (praktijk)",
    M.IVA_AANVRAAG: "Wet WIA art. 23 lid 6 (verkorte wachttijd)",
    M.UWV_BRIEF_WIA: "Wet WIA art. 64 lid 2",
    M.EINDEVALUATIE: "Wet WIA art. 25 lid 3",
    M.WIA_AANVRAAG: "Wet WIA art. 64 lid 3",
    M.EINDE_WACHTTIJD: "Wet WIA art. 23 lid 1",
    M.MELDING_EINDE_DIENSTVERBAND: "Ziektewet art. 38 lid 2",
    M.RIV_EINDE_DIENSTVERBAND: "Ziektewet art. 38 lid 2; Regeling procesgang art. 6 lid 2",
}


class Milestone(NamedTuple):
    """One milestone; immutable (a NamedTuple: 100,000 cases build 1.1 million of them)."""

    id: MilestoneId
    due: date
    status: MilestoneStatus
    reference: str
    #: the date it was done, when that is on or before the peildatum
    done: date | None = None
    #: Dutch explanation when a rule changed the milestone (AOW, verlenging, ...)
    note: str | None = None
    #: first day of a window (the IVA request), when the milestone has one
    opens: date | None = None

    def to_dict(self) -> dict[str, object]:
        """This milestone in the timeline JSON (``opens``, ``done`` and ``note`` only when set)."""
        out: dict[str, object] = {
            "id": self.id.value,
            "due": self.due.isoformat(),
            "status": self.status.value,
            "reference": self.reference,
        }
        if self.opens is not None:
            out["opens"] = self.opens.isoformat()
        if self.done is not None:
            out["done"] = self.done.isoformat()
        if self.note:
            out["note"] = self.note
        return out


def _periods(items: Sequence[Periode]) -> list[dict[str, object]]:
    return [
        {"start": p.start.isoformat(), "eind": p.eind.isoformat(), "dagen": p.dagen} for p in items
    ]


@dataclass(frozen=True, slots=True)
class Timeline:
    """The milestones of one case at a peildatum, in the order of :class:`MilestoneId`, as
    :func:`compute_timeline` returns them."""

    #: first sick day of the current waiting time (after a long gap: the new one)
    eerste_ziektedag: date
    peildatum: date
    milestones: tuple[Milestone, ...]
    #: the short recovery gaps that were added up (samentelling) and shifted the deadlines
    samengeteld: tuple[HerstelPeriode, ...] = ()
    #: the eerste ziektedag given, when a long gap replaced it
    oorspronkelijke_eerste_ziektedag: date | None = None
    #: pregnancy/maternity leave within the waiting time: not counted, shifts the deadlines
    verlof: tuple[VerlofPeriode, ...] = ()

    def get(self, milestone: MilestoneId | str) -> Milestone:
        """The milestone with this id (enum member or its string)."""
        for m in self.milestones:
            if m.id == milestone:
                return m
        raise KeyError(milestone)

    def to_dict(self) -> dict[str, object]:
        """The timeline JSON of DESIGN.md (schema: checklists/timeline.schema.json)."""
        out: dict[str, object] = {
            "schema_version": SCHEMA_VERSION,
            "eerste_ziektedag": self.eerste_ziektedag.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "milestones": [m.to_dict() for m in self.milestones],
        }
        if self.samengeteld:
            out["samengeteld"] = _periods(self.samengeteld)
        if self.verlof:
            out["verlof"] = _periods(self.verlof)
        if self.oorspronkelijke_eerste_ziektedag is not None:
            out["oorspronkelijke_eerste_ziektedag"] = (
                self.oorspronkelijke_eerste_ziektedag.isoformat()
            )
        return out
