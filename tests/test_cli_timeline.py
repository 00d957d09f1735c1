"""`poortwachter timeline` through click's CliRunner: every format, every bad input."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from conftest import RunCli
from poortwachter.cli import cli

VECTOR = {
    "probleemanalyse": "2026-02-12",
    "plan_van_aanpak": "2026-02-26",
    "ziekmelding_uwv": "2026-10-22",
    "eerstejaarsevaluatie": "2026-12-30",
    "spoor2_start": "2027-02-10",
    "eindevaluatie": "2027-09-29",
    "wia_aanvraag": "2027-10-13",
    "einde_wachttijd": "2027-12-29",
}


def test_json_matches_worked_vector() -> None:
    result = CliRunner().invoke(
        cli, ["timeline", "--eerste-ziektedag", "2026-01-01", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    got = {m["id"]: m["due"] for m in doc["milestones"]}
    for key, value in VECTOR.items():
        assert got[key] == value
    assert doc["eerste_ziektedag"] == "2026-01-01"
    assert doc["schema_version"] == 1
    assert {m["status"] for m in doc["milestones"]} <= {
        "done",
        "done_late",
        "due",
        "overdue",
        "not_applicable",
    }


def test_table_is_dutch() -> None:
    result = CliRunner().invoke(
        cli, ["timeline", "--eerste-ziektedag", "01-01-2026", "--peildatum", "2026-03-01"]
    )
    assert result.exit_code == 0
    assert "12 februari 2026" in result.output
    assert "te laat" in result.output
    assert "Regeling procesgang art. 2 lid 2" in result.output


def test_herstel_and_gedaan_options() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "timeline",
            "--eerste-ziektedag",
            "2026-01-01",
            "--herstel",
            "2026-01-20:2026-01-29",
            "--gedaan",
            "probleemanalyse=2026-02-20",
            "--peildatum",
            "2026-03-01",
            "--format",
            "json",
        ],
    )
    doc = json.loads(result.output)
    pa = next(m for m in doc["milestones"] if m["id"] == "probleemanalyse")
    assert pa == {
        "id": "probleemanalyse",
        "due": "2026-02-22",
        "status": "done",
        "reference": "Regeling procesgang art. 2 lid 2",
        "done": "2026-02-20",
    }
    assert doc["samengeteld"] == [{"start": "2026-01-20", "eind": "2026-01-29", "dagen": 10}]


def test_ics_parses_with_one_event_per_milestone() -> None:
    result = CliRunner().invoke(
        cli, ["timeline", "--eerste-ziektedag", "2026-01-01", "--format", "ics"]
    )
    cal = icalendar.Calendar.from_ical(result.output_bytes)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 11
    starts = {str(e.get("summary")): e.decoded("dtstart").isoformat() for e in events}
    assert starts["Uiterlijk: Probleemanalyse"] == "2026-02-12"
    assert len({str(e.get("uid")) for e in events}) == 11


def test_xlsx_written_and_read_back(tmp_path: Path) -> None:
    out = tmp_path / "tijdlijn.xlsx"
    result = CliRunner().invoke(
        cli,
        [
            "timeline",
            "--eerste-ziektedag",
            "2026-01-01",
            "--peildatum",
            "2026-03-01",
            "--format",
            "xlsx",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("Mijlpaal", "id", "Uiterlijk", "Status")
    pa = next(r for r in rows if r[1] == "probleemanalyse")
    assert pa[2].date().isoformat() == "2026-02-12" and pa[3] == "te laat"
    assert ws.freeze_panes == "A2"
    red = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "probleemanalyse")
    assert red[0].fill.start_color.rgb.endswith("FFC7CE")


def test_xlsx_to_terminal_is_refused(run_cli: RunCli) -> None:
    code, _, err = run_cli("timeline", "--eerste-ziektedag", "2026-01-01", "--format", "xlsx")
    assert code == 2
    assert "geef --output" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--eerste-ziektedag", "31-02-2026"], "'31-02-2026' bestaat niet als datum"),
        (["--eerste-ziektedag", "gisteren"], "is geen datum"),
        (
            ["--eerste-ziektedag", "2026-01-01", "--herstel", "2026-03-01:2026-02-01"],
            "eindigt vóór ze begint",
        ),
        (["--eerste-ziektedag", "2026-01-01", "--herstel", "2026-03-01"], "schrijf START:EIND"),
        (
            ["--eerste-ziektedag", "2026-01-01", "--gedaan", "probleemanalyse"],
            "schrijf MIJLPAAL=DATUM",
        ),
        (["--eerste-ziektedag", "2026-01-01", "--verlenging", "4"], "minstens 13"),
        ([], "geef --eerste-ziektedag"),
        (
            ["--eerste-ziektedag", "2026-01-01", "--peildatum", "2026-13-01"],
            "bestaat niet als datum",
        ),
    ],
)
def test_bad_input_exits_2_with_dutch_message(
    args: list[str], message: str, run_cli: RunCli
) -> None:
    code, out, err = run_cli("timeline", *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_zaak_file(tmp_path: Path, run_cli: RunCli) -> None:
    p = tmp_path / "zaak.yaml"
    p.write_text(
        "dossier: Z-9\neerste_ziektedag: 2026-01-01\nwerknemer: {naam: Jan}\n", encoding="utf-8"
    )
    code, out, _ = run_cli("timeline", "--zaak", str(p), "--format", "ics")
    assert code == 0
    assert "Z-9 Jan" in out


def test_version(run_cli: RunCli) -> None:
    code, out, _ = run_cli("--version")
    assert code == 0
    assert out.startswith("poortwachter ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["timeline", "--format", "foo"],
            "fout: Ongeldige waarde voor '--format': 'foo' is niet een van",
        ),
        (["signalering"], "fout: Ontbrekend argument 'ZAKEN.xlsx|csv'."),
        (["timelin"], "fout: Onbekende opdracht 'timelin'. Bedoelde u 'timeline'?"),
        (["timeline", "--eerste-ziektedag"], "fout: Optie '--eerste-ziektedag' vraagt een waarde."),
    ],
)
def test_click_usage_errors_are_dutch(args: list[str], expected: str, run_cli: RunCli) -> None:
    code, _, err = run_cli(*args)
    assert code == 2
    assert expected in err
    assert "Error" not in err and "Usage" not in err


def test_help_is_dutch(run_cli: RunCli) -> None:
    code, out, _ = run_cli("timeline", "--help")
    assert code == 0
    assert out.startswith("Gebruik: poortwachter timeline [OPTIES]")
    assert "Opties:" in out and "Toon deze hulp en stop." in out
    assert "[standaard: table]" in out
