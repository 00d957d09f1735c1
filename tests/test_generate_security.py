"""PDF rendering fetches nothing but files inside the templates folder."""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from generate_helpers import FIXTURES, pdf_pages, sample, squash
from poortwachter.domain.vocabulary import FormId
from poortwachter.generate import render_form
from poortwachter.generate.pdf import check_url
from poortwachter.generate.template_files import bundled_templates_dir


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        body = b"h1::after { content: ' VAN-HET-NETWERK'; }"
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Counter.hits = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_hostile_template_fetches_nothing_outside(tmp_path: Path, server: str) -> None:
    outside = tmp_path / "buiten"
    outside.mkdir()
    shutil.copy(FIXTURES / "steel.css", outside / "steel.css")
    templates = tmp_path / "sjablonen"
    templates.mkdir()
    source = (FIXTURES / "hostile" / "plan_van_aanpak.html").read_text("utf-8")
    (templates / "plan_van_aanpak.html").write_text(
        source.replace("__SERVER__", server).replace("__OUTSIDE__", outside.as_uri()), "utf-8"
    )
    shutil.copy(FIXTURES / "hostile" / "eigen.css", templates / "eigen.css")
    os.symlink(outside / "steel.css", templates / "link-naar-buiten.css")

    pdf = render_form(
        FormId.PLAN_VAN_AANPAK, sample(FormId.PLAN_VAN_AANPAK), "pdf", templates_dir=templates
    )
    text = squash("".join(pdf_pages(pdf)))
    assert _Counter.hits == []  # not one request reached the network
    assert "GESTOLEN" not in text  # no file outside the templates folder, nor via a symlink
    assert "root:" not in text
    assert "VAN-HET-NETWERK" not in text
    assert "EIGEN-STIJL-GELADEN" in text  # control: an asset inside the folder does load
    assert squash("Volledige terugkeer in de eigen functie") in text


def test_check_url_allows_only_files_inside_the_roots(tmp_path: Path) -> None:
    root = bundled_templates_dir().resolve()
    css = root / "uwv.css"
    assert check_url(css.as_uri(), [root]) == css
    for url in (
        "file:///etc/passwd",
        "http://example.org/uwv.css",
        "https://127.0.0.1/uwv.css",
        "ftp://example.org/x",
        css.as_uri().replace("uwv.css", "../uwv/../../../etc/passwd"),
        "file://evil.example/" + str(css),
        "data:text/css,body{}",
        (root / "bestaat-niet.css").as_uri(),
    ):
        assert check_url(url, [root]) is None, url
