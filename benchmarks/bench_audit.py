"""Audit speed: a whole ``poortwachter audit`` process over a set of dossiers (into one XLSX
overview) against a plain script that only extracts the same files' text with
pypdfium2, python-docx and openpyxl, both measured in this run as whole processes
(start-up and imports included). Goal: at most 1.5x. Not a test; prints a table.

The dossiers differ from each other (own filler text per dossier, so no line repeats
across dossiers and the audit's line caches do not flatter it): fpdf2 PDFs with core
fonts, python-docx DOCX, openpyxl activity logs, every third dossier as one merged PDF,
and every fifth with the generator's weasyprint PDFs (embedded fonts, as real producers
make them). A second table compares pdfium's and pypdf's page text in this process.

Run:  python benchmarks/bench_audit.py [--dossiers 50] [--repeat 3]
Needs the dev dependencies fpdf2 and pillow (the sample producers).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
PEILDATUM = date(2027, 10, 7)


def plain_extract(folder: Path) -> int:
    """The naive baseline: every file's text, nothing else (characters read)."""
    import docx
    import openpyxl
    import pypdfium2

    chars = 0
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            pdf = pypdfium2.PdfDocument(path.read_bytes())
            for page in pdf:
                chars += len(page.get_textpage().get_text_range())
            pdf.close()
        elif suffix == ".docx":
            document = docx.Document(io.BytesIO(path.read_bytes()))
            chars += sum(len(p.text) for p in document.paragraphs)
            for table in document.tables:
                for row in table.rows:
                    chars += sum(len(c.text) for c in row.cells)
        elif suffix == ".xlsx":
            wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True)
            for ws in wb.worksheets:
                for row in ws.iter_rows(values_only=True):
                    chars += sum(len(str(v)) for v in row if v is not None)
            wb.close()
    return chars


def _samples() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "samples/dossiers/make_samples.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module
    spec.loader.exec_module(module)
    return module


def _generator_pdfs() -> dict[str, bytes]:
    """The five sample forms rendered as PDF by the generator (weasyprint)."""
    try:
        import yaml

        from poortwachter.generate.render import render_form
    except ImportError:
        return {}
    return {
        f"{form.stem}.pdf": render_form(form.stem, yaml.safe_load(form.read_text()), "pdf")
        for form in sorted((ROOT / "samples" / "forms").glob("*.yaml"))
    }


def build_dossiers(base: Path, count: int) -> Path:
    ms = _samples()
    generated = _generator_pdfs()
    rows = ms.activity_rows(date(2026, 2, 16), date(2027, 9, 20))
    for n in range(count):
        filler = [
            f"Toelichting {n}.{k}: in het gesprek van week {k + 3} is de voortgang van de "
            f"werkhervatting besproken; afspraak {k} over opbouw van uren en taken is "
            f"vastgelegd en wordt over {k + 2} weken geevalueerd (dossier {n})."
            for k in range(6)
        ]
        parts = [
            replace(p, blocks=[*p.blocks[:-1], *filler, p.blocks[-1]]) for p in ms.complete_parts()
        ]
        folder = base / f"dossier_{n:03d}"
        if n % 3 == 2:
            folder.mkdir(parents=True)
            merged = [replace(p, producer="pdf") for p in parts]
            ms.write_merged_pdf(merged, folder / "dossier_compleet.pdf")
            ms.write_xlsx(rows, folder / "activiteiten.xlsx")
        else:
            ms.write_dossier(folder, parts, rows)
        if n % 5 == 4:
            for name, data in generated.items():
                (folder / f"formulier_{name}").write_bytes(data)
    return base


def _run(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def best_of(repeat: int, argv: list[str]) -> float:
    return min(_run(argv) for _ in range(repeat))


def page_text_engines(folder: Path, repeat: int) -> tuple[int, float, float]:
    """Pages, and seconds for pdfium's and pypdf's page text over every PDF of ``folder``."""
    import pypdfium2
    from pypdf import PdfReader

    files = [p.read_bytes() for p in sorted(folder.rglob("*.pdf"))]

    def with_pdfium() -> int:
        pages = 0
        for data in files:
            pdf = pypdfium2.PdfDocument(data)
            for page in pdf:
                page.get_textpage().get_text_range()
                pages += 1
            pdf.close()
        return pages

    def with_pypdf() -> None:
        for data in files:
            for page in PdfReader(io.BytesIO(data)).pages:
                page.extract_text()

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - start)
        return best

    return with_pdfium(), timed(with_pdfium), timed(with_pypdf)


def table(rows: list[tuple[str, str, str]]) -> str:
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(rows[0], width, strict=True))]
    lines.append("-+-".join("-" * w for w in width))
    lines += [" | ".join(c.ljust(w) for c, w in zip(r, width, strict=True)) for r in rows[1:]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain", type=Path, help=argparse.SUPPRESS)  # the baseline process
    args = parser.parse_args()
    if args.plain:
        plain_extract(args.plain)
        return
    cli = str(Path(sys.executable).with_name("poortwachter"))
    with tempfile.TemporaryDirectory() as tmp:
        base = build_dossiers(Path(tmp) / "dossiers", args.dossiers)
        files = sum(1 for p in base.rglob("*") if p.is_file())
        overview = Path(tmp) / "overzicht.xlsx"
        plain = best_of(args.repeat, [sys.executable, __file__, "--plain", str(base)])
        audit = best_of(
            args.repeat,
            [
                cli,
                "audit",
                str(base),
                "--peildatum",
                PEILDATUM.isoformat(),
                "--format",
                "xlsx",
                "--output",
                str(overview),
                "--fail-on",
                "never",
            ],
        )
        pages, pdfium, pypdf = page_text_engines(base, args.repeat)
        size = overview.stat().st_size

    n = args.dossiers
    print(
        table(
            [
                ("measure (whole process)", "size", "time"),
                ("plain text extraction", f"{n} dossiers, {files} files", f"{plain:.2f} s"),
                (
                    "poortwachter audit -> XLSX overview",
                    f"{size // 1024} KB",
                    f"{audit:.2f} s ({n / audit:.1f} dossiers/s)",
                ),
                ("ratio audit / extraction", "goal <= 1.5", f"{audit / plain:.2f}x"),
            ]
        )
    )
    print()
    print(
        table(
            [
                ("page text (in process)", "pages", "time"),
                ("pypdfium2", str(pages), f"{pdfium * 1000:.0f} ms"),
                ("pypdf", str(pages), f"{pypdf * 1000:.0f} ms"),
                ("pypdf / pypdfium2", "", f"{pypdf / pdfium:.1f}x"),
            ]
        )
    )


if __name__ == "__main__":
    main()
