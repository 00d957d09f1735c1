"""Recall of real gaps and false alarms of the auditor on the varied fixture dossiers of
tests/dossier_fixtures.py (issue 11), per item and in total.

Run:  .venv/bin/python benchmarks/audit_accuracy.py
      .venv/bin/python benchmarks/audit_accuracy.py --pypdf   # as if pdfium read no PDF
To measure another version of the auditor on the same fixtures, put its source first:
PYTHONPATH=/path/to/other/toolkit .venv/bin/python benchmarks/audit_accuracy.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import dossier_fixtures as F  # noqa: E402
from audit_helpers import audit  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pypdf", action="store_true",
        help="page text from pypdf (the reader's fallback when pdfium cannot read a PDF)",
    )  # fmt: skip
    if parser.parse_args().pypdf:
        from poortwachter.audit.intake.readers import pdf as pdf_reader

        pdf_reader.pdfium_document = lambda data, pages: None
    per_item: dict[str, Counter[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for case in F.CASES:
            result = audit(F.build_case(case, Path(tmp)))
            got = Counter(f.rule for f in result.findings if f.severity.value != "info")
            want = Counter(case.expected)
            stats = per_item.setdefault(case.item, Counter())
            stats["dossiers"] += 1
            stats["gaps"] += sum(want.values())
            stats["found"] += sum((got & want).values())
            stats["false"] += sum((got - want).values())
            kinds = {doc.label: doc.kind.value for doc in result.documents}
            misclassified = [label for label, kind in case.kinds if kinds.get(label) != kind]
            stats["kinds"] += len(case.kinds)
            stats["kinds_wrong"] += len(misclassified)
            wrong = sorted((got - want).elements())
            missed = sorted((want - got).elements())
            if wrong or missed or misclassified:
                print(f"  {case.name}: vals alarm {wrong}, gemist {missed}, soort {misclassified}")
    print(
        f"{'item':<8}{'dossiers':>9}{'gaten':>7}{'gevonden':>10}{'recall':>8}{'vals':>6}"
        f"{'soort fout':>12}"
    )
    total: Counter[str] = Counter()
    for item, stats in sorted(per_item.items()):
        total.update(stats)
        print(_row(item, stats))
    print(_row("totaal", total))
    return 0


def _row(item: str, stats: Counter[str]) -> str:
    recall = f"{100 * stats['found'] / stats['gaps']:.0f}%" if stats["gaps"] else "-"
    return (
        f"{item:<8}{stats['dossiers']:>9}{stats['gaps']:>7}{stats['found']:>10}{recall:>8}"
        f"{stats['false']:>6}{stats['kinds_wrong']:>7}/{stats['kinds']:<4}"
    )


if __name__ == "__main__":
    sys.exit(main())
