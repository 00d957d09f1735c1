"""--output never destroys an input; unwritable output is the user's problem (exit 2, Dutch).

Issue 12, items 1 and 2: ``signalering c.xlsx --output c.xlsx`` replaced the cases sheet,
``audit DOSSIER --output DOSSIER/02_plan_van_aanpak.docx`` a dossier document; a read-only
folder or a full disk ended in exit 3 "interne fout".
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from conftest import RunCli
from poortwachter.support import files

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "samples" / "cases.xlsx"
ZAAK = ROOT / "samples" / "zaak.yaml"
DOSSIER = ROOT / "samples" / "dossiers" / "compleet"


@pytest.fixture
def dossier(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DOSSIER, tmp_path / "dossier"))


def _unchanged(path: Path, before: bytes, code: int, err: str) -> None:
    assert code == 2, err
    assert "fout: " in err and "Traceback" not in err and "interne fout" not in err, err
    assert path.read_bytes() == before, f"{path} was changed"


def test_signalering_refuses_to_overwrite_its_cases(tmp_path: Path, run_cli: RunCli) -> None:
    cases = Path(shutil.copy(CASES, tmp_path / "c.xlsx"))
    before = cases.read_bytes()
    for output in (str(cases), str(tmp_path / "." / "c.xlsx")):
        code, _out, err = run_cli(
            "signalering", str(cases), "--format", "xlsx", "--output", output,
            "--peildatum", "2026-11-23", "--skip-invalid",
        )  # fmt: skip
        _unchanged(cases, before, code, err)
        assert "invoerbestand" in err, err


def test_a_symlink_or_hard_link_to_the_input_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    """(The rename would replace the link, not the input; refused all the same: the user
    meant the input.)"""
    cases = Path(shutil.copy(CASES, tmp_path / "c.xlsx"))
    before = cases.read_bytes()
    (tmp_path / "link.xlsx").symlink_to(cases)
    os.link(cases, tmp_path / "hard.xlsx")
    for name in ("link.xlsx", "hard.xlsx"):
        code, _out, err = run_cli(
            "signalering", str(cases), "--format", "xlsx", "--output", str(tmp_path / name),
            "--skip-invalid",
        )  # fmt: skip
        _unchanged(cases, before, code, err)
        assert "invoerbestand" in err, err


def test_timeline_refuses_to_overwrite_its_case_file(tmp_path: Path, run_cli: RunCli) -> None:
    zaak = Path(shutil.copy(ZAAK, tmp_path / "z.yaml"))
    before = zaak.read_bytes()
    code, _out, err = run_cli("timeline", "--zaak", str(zaak), "--output", str(zaak))
    _unchanged(zaak, before, code, err)


def test_audit_refuses_output_inside_the_dossier(dossier: Path, run_cli: RunCli) -> None:
    document = dossier / "02_plan_van_aanpak.docx"
    before = document.read_bytes()
    code, _out, err = run_cli("audit", str(dossier), "--output", str(document))
    _unchanged(document, before, code, err)
    assert "invoermap" in err, err
    # a new file inside the dossier would become part of the next audit: refused too
    code, _out, err = run_cli("audit", str(dossier), "--format", "html", "--output",
                              str(dossier / "toets.html"))  # fmt: skip
    assert code == 2 and not (dossier / "toets.html").exists(), err
    # a loose document given as input
    code, _out, err = run_cli("audit", str(document), "--output", str(document))
    _unchanged(document, before, code, err)


def test_output_next_to_the_input_is_fine(dossier: Path, run_cli: RunCli) -> None:
    cases = Path(shutil.copy(CASES, dossier.parent / "c.xlsx"))
    code, _out, err = run_cli("signalering", str(cases), "--format", "xlsx", "--skip-invalid",
                              "--output", str(dossier.parent / "s.xlsx"))  # fmt: skip
    assert code == 1 and (dossier.parent / "s.xlsx").exists(), err
    report = dossier.parent / "toets.json"
    code, _out, err = run_cli("audit", str(dossier), "--format", "json", "--output", str(report),
                              "--fail-on", "never")  # fmt: skip
    assert code == 0, err
    assert report.read_text("utf-8").startswith("{")


def test_rewriting_an_output_keeps_its_permissions(tmp_path: Path, run_cli: RunCli) -> None:
    target = tmp_path / "tijdlijn.json"
    target.write_text("oud", encoding="utf-8")
    target.chmod(0o600)
    code, _out, err = run_cli("timeline", "--eerste-ziektedag", "2026-01-05", "--format",
                              "json", "--output", str(target))  # fmt: skip
    assert code == 0, err
    assert target.read_text("utf-8") != "oud"
    assert target.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "nieuw.json"
    files.write_atomic(fresh, "x")
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~files._umask()


def _failing_write(number: int):  # type: ignore[no-untyped-def]
    def write(fd: int, payload: bytes) -> None:
        os.close(fd)
        raise OSError(number, os.strerror(number))

    return write


@pytest.mark.parametrize(
    ("number", "message"),
    [(errno.ENOSPC, "schijf vol"), (errno.EACCES, "geen schrijfrechten in"),
     (errno.EROFS, "geen schrijfrechten in")],
)  # fmt: skip
def test_unwritable_output_is_exit_2(
    number: int, message: str, tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "_write_all", _failing_write(number))
    target = tmp_path / "uit" / "tijdlijn.json"
    code, _out, err = run_cli("timeline", "--eerste-ziektedag", "2026-01-05", "--format",
                              "json", "--output", str(target))  # fmt: skip
    assert code == 2, err
    assert message in err and "interne fout" not in err, err
    assert list(target.parent.iterdir()) == [], "a temporary file was left"


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_read_only_folder_is_exit_2(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        code, _out, err = run_cli("timeline", "--eerste-ziektedag", "2026-01-05",
                                  "--output", str(folder / "t.txt"))  # fmt: skip
    finally:
        folder.chmod(0o700)
    assert code == 2 and f"geen schrijfrechten in {folder}" in err, err


# --- batch: a full disk stops the batch, the summary comes first; one report per run ---

BATCH_SHEET = ROOT / "samples" / "batch_plan_van_aanpak.xlsx"  # 20 rows, row 13 is bad


def _full_after(n: int):  # type: ignore[no-untyped-def]
    """A write that succeeds ``n`` times (per process), then finds the disk full."""
    real = files._write_all
    count = {"n": 0}

    def write(fd: int, payload: bytes) -> None:
        count["n"] += 1
        if count["n"] > n:
            os.close(fd)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, payload)

    return write


@pytest.mark.parametrize("workers", ["1", "2"])
def test_batch_on_a_full_disk_says_what_was_written_then_exit_2(
    workers: str, tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "_write_all", _full_after(5))
    out = tmp_path / "out"
    code, stdout, err = run_cli("batch", "plan_van_aanpak", str(BATCH_SHEET), "--out", str(out),
                                "--format", "docx", "--workers", workers)  # fmt: skip
    assert code == 2, err
    assert "interne fout" not in err and "Traceback" not in err, err
    made = sorted(out.glob("*.docx"))
    assert 5 <= len(made) < 20
    assert f"{len(made)} formulieren gemaakt" in stdout, stdout
    assert "Gestopt: " in err and "rijen niet gemaakt" in err, err
    assert err.index("Gestopt: ") < err.index("fout: schijf vol"), err
    assert not list(out.glob(".pw-*"))
    # once there is room again, the rerun makes only the rest
    monkeypatch.undo()
    code, stdout, err = run_cli("batch", "plan_van_aanpak", str(BATCH_SHEET), "--out", str(out),
                                "--format", "docx", "--workers", "1")  # fmt: skip
    assert code == 1, err
    assert f"{19 - len(made)} formulieren gemaakt, {len(made)} overgeslagen" in stdout, stdout


def test_batch_into_a_folder_it_cannot_create_is_exit_2(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "mkdir", refuse)
    code, _stdout, err = run_cli("batch", "plan_van_aanpak", str(BATCH_SHEET), "--out",
                                 str(tmp_path / "niet" / "hier"))  # fmt: skip
    assert code == 2 and "geen schrijfrechten in" in err, err


def test_every_batch_run_has_its_own_error_report(tmp_path: Path, run_cli: RunCli) -> None:
    """Two runs into one folder: two reports (named by time), each printed; before, the
    second replaced the first, and a clean rerun left the old one as if it were new."""
    out = tmp_path / "out"
    args = ["batch", "plan_van_aanpak", str(BATCH_SHEET), "--out", str(out), "--format", "docx"]
    reports = []
    for _ in range(2):
        code, _stdout, err = run_cli(*args, "--workers", "1")
        assert code == 1, err
        line = next(ln for ln in err.splitlines() if ln.startswith("Foutrapport: "))
        reports.append(line.removeprefix("Foutrapport: ").split(", "))
    assert reports[0] != reports[1]
    found = sorted(out.glob("foutrapport_plan_van_aanpak_*"))
    assert sorted(Path(p) for pair in reports for p in pair) == found
    assert len(found) == 4 and all(p.stat().st_size > 0 for p in found)
