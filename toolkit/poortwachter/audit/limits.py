"""Limits every reader respects: hostile input is normal input (DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits every reader respects (defaults in SECURITY.md): file size, pages, time and
    characters per file, rows per sheet, files per dossier, and OCR's pages and time per
    dossier."""

    #: files larger than this are not read at all
    read_bytes: int = 60 * MB
    #: pages read per PDF; the rest is ignored (and said so)
    max_pages: int = 400
    #: seconds of text extraction per file before the reader stops
    seconds_per_file: float = 20.0
    #: rows read per sheet of a spreadsheet
    max_rows: int = 5000
    #: characters of text kept per file
    max_chars: int = 2_000_000
    #: files taken from one dossier (folder or zip)
    max_files: int = 500
    #: scanned pages read with OCR per dossier, over all its files (0: no OCR); needs
    #: ``poortwachter[ocr]``
    ocr_pages: int = 50
    #: CPU seconds of OCR per scanned page, on average: the dossier's OCR may take
    #: ``ocr_pages × ocr_seconds_per_page`` CPU seconds (checked between pages)
    ocr_seconds_per_page: float = 5.0


DEFAULT_LIMITS = Limits()
