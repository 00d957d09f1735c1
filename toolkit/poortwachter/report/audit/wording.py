"""Dutch labels shared by the audit report formats."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from poortwachter.audit.extract.facts import Fact
from poortwachter.audit.model import Document
from poortwachter.domain.dates import format_nl
from poortwachter.domain.milestones import Milestone, Timeline
from poortwachter.domain.vocabulary import MilestoneId, MilestoneStatus


def document_state(doc: Document) -> str:
    """How the reports mark a document: read with OCR, a scan whose content was not
    checked (UWV accepts scans), or unreadable (UWV cannot open it either); empty when
    it was read as text."""
    if doc.readable:
        return "gelezen met OCR" if doc.ocr else ""
    if doc.scan:
        return f"INHOUD NIET GECONTROLEERD: {doc.reason or 'een scan'}"
    return f"ONLEESBAAR: {doc.reason or 'niet te lezen'}"


def verdict(ready: bool, because: list[str] | None = None) -> str:
    """The report's verdict in Dutch: ready for submission, or not (with the reasons besides
    blocking findings, when given)."""
    if ready:
        return "klaar voor indiening (geen blokkerende bevindingen)"
    return "NIET klaar voor indiening" + (f" ({'; '.join(because)})" if because else "")


#: the milestones the reports show next to the findings
SHOWN_MILESTONES = (
    MilestoneId.PROBLEEMANALYSE,
    MilestoneId.PLAN_VAN_AANPAK,
    MilestoneId.EERSTEJAARSEVALUATIE,
    MilestoneId.SPOOR2_START,
    MilestoneId.EINDEVALUATIE,
    MilestoneId.WIA_AANVRAAG,
)


def shown_milestones(timeline: Timeline, peildatum: date) -> list[tuple[Milestone, str]]:
    """The milestones a report shows, each with its Dutch state at the peildatum."""
    shown = []
    for ms in timeline.milestones:
        if ms.id not in SHOWN_MILESTONES:
            continue
        if ms.done is not None:
            late = "te laat " if ms.status is MilestoneStatus.DONE_LATE else ""
            state = f"{late}gedaan op {format_nl(ms.done)}"
        else:
            state = "verstreken" if ms.due < peildatum else "nog niet verstreken"
        shown.append((ms, state))
    return shown


def _fact_text(fact: Fact) -> str:
    start = format_nl(fact.start) if fact.start else ""
    end = format_nl(fact.end) if fact.end else ""
    if fact.kind == "verlenging_tot":
        return f"Vrijwillige verlenging tot {end}"
    if fact.kind == "verlenging_weken":
        return f"Vrijwillige verlenging van {fact.weeks} weken"
    if fact.kind == "hersteld":
        return f"Hersteld gemeld per {start}"
    if fact.kind == "opnieuw_ziek":
        return f"Opnieuw ziek gemeld op {start}"
    if fact.kind == "geen_benutbare_mogelijkheden":
        period = " tot ".join(p for p in (start, end) if p)
        return f"Geen benutbare mogelijkheden {period}".rstrip()
    if fact.kind == "aow_datum":
        return f"AOW-datum {start}"
    return fact.kind


def fact_lines(facts: Iterable[Fact]) -> list[tuple[str, str]]:
    """(what, where it stands) for each fact the documents gave the timeline, as the text
    and HTML reports show it (the JSON has the same under ``facts``)."""
    lines = []
    for fact in facts:
        ev = fact.evidence
        where = f"{ev.path}, p. {ev.page}" if ev.page else ev.path
        lines.append((_fact_text(fact), where))
    return lines
