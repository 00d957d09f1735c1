"""Shared helpers of the tests/test_generate_*.py files: sample data and read-back."""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from pypdf import PdfReader

from poortwachter.domain.dates import format_nl
from poortwachter.domain.vocabulary import FormId

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples" / "forms"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "generate"


def sample(form: FormId) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((SAMPLES / f"{form.value}.yaml").read_text("utf-8"))
    return data


def squash(text: str) -> str:
    """Text without any whitespace, for comparing values across line wraps."""
    return re.sub(r"\s+", "", text)


def expected_values(data: Any) -> list[str]:
    """Every value of a sample as it must appear in the document."""
    if isinstance(data, dict):
        return [v for key, value in data.items() for v in expected_values(value)]
    if isinstance(data, list):
        return [v for item in data for v in expected_values(item)]
    if isinstance(data, bool):
        return ["Ja" if data else "Nee"]
    if isinstance(data, date):
        return [format_nl(data)]
    text = str(data)
    if text in ("ja", "nee"):
        return [text.capitalize()]
    if len(text) == 9 and text.isdigit():  # a BSN is printed as 1234.56.782
        return [f"{text[:4]}.{text[4:6]}.{text[6:]}"]
    return [line for line in text.splitlines() if line.strip()]


def docx_text(blob: bytes) -> dict[str, str]:
    """{'body': ..., 'header': ..., 'footer': ...} of a DOCX, tables included."""
    doc = Document(io.BytesIO(blob))
    body = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) not in seen:
                    seen.add(id(cell._tc))
                    body.append(cell.text)
    header = "\n".join(p.text for s in doc.sections for p in s.header.paragraphs)
    footer = "\n".join(p.text for s in doc.sections for p in s.footer.paragraphs)
    return {"body": "\n".join(body), "header": header, "footer": footer}


def pdf_pages(blob: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(blob)).pages]


def page_pngs(blob: bytes, folder: Path) -> list[bytes]:
    """The pages of a PDF as PNG bytes (pdftoppm at 40 dpi, in a new ``folder``): to compare
    the look of two PDFs pixel for pixel."""
    folder.mkdir()
    (folder / "doc.pdf").write_bytes(blob)
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(folder / "doc.pdf"), str(folder / "p")],
        check=True, timeout=120,
    )  # fmt: skip
    return [p.read_bytes() for p in sorted(folder.glob("p*.png"))]
