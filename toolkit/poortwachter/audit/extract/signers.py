"""Who signed or wrote a part: signature blocks, signature tables, digital stamps,
letter closings and authors named anywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from poortwachter.audit.extract.sigtables import SignatureBlock, signature_blocks
from poortwachter.audit.model import Signer
from poortwachter.audit.text.datefind import find_dates
from poortwachter.audit.text.fields import (
    _DIGITAL,
    _EMPLOYER_FUNCTIONS,
    _SIGN_RAW,
    _SIGN_WORDS,
    _TITLE_PREFIX,
    clean_name,
    label_segments,
    leading_name,
    name_key,
    pairs_of,
    party_words,
    role_in,
)
from poortwachter.audit.text.lines import (
    Line,
)
from poortwachter.audit.text.normalise import normalise


def _sign_word_index(lines: list[Line]) -> int:
    """Index of the first signature word of the last cluster (len(lines) when none)."""
    start = len(lines)
    for index in range(len(lines) - 1, 0, -1):
        norm = normalise(lines[index].text)
        if _SIGN_WORDS.search(norm) or norm.startswith("met vriendelijke groet"):
            start = index
            continue
        if start - index > 14:
            break
    return start


_PAREN = re.compile(r"\(([^)]{2,50})\)")
_BLOCK_LABEL = re.compile(r"^(naam|functie|datum|plaats|namens|ondertekend|opgesteld)")


def _signature_start(lines: list[Line]) -> int:
    """Index of the first line of the signature zone: the signature words, with the
    ``Naam:``/``Functie:`` lines just above them; the last lines when there are none."""
    start = _sign_word_index(lines)
    if start == len(lines):
        return max(len(lines) - 12, 0)
    first = lines[start].text
    if ":" not in first and " | " not in first and len(first) <= 45:
        return start  # a heading ("Ondertekening werkgever") opens the zone
    steps = 0
    while start > 0 and steps < 4:
        above = lines[start - 1].text
        labels = [normalise(label) for label, _ in pairs_of(above) if label]
        cells = above.split(" | ")
        party_header = len(cells) >= 2 and all(len(c) <= 40 and role_in(c) for c in cells)
        if party_header or (labels and all(_BLOCK_LABEL.match(lab) for lab in labels)):
            start -= 1
            steps += 1
        else:
            break
    return start


def _function_role(function: str | None) -> str | None:
    if not function:
        return None
    norm = normalise(function)
    role = role_in(function)
    if role:
        return role
    if _EMPLOYER_FUNCTIONS.search(norm):
        return "werkgever"
    return None


def _fill_column(signer: Signer, cell: str) -> None:
    """One cell of a signature table whose columns are the parties."""
    for label, value in pairs_of(cell):
        lnorm = normalise(label or "")
        if label is None or "naam" in lnorm:
            raw = value if label else cell
            name = clean_name(raw)
            if name and not signer.name:
                signer.name = name
                paren = _PAREN.search(raw)
                if paren and not signer.function:
                    signer.function = paren.group(1)
        elif "functie" in lnorm and value:
            signer.function = value
        elif lnorm.startswith("datum"):
            found = find_dates(value)
            if found:
                signer.date = found[0].value


def _same_labels(segments: list[str]) -> bool:
    """Segments that repeat one label ("Naam: X", "Naam: Y") are columns of parties."""
    labels = [normalise(seg.split(":", 1)[0]).split()[:1] for seg in segments if ":" in seg]
    return len(labels) >= 2 and all(labels) and len({tuple(lab) for lab in labels}) == 1


def extract_signers(lines: list[Line], blocks: list[SignatureBlock] | None = None) -> list[Signer]:
    """Signers of a part: the signature tables found by their structure anywhere
    (:mod:`.sigtables`), then the signature zone at the end (:func:`zone_signers`). A party
    a table shows as not signed (an empty cell in its column) is not taken from the zone."""
    blocks = signature_blocks(lines) if blocks is None else blocks
    if not blocks:
        return zone_signers(lines)
    taken = {i for block in blocks for i in block.lines}
    rest = [Line(line.page, "") if i in taken else line for i, line in enumerate(lines)]
    unsigned_roles = {s.role for block in blocks for s in block.unsigned if s.role}
    unsigned_names = {name_key(s.name) for block in blocks for s in block.unsigned if s.name}
    signers = [s for block in blocks for s in block.signers]
    for signer in zone_signers(rest):
        if signer.role in unsigned_roles or (
            signer.name and name_key(signer.name) in unsigned_names
        ):
            continue
        signers.append(signer)
    return _unique(signers)


def _unique(signers: list[Signer]) -> list[Signer]:
    unique: list[Signer] = []
    seen: set[tuple[str, str | None]] = set()
    for signer in signers:
        key = (normalise(signer.name or ""), signer.role)
        if key not in seen:
            seen.add(key)
            unique.append(signer)
    return unique


def zone_signers(lines: list[Line]) -> list[Signer]:
    """Signers from the signature zone: labelled blocks, signature tables, digital stamps
    and letter closings (one reader per layout, see :class:`_Zone`)."""
    # without signature words only explicit authors, digital stamps and letter closings
    zone = _Zone(has_sign=_sign_word_index(lines) < len(lines))
    for index in range(_signature_start(lines), len(lines)):
        zone.read(index, lines[index].text)
    zone.flush_columns()
    # default function for a known role ("werknemer" signs as werknemer)
    for signer in zone.signers:
        if not signer.function and signer.role:
            signer.function = signer.role
        if signer.role is None:
            signer.role = _function_role(signer.function)
    return _unique(zone.signers)


_SIGNER_TABLE_COLUMNS = {"functie", "datum", "rol", "handtekening"}


@dataclass(slots=True)
class _Zone:
    """The signature zone read line by line. Each layout has its own reader:
    digital stamps (:meth:`digital_stamps`), letter closings (:meth:`read`), a table with a
    column per party (:meth:`party_columns_row`), a table with a row per signer
    (:meth:`signer_table_row`), a row that starts with the party (:meth:`party_row`),
    labelled blocks such as "Voor akkoord:" / "Naam: / Functie: / Datum:"
    (:meth:`labelled`) and bare lines under a role heading or a closing (:meth:`bare_line`).
    """

    has_sign: bool
    signers: list[Signer] = field(default_factory=list)
    #: the signer the next function or date line belongs to
    current: Signer | None = None
    #: the party a heading ("Werkgever", "Namens de werknemer") announced
    role_ctx: str | None = None
    #: the column names of a table with a row per signer
    header: list[str] | None = None
    #: the parties of a table with a column per party
    columns: list[Signer] | None = None
    #: after "Met vriendelijke groet" / "Hoogachtend"
    closing: bool = False

    def new(self, name: str | None, role: str | None, index: int) -> Signer:
        signer = Signer(name=name, role=role, line=index)
        self.signers.append(signer)
        return signer

    def flush_columns(self) -> None:
        """The named parties of the column table read so far become signers."""
        if self.columns is not None:
            self.signers.extend(c for c in self.columns if c.name)
            self.columns = None

    def read(self, index: int, text: str) -> None:
        norm = normalise(text)
        self.digital_stamps(index, text)
        if norm.startswith("met vriendelijke groet") or norm.startswith("hoogachtend"):
            self.closing = True
            return
        cells = self.cells(text)
        if cells is not None and self.has_sign and self.table_row(index, cells):
            return
        if cells is None:
            self.header = None
        self.flush_columns()
        if self.labelled(index, text) or not (self.has_sign or self.closing):
            return
        self.bare_line(index, text, norm)

    def digital_stamps(self, index: int, text: str) -> None:
        """ "Digitaal ondertekend door P. de Vries (werkgever) op 16-02-2026"."""
        for m in _DIGITAL.finditer(text):
            name = clean_name(m[1])
            if name:
                signer = self.new(name, None, index)
                signer.function = (m[2] or m[3] or "").strip() or None
                signer.role = _function_role(signer.function)
                after = find_dates(text[m.end() :])
                signer.date = after[0].value if after else None

    def cells(self, text: str) -> list[str] | None:
        """The cells of a table row: ``A | B``, or two columns typed with tabs
        ("Werkgever Werknemer", "Naam: X Naam: Y"); None for a line that is no row."""
        if " | " in text:
            return [c.strip() for c in text.split(" | ")]
        if not self.has_sign:
            return None
        segments = label_segments(text)
        parties = party_words(text)
        if parties is not None:
            return parties
        if len(segments) >= 2 and (self.columns is not None or _same_labels(segments)):
            return segments
        return None

    def table_row(self, index: int, cells: list[str]) -> bool:
        """A row of one of the signature tables; False when it is none (and any column
        table ends without its parties)."""
        if self.party_columns_row(index, cells):
            return True
        self.columns = None
        norm_cells = [normalise(c) for c in cells]
        if "naam" in norm_cells and _SIGNER_TABLE_COLUMNS & set(norm_cells):
            self.header = norm_cells
            return True
        if self.header is not None and len(cells) == len(self.header):
            self.signer_table_row(index, self.header, cells)
            return True
        return self.party_row(index, cells)

    def party_columns_row(self, index: int, cells: list[str]) -> bool:
        """A table with one column per party: the header row of parties, then rows of
        cells filled in per party."""
        column_roles = [role_in(c) if len(normalise(c)) <= 40 else None for c in cells]
        if len(cells) >= 2 and all(column_roles) and len(set(column_roles)) == len(cells):
            if self.columns is None or [c.role for c in self.columns] != column_roles:
                self.flush_columns()
                self.columns = [Signer(role=r, line=index) for r in column_roles]
            for party, cell in zip(self.columns, cells, strict=True):
                if ":" in cell:  # "Naam werkgever: P. de Vries"
                    _fill_column(party, cell)
            return True
        if self.columns is not None and len(cells) == len(self.columns):
            for party, cell in zip(self.columns, cells, strict=True):
                _fill_column(party, cell)
            return True
        return False

    def signer_table_row(self, index: int, header: list[str], cells: list[str]) -> None:
        """A table with one row per signer under ``Naam | Functie | Datum``."""
        signer = Signer(line=index)
        for column, cell_value in zip(header, cells, strict=True):
            if column == "naam":
                signer.name = clean_name(cell_value)
            elif column == "functie":
                signer.function = cell_value or None
            elif column in ("rol", "partij", "namens", "hoedanigheid"):
                signer.role = role_in(cell_value)
            elif column.startswith("datum"):
                found = find_dates(cell_value)
                signer.date = found[0].value if found else None
        if signer.name:
            signer.role = signer.role or _function_role(signer.function)
            self.signers.append(signer)

    def party_row(self, index: int, cells: list[str]) -> bool:
        """``Werkgever | P. de Vries | directeur | 16-02-2026``."""
        role = role_in(cells[0]) if len(normalise(cells[0])) <= 30 else None
        if not (role and len(cells) >= 2 and clean_name(cells[1])):
            return False
        signer = self.new(clean_name(cells[1]), role, index)
        for cell in cells[2:]:
            found = find_dates(cell)
            if found:
                signer.date = found[0].value
            elif cell and not signer.function and not _SIGN_WORDS.search(normalise(cell)):
                signer.function = cell
        self.current = signer
        return True

    def labelled(self, index: int, text: str) -> bool:
        """Labelled lines ("Naam:", "Functie:", "Datum:", "Voor akkoord werknemer: X");
        True when the line had a label of a signature block."""
        handled = False
        for label, value in pairs_of(text):
            if label is not None and self.label(index, text, label, value):
                handled = True
        return handled

    def label(self, index: int, text: str, label: str, value: str) -> bool:
        lnorm = normalise(label)
        role = role_in(label)
        if "functie" in lnorm:
            if self.current is not None and value:
                self.current.function = value
                self.current.role = self.current.role or _function_role(value)
            return True
        if lnorm.startswith("datum") or "ondertekend op" in lnorm or lnorm == "d d":
            found = find_dates(value)
            if self.current is not None and found and self.current.date is None:
                self.current.date = found[0].value
            return True
        if (
            ("naam" in lnorm and self.has_sign)
            or "ondertekend door" in lnorm
            or "opgesteld door" in lnorm
            or (lnorm in ("auteur", "rapporteur", "namens"))
        ):
            self.name_label(index, value, role)
            return True
        if role and self.has_sign and len(lnorm) <= 40:
            self.party_label(index, text, value, role)
            return True
        return False

    def name_label(self, index: int, value: str, role: str | None) -> None:
        """``Naam: P. de Vries, directeur`` / ``Opgesteld door: K. Visser (bedrijfsarts)``."""
        paren = _PAREN.search(value)
        name_part, _, function_part = value.partition(",")
        name = clean_name(name_part)
        if name:
            function = function_part.strip() or (paren.group(1) if paren else None)
            self.current = self.new(name, role or _function_role(function) or self.role_ctx, index)
            self.current.function = function

    def party_label(self, index: int, text: str, value: str, role: str) -> None:
        """``Werknemer: J. Jansen, 16-02-2026`` / ``Voor akkoord werkgever:`` (a heading
        for the lines below when no name follows)."""
        paren = _PAREN.search(value)
        name_part, _, function_part = value.partition(",")
        explicit = ":" in text or " | " in text
        name = clean_name(name_part) if explicit else None
        rest = function_part or (paren.group(1) if paren else "")
        if not name:
            name, rest = leading_name(value)
        if not name and not explicit:
            name = clean_name(name_part)
        self.role_ctx = role
        if not name:
            self.current = None
            return
        self.current = self.new(name, role, index)
        found = find_dates(rest)
        if found:
            self.current.date = found[0].value
            rest = rest[: found[0].start] + rest[found[0].end :]
        rest = _SIGN_RAW.sub("", rest or "").strip(" ,;|-")
        if rest and not self.current.function and len(rest) <= 60:
            self.current.function = rest

    def bare_line(self, index: int, text: str, norm: str) -> None:
        """Lines without labels: "Name, function"; a role heading; a name or function
        under a role heading or a letter closing."""
        if self.name_comma_function(index, text, norm):
            return
        role = role_in(text) if len(norm) <= 40 else None
        signs = bool(_SIGN_WORDS.search(norm))
        current = self.current
        short = len(norm.split()) <= 3
        if role and current is not None and current.function is None and not signs and short:
            current.function = text  # "K. Visser" then "bedrijfsarts"
            current.role = role
            return
        if role and (len(norm.split()) <= 4 or signs):
            self.role_ctx = role
            self.current = None
            return
        if signs:
            return
        if (self.role_ctx or self.closing) and current is None:
            name = clean_name(text)
            if name and len(name.split()) >= 2:
                self.current = self.new(name, self.role_ctx, index)
                return
        if (
            current is not None
            and current.function is None
            and (self.role_ctx or self.closing)
            and len(norm) <= 50
            and not any(ch.isdigit() for ch in text)
        ):
            current.function = text
            current.role = current.role or _function_role(text)

    def name_comma_function(self, index: int, text: str, norm: str) -> bool:
        """``P. de Vries, directeur`` on a line of its own."""
        if _SIGN_WORDS.search(norm) or text.count(",") != 1 or " | " in text:
            return False
        name_part, function_part = (part.strip() for part in text.split(","))
        name = clean_name(_TITLE_PREFIX.sub("", name_part))
        if not (name and len(name.split()) >= 2 and 0 < len(function_part) <= 50):
            return False
        self.current = self.new(name, None, index)
        self.current.function = function_part
        self.current.role = _function_role(function_part) or self.role_ctx
        return True


_AUTHOR_LABEL = re.compile(
    r"^(opgesteld door|auteur|rapporteur|verslaglegger|ingevuld door|naam (bedrijfsarts|"
    r"arbeidsdeskundige|casemanager|opsteller)|bedrijfsarts|arbeidsdeskundige|casemanager|"
    r"behandelend bedrijfsarts|verzekeringsarts)$"
)


def extract_authors(lines: list[Line]) -> list[Signer]:
    """People named as author or professional anywhere, with their function; and a bare
    ``dr. K. Visser, bedrijfsarts`` line."""
    found: list[Signer] = []
    for index, line in enumerate(lines):
        if ":" not in line.text and " | " not in line.text and line.text.count(",") == 1:
            name_part, function_part = line.text.split(",")
            role = role_in(function_part) if len(function_part) <= 40 else None
            name = clean_name(_TITLE_PREFIX.sub("", name_part.strip()))
            if role and name:
                found.append(
                    Signer(name=name, function=function_part.strip(), role=role, line=index)
                )
                continue
        if index + 1 < len(lines) and ":" not in line.text and " | " not in line.text:
            following = lines[index + 1].text.split(",")[0].strip()
            role = (
                role_in(following)
                if len(following) <= 40 and not _SIGN_WORDS.search(normalise(following))
                else None
            )
            name = clean_name(_TITLE_PREFIX.sub("", line.text))
            if role and name and len(name.split()) >= 2 and len(normalise(following).split()) <= 3:
                found.append(Signer(name=name, function=following, role=role, line=index))
                continue
        for label, value in pairs_of(line.text):
            if label is None:
                continue
            lnorm = normalise(label)
            if not _AUTHOR_LABEL.match(lnorm):
                continue
            name_part, _, function_part = value.partition(",")
            name = clean_name(_TITLE_PREFIX.sub("", name_part))
            if not name:
                continue
            function = function_part.strip() or role_in(label) or None
            found.append(Signer(name=name, function=function, role=role_in(label), line=index))
    return found
