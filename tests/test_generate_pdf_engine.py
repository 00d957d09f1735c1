"""The fast paths of generate/pdf_engine.py against the weasyprint behaviour they replace."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generate_helpers import page_pngs, pdf_pages, sample
from poortwachter.domain.vocabulary import FormId
from poortwachter.forms import FORMS, form_spec
from poortwachter.generate import render_form
from poortwachter.generate.context import build_context, validate_form
from poortwachter.generate.pdf import CSS_NAME, PdfRenderer, pdf_renderer, safe_fetcher
from poortwachter.generate.pdf_engine import (
    LIST_ITEM_TAGS,
    UNUSED_PSEUDOS,
    css_makes_pseudos,
    lean_html_class,
    lean_ua_sheet,
)
from poortwachter.generate.template_files import bundled_templates_dir

#: Prints the shared libraries of weasyprint's that the process has mapped, as JSON.
_MAPPED = """
import json, re
libs = r"gobject-2\\.0|pango-1\\.0|pangoft2-1\\.0|harfbuzz|harfbuzz-subset|fontconfig"
names = re.compile(rf"lib({libs})\\.so")
with open("/proc/self/maps") as fh:
    found = sorted({line.split()[-1] for line in fh if names.search(line.split()[-1])})
print(json.dumps(found))
"""


def _run(code: str, tail: str = "") -> str:
    """The last line that ``code`` (then ``tail``) prints in a new interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code) + tail],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the short cut is for Linux")
def test_load_weasyprint_maps_the_same_libraries_as_the_plain_import() -> None:
    fast = _run(
        """
        import ctypes.util
        real = ctypes.util.find_library
        from poortwachter.generate.pdf_engine import load_weasyprint
        load_weasyprint()
        assert ctypes.util.find_library is real  # put back after the import
        import weasyprint.text.ffi as ffi
        assert ffi.pango is not None and ffi.fontconfig is not None
        """,
        _MAPPED,
    )
    plain = _run("import weasyprint\n", _MAPPED)
    assert json.loads(fast) == json.loads(plain)
    assert len(json.loads(plain)) >= 5


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the short cut is for Linux")
def test_load_weasyprint_falls_back_to_the_ordinary_import() -> None:
    """When the libraries cannot be opened without the search, the import is done again
    with it (here: every direct open fails while the short cut is on)."""
    out = _run(
        """
        import ctypes.util, cffi.api
        from poortwachter.generate import pdf_engine
        real_load, tries = cffi.api._load_backend_lib, []
        def load(backend, name, flags):
            if ctypes.util.find_library is pdf_engine._no_search:
                tries.append(name)
                raise OSError("not without the search")
            return real_load(backend, name, flags)
        cffi.api._load_backend_lib = load
        pdf_engine.load_weasyprint()
        import weasyprint.text.ffi as ffi
        from weasyprint import HTML
        assert tries and ffi.pango is not None
        print(len(HTML(string="<p>x</p>").write_pdf()) > 0)
        """
    )
    assert out == "True"


# --- the lean user-agent sheet -------------------------------------------------------------


def _html_of(form: FormId) -> tuple[PdfRenderer, str]:
    spec = form_spec(form)
    renderer = pdf_renderer()
    context = build_context(spec, validate_form(form, sample(form)))
    return renderer, renderer.html(spec.html_template, context)


def _full_ua_pdf(renderer: PdfRenderer, source: str) -> bytes:
    """The PDF the way weasyprint makes it by itself (its own ``HTML``, full sheet)."""
    from weasyprint import HTML

    document = HTML(string=source, base_url=renderer.base_url, url_fetcher=safe_fetcher())
    pdf: bytes = document.write_pdf(stylesheets=[renderer.css], font_config=renderer.font_config)
    return pdf


@pytest.mark.parametrize("form", list(FORMS))
def test_lean_sheet_gives_the_same_pdf_as_weasyprint_itself(form: FormId, tmp_path: Path) -> None:
    renderer, source = _html_of(form)
    lean = render_form(form, sample(form), "pdf")
    full = _full_ua_pdf(renderer, source)
    assert renderer._html_class is lean_html_class()  # the fast path is the one taken
    assert pdf_pages(lean) == pdf_pages(full)  # text and number of pages
    if shutil.which("pdftoppm"):  # and the look, page by page
        assert page_pngs(lean, tmp_path / "lean") == page_pngs(full, tmp_path / "full")


#: Every element and attribute the bundled templates use, and some they might.
_ALL_ELEMENTS = """<!DOCTYPE html><html lang="nl">
<head><meta charset="utf-8"><title>t</title></head>
<body><div class="kop"><span class="kop-titel">K</span></div><h1>A</h1><h2>B</h2><h3>C</h3>
<p class="intro">x <strong>y</strong> <b>b</b> <em>e</em> <i>i</i> <small>s</small><br>z</p>
<table class="gegevens"><tr><th>k</th><td>v</td></tr></table>
<table class="lijst"><thead><tr><th>a</th></tr></thead><tbody><tr><td class="h">b</td></tr>
</tbody></table><blockquote>q</blockquote><pre>p</pre><hr><a href="#x">l</a></body></html>"""


def test_lean_sheet_computes_the_same_style_for_every_element() -> None:
    """Every property of every element (and its ::before/::after) as with the full sheet."""
    from weasyprint import HTML
    from weasyprint.css import get_all_computed_styles
    from weasyprint.css.properties import INITIAL_VALUES

    renderer = pdf_renderer()
    styles = []
    for cls in (HTML, lean_html_class()):
        document = cls(string=_ALL_ELEMENTS, base_url=renderer.base_url)
        style_for = get_all_computed_styles(
            document, user_stylesheets=[renderer.css], font_config=renderer.font_config
        )
        seen = {}
        for index, element in enumerate(document.etree_element.iter()):
            for pseudo in (None, "before", "after", "first-line", "first-letter"):
                style = style_for(element, pseudo)
                if style is not None:
                    seen[(index, element.tag, pseudo)] = {
                        name: repr(style[name]) for name in INITIAL_VALUES
                    }
        styles.append(seen)
    full, lean = styles
    assert full.keys() == lean.keys() and len(full) > 30
    assert full == lean


def test_lean_sheet_leaves_out_only_the_pseudo_element_rules() -> None:
    from weasyprint import HTML
    from weasyprint.html import UA

    (full,) = HTML._ua_stylesheets(None)
    lean = lean_html_class()(string="<p>x</p>")._ua_stylesheets()[0]
    assert lean is not full and lean.page_rules is full.page_rules  # shared, not parsed again
    for kind, selectors in vars(full.matcher).items():
        if kind != "other_selectors":
            assert getattr(lean.matcher, kind) is selectors
    gone = [e for e in full.matcher.other_selectors if e not in lean.matcher.other_selectors]
    assert sorted(e[3] for e in gone) == sorted(UNUSED_PSEUDOS)
    assert len(lean.matcher.other_selectors) == len(full.matcher.other_selectors) - len(gone)
    # those are the sheet's rules that are nothing but ::marker, ::footnote-call, ...
    pseudo_only = [line for line in UA.splitlines() if line.startswith("::")]
    assert sorted(line.partition(" ")[0][2:] for line in pseudo_only) == sorted(UNUSED_PSEUDOS)
    # the only elements the full sheet makes list items of are the ones the guard looks for
    list_items = re.findall(r"^([^{]*)\{[^}]*display:\s*list-item", UA, flags=re.M)
    assert {s.strip() for s in ",".join(list_items).split(",")} == set(LIST_ITEM_TAGS)


def test_no_lean_sheet_from_a_sheet_built_otherwise() -> None:
    class Odd:
        matcher = object()

    assert lean_ua_sheet(Odd()) is None


@pytest.mark.parametrize(
    ("body", "fits"),
    [
        ("<p>gewoon</p><table><tr><td>x</td></tr></table>", True),
        ("<ul><li>een</li><li>twee</li></ul>", False),
        ('<p style="display: list-item">x</p>', False),
        ("<style>p { float: footnote }</style><p>x</p>", False),
        ('<link rel="stylesheet" href="extra.css"><p>x</p>', False),
    ],
)
def test_documents_with_list_items_or_own_css_get_the_full_sheet(body: str, fits: bool) -> None:
    document = lean_html_class()(string=f"<html><body>{body}</body></html>")
    assert document.lean_ua is fits
    if not fits:  # list markers and footnotes as weasyprint makes them
        from weasyprint import HTML

        plain = HTML(string=f"<html><body>{body}</body></html>")
        assert pdf_pages(document.write_pdf()) == pdf_pages(plain.write_pdf())


@pytest.mark.parametrize(
    ("css", "makes"),
    [
        (None, False),  # the bundled uwv.css
        ("p { color: red } table { width: 100% }", False),
        ("li.x { display: list-item }", True),
        ("@media print { p { display: inline LIST-ITEM } }", True),
        ("p { float: footnote }", True),
        ("p { position: note(kant) }", True),
        ('@import "andere.css";', True),
    ],
)
def test_author_css_that_makes_list_items_gets_the_full_sheet(css: str | None, makes: bool) -> None:
    text = (bundled_templates_dir() / CSS_NAME).read_text("utf-8") if css is None else css
    assert css_makes_pseudos(text) is makes
