"""Property tests of the timeline engine (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from poortwachter import Case, HerstelPeriode, MilestoneId, compute_timeline

M = MilestoneId
days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    ezd = draw(days)
    gaps = []
    cursor = ezd
    for _ in range(draw(st.integers(0, 3))):
        start = cursor + timedelta(days=draw(st.integers(2, 200)))
        end = start + timedelta(days=draw(st.integers(0, 60)))
        gaps.append(HerstelPeriode(start, end))
        cursor = end + timedelta(days=1)
    verlenging = tuple(draw(st.lists(st.integers(13, 52), max_size=2)))
    return Case(
        ezd,
        herstel=tuple(gaps),
        zwanger=draw(st.booleans()),
        verlenging_weken=verlenging,
        loonsanctie_weken=draw(st.integers(0, 52)),
    )


@given(cases())
def test_no_deadline_before_the_eerste_ziektedag(case: Case) -> None:
    tl = compute_timeline(case, case.eerste_ziektedag)
    assert tl.eerste_ziektedag >= case.eerste_ziektedag
    assert all(m.due > tl.eerste_ziektedag for m in tl.milestones)


@given(cases())
def test_order_of_milestones_is_preserved(case: Case) -> None:
    tl = compute_timeline(case, case.eerste_ziektedag)
    assert [m.id for m in tl.milestones] == list(MilestoneId)
    dates = [m.due for m in tl.milestones]
    assert dates == sorted(dates)


@given(days, st.integers(1, 700), st.integers(1, 27))
def test_a_short_gap_shifts_later_deadlines_by_exactly_its_length(
    ezd: date, offset: int, length: int
) -> None:
    gap = HerstelPeriode(ezd + timedelta(days=offset), ezd + timedelta(days=offset + length - 1))
    before = {m.id: m.due for m in compute_timeline(Case(ezd), ezd).milestones}
    after = {m.id: m.due for m in compute_timeline(Case(ezd, herstel=(gap,)), ezd).milestones}
    for mid, due in before.items():
        if mid is M.ZIEKMELDING_UWV:
            continue  # moved to a working day afterwards; checked below
        # a deadline is the day after the last sick day it needs, so a gap starting on it
        # is too late to delay it; the end of the waiting time is itself a sick day
        delayed = gap.start <= due if mid is M.EINDE_WACHTTIJD else gap.start < due
        assert after[mid] == (due + timedelta(days=length) if delayed else due), mid
    # the 42e-weeksmelding before working-day adjustment obeys the same rule
    raw = ezd + timedelta(weeks=42)
    expected_raw = raw if gap.start >= raw else raw + timedelta(days=length)
    assert after[M.ZIEKMELDING_UWV] >= expected_raw
    assert after[M.ZIEKMELDING_UWV] - expected_raw < timedelta(days=5)


@given(days, st.integers(1, 700), st.integers(28, 400))
def test_a_long_gap_starts_a_new_waiting_time(ezd: date, offset: int, length: int) -> None:
    gap = HerstelPeriode(ezd + timedelta(days=offset), ezd + timedelta(days=offset + length - 1))
    tl = compute_timeline(Case(ezd, herstel=(gap,)), ezd)
    assert tl.eerste_ziektedag == gap.eind + timedelta(days=1)
    fresh = compute_timeline(Case(tl.eerste_ziektedag), ezd)
    assert [m.due for m in tl.milestones] == [m.due for m in fresh.milestones]


@given(cases(), days)
def test_status_is_consistent_with_peildatum(case: Case, peil: date) -> None:
    assume(True)
    for m in compute_timeline(case, peil).milestones:
        if m.status.value == "overdue":
            assert m.due < peil
        elif m.status.value == "due":
            assert m.due >= peil
