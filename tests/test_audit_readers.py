"""Readers: limits, broken files, and one bad file never stopping the rest."""

import io
import zipfile
from datetime import date
from pathlib import Path

from audit_helpers import MS, audit, build
from poortwachter.audit.intake.dossier import collect, read_file, split_parts
from poortwachter.audit.intake.readers.docx import read_docx
from poortwachter.audit.intake.readers.pdf import read_pdf
from poortwachter.audit.intake.readers.xlsx import read_xlsx
from poortwachter.audit.limits import Limits
from poortwachter.domain.vocabulary import DocumentKind, Severity


def _pdf(tmp_path: Path, title: str = "Probleemanalyse") -> Path:
    part = MS.Part(
        "pa.pdf", title, ["Datum: 05-02-2026", "Opgesteld door: A. Bakker, bedrijfsarts"]
    )
    path = tmp_path / "pa.pdf"
    MS.write_pdf(part, path)
    return path


def test_pdf_reads_text(tmp_path: Path) -> None:
    doc = read_pdf(_pdf(tmp_path).read_bytes(), "pa.pdf")
    assert doc.readable and "Probleemanalyse" in doc.text and doc.page_count == 1


def test_encrypted_pdf_is_unreadable_with_reason(tmp_path: Path) -> None:
    src = _pdf(tmp_path)
    MS.encrypted_copy(src, tmp_path / "enc.pdf")
    doc = read_pdf((tmp_path / "enc.pdf").read_bytes(), "enc.pdf")
    assert not doc.readable and "versleuteld" in (doc.reason or "")


def test_truncated_and_garbage_pdf(tmp_path: Path) -> None:
    data = _pdf(tmp_path).read_bytes()
    for blob in (data[: len(data) // 3], b"%PDF-1.7\n" + b"\x00garbage" * 50, b"not a pdf"):
        doc = read_pdf(blob, "x.pdf")
        assert not doc.readable and doc.reason


def test_image_only_pdf_is_a_scan(tmp_path: Path) -> None:
    MS.scanned_pdf(tmp_path / "scan.pdf", "tekst in een plaatje")
    doc = read_pdf((tmp_path / "scan.pdf").read_bytes(), "scan.pdf")
    assert not doc.readable and "tekstlaag" in (doc.reason or "")


def test_pdf_page_limit(tmp_path: Path) -> None:
    parts = [
        MS.Part("x", f"Pagina {n}", ["Dit is tekst op een pagina van het dossier."])
        for n in range(5)
    ]
    MS.write_merged_pdf(parts, tmp_path / "m.pdf")
    doc = read_pdf((tmp_path / "m.pdf").read_bytes(), "m.pdf", Limits(max_pages=2))
    assert doc.readable and doc.page_count == 2 and "eerste 2 van 5" in (doc.reason or "")


def test_docx_reads_body_tables_headers_footers(tmp_path: Path) -> None:
    part = MS.Part(
        "p.docx", "Plan van aanpak", [["Casemanager", "Piet de Vries"], "Visie werknemer"]
    )
    MS.write_docx(part, tmp_path / "p.docx")
    doc = read_docx((tmp_path / "p.docx").read_bytes(), "p.docx")
    assert doc.readable
    assert "Casemanager | Piet de Vries" in doc.text
    assert "vertrouwelijk" in doc.text  # header
    assert "Re-integratiedossier" in doc.text  # footer


def test_docx_broken_and_unsafe(tmp_path: Path) -> None:
    assert not read_docx(b"PK\x03\x04 truncated", "a.docx").readable
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../evil.xml", "x")
        zf.writestr("word/document.xml", "<x/>")
    doc = read_docx(buf.getvalue(), "evil.docx")
    assert not doc.readable and "onveilig pad" in (doc.reason or "")
    ole = read_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oud.docx")
    assert not ole.readable and "versleuteld" in (ole.reason or "")


def test_xlsx_read_only_rows(tmp_path: Path) -> None:
    MS.write_xlsx(MS.activity_rows(date(2026, 2, 16), date(2026, 6, 1)), tmp_path / "a.xlsx")
    doc = read_xlsx((tmp_path / "a.xlsx").read_bytes(), "a.xlsx")
    assert doc.readable and "Evaluatiegesprek 1" in doc.text and "16 februari 2026" in doc.text


def test_file_over_hard_limit_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "groot.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 2000)
    raws = collect([tmp_path], Limits(read_bytes=1000))
    doc = read_file(raws[0])
    assert not doc.readable and "te groot" in (doc.reason or "")


def test_zip_dossier_and_unknown_types(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.write(pdf, "dossier/pa.pdf")
        zf.writestr("dossier/notitie.msg", b"\x01\x02binary")
        zf.writestr("__MACOSX/._pa.pdf", b"junk")
    (tmp_path / "d.zip").write_bytes(buf.getvalue())
    docs = [read_file(r) for r in collect([tmp_path / "d.zip"])]
    assert [d.path for d in docs] == ["d.zip/dossier/notitie.msg", "d.zip/dossier/pa.pdf"]
    assert not docs[0].readable and docs[1].readable


def test_merged_pdf_is_split_with_page_ranges(tmp_path: Path) -> None:
    parts = MS.complete_parts()[:3]
    MS.write_merged_pdf(parts, tmp_path / "m.pdf")
    raw = collect([tmp_path / "m.pdf"])[0]
    split = split_parts(read_file(raw))
    assert [(p.first_page, p.page_count) for p in split] == [(1, 1), (2, 1), (3, 1)]
    assert all(p.is_part for p in split)


def test_continuation_pages_stay_in_their_part(tmp_path: Path) -> None:
    long_block: list[MS.Block] = [
        f"Afspraak nummer {n} over werkhervatting en opbouw." for n in range(70)
    ]
    parts = [
        MS.Part("a", "Plan van aanpak", long_block),
        MS.Part("b", "Eindevaluatie", ["Datum: 20-09-2027", "Resultaat: hervat."]),
    ]
    MS.write_merged_pdf(parts, tmp_path / "m.pdf")
    split = split_parts(read_file(collect([tmp_path / "m.pdf"])[0]))
    assert (
        len(split) == 2
        and split[0].page_count >= 2
        and split[1].first_page == split[0].last_page + 1
    )


def test_one_unreadable_file_does_not_stop_the_rest(tmp_path: Path) -> None:
    folder = build(tmp_path / "d", MS.complete_parts())
    (folder / "kapot.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    (folder / "kapot.docx").write_bytes(b"PK\x03\x04kapot")
    (folder / "raar.bin").write_bytes(b"\x00\x01\x02")
    result = audit(folder)
    unreadable = {d.path for d in result.documents if not d.readable}
    assert unreadable == {"kapot.pdf", "kapot.docx", "raar.bin"}
    assert sum(1 for f in result.findings if f.rule == "READ-001") == 3
    kinds = {d.kind for d in result.documents if d.readable}
    assert DocumentKind.PLAN_VAN_AANPAK in kinds and DocumentKind.EINDEVALUATIE in kinds
    # no blocker, but parts UWV cannot open: not ready
    assert result.count(Severity.BLOCKER) == 0 and not result.ready_for_submission
    assert "3 deel/delen onleesbaar voor UWV" in result.not_ready_because[0]


def test_pdf_form_field_values_are_read() -> None:
    """Digital (fillable) forms keep their values in form fields, outside the page text."""
    from fpdf import FPDF
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Plan van aanpak")
    writer = PdfWriter(clone_from=io.BytesIO(bytes(pdf.output())))
    field = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Widget"),
            NameObject("/FT"): NameObject("/Tx"),
            NameObject("/T"): TextStringObject("txtNaam"),
            NameObject("/TU"): TextStringObject("Naam werknemer"),
            NameObject("/V"): TextStringObject("Jan Jansen"),
            NameObject("/Rect"): ArrayObject([FloatObject(v) for v in (50, 700, 200, 720)]),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(field)])
    out = io.BytesIO()
    writer.write(out)
    doc = read_pdf(out.getvalue(), "formulier.pdf")
    assert "Naam werknemer: Jan Jansen" in doc.text


def _image_pdf(path: Path, size: tuple[int, int], header: str) -> None:
    from fpdf import FPDF
    from PIL import Image

    buf = io.BytesIO()
    Image.new("L", size, "white").save(buf, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 8, header)
    pdf.image(buf, x=10, y=20, w=60 if size[0] < 500 else 190)
    pdf.output(str(path))


def test_scan_with_typed_header_versus_cover_with_logo(tmp_path: Path) -> None:
    _image_pdf(tmp_path / "scan.pdf", (1240, 1754), "Plan van aanpak - J. Jansen")
    scan = read_pdf((tmp_path / "scan.pdf").read_bytes(), "scan.pdf")
    assert not scan.readable and "tekstlaag" in (scan.reason or "")
    assert "Plan van aanpak" in scan.text  # kept, so the part can still be recognised
    _image_pdf(tmp_path / "cover.pdf", (200, 80), "Re-integratiedossier J. Jansen, vertrouwelijk")
    cover = read_pdf((tmp_path / "cover.pdf").read_bytes(), "cover.pdf")
    assert cover.readable and cover.scanned_pages == []


def test_zip_bomb_dossier_is_refused_not_unpacked(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "bom.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dossier/groot.pdf", b"0" * (3 * 1024 * 1024))
    docs = [read_file(r) for r in collect([tmp_path / "bom.zip"])]
    assert len(docs) == 1 and not docs[0].readable
    assert "zipbom" in (docs[0].reason or "")
