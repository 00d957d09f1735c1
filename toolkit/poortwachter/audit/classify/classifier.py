"""Which RIV part a document is, from its content.

Titles and headings (``data/titels.yaml``) are looked for in the first lines of the text
(page header, heading, a table cell): the longest title on a line wins, so "Bijstelling
plan van aanpak" beats "plan van aanpak". Lines that are a label with a value ("Datum
probleemanalyse: 3-2-2026") count little. The file name is only a weak hint; mentions in
the body count less. Below the threshold the kind is ``other``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import PurePath

from poortwachter.audit.datafiles import other_title_patterns, title_patterns
from poortwachter.audit.text.datefind import find_dates
from poortwachter.audit.text.filled import box_state
from poortwachter.domain.vocabulary import DocumentKind
from poortwachter.support.normalise import lines_of, normalise

HEAD_LINES = 14
MIN_SCORE = 3.0
FILENAME_HINT = 1.5
BODY_MENTION = 0.3
BODY_CAP = 1.5
#: a page whose heading scores this much starts a new part of a merged PDF
SPLIT_SCORE = 6.0
#: ... and this much when the page numbers run over the whole file
STRICT_SPLIT_SCORE = 8.5

#: labels whose value is the document's title ("Betreft: actueel oordeel")
_TITLE_LABELS = frozenset(
    {"betreft", "onderwerp", "titel", "document", "formulier", "soort document", "type document",
     "onderdeel", "rapportage", "rapport", "verslag", "inzake"}
)  # fmt: skip
_PART_DATA = re.compile(r"(?i)\b(bsn|burgerservicenummer|naam|datum|werknemer:|medewerker:)")
_CONTINUATION = re.compile(
    r"\b(?:pagina|blz|blad|page|pag)\s*(\d+)\s*(?:van|/|of|\bvan\b)\s*(\d+)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Classification:
    """What a document (or a part of a merged file) is: its kind, how strongly the deciding
    line scored, that line and its index, other kinds the same title names, and for
    ``other`` the sub-kind when known."""

    kind: DocumentKind
    score: float
    line: str  # the line that decided, as written
    line_index: int
    #: other parts the same title names ("Eindevaluatie en oordeel werknemer")
    also: tuple[DocumentKind, ...] = ()
    #: for kind ``other``: what it is when known (``overige_titels.yaml``: a UWV decision)
    sub_kind: str | None = None


@lru_cache(maxsize=65536)
def _best_on_line(norm: str) -> tuple[DocumentKind, int, int, int] | None:
    """(kind, match length, start, end) of the longest title match on a normalised line."""
    best: tuple[DocumentKind, int, int, int] | None = None
    for kind, spec in title_patterns().items():
        if spec.words and not any(word in norm for word in spec.words):
            continue
        for pattern in spec.titles:
            for m in pattern.finditer(norm):
                length = m.end() - m.start()
                if length and (
                    best is None or length > best[1] or (length == best[1] and m.start() < best[2])
                ):
                    best = (kind, length, m.start(), m.end())
    return best


@lru_cache(maxsize=16384)
def _best_other_on_line(norm: str) -> tuple[str, int, int, int] | None:
    """(sub-label, match length, start, end) of the longest non-RIV title on a line."""
    best: tuple[str, int, int, int] | None = None
    for label, spec in other_title_patterns().items():
        if spec.words and not any(word in norm for word in spec.words):
            continue
        for pattern in spec.titles:
            for m in pattern.finditer(norm):
                length = m.end() - m.start()
                if length and (best is None or length > best[1]):
                    best = (label, length, m.start(), m.end())
    return best


def _line_score(
    raw: str, norm: str, index: int, previous: str = ""
) -> tuple[DocumentKind, float] | None:
    if box_state(raw) is not None:
        return None  # "☒ Plan van aanpak": an item of a list of enclosures, not a title
    hit = _best_on_line(norm)
    if hit is None:
        return None
    score = _hit_score(raw, norm, index, hit[1:])
    if len(previous) > 60 and not previous.rstrip().endswith((".", ":", "!", "?", ";")):
        score *= 0.4  # the end of a sentence wrapped onto this line
    return hit[0], score


_BULLET = re.compile(r"^[\s\-*\u2022]+")


def _hit_score(raw: str, norm: str, index: int, hit: tuple[int, int, int]) -> float:
    length, _start, end = hit
    coverage = length / max(len(norm), 1)
    position = max(0.5, 1.0 - index * 0.04)
    score = 10.0 * position * (0.4 + 0.6 * coverage)
    start = hit[1]
    rest = norm[end:].strip()
    label, _, value = raw.partition(":")
    label_value = value.strip() and rest and normalise(label) not in _TITLE_LABELS
    # a label followed by a value ("Datum probleemanalyse: 3-2-2026", "PA: ja") is no
    # title; a title with its date ("Plan van aanpak d.d. 3 maart 2026") still is
    if label_value or norm[:start].strip().endswith("datum"):
        score *= 0.35
    elif find_dates(raw):
        # a dated table row ("3-3-2026 | Evaluatiegesprek | HR") is data, not a title
        score *= 0.35 if " | " in raw else 0.85
    if len(norm) > 120:
        score *= 0.5
    stripped = _BULLET.sub("", raw)
    if stripped[:1].islower() or (stripped.endswith(".") and len(norm.split()) > 6):
        # the middle or the end of a sentence in the body ("... stuur het
        # re-integratieverslag mee."), not a heading
        score *= 0.4
    return score


def heading_of(lines: list[str], limit: int = HEAD_LINES) -> Classification | None:
    """The strongest title among the first ``limit`` lines."""
    best: Classification | None = None
    for index, raw in enumerate(lines[:limit]):
        norm = normalise(raw)
        if not norm:
            continue
        scored = _line_score(raw, norm, index, lines[index - 1] if index else "")
        if scored and (best is None or scored[1] > best.score):
            best = Classification(scored[0], scored[1], raw, index)
    return best


def line_title(raw: str, previous: str = "") -> Classification | None:
    """The part a line names when the line is a title on its own (the title covers most
    of it), scored as if it stood at the top of a page; None otherwise."""
    norm = normalise(raw)
    if not norm or len(norm) > 90:
        return None
    hit = _best_on_line(norm)
    undated = raw
    for found in reversed(find_dates(raw)):
        undated = undated[: found.start] + undated[found.end :]
    if hit is None or hit[1] < 0.6 * len(normalise(undated)):
        return None
    scored = _line_score(raw, norm, 0, previous)
    if scored is None:
        return None
    return Classification(scored[0], scored[1], raw, 0)


def filename_hint(path: str) -> DocumentKind | None:
    """The kind whose file-name pattern (``titels.yaml``) matches most of the file name of
    ``path``, or ``None``: a weak hint, used when the content decides nothing."""
    stem = normalise(PurePath(path).stem.replace("_", " "))
    best: tuple[DocumentKind, int] | None = None
    for kind, spec in title_patterns().items():
        for pattern in spec.filenames:
            m = pattern.search(stem)
            if m and (best is None or m.end() - m.start() > best[1]):
                best = (kind, m.end() - m.start())
    return best[0] if best else None


_INDEX_WORDS = re.compile(
    r"^(inhoudsopgave|inhoud|index|overzicht (van )?(de )?(documenten|stukken))$"
)


def is_index(lines: list[str]) -> bool:
    """A table of contents or cover sheet: it names several parts, it is none of them.
    A RIV form that lists its enclosures under its own title is the RIV form."""
    head = heading_of(lines, limit=3)
    if head is not None and head.kind is DocumentKind.RIV_FORMULIER and head.score >= SPLIT_SCORE:
        return False
    kinds: set[DocumentKind] = set()
    for raw in lines[:30]:
        norm = normalise(raw)
        if _INDEX_WORDS.match(norm):
            return True
        core = norm.strip("0123456789 ")
        if ":" not in raw and 0 < len(core) <= 90:
            hit = _best_on_line(core)
            if hit is not None and hit[1] >= 0.8 * len(core):
                kinds.add(hit[0])
    return len(kinds) >= 3


_MAIL_HEADER = re.compile(
    r"^(van|aan|onderwerp|verzonden|cc|from|to|subject|sent|datum|date)\s*:\s*\S", re.IGNORECASE
)
_MAIL_SUBJECT = re.compile(r"^(onderwerp|subject)\s*:\s*(.*)$", re.IGNORECASE)
#: an e-mail whose subject names these is the employee's reaction (oordeel werknemer)
_REACTION_SUBJECT = re.compile(
    r"\b(eind ?evaluatie|oordeel|reactie|mening|visie|standpunt|re ?integratie ?verslag)\b"
)


def _mail_reaction(lines: list[str]) -> Classification | None:
    """An e-mail (Van/Aan/Onderwerp at the top) whose subject names the eindevaluatie or
    the re-integration: the employee's message, not the eindevaluatie itself."""
    head = lines[:10]
    fields = {normalise(m.group(1)) for m in (_MAIL_HEADER.match(x) for x in head) if m}
    if not ({"van", "from"} & fields and {"onderwerp", "subject"} & fields):
        return None
    for index, raw in enumerate(head):
        m = _MAIL_SUBJECT.match(raw)
        if m and _REACTION_SUBJECT.search(normalise(m.group(2))):
            return Classification(DocumentKind.OORDEEL_WERKNEMER, SPLIT_SCORE, raw, index)
    return None


def _other_title(lines: list[str]) -> Classification | None:
    """The strongest non-RIV title (a UWV decision) in the title region."""
    best: Classification | None = None
    for index, raw in enumerate(lines[:HEAD_LINES]):
        norm = normalise(raw)
        hit = _best_other_on_line(norm) if norm else None
        if hit is None:
            continue
        score = _hit_score(raw, norm, index, hit[1:])
        if best is None or score > best.score:
            best = Classification(DocumentKind.OTHER, score, raw, index, sub_kind=hit[0])
    return best


def classify(text: str, path: str = "") -> Classification:
    """The kind of a document from its text, with the file name as a weak hint."""
    lines = lines_of(text)
    mail = _mail_reaction(lines)
    if mail is not None:
        return mail
    if is_index(lines):
        return Classification(DocumentKind.OTHER, 0.0, "inhoudsopgave", 0, sub_kind="inhoudsopgave")
    found = _classify(lines, path)
    other = _other_title(lines)
    if other is not None and other.score >= MIN_SCORE and other.score > found.score:
        return other
    return found


def _classify(lines: list[str], path: str) -> Classification:
    scores: dict[DocumentKind, float] = {}
    decisive: dict[DocumentKind, tuple[str, int]] = {}
    for index, raw in enumerate(lines[:HEAD_LINES]):
        norm = normalise(raw)
        previous = lines[index - 1] if index else ""
        scored = _line_score(raw, norm, index, previous) if norm else None
        if scored and scored[1] > scores.get(scored[0], 0.0):
            scores[scored[0]] = scored[1]
            decisive[scored[0]] = (raw, index)
    body_counts: dict[DocumentKind, float] = {}
    for raw in lines[HEAD_LINES:400]:
        hit = _best_on_line(normalise(raw))
        if hit:
            body_counts[hit[0]] = body_counts.get(hit[0], 0.0) + BODY_MENTION
    for kind, extra in body_counts.items():
        scores[kind] = scores.get(kind, 0.0) + min(extra, BODY_CAP)
    hint = filename_hint(path) if path else None
    if hint is not None:
        scores[hint] = scores.get(hint, 0.0) + FILENAME_HINT
    if max(scores.values(), default=0.0) < MIN_SCORE:
        # some producers break a title over several lines ("Plan" / "van" / "aanpak")
        joined = normalise(" ".join(x for x in lines[:6] if box_state(x) is None))
        hit = _best_on_line(joined)
        if hit is not None and hit[1] >= 8:
            scores[hit[0]] = scores.get(hit[0], 0.0) + MIN_SCORE
            decisive.setdefault(hit[0], (joined[hit[2] : hit[3]], 0))
    if not scores:
        return Classification(DocumentKind.OTHER, 0.0, "", -1)
    kind = max(scores, key=lambda k: scores[k])
    if scores[kind] < MIN_SCORE:
        return Classification(DocumentKind.OTHER, scores[kind], "", -1)
    line, index = decisive.get(kind, ("", -1))
    named = kinds_on_line(normalise(line)) if line else []
    if named:
        # the first part the title names is the part; parts joined to it come along
        # ("Eindevaluatie en oordeel werknemer")
        return Classification(named[0], scores[kind], line, index, tuple(named[1:]))
    return Classification(kind, scores[kind], line, index)


def kinds_on_line(norm: str) -> list[DocumentKind]:
    """Every part a title line names, in order, without overlaps (longest match first)."""
    spans: list[tuple[int, int, DocumentKind]] = []
    for kind, spec in title_patterns().items():
        if spec.words and not any(word in norm for word in spec.words):
            continue
        for pattern in spec.titles:
            for m in pattern.finditer(norm):
                if m.end() > m.start():
                    spans.append((m.start(), m.end(), kind))
    chosen: list[tuple[int, int, DocumentKind]] = []
    for start, end, kind in sorted(spans, key=lambda x: x[0] - x[1]):  # longest first
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, kind))
    ordered = sorted(chosen)
    if not ordered:
        return []
    # only titles joined by "en", "&", "+", "/" or "met" name several parts; "Plan van
    # aanpak naar aanleiding van de probleemanalyse" names one
    named = [ordered[0][2]]
    for (_s1, e1, _k1), (s2, _e2, k2) in pairwise(ordered):
        if norm[e1:s2].strip() not in _JOINERS:
            break
        named.append(k2)
    return list(dict.fromkeys(named))


_JOINERS = frozenset({"", "en", "&", "+", "met", "inclusief", "incl", "plus"})


_LEADING_DATE = re.compile(
    r"^\s*(\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|\d{1,2} [a-z]{3,9}\.? \d{4})",
    re.IGNORECASE,
)


def looks_like_log(text: str) -> bool:
    """A table of dated rows without a title (a spreadsheet or printed log): five or more
    lines that start with a date."""
    count = 0
    for line in lines_of(text)[:400]:
        if _LEADING_DATE.match(line):
            count += 1
            if count >= 5:
                return True
    return False


def is_continuation(page_text: str, file_pages: int = 0) -> bool:
    """True when the page says it is page 2 or later of a part ("pagina 2 van 3").
    Numbering that runs over the whole file ("pagina 7 van 40" in a 40-page file) says
    nothing about parts and is ignored."""
    return any(
        1 < int(m[1]) <= int(m[2]) and not (file_pages and int(m[2]) >= file_pages)
        for m in _CONTINUATION.finditer(page_text)
    )


def page_heading(page_text: str, file_pages: int = 0) -> Classification | None:
    """The title that starts a new part on this page of a merged PDF, if any."""
    if is_continuation(page_text, file_pages):
        return None
    lines = lines_of(page_text)
    if is_index(lines):
        return Classification(DocumentKind.OTHER, SPLIT_SCORE, "inhoudsopgave", 0)
    found = heading_of(lines, limit=6)
    if found is None or found.score < SPLIT_SCORE:
        return None
    if is_continuation(page_text):
        # numbered as page n of the whole file: no help in telling parts apart, so only
        # a strong title at the very top (not a numbered section heading) starts a part
        numbered_section = re.match(r"^\s*\d+(\.\d+)*[.)]?\s", found.line)
        if found.score < STRICT_SPLIT_SCORE or found.line_index > 2 or numbered_section:
            return None
    # a new part carries its own date or personal data on its first page; a section
    # heading inside a part ("Oordeel werknemer" in an evaluation) usually does not
    head = "\n".join(lines[:40])
    if not find_dates(head) and not _PART_DATA.search(head):
        return None
    return found
