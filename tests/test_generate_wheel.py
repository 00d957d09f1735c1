"""The built wheel carries the templates and the installed package finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from generate_helpers import REPO
from poortwachter.domain.vocabulary import FormId

SCRIPT = """
import sys, yaml
from poortwachter.support.resources import data_path
from poortwachter.generate import render_form
print(data_path("templates", "uwv"))
data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
sys.stdout.flush()
blob = render_form("plan_van_aanpak", data, "docx")
assert blob[:2] == b"PK"
print(len(blob))
"""


@pytest.mark.slow
def test_installed_wheel_finds_bundled_templates(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(dist), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )  # fmt: skip
    [wheel] = dist.glob("poortwachter-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    for form in FormId:
        for ext in ("docx", "html"):
            assert f"poortwachter/_data/templates/uwv/{form.value}.{ext}" in names
    assert "poortwachter/_data/templates/uwv/uwv.css" in names
    # PEP 561: type checkers may use the package's hints; the licence travels with it
    assert "poortwachter/py.typed" in names
    licences = [n for n in names if n.endswith("LICENSE") and ".dist-info/" in n]
    assert licences, sorted(n for n in names if ".dist-info/" in n)
    with zipfile.ZipFile(wheel) as zf:
        assert b"EUROPEAN UNION PUBLIC LICENCE v. 1.2" in zf.read(licences[0])

    # "install" the wheel by unpacking it first on the path, away from the repository
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(REPO / "samples" / "forms" / "plan_van_aanpak.yaml")],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    templates, size = done.stdout.split()
    assert Path(templates) == site / "poortwachter" / "_data" / "templates" / "uwv"
    assert int(size) > 10_000
