"""The medical word list (``data/medische_termen.txt``), shared by the auditor (which flags
medical data in employer documents) and the generator (which refuses such a form): one list,
so a term the audit would report never gets into a generated form. Read once, lazily."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from poortwachter.support.normalise import normalise

DATA_FILE = Path(__file__).resolve().parent / "data" / "medische_termen.txt"


@lru_cache(maxsize=1)
def medical_terms() -> tuple[str, ...]:
    """The normalised medical terms of ``medische_termen.txt`` (one a line, # comments)."""
    terms: list[str] = []
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(normalise(line))
    return tuple(terms)


@lru_cache(maxsize=1)
def medical_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(single-word terms, multi-word terms): a fast first look before the regex."""
    terms = set(medical_terms())
    return frozenset(t for t in terms if " " not in t), tuple(t for t in terms if " " in t)


@lru_cache(maxsize=1)
def medical_pattern() -> re.Pattern[str]:
    """One regex of all medical terms, longest first, as whole words (group 1: the term)."""
    terms = sorted(set(medical_terms()), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b")
