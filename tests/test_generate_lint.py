"""The template linter: unknown variables, unused required fields, tags split over runs."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx import Document

from generate_helpers import FIXTURES
from poortwachter.generate.lint import lint_templates
from poortwachter.generate.template_files import bundled_templates_dir


def _messages(directory: Path, name: str) -> list[str]:
    return [p.message for p in lint_templates(directory) if p.template.endswith(name)]


def test_bundled_templates_are_clean() -> None:
    assert lint_templates() == []


def test_html_fixture_with_undeclared_variables() -> None:
    messages = _messages(FIXTURES / "lint_bad", "plan_van_aanpak.html")
    unknown = [m for m in messages if "kent dat veld niet" in m]
    assert any("'werknemer.bsnn'" in m for m in unknown)
    assert any("'telefoon'" in m for m in unknown)
    assert any("'activiteiten[].kosten'" in m for m in unknown)
    assert not any("'label'" in m or "'loop" in m for m in messages)  # set / loop are fine
    missing = [m for m in messages if "komt nergens in het sjabloon voor" in m]
    assert any("'werknemer.bsn'" in m for m in missing)
    assert any("'visie_werknemer'" in m for m in missing)
    assert any("'ondertekenaars[].naam'" in m for m in missing)
    assert not any("'einddoel'" in m or "'activiteiten[].wat'" in m for m in missing)
    # the other templates in use come from the bundled set and stay clean
    assert all(
        p.template.endswith("plan_van_aanpak.html") for p in lint_templates(FIXTURES / "lint_bad")
    )


def _docx_with(tmp_path: Path, runs: list[str]) -> Path:
    """Copy of the bundled plan van aanpak with one extra paragraph made of ``runs``."""
    source = bundled_templates_dir() / "plan_van_aanpak.docx"
    doc = Document(str(source))
    para = doc.add_paragraph()
    for text in runs:
        para.add_run(text)
    target = tmp_path / "plan_van_aanpak.docx"
    doc.save(str(target))
    return target


def test_docx_undeclared_variable(tmp_path: Path) -> None:
    _docx_with(tmp_path, ["Telefoon: {{ werknemer.telefoon }}"])
    messages = _messages(tmp_path, "plan_van_aanpak.docx")
    assert len(messages) == 1
    assert "'werknemer.telefoon'" in messages[0] and "kent dat veld niet" in messages[0]


def test_docx_tag_split_over_runs(tmp_path: Path) -> None:
    _docx_with(tmp_path, ["Visie: {{ visie_", "werknemer }} en {", "{ einddoel }}"])
    messages = _messages(tmp_path, "plan_van_aanpak.docx")
    split = [m for m in messages if "meerdere Word-tekstdelen" in m]
    assert len(split) == 2
    assert "{{ visie_werknemer }}" in split[0]


def test_docx_syntax_error_and_unknown_folder(tmp_path: Path) -> None:
    _docx_with(tmp_path, ["{% if einddoel %} zonder einde"])
    assert any("fout in de Jinja-code" in m for m in _messages(tmp_path, "plan_van_aanpak.docx"))
    assert lint_templates(tmp_path / "bestaat-niet")[0].message == "map niet gevonden"
    empty = tmp_path / "leeg"
    empty.mkdir()
    assert "bevat geen sjablonen" in lint_templates(empty)[0].message


def test_copy_of_bundled_set_is_clean(tmp_path: Path) -> None:
    copy = tmp_path / "huisstijl"
    shutil.copytree(bundled_templates_dir(), copy)
    assert lint_templates(copy) == []
