"""Build the API reference from the docstrings with pdoc: ``python docs/build_api.py [OUT]``
(``make docs`` writes it into ``out/docs/``; open ``out/docs/index.html``).

Every module of the package is documented, also those that a package's ``__all__`` leaves
out of pdoc's own walk (``poortwachter.audit``, for one, lists only its public names). The
names a package loads on first use (a module ``__getattr__``, PEP 562) are loaded first:
pdoc reads a module's ``__dict__``. Any warning pdoc gives (an annotation it cannot
resolve, a module that fails to import, a name in ``__all__`` that does not exist) fails
the build: exit 1 with the warnings listed.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pdoc
import pdoc.docstrings
import pdoc.extract
import pdoc.render

PACKAGE = "poortwachter"

# The docstrings are reStructuredText with Sphinx's short references (:class:`~a.b.C`) and
# literal blocks introduced by "text::"; pdoc's converter knows the roles and the indented
# block, but would print the tilde and the double colon.
_SHORT_REFERENCE = re.compile(r"(:[a-z]+:`)~")
_LITERAL_BLOCK_INTRO = re.compile(r"(?<=\S)::$", re.MULTILINE)
_rst = pdoc.docstrings.rst


def _rst_sphinx_forms(contents: str, source_file: Path | None) -> str:
    contents = _LITERAL_BLOCK_INTRO.sub(":", _SHORT_REFERENCE.sub(r"\1", contents))
    return _rst(contents, source_file)


def modules(package: str = PACKAGE) -> list[str]:
    """The module names to hand to pdoc: the package, plus each module its walk misses
    (pdoc walks each name it is given, so a module reached twice would be a warning)."""
    names = [package]
    reached = set(pdoc.extract.walk_specs([package]))
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, f"{package}."):
        if info.name not in reached and not info.name.rpartition(".")[2].startswith("_"):
            names.append(info.name)
            reached.update(pdoc.extract.walk_specs([info.name]))
    for name in reached:
        _load_lazy_names(importlib.import_module(name))
    return names


def _load_lazy_names(module: ModuleType) -> None:
    """Put the names of ``__all__`` that a module ``__getattr__`` provides into the module."""
    if "__getattr__" in vars(module):
        for name in getattr(module, "__all__", ()):
            if name not in vars(module):
                setattr(module, name, getattr(module, name))


def build(output: Path, package: str = PACKAGE) -> list[str]:
    """Write the HTML reference of ``package`` into ``output``; returns pdoc's warnings
    (empty when the build is clean)."""
    pdoc.docstrings.rst = _rst_sphinx_forms
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pdoc.render.configure(docformat="restructuredtext")
            pdoc.pdoc(*modules(package), output_directory=output)
    finally:
        pdoc.docstrings.rst = _rst
    return [str(w.message) for w in caught]


def main(argv: list[str]) -> int:
    """Build into ``argv[0]`` (default ``out/docs``); 0 when clean, 1 on any warning."""
    output = Path(argv[0] if argv else "out/docs")
    problems = build(output, PACKAGE)
    for problem in problems:
        print(f"pdoc: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} waarschuwing(en) van pdoc: los ze op", file=sys.stderr)
        return 1
    print(f"API-documentatie in {output / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
