"""The date of a part: a labelled date, else the latest signature date, else the first
date near the top that is not about another event or another document."""

from __future__ import annotations

import re
from datetime import date

from poortwachter.audit.classify.classifier import _best_on_line
from poortwachter.audit.extract.signers import (
    _sign_word_index,
)
from poortwachter.audit.model import Document, FoundValue
from poortwachter.audit.text.datefind import find_dates
from poortwachter.audit.text.lines import (
    Line,
)
from poortwachter.domain.vocabulary import DocumentKind
from poortwachter.support.normalise import normalise

_OTHER_EVENT = re.compile(
    r"(geboren|geboorte|ziektedag|verzuimdag|ziek sinds|verzuim sinds|arbeidsongeschikt|"
    r"ziekmelding|ziek gemeld|in dienst|dienstverband|einddatum|volgende|vervolg|gepland|"
    r"planning|uiterlijk|deadline|tot en met|aanvang|startdatum|start|ingang|verval|geldig|"
    r"herstel|hervat|verwacht|termijn|afspraak|wachttijd|aow|uit dienst)"
    r"|(vanaf|per|tot|sinds|t m|week|periode|einde|van)\W*$"
)
_DOC_LABEL = re.compile(
    r"(\bdatum( van)?( het| de)?( rapport| rapportage| verslag| gesprek| evaluatie| opgesteld|"
    r" opmaak| document| advies| afgifte| spreekuur| consult| onderzoek| bijstelling| opstellen|"
    r" oordeel| plan| analyse| invullen| ingevuld| ondertekening| opmaken| overleg)?\s*$|"
    r"dagtekening\s*$|opgesteld op\s*$|\bd d\s*$|gedateerd\s*$|datum\s*$)"
)
_SIGN_DATE = re.compile(r"(ondertekend|ondertekening|getekend|handtekening|akkoord|op)\W*$")
_PLACE_DATE = re.compile(r"^[A-Z][a-zA-Z'\- ]{1,30},\s*$")


def _context_before(lines: list[Line], index: int, start: int, after: int = 0) -> str:
    """The label before a date: the text of its cell since the previous date on the line,
    or the previous line when the date stands alone."""
    text = lines[index].text[after:start]
    if " | " in text:
        cells = text.split(" | ")
        last = cells[-1].strip()
        text = last if last else (cells[-2] if len(cells) >= 2 else "")
    if not text.strip() and index > 0 and len(lines[index - 1].text) <= 45:
        text = lines[index - 1].text
    return text[-60:]


def _other_kind_in(context: str, own: DocumentKind) -> bool:
    hit = _best_on_line(normalise(context))
    return hit is not None and hit[0] is not own and hit[0] is not DocumentKind.OTHER


def _own_kind_label(context: str, own: DocumentKind) -> bool:
    """'Datum eerstejaarsevaluatie:' or 'Plan van aanpak d.d.' in the part itself."""
    hit = _best_on_line(normalise(context))
    return hit is not None and hit[0] is own and own is not DocumentKind.OTHER


def extract_date(doc: Document, lines: list[Line]) -> None:
    """The document's date: a labelled date, else the latest signature date, else the first
    date near the top that is not about another event or another document."""
    labelled: list[tuple[date, Line]] = []
    signed: list[tuple[date, Line]] = []
    loose: list[tuple[date, Line, int]] = []
    sign_zone = _sign_word_index(lines)
    for index, line in enumerate(lines):
        previous_end = 0
        for hit in find_dates(line.text):
            raw_context = _context_before(lines, index, hit.start, previous_end)
            previous_end = hit.end
            context = normalise(raw_context)
            if _other_kind_in(raw_context, doc.kind) or _OTHER_EVENT.search(context):
                continue
            own = _own_kind_label(raw_context, doc.kind)
            if _DOC_LABEL.search(context) and index >= sign_zone:
                signed.append((hit.value, line))
            elif own or _DOC_LABEL.search(context) or _PLACE_DATE.match(raw_context.strip()):
                labelled.append((hit.value, line))
            elif _SIGN_DATE.search(context) or (index >= sign_zone and len(context) < 30):
                signed.append((hit.value, line))
            else:
                loose.append((hit.value, line, index))
    chosen: tuple[date, Line] | None = None
    if doc.kind is DocumentKind.ACTIVITEITENOVERZICHT:
        every = [(d, ln) for d, ln in labelled + signed] + [(d, ln) for d, ln, _ in loose]
        if every:
            chosen = max(every, key=lambda x: x[0])
    elif labelled:
        chosen = labelled[0]
    elif signed:
        chosen = max(signed, key=lambda x: x[0])
    elif loose and loose[0][2] < 25:
        chosen = (loose[0][0], loose[0][1])
    if chosen:
        doc.date = chosen[0]
        doc.date_evidence = FoundValue(chosen[0].isoformat(), chosen[1].page, chosen[1].text[:160])
