"""``python dying_worker.py ROW ARGS...``: the poortwachter command with ARGS, in which a batch
worker process that reaches row ROW ends itself at once (``os._exit``), like a worker killed
by the system. The main process never ends itself: with one worker nothing happens.

The fault is injected here, in the test, by wrapping the worker's row function before the
command starts (worker processes are forked and inherit it); production code has no hook.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from typing import Any

from poortwachter.generate.batch import worker


def main() -> None:
    row = int(sys.argv[1])
    real = worker.process_row

    def dying(job: Any, task: Any) -> Any:
        if task.row == row and multiprocessing.parent_process() is not None:
            os._exit(70)
        return real(job, task)

    worker.process_row = dying
    from poortwachter.cli import main as cli_main

    sys.argv = ["poortwachter", *sys.argv[2:]]
    cli_main()


if __name__ == "__main__":
    main()
