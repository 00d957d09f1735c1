"""The closed vocabulary of check types. One function per type; the checklist names the
type and gives its parameters (validated against :attr:`CheckSpec.params` on load).

Each function takes the rule and the :class:`~poortwachter.audit.rules.context.AuditContext`
and returns findings. A check never raises on odd documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from poortwachter.audit.extract.facts import pause_days
from poortwachter.audit.model import Document, Evidence, Finding, Signer
from poortwachter.audit.text.fields import name_key
from poortwachter.domain.dates import format_nl, parse_date
from poortwachter.domain.labels import KIND_LABELS
from poortwachter.domain.vocabulary import DocumentKind, MilestoneId

if TYPE_CHECKING:
    from poortwachter.audit.rules.checklist import Rule
    from poortwachter.audit.rules.context import AuditContext

CheckFn = Callable[["Rule", "AuditContext"], list[Finding]]

_KINDS = {"type": "list", "schema": {"type": "string", "allowed": [k.value for k in DocumentKind]}}
_MILESTONE = {"type": "string", "allowed": [m.value for m in MilestoneId]}
_DAYS = {"type": "integer", "min": 0, "max": 3650}
_ACCEPTED = {
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
_ROLES = ["werkgever", "werknemer", "bedrijfsarts", "casemanager", "arbeidsdeskundige"]
_FIELDS = ["bsn", "naam", "eerste_ziektedag"]


@dataclass(frozen=True, slots=True)
class CheckSpec:
    func: CheckFn
    params: dict[str, Any]
    extra_validation: Callable[[dict[str, Any]], list[str]] | None = None
    description: str = ""


# ------------------------------------------------------------------ helpers


def _kinds(rule: Rule) -> list[str]:
    return list(rule.params.get("kinds") or [rule.document_kind.value])


def _finding(
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


def _doc_evidence(doc: Document, excerpt: str = "", page: int | None = None) -> Evidence:
    if not excerpt and doc.kind_evidence is not None:
        excerpt = doc.kind_evidence.excerpt
        page = page or doc.kind_evidence.page
    return Evidence(path=doc.path, page=page or doc.first_page, excerpt=excerpt[:200])


def _date_evidence(doc: Document) -> Evidence:
    if doc.date_evidence is not None:
        return Evidence(doc.path, doc.date_evidence.page, doc.date_evidence.excerpt[:200])
    return _doc_evidence(doc)


def _nl(value: date) -> str:
    return format_nl(value)


def _sections_valid(params: dict[str, Any]) -> list[str]:
    from poortwachter.audit.datafiles import section_patterns

    known = section_patterns()
    names = [params.get("section"), *params.get("sections", [])]
    names += [a.get("section") for a in params.get("accepted_when", [])]
    return [
        f"sectie '{n}' bestaat niet; kies uit {', '.join(sorted(known))}"
        for n in names
        if n is not None and n not in known
    ]


def _one_section_param(params: dict[str, Any]) -> list[str]:
    problems = _sections_valid(params)
    if ("section" in params) == ("sections" in params):
        problems.append("geef precies één van 'section' of 'sections'")
    return problems


def _accepted(rule: Rule, ctx: AuditContext) -> Document | None:
    for alt in rule.params.get("accepted_when", []):
        for doc in ctx.of_kind([alt["kind"]]):
            if alt["section"] in doc.sections:
                return doc
    return None


def _unreadable_note(ctx: AuditContext) -> str:
    n = len(ctx.unreadable)
    if not n:
        return ""
    return f"{n} bestand(en) niet leesbaar; mogelijk zit dit deel daarin"


# ------------------------------------------------------------------ check types


def check_present(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """The part exists (when its milestone is due at the peildatum)."""
    milestone = rule.params.get("milestone")
    if milestone and not ctx.is_due(milestone, rule.params.get("grace_days", 0)):
        return []
    docs = ctx.of_kind(_kinds(rule))
    if len(docs) >= rule.params.get("min_count", 1):
        return []
    if _accepted(rule, ctx) is not None:
        return []
    details: list[str] = []
    if milestone and ctx.due(milestone):
        details.append(f"uiterlijk {_nl(ctx.due(milestone))}")  # type: ignore[arg-type]
    note = _unreadable_note(ctx)
    if note:
        details.append(note)
    evidence = [Evidence(d.path, None, d.reason or "") for d in ctx.unreadable]
    return [_finding(rule, "; ".join(details), evidence)]


def check_absent(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """No part of the kinds is in the dossier (e.g. medical letters in an employer file)."""
    return [
        _finding(rule, doc.label, [_doc_evidence(doc)], doc.kind)
        for doc in ctx.documents
        if doc.kind.value in _kinds(rule)
    ]


def check_due_by(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """The earliest dated part is dated by its deadline (and not far too early)."""
    docs = [d for d in ctx.of_kind(_kinds(rule)) if d.date is not None]
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
            basis = f"{after['days']} dagen na {KIND_LABELS[anchor.kind]} van {_nl(anchor.date)}"
    milestone = rule.params.get("milestone")
    if deadline is None and milestone:
        deadline = ctx.due(milestone)
        if deadline is not None:
            basis = (
                f"termijn volgens de tijdlijn vanaf de eerste ziektedag {_nl(ctx.eerste_ziektedag)}"
                if ctx.eerste_ziektedag
                else "termijn"
            )
    if deadline is None:
        return []
    grace = rule.params.get("grace_days", 0)
    if first.date > deadline + timedelta(days=grace):
        late = (first.date - deadline).days
        return [
            _finding(
                rule,
                f"gedateerd {_nl(first.date)}, uiterlijk {_nl(deadline)}: {late} dagen te laat; "
                f"{basis}",
                [_date_evidence(first)],
                first.kind,
            )
        ]
    not_before = rule.params.get("not_before_days")
    if not_before is not None and first.date < deadline - timedelta(days=not_before):
        return [
            _finding(
                rule,
                f"gedateerd {_nl(first.date)}, ruim vóór {_nl(deadline)}: te vroeg voor dit moment",
                [_date_evidence(first)],
                first.kind,
            )
        ]
    return []


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
    for doc in ctx.of_kind(_kinds(rule)):
        present: set[str] = set()
        for signer in doc.signers:
            present |= _side(signer, ctx.werknemer_naam)
        missing = [r for r in roles if r not in present]
        if missing:
            detail = f"{doc.label}: geen handtekening van {' en '.join(missing)} gevonden"
            scan = _scan_after(doc, ctx)
            if scan is not None:
                detail += f"; mogelijk staan ze op de gescande pagina {scan.page_range}"
            findings.append(_finding(rule, detail, [_doc_evidence(doc)], doc.kind))
    return findings


def check_dated_named(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Every part has what ``require`` lists: a date, the name of its author or signer,
    and (when a name is there) that person's function."""
    required = set(rule.params.get("require", ["date", "name", "function"]))
    employee = name_key(ctx.werknemer_naam) if ctx.werknemer_naam else None
    findings: list[Finding] = []
    for doc in ctx.of_kind(_kinds(rule)):
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
                _finding(
                    rule, f"{doc.label}: {', '.join(problems)}", [_doc_evidence(doc)], doc.kind
                )
            )
    return findings


#: how a missing section is named in a finding
_SECTION_NAMES = {
    "visie_werkgever": "de visie van de werkgever",
    "visie_werknemer": "de visie van de werknemer",
}


def check_contains_section(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Every part of the kinds contains the section, or every one of ``sections``
    (optionally only parts dated on or after ``since``: a transitional rule)."""
    wanted = rule.params.get("sections") or [rule.params["section"]]
    since = rule.params.get("since")
    since_date = parse_date(since) if since else None
    findings: list[Finding] = []
    for doc in ctx.of_kind(_kinds(rule)):
        if since_date and doc.date is not None and doc.date < since_date:
            continue
        missing = [s for s in wanted if s not in doc.sections]
        if not missing:
            continue
        detail = f"niet gevonden in {doc.label}"
        if len(wanted) > 1:
            what = " en ".join(_SECTION_NAMES.get(s, s.replace("_", " ")) for s in missing)
            detail = f"{what} {detail}"
        findings.append(_finding(rule, detail, [_doc_evidence(doc)], doc.kind))
    return findings


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
    for doc in ctx.of_kind(_kinds(rule)):
        if doc.date is not None:
            points.append((doc.date, _date_evidence(doc)))
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
                _finding(
                    rule,
                    f"{(b - a).days} dagen tussen {_nl(a)} en {_nl(b)}; ten hoogste {max_days}",
                    [ev_a, ev_b],
                )
            )
    last, ev_last = points[-1]
    if (end - last).days > max_days and not ends:
        findings.append(
            _finding(
                rule,
                f"laatste evaluatie op {_nl(last)}, {(end - last).days} dagen vóór de peildatum "
                f"{_nl(end)}; ten hoogste {max_days}",
                [ev_last],
            )
        )
    return findings


def check_no_medical_terms(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Employer documents hold no medical terms (diagnosis, nature or cause of illness)."""
    findings: list[Finding] = []
    for doc in ctx.of_kind(_kinds(rule)):
        if not doc.medical_terms:
            continue
        terms = sorted({t.value for t in doc.medical_terms})
        evidence = [Evidence(doc.path, t.page, t.excerpt) for t in doc.medical_terms[:5]]
        findings.append(_finding(rule, f"{doc.label}: {', '.join(terms)}", evidence, doc.kind))
    return findings


def _values(ctx: AuditContext, field: str) -> list[tuple[str, str, Evidence]]:
    """(comparison key, shown value, evidence) of a field in every readable document."""
    out: list[tuple[str, str, Evidence]] = []
    for doc in ctx.documents:
        if not doc.readable:
            continue
        if field == "bsn":
            for v in doc.bsn:
                out.append((v.value, v.value, Evidence(doc.path, v.page, "BSN")))
        elif field == "naam":
            for v in doc.names:
                out.append((name_key(v.value), v.value, Evidence(doc.path, v.page, v.excerpt)))
        elif field == "eerste_ziektedag":
            for v in doc.eerste_ziektedag:
                out.append((v.value, v.value, Evidence(doc.path, v.page, v.excerpt)))
    return out


def check_consistent_field(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """BSN, employee name or eerste ziektedag are the same in every document."""
    field = rule.params["field"]
    values = _values(ctx, field)
    findings: list[Finding] = []
    if field == "bsn":
        invalid = [v for v in values if v[0].startswith("ongeldig:")]
        for _key, _shown, ev in invalid:
            findings.append(_finding(rule, "een BSN voldoet niet aan de 11-proef", [ev]))
        values = [v for v in values if not v[0].startswith("ongeldig:")]
    if field == "eerste_ziektedag" and ctx.eerste_ziektedag_opgegeven is not None:
        given = ctx.eerste_ziektedag_opgegeven.isoformat()
        values.append((given, given, Evidence("--eerste-ziektedag", None, given)))
    distinct: dict[str, list[tuple[str, Evidence]]] = {}
    for key, shown, ev in values:
        if field == "naam":
            key = next((k for k in distinct if _same_person(k, distinct[k][0][0], shown)), key)
        distinct.setdefault(key, []).append((shown, ev))
    if len(distinct) > 1:
        evidence: list[Evidence] = []
        shown_values: list[str] = []
        for items in distinct.values():
            shown, ev = items[0]
            shown_values.append(_mask(shown) if field == "bsn" else shown)
            evidence.append(
                Evidence(ev.path, ev.page, _mask(shown) if field == "bsn" else ev.excerpt)
            )
        findings.append(_finding(rule, "gevonden: " + " / ".join(shown_values), evidence))
    return findings


def _same_person(key: str, known: str, other: str) -> bool:
    """'J. Jansen' ~ 'Jan Jansen' ~ 'Jansen, J.': the surname of one is in the other."""
    from poortwachter.audit.text.normalise import normalise

    other_words = set(normalise(other).split())
    return key in other_words or name_key(other) in set(normalise(known).split())


def _mask(bsn: str) -> str:
    from poortwachter.domain.privacy import mask_bsn

    return mask_bsn(bsn)


def check_field_present(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """A field (BSN, name, eerste ziektedag) is in every document, or in the dossier."""
    field = rule.params["field"]
    attr = {"bsn": "bsn", "naam": "names", "eerste_ziektedag": "eerste_ziektedag"}[field]
    docs = (
        ctx.of_kind(_kinds(rule))
        if rule.params.get("kinds")
        else [d for d in ctx.documents if d.readable]
    )
    if rule.params.get("per_document", False):
        missing = [d for d in docs if not getattr(d, attr)]
        if not missing:
            return []
        return [
            _finding(rule, f"ontbreekt in {d.label}", [_doc_evidence(d)], d.kind) for d in missing
        ]
    if any(getattr(d, attr) for d in docs):
        return []
    detail = "in geen enkel document gevonden"
    if field == "eerste_ziektedag" and ctx.eerste_ziektedag is None:
        detail += (
            "; termijnen niet berekend, alle onderdelen als verplicht getoetst "
            "(geef --eerste-ziektedag)"
        )
    return [_finding(rule, detail)]


def check_recent(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """The newest part of the kinds is at most ``max_age_days`` old at the peildatum."""
    milestone = rule.params.get("milestone")
    if milestone and not ctx.is_due(milestone):
        return []
    docs = [d for d in ctx.of_kind(_kinds(rule)) if d.date is not None]
    if not docs:
        return []
    newest = max(docs, key=lambda d: d.date or date.min)
    assert newest.date is not None
    age = (ctx.peildatum - newest.date).days
    if age > rule.params["max_age_days"]:
        return [
            _finding(
                rule,
                f"laatste van {_nl(newest.date)}, {age} dagen oud op {_nl(ctx.peildatum)}; "
                f"ten hoogste {rule.params['max_age_days']}",
                [_date_evidence(newest)],
            )
        ]
    return []


def check_precedes(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """A part of the kinds exists, dated before the first part of ``before``."""
    later = [d for d in ctx.of_kind([rule.params["before"]]) if d.date is not None]
    if not later:
        return []
    first_later = min(later, key=lambda d: d.date or date.max)
    assert first_later.date is not None
    earlier = [d for d in ctx.of_kind(_kinds(rule)) if d.date is not None]
    if any(d.date is not None and d.date <= first_later.date for d in earlier):
        return []
    before_label = KIND_LABELS[DocumentKind(rule.params["before"])]
    if earlier:
        first_date = min(d.date for d in earlier if d.date)
        detail = f"eerste van {_nl(first_date)}, na {before_label} van {_nl(first_later.date)}"
    else:
        detail = f"niet gevonden vóór {before_label} van {_nl(first_later.date)}"
    return [_finding(rule, detail, [_date_evidence(first_later)])]


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
                _finding(
                    rule,
                    f"{doc.path}: .{suffix or '?'} (toegestaan: {', '.join(allowed)})",
                    [Evidence(doc.path)],
                    doc.kind,
                )
            )
        if max_bytes is not None and doc.size > max_bytes:
            findings.append(
                _finding(
                    rule,
                    f"{doc.path}: {doc.size / MIB:.1f} MB, ten hoogste {max_bytes / MIB:.0f} MB",
                    [Evidence(doc.path)],
                    doc.kind,
                )
            )
    return findings


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
        return [_finding(rule, detail, evidence)]
    return [
        _finding(rule, f"{doc.label} {doc.reason or 'is niet leesbaar'}", [ev], doc.kind)
        for doc, ev in zip(unreadable, evidence, strict=True)
    ]


def check_recognised(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Every readable part is recognisable as a RIV part by its title."""
    return [
        _finding(rule, f"{doc.label}: geen herkenbare titel", [_doc_evidence(doc, doc.text[:120])])
        for doc in ctx.documents
        if doc.readable and doc.kind is DocumentKind.OTHER and not doc.sub_kind
    ]


CHECKS: dict[str, CheckSpec] = {
    "present": CheckSpec(
        check_present,
        {
            "kinds": _KINDS,
            "milestone": _MILESTONE,
            "grace_days": _DAYS,
            "min_count": {"type": "integer", "min": 1},
            "accepted_when": _ACCEPTED,
        },
        _sections_valid,
        "het deel is aanwezig als het op de peildatum verplicht is",
    ),
    "absent": CheckSpec(
        check_absent, {"kinds": _KINDS}, None, "het deel hoort niet in het dossier"
    ),
    "due_by": CheckSpec(
        check_due_by,
        {
            "kinds": _KINDS,
            "milestone": _MILESTONE,
            "after": {
                "type": "dict",
                "schema": {
                    "kind": {
                        "type": "string",
                        "required": True,
                        "allowed": [k.value for k in DocumentKind],
                    },
                    "days": {**_DAYS, "required": True},
                },
            },
            "grace_days": _DAYS,
            "not_before_days": _DAYS,
        },
        None,
        "het deel is op tijd gedateerd",
    ),
    "signed_by": CheckSpec(
        check_signed_by,
        {
            "kinds": _KINDS,
            "roles": {
                "type": "list",
                "minlength": 1,
                "schema": {"type": "string", "allowed": _ROLES},
            },
        },
        None,
        "het deel is ondertekend door de genoemde partijen",
    ),
    "dated_named": CheckSpec(
        check_dated_named,
        {
            "kinds": _KINDS,
            "require": {
                "type": "list",
                "minlength": 1,
                "schema": {"type": "string", "allowed": ["date", "name", "function"]},
            },
        },
        None,
        "het deel heeft een datum en naam en functie van opsteller of ondertekenaar",
    ),
    "contains_section": CheckSpec(
        check_contains_section,
        {
            "kinds": _KINDS,
            "section": {"type": "string"},
            "sections": {"type": "list", "minlength": 1, "schema": {"type": "string"}},
            "since": {"type": "string", "regex": r"\d{4}-\d{2}-\d{2}"},
        },
        _one_section_param,
        "het deel bevat de genoemde sectie (of elk van de genoemde secties)",
    ),
    "max_interval": CheckSpec(
        check_max_interval,
        {
            "kinds": _KINDS,
            "max_days": {"type": "integer", "min": 1, "max": 3650, "required": True},
            "activity_rows": {"type": "boolean"},
            "row_pattern": {"type": "string"},
        },
        lambda p: _regex_ok(p.get("row_pattern")),
        "evaluaties volgen elkaar binnen de termijn op",
    ),
    "no_medical_terms": CheckSpec(
        check_no_medical_terms, {"kinds": _KINDS}, None, "geen medische termen in werkgeversstukken"
    ),
    "consistent_field": CheckSpec(
        check_consistent_field,
        {"field": {"type": "string", "required": True, "allowed": _FIELDS}},
        None,
        "het gegeven is in alle documenten gelijk",
    ),
    "field_present": CheckSpec(
        check_field_present,
        {
            "field": {"type": "string", "required": True, "allowed": _FIELDS},
            "per_document": {"type": "boolean"},
            "kinds": _KINDS,
        },
        None,
        "het gegeven staat in (elk) document",
    ),
    "recent": CheckSpec(
        check_recent,
        {"kinds": _KINDS, "max_age_days": {**_DAYS, "required": True}, "milestone": _MILESTONE},
        None,
        "het laatste deel is niet ouder dan de termijn",
    ),
    "precedes": CheckSpec(
        check_precedes,
        {
            "kinds": _KINDS,
            "before": {
                "type": "string",
                "required": True,
                "allowed": [k.value for k in DocumentKind],
            },
        },
        None,
        "het deel gaat vooraf aan een ander deel",
    ),
    "file_rules": CheckSpec(
        check_file_rules,
        {
            "allowed_extensions": {"type": "list", "schema": {"type": "string"}},
            "max_bytes": {"type": "integer", "min": 1},
        },
        None,
        "bestandstype en -grootte volgens de uploadregels van UWV",
    ),
    "readable": CheckSpec(check_readable, {}, None, "elk bestand is leesbaar"),
    "recognised": CheckSpec(check_recognised, {}, None, "elk deel is herkenbaar aan zijn titel"),
}


def _regex_ok(pattern: str | None) -> list[str]:
    if pattern is None:
        return []
    try:
        re.compile(pattern)
    except re.error as exc:
        return [f"row_pattern is geen geldige reguliere expressie ({exc})"]
    return []
