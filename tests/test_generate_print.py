"""Forms that print well: whole words in narrow columns, the signature block never alone on
a page, optional empty rows left out. Real PDFs (pypdf) and DOCX files (python-docx)."""

from __future__ import annotations

import io
import re
from copy import deepcopy

import pytest
from docx import Document
from docx.shared import Cm

from generate_helpers import docx_text, pdf_pages, sample, squash
from poortwachter.domain.vocabulary import FormId
from poortwachter.generate import render_form

LONG_WORDS = ("Arbeidsdeskundige", "bedrijfsmaatschappelijk", "Klantenservicemedewerker")


def _long_signers() -> dict[str, object]:
    data = sample(FormId.EINDEVALUATIE)
    data["werknemer"]["functie"] = "Klantenservicemedewerker"
    data["ondertekenaars"][1]["functie"] = "Klantenservicemedewerker"
    first = data["ondertekenaars"][0]
    data["ondertekenaars"].append(
        {
            "naam": "Alexandra van Oldenbarnevelt",
            "functie": "Senior bedrijfsmaatschappelijk werker",
            "datum": first["datum"],
            "rol": "arbeidsdeskundige",
        }
    )
    return data


def test_pdf_signature_table_keeps_long_words_whole() -> None:
    text = "\n".join(pdf_pages(render_form(FormId.EINDEVALUATIE, _long_signers(), "pdf")))
    words = set(re.findall(r"[\w-]+", text))
    for word in LONG_WORDS:
        assert word in words, word  # not cut as "bedrijfsmaatschappelij" + "k"


def test_docx_signature_columns_leave_room_for_long_words() -> None:
    doc = Document(io.BytesIO(render_form(FormId.EINDEVALUATIE, _long_signers(), "docx")))
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells][:3] == ["Rol", "Naam", "Functie"]
    widths = [col.width for col in table.columns]
    assert widths[0] >= Cm(3.3) and widths[2] >= Cm(4.5)  # "Arbeidsdeskundige", job titles


@pytest.mark.parametrize("n_activities", range(1, 31, 2))
def test_signature_block_is_never_alone_on_the_last_page(n_activities: int) -> None:
    """Whatever the length of the plan, the page with the heading "Ondertekening" also has
    every signer and the section before it (the employee's view)."""
    data = sample(FormId.PLAN_VAN_AANPAK)
    activity = data["activiteiten"][0]
    data["activiteiten"] = [
        {**deepcopy(activity), "wat": f"Activiteit {i + 1}: {activity['wat']}"}
        for i in range(n_activities)
    ]
    pages = pdf_pages(render_form(FormId.PLAN_VAN_AANPAK, data, "pdf"))
    [page] = [p for p in pages if "7. Ondertekening" in p]
    assert "6. Visie van de werknemer" in page
    for signer in data["ondertekenaars"]:
        assert signer["naam"] in page
    assert "Ondertekening" in pages[-1] or "Visie" in pages[-1]


def test_docx_signature_block_keeps_with_its_heading_and_the_part_before() -> None:
    doc = Document(
        io.BytesIO(render_form(FormId.PLAN_VAN_AANPAK, sample(FormId.PLAN_VAN_AANPAK), "docx"))
    )
    paras = [p for p in doc.paragraphs if p.text.strip()]
    start = next(i for i, p in enumerate(paras) if p.text == "6. Visie van de werknemer")
    heading = next(i for i, p in enumerate(paras) if p.text == "7. Ondertekening")
    block = paras[start : heading + 2]  # heading, label, view, heading, intro
    assert len(block) == 5 and block[-1].text == "Voor akkoord getekend door:"
    for p in block:  # each kept with the next: the block moves to a new page as a whole
        assert p.style is not None
        keep = p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next
        assert keep, p.text
    rows = doc.tables[-1].rows
    for row in rows:
        assert (
            row._tr.trPr.find(
                "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit"
            )
            is not None
        )


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_optional_empty_rows_are_left_out_and_required_ones_stay(fmt: str) -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["werknemer"].pop("geboortedatum")
    data["werkgever"].pop("kvk")
    data["casemanager"].pop("functie")
    blob = render_form(FormId.PLAN_VAN_AANPAK, data, fmt)
    text = docx_text(blob)["body"] if fmt == "docx" else "\n".join(pdf_pages(blob))
    for label in ("Geboortedatum", "KvK-nummer", "Functie casemanager", "—"):
        assert label not in text
    for label in ("Naam werknemer", "Burgerservicenummer (BSN)", "Werkgever", "Casemanager"):
        assert squash(label) in squash(text)  # a label may wrap in its cell


def test_pdf_a_very_long_word_stays_on_the_page() -> None:
    """A value without any space (a code, a link) is cut in its own column of the data
    table; it does not push the table, and the text, off the right edge of the page."""
    import pypdfium2 as pdfium

    data = sample(FormId.PLAN_VAN_AANPAK)
    data["werkgever"]["naam"] = "Bakkerij" + "X" * 150
    pdf = pdfium.PdfDocument(render_form(FormId.PLAN_VAN_AANPAK, data, "pdf"))
    page = pdf[0]
    text = page.get_textpage()
    rights = [text.get_charbox(i)[2] for i in range(text.count_chars())]
    assert max(rights) <= page.get_width() - 50  # inside the right margin (2.2 cm)
    assert "X" * 40 in squash(text.get_text_range())
