"""Timeline as an iCalendar file: one all-day event per applicable milestone."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from icalendar import Calendar, Event

from poortwachter import __version__
from poortwachter.domain.labels import MILESTONE_LABELS, STATUS_LABELS
from poortwachter.domain.milestones import Timeline
from poortwachter.domain.vocabulary import MilestoneStatus


def render(tl: Timeline, case_label: str | None = None) -> bytes:
    """The timeline as an iCalendar file: one all-day event per milestone (except those not
    applicable), with status, source and note; ``case_label`` names the calendar and events."""
    cal = Calendar()
    cal.add("prodid", f"-//poortwachter//{__version__}//NL")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"Poortwachter {case_label or tl.eerste_ziektedag.isoformat()}")
    stamp = datetime.combine(tl.peildatum, time(0, 0), tzinfo=UTC)
    key = hashlib.sha256(f"{case_label}|{tl.eerste_ziektedag}".encode()).hexdigest()[:16]
    for m in tl.milestones:
        if m.status is MilestoneStatus.NOT_APPLICABLE:
            continue
        ev = Event()
        title = MILESTONE_LABELS[m.id] + (f" — {case_label}" if case_label else "")
        ev.add("uid", f"{m.id.value}-{key}@poortwachter")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", m.due)
        ev.add("dtend", m.due + timedelta(days=1))
        ev.add("summary", f"Uiterlijk: {title}")
        status = STATUS_LABELS[m.status]
        if m.done:
            status += f" (gedaan op {m.done.isoformat()})"
        desc = f"Status op {tl.peildatum.isoformat()}: {status}. Bron: {m.reference}."
        if m.opens:
            desc += f" Mogelijk vanaf {m.opens.isoformat()}."
        if m.note:
            desc += f" {m.note}."
        ev.add("description", desc)
        ev.add("categories", ["poortwachter", m.id.value, m.status.value])
        cal.add_component(ev)
    return bytes(cal.to_ical())
