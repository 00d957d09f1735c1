"""The declarations in uwv.css that are there for speed, against the house style without
them: the same forms (pypdf text and pages; pdftoppm pixels where poppler is installed)."""

from __future__ import annotations

import shutil
from copy import deepcopy
from pathlib import Path
from typing import Any

import pytest

from generate_helpers import page_pngs, pdf_pages, sample
from poortwachter.domain.vocabulary import FormId
from poortwachter.forms import FORMS, form_spec
from poortwachter.generate.context import build_context, validate_form
from poortwachter.generate.pdf import CSS_NAME, PdfRenderer
from poortwachter.generate.template_files import bundled_templates_dir

#: (declaration as written in uwv.css, what the forms look like without it)
SPEED_ONLY = {
    "header": ("padding-bottom: 4mm; width: 100%; }", "padding-bottom: 4mm; }"),
    "data tables": ("table.gegevens { table-layout: fixed; }", ""),
}


def _render(renderer: PdfRenderer, form: FormId, data: dict[str, Any]) -> bytes:
    spec = form_spec(form)
    return renderer.render(spec.html_template, build_context(spec, validate_form(form, data)))


def _cases() -> list[tuple[str, FormId, dict[str, Any]]]:
    cases = [(f.value, f, sample(f)) for f in FORMS]
    long_header = deepcopy(sample(FormId.PLAN_VAN_AANPAK))  # the running header wraps
    long_header["werknemer"]["naam"] = "Alexandra Wilhelmina " * 6 + "van Oldenbarnevelt"
    cases.append(("long header", FormId.PLAN_VAN_AANPAK, long_header))
    return cases


@pytest.mark.parametrize("which", list(SPEED_ONLY))
@pytest.mark.parametrize(("name", "form", "data"), _cases(), ids=[c[0] for c in _cases()])
def test_speed_declarations_do_not_change_the_forms(
    which: str, name: str, form: FormId, data: dict[str, Any], tmp_path: Path
) -> None:
    shipped = (bundled_templates_dir() / CSS_NAME).read_text("utf-8")
    written, without = SPEED_ONLY[which]
    assert shipped.count(written) == 1
    (tmp_path / CSS_NAME).write_text(shipped.replace(written, without), "utf-8")
    fast = _render(PdfRenderer(), form, data)
    plain = _render(PdfRenderer(tmp_path), form, data)
    assert pdf_pages(fast) == pdf_pages(plain)
    if shutil.which("pdftoppm"):
        assert page_pngs(fast, tmp_path / "fast") == page_pngs(plain, tmp_path / "plain")
