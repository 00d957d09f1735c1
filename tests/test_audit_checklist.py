"""Checklist loading: the whole file is validated; errors name line and rule id."""

from pathlib import Path

import pytest

from poortwachter.audit.rules.checklist import (
    bundled_checklist_path,
    load_checklist,
    parse_checklist,
)
from poortwachter.audit.rules.checks import CHECKS
from poortwachter.errors import InputError

HEAD = 'id: test\nversion: "1"\nwerkwijzer_edition: "2023"\nrules:\n'
RULE = """  - id: {id}
    severity: blocker
    category: missing
    document_kind: plan_van_aanpak
    check: {check}
    params: {params}
    message: "Plan ontbreekt"
    reference: "Regeling procesgang art. 4"
"""


def rule(id: str = "PVA-001", check: str = "present", params: str = "{}") -> str:
    return RULE.format(id=id, check=check, params=params)


def problems(text: str) -> list[str]:
    with pytest.raises(InputError) as exc:
        parse_checklist(text, "c.yaml")
    return exc.value.problems


def test_bundled_checklist_is_valid() -> None:
    cl = load_checklist()
    assert cl.id == "werkwijzer-poortwachter" and cl.werkwijzer_edition == "2023"
    assert bundled_checklist_path().name == "werkwijzer-poortwachter-2023.yaml"
    assert {r.check for r in cl.rules} <= set(CHECKS)
    assert all(r.message and r.reference for r in cl.rules)
    for r in cl.rules:  # practice (UWV-praktijk) is never a blocker on its own
        if (
            "praktijk" in r.reference
            and "Regeling" not in r.reference
            and "Beleidsregels" not in r.reference
        ):
            assert r.severity.value != "blocker", r.id


def test_unknown_check_type_names_line_and_rule() -> None:
    found = problems(HEAD + rule() + rule("PVA-002", "bestaat_niet"))
    assert len(found) == 1
    assert "regel 13, regel-id PVA-002" in found[0] and "check" in found[0]


def test_duplicate_id() -> None:
    found = problems(HEAD + rule() + rule())
    assert "regel 13, regel-id PVA-001: dubbele regel-id (ook op regel 5)" in found[0]


@pytest.mark.parametrize(
    ("check", "params", "words"),
    [
        ("present", "{milestone: week_99}", "milestone"),
        ("max_interval", "{}", "max_days"),
        ("max_interval", "{max_days: -3}", "max_days"),
        ("contains_section", "{section: onbekende_sectie}", "onbekende_sectie"),
        ("signed_by", "{roles: [koning]}", "roles"),
        ("present", "{onbekend: 1}", "onbekend"),
        ("max_interval", "{max_days: 42, row_pattern: '(('}", "row_pattern"),
    ],
)
def test_bad_parameters(check: str, params: str, words: str) -> None:
    found = problems(HEAD + rule("X-001", check, params))
    assert any("regel-id X-001" in p and words in p for p in found), found


def test_every_problem_reported_at_once() -> None:
    text = HEAD + rule("A-001", "nope") + rule("B-001", "present", "{milestone: x}") + rule("B-001")
    assert len(problems(text)) == 3  # A-001, the bad B-001 and the duplicate B-001


def test_top_level_and_yaml_errors() -> None:
    assert problems("rules: []\n")
    assert "geen geldige YAML" in problems("id: [unclosed\n")[0]
    assert problems("- just a list\n")


def test_missing_file(tmp_path: Path) -> None:
    """The same Dutch message as a missing data file, without Python's "[Errno 2]"."""
    with pytest.raises(InputError) as exc:
        load_checklist(tmp_path / "nope.yaml")
    assert exc.value.problems == [f"{tmp_path / 'nope.yaml'}: bestand niet gevonden"]
    with pytest.raises(InputError) as exc:
        load_checklist(tmp_path)
    assert "is een map" in exc.value.problems[0]
    assert "Errno" not in exc.value.problems[0]
