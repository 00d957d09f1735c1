"""What the law asks of the generated forms: both views (2023) and no medical data.

Every test renders real files (DOCX via docxtpl, PDF via weasyprint) and reads them back
with python-docx and pypdf, or runs the real CLI (subprocess) and checks exit code and files.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generate_helpers import docx_text, pdf_pages, sample, squash
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.forms import FORMS
from poortwachter.generate import render_form, run_batch
from poortwachter.generate.medical import PRIVACY_STATEMENT

EMPLOYER_FORMS = [f for f in FormId if f is not FormId.PROBLEEMANALYSE]
VISIE_FORM_LIST = [f for f, spec in FORMS.items() if spec.visie]


def _text(blob: bytes, fmt: str) -> str:
    if fmt == "docx":
        return "\n".join(docx_text(blob).values())
    return "\n".join(pdf_pages(blob))


# --- both views ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("form", VISIE_FORM_LIST)
def test_both_views_have_their_own_heading(form: FormId, fmt: str) -> None:
    data = sample(form)
    data["visie_werkgever"] = "Werkgever ziet terugkeer in eigen werk."
    data["visie_werknemer"] = "Werknemer wil graag meer uren."
    text = _text(render_form(form, data, fmt), fmt)
    lines = [line.strip() for line in text.splitlines()]
    heading_wg = next(i for i, t in enumerate(lines) if t.endswith("Visie van de werkgever"))
    heading_wn = next(i for i, t in enumerate(lines) if t.endswith("Visie van de werknemer"))
    assert heading_wg < heading_wn
    assert "Werkgever ziet terugkeer in eigen werk." in "\n".join(lines[heading_wg:heading_wn])
    assert "Werknemer wil graag meer uren." in "\n".join(lines[heading_wn:])


@pytest.mark.parametrize("field", ["visie_werkgever", "visie_werknemer"])
@pytest.mark.parametrize("form", VISIE_FORM_LIST)
def test_a_missing_view_is_refused_since_july_2023(form: FormId, field: str) -> None:
    data = sample(form)
    data[field] = "  "
    with pytest.raises(InputError) as exc:
        render_form(form, data, "docx")
    message = str(exc.value)
    assert f"veld '{field}'" in message and "verplicht" in message
    assert "Stcrt. 2023, 13931" in message


def _before_july_2023(form: FormId) -> dict[str, Any]:
    data = sample(form)
    data.pop("visie_werkgever", None)
    data.pop("visie_werknemer", None)
    data["eerste_ziektedag"] = date(2022, 9, 1)
    data["formulierdatum"] = date(2023, 6, 20)
    for signer in data["ondertekenaars"]:
        signer["datum"] = date(2023, 6, 20)
    return data


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("form", VISIE_FORM_LIST)
def test_transitional_rule_no_views_before_july_2023_and_the_form_says_so(
    form: FormId, fmt: str
) -> None:
    text = squash(_text(render_form(form, _before_july_2023(form), fmt), fmt))
    assert text.count(squash("Niet vereist: de eerste ziektedag en de datum")) == 2
    assert squash("overgangsrecht") in text


@pytest.mark.parametrize("form", VISIE_FORM_LIST)
def test_transitional_rule_ends_with_a_document_dated_from_july_2023(form: FormId) -> None:
    data = _before_july_2023(form)
    data["formulierdatum"] = date(2023, 7, 1)  # ezd before, document from the day itself
    with pytest.raises(InputError, match="visie_werkgever"):
        render_form(form, data, "docx")


# --- no medical data ----------------------------------------------------------------------


@pytest.mark.parametrize("form", EMPLOYER_FORMS)
def test_medical_term_in_an_employer_form_is_refused(form: FormId) -> None:
    data = sample(form)
    text = "Door mijn burn-out kan ik nog niet lang achter elkaar werken."
    if form is FormId.RIV_FORMULIER:
        data["werknemer"]["vaardigheden"], field = text, "werknemer.vaardigheden"
    else:
        data["visie_werknemer"], field = text, "visie_werknemer"
    with pytest.raises(InputError) as exc:
        render_form(form, data, "docx")
    message = str(exc.value)
    assert f"veld '{field}'" in message
    assert "medische term 'burn-out'" in message and "functionele termen" in message


def test_medical_term_in_a_list_item_is_named_counted_from_one() -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["activiteiten"][1]["wat"] = "Fysiotherapie voor de hernia"
    with pytest.raises(InputError, match=r"veld 'activiteiten\[2\]\.wat'.*'hernia'"):
        render_form(FormId.PLAN_VAN_AANPAK, data, "pdf")


def test_names_are_not_free_text() -> None:
    """A company or person name that happens to contain a listed word is not a diagnosis."""
    data = sample(FormId.EINDEVALUATIE)
    data["werkgever"]["naam"] = "Stichting Reuma Werkt"
    assert render_form(FormId.EINDEVALUATIE, data, "docx")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("form", list(FormId))
def test_privacy_statement_on_forms_that_passed(form: FormId, fmt: str) -> None:
    text = squash(_text(render_form(form, sample(form), fmt), fmt))
    assert squash(PRIVACY_STATEMENT) in text


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "poortwachter", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_generate_refuses_with_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["afspraken"] = "Werknemer volgt eerst de behandeling van de depressie."
    case = tmp_path / "zaak.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    done = _cli("generate", "plan_van_aanpak", "--data", str(case), "--out", str(out))
    assert done.returncode == 2, done.stderr
    assert "veld 'afspraken'" in done.stderr and "'depressie'" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists() or not list(out.iterdir())


def test_probleemanalyse_warns_and_drops_the_statement(tmp_path: Path) -> None:
    data = sample(FormId.PROBLEEMANALYSE)
    data["toelichting"] = "Bekend met migraine."
    case = tmp_path / "pa.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out = tmp_path / "out"
    done = _cli("generate", "probleemanalyse", "--data", str(case), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "waarschuwing: " in done.stderr and "'migraine'" in done.stderr
    docx, pdf = sorted(out.iterdir())
    assert "geen medische gegevens" not in docx_text(docx.read_bytes())["body"]
    assert "geenmedischegegevens" not in squash("".join(pdf_pages(pdf.read_bytes())))
    assert "Bekend met migraine." in docx_text(docx.read_bytes())["body"]


def test_batch_fails_the_row_naming_sheet_row_and_column(tmp_path: Path) -> None:
    base = sample(FormId.EINDEVALUATIE)
    header = [
        "dossier", "formulierdatum", "eerste_ziektedag", "werknemer_naam", "werknemer_bsn",
        "werknemer_functie", "werkgever_naam", "bedrijfsarts_naam", "casemanager_naam",
        "resultaten", "uren_per_week", "datum_actueel_oordeel", "oordeel_arbeidsrelatie",
        "passende_arbeid", "visie_werkgever", "visie_werknemer", "ondertekenaars",
    ]  # fmt: skip
    signers = "; ".join(
        f"{s['naam']} | {s['functie']} | {s['datum']} | {s['rol']}" for s in base["ondertekenaars"]
    )
    row = [
        "E-1", str(base["formulierdatum"]), str(base["eerste_ziektedag"]),
        base["werknemer"]["naam"], base["werknemer"]["bsn"], base["werknemer"]["functie"],
        base["werkgever"]["naam"], base["bedrijfsarts"]["naam"], base["casemanager"]["naam"],
        "Werkt 24 uur.", "24", "2027-09-01", "Blijft in dienst.", "Aangepast werk is passend.",
        "Goed resultaat.", "Eens.", signers,
    ]  # fmt: skip
    bad = list(row)
    bad[0] = "E-2"
    bad[3] = "Daan Bakker"
    bad[14] = "Hij herstelt goed van de hartaanval."
    sheet = tmp_path / "eind.csv"
    with sheet.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerows([header, row, bad])
    out = tmp_path / "out"
    result = run_batch(FormId.EINDEVALUATIE, sheet, out, "docx", workers=1)
    assert result.rows_ok == 1 and len(result.written) == 1
    [error] = result.errors
    assert error.row == 3 and error.field == "visie_werkgever" and error.column == "15"
    assert "medische term 'hartaanval'" in error.message
    assert str(sheet) in error.describe() and "rij 3" in error.describe()
    assert not any("Daan" in p.name for p in out.glob("*.docx"))


def _probleemanalyse_sheet(path: Path, toelichting: list[str]) -> Path:
    """A real XLSX (openpyxl) with one probleemanalyse per ``toelichting``, headers as
    people write them, the signer inline."""
    from openpyxl import Workbook

    base = sample(FormId.PROBLEEMANALYSE)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Probleemanalyses"
    ws.append(
        [
            "Dossier", "Datum", "Eerste ziektedag", "Naam werknemer", "BSN", "Functie",
            "Werkgever", "Bedrijfsarts", "Casemanager", "beperkingen", "mogelijkheden",
            "benutbare_mogelijkheden", "werkgerelateerde_factoren", "prive_factoren",
            "prognose", "advies", "toelichting", "ondertekenaars",
        ]
    )  # fmt: skip
    for n, text in enumerate(toelichting, 1):
        ws.append(
            [
                f"PA-{n}", "2026-02-10", "2026-01-05", f"Werknemer {n}", base["werknemer"]["bsn"],
                "Medewerker", base["werkgever"]["naam"], "dr. P. Jansen", "Karin Bos",
                base["beperkingen"], base["mogelijkheden"], "ja",
                base["werkgerelateerde_factoren"], base["prive_factoren"], base["prognose"],
                base["advies"], text, "dr. P. Jansen | Bedrijfsarts | 2026-02-10 | bedrijfsarts",
            ]
        )  # fmt: skip
    wb.save(path)
    return path


def test_batch_warns_on_a_medical_term_in_the_probleemanalyse(tmp_path: Path) -> None:
    """The probleemanalyse is the bedrijfsarts' document: a medical term there is a warning
    per row (file, sheet, row, column, term), as in ``generate``; the form is still made,
    without the statement that it holds no medical data."""
    from click.testing import CliRunner

    from poortwachter.cli import cli

    sheet = _probleemanalyse_sheet(
        tmp_path / "pa.xlsx", ["Tweewekelijks spreekuur.", "Bekend met migraine."]
    )
    out = tmp_path / "out"
    args = ["batch", "probleemanalyse", str(sheet), "--out", str(out), "--workers", "1"]
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 0, done.output
    warnings = [line for line in done.stderr.splitlines() if line.startswith("waarschuwing: ")]
    assert len(warnings) == 1, done.stderr
    [warning] = warnings
    for part in (str(sheet), "blad 'Probleemanalyses'", "rij 3", "kolom Q", "'migraine'"):
        assert part in warning, warning
    assert "toelichting" in warning
    made = {p.name: p for p in out.glob("*.docx")}
    assert len(made) == 2 and len(list(out.glob("*.pdf"))) == 2
    warned = next(p for name, p in made.items() if "Werknemer 2" in name)
    clean = next(p for name, p in made.items() if "Werknemer 1" in name)
    assert "Bekend met migraine." in docx_text(warned.read_bytes())["body"]
    assert "geen medische gegevens" not in docx_text(warned.read_bytes())["body"]
    assert "geen medische gegevens" in docx_text(clean.read_bytes())["body"]
    pdf = next(p for p in out.glob("*.pdf") if "Werknemer 2" in p.name)
    assert "geenmedischegegevens" not in squash("".join(pdf_pages(pdf.read_bytes())))


def test_batch_medical_warnings_come_back_from_the_workers_in_row_order(tmp_path: Path) -> None:
    texts = ["Rustig opbouwen."] * 8
    texts[1], texts[6] = "Na de hernia-operatie.", "Bekend met migraine."
    sheet = _probleemanalyse_sheet(tmp_path / "pa.xlsx", texts)
    result = run_batch(FormId.PROBLEEMANALYSE, sheet, tmp_path / "out", "docx", workers=2)
    assert result.rows_ok == 8 and not result.errors
    medical = [w for w in result.warnings if "medische term" in w]
    assert len(medical) == 2 and "rij 3" in medical[0] and "rij 8" in medical[1], medical
    assert "'hernia'" in medical[0] and "'migraine'" in medical[1]


# --- content the official forms have ---------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_plan_holds_probleemanalyse_conclusions_and_a_structured_einddoel(fmt: str) -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["einddoel_soort"] = "ander werk bij eigen werkgever"
    data["einddoel_datum"] = date(2026, 7, 1)
    text = squash(_text(render_form(FormId.PLAN_VAN_AANPAK, data, fmt), fmt))
    assert squash("Belangrijkste conclusies van de probleemanalyse") in text
    assert squash(data["conclusies_probleemanalyse"]) in text
    assert squash("Soort einddoelAnder werk bij de eigen werkgever (1e spoor)") in text
    assert squash("Te bereiken op1 juli 2026") in text


def test_einddoel_soort_is_a_choice() -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["einddoel_soort"] = "met pensioen"
    with pytest.raises(InputError, match=r"veld 'einddoel_soort'.*kies uit: eigen_werk"):
        render_form(FormId.PLAN_VAN_AANPAK, data, "docx")


def test_eerstejaarsevaluatie_without_2e_spoor_needs_a_structured_reason() -> None:
    data = sample(FormId.EERSTEJAARSEVALUATIE)
    data.pop("reden_geen_spoor2")
    data.pop("toelichting_spoor2")
    data["werkt"] = "ja"
    data.pop("uren_per_week")
    with pytest.raises(InputError) as exc:
        render_form(FormId.EERSTEJAARSEVALUATIE, data, "docx")
    message = str(exc.value)
    assert "veld 'reden_geen_spoor2': ontbreekt" in message and "aow_binnen_een_jaar" in message
    assert "veld 'toelichting_spoor2': ontbreekt" in message
    assert "veld 'uren_per_week': ontbreekt" in message


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_eerstejaarsevaluatie_shows_result_so_far_reason_and_plan_2nd_year(fmt: str) -> None:
    data = sample(FormId.EERSTEJAARSEVALUATIE)
    data["reden_geen_spoor2"] = "AOW binnen een jaar"
    text = squash(_text(render_form(FormId.EERSTEJAARSEVALUATIE, data, fmt), fmt))
    result = text.split(squash("resultaat tot nu toe"))[1].split(squash("3. Vragen van UWV"))[0]
    # (python-docx lists a document's tables after its paragraphs; these are paragraphs)
    assert squash("Werkt de werknemer op dit moment? Ja") in result
    assert squash("Uren per week24") in result and squash("Aangepast eigen werk") in result
    assert squash("Reden dat het tweede spoor niet is gestart") in text
    assert squash("bereikt binnen een jaar na de wachttijd de AOW-leeftijd") in text
    assert squash("4. Plan voor het tweede ziektejaar") in text
    assert squash(data["plan_tweede_jaar"]) in text


def test_geen_benutbare_mogelijkheden_only_with_a_reason() -> None:
    data = sample(FormId.PROBLEEMANALYSE)
    data["benutbare_mogelijkheden"] = "nee"
    with pytest.raises(InputError, match="veld 'reden_geen_mogelijkheden': ontbreekt"):
        render_form(FormId.PROBLEEMANALYSE, data, "docx")
    data["reden_geen_mogelijkheden"] = "Kan op dit moment geen enkele taak volhouden."
    body = docx_text(render_form(FormId.PROBLEEMANALYSE, data, "docx"))["body"]
    assert "benutbare mogelijkheden? Nee" in body
    assert "Kan op dit moment geen enkele taak volhouden." in body


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_probleemanalyse_names_work_related_and_private_factors(fmt: str) -> None:
    data = sample(FormId.PROBLEEMANALYSE)
    text = squash(_text(render_form(FormId.PROBLEEMANALYSE, data, fmt), fmt))
    part = text.split(squash("3. Rol van werk en privé"))[1].split(squash("4. Prognose"))[0]
    assert squash(data["werkgerelateerde_factoren"]) in part
    assert squash(data["prive_factoren"]) in part


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_eindevaluatie_gives_hours_function_and_the_actueel_oordeel(fmt: str) -> None:
    data = sample(FormId.EINDEVALUATIE)
    text = squash(_text(render_form(FormId.EINDEVALUATIE, data, fmt), fmt))
    assert squash("Werkt nu (uren per week)24") in text
    assert squash(f"In de functie{data['functie_nu']}") in text
    assert squash("Op basis van het actueel oordeel van1 september 2027") in text
    data["uren_per_week"] = None
    with pytest.raises(InputError, match="veld 'uren_per_week'"):
        render_form(FormId.EINDEVALUATIE, data, "docx")
