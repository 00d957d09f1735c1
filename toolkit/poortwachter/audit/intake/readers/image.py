"""Images (JPG, PNG, TIFF): UWV accepts JPG. With the ``ocr`` extra the text is read
with OCR (the first frame, scaled to at most :data:`~poortwachter.audit.intake.ocr.MAX_PIXELS`);
without it the image is a scan whose content is not checked."""

from __future__ import annotations

import io
import warnings

from poortwachter.audit.intake import ocr
from poortwachter.audit.intake.readers.common import clean_text, unreadable
from poortwachter.audit.limits import DEFAULT_LIMITS, Limits
from poortwachter.audit.model import Document

#: fewer characters than this is no text (a logo, a stamp)
MIN_CHARS = 25


def read_image(
    data: bytes, path: str, limits: Limits = DEFAULT_LIMITS, budget: ocr.Budget | None = None
) -> Document:
    """Read an image with OCR when it is installed, within ``budget`` (the dossier's OCR
    budget; this image's alone when None); otherwise ``readable=False`` with a Dutch
    reason that says how to enable OCR or raise the budget."""
    budget = budget or ocr.Budget.of(limits)
    why_not = _why_not(limits)
    if why_not is None and not budget.allows_another():
        why_not = budget.note()
    text = ""
    if why_not is None:
        try:
            with budget.page():
                text, why_not = _ocr_image(data)
        except _Broken:
            return unreadable(path, "image", len(data), "is een beschadigde afbeelding")
    if why_not is not None or len(text) < MIN_CHARS:
        doc = unreadable(path, "image", len(data), ocr.scan_reason(why_not or _NO_TEXT))
        doc.page_count = 1
        doc.scan = True
        doc.pages = [text] if text else []
        return doc
    doc = Document(path=path, file_type="image", size=len(data), pages=[text], page_count=1)
    doc.scan = True
    doc.ocr_pages = [0]
    return doc


_NO_TEXT = "OCR vond er geen (leesbare) tekst op"


class _Broken(Exception):
    """The image cannot be decoded."""


def _why_not(limits: Limits) -> str | None:
    if limits.ocr_pages <= 0:
        return "OCR staat uit (--ocr-max-pages 0)"
    return ocr.ocr_problem()


def _ocr_image(data: bytes) -> tuple[str, str | None]:
    """(text, why not read): the image is opened lazily, its size checked before any
    pixel is decoded; a JPEG is decoded at a reduced size straight away."""
    from PIL import Image

    too_large = "de afbeelding is te groot om met OCR te lezen"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > ocr.MAX_IMAGE_PIXELS:
                return "", f"{too_large} ({image.width} × {image.height} pixels)"
            scale = min(1.0, (ocr.MAX_PIXELS / (image.width * image.height)) ** 0.5)
            if image.format == "JPEG" and scale < 1:  # decode at (about) the size needed
                image.draft("L", (int(image.width * scale), int(image.height * scale)))
            image = ocr.fit(image.convert("L"))
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        return "", too_large
    except Exception as exc:  # Pillow raises many kinds on a broken image
        raise _Broken from exc
    try:
        return clean_text(ocr.recognise(image)), None
    except ocr.OcrUnavailable as exc:
        return "", str(exc)
