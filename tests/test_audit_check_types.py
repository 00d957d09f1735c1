"""Every check type with every parameter, on documents built in the test.

The per-rule tests (test_audit_rules.py) prove that the bundled checklist catches what it
should on real files; these prove what each parameter of a check type means, so that a
user who writes their own checklist gets what the parameter says.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from poortwachter.audit.model import Document, Finding, FoundValue, Rule, Signer
from poortwachter.audit.rules.checks import CHECKS
from poortwachter.audit.rules.context import AuditContext
from poortwachter.domain.case import Case
from poortwachter.domain.timeline import compute_timeline
from poortwachter.domain.vocabulary import Category, DocumentKind, Severity

EZD = date(2026, 1, 5)
K = DocumentKind


def rule(check: str, kind: DocumentKind = K.PLAN_VAN_AANPAK, **params: Any) -> Rule:
    return Rule(
        id="T-001",
        severity=Severity.BLOCKER,
        category=Category.MISSING,
        document_kind=kind,
        check=check,
        params=params,
        message="melding",
        reference="bron",
    )


def doc(kind: DocumentKind, when: date | None = None, **fields: Any) -> Document:
    fields.setdefault("path", f"{kind.value}_{when or 'zonder'}.pdf")
    return Document(
        file_type="pdf", size=1000, pages=["tekst"], page_count=1, kind=kind, date=when, **fields
    )


def context(docs: list[Document], peildatum: date, **fields: Any) -> AuditContext:
    values: dict[str, Any] = {
        "documents": docs,
        "peildatum": peildatum,
        "eerste_ziektedag": EZD,
        "eerste_ziektedag_bron": "opgegeven",
        "eerste_ziektedag_opgegeven": None,
        "timeline": compute_timeline(Case(eerste_ziektedag=EZD), peildatum=peildatum),
        "werknemer_naam": "Sanne de Vries",
        "werknemer_bsn": None,
    }
    values.update(fields)
    return AuditContext(**values)


def run(r: Rule, ctx: AuditContext) -> list[Finding]:
    return CHECKS[r.check].func(r, ctx)


def due(milestone: str) -> date:
    ms = compute_timeline(Case(eerste_ziektedag=EZD), peildatum=EZD).get(milestone)
    return ms.due


LATE = date(2027, 12, 1)  # a peildatum after every deadline of the first two years


# ------------------------------------------------------------------ present


def test_present_min_count() -> None:
    r = rule("present", K.VOORTGANGSVERSLAG, min_count=2)
    one = [doc(K.VOORTGANGSVERSLAG, date(2026, 4, 1))]
    two = [*one, doc(K.VOORTGANGSVERSLAG, date(2026, 5, 10))]
    assert len(run(r, context(one, LATE))) == 1
    assert run(r, context(two, LATE)) == []


def test_present_milestone_and_grace_days() -> None:
    deadline = due("probleemanalyse")
    r = rule("present", K.PROBLEEMANALYSE, milestone="probleemanalyse", grace_days=7)
    assert run(r, context([], deadline)) == []  # not yet due
    assert run(r, context([], deadline + timedelta(days=7))) == []  # within the grace
    [finding] = run(r, context([], deadline + timedelta(days=8)))
    assert "uiterlijk" in finding.message


def test_present_kinds_override_the_rules_document_kind() -> None:
    r = rule("present", K.PLAN_VAN_AANPAK, kinds=["bijstelling_plan_van_aanpak"])
    assert len(run(r, context([doc(K.PLAN_VAN_AANPAK, date(2026, 3, 1))], LATE))) == 1
    assert run(r, context([doc(K.BIJSTELLING_PLAN_VAN_AANPAK, date(2026, 6, 1))], LATE)) == []


def test_present_counts_a_part_named_in_another_documents_title() -> None:
    combined = doc(K.EINDEVALUATIE, date(2027, 9, 1), also_kinds=(K.OORDEEL_WERKNEMER,))
    assert run(rule("present", K.OORDEEL_WERKNEMER), context([combined], LATE)) == []


def test_present_accepted_when_another_part_has_the_section() -> None:
    r = rule(
        "present",
        K.PLAN_VAN_AANPAK,
        accepted_when=[{"kind": "probleemanalyse", "section": "geen_benutbare_mogelijkheden"}],
    )
    reason = FoundValue("geen benutbare mogelijkheden", 1, "geen benutbare mogelijkheden")
    with_reason = doc(
        K.PROBLEEMANALYSE, date(2026, 2, 1), sections={"geen_benutbare_mogelijkheden": reason}
    )
    without = doc(K.PROBLEEMANALYSE, date(2026, 2, 1))
    assert run(r, context([with_reason], LATE)) == []
    assert len(run(r, context([without], LATE))) == 1


def test_present_names_unreadable_files() -> None:
    broken = doc(K.OTHER, None, readable=False, reason="is versleuteld", path="scan.pdf")
    [finding] = run(rule("present", K.PLAN_VAN_AANPAK), context([broken], LATE))
    assert "niet leesbaar" in finding.message and finding.evidence[0].path == "scan.pdf"


# ------------------------------------------------------------------ absent


def test_absent_flags_every_document_of_the_kinds() -> None:
    r = rule("absent", K.MEDISCHE_INFORMATIE, kinds=["medische_informatie"])
    docs = [doc(K.MEDISCHE_INFORMATIE, date(2026, 3, 1)), doc(K.PLAN_VAN_AANPAK, date(2026, 3, 1))]
    [finding] = run(r, context(docs, LATE))
    assert finding.document_kind is K.MEDISCHE_INFORMATIE


# ------------------------------------------------------------------ due_by


def test_due_by_milestone_and_grace_days() -> None:
    deadline = due("probleemanalyse")
    r = rule("due_by", K.PROBLEEMANALYSE, milestone="probleemanalyse")
    assert run(r, context([doc(K.PROBLEEMANALYSE, deadline)], LATE)) == []
    [late] = run(r, context([doc(K.PROBLEEMANALYSE, deadline + timedelta(days=3))], LATE))
    assert "3 dagen te laat" in late.message
    lenient = rule("due_by", K.PROBLEEMANALYSE, milestone="probleemanalyse", grace_days=3)
    assert run(lenient, context([doc(K.PROBLEEMANALYSE, deadline + timedelta(days=3))], LATE)) == []


def test_due_by_judges_the_earliest_dated_part() -> None:
    deadline = due("probleemanalyse")
    r = rule("due_by", K.PROBLEEMANALYSE, milestone="probleemanalyse")
    docs = [
        doc(K.PROBLEEMANALYSE, deadline + timedelta(days=60)),  # a later advice
        doc(K.PROBLEEMANALYSE, deadline - timedelta(days=1)),
    ]
    assert run(r, context(docs, LATE)) == []


def test_due_by_after_another_part() -> None:
    pa = date(2026, 2, 20)
    r = rule(
        "due_by", K.PLAN_VAN_AANPAK, after={"kind": "probleemanalyse", "days": 14},
        milestone="plan_van_aanpak",
    )  # fmt: skip
    docs = [doc(K.PROBLEEMANALYSE, pa)]
    assert run(r, context([*docs, doc(K.PLAN_VAN_AANPAK, pa + timedelta(days=14))], LATE)) == []
    [late] = run(r, context([*docs, doc(K.PLAN_VAN_AANPAK, pa + timedelta(days=15))], LATE))
    assert "14 dagen na" in late.message and "1 dagen te laat" in late.message
    # without the anchor the milestone of the timeline counts
    on_time = doc(K.PLAN_VAN_AANPAK, due("plan_van_aanpak"))
    assert run(r, context([on_time], LATE)) == []


def test_due_by_not_before_days() -> None:
    deadline = due("eerstejaarsevaluatie")
    r = rule("due_by", K.EERSTEJAARSEVALUATIE, milestone="eerstejaarsevaluatie", not_before_days=60)
    early = doc(K.EERSTEJAARSEVALUATIE, deadline - timedelta(days=61))
    [finding] = run(r, context([early], LATE))
    assert "te vroeg" in finding.message
    fine = doc(K.EERSTEJAARSEVALUATIE, deadline - timedelta(days=60))
    assert run(r, context([fine], LATE)) == []


def test_due_by_without_a_timeline_or_anchor_says_nothing() -> None:
    r = rule("due_by", K.PROBLEEMANALYSE, milestone="probleemanalyse")
    ctx = context([doc(K.PROBLEEMANALYSE, date(2027, 1, 1))], LATE, timeline=None)
    assert run(r, ctx) == []


# ------------------------------------------------------------------ signed_by, dated_named


def test_signed_by_roles() -> None:
    signed = doc(
        K.PLAN_VAN_AANPAK,
        date(2026, 3, 1),
        signers=[Signer("J. van Dam", "Directeur", "werkgever")],
    )
    [finding] = run(rule("signed_by", roles=["werkgever", "werknemer"]), context([signed], LATE))
    assert "werknemer" in finding.message and "werkgever" not in finding.message.split("van", 1)[1]
    assert run(rule("signed_by", roles=["werkgever"]), context([signed], LATE)) == []
    # the employee is recognised by name, the casemanager signs for the employer
    both = doc(
        K.PLAN_VAN_AANPAK,
        date(2026, 3, 1),
        signers=[Signer("Karin Bos", "HR", "casemanager"), Signer("Sanne de Vries", None, None)],
    )
    assert run(rule("signed_by", roles=["werkgever", "werknemer"]), context([both], LATE)) == []


def test_dated_named_require() -> None:
    bare = doc(K.ACTUEEL_OORDEEL, None)
    [finding] = run(rule("dated_named", K.ACTUEEL_OORDEEL), context([bare], LATE))
    assert "geen datum" in finding.message and "geen naam" in finding.message
    assert (
        run(rule("dated_named", K.ACTUEEL_OORDEEL, require=["function"]), context([bare], LATE))
        == []
    )
    named = doc(
        K.ACTUEEL_OORDEEL, date(2027, 9, 1), authors=[Signer("A. Bakker", None, "bedrijfsarts")]
    )
    [finding] = run(rule("dated_named", K.ACTUEEL_OORDEEL), context([named], LATE))
    assert "geen functie" in finding.message
    assert (
        run(
            rule("dated_named", K.ACTUEEL_OORDEEL, require=["date", "name"]), context([named], LATE)
        )
        == []
    )


# ------------------------------------------------------------------ contains_section


def test_contains_section_and_since() -> None:
    r = rule("contains_section", section="visie_werkgever", since="2023-07-01")
    old = doc(K.PLAN_VAN_AANPAK, date(2023, 6, 30))
    new = doc(K.PLAN_VAN_AANPAK, date(2023, 7, 1))
    assert run(r, context([old], LATE)) == []  # drawn up before the rule applied
    assert len(run(r, context([new], LATE))) == 1
    visie = FoundValue("visie", 1, "Visie werkgever")
    new.sections["visie_werkgever"] = visie
    assert run(r, context([new], LATE)) == []


# ------------------------------------------------------------------ max_interval


def _evaluations(*days: int) -> list[Document]:
    start = date(2026, 3, 1)
    plan = doc(K.PLAN_VAN_AANPAK, start)
    return [plan] + [doc(K.VOORTGANGSVERSLAG, start + timedelta(days=d)) for d in (0, *days)]


def test_max_interval_max_days() -> None:
    r = rule("max_interval", K.VOORTGANGSVERSLAG, max_days=42, kinds=["voortgangsverslag"])
    end = doc(K.EINDEVALUATIE, date(2026, 5, 1))
    assert run(r, context([*_evaluations(42), end], LATE)) == []
    [finding] = run(r, context([*_evaluations(43), end], LATE))
    assert "43 dagen" in finding.message


def test_max_interval_counts_from_the_plan_to_the_eindevaluatie() -> None:
    r = rule("max_interval", K.VOORTGANGSVERSLAG, max_days=42, kinds=["voortgangsverslag"])
    before_plan = doc(K.VOORTGANGSVERSLAG, date(2025, 12, 1))  # before the plan: not counted
    after_end = doc(K.VOORTGANGSVERSLAG, date(2026, 12, 1))  # after the eindevaluatie
    end = doc(K.EINDEVALUATIE, date(2026, 5, 1))
    assert run(r, context([*_evaluations(40), before_plan, after_end, end], LATE)) == []


def test_max_interval_last_evaluation_against_the_peildatum() -> None:
    r = rule("max_interval", K.VOORTGANGSVERSLAG, max_days=42, kinds=["voortgangsverslag"])
    docs = _evaluations(30)
    last = date(2026, 3, 31)
    assert run(r, context(docs, last + timedelta(days=42))) == []
    [finding] = run(r, context(docs, last + timedelta(days=43)))
    assert "vóór de peildatum" in finding.message


def _log(*rows: tuple[date, str]) -> Document:
    return doc(K.ACTIVITEITENOVERZICHT, date(2026, 12, 1), activity_dates=list(rows))


def test_max_interval_activity_rows_fill_a_gap_only_when_they_are_evaluations() -> None:
    base = {"max_days": 42, "kinds": ["voortgangsverslag"]}
    end = doc(K.EINDEVALUATIE, date(2026, 6, 1))
    docs = [*_evaluations(80), end]
    gesprek = _log((date(2026, 4, 10), "Evaluatiegesprek met werknemer en leidinggevende"))
    bellen = _log((date(2026, 4, 10), "Telefonisch contact over vakantie"))
    assert (
        run(rule("max_interval", K.VOORTGANGSVERSLAG, **base), context([*docs, gesprek], LATE))
        == []
    )
    assert (
        len(run(rule("max_interval", K.VOORTGANGSVERSLAG, **base), context([*docs, bellen], LATE)))
        == 1
    )
    ignored = rule("max_interval", K.VOORTGANGSVERSLAG, activity_rows=False, **base)
    assert len(run(ignored, context([*docs, gesprek], LATE))) == 1


def test_max_interval_row_pattern() -> None:
    r = rule(
        "max_interval",
        K.VOORTGANGSVERSLAG,
        max_days=42,
        kinds=["voortgangsverslag"],
        row_pattern=r"\bRTW-overleg\b",
    )
    end = doc(K.EINDEVALUATIE, date(2026, 6, 1))
    docs = [*_evaluations(80), end]
    assert run(r, context([*docs, _log((date(2026, 4, 10), "RTW-overleg"))], LATE)) == []
    assert len(run(r, context([*docs, _log((date(2026, 4, 10), "Evaluatiegesprek"))], LATE))) == 1


# ------------------------------------------------------------------ the other check types


def test_no_medical_terms_kinds() -> None:
    term = FoundValue("hernia", 1, "vanwege een hernia")
    plan = doc(K.PLAN_VAN_AANPAK, date(2026, 3, 1), medical_terms=[term])
    [finding] = run(rule("no_medical_terms", kinds=["plan_van_aanpak"]), context([plan], LATE))
    assert "hernia" in finding.message
    assert run(rule("no_medical_terms", kinds=["eindevaluatie"]), context([plan], LATE)) == []


def test_consistent_field() -> None:
    a = doc(K.PLAN_VAN_AANPAK, date(2026, 3, 1), eerste_ziektedag=[FoundValue("2026-01-05", 1, "")])
    b = doc(K.EINDEVALUATIE, date(2027, 9, 1), eerste_ziektedag=[FoundValue("2026-01-12", 1, "")])
    r = rule("consistent_field", field="eerste_ziektedag")
    [finding] = run(r, context([a, b], LATE))
    assert "2026-01-05" in finding.message and "2026-01-12" in finding.message
    assert run(r, context([a], LATE)) == []
    given = context([a], LATE, eerste_ziektedag_opgegeven=date(2026, 1, 12))
    assert len(run(r, given)) == 1  # the option disagrees with the document


def test_field_present_per_document_and_kinds() -> None:
    bsn = [FoundValue("123456782", 1, "BSN")]
    with_bsn = doc(K.PLAN_VAN_AANPAK, date(2026, 3, 1), bsn=bsn)
    without = doc(K.EINDEVALUATIE, date(2027, 9, 1))
    assert run(rule("field_present", field="bsn"), context([with_bsn, without], LATE)) == []
    [finding] = run(
        rule("field_present", field="bsn", per_document=True), context([with_bsn, without], LATE)
    )
    assert without.path in finding.message
    only_plans = rule("field_present", field="bsn", per_document=True, kinds=["plan_van_aanpak"])
    assert run(only_plans, context([with_bsn, without], LATE)) == []


def test_recent_max_age_days_and_milestone() -> None:
    oordeel = doc(K.ACTUEEL_OORDEEL, date(2027, 6, 1))
    r = rule("recent", K.ACTUEEL_OORDEEL, max_age_days=90)
    assert run(r, context([oordeel], date(2027, 8, 30))) == []  # 90 days
    assert len(run(r, context([oordeel], date(2027, 8, 31)))) == 1
    with_milestone = rule("recent", K.ACTUEEL_OORDEEL, max_age_days=90, milestone="wia_aanvraag")
    assert run(with_milestone, context([oordeel], due("wia_aanvraag"))) == []  # not yet due


def test_precedes_before() -> None:
    r = rule("precedes", K.ARBEIDSDESKUNDIG_RAPPORT, before="spoor2_rapport")
    ad = doc(K.ARBEIDSDESKUNDIG_RAPPORT, date(2027, 1, 15))
    s2 = doc(K.SPOOR2_RAPPORT, date(2027, 2, 1))
    assert run(r, context([ad, s2], LATE)) == []
    [finding] = run(r, context([s2], LATE))
    assert "niet gevonden vóór" in finding.message
    late_ad = doc(K.ARBEIDSDESKUNDIG_RAPPORT, date(2027, 3, 1))
    [finding] = run(r, context([late_ad, s2], LATE))
    assert "na" in finding.message
    assert run(r, context([ad], LATE)) == []  # nothing to precede


@pytest.mark.parametrize(
    ("params", "path", "size", "expected"),
    [
        ({"allowed_extensions": ["pdf", ".DOCX"]}, "a.docx", 10, 0),
        ({"allowed_extensions": ["pdf"]}, "a.xlsx", 10, 1),
        ({"max_bytes": 100}, "a.pdf", 101, 1),
        ({"max_bytes": 100}, "a.pdf", 100, 0),
        ({}, "a.exe", 10**9, 0),
    ],
)
def test_file_rules(params: dict[str, Any], path: str, size: int, expected: int) -> None:
    file = doc(K.PLAN_VAN_AANPAK, date(2026, 3, 1), path=path)
    file.size = size
    assert len(run(rule("file_rules", **params), context([file], LATE))) == expected


def test_readable_and_recognised() -> None:
    broken = doc(K.OTHER, None, readable=False, reason="is versleuteld", path="x.pdf")
    unknown = doc(K.OTHER, date(2026, 3, 1), path="y.pdf")
    known = doc(K.PLAN_VAN_AANPAK, date(2026, 3, 1))
    ctx = context([broken, unknown, known], LATE)
    [unreadable] = run(rule("readable"), ctx)
    assert "versleuteld" in unreadable.message
    [unrecognised] = run(rule("recognised"), ctx)
    assert "y.pdf" in unrecognised.message


def test_every_check_type_and_parameter_is_tested_here() -> None:
    source = open(__file__, encoding="utf-8").read()  # noqa: SIM115
    for name, spec in CHECKS.items():
        assert f'"{name}"' in source, f"check type {name} has no test here"
        for param in spec.params:
            assert f"{param}=" in source or f'"{param}"' in source, f"{name}.{param} untested"
