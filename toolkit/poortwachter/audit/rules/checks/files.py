"""Check types — The files themselves: file_rules (UWV upload rules), readable, recognised."""

from __future__ import annotations

from pathlib import PurePosixPath

from poortwachter.audit.model import Evidence, Finding, Rule
from poortwachter.audit.rules.checks.common import (
    MIB,
    doc_evidence,
    new_finding,
)
from poortwachter.audit.rules.checks.spec import CheckSpec
from poortwachter.audit.rules.context import AuditContext
from poortwachter.domain.vocabulary import DocumentKind


def check_file_rules(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Files meet UWV's upload rules: type and size."""
    findings: list[Finding] = []
    allowed = [e.lower().lstrip(".") for e in rule.params.get("allowed_extensions", [])]
    max_bytes = rule.params.get("max_bytes")
    seen: set[str] = set()
    for doc in ctx.documents:
        if doc.path in seen:
            continue
        seen.add(doc.path)
        suffix = PurePosixPath(doc.path).suffix.lower().lstrip(".")
        if allowed and suffix not in allowed:
            findings.append(
                new_finding(
                    rule,
                    f"{doc.path}: .{suffix or '?'} (toegestaan: {', '.join(allowed)})",
                    [Evidence(doc.path)],
                    doc.kind,
                )
            )
        if max_bytes is not None and doc.size > max_bytes:
            findings.append(
                new_finding(
                    rule,
                    f"{doc.path}: {doc.size / MIB:.1f} MB, ten hoogste {max_bytes / MIB:.0f} MB",
                    [Evidence(doc.path)],
                    doc.kind,
                )
            )
    return findings


FILE_RULES = CheckSpec(
    "file_rules",
    check_file_rules,
    {
        "allowed_extensions": {"type": "list", "schema": {"type": "string"}},
        "max_bytes": {"type": "integer", "min": 1},
    },
    None,
    "bestandstype en -grootte volgens de uploadregels van UWV",
)


#: more unreadable files than this give one finding with the list, not one each
MANY_UNREADABLE = 3


def check_readable(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Every file can be read (not encrypted, broken or a scan without text). Many
    unreadable files give one finding that lists them all."""
    unreadable = [doc for doc in ctx.documents if not doc.readable]
    evidence = [
        Evidence(doc.path, doc.first_page if doc.is_part else None, doc.reason or "")
        for doc in unreadable
    ]
    if len(unreadable) > MANY_UNREADABLE:
        names = ", ".join(doc.label for doc in unreadable[:10])
        more = f" en {len(unreadable) - 10} meer" if len(unreadable) > 10 else ""
        detail = f"{len(unreadable)} bestanden of delen: {names}{more}; zie de lijst"
        return [new_finding(rule, detail, evidence)]
    return [
        new_finding(rule, f"{doc.label} {doc.reason or 'is niet leesbaar'}", [ev], doc.kind)
        for doc, ev in zip(unreadable, evidence, strict=True)
    ]


READABLE = CheckSpec("readable", check_readable, {}, None, "elk bestand is leesbaar")


def check_recognised(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Every readable part is recognisable as a RIV part by its title."""
    return [
        new_finding(
            rule, f"{doc.label}: geen herkenbare titel", [doc_evidence(doc, doc.text[:120])]
        )
        for doc in ctx.documents
        if doc.readable and doc.kind is DocumentKind.OTHER and not doc.sub_kind
    ]


RECOGNISED = CheckSpec(
    "recognised", check_recognised, {}, None, "elk deel is herkenbaar aan zijn titel"
)


#: The check types of this family, in the order ``checklist types`` lists them.
SPECS: tuple[CheckSpec, ...] = (
    FILE_RULES,
    READABLE,
    RECOGNISED,
)
