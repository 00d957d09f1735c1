"""The click commands generate, batch and templates (in a throwaway group)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generate_helpers import FIXTURES, REPO, docx_text, pdf_pages, sample
from poortwachter.cli.generate import batch, generate, templates
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.generate.template_files import bundled_templates_dir


@pytest.fixture
def cli() -> click.Group:
    group = click.Group("poortwachter")
    for command in (generate, batch, templates):
        group.add_command(command)
    return group


def _run(cli: click.Group, args: list[str]) -> tuple[object, str, str]:
    result = CliRunner().invoke(cli, args, standalone_mode=False, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, InputError):
        raise result.exception
    value = result.exception if result.exception is not None else result.return_value
    return value, result.stdout, result.stderr


@pytest.mark.parametrize("form", list(FormId))
def test_generate_both_formats(cli: click.Group, form: FormId, tmp_path: Path) -> None:
    data = REPO / "samples" / "forms" / f"{form.value}.yaml"
    code, out, _err = _run(
        cli, ["generate", form.value, "--data", str(data), "--out", str(tmp_path)]
    )
    assert code == 0
    written = sorted(tmp_path.iterdir())
    assert [p.suffix for p in written] == [".docx", ".pdf"]
    assert all(str(p) in out for p in written)


def test_generate_from_json_and_refuses_to_overwrite(cli: click.Group, tmp_path: Path) -> None:
    data = tmp_path / "zaak.json"
    data.write_text(json.dumps(sample(FormId.EINDEVALUATIE), default=str), "utf-8")
    out = tmp_path / "out"
    args = ["generate", "eindevaluatie", "--data", str(data), "--out", str(out), "--format", "docx"]
    assert _run(cli, args)[0] == 0
    [target] = out.iterdir()
    target.write_bytes(b"niet aankomen")
    error, _o, _e = _run(cli, args)
    assert isinstance(error, InputError) and "bestaat al" in str(error)
    assert target.read_bytes() == b"niet aankomen"
    assert _run(cli, [*args, "--overwrite"])[0] == 0
    assert "Ondertekening" in docx_text(target.read_bytes())["body"]


def test_generate_bad_input_names_the_field(cli: click.Group, tmp_path: Path) -> None:
    data = tmp_path / "zaak.yaml"
    data.write_text("formulierdatum: 2026-02-20\neerste_ziektedag: 2026-01-05\n", "utf-8")
    error, _o, _e = _run(cli, ["generate", "plan_van_aanpak", "--data", str(data)])
    assert isinstance(error, InputError)
    assert f"{data}, veld 'werknemer'" in str(error) and "veld 'einddoel'" in str(error)
    error, _o, _e = _run(cli, ["generate", "plan_van_aanpak", "--data", str(tmp_path / "x.yaml")])
    assert isinstance(error, InputError) and "niet gevonden" in str(error)


def test_generate_with_house_style(cli: click.Group, tmp_path: Path) -> None:
    style = tmp_path / "huisstijl"
    style.mkdir()
    css = (bundled_templates_dir() / "uwv.css").read_text("utf-8")
    (style / "uwv.css").write_text(css + "\nh1::after { content: ' HUISSTIJL'; }\n", "utf-8")
    data = REPO / "samples" / "forms" / "probleemanalyse.yaml"
    out = tmp_path / "out"
    args = [
        "generate",
        "probleemanalyse",
        "--data",
        str(data),
        "--out",
        str(out),
        "--format",
        "pdf",
        "--templates",
        str(style),
    ]
    assert _run(cli, args)[0] == 0
    [pdf] = out.iterdir()
    assert "HUISSTIJL" in "".join(pdf_pages(pdf.read_bytes()))


def test_batch_exit_code_and_summary(cli: click.Group, tmp_path: Path) -> None:
    sheet = REPO / "samples" / "batch_plan_van_aanpak.xlsx"
    code, out, err = _run(
        cli,
        [
            "batch",
            "plan_van_aanpak",
            str(sheet),
            "--out",
            str(tmp_path),
            "--format",
            "docx",
            "--workers",
            "1",
        ],
    )
    assert code == 1
    assert out.strip() == "19 formulieren gemaakt, 0 overgeslagen (bestonden al), 1 rij met fouten"
    assert "rij 13, kolom E (werknemer_bsn)" in err and "foutrapport_plan_van_aanpak" in err
    error, _o, _e = _run(
        cli,
        [
            "batch",
            "plan_van_aanpak",
            str(sheet),
            "--out",
            str(tmp_path),
            "--pattern",
            "../{werknemer}",
        ],
    )
    assert isinstance(error, InputError) and "'..'" in str(error)


def test_templates_list_and_check(cli: click.Group, tmp_path: Path) -> None:
    code, out, _e = _run(cli, ["templates", "list"])
    assert code == 0
    assert all(f.value in out for f in FormId) and "meegeleverd" in out
    code, out, _e = _run(cli, ["templates", "list", "--velden"])
    assert code == 0 and "* werknemer_bsn" in out and "* visie_werknemer" in out
    assert "blad 'activiteiten' met kolom dossier" in out
    code, out, _e = _run(cli, ["templates", "check"])
    assert code == 0 and "in orde" in out
    bad = tmp_path / "bad"
    shutil.copytree(FIXTURES / "lint_bad", bad)
    code, out, _e = _run(cli, ["templates", "check", str(bad)])
    assert code == 2
    assert "werknemer.bsnn" in out and "problemen gevonden" in out


def test_templates_check_says_which_font_subsetter_is_active(cli: click.Group) -> None:
    from poortwachter.generate.pdf import font_subsetter

    code, out, _err = _run(cli, ["templates", "check"])
    assert code == 0
    line = out.strip().splitlines()[-1]
    assert line == f"Lettertypen in PDF worden ingekort met: {font_subsetter()}"
    assert "HarfBuzz" in line or "fontTools" in line
