"""The data the auditor passes around: documents, signers, findings, the result."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from poortwachter.domain.vocabulary import Category, DocumentKind, Severity


@dataclass(slots=True)
class Signer:
    """A person who wrote or signed a document part."""

    name: str | None = None
    function: str | None = None
    role: str | None = None  # "werkgever", "werknemer", "bedrijfsarts", ... when known
    date: dt.date | None = None
    line: int | None = None  # index of the text line where the block starts

    def to_dict(self) -> dict[str, object]:
        """This signer in the audit JSON: name and function (empty when unknown), role and date
        when known."""
        out: dict[str, object] = {"name": self.name or "", "function": self.function or ""}
        if self.role:
            out["role"] = self.role
        if self.date:
            out["date"] = self.date.isoformat()
        return out


@dataclass(slots=True)
class FoundValue:
    """A value found in a document with where it stands."""

    value: str
    page: int
    excerpt: str


@dataclass(slots=True)
class Document:
    """One recognisable part of the dossier (a file, or a part of a merged PDF)."""

    path: str
    file_type: str  # "pdf", "docx", "xlsx", "image", "text", "unknown"
    size: int
    pages: list[str] = field(default_factory=list)  # text per page (DOCX/XLSX: one "page")
    page_count: int = 0
    first_page: int = 1  # page number (1-based) of pages[0] in the file
    readable: bool = True
    reason: str | None = None  # Dutch, when not readable
    kind: DocumentKind = DocumentKind.OTHER
    #: other parts this document also holds, named in the same title
    also_kinds: tuple[DocumentKind, ...] = ()
    #: for kind ``other``: what it is when known ("uwv_besluit_verlenging")
    sub_kind: str | None = None
    kind_evidence: FoundValue | None = None
    date: dt.date | None = None
    date_evidence: FoundValue | None = None
    signers: list[Signer] = field(default_factory=list)
    #: authors named anywhere ("Opgesteld door: A. Bakker, bedrijfsarts")
    authors: list[Signer] = field(default_factory=list)
    bsn: list[FoundValue] = field(default_factory=list)
    names: list[FoundValue] = field(default_factory=list)
    eerste_ziektedag: list[FoundValue] = field(default_factory=list)
    sections: dict[str, FoundValue] = field(default_factory=dict)
    medical_terms: list[FoundValue] = field(default_factory=list)
    #: dates of activity rows (XLSX log) with their description
    activity_dates: list[tuple[dt.date, str]] = field(default_factory=list)
    #: True for a part split out of a merged PDF (or a DOCX holding several parts)
    is_part: bool = False
    #: DOCX parts: the text lines (paragraphs and table rows, 1-based) the part takes
    first_line: int = 0
    line_count: int = 0
    #: pages as Word last rendered them (DOCX), when known
    rendered_pages: int = 0
    #: indexes (into ``pages``) of pages that hold an image but no text: scans
    scanned_pages: list[int] = field(default_factory=list)
    #: the content is a scan or photo (no text layer); its text, if any, came from OCR
    scan: bool = False
    #: indexes (into ``pages``) of pages whose text was read with OCR
    ocr_pages: list[int] = field(default_factory=list)
    #: why scanned pages were not read with OCR (Dutch), when some were not
    ocr_note: str | None = None

    @property
    def ocr(self) -> bool:
        """Some of the text was read with OCR (the report says so)."""
        return bool(self.ocr_pages)

    @property
    def text(self) -> str:
        """The text of all pages, one page after the other."""
        return "\n".join(self.pages)

    @property
    def last_page(self) -> int:
        """The last page of this document (or part) in its file."""
        return self.first_page + max(self.page_count, 1) - 1

    @property
    def page_range(self) -> str:
        """The pages in its file, ``3`` or ``3-5``."""
        if self.page_count <= 1:
            return str(self.first_page)
        return f"{self.first_page}-{self.last_page}"

    @property
    def paragraph_range(self) -> str:
        """DOCX parts: the text lines (paragraphs and table rows) the part takes."""
        last = self.first_line + max(self.line_count, 1) - 1
        return str(self.first_line) if last == self.first_line else f"{self.first_line}-{last}"

    @property
    def label(self) -> str:
        """How a user finds the part: the file, with the pages for a part of a merged PDF
        and the paragraphs for a part of a DOCX."""
        if self.is_part and self.file_type == "docx" and self.first_line:
            return f"{self.path} (alinea {self.paragraph_range})"
        if self.is_part:
            return f"{self.path} (p. {self.page_range})"
        return self.path


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding comes from: the file, the page when known, and a short excerpt."""

    path: str
    page: int | None = None
    excerpt: str = ""

    def to_dict(self) -> dict[str, object]:
        """This evidence in the audit JSON (``page`` only when known)."""
        out: dict[str, object] = {"path": self.path, "excerpt": self.excerpt}
        if self.page is not None:
            out["page"] = self.page
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    """One gap the audit found: the rule, its severity and category, the kind of document
    it is about, the Dutch message, the legal or practice reference and the evidence."""

    rule: str
    severity: Severity
    category: Category
    document_kind: DocumentKind
    message: str
    reference: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """This finding in the audit JSON of DESIGN.md."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "category": self.category.value,
            "document_kind": self.document_kind.value,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "reference": self.reference,
        }


@dataclass(frozen=True, slots=True)
class Rule:
    """One checklist rule: which check type runs with which params, and what a finding says
    (severity, category, Dutch message, the source it rests on); ``line`` in the YAML file."""

    id: str
    severity: Severity
    category: Category
    document_kind: DocumentKind
    check: str
    params: dict[str, Any]
    message: str
    reference: str
    title: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class Checklist:
    """A loaded, validated checklist (``checklists/*.yaml``): its rules in file order."""

    id: str
    version: str
    werkwijzer_edition: str
    rules: tuple[Rule, ...]
    title: str = ""
    path: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
