"""The case (verzuimzaak) model: who is involved and the facts that move the deadlines.

Plain frozen dataclasses; validation of raw input lives in :mod:`poortwachter.schemas`.
The constructor still refuses impossible recovery periods, so library callers who build
a :class:`Case` by hand cannot get a silently wrong timeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from types import MappingProxyType

from poortwachter.domain.aow import aow_datum
from poortwachter.domain.dates import format_nl
from poortwachter.domain.vocabulary import MilestoneId


@dataclass(frozen=True, slots=True)
class Werknemer:
    """The employee: name, BSN, date of birth (gives the AOW date when no ``aow_datum``
    is set) and job title."""

    naam: str
    bsn: str | None = None
    geboortedatum: date | None = None
    functie: str | None = None


@dataclass(frozen=True, slots=True)
class Werkgever:
    """The employer: name and KvK number."""

    naam: str
    kvk: str | None = None


@dataclass(frozen=True, slots=True)
class Persoon:
    """A named professional: bedrijfsarts, casemanager, arbeidsdeskundige."""

    naam: str
    functie: str | None = None
    organisatie: str | None = None


@dataclass(frozen=True, slots=True)
class Periode:
    """A period of days: first and last day, inclusive."""

    start: date
    eind: date

    @property
    def dagen(self) -> int:
        """The number of days, the first and the last included."""
        return (self.eind - self.start).days + 1


@dataclass(frozen=True, slots=True)
class HerstelPeriode(Periode):
    """Full recovery for the employee's own work between two sick periods (first and last
    recovered day). Partial work is no recovery: it does not interrupt the waiting time
    (Wet WIA art. 23 lid 3 b); sickness with a former employer does not count at all."""


@dataclass(frozen=True, slots=True)
class VerlofPeriode(Periode):
    """Pregnancy and maternity leave (WAZO art. 3:7/3:8, zwangerschaps- en bevallingsverlof):
    its days do not count towards the waiting time (Wet WIA art. 23 lid 5 a) and sick
    periods directly before and after it are added up across it (lid 3 a 2°)."""


#: Samentelling: recovery shorter than this joins the sick periods (Wet WIA art. 23).
SAMENTELLING_GRENS = timedelta(weeks=4)
#: A vrijwillige verlenging lasts at least this many weeks each time (DOMAIN.md).
MIN_VERLENGING_WEKEN = 13
#: Upper bound per vrijwillige verlenging: a plausibility limit, not law (typing errors).
MAX_VERLENGING_WEKEN = 156
#: Loonsanctie extends the pay period by at most this many weeks (Wet WIA art. 25 lid 9).
MAX_LOONSANCTIE_WEKEN = 52


def _label(p: Periode) -> str:
    return "verlofperiode" if isinstance(p, VerlofPeriode) else "herstelperiode"


def herstel_problems(
    eerste_ziektedag: date,
    periods: list[HerstelPeriode],
    verlof: Sequence[VerlofPeriode] = (),
) -> list[str]:
    """Dutch sentences for every impossible recovery or leave period (empty: all fine)."""
    problems: list[str] = []
    ordered: list[Periode] = sorted([*periods, *verlof], key=lambda p: p.start)
    for p in ordered:
        if p.eind < p.start:
            problems.append(
                f"{_label(p)} {format_nl(p.start)} – {format_nl(p.eind)} eindigt vóór ze begint"
            )
        elif p.start <= eerste_ziektedag:
            problems.append(
                f"{_label(p)} vanaf {format_nl(p.start)} begint niet na de eerste "
                f"ziektedag ({format_nl(eerste_ziektedag)})"
            )
    for before, after in pairwise(ordered):
        if before.eind < before.start:
            continue
        same_kind = type(before) is type(after)
        if after.start <= before.eind or (same_kind and after.start == before.eind + _DAY):
            problems.append(
                f"{_label(before)} vanaf {format_nl(before.start)} en {_label(after)} vanaf "
                f"{format_nl(after.start)} overlappen of sluiten zonder ziekteperiode op "
                "elkaar aan"
            )
    return problems


_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Case:
    """One sick-leave case (verzuimzaak): the facts the timeline is computed from.

    Every field but ``eerste_ziektedag`` is optional; see the README ("Als bibliotheek")
    for what each one means in law.
    """

    #: the first day of incapacity (day 1)
    eerste_ziektedag: date
    werknemer: Werknemer | None = None
    werkgever: Werkgever | None = None
    bedrijfsarts: Persoon | None = None
    casemanager: Persoon | None = None
    dossier: str | None = None
    #: periods of full recovery for the own work (samentelling, Wet WIA art. 23 lid 3)
    herstel: tuple[HerstelPeriode, ...] = ()
    #: sickness due to pregnancy or childbirth (Ziektewet art. 29a): report to UWV within
    #: six weeks (ZW 38a), no 42e-weeksmelding (ZW 38 lid 4); samentelling as always
    zwanger: bool = False
    #: pregnancy and maternity leave (WAZO): not counted, sickness around it added up
    verlof: tuple[VerlofPeriode, ...] = ()
    #: vrijwillige verlenging(en) of the waiting time in weeks (Wet WIA art. 24)
    verlenging_weken: tuple[int, ...] = ()
    #: the end of the extended period as UWV fixed it (Wet WIA art. 24); when given it is the
    #: end, exactly, whatever the weeks say (a UWV decision names a date)
    verlenging_tot: date | None = None
    #: loonsanctie in weeks (Wet WIA art. 25 lid 9)
    loonsanctie_weken: int = 0
    #: the day UWV found the shortcoming repaired: the loonsanctie ends six weeks later
    #: (Wet WIA art. 25 lid 14)
    loonsanctie_hersteld: date | None = None
    aow_datum: date | None = None
    #: last day of employment when it ends during sickness (ziek uit dienst, ZW 38 lid 2)
    einde_dienstverband: date | None = None
    #: the employee may ask for a shortened waiting time (IVA, Wet WIA art. 23 lid 6)
    iva: bool = False
    #: milestones already done, with the date they were done
    gedaan: Mapping[MilestoneId, date] = field(default_factory=lambda: MappingProxyType({}))
    #: dates of evaluations of the plan van aanpak held so far
    evaluaties: tuple[date, ...] = ()

    def __post_init__(self) -> None:
        """Check the facts together (raises ``ValueError`` with every problem, in Dutch, joined
        by ``; ``) and normalise them: periods sorted by start, ``gedaan`` read-only."""
        problems = (
            herstel_problems(self.eerste_ziektedag, list(self.herstel), self.verlof)
            if self.herstel or self.verlof
            else []
        )
        problems += [
            f"vrijwillige verlenging van {w} weken is korter dan {MIN_VERLENGING_WEKEN} weken"
            for w in self.verlenging_weken
            if w < MIN_VERLENGING_WEKEN
        ]
        problems += [
            f"vrijwillige verlenging van {w} weken is langer dan {MAX_VERLENGING_WEKEN} weken"
            for w in self.verlenging_weken
            if w > MAX_VERLENGING_WEKEN
        ]
        if not 0 <= self.loonsanctie_weken <= MAX_LOONSANCTIE_WEKEN:
            problems.append(
                f"loonsanctie van {self.loonsanctie_weken} weken valt buiten 0 tot "
                f"{MAX_LOONSANCTIE_WEKEN} weken"
            )
        if self.loonsanctie_hersteld is not None and not self.loonsanctie_weken:
            problems.append("een hersteldatum van de loonsanctie zonder loonsanctie_weken")
        if (
            self.einde_dienstverband is not None
            and self.einde_dienstverband < self.eerste_ziektedag
        ):
            problems.append(
                f"einde dienstverband {format_nl(self.einde_dienstverband)} ligt vóór de eerste "
                f"ziektedag ({format_nl(self.eerste_ziektedag)}); ziekte bij een vorige "
                "werkgever telt niet mee"
            )
        if problems:
            raise ValueError("; ".join(problems))
        for name in ("herstel", "verlof"):
            value = getattr(self, name)
            if len(value) > 1 or not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(sorted(value, key=lambda p: p.start)))
        object.__setattr__(self, "gedaan", MappingProxyType(dict(self.gedaan)))

    @property
    def effectieve_aow_datum(self) -> date | None:
        """The explicit AOW date, else the one derived from the date of birth."""
        if self.aow_datum is not None:
            return self.aow_datum
        if self.werknemer is not None and self.werknemer.geboortedatum is not None:
            return aow_datum(self.werknemer.geboortedatum)
        return None

    @property
    def label(self) -> str:
        """How a user recognises the case in a list: dossier number and/or name."""
        naam = self.werknemer.naam if self.werknemer else None
        if self.dossier and naam:
            return f"{self.dossier} {naam}"
        return self.dossier or naam or f"zaak {format_nl(self.eerste_ziektedag)}"
