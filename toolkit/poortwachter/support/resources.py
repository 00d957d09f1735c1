"""Finding the data files that travel with the package (templates, checklists).

In an installed wheel they live in ``poortwachter/_data/`` (hatch force-include); in an
editable install or a checkout they live at the top of the repository. :func:`data_path`
hides the difference.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # poortwachter/
_CANDIDATES = (_PACKAGE_DIR / "_data", _PACKAGE_DIR.parent.parent)


def data_path(*parts: str) -> Path:
    """The path of a bundled data folder or file, e.g. ``data_path("templates", "uwv")``.

    Tries the installed wheel's ``_data`` folder first, then the repository root. When the
    path exists in neither place, the wheel location is returned (so error messages show
    where the file was expected).
    """
    for base in _CANDIDATES:
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return _CANDIDATES[0].joinpath(*parts)
