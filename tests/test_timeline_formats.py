"""The new case facts (verlof, ziek uit dienst, IVA, loonsanctie-herstel, ZW 29a) as input on
the command line, in a case file and as spreadsheet columns; done_late and the JSON
schemas in every output format of timeline and signalering."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import icalendar
import jsonschema
import pytest
from openpyxl import load_workbook

from conftest import RunCli
from poortwachter.domain.vocabulary import MilestoneId, MilestoneStatus

ROOT = Path(__file__).resolve().parents[1]
TIMELINE_SCHEMA = json.loads((ROOT / "checklists/timeline.schema.json").read_text("utf-8"))
SIGNALERING_SCHEMA = json.loads((ROOT / "checklists/signalering.schema.json").read_text("utf-8"))

FACTS_ARGS = [
    "--eerste-ziektedag",
    "2026-01-01",
    "--verlof",
    "2026-03-02:2026-06-21",
    "--einde-dienstverband",
    "2026-05-31",
    "--iva",
    "--zwanger",
    "--loonsanctie",
    "10",
    "--loonsanctie-hersteld",
    "2028-05-01",
]
FACTS_YAML = """\
dossier: Z-7
eerste_ziektedag: 2026-01-01
werknemer: {naam: Eva}
verlof: [{start: 2026-03-02, eind: 2026-06-21}]
einde_dienstverband: 2026-05-31
iva: ja
zwanger: ja
loonsanctie_weken: 10
loonsanctie_hersteld: 2028-05-01
"""
FACTS_CSV = (
    "dossier;naam;eerste_ziektedag;verlof;einde_dienstverband;iva;zwanger;loonsanctie_weken;"
    "loonsanctie_hersteld\n"
    "Z-7;Eva;2026-01-01;02-03-2026:21-06-2026;31-05-2026;ja;ja;10;2028-05-01\n"
)


def timeline_json(run_cli: RunCli, *args: str) -> dict[str, Any]:
    code, out, err = run_cli("timeline", *args, "--peildatum", "2026-03-01", "--format", "json")
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    jsonschema.validate(doc, TIMELINE_SCHEMA)
    return doc


def by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in doc["milestones"]}


def check_facts(ms: dict[str, dict[str, Any]]) -> None:
    # the leave (112 days) is not counted: the end moves by its length
    assert ms["einde_wachttijd"]["due"] != "2027-12-29"
    assert ms["melding_einde_dienstverband"]["due"] == "2026-05-29"  # Friday before Sunday
    assert ms["riv_einde_dienstverband"]["due"] == "2026-05-29"
    assert ms["eindevaluatie"]["due"] == "2026-05-31"
    assert ms["iva_aanvraag"]["opens"] == "2026-01-15"
    assert ms["ziekmelding_uwv_zwangerschap"]["due"] == "2026-02-11"
    assert ms["ziekmelding_uwv"]["status"] == "not_applicable"


def test_new_facts_on_the_command_line(run_cli: RunCli) -> None:
    doc = timeline_json(run_cli, *FACTS_ARGS)
    check_facts(by_id(doc))
    assert doc["verlof"] == [{"start": "2026-03-02", "eind": "2026-06-21", "dagen": 112}]


def test_new_facts_in_a_case_file(tmp_path: Path, run_cli: RunCli) -> None:
    p = tmp_path / "zaak.yaml"
    p.write_text(FACTS_YAML, encoding="utf-8")
    cli_doc = timeline_json(run_cli, *FACTS_ARGS)
    file_doc = timeline_json(run_cli, "--zaak", str(p))
    check_facts(by_id(file_doc))
    assert file_doc == cli_doc


def test_new_facts_as_spreadsheet_columns(tmp_path: Path, run_cli: RunCli) -> None:
    p = tmp_path / "zaken.csv"
    p.write_text(FACTS_CSV, encoding="utf-8")
    code, out, err = run_cli("signalering", str(p), "--peildatum", "2026-05-25", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    jsonschema.validate(doc, SIGNALERING_SCHEMA)
    soon = {m["id"]: m["due"] for m in doc["zaken"][0]["binnenkort"]}
    assert soon["melding_einde_dienstverband"] == "2026-05-29"
    assert soon["riv_einde_dienstverband"] == "2026-05-29"
    assert soon["eindevaluatie"] == "2026-05-31"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--verlof", "2026-03-02"], "is geen verlofperiode; schrijf START:EIND"),
        (["--einde-dienstverband", "2025-12-01"], "vorige werkgever"),
        (["--loonsanctie-hersteld", "2028-01-01"], "zonder loonsanctie_weken"),
        (
            ["--herstel", "2026-03-01:2026-03-10", "--verlof", "2026-03-05:2026-06-01"],
            "overlappen",
        ),
    ],
)
def test_bad_new_facts_exit_2(args: list[str], message: str, run_cli: RunCli) -> None:
    code, out, err = run_cli("timeline", "--eerste-ziektedag", "2026-01-01", *args)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert out == ""


def test_herstel_meaning_is_in_the_help(run_cli: RunCli) -> None:
    """Wet WIA art. 23 lid 3 b: partial work does not interrupt the waiting time."""
    code, out, _ = run_cli("timeline", "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "volledig herstel voor het eigen werk" in flat
    assert "gedeeltelijk werken onderbreekt de wachttijd niet" in flat
    assert "vorige werkgever telt niet mee" in flat
    assert "--verlof" in out and "--einde-dienstverband" in out and "--iva" in out


LATE = ["--eerste-ziektedag", "2026-01-01", "--gedaan", "probleemanalyse=2026-02-20"]


def test_done_late_in_timeline_json_and_table(run_cli: RunCli) -> None:
    pa = by_id(timeline_json(run_cli, *LATE))["probleemanalyse"]
    assert pa["status"] == "done_late" and pa["done"] == "2026-02-20"
    code, out, _ = run_cli("timeline", *LATE, "--peildatum", "2026-03-01")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("Probleemanalyse"))
    assert "te laat gedaan (20 februari 2026)" in line
    # done after the peildatum: not done yet, so overdue
    code, out, _ = run_cli("timeline", *LATE, "--peildatum", "2026-02-15", "--format", "json")
    assert by_id(json.loads(out))["probleemanalyse"]["status"] == "overdue"


def test_done_late_in_timeline_ics(run_cli: RunCli) -> None:
    code, out, _ = run_cli("timeline", *LATE, "--peildatum", "2026-03-01", "--format", "ics")
    assert code == 0
    cal = icalendar.Calendar.from_ical(out)
    pa = next(e for e in cal.walk("VEVENT") if "Probleemanalyse" in str(e.get("summary")))
    assert "te laat gedaan (gedaan op 2026-02-20)" in str(pa.get("description"))
    assert "done_late" in pa.get("categories").to_ical().decode()


def test_done_late_in_timeline_xlsx(tmp_path: Path, run_cli: RunCli) -> None:
    out = tmp_path / "t.xlsx"
    code, _, _ = run_cli(
        "timeline", *LATE, "--peildatum", "2026-03-01", "--format", "xlsx", "-o", str(out)
    )
    assert code == 0
    ws = load_workbook(out).active
    row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "probleemanalyse")
    assert row[3].value == "te laat gedaan"
    assert row[4].value.date().isoformat() == "2026-02-20"
    assert row[0].fill.start_color.rgb.endswith("FFE0B2")


def late_csv(tmp_path: Path) -> Path:
    p = tmp_path / "z.csv"
    p.write_text(
        "dossier;naam;eerste_ziektedag;gedaan_probleemanalyse\nZ1;Jan;2026-01-01;2026-02-20\n",
        encoding="utf-8",
    )
    return p


def test_done_late_in_signalering_json_and_table(tmp_path: Path, run_cli: RunCli) -> None:
    p = late_csv(tmp_path)
    code, out, _ = run_cli("signalering", str(p), "--peildatum", "2026-02-22", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    jsonschema.validate(doc, SIGNALERING_SCHEMA)
    assert doc["schema_version"] == 1
    assert doc["zaken"][0]["te_laat_gedaan"] == [
        {"id": "probleemanalyse", "due": "2026-02-12", "done": "2026-02-20"}
    ]
    code, out, _ = run_cli("signalering", str(p), "--peildatum", "2026-02-22")
    assert "1 met te laat gedane mijlpalen" in out
    assert "te laat gedaan  Probleemanalyse" in out and "gedaan 20 februari 2026" in out


def test_done_late_in_signalering_xlsx(tmp_path: Path, run_cli: RunCli) -> None:
    out = tmp_path / "s.xlsx"
    code, _, _ = run_cli(
        "signalering",
        str(late_csv(tmp_path)),
        "--peildatum",
        "2026-02-22",
        "--format",
        "xlsx",
        "-o",
        str(out),
    )
    assert code == 0
    ws = load_workbook(out)["Signalering"]
    header = [c.value for c in ws[1]]
    row = {h: c.value for h, c in zip(header, ws[2], strict=True)}
    assert row["Aantal te laat gedaan"] == 1
    assert "Probleemanalyse (uiterlijk 12 februari 2026, gedaan 20 februari 2026)" in str(
        row["Te laat gedaan"]
    )


def test_schemas_know_every_milestone_and_status() -> None:
    defs = TIMELINE_SCHEMA["$defs"]
    assert defs["milestone_id"]["enum"] == [m.value for m in MilestoneId]
    assert defs["status"]["enum"] == [s.value for s in MilestoneStatus]
    assert SIGNALERING_SCHEMA["$defs"]["milestone_id"]["enum"] == [m.value for m in MilestoneId]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_version": 2}, TIMELINE_SCHEMA)
    bad = {"schema_version": 1, "eerste_ziektedag": "2026-01-01", "peildatum": "2026-01-01"}
    bad["milestones"] = [{"id": "x", "due": "2026-01-01", "status": "done", "reference": "r"}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, TIMELINE_SCHEMA)


def test_sample_signalering_json_matches_its_schema(run_cli: RunCli) -> None:
    sample = ROOT / "samples" / "cases.xlsx"
    code, out, _ = run_cli(
        "signalering",
        str(sample),
        "--peildatum",
        "2026-11-23",
        "--skip-invalid",
        "--format",
        "json",
    )
    assert code == 1
    jsonschema.validate(json.loads(out), SIGNALERING_SCHEMA)


def test_done_late_in_the_audit_report_deadlines(run_cli: RunCli) -> None:
    """The auditor's deadline list uses the same status: the late plan is 'te laat gedaan'."""
    sample = ROOT / "samples" / "dossiers" / "pva_te_laat"
    code, out, _ = run_cli("audit", str(sample), "--peildatum", "2027-10-07")
    assert code == 1
    line = next(x for x in out.splitlines() if x.strip().startswith("Plan van aanpak "))
    assert "te laat gedaan op 20 maart 2026" in line
    pa = next(x for x in out.splitlines() if x.strip().startswith("Probleemanalyse "))
    assert "gedaan op 5 februari 2026" in pa and "te laat" not in pa


def test_new_columns_are_found_under_the_names_people_write(
    tmp_path: Path, run_cli: RunCli
) -> None:
    p = tmp_path / "zaken.csv"
    p.write_text(
        "Dossier;Naam;1e ziektedag;Zwangerschapsverlof;Uit dienst;Verkorte wachttijd\n"
        "Z-7;Eva;2026-01-01;02-03-2026:21-06-2026;31-05-2026;ja\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("signalering", str(p), "--peildatum", "2026-05-25", "--format", "json")
    assert code == 0, err
    soon = {m["id"] for m in json.loads(out)["zaken"][0]["binnenkort"]}
    assert {"melding_einde_dienstverband", "riv_einde_dienstverband"} <= soon
