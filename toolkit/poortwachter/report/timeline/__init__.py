"""The timeline of one case in each output format: :data:`FORMATS` and :func:`render_timeline`.

Every format renders with the same signature, ``(timeline, case_label) -> str | bytes``;
the modules are imported only when their format is asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from poortwachter.domain.milestones import Timeline
from poortwachter.report import ReportFormat, pick, registry

TimelineRender = Callable[[Timeline, str | None], str | bytes]


def _table(tl: Timeline, case_label: str | None) -> str:
    from poortwachter.report.timeline.table import render

    return render(tl)


def _json(tl: Timeline, case_label: str | None) -> str:
    from poortwachter.report.timeline.json import render

    return render(tl)


def _ics(tl: Timeline, case_label: str | None) -> str:
    from poortwachter.report.timeline.ics import render

    return render(tl, case_label).decode("utf-8")


def _xlsx(tl: Timeline, case_label: str | None) -> bytes:
    from poortwachter.report.timeline.xlsx import render

    return render(tl)


#: The timeline's output formats by ``--format`` name.
FORMATS: dict[str, ReportFormat[TimelineRender]] = registry(
    ReportFormat("table", "Tekst", _table),
    ReportFormat("json", "JSON", _json),
    ReportFormat("ics", "Een agenda (ICS)", _ics),
    ReportFormat("xlsx", "XLSX", _xlsx),
)


def render_timeline(tl: Timeline, fmt: str, *, case_label: str | None = None) -> str | bytes:
    """``tl`` in format ``fmt`` (a key of :data:`FORMATS`); ``case_label`` names the case
    where the format has room for it (the calendar's name)."""
    return pick(FORMATS, fmt).render(tl, case_label)
