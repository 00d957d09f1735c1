"""The visie rule: since 1 July 2023 the plan van aanpak, every bijstelling and the
eerstejaarsevaluatie contain the views of BOTH werkgever and werknemer (Regeling procesgang
art. 4 lid 2 a and b as amended by the Regeling of 9 May 2023, Staatscourant 2023, 13931),
with the transitional rule: for an eerste ziektedag before 1 July 2023 only documents drawn
up or adjusted after that date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from audit_helpers import MS, audit, build, rules_of
from poortwachter.audit.rules.checklist import load_checklist

Part = MS.Part


def without(prefix: str, *needles: str) -> list[Part]:
    def keep(block: object) -> bool:
        return not any(n in str(block) for n in needles)

    return [
        replace(p, blocks=[b for b in p.blocks if keep(b)]) if p.filename.startswith(prefix) else p
        for p in MS.complete_parts()
    ]


def bijstelling(when: date, *views: str) -> Part:
    return Part(
        "10_bijstelling_pva.docx",
        "Bijstelling plan van aanpak",
        [
            ["Naam werknemer", MS.NAAM],
            ["BSN", MS.BSN],
            ["Datum", MS.dmy(when)],
            "Nieuwe afspraken over de opbouw van de uren in aangepast werk.",
            *views,
            *MS.sign_table(when),
        ],
        "docx",
    )


BOTH = (
    "Visie werkgever: de werkgever vindt de nieuwe opbouw haalbaar.",
    "Visie werknemer: de werknemer is het eens met de bijstelling.",
)


def test_rules_say_both_parties_and_cite_the_2023_amendment() -> None:
    rules = {r.id: r for r in load_checklist().rules}
    for rule_id, lid in (("PVA-005", "lid 2 onder a"), ("EJE-003", "lid 2 onder b")):
        rule = rules[rule_id]
        assert "werkgever als de werknemer" in rule.message
        assert "1 juli 2023" in rule.message
        assert f"Regeling procesgang art. 4 {lid}" in rule.reference
        assert "Stcrt. 2023, 13931" in rule.reference and "overgangsrecht" in rule.reference
        assert rule.params["sections"] == ["visie_werkgever", "visie_werknemer"]
        assert rule.params["since"] == "2023-07-01"
    assert "EJE-004" not in rules  # folded into EJE-003: one rule for both views
    assert "bijstelling_plan_van_aanpak" in rules["PVA-005"].params["kinds"]


@pytest.mark.parametrize(
    ("prefix", "needle", "rule", "missing"),
    [
        ("02_", "Visie werkgever", "PVA-005", "de visie van de werkgever"),
        ("02_", "werkgever biedt", "PVA-005", "de visie van de werkgever"),
        ("04_", "Visie werkgever", "EJE-003", "de visie van de werkgever"),
        ("04_", "Visie werknemer", "EJE-003", "de visie van de werknemer"),
    ],
)
def test_a_missing_view_of_either_party_is_a_blocker(
    prefix: str, needle: str, rule: str, missing: str, tmp_path: Path
) -> None:
    parts = (
        without(prefix, needle)
        if needle != "werkgever biedt"
        else without(prefix, "Visie werkgever", "werkgever biedt")
    )
    result = audit(build(tmp_path / "d", parts))
    finding = next(f for f in result.findings if f.rule == rule)
    assert finding.severity.value == "blocker"
    assert missing in finding.message


def test_every_bijstelling_needs_both_views(tmp_path: Path) -> None:
    only_one = [*MS.complete_parts(), bijstelling(date(2027, 3, 1), BOTH[1])]
    result = audit(build(tmp_path / "a", only_one))
    finding = next(f for f in result.findings if f.rule == "PVA-005")
    assert "de visie van de werkgever" in finding.message
    assert finding.document_kind.value == "bijstelling_plan_van_aanpak"
    both = [*MS.complete_parts(), bijstelling(date(2027, 3, 1), *BOTH)]
    assert "PVA-005" not in rules_of(audit(build(tmp_path / "b", both)))


def test_transitional_rule_documents_before_1_july_2023(tmp_path: Path) -> None:
    """An eerste ziektedag before 1 July 2023: a bijstelling of June 2023 without views is
    not judged by the new rule; one of July 2023 is."""
    ezd = date(2023, 3, 1)
    old = [*MS.complete_parts(), bijstelling(date(2023, 6, 20))]
    result = audit(build(tmp_path / "a", old), eerste_ziektedag=ezd)
    assert not any(
        f.rule == "PVA-005" and f.document_kind.value == "bijstelling_plan_van_aanpak"
        for f in result.findings
    )
    new = [*MS.complete_parts(), bijstelling(date(2023, 7, 3))]
    result = audit(build(tmp_path / "b", new), eerste_ziektedag=ezd)
    assert any(
        f.rule == "PVA-005" and f.document_kind.value == "bijstelling_plan_van_aanpak"
        for f in result.findings
    )
