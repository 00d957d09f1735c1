"""``make docs``: the API reference built with pdoc from the docstrings, failing on any warning."""

from __future__ import annotations

import importlib.util
import pkgutil
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import poortwachter

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


@pytest.mark.slow
def test_the_api_reference_builds_without_warnings_and_covers_every_module(
    tmp_path: Path,
) -> None:
    assert build_api.build(tmp_path, "poortwachter") == []
    pages = {
        p.relative_to(tmp_path).with_suffix("").as_posix().replace("/", ".")
        for p in tmp_path.rglob("*.html")
    }
    wanted = {"poortwachter"} | {
        m.name
        for m in pkgutil.walk_packages(poortwachter.__path__, "poortwachter.")
        if not any(part.startswith("_") for part in m.name.split("."))
    }
    assert wanted <= pages, sorted(wanted - pages)
    top = (tmp_path / "poortwachter.html").read_text(encoding="utf-8")
    assert "compute_timeline" in top and "toolkit voor het verzuimproces" in top
    assert "Typical script use:</p>" in top  # reST's "::" before a literal block
    # the Milestone fields resolve to their types (they gave warnings while unresolved)
    milestones = (tmp_path / "poortwachter/domain/milestones.html").read_text(encoding="utf-8")
    assert 'href="../../poortwachter.html#MilestoneId"' in milestones
    timeline = (tmp_path / "poortwachter/domain/timeline.html").read_text(encoding="utf-8")
    # reST references, Sphinx's short form too, become links (the module docstring's first one)
    assert (
        'Call <code><a href="#compute_timeline">compute_timeline()</a></code> with a <code><a '
        'href="../../poortwachter.html#Case">poortwachter.domain.case.Case</a></code>'
    ) in timeline
    # the names poortwachter.audit loads on first use are in its page
    audit = (tmp_path / "poortwachter/audit.html").read_text(encoding="utf-8")
    assert "audit_dossiers" in audit and "load_checklist" in audit
