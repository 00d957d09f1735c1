"""Form generation: the six UWV forms as DOCX (docxtpl) and PDF (weasyprint).

Library use::

    from poortwachter.generate import render_form, run_batch
    data = {...}  # nested, like samples/forms/plan_van_aanpak.yaml
    docx_bytes = render_form("plan_van_aanpak", data, "docx")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from poortwachter.support.lazy import lazy_exports

if TYPE_CHECKING:
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

#: The names above are imported on first use, so that importing a module of this package
#: (the command line does) does not load weasyprint's, docxtpl's and jinja's users.
_EXPORTS = {
    "FORMS": "poortwachter.forms",
    "FormSpec": "poortwachter.forms",
    "form_spec": "poortwachter.forms",
    "BatchResult": "poortwachter.generate.batch",
    "run_batch": "poortwachter.generate.batch",
    "build_context": "poortwachter.generate.context",
    "validate_form": "poortwachter.generate.context",
    "OutputFormat": "poortwachter.generate.render",
    "render_document": "poortwachter.generate.render",
    "render_form": "poortwachter.generate.render",
    "write_form": "poortwachter.generate.write",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
