"""PDF reader (pypdf): text per page, with page, size and time limits."""

from __future__ import annotations

import io
import logging
import time
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from poortwachter.audit.limits import DEFAULT_LIMITS, Limits
from poortwachter.audit.model import Document
from poortwachter.audit.readers.common import clean_text, unreadable

#: a page with fewer text characters than this counts as an image (scan)
MIN_PAGE_CHARS = 25
#: a page that shows an image and has less text than this is a scan (a typed header or
#: page number does not make it readable)
SCAN_PAGE_CHARS = 120
#: an image this large (in pixels) fills a page; a logo is far smaller
SCAN_MIN_PIXELS = 400_000


def _has_image(page: Any) -> bool:
    """Does the page draw a page-sized image (a scan, not a logo)? Looks at the resources
    only, never decodes the image."""
    try:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            return False
        for ref in xobjects.get_object().values():
            image = ref.get_object()
            if image.get("/Subtype") != "/Image":
                continue
            pixels = int(image.get("/Width", 0)) * int(image.get("/Height", 0))
            if pixels >= SCAN_MIN_PIXELS:
                return True
    except Exception:  # hostile resources: treat as no image
        return False
    return False


def _field_value(annot: Any, key: str) -> Any:
    """A form field attribute of a widget, looked up through its parents."""
    node = annot
    for _ in range(5):
        if node is None:
            return None
        value = node.get(key)
        if value is not None:
            return value
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return None


def _form_field_lines(page: Any) -> list[str]:
    """Filled-in form fields (AcroForm widgets) on the page as ``label: value`` lines:
    digital forms keep their values there, outside the page text."""
    lines: list[str] = []
    try:
        annots = page.get("/Annots")
        if annots is None:
            return lines
        for ref in annots.get_object()[:500]:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Widget":
                continue
            value = _field_value(annot, "/V")
            if value is None or str(value).startswith("/"):
                continue  # empty, or a checkbox state such as /Off
            text = str(value).strip()
            if not text:
                continue
            label = _field_value(annot, "/TU") or _field_value(annot, "/T") or ""
            lines.append(f"{str(label).strip()}: {text}" if label else text)
    except Exception:  # hostile annotations: keep the page text
        return lines
    return lines


def read_pdf(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read a PDF; a broken, encrypted or image-only PDF gives ``readable=False``.

    pypdf's own warnings about damaged files are silenced while reading: the reason ends
    up in the document, not as noise on stderr.
    """
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return _read_pdf(data, path, limits)
    finally:
        logger.setLevel(level)


def _read_pdf(data: bytes, path: str, limits: Limits) -> Document:
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
    except Exception as exc:  # pypdf raises many kinds on hostile input
        reason = "is beschadigd of afgebroken" if truncated else "is beschadigd"
        return unreadable(path, "pdf", size, f"{reason} ({type(exc).__name__})")
    if total_pages == 0:
        return unreadable(path, "pdf", size, "bevat geen pagina's (beschadigd of afgebroken)")

    pages: list[str] = []
    scanned: list[int] = []
    notes: list[str] = []
    started = time.monotonic()
    chars = 0
    for index in range(min(total_pages, limits.max_pages)):
        if time.monotonic() - started > limits.seconds_per_file:
            notes.append(f"lezen gestopt na {index} pagina's (tijdslimiet)")
            break
        page = None
        try:
            page = reader.pages[index]
            text = page.extract_text() or ""
        except Exception:  # one broken page must not lose the others
            text = ""
        if page is not None:
            fields = _form_field_lines(page)
            if fields:
                text = f"{text}\n" + "\n".join(fields)
        text = clean_text(text)
        if len(text) < SCAN_PAGE_CHARS and page is not None and _has_image(page):
            scanned.append(index)  # an image with at most a typed header: a scan
        chars += len(text)
        if chars > limits.max_chars:
            notes.append("lezen gestopt (te veel tekst)")
            break
        pages.append(text)
    if total_pages > limits.max_pages:
        notes.append(f"alleen de eerste {limits.max_pages} van {total_pages} pagina's gelezen")

    scan_only = bool(pages) and len(scanned) == len(pages)
    if not pages or scan_only or all(len(p) < MIN_PAGE_CHARS for p in pages):
        if truncated and not any(pages):
            return unreadable(path, "pdf", size, "is afgebroken of beschadigd: geen leesbare tekst")
        doc = unreadable(
            path,
            "pdf",
            size,
            "heeft geen tekstlaag (een scan of foto); UWV en de auditor kunnen de tekst niet "
            "lezen — maak een doorzoekbare PDF (OCR)",
        )
        doc.page_count = total_pages
        doc.pages = pages  # a typed header may still tell which part it is
        return doc
    doc = Document(path=path, file_type="pdf", size=size, pages=pages, page_count=len(pages))
    doc.scanned_pages = scanned
    if notes:
        doc.reason = "; ".join(notes)
    return doc
