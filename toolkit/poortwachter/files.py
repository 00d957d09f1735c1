"""Writing output files atomically: a reader never sees half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes | str, *, overwrite: bool = True) -> Path:
    """Write to a temporary file in the same folder, then rename it into place.

    With ``overwrite=False`` an existing file is left alone and ``FileExistsError`` raised.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        if overwrite:
            Path(tmp).replace(target)
        else:
            target.hardlink_to(tmp)  # fails with FileExistsError, atomically
            Path(tmp).unlink()
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise
    return target
