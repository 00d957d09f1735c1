"""PDF reader: text per page, with page, size and time limits.

Page text comes from pdfium (pypdfium2, many times faster than pypdf on PDFs with embedded
fonts); pypdf opens the file first and stays in charge of what it does well: encryption,
the values of filled-in form fields (AcroForm), scan detection (a page-sized image without
text) and, when pdfium cannot open the file or a page, the page text itself (made to read
as pdfium's, :mod:`.pdf_runs`). pdfium is C code that cannot be interrupted inside a page,
so the time limit is checked between pages (as before), and a file pypdf rejects is never
handed to pdfium.
"""

from __future__ import annotations

import io
import logging
import re
import time
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from poortwachter.audit.intake import ocr
from poortwachter.audit.intake.readers.common import clean_text, unreadable
from poortwachter.audit.intake.readers.pdf_columns import party_tables
from poortwachter.audit.intake.readers.pdf_pages import (
    content_too_large,
    form_field_lines,
    has_image,
    largest_image,
)
from poortwachter.audit.intake.readers.pdf_runs import as_pdfium, extract
from poortwachter.audit.limits import DEFAULT_LIMITS, Limits
from poortwachter.audit.model import Document

#: a page with fewer text characters than this counts as an image (scan)
MIN_PAGE_CHARS = 25
#: a page that shows an image and has less text than this is a scan (a typed header or
#: page number does not make it readable)
SCAN_PAGE_CHARS = 120


def pdfium_document(data: bytes, pages: int) -> Any:
    """The file opened by pdfium, or ``None`` when pdfium refuses it or counts other pages
    than pypdf (a repaired page tree): then every page's text comes from pypdf."""
    try:
        import pypdfium2  # imported here so the package imports fast

        doc = pypdfium2.PdfDocument(data)
    except Exception:  # pdfium refuses what pypdf repaired: use pypdf's text
        return None
    if len(doc) != pages:
        doc.close()
        return None
    return doc


def _hyphens(text: str) -> str:
    """pdfium marks a hyphen it takes for a word broken at the end of a line as U+FFFE
    (LibreOffice wraps "HR-manager" in a narrow cell so): it is a hyphen in the text."""
    return text.replace("\ufffe", "-")


def _with_party_tables(textpage: Any, text: str) -> str:
    """The page text with its party-column signature tables as cells
    (:mod:`.pdf_columns`); the text as it is when pdfium cannot give the positions."""
    try:
        return party_tables(textpage, text)
    except Exception:  # a hostile page: the rows stay as pdfium read them
        return text


class _PdfiumText:
    """Page text from pdfium, or ``None`` for a page (or file) pdfium cannot read, so the
    caller falls back to pypdf. Closes the document when done."""

    def __init__(self, data: bytes, pages: int) -> None:
        self._doc: Any = pdfium_document(data, pages)

    def page_text(self, index: int) -> str | None:
        if self._doc is None:
            return None
        page = textpage = None
        try:
            page = self._doc[index]
            textpage = page.get_textpage()
            return _with_party_tables(textpage, _hyphens(str(textpage.get_text_range())))
        except Exception:  # one page pdfium cannot read: pypdf tries it
            return None
        finally:
            if textpage is not None:
                textpage.close()
            if page is not None:
                page.close()

    def render(self, index: int) -> Any:
        """The page as a grey PIL image for OCR (about 200 dpi, at most
        :data:`~poortwachter.audit.intake.ocr.MAX_PIXELS` pixels), or None."""
        if self._doc is None:
            return None
        page = None
        try:
            page = self._doc[index]
            width, height = page.get_size()
            scale = ocr.RENDER_DPI / 72
            if width * height * scale * scale > ocr.MAX_PIXELS:
                scale = 0.99 * (ocr.MAX_PIXELS / (width * height)) ** 0.5  # pdfium rounds up
            return page.render(scale=scale, grayscale=True).to_pil()
        except Exception:  # a page pdfium cannot draw: it stays a scan
            return None
        finally:
            if page is not None:
                page.close()

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None


#: a word broken at its hyphen at the end of a line ("HR-" / "manager")
_BROKEN_AT_HYPHEN = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_A-Z])")


def _pypdf_text(page: Any) -> str:
    """pypdf's text of a page pdfium cannot read, as pdfium would give it: the pieces on
    one baseline on one line, party-column tables read by position
    (:func:`~.pdf_runs.as_pdfium`), a word broken at its hyphen at the end of a line joined
    again (pdfium marks such a hyphen, see :func:`_hyphens`); '' for a page pypdf cannot
    read either."""
    try:
        plain, pieces = extract(page)
    except Exception:  # one broken page must not lose the others
        return ""
    return _BROKEN_AT_HYPHEN.sub("-", as_pdfium(plain, pieces))


def read_pdf(
    data: bytes, path: str, limits: Limits = DEFAULT_LIMITS, budget: ocr.Budget | None = None
) -> Document:
    """Read a PDF; a broken, encrypted or image-only PDF gives ``readable=False``.

    Scanned pages are read with OCR within ``budget``, the dossier's OCR budget (a budget
    of this file alone when None). pypdf's own warnings about damaged files are silenced
    while reading: the reason ends up in the document, not as noise on stderr.
    """
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return _read_pdf(data, path, limits, budget or ocr.Budget.of(limits))
    finally:
        logger.setLevel(level)


def _read_pdf(data: bytes, path: str, limits: Limits, budget: ocr.Budget) -> Document:
    size = len(data)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        return unreadable(path, "pdf", size, "is geen PDF-bestand (de inhoud begint niet met %PDF)")
    truncated = b"%%EOF" not in data[-2048:]
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = bool(reader.decrypt(""))
            except (DependencyError, NotImplementedError):
                ok = False
            if not ok:
                return unreadable(
                    path, "pdf", size, "is versleuteld met een wachtwoord; UWV kan het niet openen"
                )
        total_pages = len(reader.pages)
    except FileNotDecryptedError:
        return unreadable(
            path, "pdf", size, "is versleuteld met een wachtwoord; UWV kan het niet openen"
        )
    except Exception:  # pypdf raises many kinds on hostile input
        reason = "is beschadigd of afgebroken" if truncated else "is beschadigd"
        return unreadable(path, "pdf", size, reason)
    if total_pages == 0:
        return unreadable(path, "pdf", size, "bevat geen pagina's (beschadigd of afgebroken)")

    pdfium = _PdfiumText(data, total_pages)
    try:
        return _read_pages(reader, total_pages, pdfium, path, size, truncated, limits, budget)
    finally:
        pdfium.close()


def _page_text(reader: PdfReader, index: int, pdfium: _PdfiumText) -> tuple[str, bool]:
    """(text of page ``index`` with its form field values, whether it looks like a scan):
    pdfium's text, pypdf's when pdfium has none; a broken page gives ''."""
    try:
        page = reader.pages[index]
    except Exception:  # one broken page must not lose the others
        return "", False
    text = None if content_too_large(page) else pdfium.page_text(index)
    if text is None:
        text = _pypdf_text(page)
    fields = form_field_lines(page)
    if fields:
        text = f"{text}\n" + "\n".join(fields)
    text = clean_text(text)
    return text, len(text) < SCAN_PAGE_CHARS and has_image(page)


def _read_pages(
    reader: PdfReader,
    total_pages: int,
    pdfium: _PdfiumText,
    path: str,
    size: int,
    truncated: bool,
    limits: Limits,
    budget: ocr.Budget,
) -> Document:
    pages: list[str] = []
    scanned: list[int] = []
    notes: list[str] = []
    started = time.monotonic()
    chars = 0
    for index in range(min(total_pages, limits.max_pages)):
        if time.monotonic() - started > limits.seconds_per_file:
            notes.append(f"lezen gestopt na {index} pagina's (tijdslimiet)")
            break
        text, is_scan = _page_text(reader, index, pdfium)
        if is_scan:
            scanned.append(index)  # an image with at most a typed header: a scan
        chars += len(text)
        if chars > limits.max_chars:
            notes.append("lezen gestopt (te veel tekst)")
            break
        pages.append(text)
    if total_pages > limits.max_pages:
        notes.append(f"alleen de eerste {limits.max_pages} van {total_pages} pagina's gelezen")

    scanned = [i for i in scanned if i < len(pages)]
    if not scanned and pages and all(len(p) < MIN_PAGE_CHARS for p in pages) and not truncated:
        scanned = list(range(len(pages)))  # no text at all: the images may be drawn otherwise
    read, why_not = _ocr_scans(reader, pages, scanned, pdfium, limits, budget)
    left = [i for i in scanned if i not in read]
    scan_only = bool(pages) and len(left) == len(pages)
    if not pages or scan_only or all(len(p) < MIN_PAGE_CHARS for p in pages):
        if truncated and not any(pages):
            return unreadable(path, "pdf", size, "is afgebroken of beschadigd: geen leesbare tekst")
        doc = unreadable(path, "pdf", size, ocr.scan_reason(why_not))
        doc.scan = True
        doc.page_count = total_pages
        doc.pages = pages  # a typed header may still tell which part it is
        return doc
    doc = Document(path=path, file_type="pdf", size=size, pages=pages, page_count=len(pages))
    doc.scanned_pages = left
    doc.ocr_pages = read
    doc.scan = bool(scanned)
    if left:
        doc.ocr_note = why_not
    if read and left:
        notes.append(f"{len(left)} gescande pagina('s) niet met OCR gelezen: {why_not}")
    if notes:
        doc.reason = "; ".join(notes)
    return doc


def _drawable(reader: PdfReader, index: int) -> bool:
    """May pdfium draw this page for OCR? Not a bomb: content or images too large."""
    try:
        page = reader.pages[index]
        return not content_too_large(page) and largest_image(page) <= ocr.MAX_IMAGE_PIXELS
    except Exception:  # hostile page: leave it a scan
        return False


def _ocr_scans(
    reader: PdfReader,
    pages: list[str],
    scanned: list[int],
    pdfium: _PdfiumText,
    limits: Limits,
    budget: ocr.Budget,
) -> tuple[list[int], str | None]:
    """Read the scanned pages with OCR, within the dossier's OCR budget: the indexes of
    the pages that got text, and why the others did not (Dutch)."""
    if not scanned:
        return [], None
    if limits.ocr_pages <= 0:
        return [], "OCR staat uit (--ocr-max-pages 0)"
    problem = ocr.ocr_problem()
    if problem:
        return [], problem
    read: list[int] = []
    tried = 0
    for index in scanned:
        if not budget.allows_another():
            break
        tried += 1
        with budget.page():
            image = pdfium.render(index) if _drawable(reader, index) else None
            if image is None:
                continue
            try:
                text = clean_text(ocr.recognise(image))
            except ocr.OcrUnavailable as exc:
                return read, str(exc)
        if len(text) >= MIN_PAGE_CHARS:
            pages[index] = text
            read.append(index)
    if tried < len(scanned):
        return read, budget.note()
    return read, "OCR vond er geen (leesbare) tekst op"
