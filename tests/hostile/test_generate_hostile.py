"""`generate` and `batch` over hostile input; an interrupted batch loses nothing.

Every run is a child process (``python -m poortwachter``), measured like the other hostile
tests. Contract (DESIGN.md, issue 6): exit 0, 1 or 2 (never 3, never a traceback); the
error report XLSX holds no formula; a template folder cannot make weasyprint fetch
anything; an output pattern cannot leave the output folder; Ctrl-C or a killed worker
leaves no half-written file and says which rows were done; a rerun skips what exists.
"""

from __future__ import annotations

import csv
import http.server
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from openpyxl import load_workbook

from . import corpus
from .measure import Measured, poortwachter, run_measured

#: every test here runs the command as a child process (make test-fast leaves them out)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CSV = ROOT / "samples" / "batch_eindevaluatie.csv"
HOSTILE_TEMPLATES = ROOT / "tests" / "fixtures" / "generate" / "hostile"
PEAK_MB = 1024

Record = Callable[[str, str, Measured], None]
SPREADSHEETS = [
    gen.__name__ for gen in corpus.GENERATORS if gen.__name__.split("_")[0] in {"csv", "xlsx"}
]
CASE_FILES = [
    gen.__name__ for gen in corpus.GENERATORS if gen.__name__.split("_")[0] in {"yaml", "json"}
]


def run(*args: str, **kw: Any) -> Measured:
    return run_measured(poortwachter(*args), **kw)


def run_dying(row: int, *args: str, **kw: Any) -> Measured:
    """The command with a batch worker that dies at ``row`` (tests/hostile/dying_worker.py)."""
    script = str(Path(__file__).with_name("dying_worker.py"))
    return run_measured([sys.executable, script, str(row), *args], **kw)


def check(name: str, m: Measured, codes: frozenset[int] = corpus.ANY_OK) -> None:
    assert not m.timed_out, f"{name}: no answer within the time limit"
    assert m.code in codes, f"{name}: exit {m.code}: {m.stderr[-2000:]}"
    assert "Traceback" not in m.stderr, m.stderr
    assert "interne fout" not in m.stderr, m.stderr
    assert m.peak_mb < PEAK_MB, f"{name}: peak {m.peak_mb:.0f} MB"
    if m.code == 2:
        assert "fout: " in m.stderr, m.stderr


def no_temp_files(folder: Path) -> None:
    if folder.exists():
        left = [p.name for p in folder.iterdir() if p.name.startswith(".pw-")]
        assert left == [], f"half-written files left: {left}"


def _no_formulas(path: Path) -> None:
    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", f"{ws.title}!{c.coordinate}: {c.value!r}"
                if isinstance(c.value, str):
                    assert not c.value.startswith(("=", "+", "-", "@", "\t", "\r")), c.value


# --- batch / generate over the corpus ------------------------------------------------


@pytest.mark.parametrize("name", SPREADSHEETS)
def test_batch_over_hostile_spreadsheets(
    name: str, hostile_cases: dict[str, corpus.Case], tmp_path: Path, record: Record
) -> None:
    case = hostile_cases[name]
    out = tmp_path / "out"
    m = run("batch", "eindevaluatie", str(case.path), "--out", str(out), "--format", "docx")
    record("batch eindevaluatie", case.name, m)
    check(case.name, m)
    if m.code == 2:
        assert case.path.name in m.stderr, m.stderr
    no_temp_files(out)
    for report in out.glob("foutrapport_*.xlsx") if out.exists() else []:
        _no_formulas(report)
    assert not Path("/tmp/poortwachter_pwned.txt").exists()


@pytest.mark.parametrize("name", [*CASE_FILES, "pdf_garbage", "docx_billion_laughs", "csv_empty"])
def test_generate_over_hostile_case_files(
    name: str, hostile_cases: dict[str, corpus.Case], tmp_path: Path, record: Record
) -> None:
    case = hostile_cases[name]
    out = tmp_path / "out"
    m = run("generate", "plan_van_aanpak", "--data", str(case.path), "--out", str(out))
    record("generate plan_van_aanpak", case.name, m)
    check(case.name, m, frozenset({2}))
    assert case.path.name in m.stderr, m.stderr
    assert not out.exists() or list(out.iterdir()) == []
    assert not Path("/tmp/poortwachter_pwned").exists()


def _rows(n: int, **changes: str) -> list[dict[str, str]]:
    with SAMPLE_CSV.open(encoding="utf-8", newline="") as fh:
        base = next(iter(csv.DictReader(fh, delimiter=";")))
    rows = []
    for i in range(n):
        row = dict(base)
        row["dossier"] = f"D-{i:05d}"
        row["werknemer_naam"] = f"Werknemer {i:05d}"
        row.update(changes)
        rows.append(row)
    return rows


def _write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_formula_cells_neutralised_in_the_error_report(tmp_path: Path, record: Record) -> None:
    """Values that look like formulas end up (as row errors) in the report: as text."""
    rows = _rows(3)
    for row, value in zip(rows, corpus.FORMULAS, strict=False):
        row["werknemer_bsn"] = value  # an invalid BSN: quoted in the error message
        row["formulierdatum"] = value
    sheet = _write_csv(tmp_path / "=HYPERLINK(1).csv", rows)
    m = run("batch", "eindevaluatie", sheet.name, "--out", "out", cwd=tmp_path)
    record("batch (formules in foutrapport)", sheet.name, m)
    check(sheet.name, m, frozenset({1}))
    (report,) = (tmp_path / "out").glob("foutrapport_eindevaluatie_*.xlsx")
    _no_formulas(report)
    cells = [c for row in load_workbook(report).active.iter_rows(values_only=True) for c in row]
    assert "'=HYPERLINK(1).csv" in cells


@pytest.mark.parametrize("pattern", ["../{werknemer}", "/tmp/{werknemer}", "{werknemer}/../../x"])
def test_output_pattern_cannot_leave_the_folder(
    pattern: str, tmp_path: Path, record: Record
) -> None:
    for cmd in (
        ["batch", "eindevaluatie", str(SAMPLE_CSV)],
        [
            "generate",
            "plan_van_aanpak",
            "--data",
            str(ROOT / "samples" / "forms" / "plan_van_aanpak.yaml"),
        ],
    ):
        m = run(*cmd, "--out", str(tmp_path / "out"), "--pattern", pattern, cwd=tmp_path)
        record(f"{cmd[0]} --pattern", pattern, m)
        check(pattern, m, frozenset({2}))
        assert "naampatroon" in m.stderr, m.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) in ([], ["out"])
    assert not list(Path("/tmp").glob("Sanne de Vries*"))


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Counter.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_batch_with_hostile_templates_fetches_nothing(
    tmp_path: Path, server: str, record: Record
) -> None:
    """A house-style folder whose HTML points at file:///etc/passwd, a local server and
    http://example.invalid: the batch (PDF) succeeds and nothing is fetched."""
    templates = tmp_path / "sjablonen"
    templates.mkdir()
    source = (HOSTILE_TEMPLATES / "plan_van_aanpak.html").read_text("utf-8")
    source = source.replace("__OUTSIDE__", "http://example.invalid").replace("__SERVER__", server)
    source = source.replace("plan_van_aanpak", "eindevaluatie")  # same hostile head
    source = source.replace("{{ einddoel }}", "{{ resultaten }}")  # a field of this form
    (templates / "eindevaluatie.html").write_text(source, "utf-8")
    shutil.copy(HOSTILE_TEMPLATES / "eigen.css", templates / "eigen.css")
    out = tmp_path / "out"
    m = run(
        "batch", "eindevaluatie", str(SAMPLE_CSV), "--out", str(out), "--format", "pdf",
        "--templates", str(templates), "--workers", "1",
    )  # fmt: skip
    record("batch --templates (vijandig)", "file:// + http", m)
    check("hostile templates", m, frozenset({0, 1}))
    assert _Counter.hits == [], _Counter.hits
    pdfs = list(out.glob("*.pdf"))
    assert pdfs, m.stderr
    from pypdf import PdfReader

    text = "".join(p.extract_text() or "" for f in pdfs for p in PdfReader(f).pages)
    assert "root:" not in text


# --- interrupted and crashed batches ------------------------------------------------


BIG_BATCH_ROWS = 240
#: Bound for hangs in the interrupted-batch tests (seconds), generous for a busy machine.
HANG = 300.0


def _pdf_complete(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def _default_sigint() -> None:
    """Ctrl-C as in a terminal: a suite started in the background (``make test &`` in a
    script) passes SIGINT on as ignored, and Python then leaves it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_big_batch(tmp_path: Path, workers: str = "2") -> tuple[subprocess.Popen[bytes], Path]:
    """A 240-row PDF batch in its own process group, returned once the first 3 PDFs exist
    (bounded for hangs only), so a test can interrupt or kill it mid-run."""
    sheet = _write_csv(tmp_path / "groot.csv", _rows(BIG_BATCH_ROWS))
    out = tmp_path / "out"
    args = ["batch", "eindevaluatie", str(sheet), "--out", str(out), "--format", "pdf"]
    proc = subprocess.Popen(
        poortwachter(*args, "--workers", workers),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=_default_sigint,
    )
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and len(list(out.glob("*.pdf"))) >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be stopped"
    return proc, out


@pytest.mark.parametrize("workers", ["2", "1"])
def test_ctrl_c_leaves_no_half_files_and_rerun_skips(
    workers: str, tmp_path: Path, record: Record
) -> None:
    """SIGINT to the process group (like Ctrl-C in a terminal) once the first PDFs exist;
    with 2 workers (a pool) and with 1 (the rows run in the main process)."""
    proc, out = start_big_batch(tmp_path, workers)
    sheet = tmp_path / "groot.csv"
    args = ["batch", "eindevaluatie", str(sheet), "--out", str(out), "--format", "pdf"]
    os.killpg(proc.pid, signal.SIGINT)
    # the rows in flight are finished: bounded for hangs only (a busy machine is slow)
    stdout, stderr = (s.decode() for s in proc.communicate(timeout=HANG))
    assert proc.returncode == 130, (proc.returncode, stderr)
    assert "Traceback" not in stderr, stderr
    no_temp_files(out)
    pdfs = sorted(out.glob("*.pdf"))
    assert 3 <= len(pdfs) < BIG_BATCH_ROWS
    assert all(_pdf_complete(p) for p in pdfs), "a half-written PDF"
    assert f"{len(pdfs)} van {BIG_BATCH_ROWS} rijen klaar" in stderr, stderr
    assert "Afgebroken" in stderr and "overgeslagen" in stderr
    assert f"{len(pdfs)} formulieren gemaakt" in stdout, stdout

    m = run(*args, "--workers", "2", timeout=3 * HANG)
    record("batch (na Ctrl-C opnieuw)", f"{BIG_BATCH_ROWS} rijen, eerst {workers} proces(sen)", m)
    check("rerun", m, frozenset({0}))
    assert len(list(out.glob("*.pdf"))) == BIG_BATCH_ROWS
    no_temp_files(out)


def test_rerun_without_overwrite_skips_existing(tmp_path: Path) -> None:
    sheet = _write_csv(tmp_path / "klein.csv", _rows(6))
    out = tmp_path / "out"
    args = ["batch", "eindevaluatie", str(sheet), "--out", str(out), "--format", "docx"]
    first = run(*args, keep_stdout=True)
    assert first.code == 0 and "6 formulieren gemaakt" in first.stdout, first.stderr
    victim = sorted(out.glob("*.docx"))[0]
    victim.unlink()
    again = run(*args, keep_stdout=True)
    assert again.code == 0, again.stderr
    assert "1 formulier gemaakt, 5 overgeslagen (bestonden al), 0 rijen met fouten" in again.stdout
    assert victim.exists()
    forced = run(*args, "--overwrite", keep_stdout=True)
    assert (
        forced.code == 0
        and "6 formulieren gemaakt, 0 overgeslagen (bestonden al), 0 rijen" in forced.stdout
    )


def test_killed_worker_fails_its_rows_and_keeps_the_rest(tmp_path: Path, record: Record) -> None:
    """A worker that dies (test hook: os._exit at one row): its unreported rows fail with
    a Dutch reason, the rows done are kept, exit 1, no temporary files."""
    n = 60
    sheet = _write_csv(tmp_path / "rijen.csv", _rows(n))
    out = tmp_path / "out"
    m = run_dying(
        20, "batch", "eindevaluatie", str(sheet), "--out", str(out), "--format", "docx",
        "--workers", "2", keep_stdout=True,
    )  # fmt: skip
    record("batch (werkproces gestopt)", f"{n} rijen, rij 20", m)
    check("killed worker", m, frozenset({1}))
    assert "werkproces stopte onverwacht" in m.stderr, m.stderr
    no_temp_files(out)
    made = len(list(out.glob("*.docx")))
    (report_path,) = out.glob("foutrapport_eindevaluatie_*.json")
    report = report_path.read_text("utf-8")
    assert '"row": 20' in report
    assert made < n
    assert f"{made} formulieren gemaakt" in m.stdout, m.stdout
    failed = int(m.stdout.rsplit(", ", 1)[1].split()[0])
    assert made + failed == n, m.stdout
    # the rerun (no hook) makes only the rest
    again = run("batch", "eindevaluatie", str(sheet), "--out", str(out), "--format", "docx",
                keep_stdout=True)  # fmt: skip
    assert again.code == 0, again.stderr
    assert f"{n - made} formulieren gemaakt, {made} overgeslagen" in again.stdout, again.stdout


def test_dying_row_never_ends_the_main_process(tmp_path: Path) -> None:
    """With one worker the rows run in the main process: the injected fault does nothing there."""
    sheet = _write_csv(tmp_path / "rijen.csv", _rows(3))
    m = run_dying(2, "batch", "eindevaluatie", str(sheet), "--out", str(tmp_path / "out"),
                  "--format", "docx", "--workers", "1")  # fmt: skip
    assert m.code == 0, m.stderr


def test_python_api_interrupt_is_a_keyboard_interrupt() -> None:
    from poortwachter.generate.batch import BatchInterrupted, BatchResult, row_ranges

    assert issubclass(BatchInterrupted, KeyboardInterrupt)
    assert row_ranges([5, 2, 3, 4, 9, 11, 10]) == "2-5, 9-11"
    assert row_ranges([]) == ""
    from poortwachter.domain.vocabulary import FormId

    r = BatchResult(FormId.EINDEVALUATIE, "x.csv", rows_total=10, rows_done=[2, 3, 4])
    assert r.interruption().startswith("Afgebroken: 3 van 10 rijen klaar (rij 2-4); 7 rijen")


def test_orphan_temp_files_of_dead_processes_are_removed(tmp_path: Path) -> None:
    """Only temporary files whose process is gone are removed (never a live writer's)."""
    from poortwachter.support.files import remove_orphan_temp_files, write_atomic

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    orphan = tmp_path / f".pw-{dead.pid}-abc.tmp"
    mine = tmp_path / f".pw-{os.getpid()}-def.tmp"
    parent = tmp_path / f".pw-{os.getppid()}-ghi.tmp"
    other = tmp_path / ".pw-zonderpid.tmp"
    for p in (orphan, mine, parent, other):
        p.write_bytes(b"half")
    assert remove_orphan_temp_files(tmp_path) == [orphan]
    assert mine.exists() and parent.exists() and other.exists()
    write_atomic(tmp_path / "x.txt", "klaar")
    assert (tmp_path / "x.txt").read_text() == "klaar"


@pytest.mark.parametrize("name", ["csv_million_rows", "xlsx_million_rows"])
def test_batch_refuses_a_million_rows_quickly(
    name: str, big_cases: dict[str, corpus.Case], tmp_path: Path, record: Record
) -> None:
    """1,000,000 rows: the row limit (--max-rows, default 250,000) answers in a second."""
    case = big_cases[name]
    out = tmp_path / "out"
    m = run("batch", "eindevaluatie", str(case.path), "--out", str(out))
    record("batch eindevaluatie", case.name, m)
    check(case.name, m, frozenset({2}))
    assert case.path.name in m.stderr and "--max-rows" in m.stderr, m.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_batch_row_and_size_limits_can_be_set(tmp_path: Path) -> None:
    m = run("batch", "eindevaluatie", str(SAMPLE_CSV), "--out", str(tmp_path), "--max-rows", "1")
    assert m.code == 2 and "meer dan 1 rijen" in m.stderr, m.stderr
    m = run("batch", "eindevaluatie", str(SAMPLE_CSV), "--out", str(tmp_path), "--max-bytes", "100")
    assert m.code == 2 and "fout: " in m.stderr and SAMPLE_CSV.name in m.stderr, m.stderr
    assert list(tmp_path.iterdir()) == []
