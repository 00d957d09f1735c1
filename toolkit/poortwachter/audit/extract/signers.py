"""Who signed or wrote a part: signature blocks, signature tables, digital stamps,
letter closings and authors named anywhere."""

from __future__ import annotations

import re

from poortwachter.audit.extract.sigblock import SignatureBlock
from poortwachter.audit.extract.signature_zone import (
    BLOCK_LABEL,
    SignatureZone,
    function_role,
)
from poortwachter.audit.extract.sigtables import signature_blocks
from poortwachter.audit.model import Signer
from poortwachter.audit.text.fields import (
    _SIGN_WORDS,
    _TITLE_PREFIX,
    clean_name,
    name_key,
    pairs_of,
    role_in,
)
from poortwachter.audit.text.lines import (
    Line,
)
from poortwachter.support.normalise import normalise


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
        if party_header or (labels and all(BLOCK_LABEL.match(lab) for lab in labels)):
            start -= 1
            steps += 1
        else:
            break
    return start


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
    and letter closings (one reader per layout, see
    :class:`~poortwachter.audit.extract.signature_zone.SignatureZone`)."""
    # without signature words only explicit authors, digital stamps and letter closings
    zone = SignatureZone(has_sign=_sign_word_index(lines) < len(lines))
    for index in range(_signature_start(lines), len(lines)):
        zone.read(index, lines[index].text)
    zone.flush_columns()
    # default function for a known role ("werknemer" signs as werknemer)
    for signer in zone.signers:
        if not signer.function and signer.role:
            signer.function = signer.role
        if signer.role is None:
            signer.role = function_role(signer.function)
    return _unique(zone.signers)


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
