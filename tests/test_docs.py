"""``make docs``: the API reference built with pdoc from the docstrings, failing on any warning."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

ROOT = Path(__file__).resolve().parents[1]

if TYPE_CHECKING:
    import build_api
else:
    _spec = importlib.util.spec_from_file_location("build_api", ROOT / "docs/build_api.py")
    build_api = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(build_api)


def _probe_package(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A package whose docs give pdoc warnings: a NamedTuple with string annotations (the
    cause of the Milestone warnings) and a name in ``__all__`` that does not exist."""
    package = root / "pdocprobe"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""Probe."""\n__all__ = ["bestaat_niet", "model"]\n')
    (package / "model.py").write_text(
        textwrap.dedent(
            '''\
            """A model."""
            from __future__ import annotations
            from datetime import date
            from typing import NamedTuple

            class Row(NamedTuple):
                """A row."""
                day: date
            '''
        )
    )
    monkeypatch.syspath_prepend(str(root))
    return "pdocprobe"


def test_a_pdoc_warning_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = _probe_package(tmp_path / "src", monkeypatch)
    monkeypatch.setattr(build_api, "PACKAGE", package)
    try:
        assert build_api.main([str(tmp_path / "out")]) == 1
    finally:
        for name in [m for m in sys.modules if m.startswith(package)]:
            del sys.modules[name]
    err = capsys.readouterr().err
    assert "pdocprobe.model.Row.__init__" in err and "date" in err
    assert "'bestaat_niet' in pdocprobe.__all__" in err
    assert "2 waarschuwing(en) van pdoc" in err
