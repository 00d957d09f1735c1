from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poortwachter.audit.extract.dates import extract_date
from poortwachter.audit.model import Document
from poortwachter.audit.text.datefind import find_dates
from poortwachter.audit.text.lines import Line
from poortwachter.domain.vocabulary import DocumentKind

D = date(2026, 2, 12)


@pytest.mark.parametrize(
    "text",
    [
        "12-02-2026",
        "12/02/2026",
        "12.02.2026",
        "12-2-2026",
        "12 februari 2026",
        "12 Februari 2026",
        "12 feb. 2026",
        "12 feb 2026",
        "12-feb-2026",
        "2026-02-12",
        "donderdag 12 februari 2026",
        "12-02-26",
        "12 febr. 2026",
        "Datum: 12-02-2026.",
    ],
)
def test_every_common_notation(text: str) -> None:
    assert [h.value for h in find_dates(text)] == [D]


@pytest.mark.parametrize("text", ["31-02-2026", "versie 1.2.26", "tel. 020-1234567", "12345678"])
def test_no_false_dates(text: str) -> None:
    assert find_dates(text) == []


@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    for hit in find_dates(text):
        assert 1900 <= hit.value.year <= 2100


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31)))
def test_round_trip_notations(value: date) -> None:
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]  # fmt: skip
    for text in (
        value.strftime("%d-%m-%Y"),
        value.strftime("%d/%m/%Y"),
        value.isoformat(),
        f"{value.day} {months[value.month - 1]} {value.year}",
    ):
        assert [h.value for h in find_dates(f"Datum: {text}")] == [value]


def _doc_date(text: str, kind: DocumentKind = DocumentKind.PLAN_VAN_AANPAK) -> date | None:
    doc = Document("x.pdf", "pdf", 1, pages=[text], page_count=1, kind=kind)
    extract_date(doc, [Line(1, line) for line in text.split("\n") if line.strip()])
    return doc.date


def test_labelled_date_beats_other_events() -> None:
    text = (
        "Plan van aanpak\nEerste ziektedag: 01-01-2026\nDatum probleemanalyse: 05-02-2026\n"
        "Datum: 16 februari 2026\nVolgende evaluatie: 30-03-2026"
    )
    assert _doc_date(text) == date(2026, 2, 16)


def test_signature_date_when_no_label() -> None:
    text = "Plan van aanpak\nAfspraken\nOndertekening\nWerkgever P. de Vries 17-02-2026 getekend"
    assert _doc_date(text) == date(2026, 2, 17)


def test_place_and_date_letter_style() -> None:
    assert _doc_date(
        "Actueel oordeel\nAmsterdam, 3 maart 2027\nGeachte heer", DocumentKind.ACTUEEL_OORDEEL
    ) == date(2027, 3, 3)
