"""Images (JPG, PNG, TIFF): UWV accepts JPG, but there is no text to check."""

from __future__ import annotations

from poortwachter.audit.model import Document
from poortwachter.audit.readers.common import unreadable


def read_image(data: bytes, path: str) -> Document:
    doc = unreadable(
        path,
        "image",
        len(data),
        "is een afbeelding (scan of foto) zonder tekstlaag; de inhoud is niet automatisch "
        "te controleren — controleer dit deel met de hand of lever een doorzoekbare PDF",
    )
    doc.page_count = 1
    return doc
