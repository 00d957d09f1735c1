"""Build the form templates (``templates/uwv/<form>.docx`` and ``.html``) from each form's
layout (:attr:`poortwachter.forms.spec.FormSpec.layout`).

    python -m poortwachter.generate.template_build           # rewrites templates/uwv/
    python -m poortwachter.generate.template_build MAP       # writes them into MAP

One description gives both templates: a DOCX for docxtpl and an HTML for weasyprint (styled
by ``uwv.css``, which is written by hand). The bundled templates are committed because the
package reads them at run time, and a user may copy them as a starting point for a house
style; a test checks that they are this builder's output. The output is reproducible: the
same layout gives the same bytes.

Jinja in the templates: ``{{ field }}`` prints a value (autoescaped), ``{%tr %}`` repeats or
leaves out a table row in DOCX, ``{%p %}`` wraps a paragraph. Every variable is a field of
the form's schema (``poortwachter templates check`` verifies that).
"""

from __future__ import annotations

from pathlib import Path

from poortwachter.forms import FORMS, FormSpec
from poortwachter.generate.template_build.docx import build_docx
from poortwachter.generate.template_build.html import build_html
from poortwachter.generate.template_files import bundled_templates_dir

__all__ = ["build_all", "build_docx", "build_html"]


def build_all(out_dir: Path | None = None, forms: list[FormSpec] | None = None) -> list[Path]:
    """Write the DOCX and HTML template of every form (or of ``forms``) into ``out_dir``
    (default: the bundled templates folder); returns the paths written."""
    target = out_dir if out_dir is not None else bundled_templates_dir()
    target.mkdir(parents=True, exist_ok=True)
    specs = forms if forms is not None else list(FORMS.values())
    written: list[Path] = []
    for spec in specs:
        docx, html = target / spec.docx_template, target / spec.html_template
        docx.write_bytes(build_docx(spec))
        html.write_text(build_html(spec), encoding="utf-8")
        written += [docx, html]
    return written
