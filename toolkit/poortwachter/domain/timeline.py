"""The legal timeline of a case: every milestone of DOMAIN.md with its due date and status.

Call :func:`compute_timeline` with a :class:`~poortwachter.domain.case.Case` and a
peildatum; it returns a :class:`Timeline` (``to_dict()`` is the timeline JSON).

Counting (DOMAIN.md, "The two-year path"): deadlines are counted in **days of incapacity**
from the eerste ziektedag (day 1). Recovered days of a samentelling gap and days of
pregnancy/maternity leave do not count. Each deadline follows its own statutory wording:

* "binnen zes weken na de eerste dag" (probleemanalyse, RP art. 2 lid 2): the day after the
  42nd day of incapacity, ezd+42 without gaps; the same form for the plan van aanpak (14
  days after the probleemanalyse), the 42e-weeksmelding (the day after the 294th day,
  Ziektewet art. 38 lid 1, no shift to a working day) and the practice terms;
* "aan het einde van het eerste ziektejaar" (RP art. 4 lid 2 b): the 364th day;
* the end of the waiting time: the 728th day (Wet WIA art. 23 lid 1);
* the RIV/eindevaluatie and the WIA application are counted **back** from the end: 13 and
  11 weeks before it (Wet WIA art. 25 lid 3, art. 64 lid 3), so a recovery in the last 13
  weeks moves them with the end.

The rules that move dates (samentelling, pregnancy leave, verlenging, loonsanctie, AOW,
ziek uit dienst, IVA) are described where they are applied below and in DOMAIN.md.
"""

# No ``from __future__ import annotations`` here: a NamedTuple's generated ``__new__`` lives
# in no module, so string annotations on Milestone could not be resolved by tools that read
# them (pdoc's API reference, typing.get_type_hints on Milestone.__new__).

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from poortwachter.domain.case import (
    Case,
    HerstelPeriode,
    Periode,
    VerlofPeriode,
)
from poortwachter.domain.dates import format_nl
from poortwachter.domain.milestones import REFERENCES, Milestone, Timeline
from poortwachter.domain.sickdays import (
    EINDE_WACHTTIJD_DAY,
    nth_sick_day,
    sick_days_until,
    split_waiting_time,
)
from poortwachter.domain.vocabulary import MilestoneId, MilestoneStatus
from poortwachter.domain.workdays import (
    first_working_day_from,
    is_working_day,
    last_working_day_until,
)

M = MilestoneId


_DAY = timedelta(days=1)
# Days of incapacity, by the wording of each source (see the module docstring).
ZIEKMELDING_DAYS = 7  # practice: week 1
PROBLEEMANALYSE_DAYS = 42  # RP art. 2 lid 2: "binnen zes weken na de eerste dag"
PVA_AFTER_PA_DAYS = 14  # RP art. 4 lid 1: "binnen twee weken na" the probleemanalyse
EVALUATIE_INTERVAL_DAYS = 42  # UWV practice
ZIEKMELDING_UWV_DAYS = 294  # ZW 38 lid 1: the first day after 42 weeks of incapacity
ZW29A_MELDING_DAY = 42  # ZW 38a: within the first six weeks (the 42nd day)
EERSTEJAARSEVALUATIE_DAY = 364  # RP art. 4 lid 2 b: the end of the first year
SPOOR2_AFTER_EJE_DAYS = 42  # Werkwijzer (practice)
IVA_OPENS_DAY = 15  # WIA 23 lid 6: a waiting time of 13 to 78 weeks, ending at least
IVA_LAST_DAY = 476  # 10 weeks after the request: from week 3 up to the end of week 68
UWV_BRIEF_DAY = 623  # WIA 64 lid 2: "de dag waarop de wachttijd 89 weken heeft geduurd"
RIV_BEFORE_END = timedelta(weeks=13)  # WIA 25 lid 3 (lid 4 for a verlenging)
WIA_BEFORE_END = timedelta(weeks=11)  # WIA 64 lid 3
BRIEF_BEFORE_END = timedelta(weeks=104 - 89)  # the brief's distance to the end
LOONSANCTIE_AFTER_REPAIR = timedelta(weeks=6)  # WIA 25 lid 14
RIV_UIT_DIENST_MIN_DAYS = 42  # ZW 38 lid 2: sick 6 weeks or more at the end of employment
VERKORT_RIV_WITHIN = timedelta(weeks=10)  # Beleidsregels vorm- en herkenbaarheid
AOW_SPOOR2_WINDOW = timedelta(days=365)  # practice

_DONE, _DONE_LATE, _DUE, _OVERDUE, _NA = (
    MilestoneStatus.DONE,
    MilestoneStatus.DONE_LATE,
    MilestoneStatus.DUE,
    MilestoneStatus.OVERDUE,
    MilestoneStatus.NOT_APPLICABLE,
)
_ALL = tuple(MilestoneId)  # iterating the enum class is slow in bulk; a tuple is not
# Members bound once: attribute access on an enum class costs ~1 µs each in 3.11.
_ZM = M.ZIEKMELDING
_PA = M.PROBLEEMANALYSE
_ZW29A = M.ZIEKMELDING_UWV_ZWANGERSCHAP
_PVA = M.PLAN_VAN_AANPAK
_EVAL = M.EVALUATIE
_UWV = M.ZIEKMELDING_UWV
_EJE = M.EERSTEJAARSEVALUATIE
_SP2 = M.SPOOR2_START
_IVA = M.IVA_AANVRAAG
_BRIEF = M.UWV_BRIEF_WIA
_EIND = M.EINDEVALUATIE
_WIA = M.WIA_AANVRAAG
_END = M.EINDE_WACHTTIJD
_MELD_ED = M.MELDING_EINDE_DIENSTVERBAND
_RIV_ED = M.RIV_EINDE_DIENSTVERBAND

#: Milestones that exist only because there is (or may be) a WIA application.
WIA_MILESTONES = frozenset({_BRIEF, _EIND, _WIA, _END, _IVA})
#: The employer's duties during employment; after ziek uit dienst UWV takes over.
EMPLOYER_MILESTONES = frozenset({_ZM, _PA, _ZW29A, _PVA, _EVAL, _UWV, _EJE, _SP2})


def compute_timeline(case: Case, peildatum: date | None = None) -> Timeline:
    """All milestones of ``case`` with due date and status at ``peildatum`` (default today).

    Only what is known at the peildatum counts: a milestone done after it is not done
    yet, and evaluations after it are not held yet. The status is ``done`` (done on or
    before its due date), ``done_late``, ``due``, ``overdue`` (due date before the
    peildatum) or ``not_applicable`` (a rule took it away; the note says which).
    """
    peil = peildatum or date.today()
    ezd, gaps = split_waiting_time(case.eerste_ziektedag, case.herstel, case.verlof)
    done = {m: d for m, d in case.gedaan.items() if d <= peil} if case.gedaan else {}
    day, after = _counters(ezd, gaps)

    due: dict[MilestoneId, date] = {}
    notes: dict[MilestoneId, str] = {}
    na: set[MilestoneId] = set()
    _first_year(case, ezd, peil, done, day, after, due, notes)
    wia_end, refs = _end_of_waiting_time(case, day, due, notes)
    opens = _pregnancy_and_iva(case, day, due, notes, na)
    einde = case.einde_dienstverband
    if (
        einde is not None
        and ezd <= einde < wia_end
        and _ziek_uit_dienst(einde, ezd, gaps, due, notes, na)
    ):
        refs = {**refs, _EIND: REFERENCES[_RIV_ED]}
    aow = case.effectieve_aow_datum
    if aow is not None:
        _aow_exclusions(aow, wia_end, due, notes, na)

    return Timeline(
        eerste_ziektedag=ezd,
        peildatum=peil,
        milestones=_milestones(peil, due, done, na, refs, notes, opens),
        samengeteld=tuple(g for g in gaps if isinstance(g, HerstelPeriode)),
        oorspronkelijke_eerste_ziektedag=(
            None if ezd == case.eerste_ziektedag else case.eerste_ziektedag
        ),
        verlof=tuple(g for g in gaps if isinstance(g, VerlofPeriode)),
    )


def _counters(
    ezd: date, gaps: Sequence[Periode]
) -> tuple[Callable[[int], date], Callable[[date, int], date]]:
    """``day(n)``: the n-th day of incapacity; ``after(anchor, n)``: the day after n days of
    incapacity counted from ``anchor``. Without gaps, plain date arithmetic (the common
    case, without the gap loop)."""
    if not gaps:
        return (
            lambda n: ezd + timedelta(days=n - 1),
            lambda anchor, n: anchor + timedelta(days=n),
        )
    return (
        lambda n: nth_sick_day(ezd, n, gaps),
        lambda anchor, n: nth_sick_day(anchor, n, gaps) + _DAY,
    )


def _first_year(
    case: Case,
    ezd: date,
    peil: date,
    done: dict[MilestoneId, date],
    day: Callable[[int], date],
    after: Callable[[date, int], date],
    due: dict[MilestoneId, date],
    notes: dict[MilestoneId, str],
) -> None:
    """The employer's deadlines of the first year: ziekmelding up to the 2e spoor."""
    due[_ZM] = after(ezd, ZIEKMELDING_DAYS)
    due[_PA] = after(ezd, PROBLEEMANALYSE_DAYS)
    # The plan follows the actual probleemanalyse (law: two weeks after it).
    due[_PVA] = after(done.get(_PA, due[_PA]), PVA_AFTER_PA_DAYS)
    # Next evaluation: six weeks after the last evaluation held, or after the plan.
    held = [d for d in case.evaluaties if d <= peil]
    for m in (_PVA, _EVAL):
        if m in done:
            held.append(done[m])
    due[_EVAL] = after(max(held) if held else due[_PVA], EVALUATIE_INTERVAL_DAYS)
    if held:
        notes[_EVAL] = f"laatste evaluatie op {format_nl(max(held))}; de volgende binnen 6 weken"
    due[_UWV] = after(ezd, ZIEKMELDING_UWV_DAYS)
    if not is_working_day(due[_UWV]):
        notes[_UWV] = (
            "de wettelijke dag valt in een weekend of op een feestdag; UWV noemt op zijn "
            f"website ook de eerstvolgende werkdag ({format_nl(first_working_day_from(due[_UWV]))})"
        )
    due[_EJE] = day(EERSTEJAARSEVALUATIE_DAY)
    due[_SP2] = after(done.get(_EJE, due[_EJE]), SPOOR2_AFTER_EJE_DAYS)


def _end_of_waiting_time(
    case: Case,
    day: Callable[[int], date],
    due: dict[MilestoneId, date],
    notes: dict[MilestoneId, str],
) -> tuple[date, dict[MilestoneId, str]]:
    """The end of the waiting time, and the UWV letter, the RIV and the application counted
    back from it. Returns that end (without a loonsanctie) and the references, changed
    where a verlenging or a loonsanctie applies."""
    refs = REFERENCES
    wia_end = day(EINDE_WACHTTIJD_DAY)
    due[_BRIEF] = day(UWV_BRIEF_DAY)
    notes[_BRIEF] = "in de praktijk stuurt UWV de brief in week 88"
    verlenging = sum(case.verlenging_weken)
    fixed_end = (
        case.verlenging_tot if case.verlenging_tot and case.verlenging_tot > wia_end else None
    )
    if verlenging or fixed_end:
        # WIA 24: UWV fixes the end of the extended period; a recovery in the extension
        # does not move it. RIV 13 weeks (25 lid 4), application 11 weeks (64 lid 3) before.
        wia_end = fixed_end or wia_end + timedelta(weeks=verlenging)
        due[_BRIEF] = wia_end - BRIEF_BEFORE_END
        note = (
            f"vrijwillige verlenging tot {format_nl(wia_end)} (vastgesteld door UWV)"
            if fixed_end
            else f"vrijwillige verlenging van {verlenging} weken tot {format_nl(wia_end)}"
        )
        refs = {
            **refs,
            _EIND: "Wet WIA art. 25 lid 4 (vrijwillige verlenging)",
            _END: "Wet WIA art. 24 (vrijwillige verlenging; einde vastgesteld door UWV)",
        }
        for m in (_BRIEF, _EIND, _WIA, _END):
            notes[m] = note
    due[_EIND] = wia_end - RIV_BEFORE_END
    due[_WIA] = wia_end - WIA_BEFORE_END
    due[_END] = wia_end
    if case.loonsanctie_weken:
        refs = {**refs, _END: "Wet WIA art. 25 lid 9 en 14 (loonsanctie)"}
        _loonsanctie(case, wia_end, due, notes)
    return wia_end, refs


def _loonsanctie(
    case: Case, wia_end: date, due: dict[MilestoneId, date], notes: dict[MilestoneId, str]
) -> None:
    """WIA 25 lid 9: only the pay period grows; the RIV and the application belong to the
    waiting time before it. Lid 14: it ends six weeks after UWV finds the shortcoming
    repaired."""
    pay_end = wia_end + timedelta(weeks=case.loonsanctie_weken)
    if case.loonsanctie_hersteld is not None:
        pay_end = max(wia_end, min(pay_end, case.loonsanctie_hersteld + LOONSANCTIE_AFTER_REPAIR))
    due[_END] = pay_end
    notes[_END] = (
        f"loonsanctie: loondoorbetaling tot en met {format_nl(pay_end)}; RIV en "
        f"WIA-aanvraag horen bij de wachttijd tot {format_nl(wia_end)}"
    )


def _pregnancy_and_iva(
    case: Case,
    day: Callable[[int], date],
    due: dict[MilestoneId, date],
    notes: dict[MilestoneId, str],
    na: set[MilestoneId],
) -> date | None:
    """The ZW 38a report for sickness due to pregnancy, and the IVA request's window.
    Returns the first day of that window (None without IVA)."""
    if case.zwanger:
        # ZW 38a: report sickness due to pregnancy or childbirth within six weeks; the
        # 42e-weeksmelding does not apply (ZW 38 lid 4).
        due[_ZW29A] = day(ZW29A_MELDING_DAY)
        na.add(_UWV)
        notes[_UWV] = (
            "geen 42e-weeksmelding bij ziekte door zwangerschap of bevalling "
            "(Ziektewet art. 38 lid 4); meld binnen zes weken (art. 38a)"
        )
    if not case.iva:
        return None
    due[_IVA] = day(IVA_LAST_DAY)
    notes[_IVA] = (
        "de verkorte wachttijd (13 tot 78 weken) eindigt minstens 10 weken na de "
        "aanvraag; geen RIV-toets"
    )
    return day(IVA_OPENS_DAY)


def _milestones(
    peil: date,
    due: dict[MilestoneId, date],
    done: dict[MilestoneId, date],
    na: set[MilestoneId],
    refs: dict[MilestoneId, str],
    notes: dict[MilestoneId, str],
    opens: date | None,
) -> tuple[Milestone, ...]:
    """Every milestone that has a due date, in the order of :class:`MilestoneId`, with its
    status at ``peil``."""
    milestones = []
    for m in _ALL:
        when = due.get(m)
        if when is None:
            continue
        finished = done.get(m) if m is not _EVAL else None
        if finished is not None:
            status = _DONE if finished <= when else _DONE_LATE
        elif m in na:
            status = _NA
        elif when < peil:
            status = _OVERDUE
        else:
            status = _DUE
        milestones.append(
            Milestone(
                m, when, status, refs[m], finished, notes.get(m), opens if m is _IVA else None
            )
        )
    return tuple(milestones)


def _ziek_uit_dienst(
    einde: date,
    ezd: date,
    gaps: Sequence[Periode],
    due: dict[MilestoneId, date],
    notes: dict[MilestoneId, str],
    na: set[MilestoneId],
) -> bool:
    """Employment ends during the waiting time (ZW 38 lid 2, RP art. 6 lid 2). True when
    the eindevaluatie moved to the last day of employment."""
    iso = format_nl(einde)
    moved = False
    deadline = max(last_working_day_until(einde), ezd)
    due[_MELD_ED] = deadline
    notes[_MELD_ED] = f"het dienstverband eindigt op {iso}: meld uiterlijk op de laatste werkdag"
    if sick_days_until(ezd, einde, gaps) >= RIV_UIT_DIENST_MIN_DAYS:
        due[_RIV_ED] = deadline
        if einde - ezd < VERKORT_RIV_WITHIN:
            notes[_RIV_ED] = (
                "verkort RIV volstaat: het dienstverband eindigt binnen 10 weken na de eerste "
                "ziektedag (Beleidsregels vorm- en herkenbaarheidsvereisten)"
            )
        else:
            notes[_RIV_ED] = f"6 weken of langer ziek bij het einde van het dienstverband op {iso}"
        if einde < due[_EIND]:
            due[_EIND] = einde
            moved = True
            notes[_EIND] = (
                f"ziek uit dienst: uiterlijk op de laatste dag van het dienstverband ({iso})"
            )
    elif einde < due[_EIND]:
        na.add(_EIND)
        notes[_EIND] = (
            f"minder dan 6 weken ziek bij het einde van het dienstverband op {iso}: geen RIV"
        )
    for m in EMPLOYER_MILESTONES:
        when = due.get(m)
        if when is not None and when > einde:
            na.add(m)
            notes[m] = f"na het einde van het dienstverband op {iso}; UWV neemt de begeleiding over"
    return moved


def _aow_exclusions(
    aow: date,
    wia_end: date,
    due: dict[MilestoneId, date],
    notes: dict[MilestoneId, str],
    na: set[MilestoneId],
) -> None:
    """No WIA at or after the AOW age (Wet WIA art. 43 onder g): ``wia_end`` is the end of
    the waiting time without a loonsanctie, so an AOW date in a loonsanctie year does not
    take away an application that was already required."""
    iso = format_nl(aow)
    if aow <= wia_end + _DAY:
        for m in WIA_MILESTONES:
            if m in due:
                na.add(m)
                notes[m] = (
                    f"AOW-leeftijd op {iso}, uiterlijk de dag na het einde van de wachttijd: "
                    "geen WIA (Wet WIA art. 43 onder g)"
                )
    for m, when in due.items():
        if when >= aow and m not in na:
            na.add(m)
            notes[m] = f"valt op of na de AOW-datum {iso}"
    if _SP2 not in na and aow <= wia_end + AOW_SPOOR2_WINDOW:
        notes[_SP2] = (
            f"AOW-leeftijd op {iso}, binnen een jaar na het einde van de wachttijd: het 2e "
            "spoor mag vervallen als werkgever en werknemer dat afspreken (praktijk)"
        )
