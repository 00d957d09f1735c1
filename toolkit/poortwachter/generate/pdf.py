"""PDF rendering with weasyprint from the HTML/CSS templates.

* The HTML template is Jinja (sandboxed, autoescaped, strict undefined), compiled once per
  process; ``uwv.css`` is parsed once per process, with one font configuration.
* A document without list items, footnotes and notes gets weasyprint's user-agent sheet
  without the rules for their pseudo-elements (:mod:`poortwachter.generate.pdf_engine`):
  the same PDF, about 12 ms less work per document.
* weasyprint fetches nothing but files inside the templates folder(s): no network, no
  ``file://`` elsewhere (:class:`SafeFetcher`). ``data:`` URLs are allowed (they carry their
  own content). Fonts are named by family (DejaVu Sans) and found by fontconfig.
* weasyprint is imported inside the functions (it takes most of a second), through
  :func:`~poortwachter.generate.pdf_engine.load_weasyprint` (without its slow library search).
"""

from __future__ import annotations

import atexit
import mimetypes
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jinja2 import Template, TemplateError

from poortwachter.errors import InputError
from poortwachter.generate.docx import make_environment, template_error
from poortwachter.generate.pdf_engine import css_makes_pseudos, lean_html_class, load_weasyprint
from poortwachter.generate.template_files import bundled_templates_dir
from poortwachter.generate.template_safety import (
    ConfinedLoader,
    data_url_problem,
    render_limited,
)

CSS_NAME = "uwv.css"
#: Largest asset (image, stylesheet) a template may load (bytes).
MAX_ASSET_BYTES = 5 * 1024 * 1024
#: Longest inline ``data:`` URL (image, font) weasyprint decodes (characters).
MAX_DATA_URL_CHARS = 5 * 1024 * 1024


def _allowed_roots(templates_dir: Path | None) -> tuple[Path, ...]:
    roots = [bundled_templates_dir().resolve()]
    if templates_dir is not None:
        roots.insert(0, Path(templates_dir).resolve())
    return tuple(roots)


def check_url(url: str, roots: Sequence[Path]) -> Path | None:
    """The local file a URL may be served from, or None when it must not be fetched.

    Only ``file:`` URLs that resolve (symlinks followed) to a file inside one of ``roots``
    are allowed; everything else (http, https, ftp, other files) is refused.
    """
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    try:
        target = Path(unquote(parts.path)).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    for root in roots:
        if target.is_relative_to(root) and target.is_file():
            return target
    return None


_FETCHER_CLASS: type | None = None


def safe_fetcher(templates_dir: Path | None = None) -> Any:
    """A weasyprint URL fetcher that serves only files inside the template folders."""
    global _FETCHER_CLASS
    if _FETCHER_CLASS is None:
        load_weasyprint()
        from weasyprint.urls import URLFetcher, URLFetcherResponse

        class SafeFetcher(URLFetcher):  # type: ignore[misc]
            def __init__(self, roots: tuple[Path, ...]) -> None:
                super().__init__(timeout=1, allowed_protocols=("file", "data"))
                self._roots = roots

            def fetch(self, url: str, headers: Any = None) -> Any:
                if url.startswith("data:"):
                    if len(url) > MAX_DATA_URL_CHARS:  # decoding costs ~10x its size
                        raise ValueError(f"een data:-URL van {len(url):,} tekens is te groot")
                    return super().fetch(url, headers)
                target = check_url(url, self._roots)
                if target is None:
                    raise ValueError(
                        f"poortwachter haalt '{url}' niet op (alleen sjabloonbestanden)"
                    )
                if target.stat().st_size > MAX_ASSET_BYTES:
                    raise ValueError(f"'{url}' is te groot")
                mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    target.as_uri(), target.read_bytes(), {"Content-Type": mime}
                )

        _FETCHER_CLASS = SafeFetcher
    return _FETCHER_CLASS(_allowed_roots(templates_dir))


class PdfRenderer:
    """Compiled HTML templates, one parsed stylesheet and font config for one template set."""

    def __init__(self, templates_dir: Path | None = None) -> None:
        """Templates from ``templates_dir`` first, then the bundled ones. Raises
        :class:`~poortwachter.errors.InputError` when the stylesheet is missing, too large or
        holds a too large ``data:`` URL."""
        load_weasyprint()
        from weasyprint import CSS, HTML
        from weasyprint.text.fonts import FontConfiguration

        self.templates_dir = Path(templates_dir) if templates_dir is not None else None
        roots = _allowed_roots(self.templates_dir)
        self._fetcher = safe_fetcher(self.templates_dir)
        self._env = make_environment()
        self._env.loader = ConfinedLoader(roots)  # no include from outside (symlinks)
        self._templates: dict[str, Template] = {}
        self.font_config = FontConfiguration()
        css_path = next((r / CSS_NAME for r in roots if (r / CSS_NAME).is_file()), None)
        if css_path is None:
            raise InputError(f"stijlblad {CSS_NAME} niet gevonden in {', '.join(map(str, roots))}")
        if css_path.stat().st_size > MAX_ASSET_BYTES:
            raise InputError(f"stijlblad {css_path}: groter dan {MAX_ASSET_BYTES // 2**20} MB")
        css_text = css_path.read_text(encoding="utf-8")
        problem = data_url_problem(css_text, MAX_DATA_URL_CHARS)
        if problem:
            raise InputError(f"stijlblad {css_path}: {problem}")
        #: the lean user-agent sheet only when the house style makes no list item/footnote
        self._html_class: type = HTML if css_makes_pseudos(css_text) else lean_html_class()
        self.css = CSS(
            string=css_text,
            base_url=css_path.as_uri(),
            url_fetcher=self._fetcher,
            font_config=self.font_config,
        )
        self.base_url = roots[0].as_uri() + "/"
        self._lock = threading.Lock()

    def template(self, name: str) -> Template:
        """The compiled template ``name`` (compiled on first use); raises
        :class:`~poortwachter.errors.InputError` when it cannot be loaded or compiled."""
        found = self._templates.get(name)
        if found is None:
            try:
                found = self._env.get_template(name)
            except TemplateError as exc:
                raise template_error(name, exc) from None
            self._templates[name] = found
        return found

    def html(self, name: str, context: Mapping[str, Any]) -> str:
        """The HTML of template ``name`` filled with ``context``, within the render limits."""
        return render_limited(self.template(name), context, name)

    def render(self, name: str, context: Mapping[str, Any]) -> bytes:
        """Render the HTML template ``name`` with ``context`` to PDF bytes."""
        source = self.html(name, context)
        problem = data_url_problem(source, MAX_DATA_URL_CHARS)
        if problem:  # weasyprint would decode it (and only warn when the fetcher refuses)
            raise InputError(f"sjabloon {name}: {problem}")
        with self._lock:  # weasyprint objects are not meant to be shared across threads
            document = self._html_class(
                string=source, base_url=self.base_url, url_fetcher=self._fetcher
            )
            pdf: bytes = document.write_pdf(stylesheets=[self.css], font_config=self.font_config)
        return pdf


_RENDERERS: dict[str, PdfRenderer] = {}


def pdf_renderer(templates_dir: Path | None = None) -> PdfRenderer:
    """The renderer for a template folder, created once per process."""
    key = str(Path(templates_dir).resolve()) if templates_dir is not None else ""
    found = _RENDERERS.get(key)
    if found is None:
        if not _RENDERERS:
            # weasyprint's FontConfiguration.__del__ fails during interpreter shutdown
            # (its C bindings are gone by then): drop the cached renderers before that.
            atexit.register(_RENDERERS.clear)
        found = _RENDERERS[key] = PdfRenderer(templates_dir)
    return found


def font_subsetter() -> str:
    """Which font subsetter weasyprint uses: HarfBuzz (the system library
    libharfbuzz-subset0, fast) or its fallback fontTools (about 4× slower per PDF)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # weasyprint warns when libharfbuzz-subset is absent
        load_weasyprint()
        from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    if harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0):
        return "HarfBuzz (libharfbuzz-subset0)"
    return (
        "fontTools (trager: installeer libharfbuzz-subset0, bijv. "
        "'apt-get install libharfbuzz-subset0')"
    )


def render_pdf(name: str, context: Mapping[str, Any], templates_dir: Path | None = None) -> bytes:
    """Render the HTML template ``name`` (e.g. ``plan_van_aanpak.html``) to PDF bytes."""
    return pdf_renderer(templates_dir).render(name, context)
