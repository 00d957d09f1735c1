"""Each report family has one FORMATS registry; the CLI's --format choices come from it."""

from __future__ import annotations

from datetime import date

import click
import pytest

from poortwachter.cli import cli
from poortwachter.domain.case import Case
from poortwachter.domain.timeline import compute_timeline
from poortwachter.report import pick
from poortwachter.report.audit import FORMATS as AUDIT_FORMATS
from poortwachter.report.signalering import FORMATS as SIGNALERING_FORMATS
from poortwachter.report.timeline import FORMATS as TIMELINE_FORMATS
from poortwachter.report.timeline import render_timeline


def _choices(command: str) -> list[str]:
    cmd = cli.commands[command]
    (opt,) = [p for p in cmd.params if p.name == "fmt"]
    assert isinstance(opt.type, click.Choice)
    return list(opt.type.choices)


@pytest.mark.parametrize(
    ("command", "formats"),
    [
        ("timeline", TIMELINE_FORMATS),
        ("signalering", SIGNALERING_FORMATS),
        ("audit", AUDIT_FORMATS),
    ],
)
def test_cli_format_choices_are_the_registry(command: str, formats: dict[str, object]) -> None:
    assert _choices(command) == list(formats)


def test_unknown_format_is_a_dutch_error_naming_the_choices() -> None:
    with pytest.raises(
        ValueError, match=r"onbekend formaat 'pdf'; kies uit: table, json, ics, xlsx"
    ):
        pick(TIMELINE_FORMATS, "pdf")


def test_every_timeline_format_renders_through_the_one_signature() -> None:
    tl = compute_timeline(Case(eerste_ziektedag=date(2026, 1, 5)), date(2026, 3, 1))
    out = {name: render_timeline(tl, name, case_label="Zaak 7") for name in TIMELINE_FORMATS}
    assert "Probleemanalyse" in str(out["table"])
    assert '"schema_version": 1' in str(out["json"])
    assert "BEGIN:VCALENDAR" in str(out["ics"]) and "Zaak 7" in str(out["ics"])
    assert isinstance(out["xlsx"], bytes) and out["xlsx"][:2] == b"PK"


def test_the_cli_starts_without_the_output_libraries() -> None:
    """The format registries import a format's module only when it is used, and the packages
    import their public names on first use (``support.lazy``): starting the CLI (every
    command, --help too) loads no output library, no template engine and no holiday
    calendar."""
    import subprocess
    import sys

    heavy = ["openpyxl", "icalendar", "jinja2", "docxtpl", "weasyprint", "holidays", "pypdf"]
    code = f"import sys, poortwachter.cli; print(sorted(set({heavy!r}) & set(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"
