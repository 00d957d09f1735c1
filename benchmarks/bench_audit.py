"""Audit speed: raw pypdf text extraction of a dossier versus a full audit of the same
dossier (goal: at most 1.25x), and the throughput of auditing 50 dossiers into one XLSX
overview. Not a test; prints a table.

Two dossiers are measured: one of fpdf2 PDFs with core fonts (text extraction is very
cheap there, so the audit's own work weighs more) and one of PDFs with embedded fonts as
real producers make them (the generator's weasyprint output), when the generator is
available. Caches are cleared before every timed run.

Run:  python benchmarks/bench_audit.py [--dossiers 50] [--repeat 3]
Needs the dev dependencies fpdf2 and pillow (the sample producers).
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from poortwachter.audit.checklist import load_checklist
from poortwachter.audit.engine import audit_dossier
from poortwachter.report import audit_xlsx

ROOT = Path(__file__).resolve().parents[1]
PEILDATUM = date(2027, 10, 7)


def _samples():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "samples/dossiers/make_samples.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module
    spec.loader.exec_module(module)
    return module


def _generated_dossier(folder: Path) -> Path | None:
    """The five sample forms rendered as PDF by the generator, plus all of them merged."""
    try:
        import yaml
        from pypdf import PdfWriter

        from poortwachter.generate.render import render_form
    except ImportError:
        return None
    folder.mkdir()
    writer = PdfWriter()
    for form in sorted((ROOT / "samples" / "forms").glob("*.yaml")):
        target = folder / f"{form.stem}.pdf"
        target.write_bytes(render_form(form.stem, yaml.safe_load(form.read_text()), "pdf"))
        for page in PdfReader(target).pages:
            writer.add_page(page)
    with (folder / "samengevoegd.pdf").open("wb") as fh:
        writer.write(fh)
    return folder


def raw_extract(folder: Path) -> int:
    chars = 0
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() == ".pdf":
            reader = PdfReader(io.BytesIO(path.read_bytes()), strict=False)
            for page in reader.pages:
                chars += len(page.extract_text() or "")
    return chars


def clear_caches() -> None:
    """Cold caches for every timed run: the audit caches parsed lines within a run."""
    from poortwachter.audit import classifier, datefind, labels, textnorm

    for fn in (
        textnorm.normalise,
        classifier._best_on_line,
        labels.role_in,
        labels._pairs_of,
        datefind._find_dates,
    ):
        fn.cache_clear()


def best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dossiers", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ms = _samples()
    checklist = load_checklist()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        # a PDF-only dossier: every part as its own PDF plus four more copies merged into
        # one PDF; every copy has its own wording and filler text, so no line repeats
        folder = base / "pdf_dossier"
        folder.mkdir()
        copies = []
        for n in range(5):
            filler = [
                f"Toelichting {n}.{k}: in het gesprek van week {k + 3} is de voortgang van de "
                f"werkhervatting besproken; afspraak {k} over opbouw van uren en taken is "
                f"vastgelegd en wordt over {k + 2} weken geevalueerd (kopie {n})."
                for k in range(18)
            ]
            copies.append(
                [
                    ms.replace(p, producer="pdf", blocks=[*p.blocks[:-1], *filler, p.blocks[-1]])
                    for p in ms.complete_parts()
                ]
            )
        for part in copies[0]:
            ms.write_pdf(part, folder / part.filename.replace(".docx", ".pdf"))
        ms.write_merged_pdf([p for copy in copies[1:] for p in copy], folder / "samengevoegd.pdf")
        pages = sum(len(PdfReader(p).pages) for p in folder.glob("*.pdf"))

        raw = best_of(args.repeat, lambda: raw_extract(folder))
        full = best_of(args.repeat, lambda: audit_dossier([folder], PEILDATUM, None, checklist))

        # the same measure on PDFs with embedded fonts (weasyprint, via the generator)
        generated = _generated_dossier(base / "generated")
        gen_rows: list[tuple[str, str, str]] = []
        if generated is not None:
            gen_pages = sum(len(PdfReader(p).pages) for p in generated.glob("*.pdf"))
            gen_raw = best_of(args.repeat, lambda: raw_extract(generated))
            gen_full = best_of(
                args.repeat, lambda: audit_dossier([generated], PEILDATUM, None, checklist)
            )
            gen_rows = [
                (
                    "raw extraction, generator PDFs",
                    f"{gen_pages} pages",
                    f"{gen_raw * 1000:.0f} ms",
                ),
                ("full audit, generator PDFs", f"{gen_pages} pages", f"{gen_full * 1000:.0f} ms"),
                ("ratio, generator PDFs", "goal <= 1.25", f"{gen_full / gen_raw:.2f}x"),
            ]

        made = ms.build_all(base / "samples")
        names = list(made.values())
        dossiers = [names[i % len(names)] for i in range(args.dossiers)]
        start = time.perf_counter()
        results = [audit_dossier([d], PEILDATUM, None, checklist) for d in dossiers]
        overview = audit_xlsx.render(results)
        batch = time.perf_counter() - start

    rows = [
        ("raw pypdf extraction", f"{pages} pages", f"{raw * 1000:.0f} ms"),
        ("full audit (same dossier)", f"{pages} pages", f"{full * 1000:.0f} ms"),
        ("ratio audit / extraction", "goal <= 1.25", f"{full / raw:.2f}x"),
        *gen_rows,
        (
            f"{args.dossiers} dossiers -> XLSX overview",
            f"{len(overview) // 1024} KB",
            f"{batch:.1f} s ({args.dossiers / batch:.1f} dossiers/s)",
        ),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    print(" | ".join(h.ljust(w) for h, w in zip(("measure", "size", "time"), width, strict=True)))
    print("-+-".join("-" * w for w in width))
    for row in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(row, width, strict=True)))


if __name__ == "__main__":
    main()
