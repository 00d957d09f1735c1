"""Shared test helpers."""

from __future__ import annotations

import contextlib
import io
import os
import signal
import uuid
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, settings

from poortwachter.cli import dutch as cli_dutch
from poortwachter.cli import main
from processes import SESSION_ENV, has_proc, session_processes, wait_until_gone

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


@pytest.fixture(scope="session", autouse=True)
def no_process_left_behind() -> Iterator[None]:
    """The suite leaves no process running: every process a test starts inherits a marker
    in its environment; at the end none with that marker may still run (it is killed, and
    the session fails). Orphans adopted by init are found too (issue 12)."""
    marker = f"{os.getpid()}-{uuid.uuid4().hex}"
    os.environ[SESSION_ENV] = marker
    yield
    if not has_proc():
        return
    left = session_processes(marker)
    left_after = wait_until_gone(list(left), timeout=30)  # let ending processes end
    for pid in left_after:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert not left_after, "processes left running by the test suite: " + "; ".join(
        f"{pid}: {left[pid][:200]}" for pid in left_after
    )
