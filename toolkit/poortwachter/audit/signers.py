"""Who signed or wrote a part: signature blocks, signature tables, digital stamps,
letter closings and authors named anywhere."""

from __future__ import annotations

import re

from poortwachter.audit.datefind import find_dates
from poortwachter.audit.labels import (
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
from poortwachter.audit.lines import (
    Line,
)
from poortwachter.audit.model import Signer
from poortwachter.audit.sigtables import SignatureBlock, signature_blocks
from poortwachter.audit.textnorm import normalise


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
                paren = re.search(r"\(([^)]{2,50})\)", raw)
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
    and letter closings."""
    zone_start = _signature_start(lines)
    # without signature words only explicit authors, digital stamps and letter closings
    has_sign = _sign_word_index(lines) < len(lines)
    signers: list[Signer] = []
    current: Signer | None = None
    role_ctx: str | None = None
    header: list[str] | None = None
    columns: list[Signer] | None = None
    closing = False

    def new(name: str | None, role: str | None, index: int) -> Signer:
        signer = Signer(name=name, role=role, line=index)
        signers.append(signer)
        return signer

    for index in range(zone_start, len(lines)):
        text = lines[index].text
        norm = normalise(text)
        for m in _DIGITAL.finditer(text):
            name = clean_name(m[1])
            if name:
                signer = new(name, None, index)
                signer.function = (m[2] or m[3] or "").strip() or None
                signer.role = _function_role(signer.function)
                after = find_dates(text[m.end() :])
                signer.date = after[0].value if after else None
        if norm.startswith("met vriendelijke groet") or norm.startswith("hoogachtend"):
            closing = True
            continue
        cells = [c.strip() for c in text.split(" | ")] if " | " in text else None
        if cells is None and has_sign:
            # two columns typed with tabs: "Werkgever Werknemer", "Naam: X Naam: Y"
            segments = label_segments(text)
            parties = party_words(text)
            if parties is not None:
                cells = parties
            elif len(segments) >= 2 and (columns is not None or _same_labels(segments)):
                cells = segments
        if cells is not None and has_sign:
            column_roles = [role_in(c) if len(normalise(c)) <= 40 else None for c in cells]
            if len(cells) >= 2 and all(column_roles) and len(set(column_roles)) == len(cells):
                if columns is None or [c.role for c in columns] != column_roles:
                    if columns is not None:
                        signers.extend(c for c in columns if c.name)
                    columns = [Signer(role=r, line=index) for r in column_roles]
                for party, cell in zip(columns, cells, strict=True):
                    if ":" in cell:  # "Naam werkgever: P. de Vries"
                        _fill_column(party, cell)
                continue
            if columns is not None and len(cells) == len(columns):
                for party, cell in zip(columns, cells, strict=True):
                    _fill_column(party, cell)
                continue
            columns = None
            norm_cells = [normalise(c) for c in cells]
            if "naam" in norm_cells and (
                {"functie", "datum", "rol", "handtekening"} & set(norm_cells)
            ):
                header = norm_cells
                continue
            if header is not None and len(cells) == len(header):
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
                    signers.append(signer)
                continue
            role = role_in(cells[0]) if len(normalise(cells[0])) <= 30 else None
            if role and len(cells) >= 2 and clean_name(cells[1]):
                signer = new(clean_name(cells[1]), role, index)
                for cell in cells[2:]:
                    found = find_dates(cell)
                    if found:
                        signer.date = found[0].value
                    elif cell and not signer.function and not _SIGN_WORDS.search(normalise(cell)):
                        signer.function = cell
                current = signer
                continue
        header = None if cells is None else header
        if columns is not None:
            signers.extend(c for c in columns if c.name)
            columns = None
        handled = False
        for label, value in pairs_of(text):
            if label is None:
                continue
            lnorm = normalise(label)
            role = role_in(label)
            if "functie" in lnorm:
                if current is not None and value:
                    current.function = value
                    current.role = current.role or _function_role(value)
                handled = True
            elif lnorm.startswith("datum") or "ondertekend op" in lnorm or lnorm == "d d":
                found = find_dates(value)
                if current is not None and found and current.date is None:
                    current.date = found[0].value
                handled = True
            elif (
                ("naam" in lnorm and has_sign)
                or "ondertekend door" in lnorm
                or "opgesteld door" in lnorm
                or (lnorm in ("auteur", "rapporteur", "namens"))
            ):
                paren = re.search(r"\(([^)]{2,50})\)", value)
                name_part, _, function_part = value.partition(",")
                name = clean_name(name_part)
                if name:
                    function = function_part.strip() or (paren.group(1) if paren else None)
                    current = new(name, role or _function_role(function) or role_ctx, index)
                    current.function = function
                handled = True
            elif role and has_sign and len(lnorm) <= 40:
                paren = re.search(r"\(([^)]{2,50})\)", value)
                name_part, _, function_part = value.partition(",")
                explicit = ":" in text or " | " in text
                name = clean_name(name_part) if explicit else None
                rest = function_part or (paren.group(1) if paren else "")
                if not name:
                    name, rest = leading_name(value)
                if not name and not explicit:
                    name = clean_name(name_part)
                if name:
                    current = new(name, role, index)
                    found = find_dates(rest)
                    if found:
                        current.date = found[0].value
                        rest = rest[: found[0].start] + rest[found[0].end :]
                    rest = _SIGN_RAW.sub("", rest or "").strip(" ,;|-")
                    if rest and not current.function and len(rest) <= 60:
                        current.function = rest
                    role_ctx = role
                else:
                    role_ctx = role
                    current = None
                handled = True
        if handled or not (has_sign or closing):
            continue
        # bare lines: "Name, function"; a role heading; a name/function under a role
        # heading or a letter closing
        if not _SIGN_WORDS.search(norm) and text.count(",") == 1 and " | " not in text:
            name_part, function_part = (part.strip() for part in text.split(","))
            name = clean_name(_TITLE_PREFIX.sub("", name_part))
            if name and len(name.split()) >= 2 and 0 < len(function_part) <= 50:
                current = new(name, None, index)
                current.function = function_part
                current.role = _function_role(function_part) or role_ctx
                continue
        role = role_in(text) if len(norm) <= 40 else None
        if (
            role
            and current is not None
            and current.function is None
            and not _SIGN_WORDS.search(norm)
            and len(norm.split()) <= 3
        ):
            current.function = text  # "K. Visser" then "bedrijfsarts"
            current.role = role
            continue
        if role and (len(norm.split()) <= 4 or _SIGN_WORDS.search(norm)):
            role_ctx = role
            current = None
            continue
        if _SIGN_WORDS.search(norm):
            continue
        if (role_ctx or closing) and current is None:
            name = clean_name(text)
            if name and len(name.split()) >= 2:
                current = new(name, role_ctx, index)
                continue
        if (
            current is not None
            and current.function is None
            and (role_ctx or closing)
            and len(norm) <= 50
            and not any(ch.isdigit() for ch in text)
        ):
            current.function = text
            current.role = current.role or _function_role(text)
            continue
    if columns is not None:
        signers.extend(c for c in columns if c.name)
    # default function for a known role ("werknemer" signs as werknemer)
    for signer in signers:
        if not signer.function and signer.role:
            signer.function = signer.role
        if signer.role is None:
            signer.role = _function_role(signer.function)
    return _unique(signers)


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
