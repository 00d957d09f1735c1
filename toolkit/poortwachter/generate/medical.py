"""No medical data in the employer's forms (AVG; DOMAIN.md, privacy).

Every free-text value of a form is matched against the auditor's own list of medical terms
(``support/data/medische_termen.txt``, the very list ``poortwachter audit`` reports with), so
what the generator lets through the auditor does not flag. A hit in an employer's form
refuses the form; in the bedrijfsarts' own document (the probleemanalyse,
:attr:`~poortwachter.forms.spec.FormSpec.bedrijfsarts_document`) it is a warning: that part
too is written in functional terms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from poortwachter.forms import FormSpec

#: Keys whose values are names or identifiers, not free text about the employee.
NOT_FREE_TEXT = frozenset(
    {"naam", "bsn", "kvk", "dossier", "rol", "adres", "organisatie", "email", "telefoon"}
    | {"loonheffingennummer"}
)
#: The statement printed on a form that passed the check (and only there).
PRIVACY_STATEMENT = (
    "Dit document bevat geen medische gegevens: geen diagnose en geen aard of oorzaak "
    "van de ziekte."
)


def display_path(dotted: str) -> str:
    """``'ondertekenaars.1.rol'`` → ``'ondertekenaars[2].rol'``: list items counted from 1."""
    out = ""
    for part in dotted.split("."):
        if part.isdigit():
            out += f"[{int(part) + 1}]"
        else:
            out += f".{part}" if out else part
    return out


def _texts(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if key not in NOT_FREE_TEXT:
                yield from _texts(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}.{i}")


def _as_written(text: str, term: str) -> str:
    """The term as the user wrote it (``Burn-out``), else the list's normalised form."""
    words = r"[\W_]+".join(re.escape(w) for w in term.split())
    found = re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE)
    return found.group(0) if found else term


def medical_hits(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(dotted field, medical term) for every free-text value that holds such a term."""
    from poortwachter.support.medical_terms import medical_pattern, medical_words
    from poortwachter.support.normalise import normalise

    pattern = medical_pattern()
    single, multi = medical_words()
    hits: list[tuple[str, str]] = []
    for path, text in _texts(doc, ""):
        norm = normalise(text)
        if single.isdisjoint(norm.split()) and not any(t in norm for t in multi):
            continue
        for term in dict.fromkeys(m.group(1) for m in pattern.finditer(norm)):
            hits.append((path, _as_written(text, term)))
    return hits


def medical_problems(spec: FormSpec, doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Refusals for an employer's form: (dotted field, Dutch message) per term found."""
    if spec.bedrijfsarts_document:
        return []
    return [
        (
            path,
            f"bevat de medische term '{term}'; een document van de werkgever mag geen "
            "diagnose en geen aard of oorzaak van de ziekte bevatten (AVG). Beschrijf wat de "
            "werknemer wel en niet kan, in functionele termen",
        )
        for path, term in medical_hits(doc)
    ]


def medical_warnings(spec: FormSpec, doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Warnings for the bedrijfsarts' probleemanalyse: it goes to the employer too."""
    if not spec.bedrijfsarts_document:
        return []
    return [
        (
            path,
            f"bevat de medische term '{term}'; de probleemanalyse gaat ook naar de werkgever "
            "en beschrijft beperkingen en mogelijkheden, niet de diagnose. Het formulier is "
            "gemaakt, zonder de verklaring dat het geen medische gegevens bevat",
        )
        for path, term in medical_hits(doc)
    ]
