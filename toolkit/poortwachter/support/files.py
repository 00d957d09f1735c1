"""Writing output files atomically: a reader never sees half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from poortwachter.errors import InputError, OutputError

_NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


@cache
def _umask() -> int:
    # The only way to read the umask is to set it; do it once and put it back at once.
    current = os.umask(0o022)
    os.umask(current)
    return current


def output_problem(exc: OSError, target: str | Path) -> OutputError:
    """The Dutch :class:`OutputError` for an operating-system error while writing
    ``target``: no permission / read-only, disk full, or the system's own reason."""
    path = Path(target)
    folder = path.parent
    if exc.errno in _NO_PERMISSION:
        return OutputError(
            f"geen schrijfrechten in {folder}: {path.name} kan niet geschreven worden"
        )
    if exc.errno in _DISK_FULL:
        return OutputError(f"schijf vol: {path} kan niet geschreven worden (maak ruimte vrij)")
    reason = exc.strerror or type(exc).__name__
    return OutputError(f"{path} kan niet geschreven worden ({reason})")


@contextlib.contextmanager
def writing(target: str | Path) -> Iterator[None]:
    """Turn an :class:`OSError` in the block into :func:`output_problem` (exit 2)."""
    try:
        yield
    except OSError as exc:
        raise output_problem(exc, target) from None


def write_atomic(path: str | Path, data: bytes | str, *, overwrite: bool = True) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A new file gets the usual permissions (0666 minus the umask), not mkstemp's 0600; a
    file that is replaced keeps its own (a 0600 file stays 0600). With ``overwrite=False``
    an existing file is never replaced, not even by a race: the temporary file is
    hard-linked to the target name, which fails when the name exists; the refusal is an
    :class:`InputError` with a Dutch message. No permission, a read-only or a full disk is
    an :class:`OutputError` (no half file is left).
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with writing(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        # the pid in the name lets remove_orphan_temp_files find those of a killed process
        fd, tmp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".pw-{os.getpid()}-", suffix=".tmp"
        )
    try:  # from here on the temporary file goes, whatever happens (also Ctrl-C)
        tmp = Path(tmp_name)
        with writing(target):
            _write_all(fd, payload)
            tmp.chmod(mode)
            if overwrite:
                tmp.replace(target)
                return target
        _link_new(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)  # noqa: PTH108 (the name exists from mkstemp on)
    return target


def _write_all(fd: int, payload: bytes) -> None:
    with os.fdopen(fd, "wb") as fh:
        fh.write(payload)


def _link_new(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the name ``target`` only if that name does not exist yet."""
    exists = f"{target}: bestaat al; gebruik --overwrite om het te vervangen"
    try:
        target.hardlink_to(tmp)
    except FileExistsError:
        raise InputError(exists) from None
    except OSError as exc:
        if exc.errno in _NO_PERMISSION | _DISK_FULL:
            raise output_problem(exc, target) from None
        # a file system without hard links: check, then rename
        if target.exists():
            raise InputError(exists) from None
        with writing(target):
            tmp.replace(target)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def check_output_target(
    output: str | Path | None, inputs: Iterable[str | Path] = (), *, option: str = "--output"
) -> None:
    """Refuse (:class:`OutputError`, exit 2) an output file that is one of the ``inputs``
    or lies inside an input folder (a dossier): writing it would destroy what was read,
    or put a report into the dossier that is checked. Call before any work is done."""
    if output is None or str(output) == "-":  # '-' is standard output
        return
    out = Path(output)
    problems: list[str] = []
    for raw in inputs:
        source = Path(raw)
        if source.is_dir():
            inside = out.resolve().is_relative_to(source.resolve())
            if inside:
                problems.append(
                    f"{option} {out} ligt in de invoermap {source}: kies een bestand buiten "
                    "het dossier (anders komt het rapport in het dossier terecht)"
                )
        elif _same_file(out, source):
            problems.append(
                f"{option} {out} is ook een invoerbestand ({source}): dat zou overschreven "
                "worden; kies een ander bestand"
            )
    if problems:
        raise OutputError(problems)


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
