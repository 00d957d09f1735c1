"""A user can find the fields and write the input: the YAML skeleton, unknown keys and
columns with the nearest known name, header aliases, and counting as people count."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import RunCli
from generate_helpers import docx_text, sample
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.forms import form_spec
from poortwachter.generate import run_batch
from poortwachter.generate.batch import batch_columns
from poortwachter.inputs.headers import CASE_ALIASES, FORM_ALIASES, alias_map, fold


def _shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [_shape(value[0])]
    return None


@pytest.mark.parametrize("form", list(FormId))
def test_skeleton_is_yaml_with_every_field_and_column(form: FormId, run_cli: RunCli) -> None:
    code, out, _err = run_cli("templates", "list", "--velden", form.value)
    assert code == 0
    skeleton = yaml.safe_load(out)
    spec = form_spec(form)
    assert list(skeleton) == list(spec.schema)  # every field, in the form's order
    # the sample (a filled-in form) has no key the skeleton lacks
    data = sample(form)
    for key, value in _shape(data).items():
        assert key in skeleton
        if isinstance(value, dict):
            assert set(value) <= set(skeleton[key])
    for column, _required, _note in batch_columns(spec):
        assert f"kolom {column}" in out or f"blad '{column}'" in out
    assert "verplicht" in out and "optioneel" in out


def test_a_filled_in_skeleton_generates(tmp_path: Path, run_cli: RunCli) -> None:
    _code, out, _err = run_cli("templates", "list", "--velden", "eindevaluatie")
    skeleton = yaml.safe_load(out)
    empty = tmp_path / "leeg.yaml"
    empty.write_text(out, "utf-8")
    code, _o, err = run_cli("generate", "eindevaluatie", "--data", str(empty), "--out", "x")
    assert code == 2 and "veld 'werknemer.naam': is leeg" in err  # unfilled: named
    data = sample(FormId.EINDEVALUATIE)
    assert set(data) <= set(skeleton)
    filled = tmp_path / "ingevuld.yaml"
    filled.write_text(yaml.safe_dump({**skeleton, **data}, allow_unicode=True), "utf-8")
    out_dir = tmp_path / "out"
    code, _o, err = run_cli(
        "generate", "eindevaluatie", "--data", str(filled), "--out", str(out_dir)
    )
    assert code == 0, err
    assert "waarschuwing" not in err


def test_generate_help_points_to_the_skeleton_and_the_samples(run_cli: RunCli) -> None:
    code, out, _err = run_cli("generate", "--help")
    assert code == 0
    text = " ".join(out.split())
    assert "'templates list --velden FORM'" in text and "samples/forms/" in text


def test_unknown_yaml_key_is_named_with_the_nearest_known_name(
    tmp_path: Path, run_cli: RunCli
) -> None:
    data = sample(FormId.PLAN_VAN_AANPAK)
    data["visie_werknmer"] = data.pop("visie_werknemer")
    data["activiteiten"][1]["wiee"] = data["activiteiten"][1].pop("wie")
    case = tmp_path / "typo.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    code, _out, err = run_cli("generate", "plan_van_aanpak", "--data", str(case), "--out", "o")
    assert code == 2
    assert "'visie_werknmer' is onbekend; bedoelt u 'visie_werknemer'?" in err
    assert "'activiteiten[2].wiee' is onbekend; bedoelt u 'activiteiten[2].wie'?" in err
    assert "veld 'activiteiten[2].wie': ontbreekt" in err


def test_unknown_key_in_a_valid_file_warns_and_the_form_is_made(
    tmp_path: Path, run_cli: RunCli
) -> None:
    data = {**sample(FormId.EINDEVALUATIE), "oordeel_werkgever": "Goed."}
    case = tmp_path / "extra.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    out_dir = tmp_path / "out"
    code, _out, err = run_cli(
        "generate", "eindevaluatie", "--data", str(case), "--out", str(out_dir)
    )
    assert code == 0
    assert "waarschuwing:" in err and "'oordeel_werkgever' is onbekend" in err
    assert len(list(out_dir.iterdir())) == 2


def _eind_rows(header: list[str]) -> list[list[str]]:
    base = sample(FormId.EINDEVALUATIE)
    values = {
        "dossier": "E-1",
        "formulierdatum": str(base["formulierdatum"]),
        "eerste_ziektedag": str(base["eerste_ziektedag"]),
        "werknemer_naam": "Sanne de Vries",
        "werknemer_bsn": base["werknemer"]["bsn"],
        "werknemer_functie": "Verkoper",
        "werkgever_naam": "Bakkerij Van Dam B.V.",
        "bedrijfsarts_naam": "dr. P. Jansen",
        "casemanager_naam": "Karin Bos",
        "resultaten": "Werkt 24 uur.",
        "uren_per_week": "24",
        "datum_actueel_oordeel": "2027-09-01",
        "oordeel_arbeidsrelatie": "Blijft in dienst.",
        "passende_arbeid": "Passend.",
        "visie_werkgever": "Goed resultaat.",
        "visie_werknemer": "Eens.",
        "ondertekenaars": "; ".join(
            f"{s['naam']} | {s['functie']} | {s['datum']} | {s['rol']}"
            for s in base["ondertekenaars"]
        ),
    }
    return [header, [values[c] for c in values]]


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


PEOPLE_HEADERS = [
    "Dossiernummer", "Datum formulier", "1e ziektedag", "Naam werknemer", "Burgerservicenummer",
    "Functie", "Werkgever", "Bedrijfsarts", "Casemanager", "Resultaten", "Uren per week",
    "Datum actueel oordeel", "Oordeel arbeidsrelatie", "Passende arbeid", "Visie werkgever",
    "Visie Werknemer", "Ondertekenaars",
]  # fmt: skip


def test_batch_reads_headers_as_people_write_them(tmp_path: Path) -> None:
    sheet = _write(tmp_path / "mensen.csv", _eind_rows(PEOPLE_HEADERS))
    result = run_batch(FormId.EINDEVALUATIE, sheet, tmp_path / "out", "docx", workers=1)
    assert result.errors == [] and result.warnings == []
    body = docx_text(result.written[0].read_bytes())
    assert "Sanne de Vries" in body["header"] and "Bakkerij Van Dam B.V." in body["body"]


def test_batch_reports_an_unknown_column_with_the_nearest_name(tmp_path: Path) -> None:
    rows = _eind_rows(PEOPLE_HEADERS)
    rows[0].append("Opmerkingen")
    rows[1].append("x")
    rows[0][1] = "formulierdatun"  # a required column with a typo: refused, with a hint
    sheet = _write(tmp_path / "typo.csv", rows)
    with pytest.raises(InputError, match=r"ontbreekt .*; is 'formulierdatun' een tikfout\?"):
        run_batch(FormId.EINDEVALUATIE, sheet, tmp_path / "out", "docx", workers=1)
    rows[0][1] = "formulierdatum"
    rows[0].append("casemanager_functe")  # an optional column with a typo: a warning
    rows[1].append("HR")
    sheet = _write(tmp_path / "typo.csv", rows)
    result = run_batch(FormId.EINDEVALUATIE, sheet, tmp_path / "out", "docx", workers=1)
    assert result.rows_ok == 1
    warnings = "\n".join(result.warnings)
    assert "'casemanager_functe' is onbekend; bedoelt u 'casemanager_functie'?" in warnings
    assert "'opmerkingen' is onbekend en wordt niet gebruikt" in warnings


def test_missing_required_column_lists_found_and_accepted_names(tmp_path: Path) -> None:
    rows = _eind_rows(PEOPLE_HEADERS)
    del rows[0][2], rows[1][2]  # no eerste ziektedag
    sheet = _write(tmp_path / "mist.csv", rows)
    with pytest.raises(InputError) as exc:
        run_batch(FormId.EINDEVALUATIE, sheet, tmp_path / "out", "docx", workers=1)
    message = str(exc.value)
    assert "de verplichte kolom 'eerste_ziektedag' ontbreekt" in message
    assert "'1e ziektedag'" in message  # an accepted name
    assert "gevonden kolommen: 'dossier', 'formulierdatum', 'werknemer_naam'" in message


def test_signalering_reads_people_headers_and_keeps_the_name(
    tmp_path: Path, run_cli: RunCli
) -> None:
    p = tmp_path / "zaken.csv"
    p.write_text(
        "Dossiernr;Naam werknemer;BSN;1e ziektedag;Afdeling\n"
        "Z1;Jan Jansen;123456782;2026-01-01;Verkoop\n",
        encoding="utf-8",
    )
    code, out, err = run_cli("signalering", str(p), "--peildatum", "2026-03-01", "--format", "json")
    assert code == 0, err
    case = json.loads(out)["zaken"][0]
    assert case["naam"] == "Jan Jansen" and case["dossier"] == "Z1"
    assert "waarschuwing:" in err and "'afdeling' is onbekend" in err


def test_signalering_warns_about_a_name_column_it_cannot_use(
    tmp_path: Path, run_cli: RunCli
) -> None:
    p = tmp_path / "zaken.csv"
    p.write_text("dossier;Naamm;eerste_ziektedag\nZ1;Jan;2026-01-01\n", encoding="utf-8")
    code, _out, err = run_cli(
        "signalering", str(p), "--peildatum", "2026-03-01", "--format", "json"
    )
    assert code == 0
    assert "'naamm' is onbekend; bedoelt u 'naam'?" in err


def test_signalering_missing_column_lists_found_and_accepted(
    tmp_path: Path, run_cli: RunCli
) -> None:
    p = tmp_path / "zaken.csv"
    p.write_text("dossier;naam;start\nZ1;Jan;2026-01-01\n", encoding="utf-8")
    code, _out, err = run_cli("signalering", str(p), "--peildatum", "2026-03-01")
    assert code == 2
    assert "gevonden kolommen: 'dossier', 'naam', 'start'" in err and "'1e ziektedag'" in err


@given(st.sampled_from([*CASE_ALIASES.items(), *FORM_ALIASES.items()]), st.data())
def test_aliases_ignore_case_spaces_accents_and_punctuation(item: Any, data: Any) -> None:
    column, aliases = item
    name = data.draw(st.sampled_from([column, *aliases]))
    noisy = data.draw(
        st.sampled_from(
            [name.upper(), f"  {name} ", name.replace(" ", "_"), f"{name}:", name.replace("e", "é")]
        )
    )
    table = CASE_ALIASES if (column, aliases) in CASE_ALIASES.items() else FORM_ALIASES
    assert alias_map(table)[fold(noisy)] == column or fold(noisy) in {
        fold(a) for other, names in table.items() if other != column for a in (other, *names)
    }


def test_every_alias_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    readme = readme.split("##### Kolomnamen", 1)[1].split("\n### ", 1)[0]
    for table in (CASE_ALIASES, FORM_ALIASES):
        for column, aliases in table.items():
            row = next(line for line in readme.splitlines() if line.startswith(f"| `{column}` |"))
            assert all(a in row for a in aliases), column
