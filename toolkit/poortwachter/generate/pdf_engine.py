"""How :mod:`poortwachter.generate.pdf` drives weasyprint faster without changing its output.

* :func:`load_weasyprint`: the import without weasyprint's slow library search (Linux).
* :func:`lean_html_class`: an ``HTML`` whose user-agent stylesheet leaves out the rules for
  pseudo-elements that only list items, footnotes and notes have; used only for documents
  that have none of those (:func:`lean_ua_fits`), else the full sheet.

Both are checked against the library behaviour they replace in tests/test_generate_pdf_engine.py.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from typing import Any

_LOAD_LOCK = threading.Lock()


def load_weasyprint() -> None:
    """Import weasyprint (once per process), on Linux without its library search.

    weasyprint's cffi looks up each library under several names in turn
    (``libgobject-2.0-0``, ``gobject-2.0-0``, ``gobject-2.0``, ``libgobject-2.0.so.0``, ...)
    and asks :func:`ctypes.util.find_library` about every name; each miss runs ``ldconfig``,
    ``gcc`` and ``ld`` as subprocesses: about 20 misses, a quarter of a second of every
    process start. While ``find_library`` answers None, cffi opens the names that carry a
    soname (``libgobject-2.0.so.0``) directly: the dynamic linker's own search, the same
    libraries. Should that fail, the import is done again the ordinary way.
    """
    if "weasyprint" in sys.modules:
        return
    with _LOAD_LOCK:
        if "weasyprint" in sys.modules:
            return
        if sys.platform.startswith("linux"):
            import ctypes.util

            real = ctypes.util.find_library
            ctypes.util.find_library = _no_search
            try:
                import weasyprint
            except OSError:
                for name in [m for m in sys.modules if m.partition(".")[0] == "weasyprint"]:
                    del sys.modules[name]  # what was imported before the failure
            finally:
                ctypes.util.find_library = real
        import weasyprint  # noqa: F401  (done already, or the ordinary way)


def _no_search(name: str) -> None:
    return None


#: Pseudo-elements that weasyprint only makes for list items (``::marker``), elements with
#: ``float: footnote`` and elements with ``position: note()``. The user-agent sheet gives
#: them to every element (``::marker { ... }``), which costs a computed style per element
#: and pseudo-element in every document, also where no such box is ever made.
UNUSED_PSEUDOS = frozenset(
    {"marker", "footnote-call", "footnote-marker", "note-call", "note-marker", "note-callback"}
)
#: Elements the user-agent sheet makes list items of (``li { display: list-item }``).
LIST_ITEM_TAGS = frozenset({"li"})
#: Author CSS that makes list items, footnotes or notes (identifiers and functions).
_MAKES_PSEUDOS = frozenset({"list-item", "footnote", "note"})

_LEAN_CLASS: type | None = None


def lean_ua_text(ua_text: str) -> str:
    """The user-agent sheet without its top-level rules for :data:`UNUSED_PSEUDOS`; every
    other character as it was (the rules are cut out of the text, not written anew)."""
    import tinycss2

    lines = ua_text.splitlines(keepends=True)
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line))

    def offset(node: Any) -> int:
        return line_starts[int(node.source_line) - 1] + int(node.source_column) - 1

    nodes = tinycss2.parse_stylesheet(ua_text)
    cuts = []
    for i, node in enumerate(nodes):
        if node.type == "qualified-rule" and _only_unused_pseudos(node.prelude):
            end = offset(nodes[i + 1]) if i + 1 < len(nodes) else len(ua_text)
            cuts.append((offset(node), end))
    kept, at = [], 0
    for begin, end in cuts:
        kept.append(ua_text[at:begin])
        at = end
    kept.append(ua_text[at:])
    return "".join(kept)


def _only_unused_pseudos(prelude: list[Any]) -> bool:
    """Whether every selector of a rule is just ``::name`` with name in UNUSED_PSEUDOS."""
    import tinycss2

    text = tinycss2.serialize(prelude).strip()
    selectors = [s.strip() for s in text.split(",")]
    return all(s.startswith("::") and s[2:] in UNUSED_PSEUDOS for s in selectors)


def css_makes_pseudos(css_text: str) -> bool:
    """Whether an author stylesheet may make list items, footnotes or notes (or imports
    another sheet, which might): then the full user-agent sheet is needed."""
    import tinycss2

    def walk(tokens: Iterable[Any]) -> bool:
        for token in tokens:
            kind = getattr(token, "type", "")
            if kind == "at-rule" and token.lower_at_keyword == "import":
                return True
            if kind == "at-keyword" and token.lower_value == "import":
                return True
            if kind == "ident" and token.lower_value in _MAKES_PSEUDOS:
                return True
            if kind == "function" and token.lower_name in _MAKES_PSEUDOS:
                return True
            for part in ("prelude", "content", "arguments"):
                inner = getattr(token, part, None)
                if isinstance(inner, list) and walk(inner):
                    return True
        return False

    return walk(tinycss2.parse_stylesheet(css_text))


def lean_ua_fits(root: Any) -> bool:
    """Whether a parsed document (its etree root) has no list item, no ``style`` attribute
    and no ``<style>``/``<link>`` element (their CSS could make list items or footnotes)."""
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in LIST_ITEM_TAGS or tag in ("style", "link") or "style" in element.attrib:
            return False
    return True


def lean_html_class() -> type:
    """A subclass of ``weasyprint.HTML`` that uses the lean user-agent sheet when the parsed
    document fits it (:func:`lean_ua_fits`), else weasyprint's own (made once). weasyprint's
    ``HTML`` itself should its sheet not be where it was (another weasyprint version)."""
    global _LEAN_CLASS
    if _LEAN_CLASS is None:
        load_weasyprint()
        from importlib.resources import files

        import weasyprint.css
        from weasyprint import CSS, HTML
        from weasyprint.css.counters import CounterStyle

        try:
            ua_text = (files(weasyprint.css) / "html5_ua.css").read_text("utf-8")
        except OSError:
            plain: type = HTML
            _LEAN_CLASS = plain
            return plain
        # its @counter-style rules go to a dict of its own: documents still get a copy of
        # weasyprint's (HTML._ua_counter_style), as before
        sheet = CSS(string=lean_ua_text(ua_text), counter_style=CounterStyle())

        class LeanHTML(HTML):  # type: ignore[misc]
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self.lean_ua = lean_ua_fits(self.etree_element)

            def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
                if self.lean_ua and not forms:
                    return [sheet]
                return list(super()._ua_stylesheets(forms))

        _LEAN_CLASS = LeanHTML
    return _LEAN_CLASS
