"""Filled in means filled in: Word placeholder texts, "n.v.t.", "volgt", an empty line to
write on and unticked check boxes do not make a field or a section present. The word
lists are data (``data/niet_ingevuld.yaml``)."""

from __future__ import annotations

from poortwachter.audit.datafiles import unfilled
from poortwachter.support.normalise import normalise


def is_empty_value(value: str) -> bool:
    """True for a value that fills nothing in: blank, ``_____``, ``n.v.t.``, ``volgt``,
    a placeholder ("Klik of tik om tekst in te voeren.")."""
    norm = normalise(value)
    if not norm:
        return True
    data = unfilled()
    return norm in data.values or norm.startswith(data.placeholders)


def box_state(line: str) -> bool | None:
    """False for a line that starts with an unticked check box, True for a ticked one,
    None for a line without a box."""
    text = line.lstrip(" -•*\t")
    data = unfilled()
    if text.startswith(data.boxes_empty):
        return False
    if text.startswith(data.boxes_ticked):
        return True
    return None


def unticked_line(line: str) -> bool:
    """A line that starts with an unticked box: a choice not made, not content."""
    return box_state(line) is False
