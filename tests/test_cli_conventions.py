"""Conventions scripts and shells expect: ``-`` for stdin/stdout, --quiet/--verbose/--debug,
a traceback only when asked for."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import RunCli
from generate_helpers import REPO
from poortwachter.cli import cli

ZAAK = REPO / "samples" / "zaak.yaml"
PEIL = ["--peildatum", "2026-03-01"]


def test_zaak_from_stdin_equals_zaak_from_file() -> None:
    from_file = CliRunner().invoke(
        cli, ["timeline", "--zaak", str(ZAAK), *PEIL, "--format", "json"]
    )
    from_stdin = CliRunner().invoke(
        cli, ["timeline", "--zaak", "-", *PEIL, "--format", "json"], input=ZAAK.read_bytes()
    )
    assert from_file.exit_code == from_stdin.exit_code == 0, from_stdin.output
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)


def test_form_data_from_stdin(tmp_path: Path) -> None:
    sample = (REPO / "samples" / "forms" / "plan_van_aanpak.yaml").read_bytes()
    done = CliRunner().invoke(
        cli,
        ["generate", "plan_van_aanpak", "--data", "-", "--out", str(tmp_path), "--format", "docx"],
        input=sample,
    )
    assert done.exit_code == 0, done.output
    [written] = tmp_path.glob("*.docx")
    assert written.read_bytes()[:2] == b"PK"


def test_bad_stdin_is_named_standaardinvoer(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"werknemer: {naam: X}\n")))
    code, _out, err = run_cli("generate", "plan_van_aanpak", "--data", "-")
    assert code == 2
    assert "standaardinvoer, veld 'activiteiten': ontbreekt" in err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_spreadsheet_from_stdin_for_signalering_and_batch(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = REPO / "samples" / "cases.xlsx"
    args = [*PEIL, "--format", "json", "--skip-invalid"]
    code_file, out_file, _err = run_cli("signalering", str(cases), *args)
    _stdin(monkeypatch, cases.read_bytes())
    code, out, err = run_cli("signalering", "-", *args)
    assert code == code_file
    from_file, from_stdin = json.loads(out_file), json.loads(out)
    assert from_stdin["fouten"] == [
        f.replace(str(cases), "standaardinvoer") for f in from_file.pop("fouten")
    ]
    del from_stdin["fouten"]
    assert from_stdin == from_file
    assert "standaardinvoer, blad 'Zaken', rij 11" in err
    assert "poortwachter-" not in err  # the temporary copy is never named

    out_dir = tmp_path / "uit"
    _stdin(monkeypatch, (REPO / "samples" / "batch_eindevaluatie.csv").read_bytes())
    code, out, err = run_cli(
        "batch", "eindevaluatie", "-", "--out", str(out_dir), "--format", "docx"
    )
    assert code == 0, err
    assert "2 formulieren gemaakt" in out
    assert len(list(out_dir.glob("*.docx"))) == 2


def test_empty_or_too_large_stdin_spreadsheet_is_refused(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"")
    code, _out, err = run_cli("signalering", "-", *PEIL)
    assert code == 2
    assert "standaardinvoer: er kwam niets binnen" in err
    _stdin(monkeypatch, b"x" * (2 * 1024 * 1024))
    code, _out, err = run_cli("signalering", "-", *PEIL, "--max-bytes", str(1024 * 1024))
    assert code == 2
    assert "standaardinvoer: meer dan de grens van 1 MB" in err


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_generate_out_dash_writes_the_form_to_stdout(fmt: str) -> None:
    import io

    from docx import Document
    from pypdf import PdfReader

    sample = REPO / "samples" / "forms" / "plan_van_aanpak.yaml"
    done = CliRunner().invoke(
        cli, ["generate", "plan_van_aanpak", "--data", str(sample), "--out", "-", "--format", fmt]
    )
    assert done.exit_code == 0, done.stderr
    blob = done.stdout_bytes
    if fmt == "docx":
        document = Document(io.BytesIO(blob))
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    else:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(blob)).pages)
    assert "Plan van aanpak" in text and "Sanne de Vries" in text
    assert not Path("-").exists()


def test_out_dash_needs_one_format_and_batch_refuses_it(run_cli: RunCli) -> None:
    sample = REPO / "samples" / "forms" / "plan_van_aanpak.yaml"
    code, out, err = run_cli("generate", "plan_van_aanpak", "--data", str(sample), "--out", "-")
    assert (code, out) == (2, "")
    assert "kies --format docx of --format pdf" in err
    sheet = REPO / "samples" / "batch_eindevaluatie.csv"
    code, _out, err = run_cli("batch", "eindevaluatie", str(sheet), "--out", "-")
    assert code == 2
    assert "geef een map voor --out, geen '-'" in err
    assert not Path("-").exists()


def test_output_dash_writes_binary_to_stdout_only_when_asked() -> None:
    args = ["timeline", "--eerste-ziektedag", "2026-01-01", *PEIL, "--format", "xlsx"]
    done = CliRunner().invoke(cli, [*args, "--output", "-"])
    assert done.exit_code == 0 and done.stdout_bytes[:4] == b"PK\x03\x04"
    refused = CliRunner().invoke(cli, args)
    assert refused.exit_code != 0 and "--output -" in str(refused.exception or refused.output)


def test_quiet_leaves_out_what_was_written(tmp_path: Path, run_cli: RunCli) -> None:
    target = tmp_path / "t.json"
    args = ["timeline", "--eerste-ziektedag", "2026-01-01", "--format", "json", "-o", str(target)]
    code, _out, err = run_cli(*args)
    assert code == 0 and "Geschreven:" in err
    code, _out, err = run_cli("--quiet", *args)
    assert code == 0 and err == "" and json.loads(target.read_text())["milestones"]


def _break_timeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        logging.getLogger("poortwachter.domain.timeline").info("tijdlijn wordt berekend")
        raise RuntimeError("kapot van binnen")

    monkeypatch.setattr("poortwachter.domain.timeline.compute_timeline", broken)


def test_internal_error_traceback_only_with_debug(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_timeline(monkeypatch)
    args = ["timeline", "--eerste-ziektedag", "2026-01-01"]
    monkeypatch.delenv("POORTWACHTER_DEBUG", raising=False)
    code, _out, err = run_cli(*args)
    assert code == 3 and "interne fout" in err and "Traceback" not in err
    assert "--debug" in err
    code, _out, err = run_cli("--debug", *args)
    assert code == 3 and "Traceback" in err and "kapot van binnen" in err
    assert "info: tijdlijn wordt berekend" in err  # --debug shows every log level
    monkeypatch.setenv("POORTWACHTER_DEBUG", "1")
    code, _out, err = run_cli(*args)
    assert code == 3 and "Traceback" in err


def test_verbose_shows_the_librarys_log_messages(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_timeline(monkeypatch)
    args = ["timeline", "--eerste-ziektedag", "2026-01-01"]
    assert "tijdlijn wordt berekend" not in run_cli(*args)[2]
    assert "info: tijdlijn wordt berekend" in run_cli("--verbose", *args)[2]


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*prefix, name)))
    return found


@pytest.mark.parametrize("path", _commands(cli), ids=" ".join)
def test_help_is_dutch_and_keeps_example_commands_whole(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"], terminal_width=80)
    assert result.exit_code == 0
    shown = result.output
    for english in ("FILE", "DIRECTORY", "PATH", "TEXT", "INTEGER", "[OPTIONS]", "Usage:"):
        assert english not in shown, f"{english} in `{' '.join(path)} --help`"
    command: click.Command = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    examples = re.findall(r"poortwachter [^\n]+", command.help or "")
    assert examples, f"`{' '.join(path)} --help` shows no example"
    lines = {line.strip() for line in shown.splitlines()}
    for example in examples:  # each example whole on a line of its own, not re-wrapped
        assert example.strip() in lines, example


def test_progress_bar_is_clicks_with_eta_on_a_terminal_and_silent_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from poortwachter.cli.options import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    with Progress("Dossiers toetsen") as progress:
        for done in range(1, 4):
            progress(done, 3, f"dossier-{done}")
    shown = screen.getvalue()
    assert "Dossiers toetsen" in shown and "3/3" in shown and "dossier-3" in shown

    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    with Progress("Dossiers toetsen") as progress:
        for done in range(1, 4):
            progress(done, 3, "x")
    assert piped.getvalue() == ""


def test_case_from_options_is_the_timeline_commands_library_call() -> None:
    from datetime import date

    from poortwachter.errors import InputError
    from poortwachter.inputs.cases import case_from_options

    case = case_from_options(
        "05-01-2026", herstel=["2026-02-01:2026-02-10"], gedaan=["probleemanalyse=2026-02-10"]
    )
    assert case.eerste_ziektedag == date(2026, 1, 5)
    assert len(case.herstel) == 1
    with pytest.raises(InputError, match="schrijf MIJLPAAL=DATUM"):
        case_from_options("2026-01-05", gedaan=["probleemanalyse"])
