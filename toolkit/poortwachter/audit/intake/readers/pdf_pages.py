"""What a pypdf page holds, read without drawing it: its images (a scan?), its form field
values, and whether its content is too large to hand to a renderer (a bomb)."""

from __future__ import annotations

import zlib
from typing import Any

#: a page with fewer text characters than this counts as an image (scan)


#: an image this large (in pixels) fills a page; a logo is far smaller
SCAN_MIN_PIXELS = 400_000


#: decoded content (page streams and forms) a page may have before pdfium reads it; pypdf
#: (which stops its own decoding at 75 MB) reads a page with more
MAX_PAGE_CONTENT_BYTES = 20 * 1024 * 1024


def largest_image(page: Any) -> int:
    """Pixels of the largest image the page draws (0 for none). Looks at the resources
    only, never decodes the image."""
    largest = 0
    try:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is None:
            return 0
        for ref in list(xobjects.get_object().values())[:200]:
            image = ref.get_object()
            if image.get("/Subtype") != "/Image":
                continue
            largest = max(largest, int(image.get("/Width", 0)) * int(image.get("/Height", 0)))
    except Exception:  # hostile resources: treat as no image
        return 0
    return largest


def has_image(page: Any) -> bool:
    """Does the page draw a page-sized image (a scan, not a logo)?"""
    return largest_image(page) >= SCAN_MIN_PIXELS


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


def form_field_lines(page: Any) -> list[str]:
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


def _streams(page: Any) -> list[Any]:
    """The page's content streams and the streams of the forms it draws (one level)."""
    found: list[Any] = []
    contents = page.get("/Contents")
    if contents is not None:
        contents = contents.get_object()
        if isinstance(contents, list):
            found.extend(c.get_object() for c in contents[:1000])
        else:
            found.append(contents)
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        for ref in list(xobjects.get_object().values())[:200]:
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form":
                found.append(xobject)
    return found


def content_too_large(page: Any, limit: int | None = None) -> bool:
    """Would pdfium decode more than ``limit`` bytes for this page's text (a compression
    bomb)? Inflates the page's Flate streams with a bounded output and never keeps them;
    a page whose streams cannot be looked at is left to pypdf."""
    limit = MAX_PAGE_CONTENT_BYTES if limit is None else limit
    try:
        total = 0
        for stream in _streams(page):
            raw = getattr(stream, "_data", b"") or b""
            filters = stream.get("/Filter")
            names = [filters] if not isinstance(filters, list) else list(filters)
            if names and names[0] == "/FlateDecode":
                inflater = zlib.decompressobj()
                total += len(inflater.decompress(raw, limit - total + 1))
            else:
                total += len(raw)
            if total > limit:
                return True
    except Exception:  # hostile objects or a broken stream: pypdf reads the page
        return True
    return False
