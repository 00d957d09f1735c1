"""A spreadsheet from standard input (``-``): saved to a private temporary file, so that
the readers (which open an XLSX by path, sheet by sheet) see an ordinary file.

    cat zaken.xlsx | poortwachter signalering - --peildatum 2026-03-01
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from poortwachter.errors import InputError
from poortwachter.inputs.tabular import size_text

#: The spreadsheet argument that reads standard input.
STDIN = "-"
#: How messages name a spreadsheet read from standard input.
STDIN_NAME = "standaardinvoer"


@contextmanager
def spreadsheet_file(path: str | Path, max_bytes: int) -> Iterator[tuple[Path, str]]:
    """(the file to read, the name messages use) for a spreadsheet argument.

    A path is itself; ``-`` reads standard input up to ``max_bytes`` into a temporary file
    that is removed on leaving the block. Raises :class:`~poortwachter.errors.InputError`
    when standard input is empty or larger than ``max_bytes``. Whether it is CSV or XLSX
    is told from the content, as for a file.
    """
    if str(path) != STDIN:
        yield Path(path), str(path)
        return
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"{STDIN_NAME}: meer dan de grens van {size_text(max_bytes)} (verhoog die met "
            "--max-bytes)"
        )
    if not data:
        raise InputError(f"{STDIN_NAME}: er kwam niets binnen; geef een CSV- of XLSX-bestand")
    with tempfile.TemporaryDirectory(prefix="poortwachter-") as folder:
        copy = Path(folder) / STDIN_NAME
        copy.write_bytes(data)
        yield copy, STDIN_NAME
