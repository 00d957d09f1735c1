"""The installed console script and ``python -m poortwachter`` as a user runs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_python_dash_m_timeline_json() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "poortwachter",
            "timeline",
            "--eerste-ziektedag",
            "2026-01-01",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert {m["id"]: m["due"] for m in doc["milestones"]}["wia_aanvraag"] == "2027-10-13"


def test_console_script_bad_input_exit_2_without_traceback() -> None:
    exe = shutil.which("poortwachter", path=str(Path(sys.executable).parent))
    assert exe, "console script not installed next to the interpreter"
    proc = subprocess.run(
        [exe, "signalering", str(REPO / "README.md")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "README.md" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_console_script_signalering_writes_xlsx(tmp_path: Path) -> None:
    exe = shutil.which("poortwachter", path=str(Path(sys.executable).parent))
    assert exe
    out = tmp_path / "s.xlsx"
    proc = subprocess.run(
        [
            exe,
            "signalering",
            str(REPO / "samples" / "cases.xlsx"),
            "--peildatum",
            "2026-11-23",
            "--skip-invalid",
            "--format",
            "xlsx",
            "--output",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr  # the sample holds one deliberately bad row
    assert out.stat().st_size > 1000


@pytest.mark.slow
def test_wheel_installs_and_carries_its_data(tmp_path: Path) -> None:
    """Build the wheel, install it into a fresh virtualenv, run it from outside the repo."""
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(REPO),
        ],
        check=True,
        timeout=300,
    )
    wheel = next(dist.glob("poortwachter-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        timeout=300,
    )
    # Dependencies come from the development environment, but not its editable poortwachter:
    # a .pth inside a plain path entry is never executed, so only the wheel's copy is found.
    site = next((venv / "lib").glob("python*/site-packages"))
    dev_site = next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    (site / "zz_dev_deps.pth").write_text(dev_site + "\n", encoding="utf-8")
    probe = (
        "import poortwachter, pathlib; from poortwachter.support.resources import data_path;"
        "print(pathlib.Path(poortwachter.__file__).resolve());"
        "print(data_path('templates', 'uwv'));"
        "print(data_path('checklists'))"
    )
    proc = subprocess.run(
        [str(py), "-c", probe], capture_output=True, text=True, cwd=tmp_path, check=True, timeout=60
    )
    pkg, templates, checklists = (Path(line) for line in proc.stdout.splitlines())
    assert str(pkg).startswith(str(site.resolve())), pkg
    assert templates.is_dir() and str(templates).startswith(str(site.resolve()))
    assert any(templates.glob("*.docx")), "templates/uwv travels in the wheel"
    assert str(checklists).startswith(str(site.resolve()))
    exe = venv / "bin" / "poortwachter"
    proc = subprocess.run(
        [str(exe), "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("poortwachter ")
    proc = subprocess.run(
        [str(exe), "timeline", "--eerste-ziektedag", "2026-01-01", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr


def test_library_logging_is_silent_until_the_caller_configures_it() -> None:
    """The package logger has a NullHandler: a script sees warnings only when it asks."""
    code = (
        "import logging, poortwachter\n"
        "logging.getLogger('poortwachter.audit').warning('stil')\n"
        "logging.basicConfig()\n"
        "logging.getLogger('poortwachter.audit').warning('hoorbaar')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert "stil" not in done.stderr
    assert "hoorbaar" in done.stderr


def test_shell_completion_script_as_the_readme_says() -> None:
    """README: eval "$(_POORTWACHTER_COMPLETE=bash_source poortwachter)"."""
    exe = shutil.which("poortwachter", path=str(Path(sys.executable).parent))
    assert exe is not None
    done = subprocess.run(
        [exe],
        env={**os.environ, "_POORTWACHTER_COMPLETE": "bash_source"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "_poortwachter_completion" in done.stdout and "complete " in done.stdout
