"""Per checklist rule: a dossier that passes it and one that fails it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from audit_helpers import MS, audit, build, rules_of
from poortwachter.audit.result import AuditResult
from poortwachter.audit.rules.checklist import load_checklist

Part = MS.Part
Parts = list[Part]


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> AuditResult:
    folder = build(tmp_path_factory.mktemp("compleet") / "d", MS.complete_parts())
    return audit(folder)


def edit(prefix: str, fn: Callable[[Part], Part]) -> Callable[[Parts], Parts]:
    return lambda parts: [fn(p) if p.filename.startswith(prefix) else p for p in parts]


def drop(*prefixes: str) -> Callable[[Parts], Parts]:
    return lambda parts: [p for p in parts if not p.filename.startswith(prefixes)]


def drop_lines(prefix: str, *needles: str) -> Callable[[Parts], Parts]:
    def keep(block: object) -> bool:
        text = " ".join(block) if isinstance(block, list) else str(block)
        return not any(n in text for n in needles)

    return edit(prefix, lambda p: replace(p, blocks=[b for b in p.blocks if keep(b)]))


def set_row(prefix: str, label: str, value: str) -> Callable[[Parts], Parts]:
    def fn(p: Part) -> Part:
        blocks = [[label, value] if isinstance(b, list) and b[0] == label else b for b in p.blocks]
        return replace(p, blocks=blocks)

    return edit(prefix, fn)


def set_line(prefix: str, startswith: str, line: str) -> Callable[[Parts], Parts]:
    def fn(p: Part) -> Part:
        blocks = [line if isinstance(b, str) and b.startswith(startswith) else b for b in p.blocks]
        return replace(p, blocks=blocks)

    return edit(prefix, fn)


def add(part: Part) -> Callable[[Parts], Parts]:
    return lambda parts: [*parts, part]


BIJSTELLING = Part(
    "10_bijstelling_pva.docx",
    "Bijstelling plan van aanpak",
    [["Naam werknemer", MS.NAAM], ["BSN", MS.BSN], ["Datum", "01-03-2027"], "Nieuwe afspraken."],
    "docx",
)

# rule id → mutation of the complete dossier that must trigger it
FAILING: dict[str, Callable[[Parts], Parts]] = {
    "ADM-002": drop_lines("05_", "BSN"),
    "ADM-003": drop("00_"),
    "CONS-001": set_row("07_", "BSN", MS.ANDER_BSN),
    "CONS-002": set_row("07_", "Naam werknemer", "Karel Pietersen"),
    "CONS-003": set_row("07_", "Eerste ziektedag", "08-01-2026"),
    "PA-001": drop("01_"),
    "PA-002": set_line("01_", "Datum:", "Datum: 2 maart 2026"),
    "PVA-001": drop("02_"),
    "PVA-002": set_row("02_", "Datum", "20-03-2026"),
    "PVA-003": drop_lines("02_", MS.NAAM + " Timmerman"),
    "PVA-004": drop_lines("02_", "Casemanager"),
    "PVA-005": drop_lines("02_", "Visie werknemer", "De werknemer is het eens"),
    "PVA-006": drop_lines("02_", "Einddoel"),
    "BPVA-001": add(BIJSTELLING),
    "EJE-001": drop("04_"),
    "EJE-002": set_line("04_", "Datum evaluatie", "Datum evaluatie: 15-03-2027"),
    "EJE-003": drop_lines("04_", "Visie werknemer"),
    "EJE-005": drop_lines("04_", "tweede spoor"),
    "EJE-006": drop_lines("04_", "Werkgever Piet", "getekend", "Ondertekening", "Rol"),
    "SP2-001": drop("06_"),
    "SP2-002": set_line("06_", "Datum:", "Datum: 01-04-2027"),
    "AD-001": drop("05_"),
    "AO-001": drop("07_"),
    "AO-002": set_line("07_", "Datum:", "Datum: 1 mei 2027"),
    "EIND-001": drop("08_"),
    "OW-001": drop("09_"),
    "SIGN-001": drop_lines("01_", "Opgesteld door"),
    "SIGN-002": set_line("01_", "Opgesteld door", "Opgesteld door: A. Bakker"),
    "PRIV-001": set_line("02_", "Afspraken", "Werknemer heeft een hernia; afspraken over opbouw."),
    "PRIV-002": add(
        Part(
            "11_brief_specialist.pdf",
            "Brief van de specialist",
            ["Geachte collega,", "Datum: 3 maart 2026", "Uitslag van het onderzoek volgt."],
        )
    ),
}

# rules tested with their own fixtures below
SPECIAL = {"FILE-001", "FILE-002", "READ-001", "READ-002", "ADM-001", "EVAL-001"}


def test_every_rule_has_a_test() -> None:
    ids = {r.id for r in load_checklist().rules}
    assert ids == set(FAILING) | SPECIAL


def test_complete_dossier_passes_every_rule(complete: AuditResult) -> None:
    assert rules_of(complete) == []
    assert rules_of(complete, include_info=True) == ["FILE-001"]  # the .xlsx log


@pytest.mark.parametrize("rule", sorted(FAILING))
def test_rule_fails(rule: str, tmp_path: Path) -> None:
    parts = FAILING[rule](MS.complete_parts())
    result = audit(build(tmp_path / "d", parts))
    assert rule in rules_of(result, include_info=True), rules_of(result)
    finding = next(f for f in result.findings if f.rule == rule)
    assert finding.message and finding.reference


def test_file_rules(tmp_path: Path) -> None:
    folder = build(tmp_path / "d", MS.complete_parts(), rows=None)
    result = audit(folder)
    assert "FILE-001" not in rules_of(result, include_info=True)
    assert "FILE-002" not in rules_of(result)
    big = folder / "99_bijlage.pdf"
    big.write_bytes(
        (folder / "01_probleemanalyse.pdf").read_bytes() + b"\n%" + b"0" * (10 * 1024 * 1024)
    )
    assert "FILE-002" in rules_of(audit(folder))


def test_readable_and_recognised(tmp_path: Path) -> None:
    folder = build(tmp_path / "d", MS.complete_parts())
    MS.encrypted_copy(folder / "01_probleemanalyse.pdf", folder / "geheim.pdf")
    MS.write_docx(
        Part("x.docx", "Notitie", ["Wat losse aantekeningen over de planning van de week."]),
        folder / "notitie.docx",
    )
    result = audit(folder)
    assert rules_of(result).count("READ-001") == 1
    assert rules_of(result).count("READ-002") == 0
    assert rules_of(result, include_info=True).count("READ-002") == 1


def test_eerste_ziektedag_missing_but_given(tmp_path: Path) -> None:
    parts = drop_lines("", "Eerste ziektedag")(MS.complete_parts())
    result = audit(build(tmp_path / "d", parts), eerste_ziektedag=MS.EZD)
    assert rules_of(result) == ["ADM-001"]
    assert result.eerste_ziektedag == MS.EZD and result.eerste_ziektedag_bron == "opgegeven"


def test_given_eerste_ziektedag_conflicts_with_documents(
    complete: AuditResult, tmp_path: Path
) -> None:
    result = audit(build(tmp_path / "d", MS.complete_parts()), eerste_ziektedag=date(2026, 1, 8))
    assert "CONS-003" in rules_of(result)


def test_evaluation_interval(tmp_path: Path) -> None:
    rows = MS.activity_rows(date(2026, 2, 16), date(2027, 9, 20), step=56)
    result = audit(build(tmp_path / "d", MS.complete_parts(), rows=rows))
    assert "EVAL-001" in rules_of(result)
    finding = next(f for f in result.findings if f.rule == "EVAL-001")
    assert finding.severity.value == "warning" and len(finding.evidence) == 2


def test_missing_plan_accepted_without_usable_possibilities(tmp_path: Path) -> None:
    parts = drop("02_")(MS.complete_parts())
    parts = set_line(
        "01_", "Advies", "Er zijn op dit moment geen benutbare mogelijkheden, omdat ..."
    )(parts)
    assert "PVA-001" not in rules_of(audit(build(tmp_path / "d", parts)))


def test_no_second_track_with_documented_reason(tmp_path: Path) -> None:
    parts = drop("06_")(MS.complete_parts())
    parts = set_line(
        "04_",
        "Is het tweede spoor",
        "Is het tweede spoor ingezet: nee, 2e spoor is niet nodig want terugkeer in "
        "eigen werk is in zicht.",
    )(parts)
    result = audit(build(tmp_path / "d", parts))
    assert "SP2-001" not in rules_of(result)


def test_part_not_yet_due_is_not_missing(tmp_path: Path) -> None:
    parts = [p for p in MS.complete_parts() if p.filename.startswith(("01_", "02_"))]
    rows = MS.activity_rows(date(2026, 2, 16), date(2026, 3, 20))
    result = audit(build(tmp_path / "d", parts, rows=rows), peildatum=date(2026, 3, 25))
    assert rules_of(result) == []
    early = audit(
        build(tmp_path / "e", [], rows=None), peildatum=date(2026, 2, 1), eerste_ziektedag=MS.EZD
    )
    assert "PA-001" not in rules_of(early)
    late = audit(
        build(tmp_path / "f", [], rows=None), peildatum=date(2026, 2, 20), eerste_ziektedag=MS.EZD
    )
    assert "PA-001" in rules_of(late)


@pytest.mark.parametrize(
    ("peildatum", "found"),
    [
        (date(2027, 9, 29), False),  # the RIV is due today: not yet at the RIV stage
        (date(2027, 9, 30), True),  # the day after: the RIV form is part 1 of the RIV
    ],
)
def test_riv_form_only_missing_at_the_riv_stage(
    peildatum: date, found: bool, tmp_path: Path
) -> None:
    parts = drop("00_", "08_", "09_")(MS.complete_parts())
    result = audit(build(tmp_path / "d", parts), peildatum=peildatum)
    assert ("ADM-003" in rules_of(result)) is found
    assert result.timeline is not None
    if found:
        finding = next(f for f in result.findings if f.rule == "ADM-003")
        assert finding.severity.value == "blocker" and finding.category.value == "missing"
        assert finding.document_kind.value == "riv_formulier"
        assert "uiterlijk 29 september 2027" in finding.message
        assert "art. 6 lid 1 onder a" in finding.reference


def test_sample_riv_form_is_recognised_and_lists_what_is_enclosed(
    complete: AuditResult,
) -> None:
    riv = [d for d in complete.documents if d.kind.value == "riv_formulier"]
    assert [(d.path, d.date) for d in riv] == [("00_riv_formulier.pdf", MS.RIV_DATE)]
    form = MS.with_enclosures(drop("08_")(MS.complete_parts()))[0]
    listed = [b[1] for b in form.blocks if isinstance(b, list) and b[0].endswith(".")]
    assert "Probleemanalyse" in listed and "Eindevaluatie" not in listed
