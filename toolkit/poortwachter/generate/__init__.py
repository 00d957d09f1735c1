"""Form generation: the six UWV forms as DOCX (docxtpl) and PDF (weasyprint).

Library use::

    from poortwachter.generate import render_form, run_batch
    data = {...}  # nested, like samples/forms/plan_van_aanpak.yaml
    docx_bytes = render_form("plan_van_aanpak", data, "docx")
"""

from __future__ import annotations

from poortwachter.forms import FORMS, FormSpec, form_spec
from poortwachter.generate.batch import BatchResult, run_batch
from poortwachter.generate.context import build_context, validate_form
from poortwachter.generate.render import OutputFormat, render_document, render_form
from poortwachter.generate.write import write_form

__all__ = [
    "FORMS",
    "BatchResult",
    "FormSpec",
    "OutputFormat",
    "build_context",
    "form_spec",
    "render_document",
    "render_form",
    "run_batch",
    "validate_form",
    "write_form",
]
