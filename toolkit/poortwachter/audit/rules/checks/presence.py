"""Check types — Is the part there: present (when due on the peildatum), absent, precedes."""

from __future__ import annotations

from datetime import date

from poortwachter.audit.model import Evidence, Finding, Rule
from poortwachter.audit.rules.checks.common import (
    ACCEPTED,
    DAYS,
    KINDS,
    MILESTONE,
    accepted_by,
    date_evidence,
    doc_evidence,
    kinds_of,
    new_finding,
    nl,
    sections_valid,
    unreadable_note,
)
from poortwachter.audit.rules.checks.spec import CheckSpec
from poortwachter.audit.rules.context import AuditContext
from poortwachter.domain.labels import KIND_LABELS
from poortwachter.domain.vocabulary import DocumentKind


def check_present(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """The part exists (when its milestone is due at the peildatum)."""
    milestone = rule.params.get("milestone")
    if milestone and not ctx.is_due(milestone, rule.params.get("grace_days", 0)):
        return []
    docs = ctx.of_kind(kinds_of(rule))
    if len(docs) >= rule.params.get("min_count", 1):
        return []
    if accepted_by(rule, ctx) is not None:
        return []
    details: list[str] = []
    if milestone and ctx.due(milestone):
        details.append(f"uiterlijk {nl(ctx.due(milestone))}")  # type: ignore[arg-type]
    note = unreadable_note(ctx)
    if note:
        details.append(note)
    evidence = [Evidence(d.path, None, d.reason or "") for d in ctx.unreadable]
    return [new_finding(rule, "; ".join(details), evidence)]


PRESENT = CheckSpec(
    "present",
    check_present,
    {
        "kinds": KINDS,
        "milestone": MILESTONE,
        "grace_days": DAYS,
        "min_count": {"type": "integer", "min": 1},
        "accepted_when": ACCEPTED,
    },
    sections_valid,
    "het deel is aanwezig als het op de peildatum verplicht is",
)


def check_absent(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """No part of the kinds is in the dossier (e.g. medical letters in an employer file)."""
    return [
        new_finding(rule, doc.label, [doc_evidence(doc)], doc.kind)
        for doc in ctx.documents
        if doc.kind.value in kinds_of(rule)
    ]


ABSENT = CheckSpec(
    "absent", check_absent, {"kinds": KINDS}, None, "het deel hoort niet in het dossier"
)


def check_precedes(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """A part of the kinds exists, dated before the first part of ``before``."""
    later = [d for d in ctx.of_kind([rule.params["before"]]) if d.date is not None]
    if not later:
        return []
    first_later = min(later, key=lambda d: d.date or date.max)
    assert first_later.date is not None
    earlier = [d for d in ctx.of_kind(kinds_of(rule)) if d.date is not None]
    if any(d.date is not None and d.date <= first_later.date for d in earlier):
        return []
    before_label = KIND_LABELS[DocumentKind(rule.params["before"])]
    if earlier:
        first_date = min(d.date for d in earlier if d.date)
        detail = f"eerste van {nl(first_date)}, na {before_label} van {nl(first_later.date)}"
    else:
        detail = f"niet gevonden vóór {before_label} van {nl(first_later.date)}"
    return [new_finding(rule, detail, [date_evidence(first_later)])]


PRECEDES = CheckSpec(
    "precedes",
    check_precedes,
    {
        "kinds": KINDS,
        "before": {
            "type": "string",
            "required": True,
            "allowed": [k.value for k in DocumentKind],
        },
    },
    None,
    "het deel gaat vooraf aan een ander deel",
)


#: The check types of this family, in the order ``checklist types`` lists them.
SPECS: tuple[CheckSpec, ...] = (
    PRESENT,
    ABSENT,
    PRECEDES,
)
