"""Documents made by LibreOffice (issue 11, remainder C): tests/fixtures/libreoffice/ holds
DOCX and PDF files that LibreOffice converted from flat ODF (make_fixtures.py there made
them; these tests need no LibreOffice). Each is audited in the complete sample dossier or
as the whole RIV: the right kinds, parts, signers, and no false alarms."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

import dossier_fixtures as F
from audit_helpers import MS, ROOT, audit, pdfium_off, rules_of
from poortwachter.audit.model import Document

FIXTURES = ROOT / "tests/fixtures/libreoffice"
RIV_KINDS = [
    "riv_formulier",
    "probleemanalyse",
    "plan_van_aanpak",
    "eerstejaarsevaluatie",
    "arbeidsdeskundig_rapport",
    "spoor2_rapport",
    "actueel_oordeel",
    "eindevaluatie",
    "oordeel_werknemer",
]
FORMATS = ["docx", "pdf"]


def _roles(doc: Document) -> set[str | None]:
    return {s.role for s in doc.signers}


@pytest.mark.parametrize("ext", FORMATS)
def test_the_fixtures_are_libreoffices_own_and_small(ext: str) -> None:
    files = sorted(FIXTURES.glob(f"*.{ext}"))
    assert len(files) == 4
    for path in files:
        assert path.stat().st_size < 50_000, path
        if ext == "docx":
            with zipfile.ZipFile(path) as z:
                assert b"LibreOffice" in z.read("docProps/app.xml"), path
        else:
            producer = PdfReader(path).metadata.producer  # type: ignore[union-attr]
            assert "LibreOffice" in str(producer), path


@pytest.mark.parametrize("ext", FORMATS)
def test_the_whole_riv_in_one_file_with_page_breaks(ext: str, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / f"riv_compleet.{ext}", tmp_path)
    MS.write_xlsx(MS.activity_rows(date(2026, 2, 16), date(2027, 9, 20)), tmp_path / "log.xlsx")
    result = audit(tmp_path)
    assert rules_of(result) == []
    parts = [d for d in result.documents if d.path.startswith("riv_compleet")]
    assert [d.kind.value for d in parts] == RIV_KINDS
    if ext == "pdf":  # one part a page, each after a page break
        assert [d.page_range for d in parts] == [str(n) for n in range(1, 10)]
    else:  # paragraph ranges that follow each other from the first paragraph
        starts = [d.first_line for d in parts]
        assert starts[0] == 1
        for part, following in zip(parts, starts[1:], strict=False):
            assert part.first_line + part.line_count == following, part.label
    by_kind = {d.kind.value: d for d in parts}
    for kind in ("plan_van_aanpak", "eerstejaarsevaluatie", "eindevaluatie"):
        assert {"werkgever", "werknemer"} <= _roles(by_kind[kind]), kind
    assert any(s.name == MS.NAAM for s in by_kind["oordeel_werknemer"].signers)


@pytest.mark.parametrize("ext", [*FORMATS, "pdf-pypdf"])
@pytest.mark.parametrize(
    ("name", "rules", "signers"),
    [
        ("pva_kolommen", [], {"werkgever", "werknemer", "casemanager"}),
        # the werknemer's date and signature cells (middle column) are empty
        ("pva_kolommen_werknemer_leeg", ["PVA-003"], {"werkgever", "casemanager"}),
        # the visie werknemer is a placeholder field, its choices unticked boxes
        ("pva_vakjes", ["PVA-005"], {"werkgever", "werknemer"}),
    ],
)
def test_a_libreoffice_plan_van_aanpak_in_the_sample_dossier(
    name: str, rules: list[str], signers: set[str], ext: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    if ext == "pdf-pypdf":  # pdfium cannot read the file: pypdf's text, placed by position
        pdfium_off(monkeypatch)
        ext = "pdf"
    F.base(tmp_path, ["02_"])
    shutil.copy(FIXTURES / f"{name}.{ext}", tmp_path / f"02_{name}.{ext}")
    result = audit(tmp_path)
    assert rules_of(result) == rules
    (pva,) = [d for d in result.documents if d.path == f"02_{name}.{ext}"]
    assert pva.kind.value == "plan_van_aanpak"
    assert _roles(pva) == signers
    werkgever = next(s for s in pva.signers if s.role == "werkgever")
    # LibreOffice wraps "HR-manager" at its hyphen in a narrow cell; pdfium marks it U+FFFE
    assert (werkgever.name, werkgever.function) == ("Piet de Vries", "HR-manager")
