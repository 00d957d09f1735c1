"""Helpers and parameter schemas shared by the check families."""

from __future__ import annotations

from datetime import date
from typing import Any

from poortwachter.audit.model import Document, Evidence, Finding, Rule
from poortwachter.audit.rules.context import AuditContext
from poortwachter.domain.dates import format_nl
from poortwachter.domain.vocabulary import DocumentKind, MilestoneId

KINDS = {"type": "list", "schema": {"type": "string", "allowed": [k.value for k in DocumentKind]}}


MILESTONE = {"type": "string", "allowed": [m.value for m in MilestoneId]}


DAYS = {"type": "integer", "min": 0, "max": 3650}


ACCEPTED = {
    "type": "list",
    "schema": {
        "type": "dict",
        "schema": {
            "kind": {
                "type": "string",
                "required": True,
                "allowed": [k.value for k in DocumentKind],
            },
            "section": {"type": "string", "required": True},
        },
    },
}


MIB = 1024 * 1024


ROLES = ["werkgever", "werknemer", "bedrijfsarts", "casemanager", "arbeidsdeskundige"]


FIELDS = ["bsn", "naam", "eerste_ziektedag"]


def kinds_of(rule: Rule) -> list[str]:
    """The document kinds a rule looks at: its ``kinds`` parameter, else its document kind."""
    return list(rule.params.get("kinds") or [rule.document_kind.value])


def new_finding(
    rule: Rule,
    detail: str = "",
    evidence: list[Evidence] | None = None,
    kind: DocumentKind | None = None,
) -> Finding:
    """A finding of ``rule``; ``kind`` is the kind of the document it is about (a finding
    about one document carries that document's kind, DESIGN.md)."""
    message = rule.message if not detail else f"{rule.message} ({detail})"
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        category=rule.category,
        document_kind=kind or rule.document_kind,
        message=message,
        reference=rule.reference,
        evidence=tuple(evidence or ()),
    )


def doc_evidence(doc: Document, excerpt: str = "", page: int | None = None) -> Evidence:
    """Evidence pointing at ``doc``: the given excerpt and page, else the line that decided
    its kind (at most 200 characters)."""
    if not excerpt and doc.kind_evidence is not None:
        excerpt = doc.kind_evidence.excerpt
        page = page or doc.kind_evidence.page
    return Evidence(path=doc.path, page=page or doc.first_page, excerpt=excerpt[:200])


def date_evidence(doc: Document) -> Evidence:
    """Evidence pointing at the date of ``doc`` (where it was found), else at the document."""
    if doc.date_evidence is not None:
        return Evidence(doc.path, doc.date_evidence.page, doc.date_evidence.excerpt[:200])
    return doc_evidence(doc)


def nl(value: date) -> str:
    """A date in Dutch, as in the messages (``12 februari 2026``)."""
    return format_nl(value)


def sections_valid(params: dict[str, Any]) -> list[str]:
    """The parameter problems of a rule that names sections (``section``, ``sections``,
    ``accepted_when``): each section that ``secties.yaml`` does not define."""
    from poortwachter.audit.datafiles import section_patterns

    known = section_patterns()
    names = [params.get("section"), *params.get("sections", [])]
    names += [a.get("section") for a in params.get("accepted_when", [])]
    return [
        f"sectie '{n}' bestaat niet; kies uit {', '.join(sorted(known))}"
        for n in names
        if n is not None and n not in known
    ]


def one_section_param(params: dict[str, Any]) -> list[str]:
    """Like :func:`sections_valid`, and exactly one of ``section`` and ``sections`` given."""
    problems = sections_valid(params)
    if ("section" in params) == ("sections" in params):
        problems.append("geef precies één van 'section' of 'sections'")
    return problems


def accepted_by(rule: Rule, ctx: AuditContext) -> Document | None:
    """The first document that the rule's ``accepted_when`` accepts instead (a document of
    that kind with that section), or ``None``."""
    for alt in rule.params.get("accepted_when", []):
        for doc in ctx.of_kind([alt["kind"]]):
            if alt["section"] in doc.sections:
                return doc
    return None


def unreadable_note(ctx: AuditContext) -> str:
    """A Dutch note for a "missing" finding when files could not be read (the part may be in
    one of them); empty when all were read."""
    n = len(ctx.unreadable)
    if not n:
        return ""
    return f"{n} bestand(en) niet leesbaar; mogelijk zit dit deel daarin"
