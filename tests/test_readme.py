"""The README is part of the product: every command documented, its examples true."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from poortwachter.cli import cli
from readme_sessions import differences, matches, parse, run_all

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: str = "poortwachter") -> list[str]:
    paths = []
    for name, cmd in group.commands.items():
        path = f"{prefix} {name}"
        paths.append(path)
        if isinstance(cmd, click.Group):
            paths.extend(command_paths(cmd, path))
    return paths


@pytest.mark.parametrize("path", command_paths(cli))
def test_every_command_is_documented_with_a_session(path: str) -> None:
    assert f"$ {path}" in README, f"README has no $ session of `{path}`"


def test_quick_start_is_exactly_two_commands() -> None:
    quick = README.split("## Snel starten", 1)[1].split("##", 1)[0]
    block = re.search(r"```\n(.*?)```", quick, re.S)
    assert block is not None
    assert block.group(1).split("\n")[:-1] == ["make demo", "make test"]


def test_python_examples_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    for code in blocks:
        exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "2027-10-23" in out  # wia_aanvraag of the example, shifted by the 10-day gap


@pytest.mark.slow
def test_every_session_shows_what_the_command_prints() -> None:
    """Each `$` session, run for real in a fresh folder, prints what the README shows."""
    commands = parse(README)
    assert len(commands) >= 18
    run_all(commands)
    problems = differences(commands)
    assert not problems, (
        "\n".join(problems)
        + "\nNa een bewuste wijziging: .venv/bin/python tests/readme_sessions.py --update"
    )


def test_session_matching_treats_an_ellipsis_as_any_lines() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["a", "..."], ["a"])
    assert not matches(["a", "...", "d"], ["a", "b"])
    assert not matches(["a", "b"], ["a", "b", "c"])
    assert matches(["  a  "], ["  a"])


def test_session_matching_ignores_the_time_stamp_of_a_run() -> None:
    shown = ["Foutrapport: out/foutrapport_x_20261201-205156.json"]
    assert matches(shown, ["Foutrapport: out/foutrapport_x_20270102-030405.json"])
    assert not matches(shown, ["Foutrapport: out/foutrapport_y_20270102-030405.json"])
