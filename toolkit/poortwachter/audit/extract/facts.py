"""Facts in the documents that move the timeline (issue 11, item 5), each with the document
it came from: a vrijwillige verlenging (UWV's decision or a stated new end date), recovery
and renewed sickness ("hersteld gemeld per", "opnieuw ziek gemeld op"), a period of 'geen
benutbare mogelijkheden' (evaluations may pause) and the AOW date.

The engine applies them through the timeline's :class:`~poortwachter.domain.case.Case`
(DOMAIN.md, "Rules that move the dates"); what the user gives on the command line wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from poortwachter.audit.model import Document, Evidence
from poortwachter.audit.text.datefind import find_dates


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact found in a document: ``kind`` is verlenging_tot, verlenging_weken,
    hersteld, opnieuw_ziek, geen_benutbare_mogelijkheden or aow_datum."""

    kind: str
    start: date | None
    end: date | None
    weeks: int | None
    evidence: Evidence

    def to_dict(self) -> dict[str, object]:
        """This fact in the audit JSON: the kind, its evidence, and date, end and weeks when set."""
        out: dict[str, object] = {"fact": self.kind, "evidence": self.evidence.to_dict()}
        if self.start is not None:
            out["date"] = self.start.isoformat()
        if self.end is not None:
            out["end"] = self.end.isoformat()
        if self.weeks is not None:
            out["weeks"] = self.weeks
        return out


_VERLENGING = re.compile(
    r"(verleng\w*|verlenging)\b.{0,80}?\b(loondoorbetaling\w*|wachttijd|"
    r"loondoorbetalingsperiode)|(loondoorbetaling\w*|wachttijd)\b.{0,40}?\bverleng",
    re.IGNORECASE,
)
_WEEKS = re.compile(r"\bmet\s+(\d{2,3})\s+weken\b", re.IGNORECASE)
_UNTIL = re.compile(r"\b(tot en met|t/m|tot)\s*$", re.IGNORECASE)
_HERSTELD = re.compile(
    r"\b(hersteld|beter)\s*gemeld\s*(per|op|vanaf|met ingang van)?\s*$|\bbetermelding\s*"
    r"(per|op|vanaf)?\s*$",
    re.IGNORECASE,
)
_OPNIEUW_ZIEK = re.compile(
    r"\b(opnieuw|weer|wederom)\s+(ziek|arbeidsongeschikt)\s*(gemeld|geworden)?\s*"
    r"(per|op|vanaf|sinds)?\s*$",
    re.IGNORECASE,
)
_GBM = re.compile(r"geen benutbare mogelijkheden", re.IGNORECASE)
_AOW = re.compile(
    r"\baow[\s-]*(leeftijd|datum|gerechtigde leeftijd)?\b.{0,30}?(per|op|vanaf|bereikt)?\s*$",
    re.IGNORECASE,
)


def _dated(text: str, pattern: re.Pattern[str]) -> list[date]:
    """Dates in ``text`` right after a phrase that ``pattern`` matches at its end."""
    out: list[date] = []
    for hit in find_dates(text):
        before = text[max(0, hit.start - 80) : hit.start]
        if pattern.search(before):
            out.append(hit.value)
    return out


def _evidence(doc: Document, page: int, text: str) -> Evidence:
    return Evidence(doc.path, page, re.sub(r"\s+", " ", text).strip()[:200])


def document_facts(doc: Document) -> list[Fact]:
    """The timeline facts one readable document states."""
    facts: list[Fact] = []
    if not doc.readable:
        return facts
    for offset, page in enumerate(doc.pages):
        number = doc.first_page + offset
        flat = re.sub(r"\s+", " ", page)
        for m in _VERLENGING.finditer(flat):
            window = flat[m.start() : m.end() + 120]
            ev = _evidence(doc, number, window)
            until = _dated(window, _UNTIL)
            if until:
                facts.append(Fact("verlenging_tot", None, until[0], None, ev))
                break
            weeks = _WEEKS.search(window)
            if weeks:
                facts.append(Fact("verlenging_weken", None, None, int(weeks[1]), ev))
                break
        for when in _dated(flat, _HERSTELD):
            facts.append(Fact("hersteld", when, None, None, _around(doc, number, flat, when)))
        for when in _dated(flat, _OPNIEUW_ZIEK):
            facts.append(Fact("opnieuw_ziek", when, None, None, _around(doc, number, flat, when)))
        for m in _GBM.finditer(flat):
            window = flat[m.start() : m.end() + 90]
            dates = [d.value for d in find_dates(window)]
            if len(dates) >= 2 and dates[0] < dates[1]:
                facts.append(
                    Fact(
                        "geen_benutbare_mogelijkheden",
                        dates[0],
                        dates[1],
                        None,
                        _evidence(doc, number, window),
                    )
                )
        for when in _dated(flat, _AOW):
            facts.append(Fact("aow_datum", when, None, None, _around(doc, number, flat, when)))
    return facts


def _around(doc: Document, page: int, flat: str, when: date) -> Evidence:
    for hit in find_dates(flat):
        if hit.value == when:
            return _evidence(doc, page, flat[max(0, hit.start - 80) : hit.end + 10])
    return _evidence(doc, page, flat[:120])


def dossier_facts(documents: list[Document]) -> list[Fact]:
    """Every fact of every document, without repeats (same kind and dates)."""
    seen: set[tuple[str, date | None, date | None, int | None]] = set()
    out: list[Fact] = []
    for doc in documents:
        for fact in document_facts(doc):
            key = (fact.kind, fact.start, fact.end, fact.weeks)
            if key not in seen:
                seen.add(key)
                out.append(fact)
    return out


def recovery_periods(facts: list[Fact], ezd: date) -> list[tuple[date, date, Fact]]:
    """(first, last recovered day, evidence) for each 'hersteld gemeld' followed by
    'opnieuw ziek gemeld' after the eerste ziektedag."""
    recovered = sorted((f for f in facts if f.kind == "hersteld" and f.start), key=_start)
    sick = sorted((f for f in facts if f.kind == "opnieuw_ziek" and f.start), key=_start)
    periods: list[tuple[date, date, Fact]] = []
    for fact in recovered:
        assert fact.start is not None
        if fact.start <= ezd:
            continue
        after = [s for s in sick if s.start and s.start > fact.start]
        if after and after[0].start is not None:
            periods.append((fact.start, after[0].start - timedelta(days=1), fact))
    return periods


def _start(fact: Fact) -> date:
    return fact.start or date.min


def pause_days(facts: list[Fact], a: date, b: date) -> int:
    """Days between ``a`` and ``b`` that fall in a documented period of 'geen benutbare
    mogelijkheden' (evaluations may pause then)."""
    days = 0
    for fact in facts:
        if fact.kind == "geen_benutbare_mogelijkheden" and fact.start and fact.end:
            lo, hi = max(a, fact.start), min(b, fact.end)
            if hi > lo:
                days += (hi - lo).days
    return days
