"""Readers turn the bytes of one file into a :class:`~poortwachter.audit.model.Document`.

Every reader respects :class:`~poortwachter.audit.limits.Limits` and never raises for a
bad file: it returns a document with ``readable=False`` and a Dutch reason.

A file's type comes from its content (:func:`sniff`, magic bytes), never from its name;
:data:`READERS` maps each readable type to its reader. A new reader is a module here, its
magic bytes in :func:`sniff` and one entry in :data:`READERS`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from poortwachter.audit.limits import Limits
from poortwachter.audit.model import Document

if TYPE_CHECKING:
    from poortwachter.audit.intake.ocr import Budget

#: A reader: (content, path as shown, limits, the dossier's OCR budget) → a document
#: (readable or not; never raises). Readers of text layers ignore the budget.
Reader = Callable[[bytes, str, Limits, "Budget | None"], Document]

_TEXT_SUFFIXES = {".txt", ".md", ".csv"}


def sniff(data: bytes, name: str) -> str:
    """'pdf', 'docx', 'xlsx', 'zip', 'image', 'ole', 'text' or 'unknown' from the content."""
    head = data[:1024]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            suffix = PurePosixPath(name).suffix.lower()
            return {".docx": "docx", ".xlsx": "xlsx"}.get(suffix, "zip")
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "mimetype" in names or "[Content_Types].xml" in names:
            return "office"  # OpenDocument, PowerPoint, ...: not a dossier container
        return "zip"
    if b"%PDF" in head:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG", b"II*\x00", b"MM\x00*", b"GIF8")):
        return "image"
    if PurePosixPath(name).suffix.lower() in _TEXT_SUFFIXES:
        return "text"
    return "unknown"


def _pdf(data: bytes, path: str, limits: Limits, ocr: Budget | None) -> Document:
    from poortwachter.audit.intake.readers.pdf import read_pdf

    return read_pdf(data, path, limits, ocr)


def _docx(data: bytes, path: str, limits: Limits, ocr: Budget | None) -> Document:
    from poortwachter.audit.intake.readers.docx import read_docx

    return read_docx(data, path, limits)


def _xlsx(data: bytes, path: str, limits: Limits, ocr: Budget | None) -> Document:
    from poortwachter.audit.intake.readers.xlsx import read_xlsx

    return read_xlsx(data, path, limits)


def _image(data: bytes, path: str, limits: Limits, ocr: Budget | None) -> Document:
    from poortwachter.audit.intake.readers.image import read_image

    return read_image(data, path, limits, ocr)


def _text(data: bytes, path: str, limits: Limits, ocr: Budget | None) -> Document:
    from poortwachter.audit.intake.readers.common import clean_text

    text = clean_text(data[: limits.max_chars].decode("utf-8", errors="replace"))
    return Document(path, "text", len(data), pages=[text], page_count=1)


#: The reader of every file type :func:`sniff` can name that the auditor reads.
READERS: dict[str, Reader] = {
    "pdf": _pdf,
    "docx": _docx,
    "xlsx": _xlsx,
    "image": _image,
    "text": _text,
}
