"""Check types — Who signed and who wrote it: signed_by, dated_named."""

from __future__ import annotations

from poortwachter.audit.model import Document, Finding, Rule, Signer
from poortwachter.audit.rules.checks.common import (
    KINDS,
    ROLES,
    doc_evidence,
    kinds_of,
    new_finding,
)
from poortwachter.audit.rules.checks.spec import CheckSpec
from poortwachter.audit.rules.context import AuditContext
from poortwachter.audit.text.fields import name_key


def _side(signer: Signer, employee: str | None) -> set[str]:
    sides: set[str] = set()
    if signer.role:
        sides.add(signer.role)
        if signer.role in ("casemanager",):
            sides.add("werkgever")
    if employee and signer.name and name_key(signer.name) == name_key(employee):
        sides.add("werknemer")
    return sides


def _scan_after(doc: Document, ctx: AuditContext) -> Document | None:
    """The unreadable (scanned) pages right after this part of the same file, if any."""
    for other in ctx.documents:
        if (
            other.path == doc.path
            and not other.readable
            and other.is_part
            and other.first_page == doc.last_page + 1
        ):
            return other
    return None


def check_signed_by(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Every part of the kinds carries the signatures of the given roles."""
    roles: list[str] = rule.params.get("roles", ["werkgever", "werknemer"])
    findings: list[Finding] = []
    for doc in ctx.of_kind(kinds_of(rule)):
        present: set[str] = set()
        for signer in doc.signers:
            present |= _side(signer, ctx.werknemer_naam)
        missing = [r for r in roles if r not in present]
        if missing:
            detail = f"{doc.label}: geen handtekening van {' en '.join(missing)} gevonden"
            scan = _scan_after(doc, ctx)
            if scan is not None:
                detail += f"; mogelijk staan ze op de gescande pagina {scan.page_range}"
            findings.append(new_finding(rule, detail, [doc_evidence(doc)], doc.kind))
    return findings


SIGNED_BY = CheckSpec(
    "signed_by",
    check_signed_by,
    {
        "kinds": KINDS,
        "roles": {
            "type": "list",
            "minlength": 1,
            "schema": {"type": "string", "allowed": ROLES},
        },
    },
    None,
    "het deel is ondertekend door de genoemde partijen",
)


def check_dated_named(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Every part has what ``require`` lists: a date, the name of its author or signer,
    and (when a name is there) that person's function."""
    required = set(rule.params.get("require", ["date", "name", "function"]))
    employee = name_key(ctx.werknemer_naam) if ctx.werknemer_naam else None
    findings: list[Finding] = []
    for doc in ctx.of_kind(kinds_of(rule)):
        problems: list[str] = []
        if "date" in required and doc.date is None:
            problems.append("geen datum")
        people = [p for p in [*doc.signers, *doc.authors] if p.name]
        if not people:
            if "name" in required:
                problems.append("geen naam van opsteller of ondertekenaar")
        elif "function" in required and not any(
            p.function or (employee and p.name and name_key(p.name) == employee) for p in people
        ):
            problems.append("geen functie bij de naam van opsteller of ondertekenaar")
        if problems:
            findings.append(
                new_finding(
                    rule, f"{doc.label}: {', '.join(problems)}", [doc_evidence(doc)], doc.kind
                )
            )
    return findings


DATED_NAMED = CheckSpec(
    "dated_named",
    check_dated_named,
    {
        "kinds": KINDS,
        "require": {
            "type": "list",
            "minlength": 1,
            "schema": {"type": "string", "allowed": ["date", "name", "function"]},
        },
    },
    None,
    "het deel heeft een datum en naam en functie van opsteller of ondertekenaar",
)


#: The check types of this family, in the order ``checklist types`` lists them.
SPECS: tuple[CheckSpec, ...] = (
    SIGNED_BY,
    DATED_NAMED,
)
