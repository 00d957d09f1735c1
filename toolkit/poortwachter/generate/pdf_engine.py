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


def lean_ua_sheet(full: Any) -> Any | None:
    """A copy of weasyprint's parsed user-agent sheet without its selectors for
    :data:`UNUSED_PSEUDOS` that hold for any element (``::marker``, ...); None when the
    sheet is not built the way this expects (another cssselect2), then the full one is used.
    Nothing is parsed again: the copy shares the rest of the sheet."""
    import copy

    matcher: Any = getattr(full, "matcher", None)
    others = getattr(matcher, "other_selectors", None)
    if not isinstance(others, list) or not all(
        isinstance(e, tuple) and len(e) == 5 for e in others
    ):
        return None
    kept = [entry for entry in others if entry[3] not in UNUSED_PSEUDOS]
    if len(kept) == len(others):
        return None  # nothing to leave out: not the sheet this was made for
    lean_matcher = copy.copy(matcher)
    lean_matcher.other_selectors = kept
    lean = copy.copy(full)
    lean.matcher = lean_matcher
    return lean


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
    document fits it (:func:`lean_ua_fits`), else weasyprint's own (made once); weasyprint's
    ``HTML`` itself when no lean sheet can be made (:func:`lean_ua_sheet`)."""
    global _LEAN_CLASS
    if _LEAN_CLASS is None:
        load_weasyprint()
        from weasyprint import HTML

        try:
            full_sheets = list(HTML._ua_stylesheets(None))
        except Exception:  # another weasyprint: no short cut
            full_sheets = []
        sheet = lean_ua_sheet(full_sheets[0]) if len(full_sheets) == 1 else None
        if sheet is None:
            plain: type = HTML
            _LEAN_CLASS = plain
            return plain

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
