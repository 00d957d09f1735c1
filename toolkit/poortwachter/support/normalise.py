"""Normalising text for matching: lower case, no accents, no punctuation noise."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SEPARATORS = re.compile(r"[-_/.\u2010-\u2015·•:;,()\[\]\"'’‘“”*#|]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """``'Plan van Aanpak – Re-integratie'`` → ``'plan van aanpak re integratie'``."""
    text = _SEPARATORS.sub(" ", text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _SPACES.sub(" ", text.lower()).strip()


def lines_of(text: str) -> list[str]:
    """The non-empty lines of ``text``, stripped."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    """A short one-line excerpt around ``text[start:end]``."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = _SPACES.sub(" ", text[left:right]).strip()
    return ("…" if left > 0 else "") + snippet + ("…" if right < len(text) else "")
