"""Reading case spreadsheets: formats, encodings, and every kind of bad input."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from poortwachter.errors import InputError
from poortwachter.inputs.cases import load_case_file, read_cases

HEADER = "dossier;naam;bsn;eerste_ziektedag;herstel;zwanger\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def xlsx(
    tmp_path: Path, rows: list[list[object]], name: str = "zaken.xlsx", title: str = "Zaken"
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    p = tmp_path / name
    wb.save(p)
    return p


def test_csv_semicolon_utf8(tmp_path: Path) -> None:
    p = write(
        tmp_path, "z.csv", HEADER + "Z1;Jan Jansen;123456782;01-01-2026;2026-02-01:2026-02-10;nee\n"
    )
    result = read_cases(p)
    assert not result.problems
    ((row, case),) = result.cases
    assert row == 2
    assert case.eerste_ziektedag == date(2026, 1, 1)
    assert case.herstel[0].dagen == 10
    assert case.werknemer is not None and case.werknemer.bsn == "123456782"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", "\t", ";"])
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    text = (
        delimiter.join(["naam", "eerste_ziektedag"])
        + "\r\n"
        + delimiter.join(["José Müller-Çelik", "2026-03-02"])
        + "\r\n"
    )
    p = write(tmp_path, "z.csv", text.encode(encoding))
    ((_, case),) = read_cases(p).cases
    assert case.werknemer is not None and case.werknemer.naam == "José Müller-Çelik"


def test_xlsx_with_real_date_cells_and_numbers(tmp_path: Path) -> None:
    p = xlsx(
        tmp_path,
        [
            ["Naam", "Eerste ziektedag", "BSN", "Verlenging weken"],
            ["A", datetime(2026, 1, 1), 123456782, 13],
        ],
    )
    ((_, case),) = read_cases(p).cases
    assert case.eerste_ziektedag == date(2026, 1, 1)
    assert case.verlenging_weken == (13,)
    assert case.werknemer is not None and case.werknemer.bsn == "123456782"


def test_all_row_errors_at_once_with_sheet_row_column(tmp_path: Path) -> None:
    p = xlsx(
        tmp_path,
        [
            ["dossier", "naam", "bsn", "eerste_ziektedag", "herstel"],
            ["Z1", "A", "123456789", "2026-01-01", None],
            ["Z2", "B", None, "31-02-2026", None],
            ["Z3", "C", None, "2026-01-01", "2026-03-01:2026-02-01"],
            ["Z4", "D", None, "2026-01-01", None],
        ],
    )
    result = read_cases(p)
    assert [r for r, _ in result.cases] == [5]
    assert result.bad_rows == [2, 3, 4]
    text = "\n".join(result.problems)
    assert "zaken.xlsx, blad 'Zaken', rij 2, kolom C (bsn): '*****6789' is geen geldig BSN" in text
    assert "rij 3, kolom D (eerste_ziektedag): '31-02-2026' bestaat niet als datum" in text
    assert "rij 4, kolom E (herstel)" in text and "eindigt vóór ze begint" in text


def test_missing_column(tmp_path: Path) -> None:
    p = write(tmp_path, "z.csv", "naam;bsn\nA;123456782\n")
    with pytest.raises(InputError, match="de verplichte kolom 'eerste_ziektedag' ontbreekt"):
        read_cases(p)


def test_empty_sheet(tmp_path: Path) -> None:
    p = xlsx(tmp_path, [])
    with pytest.raises(InputError, match="blad 'Zaken': het blad is leeg"):
        read_cases(p)


def test_only_a_header(tmp_path: Path) -> None:
    p = write(tmp_path, "z.csv", "naam;eerste_ziektedag\n")
    with pytest.raises(InputError, match="geen zaken onder de kolomnamen"):
        read_cases(p)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("z.xlsx", b"this is not a zip at all", "geen geldig Excel-bestand"),
        ("z.csv", b"%PDF-1.7\n\x00\x01binary", "geen spreadsheet"),
        ("z.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "oude Excel-formaat"),
        ("z.csv", b"", "het bestand is leeg"),
        ("z.xlsx", b"PK\x03\x04truncated", "geen geldig zip-bestand"),
    ],
)
def test_not_a_spreadsheet(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    p = write(tmp_path, name, data)
    with pytest.raises(InputError, match=reason) as exc:
        read_cases(p)
    assert str(p) in str(exc.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="bestand niet gevonden"):
        read_cases(tmp_path / "nope.csv")


def test_hidden_first_sheet_is_skipped(tmp_path: Path) -> None:
    wb = Workbook()
    hidden = wb.active
    hidden.title = "Oud"
    hidden.append(["rommel"])
    hidden.sheet_state = "hidden"
    ws = wb.create_sheet("Zaken")
    ws.append(["naam", "eerste_ziektedag"])
    ws.append(["A", "2026-01-01"])
    p = tmp_path / "z.xlsx"
    wb.save(p)
    assert len(read_cases(p).cases) == 1


def test_yaml_case_file(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "zaak.yaml",
        "dossier: Z-1\neerste_ziektedag: 2026-01-01\n"
        "werknemer:\n  naam: Jan\n  bsn: '123456782'\n"
        "herstel:\n  - {start: 2026-02-01, eind: 2026-02-10}\n"
        "gedaan:\n  probleemanalyse: 10-02-2026\n",
    )
    case = load_case_file(p)
    assert case.dossier == "Z-1"
    assert case.herstel[0].dagen == 10
    assert case.gedaan  # probleemanalyse recorded


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    p = write(tmp_path, "zaak.yaml", "eerste_ziektedag: 2026-01-01\nwerknemer: [unclosed\n")
    with pytest.raises(InputError, match=r"zaak.yaml \(regel \d+\): is geen geldige YAML"):
        load_case_file(p)


def test_json_case_file(tmp_path: Path) -> None:
    p = write(tmp_path, "zaak.json", '{"eerste_ziektedag": "01-01-2026", "zwanger": "ja"}')
    case = load_case_file(p)
    assert case.zwanger is True
