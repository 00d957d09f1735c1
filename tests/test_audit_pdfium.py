"""Page text from pdfium (pypdfium2): the same findings as the pypdf path it replaced, the
fallback to pypdf, and the time limit between pages."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader, PdfWriter

from audit_helpers import MS, ROOT, audit, pdfium_off
from poortwachter.audit.intake.readers import pdf as pdf_reader
from poortwachter.audit.intake.readers import pdf_pages
from poortwachter.audit.intake.readers.pdf import read_pdf
from poortwachter.audit.intake.readers.pdf_pages import content_too_large
from poortwachter.audit.limits import Limits

SAMPLES = sorted(p for p in (ROOT / "samples" / "dossiers").iterdir() if p.is_dir())


def _both(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """The audit JSON with pdfium's page text and with pypdf's (pdfium switched off)."""
    with_pdfium = audit(folder).to_dict(show_bsn=True)
    with monkeypatch.context() as m:
        pdfium_off(m)
        with_pypdf = audit(folder).to_dict(show_bsn=True)
    return with_pdfium, with_pypdf


@pytest.mark.parametrize("folder", SAMPLES, ids=[p.name for p in SAMPLES])
def test_findings_identical_to_pypdf_on_every_sample(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_pdfium, with_pypdf = _both(folder, monkeypatch)
    assert with_pdfium["documents"] == with_pypdf["documents"]
    assert with_pdfium["findings"] == with_pypdf["findings"]
    assert with_pdfium["dossier"] == with_pypdf["dossier"]


@pytest.mark.slow
def test_findings_identical_on_generated_dossiers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The regenerated samples, fpdf2 and python-docx fixtures in another house style, and
    PDFs with embedded fonts (weasyprint) merged into one file."""
    from poortwachter.generate.render import render_form
    from test_audit_variety import make

    made = MS.build_all(tmp_path / "samples")
    folders = [*made.values(), make(tmp_path / "variety")]
    generated = tmp_path / "generated"
    generated.mkdir()
    writer = PdfWriter()
    for form in sorted((ROOT / "samples" / "forms").glob("*.yaml"))[:3]:
        target = generated / f"{form.stem}.pdf"
        target.write_bytes(render_form(form.stem, yaml.safe_load(form.read_text()), "pdf"))
        for page in PdfReader(target).pages:
            writer.add_page(page)
    writer.write(generated / "samengevoegd.pdf")
    folders.append(generated)
    for folder in folders:
        with_pdfium, with_pypdf = _both(folder, monkeypatch)
        assert with_pdfium["documents"] == with_pypdf["documents"], folder.name
        assert with_pdfium["findings"] == with_pypdf["findings"], folder.name


def _five_pages(tmp_path: Path) -> bytes:
    parts = [
        MS.Part("x", f"Pagina {n}", ["Dit is tekst op een pagina van het dossier."])
        for n in range(5)
    ]
    MS.write_merged_pdf(parts, tmp_path / "m.pdf")
    return (tmp_path / "m.pdf").read_bytes()


def test_pdfium_gives_the_page_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    original = pdf_reader._PdfiumText.page_text

    def spy(self: Any, index: int) -> str | None:
        text = original(self, index)
        calls.append(index if text is not None else -1)
        return text

    monkeypatch.setattr(pdf_reader._PdfiumText, "page_text", spy)
    doc = read_pdf(_five_pages(tmp_path), "m.pdf")
    assert calls == [0, 1, 2, 3, 4]
    assert [p.splitlines()[0] for p in doc.pages] == [f"Pagina {n}" for n in range(5)]
    assert "\r" not in doc.text


def test_pypdf_reads_what_pdfium_refuses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    def refuse(*args: object, **kwargs: object) -> None:
        raise pypdfium2.PdfiumError("kapot")

    monkeypatch.setattr(pypdfium2, "PdfDocument", refuse)
    doc = read_pdf(_five_pages(tmp_path), "m.pdf")
    assert doc.readable and doc.page_count == 5 and "Pagina 4" in doc.text


def test_pdfium_with_another_page_count_is_not_used(tmp_path: Path) -> None:
    data = _five_pages(tmp_path)
    assert pdf_reader.pdfium_document(data, 5) is not None
    assert pdf_reader.pdfium_document(data, 4) is None  # text would land on the wrong page


def test_time_limit_is_checked_between_pdfium_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = pdf_reader._PdfiumText.page_text

    def slow(self: Any, index: int) -> str | None:
        time.sleep(0.3)
        return original(self, index)

    monkeypatch.setattr(pdf_reader._PdfiumText, "page_text", slow)
    doc = read_pdf(_five_pages(tmp_path), "m.pdf", Limits(seconds_per_file=0.5))
    assert doc.readable and 1 <= doc.page_count < 5
    assert "tijdslimiet" in (doc.reason or "")


def test_a_compression_bomb_page_is_not_handed_to_pdfium(tmp_path: Path) -> None:
    """A page whose content inflates past the limit is left to pypdf (which stops its own
    decoding); pdfium would inflate all of it in memory."""
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    bomb = DecodedStreamObject()
    bomb.set_data(b"BT /F1 12 Tf 72 720 Td (Plan van aanpak) Tj ET\n" + b" " * (3 << 20))
    page[NameObject("/Contents")] = writer._add_object(bomb.flate_encode())
    writer.write(tmp_path / "b.pdf")
    data = (tmp_path / "b.pdf").read_bytes()
    assert len(data) < 100_000  # 3 MB of content in a small file
    read = PdfReader(tmp_path / "b.pdf").pages[0]
    assert content_too_large(read, limit=1 << 20)
    assert not content_too_large(read, limit=4 << 20)
    contents = read.get_contents()
    assert contents is not None and len(contents.get_data()) > 3 << 20


def test_read_pdf_leaves_a_bomb_page_to_pypdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _five_pages(tmp_path)
    monkeypatch.setattr(pdf_pages, "MAX_PAGE_CONTENT_BYTES", 10)  # every page is "too large"
    called: list[int] = []
    monkeypatch.setattr(pdf_reader._PdfiumText, "page_text", lambda self, i: called.append(i))
    doc = read_pdf(data, "m.pdf")
    assert called == [] and doc.page_count == 5 and "Pagina 3" in doc.text
