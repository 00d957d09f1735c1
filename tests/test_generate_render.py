"""Every form renders in DOCX and PDF, and the result reads back with all its values."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from generate_helpers import (
    docx_text,
    expected_values,
    pdf_pages,
    sample,
    squash,
)
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.generate import FORMS, render_form
from poortwachter.generate.template_files import bundled_templates_dir
from poortwachter.schemas.paths import schema_paths

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus")


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[FormId, str], bytes]:
    return {(f, fmt): render_form(f, sample(f), fmt) for f in FormId for fmt in ("docx", "pdf")}


@pytest.mark.parametrize("form", list(FormId))
def test_docx_has_every_value_title_and_signers(
    form: FormId, rendered: dict[tuple[FormId, str], bytes]
) -> None:
    data = sample(form)
    text = docx_text(rendered[form, "docx"])
    body = text["body"]
    for value in expected_values(data):
        assert value in body, f"{value!r} ontbreekt in {form.value}.docx"
    assert "{{" not in body + text["header"] + text["footer"]
    assert "{%" not in body + text["header"] + text["footer"]
    assert FORMS[form].title in body
    assert "Ondertekening" in body and "Handtekening" in body
    for signer in data["ondertekenaars"]:
        assert signer["naam"] in body and signer["functie"] in body
    # Dutch dates, never ISO dates
    assert any(m in body for m in MONTHS)
    assert "2026-" not in body.replace(data.get("dossier", ""), "")


@pytest.mark.parametrize("form", list(FormId))
def test_docx_header_and_footer_carry_name_bsn_and_page_numbers(
    form: FormId, rendered: dict[tuple[FormId, str], bytes]
) -> None:
    blob = rendered[form, "docx"]
    text = docx_text(blob)
    assert "Sanne de Vries" in text["header"]
    assert "BSN 1234.56.782" in text["header"]
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        footers = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("word/footer"))
    assert 'w:instr="PAGE"' in footers and 'w:instr="NUMPAGES"' in footers
    assert "Pagina" in text["footer"]


@pytest.mark.parametrize("form", list(FormId))
def test_pdf_has_every_value_and_bsn_on_every_page(
    form: FormId, rendered: dict[tuple[FormId, str], bytes]
) -> None:
    data = sample(form)
    pages = pdf_pages(rendered[form, "pdf"])
    assert len(pages) >= 1
    whole = squash("".join(pages))
    for value in expected_values(data):
        assert squash(value) in whole, f"{value!r} ontbreekt in {form.value}.pdf"
    assert "{{" not in whole and "{%" not in whole
    for number, page in enumerate(pages, start=1):
        assert "BSN 1234.56.782" in page, f"BSN ontbreekt op pagina {number}"
        assert "Sanne de Vries" in page
        assert f"Pagina {number} van {len(pages)}" in page
    assert squash(FORMS[form].title) in whole
    assert squash("Handtekening") in whole


def test_long_plan_spans_pages_with_bsn_on_each() -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["activiteiten"] = data["activiteiten"] * 25
    pages = pdf_pages(render_form(FormId.PLAN_VAN_AANPAK, data, "pdf"))
    assert len(pages) >= 3
    assert all("BSN 1234.56.782" in p for p in pages)
    docx = docx_text(render_form(FormId.PLAN_VAN_AANPAK, data, "docx"))
    assert docx["body"].count("Werkplekonderzoek en aanpassing beeldscherm") == 25


def _without(data: dict[str, Any], dotted: str) -> dict[str, Any]:
    data = copy.deepcopy(data)
    *parents, last = dotted.split(".")
    node = data
    for p in parents:
        node = node[p]
    del node[last]
    return data


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (FormId.PLAN_VAN_AANPAK, "werknemer.bsn"),
        (FormId.PLAN_VAN_AANPAK, "visie_werknemer"),
        (FormId.PROBLEEMANALYSE, "prognose"),
        (FormId.EERSTEJAARSEVALUATIE, "volgens_plan"),
        (FormId.EINDEVALUATIE, "oordeel_arbeidsrelatie"),
        (FormId.BIJSTELLING_PLAN_VAN_AANPAK, "casemanager.naam"),
    ],
)
def test_missing_required_field_is_named(form: FormId, field: str) -> None:
    with pytest.raises(InputError) as exc:
        render_form(form, _without(sample(form), field), "docx")
    assert f"veld '{field}'" in str(exc.value)
    assert "verplicht" in str(exc.value)


def test_every_problem_is_reported_at_once() -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["werknemer"]["bsn"] = "123456789"
    data["formulierdatum"] = "31-02-2026"
    data["activiteiten"][1]["wanneer"] = "morgen"
    with pytest.raises(InputError) as exc:
        render_form(FormId.PLAN_VAN_AANPAK, data, "pdf")
    message = str(exc.value)
    assert "veld 'werknemer.bsn'" in message and "11-proef" in message
    assert "veld 'formulierdatum'" in message
    assert "veld 'activiteiten[2].wanneer'" in message


def test_plan_van_aanpak_needs_both_signatures() -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["ondertekenaars"] = [s for s in data["ondertekenaars"] if s["rol"] == "werkgever"]
    with pytest.raises(InputError, match="de werknemer moet dit formulier ondertekenen"):
        render_form(FormId.PLAN_VAN_AANPAK, data, "docx")


def test_no_medical_fields_in_any_schema() -> None:
    medical = ("diagnose", "klacht", "aandoening", "oorzaak", "medisch", "medicatie", "behandel")
    for form, spec in FORMS.items():
        for path in schema_paths(spec.schema):
            assert not any(word in path for word in medical), (form, path)


HOSTILE = '{{ 7*7 }} {% if true %}X{% endif %} <b>vet</b> & "quote" </w:t><w:t>'


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_jinja_and_markup_in_values_are_printed_literally(fmt: str) -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["visie_werknemer"] = HOSTILE
    data["werknemer"]["naam"] = "<script>alert(1)</script> {{ werknemer.bsn }}"
    blob = render_form(FormId.PLAN_VAN_AANPAK, data, fmt)
    if fmt == "docx":
        text = docx_text(blob)
        assert HOSTILE in text["body"]
        assert "<script>alert(1)</script> {{ werknemer.bsn }}" in text["header"]
        assert "49" not in text["body"]
    else:
        whole = squash("".join(pdf_pages(blob)))
        assert squash(HOSTILE) in whole
        assert squash("<script>alert(1)</script> {{ werknemer.bsn }}") in whole


def test_control_characters_do_not_break_the_docx() -> None:
    data = sample(FormId.EINDEVALUATIE)
    data["resultaten"] = "regel één\x00\x07\x0b\nregel twee\ttab"
    text = docx_text(render_form(FormId.EINDEVALUATIE, data, "docx"))["body"]
    assert "regel één\nregel twee" in text


def test_unknown_form_and_format_are_input_errors() -> None:
    with pytest.raises(InputError, match="geen formulier"):
        render_form("ziekmelding", {}, "docx")
    with pytest.raises(InputError, match="geen formaat"):
        render_form(FormId.EINDEVALUATIE, sample(FormId.EINDEVALUATIE), "odt")


def test_house_style_docx_is_used_and_strict(tmp_path: Path) -> None:
    source = bundled_templates_dir() / "eindevaluatie.docx"
    doc = Document(str(source))
    doc.add_paragraph("HUISSTIJL voor {{ werknemer.naam }}")
    doc.save(str(tmp_path / "eindevaluatie.docx"))
    data = sample(FormId.EINDEVALUATIE)
    body = docx_text(render_form(FormId.EINDEVALUATIE, data, "docx", templates_dir=tmp_path))
    assert "HUISSTIJL voor Sanne de Vries" in body["body"]
    # other forms still come from the bundled set
    assert render_form(FormId.PROBLEEMANALYSE, sample(FormId.PROBLEEMANALYSE), "docx",
                       templates_dir=tmp_path)[:2] == b"PK"  # fmt: skip

    doc.add_paragraph("Telefoon: {{ werknemer.telefoon }}")
    doc.save(str(tmp_path / "eindevaluatie.docx"))
    with pytest.raises(InputError, match=r"het veld 'werknemer\.telefoon'"):
        render_form(FormId.EINDEVALUATIE, data, "docx", templates_dir=tmp_path)


@given(st.from_regex(r"[0-9]{9}", fullmatch=True))
def test_bsn_is_printed_in_groups_of_four_two_three(bsn: str) -> None:
    from poortwachter.generate.context import format_bsn

    assert format_bsn(bsn) == f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"
    assert format_bsn(bsn[:8]) == bsn[:8]  # not a BSN: left as it is
