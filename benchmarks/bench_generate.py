"""Throughput of form generation: the naive way against ``batch``, and memory over a long run.

    python benchmarks/bench_generate.py                       # 200 DOCX, 60 PDF, 10,000 memory
    python benchmarks/bench_generate.py --docx 100 --pdf 20 --memory-rows 2000

Measured on the same data (plan van aanpak, generated spreadsheet):

* DOCX naive: per document a new ``DocxTemplate``, ``render``, ``save`` (validation and
  context building included, as in the batch);
* DOCX batch: ``run_batch`` (templates compiled once per process, process pool);
* PDF naive: per document Jinja + a new weasyprint ``HTML``/``CSS``/font configuration
  (plain ``import weasyprint``, weasyprint's own ``HTML`` and user-agent sheet);
* PDF batch: ``run_batch(fmt="pdf")``: stylesheet and fonts once per process, the lean
  user-agent sheet, weasyprint imported without its library search (generate/pdf_engine.py);
  both use the same ``uwv.css``, so what it saves (fixed data tables, a header width that
  need not be measured) makes the naive loop faster too;
* PDF, whole processes: ``poortwachter batch ... --format pdf`` as a new process against the
  naive loop as a new process (``--naive-pdf SHEET OUT``), start-up and imports included:
  what a user waits for;
* each comparison runs ``--repeat`` times and the fastest run counts (the machine may be
  shared);
* memory: resident memory of the main process and each worker during a long DOCX batch;
  growth = highest minus first measurement of each process.

Goals (issues 4 and 10): DOCX batch ≥ 2.5× naive, PDF ``batch`` command ≥ 2.5× the naive
process (60 PDFs), growth ≤ 100 MB. The table says which font subsetter weasyprint uses.
On 2 cores the PDF command is start-up (imports, first PDF per worker, ~0.7 s) plus
~95-130 ms of weasyprint per PDF shared by two workers (2 December 2026: 2.5-3.1x over six
runs); other work on the machine slows the two workers more than the one naive process, so
measure on a quiet machine and take the best of a few runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook

from poortwachter.domain.vocabulary import FormId
from poortwachter.forms import form_spec
from poortwachter.generate import run_batch
from poortwachter.generate.batch import read_rows
from poortwachter.generate.context import build_context, check_form
from poortwachter.generate.docx import make_environment
from poortwachter.generate.template_files import bundled_templates_dir

FORM = FormId.PLAN_VAN_AANPAK
T = TypeVar("T")


def _bsn(n: int) -> str:
    base = 100_000_000 + n * 7919
    while True:
        digits = [int(c) for c in f"{base:09d}"]
        total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
        if total % 11 == 0:
            return f"{base:09d}"
        base += 1


def make_sheet(path: Path, rows: int) -> Path:
    """A batch spreadsheet with ``rows`` plannen van aanpak (3 activities, 2 signers each)."""
    wb = Workbook(write_only=True)
    main = wb.create_sheet("formulieren")
    acts = wb.create_sheet("activiteiten")
    signers = wb.create_sheet("ondertekenaars")
    main.append(
        [
            "dossier", "formulierdatum", "eerste_ziektedag", "werknemer_naam", "werknemer_bsn",
            "werknemer_functie", "werkgever_naam", "werkgever_kvk", "bedrijfsarts_naam",
            "bedrijfsarts_organisatie", "casemanager_naam", "casemanager_functie",
            "datum_probleemanalyse", "conclusies_probleemanalyse", "einddoel_soort",
            "einddoel_datum", "einddoel", "evaluatiemomenten", "visie_werkgever",
            "visie_werknemer",
        ]
    )  # fmt: skip
    acts.append(["dossier", "wat", "wie", "wanneer"])
    signers.append(["dossier", "naam", "functie", "datum", "rol"])
    for i in range(rows):
        dossier = f"B-{i:06d}"
        ezd = date(2026, 1, 1) + timedelta(days=i % 300)
        datum = ezd + timedelta(weeks=7)
        naam = f"Werknemer {i:06d}"
        main.append(
            [
                dossier, datum, ezd, naam, _bsn(i), "Medewerker", "Bakkerij Van Dam B.V.",
                "12345678", "dr. P. Jansen", "Arbodienst Midden", "Karin Bos", "HR-adviseur",
                ezd + timedelta(weeks=5), "Opbouw in aangepast werk.", "eigen werk",
                datum + timedelta(weeks=16), "Terugkeer in de eigen functie, 32 uur per week.",
                f"{datum + timedelta(weeks=6)}; {datum + timedelta(weeks=12)}",
                "Wij bieden aangepast werk in de eigen functie.",
                "Ik kan mij vinden in dit plan van aanpak.",
            ]
        )  # fmt: skip
        for k, wat in enumerate(("Aangepast werk", "Werkplekonderzoek", "Uitbreiding uren")):
            acts.append([dossier, wat, "Werknemer", datum + timedelta(days=7 * (k + 1))])
        signers.append([dossier, "Jeroen van Dam", "Directeur", datum, "werkgever"])
        signers.append([dossier, naam, "Medewerker", datum, "werknemer"])
    wb.save(path)
    return path


def naive_docx(sheet: Path, out: Path) -> int:
    from docxtpl import DocxTemplate

    spec = form_spec(FORM)
    template = bundled_templates_dir() / spec.docx_template
    tasks = read_rows(spec, sheet).tasks
    count = 0
    for task in tasks:
        doc, _problems = check_form(spec.id, task.data)
        if doc is None:
            continue
        tpl = DocxTemplate(str(template))
        tpl.render(build_context(spec, doc), make_environment(), autoescape=True)
        tpl.save(str(out / f"{task.stem}.docx"))
        count += 1
    return count


def naive_pdf(sheet: Path, out: Path) -> int:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from poortwachter.generate.pdf import safe_fetcher

    spec = form_spec(FORM)
    folder = bundled_templates_dir()
    env = make_environment()
    tasks = read_rows(spec, sheet).tasks
    count = 0
    for task in tasks:
        doc, _problems = check_form(spec.id, task.data)
        if doc is None:
            continue
        source = (folder / spec.html_template).read_text("utf-8")
        html = env.from_string(source).render(build_context(spec, doc))
        fonts = FontConfiguration()
        fetcher = safe_fetcher()
        css = CSS(filename=str(folder / "uwv.css"), font_config=fonts, url_fetcher=fetcher)
        pdf = HTML(string=html, base_url=folder.as_uri() + "/", url_fetcher=fetcher).write_pdf(
            stylesheets=[css], font_config=fonts
        )
        (out / f"{task.stem}.pdf").write_bytes(pdf)
        count += 1
    return count


def _timed(func: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[T, float]:
    start = time.perf_counter()
    value = func(*args, **kwargs)
    return value, time.perf_counter() - start


def _batch(sheet: Path, out: Path, fmt: str, workers: int | None) -> int:
    return len(run_batch(FORM, sheet, out, fmt, workers=workers).written)


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


#: CPU seconds of the fastest run of the last ``_best`` call (contention-independent)
LAST_CPU: list[float] = [0.0]


def _best(repeat: int, work: Path, run: Callable[[Path], int]) -> tuple[int, float]:
    """(documents, fastest seconds) over ``repeat`` runs, each into a fresh folder."""
    best = float("inf")
    count = 0
    for _ in range(repeat):
        out = Path(tempfile.mkdtemp(dir=work))
        cpu = _cpu()
        count, seconds = _timed(run, out)
        if seconds < best:
            best, LAST_CPU[0] = seconds, _cpu() - cpu
    return count, best


def _rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as fh:
                found += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return found


def memory_run(
    sheet: Path, out: Path, workers: int | None
) -> tuple[float, dict[int, tuple[int, int, int]], int]:
    """(seconds, {pid: (first, highest, last kB)}, peak total kB) of a DOCX batch."""
    samples: dict[int, tuple[int, int, int]] = {}
    peak_total = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_total
        me = os.getpid()
        while not stop.is_set():
            total = 0
            for pid in [me, *_children(me)]:
                kb = _rss_kb(pid)
                if kb is None:
                    continue
                first, high, _last = samples.get(pid, (kb, kb, kb))
                samples[pid] = (first, max(high, kb), kb)
                total += kb
            peak_total = max(peak_total, total)
            stop.wait(0.2)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    result, seconds = _timed(run_batch, FORM, sheet, out, "docx", workers=workers)
    stop.set()
    thread.join()
    assert len(result.written) > 0, result.errors[:3]
    return seconds, samples, peak_total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docx", type=int, default=200, help="rows for the DOCX comparison (0: skip)"
    )
    parser.add_argument("--pdf", type=int, default=60, help="rows for the PDF comparison (0: skip)")
    parser.add_argument(
        "--memory-rows", type=int, default=10_000, help="rows for the memory run (0: skip)"
    )
    parser.add_argument("--workers", type=int, default=None, help="batch workers (default: cores)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best counts)")
    parser.add_argument("--naive-pdf", nargs=2, metavar=("SHEET", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive_pdf:  # the naive loop as a process of its own (see _compare_processes)
        naive_pdf(Path(args.naive_pdf[0]), Path(args.naive_pdf[1]))
        return

    work = Path(tempfile.mkdtemp(prefix="bench-generate-"))
    rows: list[tuple[str, ...]] = []
    try:
        # warm-up: imports (weasyprint takes about a second) are not what we measure
        warm = make_sheet(work / "warm.xlsx", 2)
        run_batch(FORM, warm, work / "warm", "both", workers=1)

        if args.docx:
            _compare_docx(args, work, rows)
        if args.pdf:
            _compare_pdf(args, work, rows)
            _compare_processes(args, work, rows)
        if args.memory_rows:
            _memory(args, work, rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _print(args, rows)


def _compare_docx(args: argparse.Namespace, work: Path, rows: list[tuple[str, ...]]) -> None:
    sheet = make_sheet(work / "docx.xlsx", args.docx)
    n, t_naive = _best(args.repeat, work, lambda out: naive_docx(sheet, out))
    n1, t_one = _best(args.repeat, work, lambda out: _batch(sheet, out, "docx", 1))
    nb, t_batch = _best(args.repeat, work, lambda out: _batch(sheet, out, "docx", args.workers))
    assert n == args.docx == n1 == nb, (n, n1, nb)
    rows.append(("DOCX, batch 1 proces", f"{n / t_naive:.0f}/s", f"{n / t_one:.0f}/s",
                 f"{t_naive / t_one:.1f}×", "—"))  # fmt: skip
    rows.append((f"DOCX, {n} stuks", f"{n / t_naive:.0f}/s", f"{n / t_batch:.0f}/s",
                 f"{t_naive / t_batch:.1f}×", "≥ 2.5×"))  # fmt: skip


def _compare_pdf(args: argparse.Namespace, work: Path, rows: list[tuple[str, ...]]) -> None:
    sheet = make_sheet(work / "pdf.xlsx", args.pdf)
    n, t_naive = _best(args.repeat, work, lambda out: naive_pdf(sheet, out))
    cpu_naive = LAST_CPU[0]
    nb, t_batch = _best(args.repeat, work, lambda out: _batch(sheet, out, "pdf", args.workers))
    cpu_batch = LAST_CPU[0]
    assert n == args.pdf == nb, (n, nb)
    rows.append((f"PDF, {n} stuks", f"{n / t_naive:.1f}/s", f"{n / t_batch:.1f}/s",
                 f"{t_naive / t_batch:.1f}×", "≥ 2×"))  # fmt: skip
    rows.append(("PDF, CPU-tijd per stuk", f"{cpu_naive / n * 1000:.0f} ms",
                 f"{cpu_batch / n * 1000:.0f} ms", f"{cpu_naive / cpu_batch:.1f}×",
                 "(los van drukte)"))  # fmt: skip


def _process_run(command: list[str], out: Path) -> int:
    import subprocess
    import sys

    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, *command], check=True, capture_output=True, timeout=1800)
    return len(list(out.glob("*.pdf")))


def _compare_processes(args: argparse.Namespace, work: Path, rows: list[tuple[str, ...]]) -> None:
    """The ``batch`` command and the naive loop, each a whole new process."""
    sheet = make_sheet(work / "proc.xlsx", args.pdf)
    here = str(Path(__file__).resolve())
    naive = lambda out: _process_run([here, "--naive-pdf", str(sheet), str(out)], out)  # noqa: E731
    workers = ["--workers", str(args.workers)] if args.workers else []
    command = ["-m", "poortwachter", "batch", FORM.value, str(sheet), "--format", "pdf"]
    batch = lambda out: _process_run([*command, "--out", str(out), *workers], out)  # noqa: E731
    n, t_naive = _best(args.repeat, work, naive)
    nb, t_batch = _best(args.repeat, work, batch)
    assert n == args.pdf == nb, (n, nb)
    rows.append((f"PDF, {n} stuks, hele processen", f"{t_naive:.1f} s", f"{t_batch:.1f} s",
                 f"{t_naive / t_batch:.1f}×", "≥ 2.5×"))  # fmt: skip
    # the same with one row: start-up, imports and the first PDF (fonts loaded), which no
    # number of cores shortens; the rest is the work per PDF
    one = make_sheet(work / "one.xlsx", 1)
    naive1 = lambda out: _process_run([here, "--naive-pdf", str(one), str(out)], out)  # noqa: E731
    command1 = ["-m", "poortwachter", "batch", FORM.value, str(one), "--format", "pdf"]
    batch1 = lambda out: _process_run([*command1, "--out", str(out)], out)  # noqa: E731
    _n, s_naive = _best(args.repeat, work, naive1)
    _n, s_batch = _best(args.repeat, work, batch1)
    rows.append(("PDF, 1 stuk, hele processen (opstart)", f"{s_naive:.1f} s", f"{s_batch:.1f} s",
                 f"{s_naive / s_batch:.1f}×", "—"))  # fmt: skip
    cores = args.workers or os.cpu_count() or 1
    per_pdf = (t_naive - s_naive) / (n - 1)
    bound = t_naive / (s_batch + per_pdf * (n - 1) / cores)
    rows.append((f"PDF, bovengrens met {cores} kernen", f"{per_pdf * 1000:.0f} ms/stuk",
                 "zelfde werk per stuk, verdeeld", f"{bound:.1f}×", "—"))  # fmt: skip


def _memory(args: argparse.Namespace, work: Path, rows: list[tuple[str, ...]]) -> None:
    sheet = make_sheet(work / "mem.xlsx", args.memory_rows)
    seconds, samples, peak = memory_run(sheet, work / "mem", args.workers)
    me = os.getpid()
    main_growth = (samples[me][1] - samples[me][0]) / 1024
    main_end = (samples[me][2] - samples[me][0]) / 1024
    worker_growth = max(
        ((high - first) / 1024 for pid, (first, high, _l) in samples.items() if pid != me),
        default=0.0,
    )
    rows.append(
        (
            f"Geheugen, {args.memory_rows} DOCX in {seconds:.0f} s",
            f"hoofdproces piek {main_growth:+.0f} MB, einde {main_end:+.0f} MB",
            f"worker max {worker_growth:+.0f} MB",
            f"piek totaal {peak / 1024:.0f} MB",
            "≤ 100 MB groei",
        )
    )


def _print(args: argparse.Namespace, rows: list[tuple[str, ...]]) -> None:
    header = ("Meting", "Naïef", "Batch", "Factor", "Doel")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(5)]
    line = "+".join("-" * (w + 2) for w in widths)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    from poortwachter.generate.pdf import font_subsetter

    print(f"cores: {os.cpu_count()}, workers: {args.workers or os.cpu_count()}, load: {load}")
    print(f"font-subsetter van weasyprint: {font_subsetter()}")
    for i, r in enumerate([header, *rows]):
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
        if i == 0:
            print("|" + line + "|")


if __name__ == "__main__":
    main()
