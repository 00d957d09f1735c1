"""DOCX rendering with docxtpl, compiled once per process.

The naive way (``DocxTemplate(path).render(ctx); save()`` per document) re-reads the zip,
re-parses the XML with python-docx, re-runs docxtpl's tag patching and recompiles the
Jinja source of every part for every document. :class:`CompiledDocx` does all of that once:
it keeps the zip entries as bytes and the patched parts (body, headers, footers) as compiled
Jinja templates; rendering a document is then Jinja plus writing a new zip. The patching
and the post-processing are docxtpl's own functions, so templates behave exactly as with
docxtpl (``{%tr %}``, ``{%p %}``, newlines in values become line breaks).

Autoescape is on (a value with ``<`` or ``&`` is printed literally) and undefined variables
are errors naming the field (:class:`~poortwachter.generate.context.FieldUndefined`).
"""

from __future__ import annotations

import io
import re
import struct
import threading
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from poortwachter.errors import InputError
from poortwachter.generate.context import FieldUndefined
from poortwachter.generate.template_safety import TemplateLimit, external_references, render_limited
from poortwachter.support.zipcheck import zip_problem

_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PARA_START = re.compile(r"<w:p([ >])")
_PARA_START_NL = re.compile(r"\n<w:p([ >])")
#: Largest template file that is read (bytes).
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024


def make_environment() -> ImmutableSandboxedEnvironment:
    """The Jinja environment for every template: sandboxed, autoescaped, strict, with the
    limits of :mod:`~poortwachter.generate.template_safety`."""
    from poortwachter.generate.template_safety import LimitedEnvironment

    return LimitedEnvironment(autoescape=True, undefined=FieldUndefined)


def template_error(name: str, exc: TemplateError) -> InputError:
    """A Jinja error → Dutch :class:`InputError` naming the template (and line)."""
    if isinstance(exc, UndefinedError | TemplateLimit):
        return InputError(f"sjabloon {name}: {exc.message}")
    if isinstance(exc, TemplateSyntaxError):
        return InputError(
            f"sjabloon {name}, regel {exc.lineno}: fout in de Jinja-code ({exc.message})"
        )
    return InputError(f"sjabloon {name}: fout bij het invullen ({exc})")


class _Entry:
    """One zip member, compressed once (raw deflate) with its header fields."""

    __slots__ = ("crc", "data", "dostime", "name", "size")

    def __init__(self, name: bytes, dostime: tuple[int, int], raw: bytes) -> None:
        self.name = name
        self.dostime = dostime
        self.size = len(raw)
        self.crc = zlib.crc32(raw)
        self.data = _deflate(raw)


def _deflate(raw: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(raw) + packer.flush()


def _dos_time(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    y, mo, d, h, mi, sec = date_time
    return (h << 11) | (mi << 5) | (sec // 2), ((max(y, 1980) - 1980) << 9) | (mo << 5) | d


class ZipBuilder:
    """Writes a .docx (zip) from a fixed list of members, some replaced per document.

    Members that do not change (styles, settings, fonts table, ...) are compressed once
    when the template is loaded; per document only the rendered parts are compressed.
    That is where most of the time of ``zipfile`` went. The output is a plain zip
    (deflate, no zip64: templates are limited to ``MAX_TEMPLATE_BYTES``).
    """

    def __init__(self, members: list[tuple[zipfile.ZipInfo, bytes]]) -> None:
        """``members``: every member of the template in its order, with its bytes; each is
        compressed here, once."""
        self._entries = [
            _Entry(info.filename.encode("utf-8"), _dos_time(info.date_time), blob)
            for info, blob in members
        ]

    def build(self, replaced: Mapping[str, bytes]) -> bytes:
        """The bytes of the zip: every member as loaded, except those named in ``replaced``
        (member name → new content), which are compressed now."""
        out = io.BytesIO()
        central = io.BytesIO()
        for entry in self._entries:
            new = replaced.get(entry.name.decode("utf-8"))
            if new is None:
                crc, size, data = entry.crc, entry.size, entry.data
            else:
                crc, size, data = zlib.crc32(new), len(new), _deflate(new)
            offset = out.tell()
            fields = (20, 0x800, 8, *entry.dostime, crc, len(data), size, len(entry.name))
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0))
            out.write(entry.name)
            out.write(data)
            central.write(struct.pack("<IH", 0x02014B50, 20))
            central.write(struct.pack("<HHHHHIIIHHHHHII", *fields, 0, 0, 0, 0, 0, offset))
            central.write(entry.name)
        start = out.tell()
        directory = central.getvalue()
        out.write(directory)
        count = len(self._entries)
        out.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0)
        )
        return out.getvalue()


class CompiledDocx:
    """A DOCX template parsed and compiled once, rendered many times."""

    def __init__(self, path: Path) -> None:
        """Load, check and compile the template at ``path``. Raises
        :class:`~poortwachter.errors.InputError` when it is too large, not a sound zip, refers
        to external content (which Word would fetch), is no usable Word file or holds broken
        Jinja code (the message names the part and line)."""
        from docxtpl import DocxTemplate  # imported here: python-docx is slow to import

        self.name = path.name
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise InputError(f"sjabloon {path}: groter dan {MAX_TEMPLATE_BYTES // 2**20} MB")
        data = path.read_bytes()
        problem = zip_problem(io.BytesIO(data))
        if problem:
            raise InputError(f"sjabloon {path}: {problem}")
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            external = external_references(zf)
            if external:  # Word would fetch them when the recipient opens the form
                raise InputError([f"sjabloon {path}: {e}" for e in external])
            self._zip = ZipBuilder([(info, zf.read(info)) for info in zf.infolist()])
        self._tpl = DocxTemplate(io.BytesIO(data))
        try:
            self._tpl.init_docx()
        except Exception as exc:  # python-docx raises several types for broken packages
            raise InputError(f"sjabloon {path}: is geen bruikbaar Word-bestand ({exc})") from None
        env = make_environment()
        self._parts: dict[str, Template] = {}
        docx = self._tpl.docx
        sources = {docx.part.partname.lstrip("/"): self._tpl.xml_to_string(docx.element)}
        for uri in (self._tpl.HEADER_URI, self._tpl.FOOTER_URI):
            for _key, part in self._tpl.get_headers_footers(uri):
                sources[part.partname.lstrip("/")] = self._tpl.get_part_xml(part)
        for part_name, xml in sources.items():
            src = _PARA_START.sub(r"\n<w:p\1", self._tpl.patch_xml(xml))
            try:
                self._parts[part_name] = env.from_string(src)
            except TemplateSyntaxError as exc:
                raise template_error(f"{path} ({part_name})", exc) from None
        self._lock = threading.Lock()

    def render(self, context: Mapping[str, Any]) -> bytes:
        """Render one document; returns the bytes of the .docx file."""
        rendered: dict[str, bytes] = {}
        for part_name, template in self._parts.items():
            xml = render_limited(template, context, self.name)
            xml = _PARA_START_NL.sub(r"<w:p\1", xml)
            xml = (
                xml.replace("{_{", "{{")
                .replace("}_}", "}}")
                .replace("{_%", "{%")
                .replace("%_}", "%}")
            )
            with self._lock:  # resolve_listing is pure, but keep docxtpl single-threaded
                xml = self._tpl.resolve_listing(xml)
            rendered[part_name] = (_XML_DECL + xml).encode("utf-8")
        return self._zip.build(rendered)


_CACHE: dict[tuple[str, int, int], CompiledDocx] = {}
_CACHE_LOCK = threading.Lock()


def compiled_docx(path: Path) -> CompiledDocx:
    """The compiled template for a file, cached per process (keyed by path, mtime, size)."""
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _CACHE_LOCK:
        found = _CACHE.get(key)
    if found is None:
        found = CompiledDocx(path)
        with _CACHE_LOCK:
            if len(_CACHE) > 32:
                _CACHE.clear()
            _CACHE[key] = found
    return found


def render_docx(template: Path, context: Mapping[str, Any]) -> bytes:
    """Render a DOCX template file with a context (cached compilation)."""
    return compiled_docx(template).render(context)
