"""Run a command as a child process and measure it: exit code, stderr, seconds, peak RSS.

Peak memory is the command's own ``ru_maxrss``. Linux keeps, across ``exec``, the RSS
high-water mark of the process that forked: a command started straight from pytest would
report at least pytest's own peak (~90 MB), and ``getrusage(RUSAGE_CHILDREN)`` is the
maximum over *all* children so it cannot tell two runs apart. So a small launcher (a fresh
``python -S``, ~10 MB) forks the command, sets an optional address-space limit (so a memory
bomb cannot take the shared machine down), waits for it with ``os.wait4`` and reports that
one process's peak RSS and exit status.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Default wall-clock limit per run (seconds): a bound for hangs, not a speed check — a
#: busy 2-core machine must pass (issue 12); speed is measured in benchmarks/.
DEFAULT_TIMEOUT = float(os.environ.get("POORTWACHTER_HOSTILE_TIMEOUT", "180"))
#: Default address-space limit for the command (MB); 0 = none.
DEFAULT_MEMORY_MB = int(os.environ.get("POORTWACHTER_HOSTILE_MEMORY_MB", "4096"))

# argv: REPORT_FILE MEMORY_MB PROGRAM ARGS...; writes "pid N" after the fork, then
# "done STATUS MAXRSS_KB" once the command has ended.
_LAUNCHER = """
import os, resource, sys
report, limit, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
pid = os.fork()
if pid == 0:
    try:
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit << 20, limit << 20))
        os.execv(cmd[0], cmd)
    finally:
        os._exit(127)
with open(report, "w") as fh:
    fh.write(f"pid {pid}\\n")
_, status, usage = os.wait4(pid, 0)
with open(report, "a") as fh:
    fh.write(f"done {status} {usage.ru_maxrss}\\n")
"""


@dataclass(frozen=True)
class Measured:
    code: int
    stderr: str
    seconds: float
    peak_mb: float
    timed_out: bool = False
    stdout: str = ""

    def __iter__(self) -> Iterator[Any]:
        """Unpacks as ``code, stderr, seconds, peak_mb = run_measured(...)``."""
        return iter((self.code, self.stderr, self.seconds, self.peak_mb))


def poortwachter(*args: str) -> list[str]:
    """The command line of ``python -m poortwachter ARGS`` with this interpreter."""
    return [sys.executable, "-m", "poortwachter", *args]


def _read_report(path: Path) -> tuple[int | None, int | None, float]:
    """(command pid, wait status, peak MB) from the launcher's report file."""
    pid = status = None
    peak = 0.0
    text = path.read_text() if path.exists() else ""
    for line in text.splitlines():
        parts = line.split()
        if parts[:1] == ["pid"]:
            pid = int(parts[1])
        elif parts[:1] == ["done"]:
            status, peak = int(parts[1]), int(parts[2]) / 1024  # ru_maxrss is KB on Linux
    return pid, status, peak


def run_measured(
    cmd: Sequence[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    cwd: str | Path | None = None,
    env: dict[str, str] | None = None,
    keep_stdout: bool = False,
) -> Measured:
    """Run ``cmd``; kill it after ``timeout`` s (then ``timed_out`` and code -9).

    A native crash shows as a negative code (the signal), like ``subprocess``. stdout and
    stderr go to temporary files (no pipe can fill up and block the command); stdout is
    returned only with ``keep_stdout``, stderr always (decoded leniently).
    """
    program = shutil.which(cmd[0]) or cmd[0]
    argv = [sys.executable, "-S", "-c", _LAUNCHER, "", str(memory_mb), program, *cmd[1:]]
    with (
        tempfile.TemporaryDirectory(prefix="measure-") as tmp,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        report = Path(tmp) / "report"
        start = time.monotonic()
        argv[4] = str(report)
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out if keep_stdout else subprocess.DEVNULL,
            stderr=err,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        timed_out = False
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            pid, _, _ = _read_report(report)
            if pid:
                os.kill(pid, signal.SIGKILL)  # the launcher then reports its peak
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        seconds = time.monotonic() - start
        _, status, peak_mb = _read_report(report)
        code = os.waitstatus_to_exitcode(status) if status is not None else proc.returncode
        err.seek(0)
        stderr = err.read().decode("utf-8", errors="replace")
        stdout = ""
        if keep_stdout:
            out.seek(0)
            stdout = out.read().decode("utf-8", errors="replace")
    return Measured(code, stderr, seconds, peak_mb, timed_out, stdout)
