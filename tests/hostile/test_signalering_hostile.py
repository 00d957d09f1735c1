"""`signalering` and `timeline --zaak` over every hostile file of the corpus.

Each run is a child process (``python -m poortwachter``), so a hang is killed at the time
limit, a native crash (Rust abort, segfault) shows as a negative exit code, and the peak
memory of that one run is measured. Outcomes are collected in a table (``-v`` shows it).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from . import corpus
from .measure import DEFAULT_TIMEOUT, Measured, poortwachter, run_measured

#: every test here runs the command as a child process (make test-fast leaves them out)
pytestmark = pytest.mark.slow

PEILDATUM = "2026-03-01"
#: Peak memory allowed for one run over a small hostile file (MB).
SMALL_PEAK_MB = 512
#: Peak memory allowed for a run over 1,000,000 rows (MB): streaming or a Dutch size limit.
BIG_PEAK_MB = 1024
#: Hard limits for a 1,000,000-row run: it must answer, whatever it costs (see budget test).
BIG_TIMEOUT = 180.0
BIG_CAP_MB = 8192

Record = Callable[[str, str, Measured], None]

SPREADSHEET_KINDS = {"csv", "xlsx"}
ALL_FAST = [gen.__name__ for gen in corpus.GENERATORS]
SPREADSHEETS = [
    gen.__name__ for gen in corpus.GENERATORS if gen.__name__.split("_")[0] in SPREADSHEET_KINDS
]
CASE_FILES = [
    gen.__name__ for gen in corpus.GENERATORS if gen.__name__.split("_")[0] in {"yaml", "json"}
]


def check_outcome(
    case: corpus.Case,
    m: Measured,
    codes: frozenset[int] | None = None,
    *,
    check_message: bool = True,
) -> None:
    """The contract of issue 6 for one run over one hostile file."""
    codes = case.codes if codes is None else codes
    assert not m.timed_out, f"{case.name}: no answer within {DEFAULT_TIMEOUT:.0f} s"
    assert m.code in codes, f"{case.name}: exit {m.code} (expected {sorted(codes)}): {m.stderr}"
    assert "Traceback" not in m.stderr, m.stderr
    assert "interne fout" not in m.stderr, m.stderr
    assert m.peak_mb < SMALL_PEAK_MB, f"{case.name}: peak {m.peak_mb:.0f} MB"
    if m.code == 2:
        # a Dutch message that names the file
        assert "fout: " in m.stderr, m.stderr
        assert case.path.name in m.stderr, m.stderr
    if case.message and check_message:
        assert case.message in m.stderr.lower(), m.stderr


def run(*args: str, **kw: Any) -> Measured:
    return run_measured(poortwachter(*args), **kw)


@pytest.mark.parametrize("name", ALL_FAST)
def test_signalering_over_every_hostile_file(
    name: str, hostile_cases: dict[str, corpus.Case], record: Record
) -> None:
    """A user may pass any file: a spreadsheet, a PDF, a Word file, a case file."""
    case = hostile_cases[name]
    m = run("signalering", str(case.path), "--peildatum", PEILDATUM)
    record("signalering", case.name, m)
    codes = case.codes if case.kind in SPREADSHEET_KINDS else frozenset({2})
    check_outcome(case, m, codes)
    assert not Path("/tmp/poortwachter_pwned.txt").exists()  # the ../ entries


@pytest.mark.parametrize("name", SPREADSHEETS)
def test_signalering_skip_invalid(
    name: str, hostile_cases: dict[str, corpus.Case], record: Record, tmp_path: Path
) -> None:
    """With --skip-invalid, a sheet with bad rows gives exit 1 and still writes the good rows."""
    case = hostile_cases[name]
    out = tmp_path / "uit.json"
    m = run(
        "signalering",
        str(case.path),
        "--peildatum",
        PEILDATUM,
        "--skip-invalid",
        "--format",
        "json",
        "--output",
        str(out),
    )
    record("signalering --skip-invalid", case.name, m)
    check_outcome(case, m, corpus.ANY_OK)
    if m.code in (0, 1):
        assert out.is_file() and out.stat().st_size > 0
    else:
        assert not out.exists(), "exit 2 must not leave an output file"
    assert [p.name for p in tmp_path.iterdir() if p.name != "uit.json"] == [], "temp files left"


def test_wrong_types_name_row_and_column(hostile_cases: dict[str, corpus.Case]) -> None:
    case = hostile_cases["xlsx_wrong_types"]
    m = run("signalering", str(case.path), "--peildatum", PEILDATUM)
    assert m.code == 2
    for fragment in ("rij 2, kolom F (verlenging_weken)", "rij 3, kolom D (eerste_ziektedag)"):
        assert fragment in m.stderr, m.stderr
    m = run("signalering", str(case.path), "--peildatum", PEILDATUM, "--skip-invalid")
    assert m.code == 1, m.stderr


def test_hidden_first_sheet_reads_the_visible_one(hostile_cases: dict[str, corpus.Case]) -> None:
    case = hostile_cases["xlsx_hidden_first_sheet"]
    m = run(
        "signalering",
        str(case.path),
        "--peildatum",
        PEILDATUM,
        "--format",
        "json",
        keep_stdout=True,
    )
    assert m.code == 0, m.stderr
    assert "Z-001" in m.stdout and "geheim" not in m.stdout


@pytest.mark.parametrize("name", ["csv_cp1252", "csv_bom"])
def test_encodings(name: str, hostile_cases: dict[str, corpus.Case]) -> None:
    case = hostile_cases[name]
    m = run(
        "signalering",
        str(case.path),
        "--peildatum",
        PEILDATUM,
        "--format",
        "json",
        keep_stdout=True,
    )
    assert m.code == 0, m.stderr
    if name == "csv_cp1252":
        assert "Zoë Hélène Müller" in m.stdout and "René Açaï" in m.stdout
    else:
        assert "Jan de Vries" in m.stdout


def _no_formulas(path: Path) -> list[str]:
    """Every text cell of every sheet; asserts none is a formula or starts like one."""
    wb = load_workbook(path)
    texts: list[str] = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate} is a formula: {c.value!r}"
                if isinstance(c.value, str):
                    assert not c.value.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), (
                        f"{ws.title}!{c.coordinate} not neutralised: {c.value!r}"
                    )
                    texts.append(c.value)
    return texts


@pytest.mark.parametrize("name", ["csv_formulas", "xlsx_formulas"])
def test_formula_cells_are_neutralised_in_xlsx_output(
    name: str, hostile_cases: dict[str, corpus.Case], tmp_path: Path, record: Record
) -> None:
    case = hostile_cases[name]
    out = tmp_path / "signalering.xlsx"
    m = run(
        "signalering",
        str(case.path),
        "--peildatum",
        PEILDATUM,
        "--format",
        "xlsx",
        "--output",
        str(out),
    )
    record("signalering --format xlsx", case.name, m)
    assert m.code == 0, m.stderr
    texts = _no_formulas(out)
    for value in corpus.FORMULAS:
        # the reader strips surrounding whitespace (tab, CR); then the apostrophe is added
        expected = "'" + value.strip()
        assert texts.count(expected) >= 2, f"{expected!r} not written as text in both columns"
    if name == "xlsx_formulas":
        assert "'=1+1" in texts  # the cached value of a real formula cell


def test_formula_text_in_the_errors_sheet_is_neutralised(tmp_path: Path) -> None:
    """Row problems go to a second sheet ('Fouten'): also neutralised."""
    src = tmp_path / "=HYPERLINK(1).csv"  # a relative file name starts every message
    src.write_text(
        "dossier;naam;eerste_ziektedag\nZ-1;Jan;2026-01-05\n=cmd;@SUM(1);=TODAY()\n",
        encoding="utf-8",
    )
    m = run(
        "signalering",
        src.name,
        "--peildatum",
        PEILDATUM,
        "--skip-invalid",
        "--format",
        "xlsx",
        "--output",
        "s.xlsx",
        cwd=tmp_path,
    )
    assert m.code == 1, m.stderr
    wb_texts = _no_formulas(tmp_path / "s.xlsx")
    assert any(t.startswith("'=HYPERLINK(1).csv") for t in wb_texts), wb_texts


@pytest.mark.parametrize("name", CASE_FILES)
def test_timeline_case_file_hostile(
    name: str, hostile_cases: dict[str, corpus.Case], record: Record
) -> None:
    case = hostile_cases[name]
    m = run("timeline", "--zaak", str(case.path), "--peildatum", PEILDATUM)
    record("timeline --zaak", case.name, m)
    check_outcome(case, m)
    assert not Path("/tmp/poortwachter_pwned").exists()


@pytest.mark.parametrize(
    "name", [n for n in ALL_FAST if n.split("_")[0] in {"pdf", "docx", "xlsx", "csv"}]
)
def test_timeline_rejects_any_other_file_as_case_file(
    name: str, hostile_cases: dict[str, corpus.Case], record: Record
) -> None:
    """`--zaak` with a PDF, Word file or spreadsheet: exit 2 naming the file, quickly."""
    case = hostile_cases[name]
    m = run("timeline", "--zaak", str(case.path), "--peildatum", PEILDATUM)
    record("timeline --zaak", case.name, m)
    check_outcome(case, m, frozenset({2}), check_message=False)


BIG = ["csv_million_rows", "xlsx_million_rows"]
#: One run per big file, shared by the contract test and the budget test.
_BIG_RUNS: dict[str, Measured] = {}


def _big_run(name: str, big_cases: dict[str, corpus.Case], out: Path) -> Measured:
    if name not in _BIG_RUNS:
        case = big_cases[name]
        _BIG_RUNS[name] = run(
            "signalering",
            str(case.path),
            "--peildatum",
            PEILDATUM,
            "--format",
            "xlsx",
            "--output",
            str(out),
            timeout=BIG_TIMEOUT,
            memory_mb=BIG_CAP_MB,
        )
    return _BIG_RUNS[name]


@pytest.mark.parametrize("name", BIG)
def test_million_rows_finish(
    name: str, big_cases: dict[str, corpus.Case], tmp_path: Path, record: Record
) -> None:
    """1,000,000 rows: an answer (exit 0/1/2, no traceback); a size limit must say so."""
    case = big_cases[name]
    out = tmp_path / "signalering.xlsx"
    m = _big_run(name, big_cases, out)
    record("signalering --format xlsx", case.name, m)
    assert not m.timed_out, f"no answer within {BIG_TIMEOUT:.0f} s ({m.peak_mb:.0f} MB)"
    assert m.code in corpus.ANY_OK, f"exit {m.code}: {m.stderr[-2000:]}"
    assert "Traceback" not in m.stderr and "interne fout" not in m.stderr
    if m.code == 2:  # a size limit: it must say so, in Dutch, naming the file
        assert case.path.name in m.stderr and "fout: " in m.stderr, m.stderr
        assert any(w in m.stderr for w in ("grens", "te groot", "meer dan", "maximaal"))
        assert not out.exists()
    else:
        with zipfile.ZipFile(out) as zf:
            info = zf.getinfo("xl/worksheets/sheet1.xml")
            assert info.file_size > 100 * corpus.BIG_ROWS  # every row written


@pytest.mark.parametrize("name", BIG)
def test_million_rows_within_budget(
    name: str, big_cases: dict[str, corpus.Case], tmp_path: Path
) -> None:
    m = _big_run(name, big_cases, tmp_path / "signalering.xlsx")
    assert m.code in corpus.ANY_OK
    assert not m.timed_out, f"{m.seconds:.1f} s"
    assert m.peak_mb < BIG_PEAK_MB, f"peak {m.peak_mb:.0f} MB"


#: `timeline` arguments at the edges of the calendar; each must be exit 0 or 2.
TIMELINE_ARGS: list[tuple[str, list[str]]] = [
    ("first_day_year_1", ["--eerste-ziektedag", "0001-01-01"]),
    ("peildatum_9999", ["--eerste-ziektedag", "2026-01-01", "--peildatum", "9999-12-31"]),
    ("aow_year_1", ["--eerste-ziektedag", "2026-01-01", "--aow-datum", "0001-01-01"]),
    ("loonsanctie_huge", ["--eerste-ziektedag", "2026-01-01", "--loonsanctie", "999999999"]),
    (
        "herstel_reversed",
        ["--eerste-ziektedag", "2026-01-01", "--herstel", "2026-02-10:2026-02-01"],
    ),
    ("formula_date", ["--eerste-ziektedag", "=1+1"]),
    (
        "first_day_9999",
        ["--eerste-ziektedag", "9999-12-31"],
    ),
    (
        "first_day_9999_ics",
        ["--eerste-ziektedag", "9999-12-20", "--format", "ics"],
    ),
    (
        "verlenging_huge",
        ["--eerste-ziektedag", "2026-01-01", "--verlenging", "999999999"],
    ),
    (
        "birth_9999",
        ["--eerste-ziektedag", "2026-01-01", "--geboortedatum", "9999-12-31"],
    ),
    (
        "done_9999",
        ["--eerste-ziektedag", "2026-01-01", "--gedaan", "probleemanalyse=9999-12-31"],
    ),
]


@pytest.mark.parametrize("args", [pytest.param(a, id=i) for i, a in TIMELINE_ARGS])
def test_timeline_extreme_arguments(args: list[str], record: Record, tmp_path: Path) -> None:
    m = run("timeline", *args, cwd=tmp_path)
    record("timeline", " ".join(args), m)
    assert m.code in (0, 2), f"exit {m.code}: {m.stderr}"
    assert "Traceback" not in m.stderr and "interne fout" not in m.stderr, m.stderr
    if m.code == 2:
        assert "fout: " in m.stderr, m.stderr
