"""The legal timeline of a case: every milestone of DOMAIN.md with its due date and status.

Counting (DOMAIN.md): weeks count from the eerste ziektedag; a deadline "by week n" is
``eerste_ziektedag + 7·n`` days. The rules that move dates:

* samentelling (Wet WIA art. 23): a recovery gap shorter than 4 weeks does not count, so
  every deadline at or after the start of the gap shifts by the gap's length; a gap of 4
  weeks or more starts a new waiting time with a new eerste ziektedag. Pregnancy-related
  sickness (``zwanger``) is never added up: every gap starts a new waiting time.
* vrijwillige verlenging (Wet WIA art. 24): the waiting time grows by the agreed weeks and
  the WIA application (with the RIV) is due 13 weeks before the new end.
* loonsanctie (Wet WIA art. 25 lid 9): the waiting time grows by up to 52 weeks.
* AOW: reached within the waiting time → no WIA, so the WIA milestones do not apply;
  reached within a year after 2e spoor would have to start → 2e spoor not required; any
  milestone due on or after the AOW date does not apply.
* the 42e-weeksmelding falls on the first working day on or after the end of week 42.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from poortwachter.domain.case import SAMENTELLING_GRENS, Case, HerstelPeriode
from poortwachter.domain.dates import format_nl
from poortwachter.domain.vocabulary import MilestoneId, MilestoneStatus
from poortwachter.domain.workdays import first_working_day_from

M = MilestoneId

#: Legal (or practice) source of each milestone, shown next to it everywhere.
REFERENCES: dict[MilestoneId, str] = {
    M.ZIEKMELDING: "Praktijk: ziekmelding bij arbodienst/bedrijfsarts in week 1",
    M.PROBLEEMANALYSE: "Regeling procesgang art. 2",
    M.PLAN_VAN_AANPAK: "Regeling procesgang art. 4",
    M.EVALUATIE: "Regeling procesgang art. 4 (periodiek); elke 6 weken is UWV-praktijk",
    M.ZIEKMELDING_UWV: "Wet WIA art. 38",
    M.EERSTEJAARSEVALUATIE: "Regeling procesgang art. 4",
    M.SPOOR2_START: "UWV Werkwijzer Poortwachter (praktijk)",
    M.UWV_BRIEF_WIA: "Praktijk UWV",
    M.EINDEVALUATIE: "Regeling procesgang art. 6 (praktijk: week 91)",
    M.WIA_AANVRAAG: "Wet WIA art. 64",
    M.EINDE_WACHTTIJD: "Wet WIA art. 23",
}

# Offsets in days from the eerste ziektedag (DOMAIN.md: week n → 7·n days).
_WEEK = 7
_OFFSETS: dict[MilestoneId, int] = {
    M.ZIEKMELDING: 1 * _WEEK,
    M.PROBLEEMANALYSE: 6 * _WEEK,
    M.PLAN_VAN_AANPAK: 8 * _WEEK,
    M.ZIEKMELDING_UWV: 42 * _WEEK,
    M.EERSTEJAARSEVALUATIE: 52 * _WEEK,
    M.UWV_BRIEF_WIA: 88 * _WEEK,
    M.EINDEVALUATIE: 91 * _WEEK,
    M.WIA_AANVRAAG: 93 * _WEEK,
    M.EINDE_WACHTTIJD: 104 * _WEEK - 1,  # the last day of week 104
}
_PVA_AFTER_PA = timedelta(weeks=2)  # Regeling procesgang art. 4
_EVALUATIE_INTERVAL = timedelta(weeks=6)  # UWV practice
_SPOOR2_AFTER_EJE = timedelta(weeks=6)  # Werkwijzer
_WIA_BEFORE_END_VERLENGD = timedelta(weeks=13)  # DOMAIN.md, vrijwillige verlenging
# With a verlenging the preparation milestones keep their distance to the WIA application.
_EINDEVALUATIE_BEFORE_WIA = timedelta(weeks=93 - 91)
_BRIEF_BEFORE_WIA = timedelta(weeks=93 - 88)
_AOW_SPOOR2_WINDOW = timedelta(days=365)

_ALL = tuple(MilestoneId)  # iterating the enum class is slow in bulk; a tuple is not
_DONE, _DUE, _OVERDUE, _NA = (
    MilestoneStatus.DONE,
    MilestoneStatus.DUE,
    MilestoneStatus.OVERDUE,
    MilestoneStatus.NOT_APPLICABLE,
)
_OFFSET_ITEMS = tuple(_OFFSETS.items())
# Members bound once: attribute access on an enum class costs ~1 µs each in 3.11.
_PA = M.PROBLEEMANALYSE
_PVA = M.PLAN_VAN_AANPAK
_EVAL = M.EVALUATIE
_UWV = M.ZIEKMELDING_UWV
_EJE = M.EERSTEJAARSEVALUATIE
_SP2 = M.SPOOR2_START
_EIND = M.EINDEVALUATIE
_WIA = M.WIA_AANVRAAG
_END = M.EINDE_WACHTTIJD
_BRIEF = M.UWV_BRIEF_WIA


WIA_MILESTONES = frozenset({M.UWV_BRIEF_WIA, M.EINDEVALUATIE, M.WIA_AANVRAAG, M.EINDE_WACHTTIJD})


class Milestone(NamedTuple):
    """One milestone; immutable (a NamedTuple: 100,000 cases build 1.1 million of them)."""

    id: MilestoneId
    due: date
    status: MilestoneStatus
    reference: str
    done: date | None = None
    #: Dutch explanation when a rule changed the milestone (AOW, verlenging, ...)
    note: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id.value,
            "due": self.due.isoformat(),
            "status": self.status.value,
            "reference": self.reference,
        }
        if self.done is not None:
            out["done"] = self.done.isoformat()
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True, slots=True)
class Timeline:
    #: first sick day of the current waiting time (after a long gap: the new one)
    eerste_ziektedag: date
    peildatum: date
    milestones: tuple[Milestone, ...]
    #: the short gaps that were added up (samentelling) and shifted the deadlines
    samengeteld: tuple[HerstelPeriode, ...] = ()
    #: the eerste ziektedag given, when a long gap replaced it
    oorspronkelijke_eerste_ziektedag: date | None = None

    def get(self, milestone: MilestoneId | str) -> Milestone:
        """The milestone with this id (enum member or its string)."""
        for m in self.milestones:
            if m.id == milestone:
                return m
        raise KeyError(milestone)

    def to_dict(self) -> dict[str, object]:
        """The timeline JSON of DESIGN.md (plus optional extra keys)."""
        out: dict[str, object] = {
            "eerste_ziektedag": self.eerste_ziektedag.isoformat(),
            "peildatum": self.peildatum.isoformat(),
            "milestones": [m.to_dict() for m in self.milestones],
        }
        if self.samengeteld:
            out["samengeteld"] = [
                {"start": p.start.isoformat(), "eind": p.eind.isoformat(), "dagen": p.dagen}
                for p in self.samengeteld
            ]
        if self.oorspronkelijke_eerste_ziektedag is not None:
            out["oorspronkelijke_eerste_ziektedag"] = (
                self.oorspronkelijke_eerste_ziektedag.isoformat()
            )
        return out


def split_waiting_time(
    eerste_ziektedag: date, herstel: Sequence[HerstelPeriode], zwanger: bool = False
) -> tuple[date, tuple[HerstelPeriode, ...]]:
    """Apply samentelling: the eerste ziektedag of the current waiting time and the short
    gaps within it (sorted)."""
    if not herstel:
        return eerste_ziektedag, ()
    start = eerste_ziektedag
    short: list[HerstelPeriode] = []
    for gap in sorted(herstel, key=lambda p: p.start):
        if zwanger or gap.eind - gap.start + timedelta(days=1) >= SAMENTELLING_GRENS:
            start = gap.eind + timedelta(days=1)
            short = []
        else:
            short.append(gap)
    return start, tuple(short)


def advance(
    start: date, days: int, gaps: Sequence[HerstelPeriode], *, last_day: bool = False
) -> date:
    """``start + days``, counting only sick days (samentelling).

    Counting starts on ``start`` itself. A deadline "by week n" is the day *after* the
    7·n-th sick day: a gap that starts on that very day comes too late to delay it, so only
    recovered days before the running due date push it back (by the gap's length; a gap
    that began before ``start`` only by its days from ``start`` on). With
    ``last_day=True`` the date is itself the last sick day of a period (the end of the
    waiting time), so a gap starting on it also pushes it back.
    """
    due = start + timedelta(days=days)
    for gap in gaps:  # sorted by start, not overlapping
        if gap.eind < start:
            continue
        begin = max(gap.start, start)
        if begin <= due if last_day else begin < due:
            due += timedelta(days=(gap.eind - begin).days + 1)
    return due


def compute_timeline(case: Case, peildatum: date | None = None) -> Timeline:
    """All milestones of ``case`` with due date and status at ``peildatum`` (default today)."""
    peil = peildatum or date.today()
    ezd, gaps = split_waiting_time(case.eerste_ziektedag, case.herstel, case.zwanger)
    gedaan = case.gedaan

    def at(offset: int) -> date:
        return advance(ezd, offset, gaps)

    if gaps:
        due: dict[MilestoneId, date] = {m: at(off) for m, off in _OFFSET_ITEMS}
        due[_END] = advance(ezd, _OFFSETS[_END], gaps, last_day=True)
    else:  # the common case, without the gap loop
        due = {m: ezd + timedelta(days=off) for m, off in _OFFSET_ITEMS}
    notes: dict[MilestoneId, str] = {}
    refs = REFERENCES

    # The plan follows the actual probleemanalyse (law: two weeks after it).
    pa_done = gedaan.get(_PA)
    if pa_done is not None:
        due[_PVA] = advance(pa_done, _PVA_AFTER_PA.days, gaps)
    # Next evaluation: six weeks after the last evaluation, or after the plan.
    pva_done = gedaan.get(_PVA)
    anchor = max(case.evaluaties) if case.evaluaties else (pva_done or due[_PVA])
    if pva_done is not None and pva_done > anchor:
        anchor = pva_done
    due[_EVAL] = advance(anchor, _EVALUATIE_INTERVAL.days, gaps)
    due[_UWV] = first_working_day_from(due[_UWV])
    eje = gedaan.get(_EJE, due[_EJE])
    due[_SP2] = advance(eje, _SPOOR2_AFTER_EJE.days, gaps)

    verlenging = sum(case.verlenging_weken)
    if verlenging:
        end = advance(ezd, _OFFSETS[_END] + verlenging * _WEEK, gaps, last_day=True)
        due[_END] = end
        due[_WIA] = end - _WIA_BEFORE_END_VERLENGD
        due[_EIND] = due[_WIA] - _EINDEVALUATIE_BEFORE_WIA
        due[_BRIEF] = due[_WIA] - _BRIEF_BEFORE_WIA
        refs = {**refs, _END: "Wet WIA art. 23 en 24 (vrijwillige verlenging)"}
        note = f"vrijwillige verlenging van {verlenging} weken"
        for m in WIA_MILESTONES:
            notes[m] = note
    if case.loonsanctie_weken:
        extra = (verlenging + case.loonsanctie_weken) * _WEEK
        due[_END] = advance(ezd, _OFFSETS[_END] + extra, gaps, last_day=True)
        refs = {**refs, _END: "Wet WIA art. 25 lid 9 (loonsanctie)"}
        notes[_END] = f"loonsanctie van {case.loonsanctie_weken} weken" + (
            f" en vrijwillige verlenging van {verlenging} weken" if verlenging else ""
        )

    not_applicable = _aow_exclusions(case, due, notes) if case.effectieve_aow_datum else ()

    milestones = []
    for m in _ALL:
        done = gedaan.get(m)
        if m is _EVAL and _EIND in gedaan:
            done = max(case.evaluaties, default=gedaan[_EIND])
        when = due[m]
        if m in not_applicable:
            status = _NA
        elif done is not None:
            status = _DONE
        elif when < peil:
            status = _OVERDUE
        else:
            status = _DUE
        milestones.append(Milestone(m, when, status, refs[m], done, notes.get(m)))

    return Timeline(
        eerste_ziektedag=ezd,
        peildatum=peil,
        milestones=tuple(milestones),
        samengeteld=gaps,
        oorspronkelijke_eerste_ziektedag=(
            None if ezd == case.eerste_ziektedag else case.eerste_ziektedag
        ),
    )


def _aow_exclusions(
    case: Case, due: dict[MilestoneId, date], notes: dict[MilestoneId, str]
) -> set[MilestoneId]:
    aow = case.effectieve_aow_datum
    if aow is None:
        return set()
    excluded: set[MilestoneId] = set()
    iso = format_nl(aow)
    if aow <= due[M.EINDE_WACHTTIJD]:
        for m in WIA_MILESTONES:
            excluded.add(m)
            notes[m] = f"AOW-leeftijd op {iso}, binnen de wachttijd: geen WIA"
    if aow <= due[M.SPOOR2_START] + _AOW_SPOOR2_WINDOW:
        excluded.add(M.SPOOR2_START)
        notes[M.SPOOR2_START] = f"AOW-leeftijd op {iso}, binnen een jaar: 2e spoor niet vereist"
    for m, when in due.items():
        if when >= aow and m not in excluded:
            excluded.add(m)
            notes[m] = f"valt na de AOW-datum {iso}"
    return excluded
