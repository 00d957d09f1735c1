"""The timeline engine against the statute, with hypothesis.

The statute's definitions are written here as small functions of their own, day by day
and independent of the engine's arithmetic: which days are days of incapacity
(samentelling, Wet WIA art. 23 lid 3 and 5; BW 7:629 lid 10), the n-th day of incapacity,
and counting back from the end of the waiting time (WIA 25 lid 3, 64 lid 3). The engine
must agree with them over random cases: gaps of 1–40 days at and around every deadline,
27/28-day boundaries, leap years, holidays, pregnancy leave, verlenging, loonsanctie,
AOW around the end and done dates before and after the peildatum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from poortwachter import (
    Case,
    HerstelPeriode,
    MilestoneId,
    MilestoneStatus,
    VerlofPeriode,
    compute_timeline,
)

M = MilestoneId
S = MilestoneStatus
D = timedelta(days=1)
FEW = settings(max_examples=60, deadline=None)

# ----------------------------------------------------------------- the statute, day by day

SICK, RECOVERED, LEAVE = "ziek", "hersteld", "verlof"


@dataclass(frozen=True)
class Counting:
    """The days of incapacity of one waiting time."""

    ezd: date
    days: list[date]  # every day of incapacity, in order, from ezd on

    def nth(self, start: date, n: int) -> date:
        """The n-th day of incapacity on or after ``start``."""
        later = [d for d in self.days if d >= start]
        return later[n - 1]

    def after(self, start: date, n: int) -> date:
        """ "Binnen n dagen na": the day after the n-th day of incapacity from ``start``."""
        return self.nth(start, n) + D


def day_kind(case: Case, day: date) -> str:
    for p in case.herstel:
        if p.start <= day <= p.eind:
            return RECOVERED
    for v in case.verlof:
        if v.start <= day <= v.eind:
            return LEAVE
    return SICK


def counting(case: Case, horizon_days: int = 2600) -> Counting:
    """WIA 23 lid 3: sick periods with an interruption of less than four weeks are added
    up, and so are sick periods directly before and after the WAZO leave; lid 5 a: leave
    days do not count; recovered days of an added-up interruption do not count either.
    An interruption with recovery in it of four weeks or more starts a new waiting time.
    What happens after the 728th day of incapacity no longer changes the waiting time."""
    ezd = case.eerste_ziektedag
    kinds = [day_kind(case, ezd + i * D) for i in range(horizon_days)]
    start = 0
    i = 0
    sick = 0
    while i < horizon_days:
        if kinds[i] == SICK:
            sick += 1
            i += 1
            if sick == 728:
                kinds[i:] = [SICK] * (horizon_days - i)
            continue
        j = i
        while j < horizon_days and kinds[j] != SICK:
            j += 1
        run = kinds[i:j]
        if RECOVERED in run and len(run) >= 28:
            start = j
            sick = 0
        i = j
    days = [ezd + k * D for k in range(start, horizon_days) if kinds[k] == SICK]
    return Counting(ezd + start * D, days)


def statutory_dues(case: Case, peil: date) -> dict[MilestoneId, date]:
    """The due dates by the wording of each source (DOMAIN.md table)."""
    c = counting(case)
    done = {m: d for m, d in case.gedaan.items() if d <= peil}
    pa = c.after(c.ezd, 42)  # RP 2 lid 2: binnen zes weken na de eerste dag
    wia_end = c.nth(c.ezd, 728)  # WIA 23 lid 1: 104 weeks
    wia_end += timedelta(weeks=sum(case.verlenging_weken))  # WIA 24: UWV-fixed end
    end = wia_end + timedelta(weeks=case.loonsanctie_weken)  # WIA 25 lid 9
    return {
        M.PROBLEEMANALYSE: pa,
        M.PLAN_VAN_AANPAK: c.after(done.get(M.PROBLEEMANALYSE, pa), 14),  # RP 4 lid 1
        M.ZIEKMELDING_UWV: c.after(c.ezd, 294),  # ZW 38 lid 1, no working-day shift
        M.EERSTEJAARSEVALUATIE: c.nth(c.ezd, 364),  # RP 4 lid 2 b
        M.EINDEVALUATIE: wia_end - timedelta(weeks=13),  # WIA 25 lid 3 / lid 4
        M.WIA_AANVRAAG: wia_end - timedelta(weeks=11),  # WIA 64 lid 3
        M.EINDE_WACHTTIJD: end,
    }


def statutory_status(due: date, done: date | None, peil: date) -> MilestoneStatus:
    """DOMAIN.md "Status at a peildatum"."""
    if done is not None and done <= peil:
        return S.DONE if done <= due else S.DONE_LATE
    return S.OVERDUE if due < peil else S.DUE


def is_working_day(day: date) -> bool:
    """Algemene termijnenwet art. 3: no weekend, no public holiday, 5 May every year."""
    nl = holidays.country_holidays("NL", years=day.year)
    return day.weekday() < 5 and day not in nl and (day.month, day.day) != (5, 5)


# ----------------------------------------------------------------- random cases

#: offsets (days after the ezd) of every deadline, and of the end of the waiting time
DEADLINE_OFFSETS = (7, 42, 56, 98, 294, 363, 405, 622, 636, 650, 727)
EZDS = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
    st.sampled_from([date(2024, 2, 29), date(2027, 3, 1), date(2026, 12, 24), date(2028, 2, 28)]),
)
LENGTHS = st.one_of(st.integers(1, 40), st.sampled_from([27, 28]))


@st.composite
def gaps(draw: st.DrawFn, ezd: date) -> tuple[HerstelPeriode, ...]:
    out: list[HerstelPeriode] = []
    cursor = ezd
    for _ in range(draw(st.integers(0, 3))):
        base = draw(st.sampled_from(DEADLINE_OFFSETS)) + draw(st.integers(-3, 3))
        start = max(ezd + base * D, cursor + 2 * D)
        end = start + (draw(LENGTHS) - 1) * D
        out.append(HerstelPeriode(start, end))
        cursor = end + D
    return tuple(out)


@st.composite
def cases(draw: st.DrawFn, extensions: bool = True) -> Case:
    ezd = draw(EZDS)
    herstel = draw(gaps(ezd))
    verlof: tuple[VerlofPeriode, ...] = ()
    if draw(st.booleans()):
        # leave directly after sickness, or touching a recovery
        after = herstel[-1].eind if herstel else ezd
        start = after + draw(st.sampled_from([1, 2, 30, 200])) * D
        verlof = (VerlofPeriode(start, start + (draw(st.integers(1, 120)) - 1) * D),)
    verlenging: tuple[int, ...] = ()
    loonsanctie = 0
    if extensions:
        verlenging = tuple(draw(st.lists(st.integers(13, 52), max_size=2)))
        loonsanctie = draw(st.sampled_from([0, 0, 1, 26, 52]))
    return Case(
        ezd,
        herstel=herstel,
        verlof=verlof,
        zwanger=draw(st.booleans()),
        verlenging_weken=verlenging,
        loonsanctie_weken=loonsanctie,
    )


# ----------------------------------------------------------------- properties


@FEW
@given(cases())
def test_every_due_date_is_the_statutory_one(case: Case) -> None:
    tl = compute_timeline(case, case.eerste_ziektedag)
    expected = statutory_dues(case, case.eerste_ziektedag)
    assert tl.eerste_ziektedag == counting(case).ezd
    got = {m: tl.get(m).due for m in expected}
    assert got == expected


@FEW
@given(cases(extensions=False))
def test_riv_and_application_are_counted_back_from_the_end(case: Case) -> None:
    """WIA 25 lid 3 and 64 lid 3: 13 and 11 weeks before the end, whatever the gaps."""
    tl = compute_timeline(case, case.eerste_ziektedag)
    end = tl.get(M.EINDE_WACHTTIJD).due
    assert tl.get(M.EINDEVALUATIE).due == end - 91 * D
    assert tl.get(M.WIA_AANVRAAG).due == end - 77 * D
    assert end == counting(case).nth(tl.eerste_ziektedag, 728)


@FEW
@given(EZDS, st.sampled_from(DEADLINE_OFFSETS), st.integers(-3, 3), LENGTHS)
def test_one_gap_around_a_deadline(ezd: date, offset: int, shift: int, length: int) -> None:
    """A gap under 4 weeks shifts every deadline after its first day by its length; 4
    weeks or more starts a new waiting time the day after it (WIA 23 lid 3)."""
    start = ezd + max(offset + shift, 1) * D
    case = Case(ezd, herstel=(HerstelPeriode(start, start + (length - 1) * D),))
    tl = compute_timeline(case, ezd)
    assert {m: tl.get(m).due for m in statutory_dues(case, ezd)} == statutory_dues(case, ezd)
    if length >= 28 and start <= ezd + 727 * D:
        assert tl.eerste_ziektedag == start + length * D
    else:
        assert tl.eerste_ziektedag == ezd


@FEW
@given(EZDS, st.integers(1, 600), st.integers(1, 140))
def test_leave_between_sick_days_never_starts_a_new_waiting_time(
    ezd: date, offset: int, length: int
) -> None:
    """WIA 23 lid 3 a 2° and lid 5 a: added up across the leave, leave days not counted."""
    start = ezd + offset * D
    case = Case(ezd, verlof=(VerlofPeriode(start, start + (length - 1) * D),))
    tl = compute_timeline(case, ezd)
    assert tl.eerste_ziektedag == ezd
    plain = compute_timeline(Case(ezd), ezd).get(M.EINDE_WACHTTIJD).due
    assert tl.get(M.EINDE_WACHTTIJD).due == plain + length * D


@FEW
@given(EZDS, st.integers(13, 52), st.integers(1, 80), LENGTHS)
def test_recovery_during_a_verlenging_does_not_move_its_end(
    ezd: date, weeks: int, into: int, length: int
) -> None:
    """WIA 24 lid 2: UWV fixes the end of the extended period."""
    plain = Case(ezd, verlenging_weken=(weeks,))
    end = compute_timeline(plain, ezd).get(M.EINDE_WACHTTIJD).due
    start = ezd + 727 * D + min(into, weeks * 7 - 1) * D
    if start >= end:
        return
    moved = Case(
        ezd, verlenging_weken=(weeks,), herstel=(HerstelPeriode(start, start + (length - 1) * D),)
    )
    assert compute_timeline(moved, ezd).get(M.EINDE_WACHTTIJD).due == end


@FEW
@given(cases(), st.integers(-10, 10), st.sampled_from([0, 0, 26, 52]))
def test_aow_around_the_end(case: Case, around: int, loonsanctie: int) -> None:
    """WIA 43 g: AOW on or before the day after the end of the waiting time (without the
    loonsanctie year) — no WIA milestones; anything due on or after AOW does not apply."""
    wia_end = statutory_dues(
        Case(
            case.eerste_ziektedag,
            herstel=case.herstel,
            verlof=case.verlof,
            verlenging_weken=case.verlenging_weken,
        ),
        case.eerste_ziektedag,
    )[M.EINDE_WACHTTIJD]
    aow = wia_end + around * D
    case = Case(
        case.eerste_ziektedag,
        herstel=case.herstel,
        verlof=case.verlof,
        verlenging_weken=case.verlenging_weken,
        loonsanctie_weken=loonsanctie,
        aow_datum=aow,
    )
    tl = compute_timeline(case, case.eerste_ziektedag)
    no_wia = aow <= wia_end + D
    for m in (M.EINDEVALUATIE, M.WIA_AANVRAAG, M.UWV_BRIEF_WIA):
        ms = tl.get(m)
        expect_na = no_wia or ms.due >= aow
        assert (ms.status is S.NOT_APPLICABLE) == expect_na, (m, aow, ms)
    for ms in tl.milestones:
        if ms.due >= aow:
            assert ms.status is S.NOT_APPLICABLE, ms


@FEW
@given(
    cases(extensions=False),
    st.sampled_from([M.PROBLEEMANALYSE, M.ZIEKMELDING_UWV, M.EERSTEJAARSEVALUATIE, M.WIA_AANVRAAG]),
    st.integers(-20, 20),
    st.integers(-20, 20),
)
def test_status_follows_the_done_date_and_the_peildatum(
    case: Case, milestone: MilestoneId, done_shift: int, peil_shift: int
) -> None:
    """Done only when done on or before the peildatum; after its due date: done_late."""
    due = compute_timeline(case, case.eerste_ziektedag).get(milestone).due
    done = due + done_shift * D
    peil = due + peil_shift * D
    with_done = Case(
        case.eerste_ziektedag, herstel=case.herstel, verlof=case.verlof, gedaan={milestone: done}
    )
    ms = compute_timeline(with_done, peil).get(milestone)
    if ms.status is S.NOT_APPLICABLE:
        return
    assert ms.due == due
    assert ms.status is statutory_status(due, done, peil)
    assert ms.done == (done if done <= peil else None)


@FEW
@given(EZDS)
def test_the_42e_weeksmelding_ignores_weekends_and_holidays(ezd: date) -> None:
    """ZW 38 lid 1 has its own day; the Algemene termijnenwet does not reach it."""
    ms = compute_timeline(Case(ezd), ezd).get(M.ZIEKMELDING_UWV)
    assert ms.due == ezd + 294 * D
    assert (ms.note is not None) == (not is_working_day(ms.due))


@FEW
@given(EZDS, st.integers(0, 700))
def test_ziek_uit_dienst_on_the_last_working_day(ezd: date, offset: int) -> None:
    """ZW 38 lid 2: the report (and, after 6 weeks of sickness, the RIV) by the last
    working day before employment ends; the eindevaluatie on its last day."""
    einde = ezd + offset * D
    tl = compute_timeline(Case(ezd, einde_dienstverband=einde), ezd)
    melding = tl.get(M.MELDING_EINDE_DIENSTVERBAND).due
    assert melding <= einde
    assert is_working_day(melding) or melding == ezd
    assert all(not is_working_day(melding + k * D) for k in range(1, (einde - melding).days + 1))
    sick_days = offset + 1
    has_riv = any(m.id is M.RIV_EINDE_DIENSTVERBAND for m in tl.milestones)
    assert has_riv == (sick_days >= 42)
    if has_riv:
        assert tl.get(M.EINDEVALUATIE).due == min(einde, ezd + 636 * D)
