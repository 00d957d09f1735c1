"""The committed templates are the builder's output, and the compiled DOCX renderer
(which uses docxtpl internals) writes what plain docxtpl writes."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from docxtpl import DocxTemplate
from lxml import etree

from generate_helpers import REPO
from poortwachter.domain.vocabulary import FormId
from poortwachter.forms import form_spec
from poortwachter.generate.context import build_context, validate_form
from poortwachter.generate.docx import make_environment, render_docx
from poortwachter.generate.template_files import find_template

TEMPLATES = REPO / "templates" / "uwv"
BUILT = (".docx", ".html")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``python -m poortwachter.generate.template_build DIR`` as a new process: what it
    writes."""
    out = tmp_path_factory.mktemp("bouw")
    subprocess.run(
        [sys.executable, "-m", "poortwachter.generate.template_build", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out


def _parts(docx: Path | bytes) -> dict[str, bytes]:
    """The members of a DOCX (a file or its bytes) by name."""
    with zipfile.ZipFile(io.BytesIO(docx) if isinstance(docx, bytes) else docx) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def test_committed_templates_are_the_builders_output(rebuilt: Path) -> None:
    built = sorted(p.name for p in rebuilt.iterdir() if p.suffix in BUILT)
    committed = sorted(p.name for p in TEMPLATES.iterdir() if p.suffix in BUILT)
    assert built == committed, "run: make templates"
    for name in built:
        if name.endswith(".html"):
            same = (rebuilt / name).read_bytes() == (TEMPLATES / name).read_bytes()
        else:
            same = _parts(rebuilt / name) == _parts(TEMPLATES / name)
        assert same, f"{name} differs from the builder's output: run make templates and commit it"


def _canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


@pytest.mark.parametrize("form", list(FormId), ids=lambda f: f.value)
def test_compiled_docx_equals_plain_docxtpl(form: FormId) -> None:
    spec = form_spec(form)
    data = yaml.safe_load((REPO / "samples" / "forms" / f"{form.value}.yaml").read_text("utf-8"))
    context = build_context(spec, validate_form(form, data))
    template = find_template(spec.docx_template)

    ours = _parts(render_docx(template, context))
    plain_tpl = DocxTemplate(str(template))
    plain_tpl.render(context, jinja_env=make_environment(), autoescape=True)
    buffer = io.BytesIO()
    plain_tpl.save(buffer)
    plain = _parts(buffer.getvalue())

    assert sorted(ours) == sorted(plain)
    xml_parts = [n for n in plain if n.endswith(".xml") and n != "docProps/core.xml"]
    assert "word/document.xml" in xml_parts
    for name in xml_parts:  # core.xml: python-docx stamps the save time
        assert _canonical(ours[name]) == _canonical(plain[name]), name
    assert data["werknemer"]["naam"].encode() in ours["word/document.xml"] + b"".join(
        v for k, v in ours.items() if k.startswith("word/header")
    )
