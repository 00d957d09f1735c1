"""Where the form templates are found: the user's own folder first (house style), else the
ones bundled with the package."""

from __future__ import annotations

from pathlib import Path

from poortwachter.errors import InputError
from poortwachter.support.resources import data_path


def bundled_templates_dir() -> Path:
    """The templates shipped with the package."""
    return data_path("templates", "uwv")


def find_template(name: str, templates_dir: str | Path | None = None) -> Path:
    """A template file: the user's folder first (house style), else the bundled one."""
    if templates_dir is not None:
        own = Path(templates_dir) / name
        if own.is_file():
            from poortwachter.generate.template_safety import outside_folder

            problem = outside_folder(own, Path(templates_dir))
            if problem:
                raise InputError(f"sjabloon {own}: {problem}")
            return own
    bundled = bundled_templates_dir() / name
    if bundled.is_file():
        return bundled
    where = f"{templates_dir} en {bundled.parent}" if templates_dir else str(bundled.parent)
    raise InputError(f"sjabloon '{name}' niet gevonden in {where}")
