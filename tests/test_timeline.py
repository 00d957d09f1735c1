"""The timeline engine against DOMAIN.md: the worked vector, the rules that move dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from poortwachter import (
    Case,
    HerstelPeriode,
    MilestoneId,
    MilestoneStatus,
    Werknemer,
    compute_timeline,
)
from poortwachter.domain.aow import aow_datum
from poortwachter.domain.workdays import first_working_day_from, is_working_day

M = MilestoneId
EZD = date(2026, 1, 1)

#: DOMAIN.md, "Worked vector (eerste ziektedag 2026-01-01)"
WORKED_VECTOR = {
    M.PROBLEEMANALYSE: date(2026, 2, 12),
    M.PLAN_VAN_AANPAK: date(2026, 2, 26),
    M.ZIEKMELDING_UWV: date(2026, 10, 22),
    M.EERSTEJAARSEVALUATIE: date(2026, 12, 31),
    M.SPOOR2_START: date(2027, 2, 11),
    M.EINDEVALUATIE: date(2027, 9, 30),
    M.WIA_AANVRAAG: date(2027, 10, 14),
    M.EINDE_WACHTTIJD: date(2027, 12, 29),
}


def dues(case: Case, peil: date = date(2026, 1, 1)) -> dict[MilestoneId, date]:
    return {m.id: m.due for m in compute_timeline(case, peil).milestones}


def test_worked_vector() -> None:
    got = dues(Case(EZD))
    for milestone, expected in WORKED_VECTOR.items():
        assert got[milestone] == expected, milestone
    # the remaining milestones by the week convention of DOMAIN.md
    assert got[M.ZIEKMELDING] == EZD + timedelta(weeks=1)
    assert got[M.UWV_BRIEF_WIA] == EZD + timedelta(weeks=88)


def test_every_milestone_in_order_with_reference() -> None:
    tl = compute_timeline(Case(EZD), date(2026, 3, 1))
    assert [m.id for m in tl.milestones] == list(MilestoneId)
    assert all(m.reference for m in tl.milestones)
    assert tl.get(M.PROBLEEMANALYSE).reference == "Regeling procesgang art. 2"
    assert tl.get(M.ZIEKMELDING_UWV).reference == "Wet WIA art. 38"


def test_status_at_peildatum() -> None:
    case = Case(EZD, gedaan={M.ZIEKMELDING: date(2026, 1, 2), M.PROBLEEMANALYSE: date(2026, 2, 10)})
    tl = compute_timeline(case, date(2026, 2, 27))
    assert tl.get(M.ZIEKMELDING).status is MilestoneStatus.DONE
    assert tl.get(M.PROBLEEMANALYSE).status is MilestoneStatus.DONE
    assert tl.get(M.PROBLEEMANALYSE).done == date(2026, 2, 10)
    # the plan is due two weeks after the actual probleemanalyse (Regeling procesgang art. 4)
    assert tl.get(M.PLAN_VAN_AANPAK).due == date(2026, 2, 24)
    assert tl.get(M.PLAN_VAN_AANPAK).status is MilestoneStatus.OVERDUE
    assert tl.get(M.EERSTEJAARSEVALUATIE).status is MilestoneStatus.DUE
    # on the due day itself a milestone is still due, the day after it is overdue
    assert (
        compute_timeline(Case(EZD), date(2026, 2, 12)).get(M.PROBLEEMANALYSE).status
        is MilestoneStatus.DUE
    )
    assert (
        compute_timeline(Case(EZD), date(2026, 2, 13)).get(M.PROBLEEMANALYSE).status
        is MilestoneStatus.OVERDUE
    )


def test_evaluation_every_six_weeks_after_the_last() -> None:
    case = Case(EZD, gedaan={M.PLAN_VAN_AANPAK: date(2026, 2, 20)}, evaluaties=(date(2026, 4, 1),))
    assert dues(case)[M.EVALUATIE] == date(2026, 5, 13)
    assert dues(Case(EZD, gedaan={M.PLAN_VAN_AANPAK: date(2026, 2, 20)}))[M.EVALUATIE] == date(
        2026, 4, 3
    )


def test_spoor2_follows_actual_eerstejaarsevaluatie() -> None:
    case = Case(EZD, gedaan={M.EERSTEJAARSEVALUATIE: date(2026, 12, 1)})
    assert dues(case)[M.SPOOR2_START] == date(2027, 1, 12)


def test_short_gap_shifts_later_deadlines_by_its_length() -> None:
    gap = HerstelPeriode(date(2026, 1, 20), date(2026, 1, 29))  # 10 days
    got = dues(Case(EZD, herstel=(gap,)))
    assert got[M.ZIEKMELDING] == date(2026, 1, 8)  # before the gap: unchanged
    for milestone, expected in WORKED_VECTOR.items():
        if milestone is M.ZIEKMELDING_UWV:
            continue
        assert got[milestone] == expected + timedelta(days=10), milestone
    # 2026-10-22 + 10 = 2026-11-01, a Sunday: the melding moves to Monday
    assert got[M.ZIEKMELDING_UWV] == date(2026, 11, 2)


def test_gap_of_27_days_is_added_up_and_28_days_starts_a_new_waiting_time() -> None:
    short = HerstelPeriode(date(2026, 3, 1), date(2026, 3, 27))  # 27 days
    tl = compute_timeline(Case(EZD, herstel=(short,)), date(2026, 4, 1))
    assert tl.eerste_ziektedag == EZD
    assert tl.get(M.EINDE_WACHTTIJD).due == WORKED_VECTOR[M.EINDE_WACHTTIJD] + timedelta(days=27)

    long = HerstelPeriode(date(2026, 3, 1), date(2026, 3, 28))  # exactly 4 weeks
    tl = compute_timeline(Case(EZD, herstel=(long,)), date(2026, 4, 1))
    assert tl.eerste_ziektedag == date(2026, 3, 29)
    assert tl.oorspronkelijke_eerste_ziektedag == EZD
    assert tl.get(M.PROBLEEMANALYSE).due == date(2026, 3, 29) + timedelta(weeks=6)


def test_gap_starting_on_a_deadline_does_not_delay_it() -> None:
    # six weeks of sickness are complete at the end of 11 February: recovery from the
    # 12th (the due date itself) does not postpone the probleemanalyse
    on_due = HerstelPeriode(date(2026, 2, 12), date(2026, 2, 18))
    got = dues(Case(EZD, herstel=(on_due,)))
    assert got[M.PROBLEEMANALYSE] == date(2026, 2, 12)
    assert got[M.PLAN_VAN_AANPAK] == date(2026, 2, 26) + timedelta(days=7)
    # one day earlier and it does
    day_before = HerstelPeriode(date(2026, 2, 11), date(2026, 2, 17))
    assert dues(Case(EZD, herstel=(day_before,)))[M.PROBLEEMANALYSE] == date(2026, 2, 19)


def test_gap_starting_on_the_last_day_of_the_waiting_time_extends_it() -> None:
    last = HerstelPeriode(date(2027, 12, 29), date(2027, 12, 31))  # the last day itself
    assert dues(Case(EZD, herstel=(last,)))[M.EINDE_WACHTTIJD] == date(2028, 1, 1)


def test_two_short_gaps_add_up() -> None:
    gaps = (
        HerstelPeriode(date(2026, 1, 20), date(2026, 1, 24)),
        HerstelPeriode(date(2026, 5, 1), date(2026, 5, 7)),
    )
    got = dues(Case(EZD, herstel=gaps))
    assert got[M.PROBLEEMANALYSE] == date(2026, 2, 12) + timedelta(days=5)
    assert got[M.EERSTEJAARSEVALUATIE] == date(2026, 12, 31) + timedelta(days=12)


def test_pregnancy_prevents_samentelling() -> None:
    gap = HerstelPeriode(date(2026, 1, 20), date(2026, 1, 29))
    tl = compute_timeline(Case(EZD, herstel=(gap,), zwanger=True), date(2026, 2, 1))
    assert tl.eerste_ziektedag == date(2026, 1, 30)
    assert tl.get(M.PROBLEEMANALYSE).due == date(2026, 1, 30) + timedelta(weeks=6)


def test_vrijwillige_verlenging_moves_the_end_and_the_riv() -> None:
    tl = compute_timeline(Case(EZD, verlenging_weken=(13,)), EZD)
    end = WORKED_VECTOR[M.EINDE_WACHTTIJD] + timedelta(weeks=13)
    assert tl.get(M.EINDE_WACHTTIJD).due == end
    assert tl.get(M.WIA_AANVRAAG).due == end - timedelta(
        weeks=13
    )  # RIV 13 weeks before the new end
    assert tl.get(M.EINDEVALUATIE).due < tl.get(M.WIA_AANVRAAG).due
    assert "24" in tl.get(M.EINDE_WACHTTIJD).reference
    # the first year does not move
    assert tl.get(M.EERSTEJAARSEVALUATIE).due == WORKED_VECTOR[M.EERSTEJAARSEVALUATIE]


def test_loonsanctie_extends_only_the_waiting_time() -> None:
    tl = compute_timeline(Case(EZD, loonsanctie_weken=52), EZD)
    assert tl.get(M.EINDE_WACHTTIJD).due == WORKED_VECTOR[M.EINDE_WACHTTIJD] + timedelta(weeks=52)
    assert tl.get(M.WIA_AANVRAAG).due == WORKED_VECTOR[M.WIA_AANVRAAG]
    assert "art. 25" in tl.get(M.EINDE_WACHTTIJD).reference


@pytest.mark.parametrize(
    ("weeks", "loonsanctie", "message"),
    [((12,), 0, "korter dan 13"), ((), 53, "buiten 0 tot 52")],
)
def test_impossible_extensions_are_refused(
    weeks: tuple[int, ...], loonsanctie: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Case(EZD, verlenging_weken=weeks, loonsanctie_weken=loonsanctie)


def test_aow_within_waiting_time_makes_wia_milestones_not_applicable() -> None:
    case = Case(EZD, werknemer=Werknemer("A", geboortedatum=date(1960, 3, 1)))
    assert case.effectieve_aow_datum == date(2027, 3, 1)  # 67 in 2027
    tl = compute_timeline(case, EZD)
    for m in (M.WIA_AANVRAAG, M.EINDEVALUATIE, M.UWV_BRIEF_WIA, M.EINDE_WACHTTIJD, M.SPOOR2_START):
        assert tl.get(m).status is MilestoneStatus.NOT_APPLICABLE, m
        assert tl.get(m).note
    assert tl.get(M.EERSTEJAARSEVALUATIE).status is MilestoneStatus.DUE


def test_aow_far_away_changes_nothing() -> None:
    case = Case(EZD, aow_datum=date(2040, 1, 1))
    tl = compute_timeline(case, EZD)
    assert all(m.status is MilestoneStatus.DUE for m in tl.milestones)


def test_aow_just_after_waiting_time_only_drops_spoor2() -> None:
    case = Case(EZD, aow_datum=date(2028, 1, 15))
    tl = compute_timeline(case, EZD)
    assert tl.get(M.SPOOR2_START).status is MilestoneStatus.NOT_APPLICABLE
    assert tl.get(M.WIA_AANVRAAG).status is MilestoneStatus.DUE


@pytest.mark.parametrize(
    ("born", "expected"),
    [
        (date(1957, 6, 15), date(2024, 6, 15)),  # 67 in 2024
        (date(1961, 1, 10), date(2028, 4, 10)),  # 67 + 3 months from 2028
        (date(1956, 1, 1), date(2022, 8, 1)),  # 66 + 7 months in 2022
    ],
)
def test_aow_datum(born: date, expected: date) -> None:
    assert aow_datum(born) == expected


@pytest.mark.parametrize(
    ("ezd", "expected"),
    [
        (date(2026, 3, 6), date(2026, 12, 28)),  # week 42 ends on Christmas (Friday) → Monday
        (date(2026, 7, 7), date(2027, 4, 28)),  # Koningsdag 2027
        (date(2026, 7, 15), date(2027, 5, 7)),  # 5 May (termijnenwet), then Hemelvaart 6 May
        (date(2026, 1, 3), date(2026, 10, 26)),  # a Saturday → Monday
        (date(2026, 6, 5), date(2027, 3, 30)),  # Goede Vrijdag, weekend, Easter Monday 2027
    ],
)
def test_42e_weeksmelding_on_first_working_day(ezd: date, expected: date) -> None:
    assert dues(Case(ezd))[M.ZIEKMELDING_UWV] == expected
    assert is_working_day(expected)


def test_working_days() -> None:
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2026, 4, 27))  # Koningsdag
    assert is_working_day(date(2026, 12, 24))
    assert first_working_day_from(date(2026, 12, 24)) == date(2026, 12, 24)


def test_impossible_gaps_are_refused() -> None:
    with pytest.raises(ValueError, match="eindigt vóór ze begint"):
        Case(EZD, herstel=(HerstelPeriode(date(2026, 2, 10), date(2026, 2, 1)),))
    with pytest.raises(ValueError, match="begint niet na de eerste ziektedag"):
        Case(EZD, herstel=(HerstelPeriode(date(2025, 12, 1), date(2025, 12, 5)),))
    with pytest.raises(ValueError, match="overlappen"):
        Case(
            EZD,
            herstel=(
                HerstelPeriode(date(2026, 2, 1), date(2026, 2, 10)),
                HerstelPeriode(date(2026, 2, 5), date(2026, 2, 12)),
            ),
        )


def test_timeline_json_shape() -> None:
    doc = compute_timeline(Case(EZD), date(2026, 3, 1)).to_dict()
    assert doc["eerste_ziektedag"] == "2026-01-01"
    assert doc["peildatum"] == "2026-03-01"
    first = doc["milestones"][1]  # type: ignore[index]
    assert first == {
        "id": "probleemanalyse",
        "due": "2026-02-12",
        "status": "overdue",
        "reference": "Regeling procesgang art. 2",
    }


def test_gap_starting_on_the_plan_deadline_delays_the_next_evaluation() -> None:
    # found by hypothesis: the plan is due on the gap's first day (not delayed), but the
    # six weeks to the first evaluation start counting on that day and include the gap
    ezd = date(2000, 1, 1)
    gap = HerstelPeriode(ezd + timedelta(days=56), ezd + timedelta(days=56))
    got = dues(Case(ezd, herstel=(gap,)), ezd)
    assert got[M.PLAN_VAN_AANPAK] == ezd + timedelta(days=56)
    assert got[M.EVALUATIE] == ezd + timedelta(days=56 + 42 + 1)


def test_anchor_inside_a_gap_counts_only_the_remaining_recovered_days() -> None:
    gap = HerstelPeriode(date(2026, 2, 5), date(2026, 2, 14))
    case = Case(EZD, herstel=(gap,), gedaan={M.PROBLEEMANALYSE: date(2026, 2, 10)})
    # plan: two weeks of sickness counted from 10 February; 10–14 February were recovered
    assert dues(case)[M.PLAN_VAN_AANPAK] == date(2026, 2, 24) + timedelta(days=5)
