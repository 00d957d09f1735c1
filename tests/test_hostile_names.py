"""Hostile file and zip-entry names (issue 12, item 10).

Before: a Latin-1 file name made ``audit --output`` end in exit 3 in every format; a
control character in a file or zip-entry name made ``--format xlsx`` fail (the overview of
every dossier lost); in text output names reached the terminal raw (ESC sequences, and a
newline that forged a "[BLOKKEREND]" line).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import RunCli
from poortwachter.support.textsafe import decoded_name, escape_controls, printable

FORGED = "a\n[BLOKKEREND] NEP-001: dit dossier is vervalst.docx"
NAMES = [
    "\x1b]0;gekaapt\x07titel.docx",
    "\x1b[2J\x1b[31mwissen.docx",
    FORGED,
    "omgekeerd\u202excod.pdf",
]


@pytest.fixture
def hostile_dossier(tmp_path: Path) -> Path:
    folder = tmp_path / "dossier"
    folder.mkdir()
    for name in NAMES:
        (folder / name).write_bytes(b"geen echt document")
    latin1 = os.path.join(os.fsencode(folder), b"caf\xe9_probleemanalyse.txt")
    with open(latin1, "wb") as fh:
        fh.write(b"Probleemanalyse\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("\x1b[31mrood\x0bbestand.txt", "tekst")
    (folder / "bijlagen.zip").write_bytes(buf.getvalue())
    return folder


def _text(path: Path, fmt: str) -> str:
    if fmt == "xlsx":
        wb = load_workbook(path)
        return "\n".join(
            str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row
        )
    return path.read_text("utf-8")


@pytest.mark.parametrize("fmt", ["text", "json", "html", "xlsx"])
def test_audit_shows_hostile_names_escaped(
    fmt: str, hostile_dossier: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    out = tmp_path / f"toets.{fmt}"
    code, stdout, err = run_cli("audit", str(hostile_dossier), "--format", fmt,
                                "--fail-on", "never", "--output", str(out))  # fmt: skip
    assert code == 0, err
    text = _text(out, fmt)
    for raw in ("\x1b", "\x07", "\x0b", "\u202e", "\udce9"):
        assert raw not in text + stdout + err, repr(raw)
    assert not any(line.startswith("[BLOKKEREND] NEP-001") for line in text.splitlines())
    assert "café_probleemanalyse.txt" in text  # Latin-1 decoded
    assert "\\x1b]0;gekaapt\\x07titel.docx" in text.replace("\\\\", "\\")
    assert "rood\\x0bbestand.txt" in text.replace("\\\\", "\\")


def test_text_report_on_the_terminal(hostile_dossier: Path, run_cli: RunCli) -> None:
    code, stdout, err = run_cli("audit", str(hostile_dossier), "--fail-on", "never")
    assert code == 0, err
    assert "\x1b" not in stdout and "\\x0a[BLOKKEREND] NEP-001" in stdout
    assert not any(line.startswith("[BLOKKEREND] NEP-001") for line in stdout.splitlines())


def test_an_error_message_does_not_forge_lines(tmp_path: Path, run_cli: RunCli) -> None:
    code, _out, err = run_cli("audit", str(tmp_path / "\x1b[2Jweg\nfout: vals"))
    assert code == 2 and "\x1b" not in err, err
    assert not any(line.startswith("fout: vals") for line in err.splitlines()), err


@given(st.text())
def test_printable_never_lets_a_control_through(name: str) -> None:
    shown = printable(name)
    assert shown.isprintable()
    assert printable(shown) == shown
    if name.isprintable():
        assert shown == name


def test_decoding_and_cells() -> None:
    assert decoded_name(os.fsdecode(b"caf\xe9")) == "café"
    assert decoded_name(os.fsdecode("café".encode())) == "café"
    assert escape_controls("a\x01b\tc", keep="\t") == "a\\x01b\tc"
