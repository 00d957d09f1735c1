"""The fast paths of generate/pdf_engine.py against the weasyprint behaviour they replace."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

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
