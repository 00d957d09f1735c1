"""Check types about what a part says: contains_section, no_medical_terms, field_present,
consistent_field."""

from __future__ import annotations

from poortwachter.audit.model import Evidence, Finding, Rule
from poortwachter.audit.rules.checks.common import (
    FIELDS,
    KINDS,
    doc_evidence,
    kinds_of,
    new_finding,
    one_section_param,
)
from poortwachter.audit.rules.checks.spec import CheckSpec
from poortwachter.audit.rules.context import AuditContext
from poortwachter.audit.text.fields import name_key
from poortwachter.domain.dates import parse_date

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
    for doc in ctx.of_kind(kinds_of(rule)):
        if since_date and doc.date is not None and doc.date < since_date:
            continue
        missing = [s for s in wanted if s not in doc.sections]
        if not missing:
            continue
        detail = f"niet gevonden in {doc.label}"
        if len(wanted) > 1:
            what = " en ".join(_SECTION_NAMES.get(s, s.replace("_", " ")) for s in missing)
            detail = f"{what} {detail}"
        findings.append(new_finding(rule, detail, [doc_evidence(doc)], doc.kind))
    return findings


CONTAINS_SECTION = CheckSpec(
    "contains_section",
    check_contains_section,
    {
        "kinds": KINDS,
        "section": {"type": "string"},
        "sections": {"type": "list", "minlength": 1, "schema": {"type": "string"}},
        "since": {"type": "string", "regex": r"\d{4}-\d{2}-\d{2}"},
    },
    one_section_param,
    "het deel bevat de genoemde sectie (of elk van de genoemde secties)",
)


def check_no_medical_terms(rule: Rule, ctx: AuditContext) -> list[Finding]:
    """Employer documents hold no medical terms (diagnosis, nature or cause of illness)."""
    findings: list[Finding] = []
    for doc in ctx.of_kind(kinds_of(rule)):
        if not doc.medical_terms:
            continue
        terms = sorted({t.value for t in doc.medical_terms})
        evidence = [Evidence(doc.path, t.page, t.excerpt) for t in doc.medical_terms[:5]]
        findings.append(new_finding(rule, f"{doc.label}: {', '.join(terms)}", evidence, doc.kind))
    return findings


NO_MEDICAL_TERMS = CheckSpec(
    "no_medical_terms",
    check_no_medical_terms,
    {"kinds": KINDS},
    None,
    "geen medische termen in werkgeversstukken",
)


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
            findings.append(new_finding(rule, "een BSN voldoet niet aan de 11-proef", [ev]))
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
        findings.append(new_finding(rule, "gevonden: " + " / ".join(shown_values), evidence))
    return findings


CONSISTENT_FIELD = CheckSpec(
    "consistent_field",
    check_consistent_field,
    {"field": {"type": "string", "required": True, "allowed": FIELDS}},
    None,
    "het gegeven is in alle documenten gelijk",
)


def _same_person(key: str, known: str, other: str) -> bool:
    """'J. Jansen' ~ 'Jan Jansen' ~ 'Jansen, J.': the surname of one is in the other."""
    from poortwachter.support.normalise import normalise

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
        ctx.of_kind(kinds_of(rule))
        if rule.params.get("kinds")
        else [d for d in ctx.documents if d.readable]
    )
    if rule.params.get("per_document", False):
        missing = [d for d in docs if not getattr(d, attr)]
        if not missing:
            return []
        return [
            new_finding(rule, f"ontbreekt in {d.label}", [doc_evidence(d)], d.kind) for d in missing
        ]
    if any(getattr(d, attr) for d in docs):
        return []
    detail = "in geen enkel document gevonden"
    if field == "eerste_ziektedag" and ctx.eerste_ziektedag is None:
        detail += (
            "; termijnen niet berekend, alle onderdelen als verplicht getoetst "
            "(geef --eerste-ziektedag)"
        )
    return [new_finding(rule, detail)]


FIELD_PRESENT = CheckSpec(
    "field_present",
    check_field_present,
    {
        "field": {"type": "string", "required": True, "allowed": FIELDS},
        "per_document": {"type": "boolean"},
        "kinds": KINDS,
    },
    None,
    "het gegeven staat in (elk) document",
)


#: The check types of this family, in the order ``checklist types`` lists them.
SPECS: tuple[CheckSpec, ...] = (
    CONTAINS_SECTION,
    NO_MEDICAL_TERMS,
    CONSISTENT_FIELD,
    FIELD_PRESENT,
)
