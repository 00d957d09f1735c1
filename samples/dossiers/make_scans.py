"""Scans as a scanner makes them, for the OCR tests and the `gescand` sample dossier:
a Dutch form drawn with Pillow at 200 dpi (a shaded signature table included), a small
rotation, speckle noise and a slight blur; saved as a JPG and as a PDF without a text
layer (Pillow's own PDF writer: another producer than the rest of the samples).
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

DPI = 200
A4 = (1654, 2339)  # pixels at 200 dpi
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")


def _font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in _FONT_DIRS:
        path = Path(folder) / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)  # Pillow's own font (Latin-1)


def scan_image(
    title: str,
    lines: list[str],
    signatures: list[tuple[str, str, str]],
    *,
    seed: int = 1,
    angle: float = 1.2,
    height: int = A4[1],
) -> Any:
    """A grey scan: a title, text lines, and a shaded table of (role, name, date) rows."""
    from PIL import Image, ImageDraw, ImageFilter

    width = A4[0]
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    body, head = _font(30), _font(48, bold=True)
    y = 150
    draw.text((150, y), title, font=head, fill=0)
    y += 110
    for line in lines:
        draw.text((150, y), line, font=body, fill=0)
        y += 58
    if signatures:
        y += 30
        draw.text((150, y), "Ondertekening", font=_font(34, bold=True), fill=0)
        y += 70
        columns = (150, 560, 1130, 1504)
        for n, row in enumerate([("Rol", "Naam", "Datum"), *signatures]):
            shade = 215 if n == 0 else 238
            draw.rectangle((columns[0], y - 12, columns[-1], y + 48), fill=shade, outline=90)
            for x, cell in zip(columns, row, strict=False):
                draw.text((x + 14, y), cell, font=body, fill=0)
            y += 60
    img = img.rotate(angle, fillcolor=255, resample=Image.Resampling.BICUBIC)
    rng = random.Random(seed)
    pixels = img.load()
    for _ in range(width * height // 100):
        pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((40, 140, 200))
    return img.filter(ImageFilter.GaussianBlur(0.6))


def write_jpg(image: Any, path: Path, quality: int = 60) -> None:
    image.save(path, "JPEG", quality=quality, dpi=(DPI, DPI))


def write_pdf(images: list[Any], path: Path, quality: int = 60) -> None:
    """The images as the pages of a PDF with no text layer (JPEG-compressed)."""
    first, *rest = images
    first.save(path, "PDF", resolution=DPI, save_all=True, append_images=rest, quality=quality)


#: the plan van aanpak of the OCR tests: title, a Dutch date, a name with diacritics
PVA_LINES = [
    "Naam werknemer: Anouk van der Wiel-Özdemir",
    "Werkgever: Bakkerij Het Gouden Korenaar B.V.",
    "Eerste ziektedag: 5 januari 2026",
    "Datum: 12 februari 2026",
    "Doel: terugkeer in eigen werk als baliemedewerker.",
    "Afspraken: opbouw van 4 naar 24 uur per week in acht weken.",
    "Casemanager: R. Bos",
    "Visie werkgever: de opbouw in aangepast werk is haalbaar.",
    "Visie werknemer: ik ben het eens met dit plan van aanpak.",
]
PVA_SIGNATURES = [
    ("Werkgever", "R. Bos", "12-02-2026"),
    ("Werknemer", "Anouk van der Wiel-Özdemir", "12-02-2026"),
]


def build_gescand(folder: Path, complete: Path) -> Path:
    """The sample dossier ``gescand``: the ``compleet`` dossier whose plan van aanpak is a
    photo of the signed paper (a JPG, as UWV accepts it) instead of a Word file."""
    import shutil

    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(complete, folder)
    (folder / "02_plan_van_aanpak.docx").unlink()
    image = scan_image(
        "Plan van aanpak",
        [
            "Naam werknemer: Jan Jansen",
            "BSN: 123456782",
            "Werkgever: Bouwbedrijf De Vries B.V.",
            "Eerste ziektedag: 1 januari 2026",
            "Datum: 16 februari 2026",
            "Casemanager: Piet de Vries, HR-manager",
            "Doel: terugkeer in eigen werk als timmerman.",
            "Afspraken: opbouw van 2 naar 4 uur per dag in aangepast werk.",
            "Visie werkgever: de werkgever biedt aangepast werk in de werkplaats.",
            "Visie werknemer: de werknemer is het eens met dit plan.",
        ],
        [("Werkgever", "Piet de Vries", "17-02-2026"), ("Werknemer", "Jan Jansen", "17-02-2026")],
        seed=7,
        angle=0.9,
        height=1330,
    )
    write_jpg(image, folder / "02_plan_van_aanpak_scan.jpg", quality=35)
    return folder
