"""The RIV form (riv_formulier): part 1 of the re-integratieverslag, Regeling procesgang
art. 6 lid 1 a. Rendered for real and read back (python-docx, pypdf); batch and CLI too."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from generate_helpers import docx_text, expected_values, pdf_pages, sample, squash
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.generate import render_form, run_batch

RIV = FormId.RIV_FORMULIER
HEADINGS = [
    "Re-integratieverslag: administratieve gegevens",
    "1. Gegevens van de werknemer",
    "2. Gegevens van de werkgever",
    "3. Aard van het bedrijf",
    "4. Functie en vaardigheden van de werknemer",
    "5. Bedrijfsarts en arbodienst",
    "6. Bijgevoegde onderdelen van het re-integratieverslag",
    "7. Ondertekening",
]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_riv_form_holds_every_value_and_heading_in_order(fmt: str) -> None:
    data = sample(RIV)
    blob = render_form(RIV, data, fmt)
    text = docx_text(blob)["body"] if fmt == "docx" else "\n".join(pdf_pages(blob))
    flat = squash(text)
    for value in expected_values(data):
        assert squash(value) in flat, value
    positions = [flat.index(squash(h)) for h in HEADINGS]
    assert positions == sorted(positions)
    for label in ("Loonheffingennummer", "Arbeidsduur", "Bedrijfsprofiel", "Arbodienst"):
        assert label in text


def test_riv_form_checks_its_administrative_data() -> None:
    data = sample(RIV)
    data["werkgever"]["loonheffingennummer"] = "12345678901"
    data["contactpersoon"]["email"] = "k.bos at bakkerij"
    del data["werknemer"]["geboortedatum"]
    data["bijlagen"] = []
    with pytest.raises(InputError) as exc:
        render_form(RIV, data, "docx")
    message = str(exc.value)
    assert "veld 'werkgever.loonheffingennummer'" in message and "9 cijfers, een L" in message
    assert "veld 'contactpersoon.email'" in message and "geen e-mailadres" in message
    assert "veld 'werknemer.geboortedatum': ontbreekt" in message
    assert "veld 'bijlagen'" in message


def test_riv_form_is_signed_by_the_employer() -> None:
    data = sample(RIV)
    data["ondertekenaars"][0]["rol"] = "casemanager"
    with pytest.raises(InputError, match="de werkgever moet dit formulier ondertekenen"):
        render_form(RIV, data, "docx")


def test_loonheffingennummer_is_normalised() -> None:
    data = sample(RIV)
    data["werkgever"]["loonheffingennummer"] = "1234.56.789.l.01"
    assert "123456789L01" in docx_text(render_form(RIV, data, "docx"))["body"]


def test_optional_empty_rows_are_left_out() -> None:
    data = sample(RIV)
    for key in ("kvk",):
        data["werkgever"].pop(key)
    data["contactpersoon"].pop("email")
    data.pop("dossier")
    data["werknemer"].pop("opleiding")
    body = docx_text(render_form(RIV, data, "docx"))["body"]
    pdf = "\n".join(pdf_pages(render_form(RIV, data, "pdf")))
    for text in (body, pdf):
        for label in ("KvK-nummer", "E-mail", "Dossiernummer", "Opleiding", "—"):
            assert label not in text
        assert "Loonheffingennummer" in text  # required rows stay


def test_batch_makes_riv_forms_with_inline_bijlagen(tmp_path: Path) -> None:
    data = sample(RIV)
    w, g, c = data["werknemer"], data["werkgever"], data["contactpersoon"]
    row = {
        "dossier": "R-1",
        "formulierdatum": "20-09-2027",
        "eerste_ziektedag": "05-01-2026",
        "werknemer_naam": w["naam"],
        "werknemer_adres": w["adres"],
        "werknemer_bsn": w["bsn"],
        "werknemer_geboortedatum": "17-03-1984",
        "werknemer_functie": w["functie"],
        "werknemer_arbeidsduur": w["arbeidsduur"],
        "werkgever_naam": g["naam"],
        "werkgever_adres": g["adres"],
        "werkgever_loonheffingennummer": g["loonheffingennummer"],
        "werkgever_aard_bedrijf": g["aard_bedrijf"],
        "contactpersoon_naam": c["naam"],
        "contactpersoon_telefoon": c["telefoon"],
        "bedrijfsarts_naam": "dr. P. Jansen",
        "bedrijfsarts_organisatie": "Arbodienst Midden",
        "bijlagen": "Probleemanalyse | 10-02-2026; Plan van aanpak | 2026-02-20",
        "ondertekenaars": "Jeroen van Dam | Directeur | 2027-09-20 | werkgever",
    }
    sheet = tmp_path / "riv.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(row), delimiter=";")
        writer.writeheader()
        writer.writerow(row)
        writer.writerow({**row, "dossier": "R-2", "werkgever_loonheffingennummer": "123"})
    result = run_batch(RIV, sheet, tmp_path / "out", "docx", workers=1)
    assert result.rows_ok == 1
    [error] = result.errors
    assert error.row == 3 and error.field == "werkgever_loonheffingennummer"
    body = docx_text(result.written[0].read_bytes())["body"]
    assert "Probleemanalyse" in body and "20 februari 2026" in body and "10 februari 2026" in body
