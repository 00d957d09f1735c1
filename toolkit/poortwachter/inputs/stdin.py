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
from typing import BinaryIO

from poortwachter.errors import InputError

#: The spreadsheet argument that reads standard input.
STDIN = "-"
#: How messages name a spreadsheet read from standard input.
STDIN_NAME = "standaardinvoer"


def _size(n: int) -> str:
    """``1048576`` → ``'1 MB'``; below a megabyte in bytes (``'512 bytes'``)."""
    mb = 1024 * 1024
    return f"{n // mb} MB" if n >= mb else f"{n} bytes"


@contextmanager
def spreadsheet_file(
    path: str | Path, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[tuple[Path, str]]:
    """(the file to read, the name messages use) for a spreadsheet argument.

    A path is itself; ``-`` reads ``stdin`` (default: standard input) up to ``max_bytes``
    into a temporary file that is removed on leaving the block. Raises
    :class:`~poortwachter.errors.InputError` when standard input is empty or larger than
    ``max_bytes``. Whether it is CSV or XLSX is told from the content, as for a file.
    """
    if str(path) != STDIN:
        yield Path(path), str(path)
        return
    source = stdin if stdin is not None else sys.stdin.buffer
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"{STDIN_NAME}: meer dan de grens van {_size(max_bytes)} (verhoog die met --max-bytes)"
        )
    if not data:
        raise InputError(f"{STDIN_NAME}: er kwam niets binnen; geef een CSV- of XLSX-bestand")
    with tempfile.TemporaryDirectory(prefix="poortwachter-") as folder:
        copy = Path(folder) / STDIN_NAME
        copy.write_bytes(data)
        yield copy, STDIN_NAME
