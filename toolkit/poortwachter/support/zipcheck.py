"""Checks on zip containers (XLSX, DOCX) before any library unpacks them."""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath
from typing import IO

MAX_ENTRIES = 10_000
MAX_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200


def member_problem(info: zipfile.ZipInfo) -> str | None:
    """A Dutch reason why this one member unpacks suspiciously far (a bomb), or None."""
    if (
        info.compress_size
        and info.file_size / info.compress_size > MAX_RATIO
        and info.file_size > 1_000_000
    ):
        return (
            f"onderdeel '{info.filename}' pakt extreem uit (verhouding > {MAX_RATIO}); "
            "mogelijk een zipbom"
        )
    return None


def zip_problem(source: str | IO[bytes], *, member_ratio: bool = True) -> str | None:
    """A Dutch reason why this zip container is unsafe or broken, or None when it is fine.

    ``member_ratio=False`` leaves the per-member ratio check to the caller
    (:func:`member_problem`): a dossier zip then refuses only the one member, not the
    whole dossier; count, paths and the total size are always checked.
    """
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "is geen geldig zip-bestand (beschadigd of afgebroken)"
    if len(infos) > MAX_ENTRIES:
        return f"bevat {len(infos)} onderdelen (meer dan {MAX_ENTRIES}); mogelijk een zipbom"
    total = 0
    for info in infos:
        name = PurePosixPath(info.filename)
        if name.is_absolute() or ".." in name.parts or "\\" in info.filename:
            return f"bevat een onveilig pad '{info.filename}'"
        total += info.file_size
        problem = member_problem(info) if member_ratio else None
        if problem:
            return problem
    if total > MAX_UNCOMPRESSED:
        return f"pakt uit tot meer dan {MAX_UNCOMPRESSED // (1024 * 1024)} MB; mogelijk een zipbom"
    return None
