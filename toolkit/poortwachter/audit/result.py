"""What an audit of one dossier gives: :class:`AuditResult` (documents, findings, timeline,
facts; ``to_dict()`` is the audit JSON, ``schema_version`` :data:`SCHEMA_VERSION`) and when a
dossier is ready for UWV."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from poortwachter.audit.classify.riv_parts import RIV_PARTS
from poortwachter.audit.extract.facts import Fact
from poortwachter.audit.model import Checklist, Document, Finding
from poortwachter.domain.milestones import Timeline
from poortwachter.domain.privacy import mask_bsn
from poortwachter.domain.vocabulary import DocumentKind, Severity

#: Version of the audit JSON (checklists/audit-report.schema.json).
SCHEMA_VERSION = 1
#: Findings are listed by severity, then by RIV part.
SEVERITY_ORDER = {Severity.BLOCKER: 0, Severity.WARNING: 1, Severity.INFO: 2}
PART_ORDER = {kind: n for n, (_label, kinds) in enumerate(RIV_PARTS) for kind in kinds}


@dataclass(slots=True)
class AuditResult:
    """The audit of one dossier: its documents (parts of merged files each listed), the
    findings of the checklist's rules, the timeline facts used and the summary;
    ``to_dict()`` is the audit JSON of DESIGN.md."""

    dossier_path: str
    checklist: Checklist
    peildatum: date
    documents: list[Document]
    findings: list[Finding]
    eerste_ziektedag: date | None = None
    eerste_ziektedag_bron: str | None = None
    werknemer_naam: str | None = None
    werknemer_bsn: str | None = None
    timeline: Timeline | None = None
    tool_version: str = field(default="")
    #: timeline facts found in the documents, with the document each came from
    facts: list[Fact] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        """The number of findings of exactly this ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def ready_for_submission(self) -> bool:
        """No blocking finding, and no part UWV cannot open or nobody can identify."""
        return self.count(Severity.BLOCKER) == 0 and not self.not_ready_because

    @property
    def not_ready_because(self) -> list[str]:
        """Besides blocking findings: why the dossier is not ready (Dutch), e.g. a part
        that is encrypted or broken (a scan is not: UWV accepts scans) or a part whose
        kind is not recognised."""
        return not_ready_reasons(self.documents)

    @property
    def summary(self) -> dict[str, object]:
        """The counts per severity and ``ready_for_submission`` (with ``not_ready_because``
        when there are reasons besides blocking findings), as in the audit JSON."""
        out: dict[str, object] = {
            "blocker": self.count(Severity.BLOCKER),
            "warning": self.count(Severity.WARNING),
            "info": self.count(Severity.INFO),
            "ready_for_submission": self.ready_for_submission,
        }
        if self.not_ready_because:
            out["not_ready_because"] = self.not_ready_because
        return out

    def at_or_above(self, severity: Severity) -> int:
        """Findings with this severity or a more serious one."""
        limit = SEVERITY_ORDER[severity]
        return sum(1 for f in self.findings if SEVERITY_ORDER[f.severity] <= limit)

    def to_dict(self, *, show_bsn: bool = False) -> dict[str, object]:
        """The audit report JSON of DESIGN.md, schema_version 1 (BSN masked by default)."""
        documents: list[dict[str, object]] = []
        for doc in self.documents:
            item: dict[str, object] = {
                "path": doc.path,
                "kind": doc.kind.value,
                "date": doc.date.isoformat() if doc.date else None,
                "pages": max(doc.page_count, doc.rendered_pages),
                "signed_by": [s.to_dict() for s in (doc.signers or doc.authors)],
                "readable": doc.readable,
            }
            if doc.is_part:
                item["page_range"] = doc.page_range
                if doc.file_type == "docx" and doc.first_line:
                    item["paragraph_range"] = doc.paragraph_range
            if doc.also_kinds:
                item["also_kinds"] = [k.value for k in doc.also_kinds]
            if doc.sub_kind:
                item["sub_kind"] = doc.sub_kind
            if doc.ocr:
                item["ocr"] = True
            if doc.reason:
                item["reason"] = doc.reason
            item["file_type"] = doc.file_type
            item["size"] = doc.size
            documents.append(item)
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "poortwachter", "version": self.tool_version or _version()},
            "checklist": {"id": self.checklist.id, "version": self.checklist.version},
            "peildatum": self.peildatum.isoformat(),
            "dossier": {
                "path": self.dossier_path,
                "eerste_ziektedag": self.eerste_ziektedag.isoformat()
                if self.eerste_ziektedag
                else None,
                "werknemer": {
                    "naam": self.werknemer_naam or "",
                    "bsn": mask_bsn(self.werknemer_bsn, show=show_bsn),
                },
            },
            "documents": documents,
            "facts": [f.to_dict() for f in self.facts],
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary,
        }


def is_scan(doc: Document) -> bool:
    """A scan or photo without a text layer: UWV accepts it, only its content is not
    checked (without OCR)."""
    return doc.scan or doc.file_type == "image"


def not_ready_reasons(documents: Sequence[Document]) -> list[str]:
    """Parts that keep a dossier from being ready whatever the findings say: unreadable
    for UWV (encrypted, broken, a type UWV does not take) or not recognised."""
    reasons: list[str] = []
    closed = [d.label for d in documents if not d.readable and not is_scan(d)]
    unknown = [
        d.label for d in documents if d.readable and d.kind is DocumentKind.OTHER and not d.sub_kind
    ]
    if closed:
        reasons.append(f"{len(closed)} deel/delen onleesbaar voor UWV: {_listed(closed)}")
    if unknown:
        reasons.append(f"{len(unknown)} deel/delen niet herkend: {_listed(unknown)}")
    return reasons


def _listed(labels: list[str], at_most: int = 5) -> str:
    shown = ", ".join(labels[:at_most])
    return shown + (f" en {len(labels) - at_most} meer" if len(labels) > at_most else "")


def _version() -> str:
    import poortwachter

    return str(poortwachter.__version__)
