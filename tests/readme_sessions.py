"""The README's ``$`` sessions, run for real and compared with what the README shows.

A session is a fenced block (no language) whose lines starting with ``$ `` are commands;
the lines up to the next command are what the command printed (stdout and stderr, in the
order a terminal shows them). A line ``...`` (any indentation) stands for lines left out.
``$ echo $?`` shows the exit code of the command before it.

All sessions run in order, as a reader would type them, in one fresh folder that sees the
repository's ``samples/``, ``tests/``, ``checklists/`` and ``templates/``; what they write
lands in that folder's ``out/``. Absolute paths of the repository are shown relative to it.

Refresh the README from real runs after a change of output::

    .venv/bin/python tests/readme_sessions.py --update
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
LINKED = ("samples", "tests", "checklists", "templates")
ELLIPSIS = "..."
FENCE = re.compile(r"^```(\w*)\s*$")
#: the time stamp in the name of a batch error report (JJJJMMDD-UUMMSS)
STAMP = re.compile(r"(?<!\d)\d{8}-\d{6}(?!\d)")


@dataclass
class Command:
    line: int  # 0-based line of the `$ ` line in the README
    text: str
    shown: list[str] = field(default_factory=list)
    actual: list[str] = field(default_factory=list)


def parse(text: str) -> list[Command]:
    """Every ``$`` command of the README's plain fenced blocks, with the lines shown after it."""
    commands: list[Command] = []
    in_block = plain = False
    current: Command | None = None
    for number, line in enumerate(text.split("\n")):
        fence = FENCE.match(line)
        if fence:
            in_block, plain = (not in_block), fence.group(1) == ""
            current = None
            continue
        if not (in_block and plain):
            continue
        if line.startswith("$ "):
            current = Command(number, line[2:])
            commands.append(current)
        elif current is not None:
            current.shown.append(line)
    return commands


def _unstamped(line: str) -> str:
    """A run's time stamp (``20261201-205156`` in a batch report's name) as ``STAMP``."""
    return STAMP.sub("STAMP", line)


def matches(shown: list[str], actual: list[str]) -> bool:
    """``shown`` equals ``actual``, where each ``...`` line stands for any number of lines
    (and any run time stamp for any other)."""
    pattern = "".join(
        r"(?:[^\n]*\n)*?"
        if line.strip() == ELLIPSIS
        else re.escape(_unstamped(line.rstrip())) + r"\n"
        for line in shown
    )
    actual_text = "".join(_unstamped(line) + "\n" for line in actual)
    return re.fullmatch(pattern, actual_text) is not None


def run_all(commands: list[Command]) -> None:
    """Run every command in order in one fresh folder; fill in ``actual``."""
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PYTHONUNBUFFERED": "1",
        "COLUMNS": "100",
        "LC_ALL": "C.UTF-8",
    }
    env.pop("POORTWACHTER_DEBUG", None)
    with tempfile.TemporaryDirectory(prefix="readme-") as tmp:
        work = Path(tmp)
        for name in LINKED:
            (work / name).symlink_to(REPO / name)
        last_code = 0
        for command in commands:
            if command.text.strip() == "echo $?":
                command.actual = [str(last_code)]
                continue
            done = subprocess.run(
                ["bash", "-c", command.text],
                cwd=work,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=300,
                check=False,
            )
            last_code = done.returncode
            out = done.stdout.replace(f"{work}/", "").replace(f"{REPO}/", "")
            command.actual = [line.rstrip() for line in out.rstrip("\n").split("\n")] if out else []


def differences(commands: list[Command]) -> list[str]:
    """A readable account of every command whose output differs from the README."""
    problems = []
    for command in commands:
        if not matches(command.shown, command.actual):
            problems.append(
                f"README.md:{command.line + 1}: $ {command.text}\n"
                + "  README toont:\n"
                + "".join(f"    {line}\n" for line in command.shown)
                + "  werkelijk:\n"
                + "".join(f"    {line}\n" for line in command.actual)
            )
    return problems


def refreshed(shown: list[str], actual: list[str]) -> list[str]:
    """The real output, shortened the way the README shortened it (a trailing ``...``)."""
    if matches(shown, actual):
        return shown
    if shown and shown[-1].strip() == ELLIPSIS:
        keep = len(shown) - 1
        if len(actual) > keep:
            return [*actual[:keep], shown[-1]]
    return actual


def update(text: str, commands: list[Command]) -> str:
    """The README with every differing output replaced by the real one."""
    lines = text.split("\n")
    for command in reversed(commands):
        start = command.line + 1
        lines[start : start + len(command.shown)] = refreshed(command.shown, command.actual)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    commands = parse(text)
    run_all(commands)
    if "--update" in argv:
        README.write_text(update(text, commands), encoding="utf-8")
        print(f"{len(commands)} opdrachten gedraaid; README.md bijgewerkt")
        return 0
    problems = differences(commands)
    print("\n".join(problems) or f"Alle {len(commands)} opdrachten tonen wat de README zegt.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
