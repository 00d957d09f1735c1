"""The audit and checklist commands: exit codes and output formats."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from audit_helpers import ROOT
from poortwachter.cli.audit import audit_command, checklist_group
from poortwachter.errors import InputError

SAMPLES = ROOT / "samples" / "dossiers"
PEIL = ["--peildatum", "2027-10-07"]


def run(*args: str) -> tuple[int, str]:
    """Like the main group: return value is the exit code; InputError → 2."""
    group = click.Group()
    group.add_command(audit_command)
    group.add_command(checklist_group)
    result = CliRunner().invoke(group, list(args), standalone_mode=False)
    if isinstance(result.exception, InputError):
        return 2, str(result.exception)
    if isinstance(result.exception, click.UsageError):
        return 2, result.exception.format_message()
    assert result.exception is None, result.exception
    return int(result.return_value), result.output


def test_complete_dossier_exit_0() -> None:
    code, out = run("audit", str(SAMPLES / "compleet"), *PEIL)
    assert code == 0 and "klaar voor indiening" in out and "*****6782" in out


def test_blocker_exit_1_and_fail_on() -> None:
    path = str(SAMPLES / "zonder_plan_van_aanpak")
    assert run("audit", path, *PEIL)[0] == 1
    assert run("audit", path, *PEIL, "--fail-on", "never")[0] == 0
    unreadable = str(SAMPLES / "onleesbare_bestanden")
    assert run("audit", unreadable, *PEIL)[0] == 0  # warnings only
    assert run("audit", unreadable, *PEIL, "--fail-on", "warning")[0] == 1


def test_bad_input_exit_2(tmp_path: Path) -> None:
    assert run("audit", str(tmp_path / "bestaat-niet"), *PEIL)[0] == 2
    assert run("audit", str(SAMPLES / "compleet"), "--peildatum", "morgen")[0] == 2
    bad = tmp_path / "c.yaml"
    bad.write_text("id: x\nversion: '1'\nwerkwijzer_edition: '2023'\nrules: [{id: A-1}]\n")
    code, message = run("audit", str(SAMPLES / "compleet"), "--checklist", str(bad))
    assert code == 2 and "regel-id A-1" in message
    assert run("audit", str(SAMPLES / "compleet"), "--format", "xlsx")[0] == 2  # no --output


def test_checklist_commands(tmp_path: Path) -> None:
    code, out = run("checklist", "validate")
    assert code == 0 and "geldig" in out
    code, out = run("checklist", "show")
    assert code == 0 and "PVA-002" in out
    bad = tmp_path / "c.yaml"
    bad.write_text(
        (ROOT / "checklists/werkwijzer-poortwachter-2023.yaml")
        .read_text()
        .replace("check: recent", "check: actueel")
    )
    code, message = run("checklist", "validate", str(bad))
    assert code == 2 and "regel-id AO-002" in message and "regel " in message


def test_checklist_types_lists_every_check_type_with_its_parameters() -> None:
    from poortwachter.audit.rules.checks import CHECKS

    code, out = run("checklist", "types")
    names = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
    assert code == 0 and names == sorted(CHECKS)
    assert "max_days (verplicht)" in out  # max_interval's required parameter
    assert all(spec.description for spec in CHECKS.values())


@pytest.mark.parametrize("fmt", ["json", "html", "xlsx", "text"])
def test_formats_to_file(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"r.{fmt}"
    code, _ = run(
        "audit",
        str(SAMPLES / "pva_niet_ondertekend"),
        *PEIL,
        "--format",
        fmt,
        "--output",
        str(out),
        "--fail-on",
        "never",
    )
    assert code == 0 and out.stat().st_size > 100


def test_json_bsn_masked_unless_asked() -> None:
    _, out = run("audit", str(SAMPLES / "compleet"), *PEIL, "--format", "json")
    assert json.loads(out)["dossier"]["werknemer"]["bsn"] == "*****6782"
    _, out = run("audit", str(SAMPLES / "compleet"), *PEIL, "--format", "json", "--toon-bsn")
    assert json.loads(out)["dossier"]["werknemer"]["bsn"] == "123456782"


def test_several_dossiers_and_loose_files() -> None:
    _, out = run(
        "audit",
        str(SAMPLES / "compleet"),
        str(SAMPLES / "pva_te_laat"),
        *PEIL,
        "--format",
        "json",
        "--fail-on",
        "never",
    )
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 2
    files = sorted(str(p) for p in (SAMPLES / "compleet").glob("0[12]_*"))
    _, out = run("audit", *files, *PEIL, "--format", "json", "--fail-on", "never")
    assert len(json.loads(out)["documents"]) == 2


def test_folder_of_dossiers(tmp_path: Path) -> None:
    import shutil

    for name in ("compleet", "pva_te_laat"):
        shutil.copytree(SAMPLES / name, tmp_path / "alle" / name)
    out = tmp_path / "overzicht.xlsx"
    code, _ = run("audit", str(tmp_path / "alle"), *PEIL, "--format", "xlsx", "-o", str(out))
    assert code == 1  # pva_te_laat has a blocker
    import openpyxl

    assert openpyxl.load_workbook(out)["Overzicht"].max_row == 3


def test_samples_folder_is_a_folder_of_dossiers() -> None:
    code, out = run("audit", str(SAMPLES), *PEIL, "--format", "json", "--fail-on", "never")
    data = json.loads(out)
    assert code == 0 and len(data) == 13
    ready = {Path(d["dossier"]["path"]).name for d in data if d["summary"]["ready_for_submission"]}
    # an encrypted or broken part keeps a dossier from being ready, even without a blocker
    assert ready == {
        "compleet", "samengevoegd", "gescand", "handtekeningtabellen", "een_wordbestand"
    }  # fmt: skip
    (unreadable,) = [d for d in data if d["dossier"]["path"].endswith("onleesbare_bestanden")]
    assert unreadable["summary"]["blocker"] == 0
    assert "onleesbaar voor UWV" in unreadable["summary"]["not_ready_because"][0]


def test_library_audit_dossiers_groups_like_the_command(tmp_path: Path) -> None:
    from poortwachter.audit import audit_dossiers

    calls: list[tuple[int, int]] = []
    results = audit_dossiers(
        [str(SAMPLES)],
        date(2027, 10, 7),
        progress=lambda done, total, _dossier: calls.append((done, total)),
    )
    subfolders = sorted(p for p in SAMPLES.iterdir() if p.is_dir())
    assert [r.dossier_path for r in results] == [str(p) for p in subfolders]
    assert calls == [(n, len(subfolders)) for n in range(1, len(subfolders) + 1)]
    loose = sorted(str(p) for p in (SAMPLES / "compleet").iterdir())[:2]
    [together] = audit_dossiers(loose, date(2027, 10, 7))
    assert together.dossier_path == ", ".join(loose)
    with pytest.raises(InputError, match="bestaat niet"):
        audit_dossiers([str(tmp_path / "weg")])
