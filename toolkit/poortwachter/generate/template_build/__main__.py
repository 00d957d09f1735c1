"""``python -m poortwachter.generate.template_build [MAP]``: rebuild the form templates."""

from __future__ import annotations

import sys
from pathlib import Path

from poortwachter.generate.template_build import build_all


def main(argv: list[str]) -> int:
    """Write the templates into ``argv[0]`` (default: the bundled folder); print each path."""
    out_dir = Path(argv[0]) if argv else None
    for path in build_all(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
