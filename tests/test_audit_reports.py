"""Report formats: JSON against the schema, HTML escaped, XLSX overview safe."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import openpyxl
import pytest

from audit_helpers import MS, ROOT, audit, build
from poortwachter.audit.result import AuditResult
from poortwachter.report.audit import html as audit_html
from poortwachter.report.audit import json as audit_json
from poortwachter.report.audit import text as audit_text
from poortwachter.report.audit import xlsx as audit_xlsx

SCHEMA = json.loads((ROOT / "checklists/audit-report.schema.json").read_text(encoding="utf-8"))
SAMPLES = ROOT / "samples" / "dossiers"


@pytest.fixture(scope="module")
def results() -> list[AuditResult]:
    return [audit(SAMPLES / name) for name in MS.EXPECTED]


def test_samples_give_exactly_their_findings(results: list[AuditResult]) -> None:
    for name, result in zip(MS.EXPECTED, results, strict=True):
        got = sorted(f.rule for f in result.findings if f.severity.value != "info")
        assert got == sorted(MS.EXPECTED[name]), name


def test_json_validates_against_schema(results: list[AuditResult]) -> None:
    for result in results:
        data = json.loads(audit_json.render(result))
        jsonschema.validate(data, SCHEMA)
        assert data["schema_version"] == 1
    many = json.loads(audit_json.render_many(results))
    for item in many:
        jsonschema.validate(item, SCHEMA)


def test_json_contract_details(results: list[AuditResult]) -> None:
    merged = json.loads(audit_json.render(results[list(MS.EXPECTED).index("samengevoegd")]))
    parts = [d for d in merged["documents"] if d["path"].endswith(".pdf")]
    assert len(parts) == 9 and parts[0]["page_range"] == "1"
    assert parts[0]["kind"] == "riv_formulier"
    assert merged["dossier"]["eerste_ziektedag"] == "2026-01-01"
    assert merged["summary"]["ready_for_submission"] is True


def test_json_schema_rejects_wrong_shape() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_version": 2}, SCHEMA)


def test_text_grouped_by_riv_part(results: list[AuditResult]) -> None:
    text = audit_text.render(results[list(MS.EXPECTED).index("zonder_eindevaluatie")])
    assert "6. Eindevaluatie" in text and "7. Oordeel werknemer" in text
    assert "[BLOKKEREND] EIND-001" in text


def test_html_is_escaped_and_self_contained(tmp_path: Path) -> None:
    parts = MS.complete_parts()
    evil = MS.Part(
        "99_x.docx",
        "Notitie <script>alert(1)</script>",
        ["tekst <b>vet</b> & meer tekst hier"],
        "docx",
    )
    result = audit(build(tmp_path / "<script>alert(2)</script>", [*parts, evil]))
    html = audit_html.render(result)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html and "<link" not in html


def test_xlsx_overview_and_formula_injection(results: list[AuditResult]) -> None:
    injected = replace(results[0], werknemer_naam='=HYPERLINK("x")', dossier_path="@evil")
    data = audit_xlsx.render([*results, injected])
    wb = openpyxl.load_workbook(io.BytesIO(data))
    overview, findings = wb["Overzicht"], wb["Bevindingen"]
    assert overview.max_row == len(results) + 2
    assert overview.auto_filter.ref and findings.auto_filter.ref
    header = [c.value for c in overview[1]]
    assert header[:4] == ["Dossier", "Werknemer", "BSN", "Eerste ziektedag"]
    row = [c.value for c in overview[2]]
    assert row[2] == "*****6782" and row[header.index("Klaar voor indiening")] == "ja"
    for ws in (overview, findings):
        for r in ws.iter_rows(values_only=True):
            for v in r:
                assert not (isinstance(v, str) and v[:1] in "=+-@"), v
    assert overview.cell(overview.max_row, 2).value == '\'=HYPERLINK("x")'
    assert overview.cell(overview.max_row, 1).value == "'@evil"
    assert overview.cell(2, 4).value.date() == date(2026, 1, 1)
    assert findings.max_row == 1 + sum(len(r.findings) for r in [*results, injected])
