"""`make bench`: run every benchmark script in this folder, each printing its own table.

Sizes can be lowered for a quick look: ``BENCH_QUICK=1 make bench``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

QUICK_ARGS = {
    "bench_signalering.py": ["10000", "1000"],
    "bench_audit.py": ["--dossiers", "10", "--repeat", "1"],
}


def main() -> int:
    here = Path(__file__).resolve().parent
    quick = bool(os.environ.get("BENCH_QUICK"))
    failed = 0
    for script in sorted(here.glob("bench_*.py")):
        args = QUICK_ARGS.get(script.name, []) if quick else []
        print(f"\n=== {script.name} {' '.join(args)}", flush=True)
        failed += subprocess.run([sys.executable, str(script), *args], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
