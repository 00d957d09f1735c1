"""One scrubber for every excerpt, path and message (issue 12, item 4).

Before: the audit showed BSNs and dates of birth from titles, date lines, eerste-ziektedag
lines, medical-term excerpts and file names unmasked in text, JSON, HTML and XLSX.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import RunCli
from poortwachter.domain.privacy import MASKED_DATE, is_bsn, mask_bsn, scrub, scrub_data

BSN = "271828183"
OTHER_BSN = "111222333"
NOTATIONS = [BSN, "2718.28.183", "271 828 183", "271-828-183"]


def _check_digit_bsn(first8: int) -> str | None:
    digits = f"{first8:08d}"
    total = sum((9 - i) * int(d) for i, d in enumerate(digits))
    last = total % 11
    return digits + str(last) if last < 10 else None


valid_bsns = (
    st.integers(0, 10**8 - 1).map(_check_digit_bsn).filter(lambda b: b is not None and is_bsn(b))
)
no_digits = st.text(st.characters(blacklist_categories=("Nd", "Cs")), max_size=40)


def notation(bsn: str, style: int) -> str:
    return [
        bsn,
        f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}",
        f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}",
        f"{bsn[:3]}-{bsn[3:6]}-{bsn[6:]}",
    ][style]


def test_examples() -> None:
    assert is_bsn(BSN) and is_bsn(OTHER_BSN) and not is_bsn("123456789")
    for text in NOTATIONS:
        assert scrub(f"BSN: {text}.") == "BSN: *****8183."
    assert scrub("ordernummer 123456789") == "ordernummer 123456789"
    assert scrub("tel. 06-12345678, iban NL91ABNA0417164300") == (
        "tel. 06-12345678, iban NL91ABNA0417164300"
    )
    assert scrub(f"2026 {BSN}") == "2026 *****8183"
    assert scrub("Geboortedatum: 12-03-1975") == f"Geboortedatum: {MASKED_DATE}"
    assert scrub("geboren op 3 maart 1975 te Utrecht") == f"geboren op {MASKED_DATE} te Utrecht"
    assert scrub("Geb. 1975-03-12 | BSN 271828183", show_bsn=True) == (
        f"Geb. {MASKED_DATE} | BSN 271828183"
    )
    assert scrub("datum 12-03-2026") == "datum 12-03-2026"
    assert mask_bsn(BSN) == "*****8183" and mask_bsn(BSN, show=True) == BSN
    assert scrub_data({"n": 271828183, "s": [BSN], "t": None}) == {
        "n": 271828183,
        "s": ["*****8183"],
        "t": None,
    }


@given(valid_bsns, st.integers(0, 3), no_digits, no_digits)
def test_any_valid_bsn_in_any_notation_is_masked(
    bsn: str, style: int, before: str, after: str
) -> None:
    text = before + notation(bsn, style) + after
    out = scrub(text)
    assert out == before + "*****" + bsn[-4:] + after
    assert scrub(text, show_bsn=True) == text
    assert scrub(out) == out


@given(st.integers(0, 10**9 - 1).map(lambda n: f"{n:09d}"), no_digits, no_digits)
def test_nine_digits_that_fail_the_11_test_stay(digits: str, before: str, after: str) -> None:
    if is_bsn(digits):
        return
    text = before + digits + after
    assert scrub(text) == text


@given(valid_bsns, st.lists(valid_bsns, max_size=3), st.text(max_size=60))
def test_no_valid_bsn_survives_in_arbitrary_text(bsn: str, more: list[str], noise: str) -> None:
    text = " ".join([noise, bsn, *more, noise])
    out = scrub(text)
    for b in [bsn, *more]:
        assert b not in re.sub(r"[ .\-]", "", out) or b in re.sub(r"[ .\-]", "", noise)


# --- end to end: an audit of a dossier full of BSNs and a date of birth ---------------


@pytest.fixture
def leaky_dossier(tmp_path: Path) -> Path:
    folder = tmp_path / "dossier"
    folder.mkdir()
    doc = DocxDocument()
    doc.add_heading("Plan van aanpak 271 828 183", level=1)
    doc.add_paragraph("Datum: 20-02-2026 (dossier 2718.28.183)")
    doc.add_paragraph("Werknemer: Jan Jansen, geboren 12-03-1975, BSN 271828183")
    doc.add_paragraph("Eerste ziektedag: 05-01-2026 (271-828-183)")
    doc.add_paragraph("De werknemer heeft een hernia; BSN 271828183 afgesproken is opbouw.")
    doc.save(str(folder / f"{BSN}_plan_van_aanpak.docx"))
    return folder


def _leaks(text: str) -> list[str]:
    flat = re.sub(r"[ .\-]", "", text)
    found = [BSN] if BSN in flat else []
    return found + [d for d in ("12-03-1975", "12031975") if d in text]


@pytest.mark.parametrize("fmt", ["text", "json", "html", "xlsx"])
def test_audit_reports_show_no_bsn_or_birth_date(
    fmt: str, leaky_dossier: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    out = tmp_path / f"toets.{fmt}"
    args = ["audit", str(leaky_dossier), "--format", fmt, "--fail-on", "never"]
    code, stdout, err = run_cli(*args, "--output", str(out))
    assert code == 0, err
    if fmt == "xlsx":
        wb = load_workbook(out)
        text = "\n".join(
            str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for c in row
        )
    else:
        text = out.read_text("utf-8")
    if fmt == "json":
        json.loads(text)
    assert _leaks(text + stdout + err) == [], text
    assert "*****8183" in text  # the file name, at least, is shown masked
    assert "hernia" in text  # the medical-terms finding names the term ...
    assert "afgesproken" not in text  # ... without the sentence around it
    # --toon-bsn shows the BSNs (never the date of birth)
    code, _stdout, err = run_cli(*args, "--output", str(out), "--toon-bsn")
    assert code == 0, err
    shown = (
        "\n".join(
            str(c)
            for ws in load_workbook(out).worksheets
            for row in ws.iter_rows(values_only=True)
            for c in row
        )
        if fmt == "xlsx"
        else out.read_text("utf-8")
    )
    assert BSN in shown and "12-03-1975" not in shown


def test_messages_scrub_file_names(tmp_path: Path, run_cli: RunCli) -> None:
    missing = tmp_path / f"zaken_{BSN}.csv"
    missing.write_bytes(b"")
    code, _out, err = run_cli("signalering", str(missing))
    assert code == 2 and "*****8183" in err and BSN not in err, err


@pytest.mark.parametrize("fmt", ["table", "json", "xlsx"])
def test_signalering_scrubs_dossier_and_name(fmt: str, tmp_path: Path, run_cli: RunCli) -> None:
    cases = tmp_path / "zaken.csv"
    cases.write_text(
        "dossier;naam;eerste_ziektedag\n2718.28.183;Jan (271828183);2026-01-05\n", "utf-8"
    )
    out = tmp_path / f"s.{fmt}"
    for show in (False, True):
        extra = ["--toon-bsn"] if show else []
        code, _o, err = run_cli("signalering", str(cases), "--format", fmt, "--peildatum",
                                "2026-06-01", "--output", str(out), *extra)  # fmt: skip
        assert code == 0, err
        if fmt == "xlsx":
            text = " ".join(
                str(c) for row in load_workbook(out).active.iter_rows(values_only=True) for c in row
            )
        else:
            text = out.read_text("utf-8")
        assert (BSN in re.sub(r"[ .\-]", "", text)) is show, text
        assert show or "*****8183" in text
