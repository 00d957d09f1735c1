"""The case (verzuimzaak) model: who is involved and the facts that move the deadlines.

Plain frozen dataclasses; validation of raw input lives in :mod:`poortwachter.schemas`.
The constructor still refuses impossible recovery periods, so library callers who build
a :class:`Case` by hand cannot get a silently wrong timeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from types import MappingProxyType

from poortwachter.domain.aow import aow_datum
from poortwachter.domain.dates import format_nl
from poortwachter.domain.vocabulary import MilestoneId


@dataclass(frozen=True, slots=True)
class Werknemer:
    naam: str
    bsn: str | None = None
    geboortedatum: date | None = None
    functie: str | None = None


@dataclass(frozen=True, slots=True)
class Werkgever:
    naam: str
    kvk: str | None = None


@dataclass(frozen=True, slots=True)
class Persoon:
    """A named professional: bedrijfsarts, casemanager, arbeidsdeskundige."""

    naam: str
    functie: str | None = None
    organisatie: str | None = None


@dataclass(frozen=True, slots=True)
class HerstelPeriode:
    """Recovery between two sick periods: first and last recovered day, inclusive."""

    start: date
    eind: date

    @property
    def dagen(self) -> int:
        return (self.eind - self.start).days + 1


#: Samentelling: recovery shorter than this joins the sick periods (Wet WIA art. 23).
SAMENTELLING_GRENS = timedelta(weeks=4)
#: A vrijwillige verlenging lasts at least this many weeks each time (DOMAIN.md).
MIN_VERLENGING_WEKEN = 13
#: Upper bound per vrijwillige verlenging: a plausibility limit, not law (typing errors).
MAX_VERLENGING_WEKEN = 156
#: Loonsanctie extends the waiting time by at most this many weeks (Wet WIA art. 25 lid 9).
MAX_LOONSANCTIE_WEKEN = 52


def herstel_problems(eerste_ziektedag: date, periods: list[HerstelPeriode]) -> list[str]:
    """Dutch sentences for every impossible recovery period (empty list: all fine)."""
    problems: list[str] = []
    ordered = sorted(periods, key=lambda p: p.start)
    for p in ordered:
        if p.eind < p.start:
            problems.append(
                f"herstelperiode {format_nl(p.start)} – {format_nl(p.eind)} eindigt vóór ze begint"
            )
        elif p.start <= eerste_ziektedag:
            problems.append(
                f"herstelperiode vanaf {format_nl(p.start)} begint niet na de eerste "
                f"ziektedag ({format_nl(eerste_ziektedag)})"
            )
    for before, after in pairwise(ordered):
        if after.start <= before.eind + timedelta(days=1) and before.eind >= before.start:
            problems.append(
                f"herstelperioden vanaf {format_nl(before.start)} en {format_nl(after.start)} "
                "overlappen of sluiten zonder ziekteperiode op elkaar aan"
            )
    return problems


@dataclass(frozen=True, slots=True)
class Case:
    """One sick-leave case (verzuimzaak)."""

    eerste_ziektedag: date
    werknemer: Werknemer | None = None
    werkgever: Werkgever | None = None
    bedrijfsarts: Persoon | None = None
    casemanager: Persoon | None = None
    dossier: str | None = None
    herstel: tuple[HerstelPeriode, ...] = ()
    zwanger: bool = False
    verlenging_weken: tuple[int, ...] = ()
    loonsanctie_weken: int = 0
    aow_datum: date | None = None
    #: milestones already done, with the date they were done
    gedaan: Mapping[MilestoneId, date] = field(default_factory=lambda: MappingProxyType({}))
    #: dates of evaluations of the plan van aanpak held so far
    evaluaties: tuple[date, ...] = ()

    def __post_init__(self) -> None:
        problems = (
            herstel_problems(self.eerste_ziektedag, list(self.herstel)) if self.herstel else []
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
        if problems:
            raise ValueError("; ".join(problems))
        if len(self.herstel) > 1 or not isinstance(self.herstel, tuple):
            object.__setattr__(self, "herstel", tuple(sorted(self.herstel, key=lambda p: p.start)))
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
