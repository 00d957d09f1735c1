"""The forms registry: one module per FormId, a loud failure for a missing one, and adding
a form takes exactly the three files docs/ARCHITECTURE.md names."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from docx import Document
from pypdf import PdfReader

from generate_helpers import REPO
from poortwachter.domain.vocabulary import FormId
from poortwachter.forms import FORMS, _load
from poortwachter.forms.layout import FieldTable, ListTable, Question, Signatures, TextBlock
from poortwachter.schemas.paths import schema_paths

FORMS_DIR = REPO / "toolkit" / "poortwachter" / "forms"
#: The modules of forms/ that are not a form.
INFRASTRUCTURE = {"__init__", "spec", "layout"}


def test_every_module_in_forms_is_a_form_id_and_every_id_has_its_module() -> None:
    modules = {p.stem for p in FORMS_DIR.glob("*.py")} - INFRASTRUCTURE
    assert modules == {f.value for f in FormId}
    assert list(FORMS) == list(FormId)
    assert all(spec.id is form for form, spec in FORMS.items())


def test_a_form_id_without_its_module_fails_loudly() -> None:
    with pytest.raises(RuntimeError, match=r"poortwachter/forms/bestaat_niet\.py ontbreekt"):
        _load(SimpleNamespace(value="bestaat_niet"))  # type: ignore[arg-type]


def _expressions(part: object) -> list[str]:
    if isinstance(part, FieldTable):
        return [row[1] for row in part.rows]
    if isinstance(part, TextBlock):
        return [part.expr]
    if isinstance(part, Question):
        return [part.answer] + ([part.explanation] if part.explanation else [])
    if isinstance(part, ListTable):
        return [part.name]
    return []


@pytest.mark.parametrize("form", list(FormId), ids=lambda f: f.value)
def test_the_layout_shows_fields_of_the_schema_and_ends_with_the_signatures(
    form: FormId,
) -> None:
    spec = FORMS[form]
    fields = set(schema_paths(spec.schema))
    shown = [e.split("|")[0] for part in spec.layout for e in _expressions(part)]
    assert shown and [e for e in shown if e not in fields] == []
    assert isinstance(spec.layout[-1], Signatures)
    assert sum(isinstance(p, Signatures) for p in spec.layout) == 1
    assert spec.signers, "een formulier zonder ondertekenaars"


NEW_FORM = '''"""A form made in a test: the three files of docs/ARCHITECTURE.md."""

from poortwachter.domain.vocabulary import FormId
from poortwachter.forms.layout import ADMIN, Heading, Signatures, TextBlock
from poortwachter.forms.spec import FormSpec
from poortwachter.schemas.fields import REQUIRED_TEXT
from poortwachter.schemas.form_parts import COMMON_SCHEMA, SignerRole

SPEC = FormSpec(
    id=FormId.VOORTGANGSVERSLAG,
    title="Voortgangsverslag",
    description="Hoe de re-integratie verloopt (elke zes weken)",
    intro="Voortgangsverslag van werkgever en werknemer.",
    schema={**COMMON_SCHEMA, "voortgang": REQUIRED_TEXT},
    signers=(SignerRole.WERKGEVER,),
    layout=(
        *ADMIN,
        Heading("2. Voortgang"),
        TextBlock("Hoe gaat het met de re-integratie?", "voortgang"),
        Signatures("3. Ondertekening"),
    ),
)
'''


@pytest.mark.slow
def test_adding_a_form_takes_three_files(tmp_path: Path) -> None:
    """In a copy of the package: the id, the form module and the sample, then the templates
    built by ``make templates``'s module; ``generate`` makes the new form as DOCX and PDF."""
    root = tmp_path / "kopie"
    shutil.copytree(
        REPO / "toolkit", root / "toolkit", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(REPO / "templates", root / "templates")
    shutil.copytree(REPO / "checklists", root / "checklists")
    vocabulary = root / "toolkit" / "poortwachter" / "domain" / "vocabulary.py"
    text = vocabulary.read_text("utf-8")
    anchor = '    RIV_FORMULIER = "riv_formulier"\n'
    assert text.count(anchor) == 2  # DocumentKind and FormId: add it to FormId (the last)
    head, tail = text.rsplit(anchor, 1)
    vocabulary.write_text(
        head + anchor + '    VOORTGANGSVERSLAG = "voortgangsverslag"\n' + tail, "utf-8"
    )  # 1
    (root / "toolkit" / "poortwachter" / "forms" / "voortgangsverslag.py").write_text(
        NEW_FORM, "utf-8"
    )  # 2
    sample = (REPO / "samples" / "forms" / "eindevaluatie.yaml").read_text("utf-8")
    admin = sample.split("resultaten:")[0]
    data = root / "samples" / "forms" / "voortgangsverslag.yaml"
    data.parent.mkdir(parents=True)
    data.write_text(
        admin + "voortgang: Werknemer werkt 12 uur in aangepast werk.\n"
        "ondertekenaars:\n  - naam: Jeroen van Dam\n    functie: Directeur\n"
        "    datum: 2027-09-27\n    rol: werkgever\n",
        "utf-8",
    )  # 3
    env = {**os.environ, "PYTHONPATH": str(root / "toolkit")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    built = run("-m", "poortwachter.generate.template_build", "templates/uwv")
    assert built.returncode == 0, built.stderr
    assert "voortgangsverslag.docx" in built.stdout
    checked = run("-m", "poortwachter", "templates", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    made = run(
        "-m",
        "poortwachter",
        "generate",
        "voortgangsverslag",
        "--data",
        str(data),
        "--out",
        "uit",
        "--format",
        "both",
    )
    assert made.returncode == 0, made.stderr
    docx = next((root / "uit").glob("*.docx"))
    pdf = next((root / "uit").glob("*.pdf"))
    paragraphs = "\n".join(p.text for p in Document(io.BytesIO(docx.read_bytes())).paragraphs)
    assert "Voortgangsverslag" in paragraphs
    assert "Werknemer werkt 12 uur in aangepast werk." in paragraphs
    pdf_text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Hoe gaat het met de re-integratie?" in pdf_text
    assert "Sanne de Vries" in pdf_text
