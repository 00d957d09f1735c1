"""Writing output files atomically: a reader never sees half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from functools import cache
from pathlib import Path

from poortwachter.errors import InputError


@cache
def _umask() -> int:
    # The only way to read the umask is to set it; do it once and put it back at once.
    current = os.umask(0o022)
    os.umask(current)
    return current


def write_atomic(path: str | Path, data: bytes | str, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    The file gets the usual permissions (0666 minus the umask), not mkstemp's 0600. With
    ``overwrite=False`` an existing file is never replaced, not even by a race: the
    temporary file is hard-linked to the target name, which fails when the name exists;
    the refusal is an :class:`InputError` with a Dutch message.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target.parent.mkdir(parents=True, exist_ok=True)
    exists = f"{target}: bestaat al; gebruik --overwrite om het te vervangen"
    # the pid in the name lets remove_orphan_temp_files find those of a killed process
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".pw-{os.getpid()}-", suffix=".tmp")
    try:  # from here on the temporary file goes, whatever happens (also Ctrl-C)
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        tmp.chmod(0o666 & ~_umask())
        if overwrite:
            tmp.replace(target)
            return target
        try:
            target.hardlink_to(tmp)
        except FileExistsError:
            raise InputError(exists) from None
        except OSError:  # a file system without hard links: check, then rename
            if target.exists():
                raise InputError(exists) from None
            tmp.replace(target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)  # noqa: PTH108 (the name exists from mkstemp on)
    return target


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def remove_orphan_temp_files(folder: str | Path) -> list[Path]:
    """Delete the temporary files of :func:`write_atomic` in ``folder`` whose process has
    died (a killed worker cannot clean up after itself); returns what was removed."""
    removed: list[Path] = []
    for tmp in Path(folder).glob(".pw-*-*.tmp"):
        pid_text = tmp.name[4:].split("-", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _alive(int(pid_text)):
            continue
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
            removed.append(tmp)
    return removed
