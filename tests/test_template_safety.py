"""Templates are user input (issue 12, items 5-8).

Before: ``{% include %}`` followed a symlink to /etc/passwd into the PDF and ``templates
check`` said all was in order; DOCX templates with external references (remote
attachedTemplate, external images, file:// links, altChunk) passed and were copied into
every form; nested loops hung, ``'x' * 10**9`` grew to gigabytes; Python errors in
template expressions ended in exit 3.
"""

from __future__ import annotations

import io
import shutil
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import RunCli
from poortwachter.errors import InputError
from poortwachter.generate import pdf as pdf_module
from poortwachter.generate import render_form, template_safety
from poortwachter.inputs.cases import load_case_document

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "templates" / "uwv"
DATA = ROOT / "samples" / "forms" / "plan_van_aanpak.yaml"
SECRET = "GEHEIM-BUITEN-DE-MAP"


def _html_folder(tmp_path: Path, snippet: str) -> Path:
    folder = tmp_path / "sjablonen"
    folder.mkdir(exist_ok=True)
    source = (BUNDLED / "plan_van_aanpak.html").read_text("utf-8")
    (folder / "plan_van_aanpak.html").write_text(
        source.replace("<body>", "<body>\n" + snippet, 1), "utf-8"
    )
    return folder


def _generate(run_cli: RunCli, folder: Path, out: Path, fmt: str = "pdf") -> tuple[int, str]:
    code, _out, err = run_cli("generate", "plan_van_aanpak", "--data", str(DATA), "--out",
                              str(out), "--format", fmt, "--templates", str(folder))  # fmt: skip
    return code, err


def _exit_2(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert "interne fout" not in err and "Traceback" not in err, err
    for word in words:
        assert word in err, err


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "buiten" / "geheim.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, "utf-8")
    return secret


# --- 5: confined loaders --------------------------------------------------------------


def test_include_through_a_symlink_is_refused(
    tmp_path: Path, outside: Path, run_cli: RunCli
) -> None:
    folder = _html_folder(tmp_path, '{% include "kop.txt" %}')
    (folder / "kop.txt").symlink_to(outside)
    code, err = _generate(run_cli, folder, tmp_path / "out")
    _exit_2(code, err, "plan_van_aanpak.html", "buiten de sjabloonmap")
    assert not list((tmp_path / "out").glob("*.pdf"))
    code, out, _err = run_cli("templates", "check", str(folder))
    assert code == 2 and "kop.txt" in out and "buiten de sjabloonmap" in out, out


def test_include_inside_the_folder_still_works(tmp_path: Path, run_cli: RunCli) -> None:
    folder = _html_folder(tmp_path, '<p>{% include "kop.txt" %}</p>')
    (folder / "kop.txt").write_text("EIGEN KOPTEKST", "utf-8")
    code, err = _generate(run_cli, folder, tmp_path / "out")
    assert code == 0, err
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert "EIGEN KOPTEKST" in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    code, out, _err = run_cli("templates", "check", str(folder))
    assert "kop.txt" not in out, out


@pytest.mark.parametrize("suffix", ["html", "docx"])
def test_a_template_that_is_a_symlink_outside_is_refused(
    suffix: str, tmp_path: Path, run_cli: RunCli
) -> None:
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    shutil.copy(BUNDLED / f"plan_van_aanpak.{suffix}", elsewhere)
    folder = tmp_path / "sjablonen"
    folder.mkdir()
    (folder / f"plan_van_aanpak.{suffix}").symlink_to(elsewhere / f"plan_van_aanpak.{suffix}")
    code, err = _generate(run_cli, folder, tmp_path / "out", "pdf" if suffix == "html" else "docx")
    _exit_2(code, err, "buiten de sjabloonmap")
    code, out, _err = run_cli("templates", "check", str(folder))
    assert code == 2 and "buiten de sjabloonmap" in out, out


# --- 6: external references in DOCX templates -------------------------------------------

_REL = (
    '<Relationship Id="rIdX{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/{kind}" Target="{target}"{mode}/>'
)
EXTERNAL = {
    "attachedTemplate": ("attachedTemplate", "http://example.invalid/sjabloon.dotm", True),
    "image": ("image", "file:///etc/passwd", True),
    "oleObject": ("oleObject", "\\\\server\\share\\x.bin", True),
    "file_link": ("hyperlink", "file:///etc/passwd", True),
    "altChunk": ("aFChunk", "afchunk.mht", False),
}


def _bundled_docx_with(tmp_path: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """A template folder holding the bundled plan_van_aanpak.docx with one member changed."""
    folder = tmp_path / "sjablonen"
    folder.mkdir(exist_ok=True)
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(BUNDLED / "plan_van_aanpak.docx") as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(data) if info.filename == member else data)
    (folder / "plan_van_aanpak.docx").write_bytes(buf.getvalue())
    return folder


def _docx_with(tmp_path: Path, kind: str, target: str, external: bool) -> Path:
    mode = ' TargetMode="External"' if external else ""
    extra = _REL.format(n=1, kind=kind, target=target, mode=mode).encode()
    return _bundled_docx_with(
        tmp_path,
        "word/_rels/document.xml.rels",
        lambda data: data.replace(b"</Relationships>", extra + b"</Relationships>"),
    )


@pytest.mark.parametrize("case", sorted(EXTERNAL))
def test_docx_with_external_references_is_flagged_and_refused(
    case: str, tmp_path: Path, run_cli: RunCli
) -> None:
    kind, target, external = EXTERNAL[case]
    folder = _docx_with(tmp_path, kind, target, external)
    code, out, _err = run_cli("templates", "check", str(folder))
    assert code == 2 and "niet toegestaan" in out, out
    code, err = _generate(run_cli, folder, tmp_path / "out", "docx")
    _exit_2(code, err, "plan_van_aanpak.docx", "niet toegestaan")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_https_hyperlinks_are_normal(tmp_path: Path, run_cli: RunCli) -> None:
    folder = _docx_with(tmp_path, "hyperlink", "https://www.uwv.nl/", True)
    code, out, _err = run_cli("templates", "check", str(folder))
    assert "niet toegestaan" not in out, out
    code, err = _generate(run_cli, folder, tmp_path / "out", "docx")
    assert code == 0, err


# --- 7: limits while rendering ---------------------------------------------------------


def test_nested_loops_stop_at_the_time_limit(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(template_safety, "MAX_RENDER_SECONDS", 1.0)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    folder = _html_folder(tmp_path, loops)
    code, err = _generate(run_cli, folder, tmp_path / "out")
    _exit_2(code, err, "sjabloon plan_van_aanpak.html", "langer dan 1 seconden")


def test_the_time_limit_holds_outside_the_main_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(No SIGALRM there: the Jinja deadline alone stops the loops.)"""
    monkeypatch.setattr(template_safety, "MAX_RENDER_SECONDS", 1.0)
    loops = (
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}{% endfor %}"
    )
    folder = _html_folder(tmp_path, loops)
    data = load_case_document(str(DATA))
    caught: list[BaseException] = []

    def work() -> None:
        try:
            render_form("plan_van_aanpak", data, "pdf", templates_dir=folder)
        except BaseException as exc:
            caught.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(timeout=300)
    assert not thread.is_alive()
    assert len(caught) == 1 and isinstance(caught[0], InputError), caught
    assert "plan_van_aanpak.html" in str(caught[0])


@pytest.mark.parametrize(
    ("snippet", "words"),
    [
        ("{{ 'x' * 10**9 }}", ["te groot"]),
        ("{{ 2 ** 100000 }}", ["te groot"]),
        ("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", ["miljoen tekens"]),
    ],
)
def test_huge_values_and_output_are_refused(
    snippet: str, words: list[str], tmp_path: Path, run_cli: RunCli
) -> None:
    folder = _html_folder(tmp_path, snippet)
    code, err = _generate(run_cli, folder, tmp_path / "out")
    _exit_2(code, err, "sjabloon plan_van_aanpak.html", *words)


def test_a_huge_inline_data_url_is_refused(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_module, "MAX_DATA_URL_CHARS", 10_000)
    image = "data:image/png;base64," + "A" * 20_000
    folder = _html_folder(tmp_path, f'<img src="{image}">')
    code, err = _generate(run_cli, folder, tmp_path / "out")
    _exit_2(code, err, "sjabloon plan_van_aanpak.html", "data:-URL", "te groot")


# --- 8: Python errors in template expressions -------------------------------------------


@pytest.mark.parametrize(
    ("snippet", "name"),
    [
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
        ("{{ 2.0 ** 100000 }}", "OverflowError"),
        ("{{ 1 + 'a' }}", "TypeError"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "RecursionError"),
    ],
)
def test_runtime_errors_in_templates_are_exit_2(
    snippet: str, name: str, tmp_path: Path, run_cli: RunCli
) -> None:
    folder = _html_folder(tmp_path, snippet)
    code, err = _generate(run_cli, folder, tmp_path / "out")
    _exit_2(code, err, "sjabloon plan_van_aanpak.html", name)


def test_runtime_error_in_a_docx_template_is_exit_2(tmp_path: Path, run_cli: RunCli) -> None:
    folder = _bundled_docx_with(
        tmp_path,
        "word/document.xml",
        lambda data: data.replace(
            b"<w:body>", b"<w:body><w:p><w:r><w:t>{{ 1 / 0 }}</w:t></w:r></w:p>", 1
        ),
    )
    code, err = _generate(run_cli, folder, tmp_path / "out", "docx")
    _exit_2(code, err, "sjabloon plan_van_aanpak.docx", "ZeroDivisionError")
