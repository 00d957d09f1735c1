"""Batch generation from a spreadsheet: good rows written, bad rows reported."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generate_helpers import REPO, docx_text
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.generate import run_batch
from poortwachter.generate.batch import RowError
from poortwachter.generate.names import check_pattern, output_stem
from poortwachter.generate.render import OutputFormat
from poortwachter.generate.write import target_path

SHEET = REPO / "samples" / "batch_plan_van_aanpak.xlsx"


def _check_sample_result(out: Path, result_errors: list[RowError], written: list[Path]) -> None:
    assert len(written) == 19
    assert all(p.parent == out.resolve() and p.suffix == ".docx" for p in written)
    assert len(list(out.glob("*.docx"))) == 19
    [error] = result_errors
    assert (error.sheet, error.row, error.column, error.field) == (
        "formulieren",
        13,
        "E",
        "werknemer_bsn",
    )
    assert "11-proef" in error.message
    assert "123456789" not in error.message  # BSN masked in the report


def test_sample_batch_writes_19_of_20_and_reports_the_bad_row(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch(FormId.PLAN_VAN_AANPAK, SHEET, out, "docx", workers=1)
    _check_sample_result(out, result.errors, result.written)
    assert result.exit_code == 1
    assert (
        result.summary()
        == "19 formulieren gemaakt, 0 overgeslagen (bestonden al), 1 rij met fouten"
    )

    xlsx_path, json_path = result.report_paths
    assert re.fullmatch(r"foutrapport_plan_van_aanpak_\d{8}-\d{6}\.json", json_path.name)
    assert xlsx_path == json_path.with_suffix(".xlsx") and xlsx_path.parent == out
    report = json.loads(json_path.read_text("utf-8"))
    assert report["documents_written"] == 19 and report["rows_failed"] == 1
    assert report["errors"][0]["row"] == 13 and report["errors"][0]["column"] == "E"
    ws = load_workbook(xlsx_path).active
    rows = list(ws.values)
    assert rows[0] == ("Bestand", "Blad", "Rij", "Kolom", "Veld", "Reden")
    assert rows[1][1:5] == ("formulieren", 13, "E", "werknemer_bsn")
    assert not list(out.glob(".pw-*"))  # no temporary files left behind

    # activities and signers from the other sheets ended up in the right document
    one = next(p for p in result.written if p.name.startswith("Sanne de Vries"))
    body = docx_text(one.read_bytes())["body"]
    assert "Werkplekonderzoek" in body and "Jeroen van Dam" in body


def test_pool_gives_the_same_result(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch(FormId.PLAN_VAN_AANPAK, SHEET, out, "docx", workers=2)
    _check_sample_result(out, result.errors, result.written)


def test_existing_files_are_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_batch(FormId.PLAN_VAN_AANPAK, SHEET, out, "docx", workers=1)
    target = first.written[0]
    target.write_bytes(b"eigen werk")
    again = run_batch(FormId.PLAN_VAN_AANPAK, SHEET, out, "docx", workers=1)
    assert again.written == []
    assert target.read_bytes() == b"eigen werk"
    # a rerun skips what exists (no error); only the bad row fails again
    assert again.rows_skipped == 19 and len(again.skipped) == 19
    assert [e.row for e in again.errors] == [13]
    assert (
        again.summary() == "0 formulieren gemaakt, 19 overgeslagen (bestonden al), 1 rij met fouten"
    )
    forced = run_batch(FormId.PLAN_VAN_AANPAK, SHEET, out, "docx", workers=1, overwrite=True)
    assert len(forced.written) == 19
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize("pattern", ["../{werknemer}", "{werknemer}/../x", "a\\b", "{bsn}", ""])
def test_unsafe_or_unknown_patterns_are_refused(pattern: str, tmp_path: Path) -> None:
    with pytest.raises(InputError):
        run_batch(FormId.PLAN_VAN_AANPAK, SHEET, tmp_path, "docx", pattern=pattern, workers=1)
    assert not any(tmp_path.iterdir())


def test_values_cannot_steer_the_path(tmp_path: Path) -> None:
    check_pattern("{dossier}_{werknemer}")
    for hostile in ("../../etc/passwd", "/etc/passwd", "..", "C:\\Windows\\x", "a\x00b", "CON"):
        stem = output_stem("{dossier}_{werknemer}", {"dossier": hostile, "werknemer": hostile})
        path = target_path(tmp_path, stem, OutputFormat.DOCX)
        assert path.parent == tmp_path.resolve(), stem
        assert "/" not in stem and "\\" not in stem and not stem.startswith(".")


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


def _csv_row(**changes: str) -> dict[str, str]:
    row = {
        "dossier": "A-1",
        "formulierdatum": "20-02-2026",
        "eerste_ziektedag": "05-01-2026",
        "werknemer_naam": "Sanne de Vries",
        "werknemer_bsn": "123456782",
        "werknemer_functie": "Verkoper",
        "werkgever_naam": "Bakkerij Van Dam B.V.",
        "bedrijfsarts_naam": "dr. P. Jansen",
        "casemanager_naam": "Karin Bos",
        "datum_probleemanalyse": "10-02-2026",
        "conclusies_probleemanalyse": "Opbouw in aangepast werk",
        "einddoel_soort": "Eigen werk",
        "einddoel_datum": "2026-06-01",
        "einddoel": "Terugkeer in eigen functie",
        "evaluatiemomenten": "2026-04-03; 2026-05-15",
        "visie_werkgever": "Aangepast werk in de eigen functie",
        "visie_werknemer": "Eens",
        "activiteiten": "Start werk | Werknemer | 2026-02-23\nWerkplekonderzoek | HR | 06-03-2026",
        "ondertekenaars": "Jeroen | Directeur | 2026-02-20 | werkgever; "
        "Sanne de Vries | Verkoper | 2026-02-20 | werknemer",
    }
    row.update(changes)
    return row


def test_csv_with_inline_items_and_hostile_names(tmp_path: Path) -> None:
    sheet = tmp_path / "plannen.csv"
    _write_csv(
        sheet,
        [
            _csv_row(),
            _csv_row(dossier="A-2", werknemer_naam="../../etc/passwd"),
            _csv_row(
                dossier="A-3",
                werknemer_naam="Daan Bakker",
                activiteiten="Start werk | Werknemer | volgende week",
            ),
            _csv_row(dossier="A-4"),  # same name and date as A-1: gets a suffix
        ],
    )
    out = tmp_path / "out"
    result = run_batch(FormId.PLAN_VAN_AANPAK, sheet, out, "docx", workers=1)
    names = sorted(p.name for p in result.written)
    assert names == [
        "Sanne de Vries_plan_van_aanpak_2026-02-20.docx",
        "Sanne de Vries_plan_van_aanpak_2026-02-20_2.docx",
        "etc_passwd_plan_van_aanpak_2026-02-20.docx",
    ]
    assert all(p.parent == out.resolve() for p in result.written)
    [error] = result.errors
    assert error.row == 4 and error.field == "activiteiten" and error.column == "18"
    assert error.message.startswith("onderdeel 1, wanneer: ") and "volgende week" in error.message
    body = docx_text(result.written[0].read_bytes())["body"]
    assert "6 maart 2026" in body and "Werkplekonderzoek" in body


def test_error_in_item_sheet_points_to_that_sheet(tmp_path: Path) -> None:
    sheet = tmp_path / "plannen.xlsx"
    shutil.copy(SHEET, sheet)
    from openpyxl import load_workbook as load

    wb = load(sheet)
    wb["activiteiten"]["D4"] = "geen datum"  # second activity of the second dossier
    wb.save(sheet)
    result = run_batch(FormId.PLAN_VAN_AANPAK, sheet, tmp_path / "out", "docx", workers=1)
    located = [e for e in result.errors if e.sheet == "activiteiten"]
    assert len(located) == 1
    assert (located[0].row, located[0].column, located[0].field) == (4, "D", "wanneer")
    assert len(result.written) == 18


def test_missing_column_is_a_file_problem(tmp_path: Path) -> None:
    sheet = tmp_path / "plannen.csv"
    row = _csv_row()
    del row["einddoel"]
    _write_csv(sheet, [row])
    with pytest.raises(InputError, match="de verplichte kolom 'einddoel' ontbreekt"):
        run_batch(FormId.PLAN_VAN_AANPAK, sheet, tmp_path / "out", "docx", workers=1)


def test_progress_callback_reports_every_row_up_to_the_total(tmp_path: Path) -> None:
    """The library reports progress to a callback (the CLI draws click's bar with it)."""
    calls: list[tuple[int, int]] = []
    run_batch(
        FormId.PLAN_VAN_AANPAK,
        SHEET,
        tmp_path / "out",
        "docx",
        workers=1,
        progress=lambda done, total, _item: calls.append((done, total)),
    )
    assert calls and calls[-1] == (20, 20)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_broken_template_stops_before_any_row(tmp_path: Path) -> None:
    style = tmp_path / "huisstijl"
    style.mkdir()
    (style / "plan_van_aanpak.html").write_text("<p>{% if einddoel %}</p>", "utf-8")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="fout in de Jinja-code"):
        run_batch(FormId.PLAN_VAN_AANPAK, SHEET, out, "pdf", workers=1, templates_dir=style)
    assert not out.exists() or not any(out.iterdir())


def test_undefined_variable_in_house_style_names_the_field(tmp_path: Path) -> None:
    style = tmp_path / "huisstijl"
    style.mkdir()
    (style / "plan_van_aanpak.html").write_text("<p>{{ werknemer.telefoon }}</p>", "utf-8")
    result = run_batch(
        FormId.PLAN_VAN_AANPAK, SHEET, tmp_path / "out", "pdf", workers=1, templates_dir=style
    )
    assert result.written == []
    assert "het veld 'werknemer.telefoon'" in result.errors[0].message


def test_orphan_and_ambiguous_items_are_reported(tmp_path: Path) -> None:
    sheet = tmp_path / "plannen.xlsx"
    shutil.copy(SHEET, sheet)
    wb = load_workbook(sheet)
    wb["activiteiten"].append(["2099-0001", "Iets", "Iemand", "2026-05-01"])
    wb["formulieren"]["A21"] = "2026-0200"  # the last row now repeats the first dossier
    wb.save(sheet)
    result = run_batch(FormId.PLAN_VAN_AANPAK, sheet, tmp_path / "out", "docx", workers=1)
    # the items of 2026-0219 (whose row was overwritten) and of 2099-0001 belong nowhere
    orphan = [e for e in result.errors if e.field == "dossier" and "staat niet" in e.message]
    assert sorted((e.sheet, e.row) for e in orphan) == [
        ("activiteiten", 40),
        ("activiteiten", 41),
        ("activiteiten", 42),
        ("ondertekenaars", 40),
        ("ondertekenaars", 41),
    ]
    assert any("'2099-0001'" in e.message for e in orphan)
    assert all(e.column == "A" for e in orphan)
    twice = [e for e in result.errors if "komt vaker voor" in e.message]
    assert [(e.row, e.column) for e in twice] == [(21, "A")]
    assert len(result.written) == 18  # bad BSN row and the repeated dossier are skipped


def test_csv_sample_for_another_form(tmp_path: Path) -> None:
    sheet = REPO / "samples" / "batch_eindevaluatie.csv"
    result = run_batch(FormId.EINDEVALUATIE, sheet, tmp_path, "both", workers=1)
    assert result.errors == []
    assert (
        result.summary()
        == "2 formulieren gemaakt (4 bestanden), 0 overgeslagen (bestonden al), 0 rijen met fouten"
    )
    daan = docx_text((tmp_path / "Daan Bakker_eindevaluatie_2027-10-04.docx").read_bytes())
    assert "Geen werkhervatting; het 2e spoor leidde niet tot plaatsing." in daan["body"]
    assert "4 oktober 2027" in daan["body"] and "Daan Bakker" in daan["header"]


def test_pdf_batch_makes_the_same_pages_and_text_as_one_render(tmp_path: Path) -> None:
    """Whatever the batch shares between documents (renderer, fonts, warm-up, chunks over
    two workers), each PDF has the pages and the text of the same form made on its own."""
    from pypdf import PdfReader

    from poortwachter.forms import form_spec
    from poortwachter.generate.batch import read_rows
    from poortwachter.generate.context import check_form
    from poortwachter.generate.render import render_document

    def pages(blob: bytes) -> list[str]:
        return [page.extract_text() for page in PdfReader(io.BytesIO(blob)).pages]

    out = tmp_path / "out"
    result = run_batch(FormId.PLAN_VAN_AANPAK, SHEET, out, "pdf", workers=2)
    assert len(result.written) == 19
    spec = form_spec(FormId.PLAN_VAN_AANPAK)
    tasks = {t.stem: t for t in read_rows(spec, SHEET).tasks}
    for path in sorted(result.written)[:6]:
        doc, problems = check_form(spec.id, tasks[path.stem].data)
        assert doc is not None, problems
        alone = pages(render_document(spec, doc, "pdf"))
        assert pages(path.read_bytes()) == alone, path.name
        assert len(alone) >= 2
