"""Finding the processes a test started, also after they were orphaned (Linux /proc).

Every process the test session starts inherits :data:`SESSION_ENV` in its environment
(tests/conftest.py sets it), so a process that outlived its parent and was adopted by
init is still found: :func:`session_processes` reads ``/proc/*/environ``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

SESSION_ENV = "POORTWACHTER_TEST_SESSION"
PROC = Path("/proc")


def has_proc() -> bool:
    return (PROC / "self" / "stat").exists()


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state is [0], ppid is [1])."""
    try:
        text = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def running(pid: int) -> bool:
    """The process exists and is not a zombie (an ended child nobody reaped yet)."""
    fields = _stat(pid)
    return fields is not None and fields[0] not in ("Z", "X")


def children(pid: int) -> list[int]:
    """Running direct children of ``pid``."""
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and fields[1] == str(pid) and fields[0] not in ("Z", "X"):
                found.append(int(entry.name))
    return found


def session_processes(marker: str) -> dict[int, str]:
    """Running processes (other than this one) whose environment holds ``marker``:
    pid → command line."""
    needle = f"{SESSION_ENV}={marker}".encode()
    found: dict[int, str] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            env = (entry / "environ").read_bytes()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if needle in env.split(b"\0") and running(int(entry.name)):
            found[int(entry.name)] = cmd.strip()
    return found


def wait_until_gone(pids: list[int], timeout: float) -> list[int]:
    """Wait (at most ``timeout`` s, a bound for hangs) until none of ``pids`` runs;
    returns those still running."""
    deadline = time.monotonic() + timeout
    while True:
        left = [p for p in pids if running(p)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)
