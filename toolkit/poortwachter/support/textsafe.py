"""Names from outside (file names, zip entries) made safe to show in any report or message.

A file name may hold bytes that are not UTF-8 (a Latin-1 name from an old system: Python
hands them over as surrogates, which no UTF-8 output can write) and characters that a
terminal obeys: ESC sequences change the window title or clear the screen, a newline
forges a line of the report, a bidi override reverses what follows. :func:`printable`
decodes such a name (UTF-8, else cp1252) and shows every control or invisible formatting
character escaped (``\\x1b``, ``\\x0a``, ``\\u202e``).
"""

from __future__ import annotations


def _escape(char: str) -> str:
    n = ord(char)
    if n < 0x100:
        return f"\\x{n:02x}"
    return f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def decoded_name(name: str) -> str:
    """A name whose undecodable bytes came as surrogates (``os.fsdecode``), as text:
    read as UTF-8 where it is, else as cp1252 (Windows), else Latin-1."""
    if not any("\udc80" <= c <= "\udcff" for c in name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # other lone surrogates: nothing to recover
        return name
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def escape_controls(text: str, keep: str = "") -> str:
    """Every character that is not printable (controls, invisible formatting such as bidi
    overrides, lone surrogates, unassigned code points) escaped, except those in ``keep``."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in keep else _escape(c) for c in text)


def printable(name: str) -> str:
    """A file or zip-entry name to show: decoded safely, non-printables escaped."""
    text = decoded_name(name)
    return text if text.isprintable() else escape_controls(text)
