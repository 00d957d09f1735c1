"""Check types — When was it done: due_by, recent, max_interval (evaluations, activity rows)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

from poortwachter.audit.extract.facts import pause_days
from poortwachter.audit.model import Evidence, Finding, Rule
from poortwachter.audit.rules.checks.common import (
    DAYS,
    KINDS,
    MILESTONE,
    date_evidence,
    kinds_of,
    new_finding,
    nl,
)
from poortwachter.audit.rules.checks.spec import CheckSpec
from poortwachter.audit.rules.context import AuditContext
from poortwachter.domain.labels import KIND_LABELS
from poortwachter.domain.vocabulary import DocumentKind


def check_due_by(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """The earliest dated part is dated by its deadline (and not far too early)."""
    docs = [d for d in ctx.of_kind(kinds_of(rule)) if d.date is not None]
    if not docs:
        return []
    first = min(docs, key=lambda d: d.date or date.max)
    assert first.date is not None
    deadline: date | None = None
    basis = ""
    after = rule.params.get("after")
    if after:
        anchors = [d for d in ctx.of_kind([after["kind"]]) if d.date is not None]
        if anchors:
            anchor = min(anchors, key=lambda d: d.date or date.max)
            assert anchor.date is not None
            deadline = anchor.date + timedelta(days=after["days"])
            basis = f"{after['days']} dagen na {KIND_LABELS[anchor.kind]} van {nl(anchor.date)}"
    milestone = rule.params.get("milestone")
    if deadline is None and milestone:
        deadline = ctx.due(milestone)
        if deadline is not None:
            basis = (
                f"termijn volgens de tijdlijn vanaf de eerste ziektedag {nl(ctx.eerste_ziektedag)}"
                if ctx.eerste_ziektedag
                else "termijn"
            )
    if deadline is None:
        return []
    grace = rule.params.get("grace_days", 0)
    if first.date > deadline + timedelta(days=grace):
        late = (first.date - deadline).days
        return [
            new_finding(
                rule,
                f"gedateerd {nl(first.date)}, uiterlijk {nl(deadline)}: {late} dagen te laat; "
                f"{basis}",
                [date_evidence(first)],
                first.kind,
            )
        ]
    not_before = rule.params.get("not_before_days")
    if not_before is not None and first.date < deadline - timedelta(days=not_before):
        return [
            new_finding(
                rule,
                f"gedateerd {nl(first.date)}, ruim vóór {nl(deadline)}: te vroeg voor dit moment",
                [date_evidence(first)],
                first.kind,
            )
        ]
    return []


DUE_BY = CheckSpec(
    "due_by",
    check_due_by,
    {
        "kinds": KINDS,
        "milestone": MILESTONE,
        "after": {
            "type": "dict",
            "schema": {
                "kind": {
                    "type": "string",
                    "required": True,
                    "allowed": [k.value for k in DocumentKind],
                },
                "days": {**DAYS, "required": True},
            },
        },
        "grace_days": DAYS,
        "not_before_days": DAYS,
    },
    None,
    "het deel is op tijd gedateerd",
)


#: an activity row that is an evaluation of the plan: an evaluation, a voortgangsgesprek,
#: a bijstelling; not any consult, spreekuur or phone call
_EVAL_ROW = re.compile(
    r"(evaluatie|voortgang|bijstelling|plan van aanpak|\bpva\b|re-?integratiegesprek|"
    r"driegesprek|gesprek (met )?(werkgever|werknemer|leidinggevende)|"
    r"(werkgever|leidinggevende)\W+werknemer)",
    re.IGNORECASE,
)


_NOT_EVAL_ROW = re.compile(
    r"(telefo|gebeld|\bbel|consult|spreekuur|e-?mail|\bmail|sms|whatsapp|brief|ziekmelding|"
    r"herinnering|afspraak gemaakt|uitnodiging)",
    re.IGNORECASE,
)


_SURELY_EVAL = re.compile(r"(evaluatie|voortgang)", re.IGNORECASE)


def _is_eval_row(text: str) -> bool:
    """An activity row about an evaluation of the plan (issue 11 item 4)."""
    if not _EVAL_ROW.search(text):
        return False
    return bool(_SURELY_EVAL.search(text)) or not _NOT_EVAL_ROW.search(text)


def check_max_interval(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Evaluations follow each other at most ``max_days`` apart."""
    max_days = rule.params.get("max_days", 42)
    points: list[tuple[date, Evidence]] = []
    for doc in ctx.of_kind(kinds_of(rule)):
        if doc.date is not None:
            points.append((doc.date, date_evidence(doc)))
    if rule.params.get("activity_rows", True):
        custom = rule.params.get("row_pattern")
        row_pattern = re.compile(custom, re.IGNORECASE) if custom else None
        for doc in ctx.of_kind([DocumentKind.ACTIVITEITENOVERZICHT]):
            for when, text in doc.activity_dates:
                if row_pattern.search(text) if row_pattern else _is_eval_row(text):
                    points.append((when, Evidence(doc.path, doc.first_page, text[:200])))
    # evaluations evaluate the plan: count from the first plan van aanpak on, up to the
    # eindevaluatie (or the peildatum)
    plans = [d.date for d in ctx.of_kind([DocumentKind.PLAN_VAN_AANPAK]) if d.date is not None]
    if plans:
        points = [p for p in points if p[0] >= min(plans)]
    ends = [d.date for d in ctx.of_kind([DocumentKind.EINDEVALUATIE]) if d.date is not None]
    end = min([ctx.peildatum, *ends])
    points = [p for p in points if p[0] <= end]
    if not points:
        return []
    points.sort(key=lambda p: p[0])
    findings: list[Finding] = []
    for (a, ev_a), (b, ev_b) in pairwise(points):
        # a documented period of 'geen benutbare mogelijkheden': evaluations may pause
        if (b - a).days - pause_days(ctx.facts, a, b) > max_days:
            findings.append(
                new_finding(
                    rule,
                    f"{(b - a).days} dagen tussen {nl(a)} en {nl(b)}; ten hoogste {max_days}",
                    [ev_a, ev_b],
                )
            )
    last, ev_last = points[-1]
    if (end - last).days > max_days and not ends:
        findings.append(
            new_finding(
                rule,
                f"laatste evaluatie op {nl(last)}, {(end - last).days} dagen vóór de peildatum "
                f"{nl(end)}; ten hoogste {max_days}",
                [ev_last],
            )
        )
    return findings


MAX_INTERVAL = CheckSpec(
    "max_interval",
    check_max_interval,
    {
        "kinds": KINDS,
        "max_days": {"type": "integer", "min": 1, "max": 3650, "required": True},
        "activity_rows": {"type": "boolean"},
        "row_pattern": {"type": "string"},
    },
    lambda p: _regex_ok(p.get("row_pattern")),
    "evaluaties volgen elkaar binnen de termijn op",
)


def check_recent(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """The newest part of the kinds is at most ``max_age_days`` old at the peildatum."""
    milestone = rule.params.get("milestone")
    if milestone and not ctx.is_due(milestone):
        return []
    docs = [d for d in ctx.of_kind(kinds_of(rule)) if d.date is not None]
    if not docs:
        return []
    newest = max(docs, key=lambda d: d.date or date.min)
    assert newest.date is not None
    age = (ctx.peildatum - newest.date).days
    if age > rule.params["max_age_days"]:
        return [
            new_finding(
                rule,
                f"laatste van {nl(newest.date)}, {age} dagen oud op {nl(ctx.peildatum)}; "
                f"ten hoogste {rule.params['max_age_days']}",
                [date_evidence(newest)],
            )
        ]
    return []


RECENT = CheckSpec(
    "recent",
    check_recent,
    {"kinds": KINDS, "max_age_days": {**DAYS, "required": True}, "milestone": MILESTONE},
    None,
    "het laatste deel is niet ouder dan de termijn",
)


def _regex_ok(pattern: str | None) -> list[str]:
    if pattern is None:
        return []
    try:
        re.compile(pattern)
    except re.error as exc:
        return [f"row_pattern is geen geldige reguliere expressie ({exc})"]
    return []


#: The check types of this family, in the order ``checklist types`` lists them.
SPECS: tuple[CheckSpec, ...] = (
    DUE_BY,
    MAX_INTERVAL,
    RECENT,
)
