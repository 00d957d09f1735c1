"""The auditor's word lists and patterns, kept as data next to this module.

Loaded lazily (first use) and cached; nothing is read at import time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from poortwachter.domain.vocabulary import DocumentKind

DATA_DIR = Path(__file__).resolve().parent / "data"


def _load_yaml(name: str) -> Any:
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass(frozen=True, slots=True)
class KindPatterns:
    """The title data of one document kind (``titels.yaml``)."""

    words: tuple[str, ...]  # a line must contain one of these before the titles are tried
    titles: tuple[re.Pattern[str], ...]
    filenames: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def title_patterns() -> dict[DocumentKind, KindPatterns]:
    """Per document kind: its words, title patterns and file name patterns."""
    raw = _load_yaml("titels.yaml")
    return {
        DocumentKind(kind): KindPatterns(
            tuple(spec.get("woorden", [])),
            tuple(re.compile(p) for p in spec.get("titles", [])),
            tuple(re.compile(p) for p in spec.get("filenames", [])),
        )
        for kind, spec in raw.items()
    }


@lru_cache(maxsize=1)
def other_title_patterns() -> dict[str, KindPatterns]:
    """Per sub-label of kind ``other`` (a UWV decision, ...): its words and titles
    (``overige_titels.yaml``)."""
    raw = _load_yaml("overige_titels.yaml")
    return {
        label: KindPatterns(
            tuple(spec.get("woorden", [])),
            tuple(re.compile(p) for p in spec.get("titles", [])),
            tuple(re.compile(p) for p in spec.get("filenames", [])),
        )
        for label, spec in raw.items()
    }


@dataclass(frozen=True, slots=True)
class SectionPatterns:
    """How a section is found (``secties.yaml``): words a page must contain first, the
    patterns on normalised text, and whether they find a label whose value must be filled in."""

    words: tuple[str, ...]  # a page must contain one of these before the patterns are tried
    patterns: tuple[re.Pattern[str], ...]
    #: the patterns find a label whose value must be filled in ("Visie werknemer: ...")
    field: bool = False


@lru_cache(maxsize=1)
def section_patterns() -> dict[str, SectionPatterns]:
    """Per section id: its words and patterns (on normalised text) from ``secties.yaml``."""
    raw = _load_yaml("secties.yaml")
    return {
        name: SectionPatterns(
            tuple(spec.get("woorden", [])),
            tuple(re.compile(p) for p in spec["patronen"]),
            bool(spec.get("invulveld", False)),
        )
        for name, spec in raw.items()
    }


@dataclass(frozen=True, slots=True)
class Unfilled:
    """What does not make a field filled in (``niet_ingevuld.yaml``)."""

    values: frozenset[str]  # normalised values that are empty ("n v t", "volgt")
    placeholders: tuple[str, ...]  # normalised placeholder texts ("klik of tik om ...")
    boxes_empty: tuple[str, ...]  # glyphs of an unticked check box
    boxes_ticked: tuple[str, ...]


@lru_cache(maxsize=1)
def unfilled() -> Unfilled:
    """The values, placeholder texts and check-box glyphs of ``niet_ingevuld.yaml``
    (normalised), read once."""
    from poortwachter.support.normalise import normalise

    raw = _load_yaml("niet_ingevuld.yaml")
    return Unfilled(
        frozenset(normalise(v) for v in raw["lege_waarden"]),
        tuple(normalise(v) for v in raw["plaatshouders"]),
        tuple(raw["vakjes_leeg"]),
        tuple(raw["vakjes_aan"]),
    )
