"""DOCX reader: body (paragraphs and tables in order), headers and footers.

Hard page breaks and section breaks split the body into pages, so a DOCX that holds
several parts is split like a merged PDF. The page header comes first in the text (it
often carries the title and the employee's name), the footer last (signature tables).

The zip container is checked first (:func:`poortwachter.support.zipcheck.zip_problem`);
only the main document and its headers and footers are parsed, with python-docx's XML
parser (entity resolution switched off). Tables become lines with cells separated by
`` | `` so a label and its value stay on one line; an empty cell is
``_`` and a cell with only a picture ``[afbeelding]``, so a row keeps its columns.
Content controls still showing their placeholder ("Klik of tik om tekst in te voeren.")
give no text; legacy check boxes become ☒ or ☐; an empty legacy text field (five spaces)
gives nothing.
"""

from __future__ import annotations

import io
import posixpath
import time
import zipfile
from collections.abc import Iterator
from typing import Any

from poortwachter.audit.intake.readers.common import clean_text, unreadable
from poortwachter.audit.limits import DEFAULT_LIMITS, Limits
from poortwachter.audit.model import Document
from poortwachter.support.zipcheck import zip_problem

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADER_REL = "/header"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
#: marks a hard page break (or section break) between the pages of the body
PAGE_BREAK = "\f"
_FOOTER_REL = "/footer"
#: an empty table cell (so the cells of a row keep their columns)
EMPTY_CELL = "_"
#: a table cell that only holds a picture (a scanned signature)
PICTURE = "[afbeelding]"
_PICTURE_TAGS = (f"{_W}drawing", f"{_W}pict", f"{_W}object")


def _has_picture(cell: Any) -> bool:
    return any(True for _ in cell.iter(*_PICTURE_TAGS))


def _run_text(p: Any) -> str:
    parts: list[str] = []
    stack = [p]
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == _MC_FALLBACK or (tag == f"{_W}sdt" and _shows_placeholder(el)):
            continue  # a content control still showing "Klik of tik om tekst in te voeren."
        if tag == f"{_W}checkBox":
            parts.append(f"{_BOX_TICKED if _ticked(el) else _BOX_EMPTY} ")
        elif tag == f"{_W}t":
            parts.append(el.text or "")
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag == f"{_W}br" and el.get(f"{_W}type") == "page":
            parts.append(PAGE_BREAK)
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
        stack.extend(reversed(list(el)))
    return "".join(parts)


_BOX_TICKED = "\u2612"  # ☒
_BOX_EMPTY = "\u2610"  # ☐
_OFF = {"0", "false", "off"}


def _shows_placeholder(sdt: Any) -> bool:
    props = sdt.find(f"{_W}sdtPr")
    return props is not None and props.find(f"{_W}showingPlcHdr") is not None


def _ticked(box: Any) -> bool:
    """A legacy check box form field (FORMCHECKBOX): ``w:checked``, else ``w:default``."""
    for name in ("checked", "default"):
        el = box.find(f"{_W}{name}")
        if el is not None:
            value = el.get(f"{_W}val")
            return value is None or value.lower() not in _OFF
    return False


def _block_lines(element: Any) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag == f"{_W}p":
            ppr = child.find(f"{_W}pPr")
            before = ppr is not None and ppr.find(f"{_W}pageBreakBefore") is not None
            after = ppr is not None and ppr.find(f"{_W}sectPr") is not None
            yield (PAGE_BREAK if before else "") + _run_text(child) + (PAGE_BREAK if after else "")
        elif tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                if row.getparent() is not child:
                    continue
                cells: list[str] = []
                for cell in row.iterchildren(f"{_W}tc"):
                    text = " ".join(t.strip() for t in _block_lines(cell) if t.strip())
                    if not text and _has_picture(cell):
                        text = PICTURE
                    # an empty cell keeps its column: a party's empty signature cell
                    cells.append(text or EMPTY_CELL)
                if any(c != EMPTY_CELL for c in cells):
                    yield " | ".join(cells)
        elif tag == f"{_W}sdt" and _shows_placeholder(child):
            continue
        elif tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}body"):
            yield from _block_lines(child)


def _page_breaks(body: Any) -> int:
    count = 0
    for el in body.iter(f"{_W}br", f"{_W}lastRenderedPageBreak"):
        if el.tag.endswith("lastRenderedPageBreak") or el.get(f"{_W}type") == "page":
            count += 1
    return count


def _main_part(zf: zipfile.ZipFile, parse_xml: Any) -> str:
    """The zip member of the main document, as the package's relationships name it."""
    if "_rels/.rels" in zf.NameToInfo:
        for rel in parse_xml(zf.read("_rels/.rels")).iter(_REL):
            if str(rel.get("Type", "")).endswith("/officeDocument"):
                return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml"


def _parts(data: bytes) -> tuple[Any, list[tuple[str, Any]]]:
    """The body of the main document and (relationship type, root element) of each of its
    headers and footers, in the order of its relationships. Parsed with python-docx's own
    XML parser (entity resolution off) straight from the zip: the other parts (styles,
    numbering, theme, settings, ...) are never parsed, which makes reading many times
    faster than opening the whole package with ``docx.Document``."""
    from docx.oxml.parser import parse_xml  # python-docx; imported here: the package imports fast

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        main = _main_part(zf, parse_xml)
        body = parse_xml(zf.read(main)).find(f"{_W}body")
        if body is None:
            raise ValueError("geen w:body")
        folder = posixpath.dirname(main)
        rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
        found: list[tuple[str, Any]] = []
        if rels not in zf.NameToInfo:
            return body, found
        for rel in parse_xml(zf.read(rels)).iter(_REL):
            reltype = str(rel.get("Type", ""))
            if rel.get("TargetMode") == "External" or not reltype.endswith(
                (_HEADER_REL, _FOOTER_REL)
            ):
                continue
            target = str(rel.get("Target", ""))
            name = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            if name in zf.NameToInfo:
                found.append((reltype, parse_xml(zf.read(name))))
    return body, found


def read_docx(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a DOCX; a broken, encrypted or unsafe file gives ``readable=False``."""
    size = len(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return unreadable(
            path,
            "docx",
            size,
            "is versleuteld met een wachtwoord of een oud Word-bestand (.doc); sla het op als "
            "onbeveiligde DOCX of PDF",
        )
    problem = zip_problem(io.BytesIO(data))
    if problem:
        return unreadable(path, "docx", size, f"is geen leesbaar Word-bestand: het {problem}")
    started = time.monotonic()
    try:
        body, header_footer = _parts(data)
        headers: list[str] = []
        footers: list[str] = []
        for reltype, element in header_footer:
            lines = [line for line in _block_lines(element) if line.strip()]
            bucket = headers if reltype.endswith(_HEADER_REL) else footers
            for line in lines:
                if line not in bucket:
                    bucket.append(line)
        body_lines = list(_block_lines(body))
        breaks = _page_breaks(body)
    except Exception:  # python-docx/lxml raise many kinds on hostile input
        return unreadable(
            path, "docx", size, "is beschadigd en niet te lezen; sla het opnieuw op als DOCX of PDF"
        )
    if time.monotonic() - started > limits.seconds_per_file:
        return unreadable(path, "docx", size, "kost te veel tijd om te lezen (tijdslimiet)")
    body = "\n".join(body_lines)[: limits.max_chars]
    chunks = [clean_text(chunk) for chunk in body.split(PAGE_BREAK)]
    pages = [chunk for chunk in chunks if chunk] or [""]
    top = clean_text("\n".join(headers))
    if top:
        pages[0] = f"{top}\n{pages[0]}".strip()
    bottom = clean_text("\n".join(line for line in footers if line not in headers))
    if bottom:
        # footers close the part: a signature table there belongs after the body
        pages[-1] = f"{pages[-1]}\n{bottom}".strip()
    text = "\n".join(pages)
    if len(text) < 25:
        return unreadable(
            path, "docx", size, "bevat (bijna) geen tekst; mogelijk alleen een afbeelding of scan"
        )
    doc = Document(path=path, file_type="docx", size=size, pages=pages, page_count=len(pages))
    doc.rendered_pages = max(1, breaks + 1)
    return doc
