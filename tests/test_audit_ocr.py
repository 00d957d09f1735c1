"""OCR of scans (the ``ocr`` extra, which ``make test`` installs): a scanned plan van aanpak
drawn here with Pillow at 200 dpi (rotated, noisy, a shaded signature table), as a PDF
without text layer and as a JPG. Without OCR, a scan says how to enable it; a missing model
is a Dutch error and never a network call."""

from __future__ import annotations

import importlib.util
import json
import logging
import socket
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from audit_helpers import PEILDATUM, ROOT, audit
from poortwachter.audit.intake import ocr
from poortwachter.audit.intake.readers.image import read_image
from poortwachter.audit.intake.readers.pdf import read_pdf
from poortwachter.audit.limits import Limits
from poortwachter.domain.vocabulary import DocumentKind
from poortwachter.report.audit import html as audit_html
from poortwachter.report.audit import text as audit_text
from poortwachter.report.audit import xlsx as audit_xlsx


def _scans_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "poortwachter_make_scans", ROOT / "samples/dossiers/make_scans.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SCANS = _scans_module()
NAME = "Anouk van der Wiel-Özdemir"


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dossier of two scans of the same plan van aanpak: a PDF and a JPG."""
    folder = tmp_path_factory.mktemp("scans")
    image = SCANS.scan_image("Plan van aanpak", SCANS.PVA_LINES, SCANS.PVA_SIGNATURES)
    SCANS.write_pdf([image], folder / "scan_0001.pdf")
    photo = SCANS.scan_image(
        "Plan van aanpak", SCANS.PVA_LINES, SCANS.PVA_SIGNATURES, seed=2, angle=-0.8
    )
    SCANS.write_jpg(photo, folder / "IMG_2026.jpg")
    return folder


def _no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every attempt to open a connection is recorded and refused."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object) -> None:
        attempts.append(address)
        raise OSError("geen netwerk in deze test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a))  # type: ignore[arg-type]
    return attempts


@pytest.mark.slow
def test_scanned_pdf_and_jpg_are_read_with_ocr(
    scans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = _no_network(monkeypatch)
    result = audit(scans)
    assert attempts == []
    docs = {d.path: d for d in result.documents}
    for name in ("scan_0001.pdf", "IMG_2026.jpg"):
        doc = docs[name]
        assert doc.readable and doc.ocr and doc.scan, (name, doc.reason)
        assert doc.kind is DocumentKind.PLAN_VAN_AANPAK, (name, doc.text[:200])
        assert doc.date == date(2026, 2, 12), name
        assert NAME in doc.text
        assert "Werknemer | Anouk van der Wiel-Özdemir | 12-02-2026" in doc.text
    assert result.werknemer_naam == NAME
    assert result.eerste_ziektedag == date(2026, 1, 5)
    assert not [f for f in result.findings if f.rule == "READ-001"]

    data = result.to_dict()
    schema = json.loads((ROOT / "checklists/audit-report.schema.json").read_text())
    jsonschema.validate(data, schema)
    documents = data["documents"]
    assert isinstance(documents, list)
    assert [d.get("ocr") for d in documents] == [True, True]
    assert "gelezen met OCR" in audit_text.render(result)
    assert "gelezen met OCR" in audit_html.render(result)
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(audit_xlsx.render([result])))["Overzicht"]
    assert sheet.cell(1, 11).value == "Met OCR gelezen"
    assert set(str(sheet.cell(2, 11).value).split(", ")) == {"scan_0001.pdf", "IMG_2026.jpg"}


def test_without_ocr_a_scan_is_not_checked_and_says_how_to_enable_it(
    scans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ocr, "model_folder", lambda: None)  # as without the extra
    result = audit(scans, peildatum=PEILDATUM)
    for doc in result.documents:
        assert not doc.readable and doc.scan and not doc.ocr
        assert "pip install 'poortwachter[ocr]'" in (doc.reason or "")
        assert "inhoud is niet gecontroleerd" in (doc.reason or "")
        assert "UWV neemt scans wel aan" in (doc.reason or "")
    text = audit_text.render(result)
    assert "INHOUD NIET GECONTROLEERD" in text and "ONLEESBAAR" not in text
    documents = result.to_dict()["documents"]
    assert isinstance(documents, list) and all("ocr" not in d for d in documents)


def test_ocr_can_be_switched_off_from_the_command_line(
    scans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_ocr(image: object) -> str:
        raise AssertionError("OCR ran although it is switched off")

    monkeypatch.setattr(ocr, "recognise", no_ocr)
    from test_audit_cli import run

    code, out = run(
        "audit", str(scans), "--ocr-max-pages", "0", "--format", "json", "--fail-on", "never"
    )
    assert code == 0, out
    docs = json.loads(out)["documents"]
    assert all("OCR staat uit (--ocr-max-pages 0)" in d["reason"] for d in docs)


def test_a_missing_model_is_a_dutch_error_and_no_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scans: Path
) -> None:
    attempts = _no_network(monkeypatch)
    empty = tmp_path / "models"
    empty.mkdir()
    monkeypatch.setattr(ocr, "model_folder", lambda: empty)
    problem = ocr.ocr_problem()
    assert problem and "ontbreekt" in problem and "nooit gedownload" in problem
    with pytest.raises(ocr.OcrUnavailable, match="ontbreekt"):
        ocr.engine()
    doc = read_image((scans / "IMG_2026.jpg").read_bytes(), "IMG_2026.jpg")
    assert not doc.readable and "ontbreekt" in (doc.reason or "")
    assert attempts == []


@pytest.mark.slow
def test_the_engine_uses_the_wheels_models_and_cannot_download(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import Image
    from rapidocr.utils.download_file import DownloadFile, DownloadFileInput

    attempts = _no_network(monkeypatch)
    folder = ocr.model_folder()
    assert folder is not None and folder.parent.name == "rapidocr"
    engine = ocr.engine()
    assert ocr.recognise(Image.new("L", (200, 60), 255)) == ""  # runs, finds nothing
    with pytest.raises(ocr.OcrUnavailable, match="downloaden"):
        DownloadFile.run(
            DownloadFileInput(
                file_url="https://example.org/m.onnx",
                sha256=None,
                save_path=folder / "x.onnx",
                logger=logging.getLogger(__name__),
            )
        )
    assert attempts == []
    assert engine is ocr.engine()  # built once per process


def _fake_ocr(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The recogniser replaced (these tests are about the budget, not the OCR): every
    page reads as a scanned page; the sizes of the images it got."""
    calls: list[tuple[int, int]] = []

    def fake(image: Any) -> str:
        calls.append(image.size)
        return "Bijlage, gelezen van een gescande pagina met OCR"

    monkeypatch.setattr(ocr, "recognise", fake)
    return calls


def _scanned_pages(n: int, path: Path) -> bytes:
    pages = [SCANS.scan_image(f"Bijlage {i}", ["tekst"], [], height=400) for i in range(n)]
    SCANS.write_pdf(pages, path)
    return path.read_bytes()


def test_ocr_budget_pages_and_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three scanned pages, OCR allowed for two: the third stays a scan and the report says
    which budget ran out and how to raise it."""
    calls = _fake_ocr(monkeypatch)
    data = _scanned_pages(3, tmp_path / "bijlagen.pdf")
    doc = read_pdf(data, "bijlagen.pdf", Limits(ocr_pages=2))
    assert len(calls) == 2 and doc.ocr_pages == [0, 1] and doc.scanned_pages == [2]
    assert "OCR-budget van het dossier is op (2 gescande pagina's)" in (doc.reason or "")
    assert "--ocr-max-pages" in (doc.reason or "")
    width, _height = calls[0]
    assert 1600 <= width <= 1700  # rendered at 200 dpi

    # the first page takes 99 CPU seconds of a budget of 3 × 1: the others are not read
    clock = iter([0.0, 99.0, 99.0, 99.0])
    monkeypatch.setattr(time, "process_time", lambda: next(clock))
    doc = read_pdf(data, "bijlagen.pdf", Limits(ocr_pages=3, ocr_seconds_per_page=1.0))
    assert doc.ocr_pages == [0]
    assert "OCR-budget van het dossier is op (3 CPU-seconden" in (doc.reason or "")
    assert "--ocr-timeout" in (doc.reason or "")


def test_one_ocr_budget_for_the_whole_dossier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four scans in three files (a PDF of two pages, another PDF, a JPG) with a budget of
    three pages for the dossier: three pages are read, whichever file they are in, and the
    scan after them is "inhoud niet gecontroleerd" with the budget in its reason. Each file
    on its own would have been within the budget."""
    calls = _fake_ocr(monkeypatch)
    folder = tmp_path / "dossier"
    folder.mkdir()
    _scanned_pages(2, folder / "a_bijlagen.pdf")
    _scanned_pages(1, folder / "b_bijlage.pdf")
    photo = SCANS.scan_image("Bijlage foto", ["tekst"], [], height=400)
    SCANS.write_jpg(photo, folder / "c_foto.jpg")
    result = audit(folder, limits=Limits(ocr_pages=3))
    assert len(calls) == 3
    docs = {d.path: d for d in result.documents}
    assert docs["a_bijlagen.pdf"].ocr and docs["b_bijlage.pdf"].ocr
    photo_doc = docs["c_foto.jpg"]
    assert not photo_doc.readable and photo_doc.scan and not photo_doc.ocr
    reason = photo_doc.reason or ""
    assert "inhoud is niet gecontroleerd" in reason
    assert "OCR-budget van het dossier is op (3 gescande pagina's)" in reason
    assert "verhoog het met --ocr-max-pages" in reason
    text = audit_text.render(result)
    assert "INHOUD NIET GECONTROLEERD" in text and "OCR-budget van het dossier" in text

    # the next dossier gets a budget of its own
    calls.clear()
    again = audit(folder, limits=Limits(ocr_pages=3))
    assert len(calls) == 3 and not {d.path: d for d in again.documents}["c_foto.jpg"].ocr


def test_the_dossier_budget_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fake_ocr(monkeypatch)
    _scanned_pages(2, tmp_path / "a.pdf")
    _scanned_pages(2, tmp_path / "b.pdf")
    from test_audit_cli import run

    code, out = run(
        "audit", str(tmp_path), "--ocr-max-pages", "3", "--format", "json", "--fail-on", "never"
    )
    assert code == 0, out
    assert len(calls) == 3
    docs = {d["path"]: d for d in json.loads(out)["documents"]}
    assert docs["a.pdf"].get("ocr") is True
    b = [d for path, d in docs.items() if path.startswith("b.pdf")]
    assert any("OCR-budget van het dossier is op (3 gescande pagina's)" in str(d) for d in b)


def test_a_huge_page_is_rendered_within_the_pixel_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PIL import Image

    Image.new("L", (3000, 3000), 255).save(tmp_path / "groot.pdf", "PDF", resolution=5)
    sizes: list[int] = []

    def fake(image: Image.Image) -> str:
        sizes.append(image.width * image.height)
        return ""

    monkeypatch.setattr(ocr, "recognise", fake)
    read_pdf((tmp_path / "groot.pdf").read_bytes(), "groot.pdf")
    assert sizes and sizes[0] <= ocr.MAX_PIXELS  # the page is 600 × 600 inch


def test_a_huge_or_broken_image_is_refused_before_decoding(tmp_path: Path) -> None:
    from PIL import Image

    Image.new("1", (10_000, 10_000), 1).save(tmp_path / "groot.png")
    doc = read_image((tmp_path / "groot.png").read_bytes(), "groot.png")
    assert not doc.readable and "te groot" in (doc.reason or "")
    doc = read_image(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "kapot.png")
    assert not doc.readable and not doc.scan and "beschadigde afbeelding" in (doc.reason or "")


@pytest.mark.parametrize(
    ("ocr_text", "fixed"),
    [
        ("Eerste ziektedag: 5januari2026", "Eerste ziektedag: 5 januari 2026"),
        ("op 12 februari2026 en 3mrt 2027", "op 12 februari 2026 en 3 mrt 2027"),
        ("12 februari 2026", "12 februari 2026"),
        ("week 12 van 2026, 123januari2026", "week 12 van 2026, 123januari2026"),
    ],
)
def test_ocr_puts_back_the_spaces_around_a_month(ocr_text: str, fixed: str) -> None:
    assert ocr.unglue_dates(ocr_text) == fixed
