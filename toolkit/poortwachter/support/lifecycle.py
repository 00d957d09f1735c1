"""Process lifecycle: SIGTERM handled like Ctrl-C, and worker processes that end with
their parent.

``timeout``, systemd, docker and CI stop a command with SIGTERM and, if it does not end,
SIGKILL. A SIGTERM is turned into :class:`Terminated` (a ``KeyboardInterrupt``), so every
command stops as it does on Ctrl-C (a batch finishes the rows in flight and says which
rows were done) and exits with 143 (128 + SIGTERM). A worker process cannot outlive its
parent: on Linux the kernel sends it SIGKILL when the parent dies (``PR_SET_PDEATHSIG``),
and on every system a watcher thread ends it once its parent process is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from types import FrameType

#: Exit code of a command interrupted with Ctrl-C (128 + SIGINT).
EXIT_INTERRUPTED = 128 + signal.SIGINT
#: Exit code of a command stopped with SIGTERM (128 + SIGTERM).
EXIT_TERMINATED = 128 + signal.SIGTERM
#: Exit status of a worker that ended because its parent was gone.
EXIT_ORPHANED = 75
#: Seconds between two looks of the watcher thread at the parent.
WATCH_INTERVAL = 0.5
_PR_SET_PDEATHSIG = 1


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived; handled everywhere like Ctrl-C, but exits with 143."""


def exit_code(interrupt: BaseException) -> int:
    """130 for Ctrl-C, 143 for SIGTERM."""
    return EXIT_TERMINATED if isinstance(interrupt, Terminated) else EXIT_INTERRUPTED


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated("SIGTERM")


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated`; the previous handler comes back
    afterwards. Only in the main thread (elsewhere Python cannot install signal handlers
    and this does nothing)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _set_parent_death_signal() -> None:
    """Linux: have the kernel SIGKILL this process when its parent ends."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


def _watch_parent_pid(parent: int) -> None:
    """fork: the worker's parent is the main process; adopted by init, it is gone."""
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(EXIT_ORPHANED)


def _watch_sentinel(sentinel: int) -> None:
    """spawn/forkserver: the creator holds the other end of this pipe; it closes when the
    creator ends. (Not for fork: siblings forked later inherit that end, too.)"""
    multiprocessing.connection.wait([sentinel])
    os._exit(EXIT_ORPHANED)


def die_with_parent() -> None:
    """Call first thing in a worker process: the worker ends as soon as the process that
    started it is gone (killed with SIGKILL, crashed), instead of waiting forever for work
    that will never come. Does nothing in a process that is not a multiprocessing child.
    SIGTERM keeps its default in a worker (pools end their workers with it).
    """
    creator = multiprocessing.parent_process()
    if creator is None:
        return
    method = multiprocessing.get_start_method(allow_none=True) or "fork"
    if method == "forkserver":  # the direct parent is the server, not the creator
        watch: tuple[Callable[[int], None], int] = (_watch_sentinel, creator.sentinel)
    else:
        _set_parent_death_signal()
        parent = os.getppid()
        if parent != creator.pid:  # the creator died before the signal was set
            os._exit(EXIT_ORPHANED)
        watch = (
            (_watch_parent_pid, parent) if method == "fork" else (_watch_sentinel, creator.sentinel)
        )
    threading.Thread(
        target=watch[0], args=(watch[1],), name="poortwachter-parent-watch", daemon=True
    ).start()
