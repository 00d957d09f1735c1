"""Signature tables found by their structure, anywhere in a part (body, page header or
footer), in the layouts casemanagers use:

* one column per party: a header row of parties (``Werkgever | Werknemer``) and rows
  ``Naam / Functie / Datum / Handtekening`` (:func:`party_columns`); as DOCX cells, as
  PDF text with a row on one line, or with every cell on a line of its own;
* rows labelled per party: ``Naam werkgever``, ``Handtekening werknemer:``,
  ``Re-integratiebedrijf - naam``, a label and its value in neighbouring cells
  (:func:`labelled_rows`).

An empty name, date or signature cell in a party's column means that party did not sign,
when another party's cell in the same row is filled (a row empty for every party says
nothing: the signatures may be pictures). DOCX empty cells arrive as ``_``
(:data:`poortwachter.audit.intake.readers.docx.EMPTY_CELL`), pictures as ``[afbeelding]``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from poortwachter.audit.extract.sigblock import (
    FIELD_OF,
    Party,
    SignatureBlock,
    cell_value,
    cells_of,
    judge,
)
from poortwachter.audit.text.datefind import find_dates
from poortwachter.audit.text.fields import (
    ROLE_WORDS,
    clean_name,
    label_segments,
    leading_name,
    role_in,
)
from poortwachter.audit.text.lines import Line
from poortwachter.support.normalise import normalise

_ROW_LABEL = re.compile(
    r"^(naam|functie|datum|handtekening|paraaf|plaats|organisatie|bedrijf|getekend|"
    r"ondertekend|akkoord)\b"
)
_HEADER_NOISE = re.compile(
    r"^(de |namens (de )?|voor akkoord (de )?|paraaf (de )?|handtekening (de )?|"
    r"ondertekening (de )?|akkoord (de )?)"
)
_NO_PARTY = {"", "ondertekening", "handtekeningen", "partij", "partijen", "rol", "ondertekend"}
#: the lines after a party header that can still belong to its table
_MAX_TABLE_LINES = 30


def _party_role(cell: str) -> str | None:
    """The party a header cell names: 'Werkgever', 'De werknemer', 'Paraaf werkgever'."""
    norm = normalise(cell)
    norm = _HEADER_NOISE.sub("", norm)
    if ":" in cell and cell.split(":", 1)[1].strip():
        return None
    norm = norm.strip()
    if norm in ROLE_WORDS:
        return ROLE_WORDS[norm]
    if len(norm.split()) <= 3:
        role = role_in(norm)
        words = normalise(cell).split()
        if role and not _ROW_LABEL.match(normalise(cell)) and len(words) <= 3:
            return role
    return None


def _header(lines: list[Line], index: int) -> tuple[list[str], int] | None:
    """(roles, lines taken) when a party header starts at ``index``."""
    cells = [c for c in cells_of(lines[index].text) if normalise(c) not in _NO_PARTY]
    if len(cells) >= 2:
        roles = [_party_role(c) for c in cells]
        if all(roles) and len(set(roles)) == len(roles):
            return [r for r in roles if r], 1
    if " | " in lines[index].text:
        return None
    # "Werkgever Werknemer" on one PDF line
    words = _HEADER_NOISE.sub("", normalise(lines[index].text)).split()
    words = [w for w in words if w not in ("de", "namens")]
    if 2 <= len(words) <= 4:
        roles = [ROLE_WORDS.get(w) for w in words]
        if all(roles) and len(set(roles)) == len(roles):
            return [r for r in roles if r], 1
    # one party per line (a PDF table with a cell per line)
    stacked: list[str] = []
    while index + len(stacked) < len(lines) and len(stacked) < 5:
        text = lines[index + len(stacked)].text
        role = _party_role(text) if len(text) <= 30 and " | " not in text else None
        if role is None or role in stacked:
            break
        stacked.append(role)
    if len(stacked) >= 2:
        return stacked, len(stacked)
    return None


def _split(field_name: str, value: str, n: int) -> list[str]:
    """One PDF line holding the values of ``n`` columns → the values in order."""
    if n <= 1:
        return [value]
    if field_name == "datum":
        found = find_dates(value)
        return [value[d.start : d.end] for d in found]
    if field_name == "naam":
        names: list[str] = []
        rest = value
        while rest and len(names) < n:
            name, after = leading_name(rest)
            if name is None:
                break
            names.append(name)
            rest = after
        if len(names) >= 2 or not rest:
            return names
        return [value]
    words = value.split()
    return words if len(words) == n else [value]


def _row(text: str) -> tuple[str | None, list[str]]:
    """(field, values) of a table row: 'Naam | A | B', 'Naam: A', 'Naam A B', 'A | B'."""
    cells = cells_of(text)
    if len(cells) == 1:
        segments = label_segments(text)  # "Naam: P. de Vries Naam: J. Jansen" (tabs)
        if len(segments) >= 2:
            labels = {normalise(seg.partition(":")[0]) for seg in segments}
            m = _ROW_LABEL.match(next(iter(labels))) if len(labels) == 1 else None
            if m:
                values = [seg.partition(":")[2].strip() for seg in segments]
                return FIELD_OF.get(m[1], m[1]), values
    first = cells[0]
    label, sep, rest = first.partition(":")
    norm_label = normalise(label if sep else first)
    m = _ROW_LABEL.match(norm_label)
    if m and len(norm_label) <= 30 and (sep or len(cells) > 1 or len(norm_label.split()) <= 2):
        values = ([rest.strip()] if sep and rest.strip() else []) + cells[1:]
        return FIELD_OF.get(m[1], m[1]), values
    if m and not sep and len(cells) == 1:
        # "Naam P. de Vries Jan Jansen": the label, then the values
        word = first.split()[0]
        return FIELD_OF.get(m[1], m[1]), [first[len(word) :].strip()]
    return None, cells


def _guess_field(values: list[str]) -> str | None:
    """A row without a label: dates, names or signature marks."""
    filled = [v for v in (cell_value(x) for x in values) if v]
    if not filled:
        return None
    if all(find_dates(v) for v in filled):
        return "datum"
    norm = normalise(filled[0])
    if norm in ("getekend", "ondertekend", "akkoord", "afbeelding", "x", "v"):
        return "teken"
    if all(clean_name(v) or leading_name(v)[0] for v in filled):
        return "naam"
    return None


def _fill(parties: list[Party], field_name: str, values: list[str], cells_given: bool) -> None:
    n = len(parties)
    if not cells_given and len(values) == 1:
        values = _split(field_name, values[0], n)
    for party, value in zip(parties, values, strict=False):
        if field_name not in party.cells or not party.cells[field_name]:
            party.cells[field_name] = cell_value(value)
    for party in parties[len(values) :]:
        party.cells.setdefault(field_name, "")


def party_columns(lines: list[Line]) -> list[SignatureBlock]:
    """Signature tables with one column per party."""
    blocks: list[SignatureBlock] = []
    index = 0
    while index < len(lines):
        head = _header(lines, index)
        if head is None:
            index += 1
            continue
        roles, taken = head
        parties = [Party(role) for role in roles]
        last = index + taken - 1
        current: str | None = None
        cursor = index + taken
        while cursor < len(lines) and cursor - index <= _MAX_TABLE_LINES:
            text = lines[cursor].text
            if _header(lines, cursor) is not None:
                break
            field_name, values = _row(text)
            cells_given = " | " in text or len(values) > 1
            if field_name is None:
                if cells_given and len(values) >= len(parties):
                    field_name = _guess_field(values)
                elif current is not None and len(text) <= 60 and ":" not in text:
                    field_name = current  # the next cell of the row above
                else:
                    field_name = _guess_field(values) if len(text) <= 60 else None
                if field_name is None:
                    break
            elif field_name not in ("naam", "functie", "datum", "teken"):
                current = None
                last = cursor
                cursor += 1
                continue
            if field_name == current and not cells_given:
                filled = [p for p in parties if p.cells.get(field_name)]
                if len(filled) < len(parties) and values:
                    parties[len(filled)].cells[field_name] = cell_value(values[0])
                    last = cursor
                    cursor += 1
                    continue
            _fill(parties, field_name, values, cells_given)
            current = field_name
            last = cursor
            cursor += 1
        if any(p.cells.get("naam") or p.cells.get("datum") for p in parties):
            blocks.append(judge(parties, index, last))
            index = last + 1
        else:
            index += 1
    return blocks


@functools.lru_cache(maxsize=4096)
def _labelled_field(label: str) -> tuple[str | None, str | None]:
    """('naam', 'werkgever') for 'Naam werkgever', ('teken', 'werknemer') for
    'Handtekening werknemer', ('naam', 're-integratieadviseur') for
    'Re-integratiebedrijf - naam'."""
    norm = normalise(label)
    fields = [f for word, f in FIELD_OF.items() if re.search(rf"\b{word}\b", norm)]
    role = role_in(norm)
    return (fields[0] if fields else None), role


def labelled_rows(lines: list[Line]) -> list[SignatureBlock]:
    """Rows labelled per party ('Naam werkgever | X', 'Handtekening werknemer:'), also
    with several parties side by side ('Naam werkgever: | X | Naam werknemer: | Y')."""
    table = _LabelledTable()
    for index, line in enumerate(lines):
        cells = cells_of(line.text)
        if len(cells) == 1:
            cells = label_segments(line.text)  # "Naam werkgever: X Naam werknemer: Y"
        pairs = _pairs(cells)
        roles_here = table.take(index, pairs) if pairs else []
        if len(roles_here) >= 2:
            table.order = roles_here
        elif table.parties and not roles_here and index - table.last > 3:
            table.flush()
    table.flush()
    return table.blocks


@dataclass(slots=True)
class _LabelledTable:
    """The labelled rows read so far of one signature table (:func:`labelled_rows`)."""

    blocks: list[SignatureBlock] = field(default_factory=list)
    parties: dict[str, Party] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # parties of a side-by-side row
    current: str | None = None
    first: int = -1
    last: int = -1
    has_sign_row: bool = False

    def flush(self) -> None:
        """Judge the table read so far (two parties, a name, a signature row) and start
        a new one."""
        named = [p for p in self.parties.values() if p.cells.get("naam")]
        if len(self.parties) >= 2 and named and self.has_sign_row:
            self.blocks.append(judge(list(self.parties.values()), self.first, self.last))
        self.parties, self.order, self.current = {}, [], None
        self.first, self.has_sign_row = -1, False

    def take(self, index: int, pairs: list[tuple[str, str]]) -> list[str]:
        """Fill in the (label, value) pairs of line ``index``; the parties it named."""
        roles_here: list[str] = []
        for position, (label, value) in enumerate(pairs):
            field_name, role = _labelled_field(label)
            if field_name is None:
                continue
            if role is None and len(pairs) > 1 and position < len(self.order):
                role = self.order[position]
            role = role or self.current
            if role is None:
                continue
            party = self.parties.setdefault(role, Party(role))
            self.has_sign_row = self.has_sign_row or field_name == "teken"
            party.cells[field_name] = cell_value(value)
            roles_here.append(role)
            self.current = role
            if self.first < 0:
                self.first = index
            self.last = index
        return roles_here


def _pairs(cells: list[str]) -> list[tuple[str, str]]:
    """(label, value) pairs of a row whose labels end in ':' or are label words."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        label, sep, value = cell.partition(":")
        if sep and len(label) <= 50 and _labelled_field(label)[0]:
            if value.strip():
                out.append((label, value.strip()))
                i += 1
            else:
                following = cells[i + 1] if i + 1 < len(cells) else ""
                is_label = following.rstrip().endswith(":") or all(_labelled_field(following))
                taken = bool(following) and not is_label
                out.append((label, following if taken else ""))
                i += 2 if taken else 1
            continue
        field_name, role = _labelled_field(cell)
        if field_name and role and len(normalise(cell)) <= 40 and i + 1 < len(cells):
            out.append((cell, cells[i + 1]))
            i += 2
            continue
        if field_name and not sep and len(cells) == 2 and len(normalise(cell)) <= 20:
            out.append((cell, cells[1]))  # "Datum | 16-02-2026" under a party's name row
            i += 2
            continue
        i += 1
    return out


def signature_blocks(lines: list[Line]) -> list[SignatureBlock]:
    """Every signature table of a part, first by party columns, then labelled rows on the
    lines no column table took."""
    blocks = party_columns(lines)
    taken = {i for b in blocks for i in b.lines}
    rest = [line if i not in taken else Line(line.page, "") for i, line in enumerate(lines)]
    blocks.extend(b for b in labelled_rows(rest))
    return blocks
