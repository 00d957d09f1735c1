"""How :mod:`poortwachter.generate.pdf` drives weasyprint faster without changing its output.

* :func:`load_weasyprint`: the import without weasyprint's slow library search (Linux).

Both are checked against the library behaviour they replace in tests/test_generate_pdf_engine.py.
"""

from __future__ import annotations

import sys
import threading

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
