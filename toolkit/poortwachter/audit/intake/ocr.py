"""OCR for scans: the optional extra ``pip install 'poortwachter[ocr]'`` (rapidocr 3.x on
onnxruntime).

Only the models inside the rapidocr wheel are used (:data:`MODEL_FILES`, in the folder
``rapidocr/models`` of the installed package), each named by its path, so rapidocr never
takes its download branch; its downloader is switched off as well before the engine is
built. A missing model is an :class:`OcrUnavailable` with a Dutch message, never a
network call. Without the extra, :func:`ocr_problem` says how to enable it.

Pages are rendered (PDF: by pdfium, see :mod:`poortwachter.audit.intake.readers.pdf`) at
:data:`RENDER_DPI`, at most :data:`MAX_PIXELS` pixels, within one :class:`Budget` per
dossier (pages and CPU seconds, from :class:`~poortwachter.audit.limits.Limits`).
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from poortwachter.audit.limits import Limits

#: what to type to get OCR (shown in every message about a scan)
INSTALL_HINT = "pip install 'poortwachter[ocr]'"
#: the models of the rapidocr 3.10 wheel: text detection, orientation, recognition
MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
}
#: resolution a scanned PDF page is rendered at
RENDER_DPI = 200
#: at most this many pixels go to the OCR (an A4 page at 200 dpi has 3.9 million); a
#: larger page or image is scaled down first, so a huge page size costs no memory
MAX_PIXELS = 5_000_000
#: an image file with more pixels than this is not decoded at all (a decompression bomb)
MAX_IMAGE_PIXELS = 80_000_000
#: recognised text with a lower confidence is dropped
MIN_SCORE = 0.5


def scan_reason(why_not: str | None) -> str:
    """The Dutch reason of a scan whose content was not checked (UWV accepts scans)."""
    base = (
        "is een scan of foto zonder tekstlaag; de inhoud is niet gecontroleerd "
        "(UWV neemt scans wel aan)"
    )
    return f"{base} — {why_not}" if why_not else base


_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    "december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec"
)
_GLUED_DATE = re.compile(rf"(?i)(?<!\d)(\d{{1,2}}) ?({_MONTHS})\.? ?(\d{{4}})(?!\d)")


def unglue_dates(text: str) -> str:
    """'5januari2026' → '5 januari 2026': OCR often drops the spaces around a month."""
    return _GLUED_DATE.sub(r"\1 \2 \3", text)


class OcrUnavailable(Exception):
    """OCR cannot run here; ``str(exc)`` is a Dutch sentence for the report."""


def model_folder() -> Path | None:
    """The ``models`` folder of the installed rapidocr package (None without rapidocr).
    Found without importing rapidocr, which is slow to import."""
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "models"


def ocr_problem() -> str | None:
    """Why OCR cannot run (Dutch), or None when the extra and its models are there."""
    folder = model_folder()
    if folder is None or importlib.util.find_spec("onnxruntime") is None:
        return f"OCR is niet geïnstalleerd; zet het aan met: {INSTALL_HINT}"
    for name in MODEL_FILES.values():
        if not (folder / name).is_file():
            return (
                f"het OCR-model {folder / name} ontbreekt; installeer OCR opnieuw met: "
                f"{INSTALL_HINT} (modellen worden nooit gedownload)"
            )
    return None


def _refuse_download(*args: object, **kwargs: object) -> None:
    raise OcrUnavailable(
        "het OCR-pakket wilde een model downloaden; dat doet poortwachter nooit — "
        f"installeer OCR opnieuw met: {INSTALL_HINT}"
    )


@functools.cache
def _engine(folder: Path) -> Any:
    from rapidocr import RapidOCR
    from rapidocr.utils.download_file import DownloadFile

    DownloadFile.run = _refuse_download  # type: ignore[method-assign]
    params: dict[str, Any] = {"Global.log_level": "critical"}
    for task, name in MODEL_FILES.items():
        params[f"{task}.model_path"] = str(folder / name)
    engine = RapidOCR(params=params)
    logging.getLogger("RapidOCR").setLevel(logging.CRITICAL)
    return engine


def engine() -> Any:
    """The OCR engine (built once per process); raises :class:`OcrUnavailable`."""
    problem = ocr_problem()
    if problem:
        raise OcrUnavailable(problem)
    folder = model_folder()
    assert folder is not None
    try:
        return _engine(folder)
    except OcrUnavailable:
        raise
    except Exception as exc:  # a broken install: onnxruntime or a model that fails to load
        raise OcrUnavailable(
            f"OCR kon niet starten (onnxruntime of een model laadt niet); installeer OCR "
            f"opnieuw met: {INSTALL_HINT}"
        ) from exc


@dataclass(frozen=True, slots=True)
class _Box:
    top: float
    bottom: float
    left: float
    right: float
    text: str


def _lines(boxes: list[_Box]) -> list[str]:
    """Boxes to lines in reading order: boxes whose middles share a height form one line,
    left to right; a wide gap (a table cell, label and value) becomes `` | ``."""
    lines: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        middle = (box.top + box.bottom) / 2
        if lines:
            last = lines[-1]
            top = min(b.top for b in last)
            bottom = max(b.bottom for b in last)
            if top <= middle <= bottom:
                last.append(box)
                continue
        lines.append([box])
    out: list[str] = []
    for line in lines:
        line.sort(key=lambda b: b.left)
        height = max(b.bottom - b.top for b in line)
        text = line[0].text
        for prev, box in itertools.pairwise(line):
            text += (" | " if box.left - prev.right > 2 * height else " ") + box.text
        out.append(text)
    return out


def recognise(image: Any) -> str:
    """The text of one page image (a PIL image), line by line."""
    import numpy as np

    if image.width * image.height > MAX_PIXELS:
        image = fit(image)
    result = engine()(np.asarray(image.convert("RGB")))
    if result.boxes is None or result.txts is None:
        return ""
    boxes = [
        _Box(
            float(min(p[1] for p in box)),
            float(max(p[1] for p in box)),
            float(min(p[0] for p in box)),
            float(max(p[0] for p in box)),
            str(text).strip(),
        )
        for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True)
        if score >= MIN_SCORE and str(text).strip()
    ]
    return unglue_dates("\n".join(_lines(boxes)))


def fit(image: Any) -> Any:
    """The image scaled down to at most :data:`MAX_PIXELS` pixels."""
    scale = (MAX_PIXELS / (image.width * image.height)) ** 0.5
    if scale >= 1:
        return image
    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    return image.resize(size)


class Budget:
    """The OCR budget of one dossier: at most ``pages`` scanned pages and
    ``pages × seconds_per_page`` CPU seconds of OCR over all its files (defaults in
    :class:`~poortwachter.audit.limits.Limits` and SECURITY.md). Checked before each page:
    a page that has started is finished. Only the time spent on OCR (drawing the page and
    recognising it) counts, not the reading of the other files."""

    def __init__(self, pages: int, seconds_per_page: float) -> None:
        """``pages``: the most pages to read with OCR in the dossier; ``seconds_per_page``:
        the CPU seconds a page may take on average."""
        self.pages = pages
        self.per_page = seconds_per_page
        self.seconds = pages * seconds_per_page
        self.done = 0
        self.spent = 0.0

    @classmethod
    def of(cls, limits: Limits) -> Budget:
        """A new budget with the limits' pages and seconds (one per dossier)."""
        return cls(limits.ocr_pages, limits.ocr_seconds_per_page)

    def allows_another(self) -> bool:
        """May OCR read one more page?"""
        return self.done < self.pages and self.spent < self.seconds

    @contextmanager
    def page(self) -> Iterator[None]:
        """Count one page and the CPU time spent inside the block."""
        started = time.process_time()
        self.done += 1
        try:
            yield
        finally:
            self.spent += time.process_time() - started

    def note(self) -> str:
        """Dutch: the budget that ran out and how to raise it."""
        if self.done >= self.pages:
            return (
                f"het OCR-budget van het dossier is op ({self.pages} gescande pagina's); "
                "verhoog het met --ocr-max-pages"
            )
        return (
            f"het OCR-budget van het dossier is op ({self.seconds:g} CPU-seconden: "
            f"{self.pages} pagina's × {self.per_page:g}); verhoog het met --ocr-timeout "
            "(CPU-seconden per pagina) of --ocr-max-pages"
        )
