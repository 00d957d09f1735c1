"""The signature zone of a part read line by line, one reader per layout
(:class:`SignatureZone`); :func:`~poortwachter.audit.extract.signers.zone_signers` drives it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    pairs_of,
    party_words,
    role_in,
)
from poortwachter.support.normalise import normalise

_PAREN = re.compile(r"\(([^)]{2,50})\)")


BLOCK_LABEL = re.compile(r"^(naam|functie|datum|plaats|namens|ondertekend|opgesteld)")


def function_role(function: str | None) -> str | None:
    """The party a function stands for ("HR-manager" → werkgever), or None."""
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


_SIGNER_TABLE_COLUMNS = {"functie", "datum", "rol", "handtekening"}


@dataclass(slots=True)
class SignatureZone:
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
        """A new signer found on line ``index``; later function and date lines belong to it."""
        signer = Signer(name=name, role=role, line=index)
        self.signers.append(signer)
        return signer

    def flush_columns(self) -> None:
        """The named parties of the column table read so far become signers."""
        if self.columns is not None:
            self.signers.extend(c for c in self.columns if c.name)
            self.columns = None

    def read(self, index: int, text: str) -> None:
        """Read one line of the zone with every layout's reader in turn."""
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
                signer.role = function_role(signer.function)
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
            signer.role = signer.role or function_role(signer.function)
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
        """One ``label: value`` pair of a labelled block; True when it was a signer's field."""
        lnorm = normalise(label)
        role = role_in(label)
        if "functie" in lnorm:
            if self.current is not None and value:
                self.current.function = value
                self.current.role = self.current.role or function_role(value)
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
            self.current = self.new(name, role or function_role(function) or self.role_ctx, index)
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
            current.role = current.role or function_role(text)

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
        self.current.role = function_role(function_part) or self.role_ctx
        return True
