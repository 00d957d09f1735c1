"""Helpers shared by the readers."""

from __future__ import annotations

import re

from poortwachter.audit.model import Document

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_MANY_BLANK = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Collapse runs of spaces, drop control characters, keep line structure."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK.sub("\n\n", "\n".join(lines)).strip()


def unreadable(path: str, file_type: str, size: int, reason: str) -> Document:
    """A document that could not be read, with the Dutch reason."""
    return Document(path=path, file_type=file_type, size=size, readable=False, reason=reason)
