"""Counting days of incapacity: the waiting time split by long recovery gaps
(samentelling, Wet WIA art. 23 lid 3), and the n-th sick day or the sick days up to a date
when recovery gaps and pregnancy leave do not count."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from poortwachter.domain.case import SAMENTELLING_GRENS, HerstelPeriode, Periode, VerlofPeriode

_DAY = timedelta(days=1)
EINDE_WACHTTIJD_DAY = 728  # WIA 23 lid 1: 104 weeks


def split_waiting_time(
    eerste_ziektedag: date,
    herstel: Sequence[HerstelPeriode],
    verlof: Sequence[VerlofPeriode] = (),
) -> tuple[date, tuple[Periode, ...]]:
    """Samentelling (Wet WIA art. 23 lid 3, BW 7:629 lid 10): the eerste ziektedag of the
    current waiting time and the days within it that do not count (sorted).

    Touching recovery and leave periods form one interruption. An interruption that is
    only leave (sick directly before and after it) is always added up across (lid 3 a 2°);
    one with recovery in it is added up when it is shorter than 4 weeks, and otherwise a
    new waiting time starts the day after it. Neither recovered nor leave days count
    (lid 5 a). Pregnancy is no exception to samentelling. Periods after the end of the
    waiting time change nothing (a verlenging's end is fixed by UWV, WIA 24 lid 2).
    """
    if not herstel and not verlof:
        return eerste_ziektedag, ()
    periods: list[Periode] = sorted([*herstel, *verlof], key=lambda p: p.start)
    groups: list[list[Periode]] = []
    for p in periods:
        if groups and p.start <= groups[-1][-1].eind + _DAY:
            groups[-1].append(p)
        else:
            groups.append([p])
    start = eerste_ziektedag
    gaps: list[Periode] = []
    for group in groups:
        if group[0].start > nth_sick_day(start, EINDE_WACHTTIJD_DAY, gaps):
            break  # after the end of the waiting time (e.g. in a verlenging, WIA 24 lid 2)
        recovered = any(not isinstance(p, VerlofPeriode) for p in group)
        if recovered and group[-1].eind - group[0].start + _DAY >= SAMENTELLING_GRENS:
            start = group[-1].eind + _DAY
            gaps = []
        else:
            gaps.extend(group)
    return start, tuple(gaps)


def nth_sick_day(start: date, n: int, gaps: Sequence[Periode]) -> date:
    """The ``n``-th day of incapacity counting from ``start`` (day 1 when it is a sick
    day); the days of ``gaps`` (sorted, not overlapping) do not count."""
    day = start + timedelta(days=n - 1)
    for gap in gaps:
        if gap.eind < start:
            continue
        begin = gap.start if gap.start > start else start
        if begin > day:
            break
        day += timedelta(days=(gap.eind - begin).days + 1)
    return day


def sick_days_until(start: date, end: date, gaps: Sequence[Periode]) -> int:
    """How many days of incapacity ``start`` … ``end`` (inclusive) hold."""
    days = (end - start).days + 1
    for gap in gaps:
        lo, hi = max(gap.start, start), min(gap.eind, end)
        if lo <= hi:
            days -= (hi - lo).days + 1
    return max(days, 0)
