"""Fixtures for the hostile-input tests: the corpus is built once per session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from . import corpus
from .measure import Measured

#: Rows of (command, case, measurement), written as a table at the end of the session.
MEASUREMENTS: list[tuple[str, str, Measured]] = []


@pytest.fixture(scope="session")
def hostile_cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, corpus.Case]:
    """Every fast hostile file, keyed by the name of its generator."""
    folder = tmp_path_factory.mktemp("hostile")
    return {gen.__name__: gen(folder) for gen in corpus.GENERATORS}


@pytest.fixture(scope="session")
def big_cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, corpus.Case]:
    """The 1,000,000-row spreadsheets (built once, ~10 s), keyed by generator name."""
    folder = tmp_path_factory.mktemp("hostile_big")
    return {gen.__name__: gen(folder) for gen in corpus.BIG_GENERATORS}


@pytest.fixture
def record() -> Callable[[str, str, Measured], None]:
    """``record(command, case_name, measured)``: keep a measurement for the summary table."""

    def add(command: str, name: str, measured: Measured) -> None:
        MEASUREMENTS.append((command, name, measured))

    return add


def measurements_table() -> str:
    lines = [
        "| command | case | exit | seconds | peak MB |",
        "|---|---|---:|---:|---:|",
    ]
    for command, name, m in MEASUREMENTS:
        code = "timeout" if m.timed_out else str(m.code)
        lines.append(f"| {command} | {name} | {code} | {m.seconds:.2f} | {m.peak_mb:.0f} |")
    return "\n".join(lines) + "\n"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """With -v, or POORTWACHTER_HOSTILE_REPORT=FILE, show/write the measured outcomes."""
    if not MEASUREMENTS:
        return
    table = measurements_table()
    target = os.environ.get("POORTWACHTER_HOSTILE_REPORT")
    if target:
        Path(target).write_text(table, encoding="utf-8")
    if terminalreporter.config.option.verbose > 0:
        terminalreporter.write_sep("-", "hostile input: measured outcomes")
        terminalreporter.write(table)
