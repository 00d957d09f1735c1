"""Shared test helpers."""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

from poortwachter import cli_dutch
from poortwachter.cli import main

# main() installs click's Dutch texts before parsing; tests that call the click group
# directly (CliRunner) must see the same texts, whatever order they run in.
cli_dutch.install()

settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=150
)
settings.register_profile("dev", deadline=None, max_examples=60)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


RunCli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run_cli() -> RunCli:
    """Run the real entry point (exit codes mapped as for users): (code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with (
            pytest.raises(SystemExit) as exc,
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            main(list(args))
        return int(exc.value.code or 0), out.getvalue(), err.getvalue()

    return run
