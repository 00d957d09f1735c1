"""A commented YAML skeleton of a form's input, with the spreadsheet column of every field
(``poortwachter templates list --velden FORM``).

The skeleton is valid YAML: save it, fill in the values and pass it to ``generate --data``.
Every value is left empty, so a field that is not filled in is reported by name; each line's
comment says whether the field is required, what it takes, and under which column (and
which other header names) ``batch`` reads it.
"""

from __future__ import annotations

from typing import Any

from poortwachter.forms import FormSpec
from poortwachter.inputs.headers import FORM_ALIASES
from poortwachter.schemas.form_parts import choice_options
from poortwachter.schemas.paths import field_required

#: Width of the YAML part of a line; the comment starts after it.
_WIDTH = 34
KEY_COLUMN = "dossier"


def _kind(name: str, rules: dict[str, Any]) -> str:
    options = choice_options(rules)
    if options:
        return "keuze: " + " / ".join(options)
    if rules.get("type") == "date":
        return "datum (JJJJ-MM-DD of DD-MM-JJJJ)"
    if rules.get("type") == "boolean":
        return "ja of nee"
    if rules.get("type") == "integer":
        return "geheel getal"
    if rules.get("type") == "list":
        return "lijst van datums (in de spreadsheet gescheiden door ;)"
    if rules.get("coerce") == "bsn":
        return "BSN, 9 cijfers (11-proef)"
    if rules.get("coerce") == "kvk":
        return "KvK-nummer, 8 cijfers"
    if "allowed" in rules:
        return "een van: " + ", ".join(map(str, rules["allowed"]))
    return "tekst"


def _need(rules: dict[str, Any]) -> str:
    if "verplicht_sinds" in rules.get("meta", {}):
        return "verplicht (niet vóór 1-7-2023 bij een eerste ziektedag vóór 1-7-2023)"
    return "verplicht" if field_required(rules) else "optioneel"


def _column(column: str) -> str:
    also = FORM_ALIASES.get(column, ())
    return f"kolom {column}" + (f" (ook: {', '.join(also)})" if also else "")


def _line(yaml_part: str, comment: str) -> str:
    return f"{yaml_part:<{_WIDTH}} # {comment}"


def skeleton_lines(spec: FormSpec) -> list[str]:
    """The skeleton of ``spec`` as lines (see the module docstring)."""
    out = [
        f"# {spec.id.value}: {spec.title}",
        f"# {spec.description}",
        "# Links de YAML voor 'generate --data'; rechts de kolom voor 'batch'.",
        "# Voorbeeld: samples/forms/" + spec.id.value + ".yaml",
    ]
    for name, rules in spec.schema.items():
        if rules.get("type") == "dict" and "schema" in rules:
            out.append(_line(f"{name}:", _need(rules)))
            for sub, sub_rules in rules["schema"].items():
                comment = (
                    f"{_need(sub_rules)} · {_kind(sub, sub_rules)} · {_column(f'{name}_{sub}')}"
                )
                out.append(_line(f'  {sub}: ""', comment))
        elif rules.get("type") == "list" and rules.get("schema", {}).get("type") == "dict":
            subs = list(rules["schema"]["schema"])
            where = (
                f"blad '{name}' (met kolom {KEY_COLUMN}), of kolom {name}: {' | '.join(subs)}; ..."
            )
            out.append(_line(f"{name}:", f"{_need(rules)} · lijst, minstens 1 · {where}"))
            for i, (sub, sub_rules) in enumerate(rules["schema"]["schema"].items()):
                lead = "  - " if i == 0 else "    "
                comment = f"{_need(sub_rules)} · {_kind(sub, sub_rules)} · kolom {sub}"
                out.append(_line(f'{lead}{sub}: ""', comment))
        else:
            empty = "[]" if rules.get("type") == "list" else '""'
            comment = f"{_need(rules)} · {_kind(name, rules)} · {_column(name)}"
            out.append(_line(f"{name}: {empty}", comment))
    return out
