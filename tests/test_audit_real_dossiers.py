"""The auditor on dossiers as casemanagers assemble them (issue 11): every case of
tests/dossier_fixtures.py (python-docx with raw OOXML, reportlab, fpdf2) gives exactly
its real gaps at blocker/warning level, and nothing else."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest

import dossier_fixtures as F
from audit_helpers import audit, pdfium_off, rules_of
from poortwachter.audit.extract.signers import extract_signers
from poortwachter.audit.extract.sigtables import signature_blocks
from poortwachter.audit.text.lines import Line
from poortwachter.domain.vocabulary import Severity


@pytest.mark.parametrize("reader", ["pdfium", "pypdf"])
@pytest.mark.parametrize("case", F.CASES, ids=[c.name for c in F.CASES])
def test_case_gives_exactly_its_gaps(
    case: F.Case, reader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pdfium's page text and with pypdf's (the reader's fallback for a PDF pdfium
    cannot read, readers/pdf_runs.py): the same gaps, nothing else."""
    folder = F.build_case(case, tmp_path)
    if reader == "pypdf":
        pdfium_off(monkeypatch)
    result = audit(folder)
    assert rules_of(result) == sorted(case.expected)
    kinds = {doc.label: doc.kind.value for doc in result.documents}
    for label, kind in case.kinds:
        assert kinds.get(label) == kind, (label, kinds)


def _lines(*texts: str) -> list[Line]:
    return [Line(1, t) for t in ["Plan van aanpak", "Afspraken over opbouw.", *texts]]


@pytest.mark.parametrize(
    "rows",
    [
        # DOCX cells (the reader writes an empty cell as "_")
        ["_ | Werkgever | Werknemer", "Naam | P. de Vries | Jan Jansen", "Datum | 1-3-2026 | _"],
        # PDF text, a row on one line
        ["Werkgever Werknemer", "Naam P. de Vries Jan Jansen", "Datum 1-3-2026"],
        # PDF text, a cell on each line
        ["Werkgever", "Werknemer", "Naam: P. de Vries", "Jan Jansen", "Datum: 1-3-2026"],
        # labelled rows
        [
            "Naam werkgever | P. de Vries",
            "Handtekening werkgever: | getekend",
            "Naam werknemer | Jan Jansen",
            "Handtekening werknemer: | _",
        ],
    ],
)
def test_an_empty_cell_in_a_party_column_means_not_signed(rows: list[str]) -> None:
    signers = extract_signers(_lines(*rows))
    assert {(s.name, s.role) for s in signers} == {("P. de Vries", "werkgever")}
    (block,) = signature_blocks(_lines(*rows))
    assert [(s.name, s.role) for s in block.unsigned] == [("Jan Jansen", "werknemer")]


def test_a_row_empty_for_every_party_says_nothing() -> None:
    """Pictures of signatures leave the PDF text empty: names and dates decide."""
    rows = [
        "_ | Werkgever | Werknemer",
        "Naam | P. de Vries | Jan Jansen",
        "Datum | 1-3-2026 | 2-3-2026",
        "Handtekening | _ | _",
    ]
    found = {(s.name, s.role, str(s.date)) for s in extract_signers(_lines(*rows))}
    assert found == {
        ("P. de Vries", "werkgever", "2026-03-01"),
        ("Jan Jansen", "werknemer", "2026-03-02"),
    }


def test_names_in_a_signature_table_are_not_the_employee_name() -> None:
    from poortwachter.audit.extract.personal import extract_employee_names

    lines = _lines("Werknemer", "Werkgever", "Casemanager", "Naam: K. Visser", "A. Bakker")
    blocks = signature_blocks(lines)
    skip = {i for b in blocks for i in b.lines}
    assert blocks and extract_employee_names(lines, skip) == []


def test_docx_reader_drops_placeholders_and_shows_form_boxes(tmp_path: Path) -> None:
    from poortwachter.audit.intake.readers.docx import read_docx

    path = tmp_path / "formulier.docx"
    F.write_docx(
        path,
        [
            ("h", "Plan van aanpak"),
            ("sdt", "Visie werknemer", None),
            ("sdt", "Einddoel", "terugkeer in eigen werk"),
            ("formtext", "Casemanager", None),
            ("check", "Oordeel werknemer bijgevoegd", False),
            ("check", "Eindevaluatie bijgevoegd", True),
        ],
    )
    text = read_docx(path.read_bytes(), path.name).text
    assert "Klik of tik" not in text
    assert "Einddoel: terugkeer in eigen werk" in text
    assert "\u2610 Oordeel werknemer bijgevoegd" in text
    assert "\u2612 Eindevaluatie bijgevoegd" in text


@pytest.mark.parametrize(
    ("value", "filled"),
    [
        ("n.v.t.", False),
        ("N.V.T", False),
        ("volgt", False),
        ("nog in te vullen", False),
        ("______", False),
        ("Klik hier als u tekst wilt invoeren.", False),
        ("Klik of tik om tekst in te voeren.", False),
        ("eens met het plan", True),
        ("nvt: werknemer is volledig hersteld", True),
    ],
)
def test_filled_in_means_filled_in(value: str, filled: bool) -> None:
    from poortwachter.audit.extract.sections import extract_sections
    from poortwachter.audit.model import Document
    from poortwachter.audit.text.filled import is_empty_value

    assert is_empty_value(value) is not filled
    doc = Document("x.pdf", "pdf", 1, pages=[f"Plan van aanpak\nVisie werknemer: {value}"])
    assert ("visie_werknemer" in extract_sections(doc)) is filled


@pytest.mark.parametrize(
    ("row", "counts"),
    [
        ("12-03-2026 | Evaluatiegesprek plan van aanpak | HR", True),
        ("12-03-2026 | Voortgangsgesprek (telefonisch) | HR", True),
        ("12-03-2026 | Gesprek werkgever en werknemer | HR", True),
        ("12-03-2026 | Telefonisch consult bedrijfsarts | A. Bakker", False),
        ("12-03-2026 | Spreekuur bedrijfsarts | A. Bakker", False),
        ("12-03-2026 | Werknemer gebeld over verlof | HR", False),
    ],
)
def test_only_evaluations_in_a_log_count_as_evaluations(row: str, counts: bool) -> None:
    from poortwachter.audit.rules.checks.timing import _is_eval_row

    assert _is_eval_row(row) is counts


def test_uwv_decision_is_its_own_kind_in_the_json(tmp_path: Path) -> None:
    import json

    from poortwachter.report.audit import json as audit_json

    case = next(c for c in F.CASES if c.name == "uwv_besluit_verlenging")
    data = json.loads(audit_json.render(audit(F.build_case(case, tmp_path))))
    (letter,) = [d for d in data["documents"] if d["path"] == "10_uwv_besluit.pdf"]
    assert (letter["kind"], letter["sub_kind"]) == ("other", "uwv_besluit_verlenging")
    assert not any(f["rule"] == "READ-002" for f in data["findings"])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Van: J. Jansen\nAan: HR\nOnderwerp: Re: eindevaluatie\nIk ben het eens.",
            "oordeel_werknemer",
        ),
        (
            "Van: HR\nAan: J. Jansen\nOnderwerp: Plan van aanpak\nHierbij het plan.",
            "plan_van_aanpak",
        ),
        ("Eindevaluatie\nOnderwerp: eindevaluatie\nDatum: 1-9-2027", "eindevaluatie"),
        (
            "Re-integratieverslag\n☒ Probleemanalyse\n☒ Plan van aanpak\n☒ Eindevaluatie\n"
            "☐ Oordeel werknemer",
            "riv_formulier",
        ),
        ("Inhoudsopgave\nProbleemanalyse\nPlan van aanpak\nEindevaluatie", "other"),
        ("☐ Oordeel werknemer\n☐ Eindevaluatie\nWerkgever: De Vries", "other"),
    ],
)
def test_classified_by_structure(text: str, kind: str) -> None:
    from poortwachter.audit.classify.classifier import classify

    assert classify(text).kind.value == kind


def _case(name: str, tmp_path: Path) -> Path:
    return F.build_case(next(c for c in F.CASES if c.name == name), tmp_path)


def test_merged_pdf_parts_start_mid_page_and_share_their_page(tmp_path: Path) -> None:
    result = audit(_case("samengevoegd_midden_op_pagina", tmp_path))
    parts = [d for d in result.documents if d.path == "dossier.pdf"]
    kinds = [d.kind.value for d in parts]
    assert kinds == [
        "riv_formulier", "probleemanalyse", "plan_van_aanpak", "eerstejaarsevaluatie",
        "arbeidsdeskundig_rapport", "spoor2_rapport", "actueel_oordeel", "eindevaluatie",
        "oordeel_werknemer",
    ]  # fmt: skip
    # parts follow each other on the pages: a part starts on the page where the last ended
    for before, after in itertools.pairwise(parts):
        assert after.first_page in (before.last_page, before.last_page + 1)
    assert any(a.first_page == b.last_page for b, a in itertools.pairwise(parts))
    # each part is judged on its own date
    assert [d.date.isoformat() if d.date else None for d in parts][:3] == [
        "2027-09-24",
        "2026-02-05",
        "2026-02-16",
    ]
    # the probleemanalyse runs three lines onto page 2, above the plan van aanpak's title:
    # those lines (with its author) stay in the probleemanalyse
    pa, pva = parts[1], parts[2]
    assert (pa.first_page, pa.last_page, pva.first_page) == (1, 2, 2)
    assert [a.name for a in pa.authors] == ["A. Bakker"]
    assert "Opgesteld door: A. Bakker" not in pva.text


def test_one_docx_holding_the_riv_lists_paragraph_ranges(tmp_path: Path) -> None:
    import json

    from poortwachter.report.audit import json as audit_json

    data = json.loads(audit_json.render(audit(_case("een_docx_hele_riv", tmp_path))))
    parts = [d for d in data["documents"] if d["path"] == "dossier.docx"]
    assert len(parts) == 9
    ranges = [tuple(int(x) for x in d["paragraph_range"].split("-")) for d in parts]
    assert ranges[0][0] == 1
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert start == end + 1
    assert [parts[0]["kind"], parts[4]["kind"]] == ["riv_formulier", "arbeidsdeskundig_rapport"]


def test_repeated_evaluations_are_parts_of_their_own(tmp_path: Path) -> None:
    result = audit(_case("herhaalde_evaluaties_gat", tmp_path))
    evaluations = [d for d in result.documents if d.path == "10_evaluaties.pdf"]
    assert len(evaluations) == 15
    assert {d.kind.value for d in evaluations} == {"voortgangsverslag"}
    assert len({d.date for d in evaluations}) == 15
    (gap,) = [f for f in result.findings if f.rule == "EVAL-001"]
    assert "63 dagen" in gap.message


def test_a_section_heading_inside_a_part_does_not_split_it() -> None:
    from poortwachter.audit.intake.parts import heading_cuts

    page = "\n".join(
        [
            "Eindevaluatie",
            "Datum: 20-09-2027",
            "Resultaat: werknemer werkt 20 uur.",
            "Oordeel werknemer",
            "Ik ben het eens met deze eindevaluatie.",
            "Ondertekening",
            "Werkgever | P. de Vries | 20-09-2027",
        ]
    )
    assert heading_cuts([page]) == []
    merged = page + "\nPlan van aanpak\nDatum: 16-02-2026\nNaam werknemer: Jan Jansen"
    assert heading_cuts([merged]) == [(0, 7)]


def test_many_unreadable_files_give_one_finding_with_the_list(tmp_path: Path) -> None:
    folder = F.build_case(F.CASES[0], tmp_path)
    for n in range(5):
        (folder / f"kapot_{n}.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<")
    result = audit(folder)
    (finding,) = [f for f in result.findings if f.rule == "READ-001"]
    assert "5 bestanden of delen" in finding.message and len(finding.evidence) == 5
    assert not result.ready_for_submission


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n1 0 obj <<", b"PK\x03\x04kapot", b"%PDF-1.7\n" + b"\x00" * 400 + b"%%EOF"],
)
def test_unreadable_messages_are_dutch_without_exception_names(data: bytes, tmp_path: Path) -> None:
    import re

    from poortwachter.audit.intake.dossier import collect, read_file

    path = tmp_path / ("x.docx" if data.startswith(b"PK") else "x.pdf")
    path.write_bytes(data)
    doc = read_file(collect([path])[0])
    assert not doc.readable and doc.reason
    assert not re.search(r"[A-Z][a-z]+(Error|Exception)|\(\w+Error\)", doc.reason)


def test_an_unrecognised_part_keeps_the_dossier_from_being_ready(tmp_path: Path) -> None:
    folder = F.build_case(F.CASES[0], tmp_path)
    F.write_docx(folder / "notitie.docx", ["Aantekeningen bij het gesprek van vorige week."] * 3)
    result = audit(folder)
    assert result.count(Severity.BLOCKER) == 0
    assert not result.ready_for_submission
    assert "niet herkend: notitie.docx" in result.not_ready_because[0]
    # a table of contents is recognised as such and keeps nothing back
    (folder / "notitie.docx").unlink()
    F.write_docx(
        folder / "inhoud.docx",
        ["Inhoudsopgave", "Probleemanalyse", "Plan van aanpak", "Eindevaluatie"],
    )
    assert audit(folder).ready_for_submission


def test_facts_from_the_documents_feed_the_timeline_with_evidence(tmp_path: Path) -> None:
    import json

    from poortwachter.domain.vocabulary import MilestoneId
    from poortwachter.report.audit import json as audit_json

    result = audit(_case("verlenging_uwv_besluit", tmp_path))
    data = json.loads(audit_json.render(result))
    (fact,) = [f for f in data["facts"] if f["fact"] == "verlenging_tot"]
    assert fact["end"] == "2028-12-29"
    assert fact["evidence"]["path"] == "10_uwv_besluit.pdf"
    assert "29 december 2028" in fact["evidence"]["excerpt"]
    assert result.timeline is not None
    # UWV fixed the new end: that day exactly, and the RIV and the application counted back
    # from it (WIA 25 lid 4, 64 lid 3) - never a few days late from rounding to weeks
    end = result.timeline.get(MilestoneId.EINDE_WACHTTIJD).due
    assert end == date(2028, 12, 29)
    assert result.timeline.get(MilestoneId.EINDEVALUATIE).due == end - timedelta(days=91)
    assert result.timeline.get(MilestoneId.WIA_AANVRAAG).due == end - timedelta(days=77)
    assert not {"EIND-001", "OW-001"} & set(rules_of(result))
    # the text and HTML reports show the fact and the document it came from, too
    from poortwachter.report.audit import html as audit_html
    from poortwachter.report.audit import text as audit_text

    text = audit_text.render_many([result])
    assert "Feiten uit de documenten" in text
    line = next(x for x in text.splitlines() if "Vrijwillige verlenging tot" in x)
    assert "29 december 2028" in line and "10_uwv_besluit.pdf" in line
    html = audit_html.render_many([result])
    assert "Vrijwillige verlenging tot 29 december 2028</td><td>10_uwv_besluit.pdf" in html


def test_recovery_and_renewed_sickness_shift_the_deadlines(tmp_path: Path) -> None:
    from poortwachter.domain.vocabulary import MilestoneId

    plain = audit(_case("zonder_eindevaluatie_geen_verlenging", tmp_path / "a"))
    moved = audit(_case("hersteld_en_opnieuw_ziek", tmp_path / "b"))
    assert plain.timeline is not None and moved.timeline is not None
    before = plain.timeline.get(MilestoneId.EINDE_WACHTTIJD).due
    after = moved.timeline.get(MilestoneId.EINDE_WACHTTIJD).due
    assert (after - before).days == 21  # 1 to 21 May 2026 recovered
    assert moved.eerste_ziektedag is not None and moved.eerste_ziektedag.isoformat() == "2026-01-01"
    kinds = {f.kind for f in moved.facts}
    assert {"hersteld", "opnieuw_ziek"} <= kinds


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("UWV verlengt de loondoorbetaling met 26 weken.", "verlenging_weken", 26),
        ("De wachttijd is verlengd tot en met 1 juli 2028.", "verlenging_tot", "2028-07-01"),
        ("Hersteld gemeld per 3 maart 2026.", "hersteld", "2026-03-03"),
        ("Opnieuw ziek gemeld op 20-03-2026.", "opnieuw_ziek", "2026-03-20"),
        ("Werknemer bereikt de AOW-leeftijd op 5 mei 2027.", "aow_datum", "2027-05-05"),
        (
            "Geen benutbare mogelijkheden van 1 juni 2026 tot 1 september 2026.",
            "geen_benutbare_mogelijkheden",
            "2026-09-01",  # the end of the period
        ),
    ],
)
def test_timeline_facts_are_found(text: str, kind: str, value: object) -> None:
    from poortwachter.audit.extract.facts import document_facts
    from poortwachter.audit.model import Document

    facts = document_facts(Document("brief.pdf", "pdf", 1, pages=[f"Brief\n{text}"]))
    (fact,) = [f for f in facts if f.kind == kind]
    shown = fact.weeks or (fact.end or fact.start).isoformat()  # type: ignore[union-attr]
    assert shown == value
