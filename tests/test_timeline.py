"""The timeline engine against DOMAIN.md ("The two-year path"): the worked vector, and one
named test per rule, each quoting its source."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from poortwachter import (
    Case,
    HerstelPeriode,
    MilestoneId,
    MilestoneStatus,
    VerlofPeriode,
    Werknemer,
    compute_timeline,
)
from poortwachter.domain.aow import aow_datum
from poortwachter.domain.workdays import (
    first_working_day_from,
    is_working_day,
    last_working_day_until,
)

M = MilestoneId
S = MilestoneStatus
EZD = date(2026, 1, 1)
D = timedelta(days=1)

#: DOMAIN.md, "Worked vector (eerste ziektedag 2026-01-01, no gaps)"
WORKED_VECTOR = {
    M.PROBLEEMANALYSE: date(2026, 2, 12),
    M.PLAN_VAN_AANPAK: date(2026, 2, 26),
    M.ZIEKMELDING_UWV: date(2026, 10, 22),
    M.EERSTEJAARSEVALUATIE: date(2026, 12, 30),
    M.SPOOR2_START: date(2027, 2, 10),
    M.EINDEVALUATIE: date(2027, 9, 29),
    M.WIA_AANVRAAG: date(2027, 10, 13),
    M.EINDE_WACHTTIJD: date(2027, 12, 29),
}


def dues(case: Case, peil: date = EZD) -> dict[MilestoneId, date]:
    return {m.id: m.due for m in compute_timeline(case, peil).milestones}


def test_worked_vector() -> None:
    """DOMAIN.md worked vector: ezd 2026-01-01, no gaps."""
    got = dues(Case(EZD))
    assert {m: got[m] for m in WORKED_VECTOR} == WORKED_VECTOR
    assert got[M.ZIEKMELDING] == EZD + timedelta(weeks=1)  # practice: week 1


def test_every_milestone_in_order_with_reference() -> None:
    tl = compute_timeline(Case(EZD), date(2026, 3, 1))
    optional = {
        M.ZIEKMELDING_UWV_ZWANGERSCHAP,
        M.IVA_AANVRAAG,
        M.MELDING_EINDE_DIENSTVERBAND,
        M.RIV_EINDE_DIENSTVERBAND,
    }
    assert [m.id for m in tl.milestones] == [m for m in MilestoneId if m not in optional]
    assert all(m.reference for m in tl.milestones)


def test_probleemanalyse_six_weeks_after_the_first_day() -> None:
    """Regeling procesgang art. 2 lid 2: "binnen zes weken na de eerste dag van
    ongeschiktheid" — ezd+42."""
    ms = compute_timeline(Case(EZD), EZD).get(M.PROBLEEMANALYSE)
    assert ms.due == EZD + 42 * D
    assert ms.reference == "Regeling procesgang art. 2 lid 2"


def test_plan_two_weeks_after_the_actual_probleemanalyse() -> None:
    """Regeling procesgang art. 4 lid 1: the plan "binnen twee weken na" the probleemanalyse
    — PA date + 14 (ezd+56 when the PA is on time)."""
    assert dues(Case(EZD))[M.PLAN_VAN_AANPAK] == EZD + 56 * D
    early = Case(EZD, gedaan={M.PROBLEEMANALYSE: date(2026, 2, 10)})
    assert dues(early, date(2026, 2, 27))[M.PLAN_VAN_AANPAK] == date(2026, 2, 24)
    tl = compute_timeline(Case(EZD), EZD)
    assert tl.get(M.PLAN_VAN_AANPAK).reference == "Regeling procesgang art. 4 lid 1"


def test_42e_weeksmelding_on_the_statutory_day_without_working_day_shift() -> None:
    """Ziektewet art. 38 lid 1: "uiterlijk op de eerste dag nadat de ongeschiktheid 42 weken
    heeft geduurd" — ezd+294; the Algemene termijnenwet does not reach terms over 12
    weeks, so a weekend day stays (the note names UWV's tolerated working day)."""
    ezd = date(2026, 1, 3)  # + 294 = Saturday 24 October 2026
    ms = compute_timeline(Case(ezd), ezd).get(M.ZIEKMELDING_UWV)
    assert ms.due == date(2026, 10, 24) and not is_working_day(ms.due)
    assert ms.reference == "Ziektewet art. 38 lid 1"
    assert ms.note is not None and "26 oktober 2026" in ms.note
    assert compute_timeline(Case(EZD), EZD).get(M.ZIEKMELDING_UWV).note is None


@pytest.mark.parametrize(
    "ezd",
    [date(2026, 3, 6), date(2026, 7, 7), date(2026, 7, 15), date(2026, 6, 5), date(2026, 1, 3)],
)
def test_42e_weeksmelding_never_later_than_the_law(ezd: date) -> None:
    """Ziektewet art. 38 lid 1 — holidays and weekends never push the melding later."""
    assert dues(Case(ezd))[M.ZIEKMELDING_UWV] == ezd + timedelta(weeks=42)


def test_eerstejaarsevaluatie_at_the_end_of_the_first_year() -> None:
    """Regeling procesgang art. 4 lid 2 b: "in ieder geval aan het einde van het eerste
    ziektejaar" — the 364th day, ezd+363."""
    ms = compute_timeline(Case(EZD), EZD).get(M.EERSTEJAARSEVALUATIE)
    assert ms.due == EZD + 363 * D
    assert ms.reference == "Regeling procesgang art. 4 lid 2 b"


def test_einde_wachttijd_is_the_728th_day() -> None:
    """Wet WIA art. 23 lid 1: 104 weeks — the 728th day of incapacity, ezd+727."""
    assert dues(Case(EZD))[M.EINDE_WACHTTIJD] == EZD + 727 * D


def test_eindevaluatie_thirteen_weeks_before_the_end() -> None:
    """Wet WIA art. 25 lid 3: "uiterlijk dertien weken voor het verstrijken van de
    wachttijd" — end − 91 days."""
    tl = compute_timeline(Case(EZD), EZD)
    assert tl.get(M.EINDEVALUATIE).due == tl.get(M.EINDE_WACHTTIJD).due - 91 * D
    assert tl.get(M.EINDEVALUATIE).reference == "Wet WIA art. 25 lid 3"


def test_wia_aanvraag_eleven_weeks_before_the_end() -> None:
    """Wet WIA art. 64 lid 3: "uiterlijk elf weken voor afloop van de wachttijd" — end − 77."""
    tl = compute_timeline(Case(EZD), EZD)
    assert tl.get(M.WIA_AANVRAAG).due == tl.get(M.EINDE_WACHTTIJD).due - 77 * D
    assert tl.get(M.WIA_AANVRAAG).reference == "Wet WIA art. 64 lid 3"


def test_uwv_brief_by_89_weeks() -> None:
    """Wet WIA art. 64 lid 2: "uiterlijk op de dag waarop de wachttijd 89 weken heeft
    geduurd" (the 623rd day); in practice week 88."""
    ms = compute_timeline(Case(EZD), EZD).get(M.UWV_BRIEF_WIA)
    assert ms.due == EZD + 622 * D
    assert ms.reference == "Wet WIA art. 64 lid 2"
    assert ms.note is not None and "week 88" in ms.note


def test_recovery_in_the_last_13_weeks_moves_riv_and_application_with_the_end() -> None:
    """Wet WIA art. 25 lid 3 and art. 64 lid 3 count back from the end of the waiting
    time: a recovery after the RIV date moves the end, and the RIV and the application
    with it."""
    gap = HerstelPeriode(date(2027, 11, 1), date(2027, 11, 10))  # 10 days, in the last 13 weeks
    got = dues(Case(EZD, herstel=(gap,)))
    assert got[M.EINDE_WACHTTIJD] == WORKED_VECTOR[M.EINDE_WACHTTIJD] + 10 * D
    assert got[M.EINDEVALUATIE] == WORKED_VECTOR[M.EINDEVALUATIE] + 10 * D
    assert got[M.WIA_AANVRAAG] == WORKED_VECTOR[M.WIA_AANVRAAG] + 10 * D


def test_short_gap_shifts_later_deadlines_by_its_length() -> None:
    """Wet WIA art. 23 lid 3: a gap under 4 weeks is added up; its days do not count."""
    gap = HerstelPeriode(date(2026, 1, 20), date(2026, 1, 29))  # 10 days
    got = dues(Case(EZD, herstel=(gap,)))
    assert got[M.ZIEKMELDING] == date(2026, 1, 8)  # before the gap: unchanged
    for milestone, expected in WORKED_VECTOR.items():
        assert got[milestone] == expected + 10 * D, milestone


def test_gap_of_27_days_is_added_up_and_28_days_starts_a_new_waiting_time() -> None:
    """Wet WIA art. 23 lid 3; BW 7:629 lid 10: "minder dan vier weken" joins."""
    short = HerstelPeriode(date(2026, 3, 1), date(2026, 3, 27))  # 27 days
    tl = compute_timeline(Case(EZD, herstel=(short,)), date(2026, 4, 1))
    assert tl.eerste_ziektedag == EZD
    assert tl.get(M.EINDE_WACHTTIJD).due == WORKED_VECTOR[M.EINDE_WACHTTIJD] + 27 * D

    long = HerstelPeriode(date(2026, 3, 1), date(2026, 3, 28))  # exactly 4 weeks
    tl = compute_timeline(Case(EZD, herstel=(long,)), date(2026, 4, 1))
    assert tl.eerste_ziektedag == date(2026, 3, 29)
    assert tl.oorspronkelijke_eerste_ziektedag == EZD
    assert tl.get(M.PROBLEEMANALYSE).due == date(2026, 3, 29) + timedelta(weeks=6)


def test_gap_starting_on_a_deadline_does_not_delay_it() -> None:
    """RP art. 2 lid 2: six weeks of incapacity are complete at the end of 11 February; a
    recovery from the 12th (the due date itself) does not postpone the probleemanalyse."""
    on_due = HerstelPeriode(date(2026, 2, 12), date(2026, 2, 18))
    got = dues(Case(EZD, herstel=(on_due,)))
    assert got[M.PROBLEEMANALYSE] == date(2026, 2, 12)
    assert got[M.PLAN_VAN_AANPAK] == date(2026, 2, 26) + 7 * D
    day_before = HerstelPeriode(date(2026, 2, 11), date(2026, 2, 17))
    assert dues(Case(EZD, herstel=(day_before,)))[M.PROBLEEMANALYSE] == date(2026, 2, 19)


def test_gap_starting_on_the_last_day_of_the_waiting_time_extends_it() -> None:
    """Wet WIA art. 23 lid 1: the end is the 728th day of incapacity; a recovery on it
    means that day is not a day of incapacity."""
    last = HerstelPeriode(date(2027, 12, 29), date(2027, 12, 31))
    assert dues(Case(EZD, herstel=(last,)))[M.EINDE_WACHTTIJD] == date(2028, 1, 1)


def test_two_short_gaps_add_up() -> None:
    """Wet WIA art. 23 lid 3: every short gap is added up."""
    gaps = (
        HerstelPeriode(date(2026, 1, 20), date(2026, 1, 24)),
        HerstelPeriode(date(2026, 5, 1), date(2026, 5, 7)),
    )
    got = dues(Case(EZD, herstel=gaps))
    assert got[M.PROBLEEMANALYSE] == date(2026, 2, 12) + 5 * D
    assert got[M.EERSTEJAARSEVALUATIE] == WORKED_VECTOR[M.EERSTEJAARSEVALUATIE] + 12 * D


def test_pregnancy_is_no_exception_to_samentelling() -> None:
    """Wet WIA art. 23 lid 3; BW 7:629 lid 10: sickness due to pregnancy is added up like
    any other (the issue's example: probleemanalyse 2026-02-16, end 2028-01-05)."""
    gap = HerstelPeriode(date(2026, 3, 2), date(2026, 3, 4))
    tl = compute_timeline(Case(date(2026, 1, 5), herstel=(gap,), zwanger=True), date(2026, 3, 1))
    assert tl.eerste_ziektedag == date(2026, 1, 5)
    assert tl.get(M.PROBLEEMANALYSE).due == date(2026, 2, 16)
    assert tl.get(M.EINDE_WACHTTIJD).due == date(2028, 1, 5)


def test_zw29a_sickness_reported_within_six_weeks_and_no_42e_weeksmelding() -> None:
    """Ziektewet art. 38a: sickness due to pregnancy or childbirth (art. 29a) is reported
    within the first six weeks; art. 38 lid 4: the 42e-weeksmelding does not apply."""
    tl = compute_timeline(Case(EZD, zwanger=True), EZD)
    melding = tl.get(M.ZIEKMELDING_UWV_ZWANGERSCHAP)
    assert melding.due == EZD + 41 * D  # the 42nd day: within the first six weeks
    assert "38a" in melding.reference
    assert tl.get(M.ZIEKMELDING_UWV).status is S.NOT_APPLICABLE
    assert "38 lid 4" in (tl.get(M.ZIEKMELDING_UWV).note or "")
    with pytest.raises(KeyError):
        compute_timeline(Case(EZD), EZD).get(M.ZIEKMELDING_UWV_ZWANGERSCHAP)


def test_pregnancy_leave_is_not_counted_and_sickness_around_it_is_added_up() -> None:
    """Wet WIA art. 23 lid 3 a 2°: sick periods directly before and after the WAZO leave are
    added up across it (the 16 weeks are no 'new waiting time'); lid 5 a: the leave days
    themselves do not count."""
    leave = VerlofPeriode(date(2026, 3, 2), date(2026, 6, 21))  # 112 days
    tl = compute_timeline(Case(EZD, verlof=(leave,)), EZD)
    assert tl.eerste_ziektedag == EZD
    assert tl.verlof == (leave,)
    assert tl.get(M.PROBLEEMANALYSE).due == WORKED_VECTOR[M.PROBLEEMANALYSE]  # before the leave
    assert tl.get(M.EINDE_WACHTTIJD).due == WORKED_VECTOR[M.EINDE_WACHTTIJD] + 112 * D
    assert tl.get(M.EINDEVALUATIE).due == WORKED_VECTOR[M.EINDEVALUATIE] + 112 * D
    assert tl.to_dict()["verlof"] == [{"start": "2026-03-02", "eind": "2026-06-21", "dagen": 112}]


def test_recovery_before_the_leave_is_not_sickness_directly_before_it() -> None:
    """Wet WIA art. 23 lid 3: only sickness *directly* before and after the leave is added
    up across it; recovery, then leave, then sickness is an interruption of 4 weeks or
    more, so a new waiting time starts after it."""
    herstel = HerstelPeriode(date(2026, 2, 20), date(2026, 3, 1))
    leave = VerlofPeriode(date(2026, 3, 2), date(2026, 6, 21))
    tl = compute_timeline(Case(EZD, herstel=(herstel,), verlof=(leave,)), EZD)
    assert tl.eerste_ziektedag == date(2026, 6, 22)


def test_vrijwillige_verlenging_riv_13_and_application_11_weeks_before_the_fixed_end() -> None:
    """Wet WIA art. 24: UWV fixes the end of the extended period; art. 25 lid 4: RIV 13
    weeks before it; art. 64 lid 3: the application 11 weeks before it."""
    tl = compute_timeline(Case(EZD, verlenging_weken=(26,)), EZD)
    end = WORKED_VECTOR[M.EINDE_WACHTTIJD] + timedelta(weeks=26)
    assert tl.get(M.EINDE_WACHTTIJD).due == end
    assert tl.get(M.EINDEVALUATIE).due == end - timedelta(weeks=13)
    assert tl.get(M.WIA_AANVRAAG).due == end - timedelta(weeks=11)
    assert "25 lid 4" in tl.get(M.EINDEVALUATIE).reference
    assert "24" in tl.get(M.EINDE_WACHTTIJD).reference
    assert tl.get(M.EERSTEJAARSEVALUATIE).due == WORKED_VECTOR[M.EERSTEJAARSEVALUATIE]


def test_recovery_during_the_extension_does_not_move_the_uwv_end() -> None:
    """Wet WIA art. 24 lid 2: the end of the extended period is the date UWV fixed."""
    during = HerstelPeriode(date(2028, 2, 1), date(2028, 2, 10))  # after the original end
    plain = dues(Case(EZD, verlenging_weken=(26,)))
    assert dues(Case(EZD, verlenging_weken=(26,), herstel=(during,))) == plain


def test_loonsanctie_extends_only_the_pay_period() -> None:
    """Wet WIA art. 25 lid 9: UWV extends the pay period by at most 52 weeks; the RIV and
    the application belong to the waiting time before it and do not move."""
    tl = compute_timeline(Case(EZD, loonsanctie_weken=52), EZD)
    assert tl.get(M.EINDE_WACHTTIJD).due == WORKED_VECTOR[M.EINDE_WACHTTIJD] + timedelta(weeks=52)
    assert tl.get(M.WIA_AANVRAAG).due == WORKED_VECTOR[M.WIA_AANVRAAG]
    assert tl.get(M.EINDEVALUATIE).due == WORKED_VECTOR[M.EINDEVALUATIE]
    assert "art. 25 lid 9" in tl.get(M.EINDE_WACHTTIJD).reference


def test_loonsanctie_ends_six_weeks_after_the_repair() -> None:
    """Wet WIA art. 25 lid 14: the loonsanctie ends six weeks after UWV finds the
    shortcoming repaired."""
    repaired = date(2028, 3, 1)
    case = Case(EZD, loonsanctie_weken=52, loonsanctie_hersteld=repaired)
    assert dues(case)[M.EINDE_WACHTTIJD] == repaired + timedelta(weeks=6)


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
    """Wet WIA art. 43 onder g: no WIA at or after the AOW age."""
    case = Case(EZD, werknemer=Werknemer("A", geboortedatum=date(1960, 3, 1)))
    assert case.effectieve_aow_datum == date(2027, 3, 1)  # 67 in 2027
    tl = compute_timeline(case, EZD)
    for m in (M.WIA_AANVRAAG, M.EINDEVALUATIE, M.UWV_BRIEF_WIA, M.EINDE_WACHTTIJD):
        assert tl.get(m).status is S.NOT_APPLICABLE, m
        assert "43 onder g" in (tl.get(m).note or "")
    assert tl.get(M.EERSTEJAARSEVALUATIE).status is S.DUE
    assert "mag vervallen" in (tl.get(M.SPOOR2_START).note or "")


def test_aow_on_the_day_after_the_end_means_no_wia() -> None:
    """Wet WIA art. 43 onder g with art. 47/54 lid 2: AOW on the day after the end of the
    waiting time — no WIA, so the WIA milestones do not apply; one day later they do."""
    end = WORKED_VECTOR[M.EINDE_WACHTTIJD]
    tl = compute_timeline(Case(EZD, aow_datum=end + D), EZD)
    for m in (M.WIA_AANVRAAG, M.EINDEVALUATIE, M.UWV_BRIEF_WIA, M.EINDE_WACHTTIJD):
        assert tl.get(m).status is S.NOT_APPLICABLE, m
    tl = compute_timeline(Case(EZD, aow_datum=end + 2 * D), EZD)
    for m in (M.WIA_AANVRAAG, M.EINDEVALUATIE, M.UWV_BRIEF_WIA, M.EINDE_WACHTTIJD):
        assert tl.get(m).status is S.DUE, m


def test_aow_inside_a_loonsanctie_year_keeps_the_application() -> None:
    """Wet WIA art. 25 lid 9 and art. 43 g: an AOW date within the loonsanctie year comes
    after the waiting time whose application was already required (and may be done)."""
    aow = WORKED_VECTOR[M.EINDE_WACHTTIJD] + timedelta(weeks=20)
    case = Case(EZD, loonsanctie_weken=52, aow_datum=aow)
    tl = compute_timeline(case, EZD)
    assert tl.get(M.WIA_AANVRAAG).status is S.DUE
    assert tl.get(M.EINDEVALUATIE).status is S.DUE
    done = Case(
        EZD, loonsanctie_weken=52, aow_datum=aow, gedaan={M.WIA_AANVRAAG: date(2027, 10, 1)}
    )
    assert compute_timeline(done, date(2028, 1, 1)).get(M.WIA_AANVRAAG).status is S.DONE


def test_aow_far_away_changes_nothing() -> None:
    tl = compute_timeline(Case(EZD, aow_datum=date(2040, 1, 1)), EZD)
    assert all(m.status is S.DUE for m in tl.milestones)


def test_aow_within_a_year_after_the_end_keeps_spoor2_with_a_note() -> None:
    """DOMAIN.md: with AOW within a year after the end of the waiting time, 2e spoor *may*
    be skipped when both agree — practice, so a note, not a dropped duty."""
    tl = compute_timeline(Case(EZD, aow_datum=date(2028, 6, 15)), EZD)
    sp2 = tl.get(M.SPOOR2_START)
    assert sp2.status is S.DUE
    assert sp2.note is not None and "mag vervallen" in sp2.note
    assert tl.get(M.WIA_AANVRAAG).status is S.DUE


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


def test_ziek_uit_dienst_report_and_riv_by_the_last_working_day() -> None:
    """Ziektewet art. 38 lid 2; Regeling procesgang art. 6 lid 2: when employment ends
    during sickness, report to UWV by the last working day and, after 6 weeks or more of
    sickness, hand over the RIV by that day; the eindevaluatie is due on the last day of
    employment; the employer's later duties pass to UWV."""
    einde = date(2026, 5, 31)  # a Sunday: the last working day is Friday 29 May
    tl = compute_timeline(Case(EZD, einde_dienstverband=einde), EZD)
    assert last_working_day_until(einde) == date(2026, 5, 29)
    assert tl.get(M.MELDING_EINDE_DIENSTVERBAND).due == date(2026, 5, 29)
    riv = tl.get(M.RIV_EINDE_DIENSTVERBAND)
    assert riv.due == date(2026, 5, 29)
    assert "verkort" not in (riv.note or "")
    assert tl.get(M.EINDEVALUATIE).due == einde
    for m in (M.ZIEKMELDING_UWV, M.EERSTEJAARSEVALUATIE, M.SPOOR2_START):
        assert tl.get(m).status is S.NOT_APPLICABLE, m
    assert tl.get(M.PROBLEEMANALYSE).status is S.DUE  # due before the end of employment
    assert tl.get(M.WIA_AANVRAAG).status is S.DUE  # the employee still applies


def test_verkort_riv_when_employment_ends_within_ten_weeks() -> None:
    """Beleidsregels vorm- en herkenbaarheidsvereisten: employment ending within 10 weeks
    after the first sick day — a short RIV suffices (sick 6 weeks or more: ZW 38 lid 2)."""
    tl = compute_timeline(Case(EZD, einde_dienstverband=date(2026, 3, 1)), EZD)
    assert "verkort RIV" in (tl.get(M.RIV_EINDE_DIENSTVERBAND).note or "")
    short = compute_timeline(Case(EZD, einde_dienstverband=date(2026, 2, 1)), EZD)
    with pytest.raises(KeyError):  # less than 6 weeks sick: no RIV
        short.get(M.RIV_EINDE_DIENSTVERBAND)
    assert short.get(M.EINDEVALUATIE).status is S.NOT_APPLICABLE


def test_iva_window_week_3_to_week_68() -> None:
    """Wet WIA art. 23 lid 6: a shortened waiting time of 13 to 78 weeks, ending at least
    10 weeks after the request — from week 3 to the end of week 68; no RIV-toets."""
    tl = compute_timeline(Case(EZD, iva=True), EZD)
    iva = tl.get(M.IVA_AANVRAAG)
    assert iva.opens == EZD + 14 * D
    assert iva.due == EZD + 475 * D
    assert iva.to_dict()["opens"] == (EZD + 14 * D).isoformat()
    assert "RIV-toets" in (iva.note or "")


def test_done_only_when_done_on_or_before_the_peildatum() -> None:
    """DOMAIN.md "Status at a peildatum": done only when done on or before the peildatum
    (the issue's example: done on 2026-03-20 is overdue on 2026-03-01)."""
    case = Case(EZD, gedaan={M.PROBLEEMANALYSE: date(2026, 3, 20)})
    ms = compute_timeline(case, date(2026, 3, 1)).get(M.PROBLEEMANALYSE)
    assert ms.status is S.OVERDUE and ms.done is None
    ms = compute_timeline(case, date(2026, 3, 20)).get(M.PROBLEEMANALYSE)
    assert ms.status is S.DONE_LATE and ms.done == date(2026, 3, 20)


def test_done_on_the_due_date_is_on_time_and_a_day_later_is_late() -> None:
    for done, status in ((date(2026, 2, 12), S.DONE), (date(2026, 2, 13), S.DONE_LATE)):
        case = Case(EZD, gedaan={M.PROBLEEMANALYSE: done})
        assert compute_timeline(case, date(2026, 3, 1)).get(M.PROBLEEMANALYSE).status is status


def test_a_later_milestone_says_nothing_about_an_earlier_one() -> None:
    """DOMAIN.md: an eindevaluatie date does not mark the evaluaties done."""
    case = Case(EZD, gedaan={M.EINDEVALUATIE: date(2027, 9, 1)})
    tl = compute_timeline(case, date(2027, 9, 2))
    assert tl.get(M.EVALUATIE).status is S.OVERDUE
    assert tl.get(M.EVALUATIE).done is None
    assert tl.get(M.EINDEVALUATIE).status is S.DONE


def test_status_at_peildatum() -> None:
    case = Case(EZD, gedaan={M.ZIEKMELDING: date(2026, 1, 2), M.PROBLEEMANALYSE: date(2026, 2, 10)})
    tl = compute_timeline(case, date(2026, 2, 27))
    assert tl.get(M.ZIEKMELDING).status is S.DONE
    assert tl.get(M.PROBLEEMANALYSE).status is S.DONE
    assert tl.get(M.PLAN_VAN_AANPAK).status is S.OVERDUE
    assert tl.get(M.EERSTEJAARSEVALUATIE).status is S.DUE
    # on the due day itself a milestone is still due, the day after it is overdue
    assert compute_timeline(Case(EZD), date(2026, 2, 12)).get(M.PROBLEEMANALYSE).status is S.DUE
    assert compute_timeline(Case(EZD), date(2026, 2, 13)).get(M.PROBLEEMANALYSE).status is S.OVERDUE


def test_evaluation_every_six_weeks_after_the_last_held() -> None:
    """Regeling procesgang art. 4 lid 2 b ("periodiek"); every 6 weeks is UWV practice.
    Evaluations after the peildatum are not held yet."""
    case = Case(EZD, gedaan={M.PLAN_VAN_AANPAK: date(2026, 2, 20)}, evaluaties=(date(2026, 4, 1),))
    assert dues(case, date(2026, 4, 2))[M.EVALUATIE] == date(2026, 5, 13)
    assert dues(case, date(2026, 3, 1))[M.EVALUATIE] == date(2026, 4, 3)


def test_spoor2_follows_actual_eerstejaarsevaluatie() -> None:
    """UWV Werkwijzer (practice): 2e spoor at the latest 6 weeks after the EJE."""
    case = Case(EZD, gedaan={M.EERSTEJAARSEVALUATIE: date(2026, 12, 1)})
    assert dues(case, date(2026, 12, 2))[M.SPOOR2_START] == date(2027, 1, 12)


def test_working_days() -> None:
    assert not is_working_day(date(2026, 12, 25))
    assert not is_working_day(date(2026, 4, 27))  # Koningsdag
    assert is_working_day(date(2026, 12, 24))
    assert first_working_day_from(date(2026, 12, 24)) == date(2026, 12, 24)
    assert last_working_day_until(date(2026, 12, 27)) == date(2026, 12, 24)


def test_impossible_periods_are_refused() -> None:
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
    with pytest.raises(ValueError, match="verlofperiode vanaf"):
        Case(
            EZD,
            herstel=(HerstelPeriode(date(2026, 2, 1), date(2026, 2, 10)),),
            verlof=(VerlofPeriode(date(2026, 2, 5), date(2026, 5, 12)),),
        )
    with pytest.raises(ValueError, match="vorige werkgever"):
        Case(EZD, einde_dienstverband=date(2025, 12, 31))
    # recovery that runs straight into the leave is allowed (one interruption)
    Case(
        EZD,
        herstel=(HerstelPeriode(date(2026, 2, 1), date(2026, 2, 10)),),
        verlof=(VerlofPeriode(date(2026, 2, 11), date(2026, 5, 12)),),
    )


def test_timeline_json_shape() -> None:
    doc = compute_timeline(Case(EZD), date(2026, 3, 1)).to_dict()
    assert doc["schema_version"] == 1
    assert doc["eerste_ziektedag"] == "2026-01-01"
    assert doc["peildatum"] == "2026-03-01"
    first = doc["milestones"][1]  # type: ignore[index]
    assert first == {
        "id": "probleemanalyse",
        "due": "2026-02-12",
        "status": "overdue",
        "reference": "Regeling procesgang art. 2 lid 2",
    }


def test_gap_starting_on_the_plan_deadline_delays_the_next_evaluation() -> None:
    # found by hypothesis: the plan is due on the gap's first day (not delayed), but the
    # six weeks to the first evaluation start counting on that day and include the gap
    ezd = date(2000, 1, 1)
    gap = HerstelPeriode(ezd + 56 * D, ezd + 56 * D)
    got = dues(Case(ezd, herstel=(gap,)), ezd)
    assert got[M.PLAN_VAN_AANPAK] == ezd + 56 * D
    assert got[M.EVALUATIE] == ezd + (56 + 42 + 1) * D


def test_anchor_inside_a_gap_counts_only_the_remaining_recovered_days() -> None:
    gap = HerstelPeriode(date(2026, 2, 5), date(2026, 2, 14))
    case = Case(EZD, herstel=(gap,), gedaan={M.PROBLEEMANALYSE: date(2026, 2, 10)})
    # plan: two weeks of sickness counted from 10 February; 10–14 February were recovered
    assert dues(case, date(2026, 2, 11))[M.PLAN_VAN_AANPAK] == date(2026, 2, 24) + 5 * D


def test_verlenging_to_the_date_uwv_fixed() -> None:
    """Wet WIA art. 24: UWV fixes the end date of the extended period; the RIV is due 13
    weeks (art. 25 lid 4) and the application 11 weeks (art. 64 lid 3) before that date.
    A date that is no extension (not after the end) changes nothing."""
    ezd = date(2026, 1, 1)
    fixed = date(2028, 12, 29)  # not a whole number of weeks after ezd+727 (2027-12-29)
    tl = compute_timeline(Case(eerste_ziektedag=ezd, verlenging_tot=fixed), peildatum=ezd)
    assert tl.get(MilestoneId.EINDE_WACHTTIJD).due == fixed
    assert tl.get(MilestoneId.EINDEVALUATIE).due == fixed - timedelta(days=91)
    assert tl.get(MilestoneId.WIA_AANVRAAG).due == fixed - timedelta(days=77)
    assert "vastgesteld door UWV" in (tl.get(MilestoneId.EINDE_WACHTTIJD).note or "")
    # a recovery during the extension does not move UWV's date (WIA 24 lid 2)
    gap = HerstelPeriode(date(2028, 3, 1), date(2028, 3, 20))
    later = compute_timeline(
        Case(eerste_ziektedag=ezd, verlenging_tot=fixed, herstel=(gap,)), peildatum=ezd
    )
    assert later.get(MilestoneId.EINDE_WACHTTIJD).due == fixed
    plain = compute_timeline(Case(eerste_ziektedag=ezd), peildatum=ezd)
    early = compute_timeline(
        Case(eerste_ziektedag=ezd, verlenging_tot=date(2027, 6, 1)), peildatum=ezd
    )
    assert early.get(MilestoneId.EINDE_WACHTTIJD).due == plain.get(MilestoneId.EINDE_WACHTTIJD).due
