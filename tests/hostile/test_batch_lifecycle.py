"""Batch workers end with their parent; SIGTERM is handled like Ctrl-C (issue 12, item 9).

Before: after ``kill -9`` (or SIGTERM) of the main process the workers went on writing and
then waited forever for work (a dozen were found alive half an hour after test runs).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from processes import children, has_proc, running, wait_until_gone

from .test_generate_hostile import (
    BIG_BATCH_ROWS,
    _pdf_complete,
    no_temp_files,
    start_big_batch,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not has_proc(), reason="needs /proc (Linux)"),
]

ROWS = BIG_BATCH_ROWS
#: generous bounds for hangs on a busy machine (not speed checks)
HANG = 300.0


def test_sigkill_of_the_main_process_ends_every_worker(tmp_path: Path) -> None:
    proc, out = start_big_batch(tmp_path)
    workers = children(proc.pid)
    assert len(workers) == 2, workers
    try:
        proc.kill()  # SIGKILL: no handler runs in the main process
        proc.wait(timeout=HANG)
        left = wait_until_gone(workers, timeout=60)
    finally:
        for pid in workers:
            if running(pid):
                os.kill(pid, signal.SIGKILL)
        proc.communicate()
    assert left == [], f"workers still running after the main process was killed: {left}"
    # what the workers wrote is whole (a killed writer leaves only a .pw- temp file)
    assert all(_pdf_complete(p) for p in out.glob("*.pdf"))


def test_sigterm_is_handled_like_ctrl_c(tmp_path: Path) -> None:
    """SIGTERM to the main process only (what `timeout` and docker send): the rows in
    flight are finished, exit 143, the rows done are named, no half files, no workers."""
    proc, out = start_big_batch(tmp_path)
    workers = children(proc.pid)
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = (s.decode() for s in proc.communicate(timeout=HANG))
    assert proc.returncode == 143, (proc.returncode, stderr)
    assert "Traceback" not in stderr, stderr
    no_temp_files(out)
    pdfs = sorted(out.glob("*.pdf"))
    assert 3 <= len(pdfs) < ROWS
    assert all(_pdf_complete(p) for p in pdfs)
    assert f"Afgebroken: {len(pdfs)} van {ROWS} rijen klaar" in stderr, stderr
    assert f"{len(pdfs)} formulieren gemaakt" in stdout, stdout
    assert wait_until_gone(workers, timeout=60) == []


def test_sigterm_stops_a_single_process_batch_too(tmp_path: Path) -> None:
    proc, out = start_big_batch(tmp_path, workers="1")
    proc.send_signal(signal.SIGTERM)
    _stdout, stderr = (s.decode() for s in proc.communicate(timeout=HANG))
    assert proc.returncode == 143, (proc.returncode, stderr)
    assert "rijen klaar" in stderr and "Traceback" not in stderr, stderr
    no_temp_files(out)


_ORPHAN = textwrap.dedent(
    """
    import multiprocessing, sys, time
    from poortwachter.support import lifecycle
    if sys.argv[1] == "watcher-only":  # no PR_SET_PDEATHSIG: the watcher thread alone
        lifecycle._set_parent_death_signal = lambda: None

    def work():
        lifecycle.die_with_parent()
        time.sleep(600)

    if __name__ == "__main__":
        multiprocessing.set_start_method(sys.argv[2])
        p = multiprocessing.Process(target=work)
        p.start()
        print(p.pid, flush=True)
        time.sleep(600)
    """
)


@pytest.mark.parametrize(
    ("mode", "method"),
    [
        ("pdeathsig", "fork"),
        ("watcher-only", "fork"),
        ("pdeathsig", "spawn"),
        ("watcher-only", "forkserver"),
    ],
)
def test_die_with_parent(mode: str, method: str, tmp_path: Path) -> None:
    script = tmp_path / "orphan.py"
    script.write_text(_ORPHAN, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), mode, method], stdout=subprocess.PIPE, cwd=tmp_path
    )
    assert proc.stdout is not None
    child = int(proc.stdout.readline())
    try:
        assert running(child)
        proc.kill()
        proc.wait()
        assert wait_until_gone([child], timeout=60) == [], f"{mode}/{method}: child survived"
    finally:
        if running(child):
            os.kill(child, signal.SIGKILL)
        proc.stdout.close()
