"""A signature table as the auditor models it: the parties (one per column or labelled row),
what each filled in, and the judgement who signed and who did not (:class:`SignatureBlock`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from poortwachter.audit.model import Signer
from poortwachter.audit.text.datefind import find_dates
from poortwachter.audit.text.fields import (
    clean_name,
    leading_name,
)

EMPTY_CELL = "_"


FIELD_OF = {
    "naam": "naam",
    "functie": "functie",
    "datum": "datum",
    "handtekening": "teken",
    "paraaf": "teken",
    "getekend": "teken",
    "ondertekend": "teken",
    "akkoord": "teken",
}


@dataclass(slots=True)
class Party:
    """One party of a signature table: its role and its cells by field (``""`` when empty)."""

    role: str
    cells: dict[str, str] = field(default_factory=dict)  # field → value ("" when empty)


@dataclass(slots=True)
class SignatureBlock:
    """A signature table: its parties, who signed, and the lines it takes."""

    first: int
    last: int
    signers: list[Signer]
    unsigned: list[Signer]

    @property
    def lines(self) -> range:
        """The indices of the text lines the table takes."""
        return range(self.first, self.last + 1)


def cells_of(text: str) -> list[str]:
    """The cells of a table line (``" | "`` between cells), trimmed; a plain line is one cell."""
    return [c.strip() for c in text.split(" | ")] if " | " in text else [text.strip()]


def cell_value(cell: str) -> str:
    """A cell's value; blank, ``_`` and a line to write on (``______``, ``.....``) are empty."""
    return cell.strip() if cell.strip(" _.\u2026-") else ""


def party_signer(party: Party, line: int) -> Signer:
    """The signer a party's filled-in cells describe (name, function, date), at ``line``."""
    name_cell = party.cells.get("naam", "")
    name = clean_name(name_cell) or leading_name(name_cell)[0] if name_cell else None
    dates = find_dates(party.cells.get("datum", ""))
    return Signer(
        name=name,
        function=party.cells.get("functie") or party.role,
        role=party.role,
        date=dates[0].value if dates else None,
        line=line,
    )


def judge(parties: list[Party], first: int, last: int) -> SignatureBlock:
    """Who signed and who did not: an empty name, date or signature cell of a party while
    another party's cell in that row is filled means that party did not sign."""
    signers: list[Signer] = []
    unsigned: list[Signer] = []
    # a row counts when at least one party filled it in
    rows = {f for p in parties for f, v in p.cells.items() if v and f in ("naam", "datum", "teken")}
    for party in parties:
        signer = party_signer(party, first)
        empty = [f for f in rows if not party.cells.get(f)]
        (unsigned if empty or not any(party.cells.values()) else signers).append(signer)
    return SignatureBlock(first, last, signers, unsigned)
