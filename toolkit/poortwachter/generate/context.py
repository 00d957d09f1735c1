"""Validated form data → the context a template is rendered with.

* dates become Dutch text (``12 februari 2026``), yes/no becomes ``ja``/``nee``, an empty
  optional field becomes ``""``; the BSN is written as ``1234.56.782``;
* text loses control characters that would break DOCX XML (newlines and tabs stay);
* every group is a :class:`Fields` that knows its dotted path, so a template asking for a
  field that does not exist fails with a message naming that field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from jinja2 import StrictUndefined
from jinja2.utils import missing

from poortwachter.domain.dates import format_nl
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError, Location
from poortwachter.forms import FormSpec, form_problems, form_spec
from poortwachter.generate.medical import (
    PRIVACY_STATEMENT,
    display_path,
    medical_hits,
    medical_problems,
    medical_warnings,
)
from poortwachter.inputs.headers import unknown_message
from poortwachter.schemas.form_parts import (
    VISIE_FIELDS,
    VISIE_NOT_REQUIRED,
    choice_options,
    visie_required,
)
from poortwachter.schemas.validator import validate

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


class Fields(dict[str, Any]):
    """A group of template fields that remembers where it sits (``werknemer``)."""

    __slots__ = ("_pw_path",)

    def __init__(self, path: str, items: Mapping[str, Any]) -> None:
        """``path``: where the group sits in the form data (``werknemer``), for messages about
        its fields; ``items``: the fields."""
        super().__init__(items)
        self._pw_path = path


class FieldUndefined(StrictUndefined):
    """StrictUndefined with a Dutch message that names the full field path."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint:
            return str(self._undefined_hint)
        name = self._undefined_name
        obj = self._undefined_obj
        if obj is missing:
            path = str(name)
        elif isinstance(obj, Fields):
            path = f"{obj._pw_path}.{name}" if obj._pw_path else str(name)
        else:
            path = f"{type(obj).__name__}.{name}"
        return f"het sjabloon gebruikt het veld '{path}', maar dat bestaat niet of is niet ingevuld"


def clean_text(value: str) -> str:
    """Strip characters that cannot appear in a document; keep newlines and tabs."""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def format_bsn(bsn: str) -> str:
    """``'123456782'`` → ``'1234.56.782'`` (how a BSN is usually printed; python-stdnum's
    ``bsn.format``); anything but 9 digits is left as it is."""
    from stdnum.nl import bsn as stdnum_bsn

    return str(stdnum_bsn.format(bsn)) if len(bsn) == 9 and bsn.isdigit() else bsn


def _convert(value: Any, path: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return format_nl(value)
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return Fields(
            path, {k: _convert(v, f"{path}.{k}" if path else k) for k, v in value.items()}
        )
    if isinstance(value, list | tuple):
        return [_convert(v, f"{path}[{i}]") for i, v in enumerate(value)]
    return value


def check_form(
    form: FormId | str, data: Mapping[str, Any]
) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """(normalised document, []) or (None, [(dotted field, Dutch message), ...]).

    Besides the schema and the cross-field rules, an employer's form with a medical term in
    any free-text value is refused (:mod:`poortwachter.generate.medical`).
    """
    spec = form_spec(form)
    doc, problems = validate(spec.schema, dict(data), allow_unknown=True)
    if doc is not None:
        problems = form_problems(spec, doc) + medical_problems(spec, doc)
    return (None, problems) if problems else (doc, [])


def form_warnings(form: FormId | str, doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Warnings on a valid document: (dotted field, Dutch message); the form is still made."""
    return medical_warnings(form_spec(form), doc)


def unknown_keys(schema: Mapping[str, Any], data: Any, path: str = "") -> list[str]:
    """A Dutch warning per key of ``data`` the form does not know, with the nearest known
    name ("veld 'visie_werknmer' is onbekend; bedoelt u 'visie_werknemer'?"); list items
    are counted from 1. Unknown keys are not used, so they must not go unnoticed."""
    if not isinstance(data, Mapping):
        return []
    out: list[str] = []
    for key, value in data.items():
        where = f"{path}.{key}" if path else str(key)
        rules = schema.get(key)
        if rules is None:
            out.append(
                unknown_message(where, [f"{path}.{k}" if path else k for k in schema], "veld")
            )
        elif rules.get("type") == "dict" and "schema" in rules:
            out += unknown_keys(rules["schema"], value, where)
        elif rules.get("schema", {}).get("type") == "dict" and isinstance(value, list):
            for i, item in enumerate(value):
                out += unknown_keys(rules["schema"]["schema"], item, f"{where}[{i + 1}]")
    return out


def describe_problems(problems: list[tuple[str, str]], source: str = "") -> list[str]:
    """One Dutch line per (dotted field, message), list items counted from 1."""
    return [
        f"{Location(source or None, field=display_path(f)).describe()}: {msg}"
        for f, msg in problems
    ]


def validate_form(form: FormId | str, data: Mapping[str, Any], source: str = "") -> dict[str, Any]:
    """Check form data against the form's schema; returns the normalised document.

    Raises :class:`InputError` with one Dutch sentence per problem, each naming the field
    (``veld 'werknemer.bsn'``). Unknown fields are allowed (a case file may hold more).
    """
    doc, problems = check_form(form, data)
    if problems:
        raise InputError(describe_problems(problems, source))
    assert doc is not None
    return doc


def checked_document(
    form: FormId | str,
    data: Mapping[str, Any],
    source: str = "",
    warnings: list[str] | None = None,
) -> tuple[FormSpec, dict[str, Any]]:
    """:func:`validate_form` as ``generate`` does it: (spec, normalised document).

    An invalid document raises :class:`InputError` whose problems also name the unknown
    keys (a misspelt key often explains a missing field). Given ``warnings``, it receives
    the unknown keys and the form's warnings (a medical term in the probleemanalyse).
    """
    spec = form_spec(form)
    prefix = f"{source}: " if source else ""
    unknown = [prefix + w for w in unknown_keys(spec.schema, data)]
    try:
        doc = validate_form(spec.id, data, source)
    except InputError as exc:
        raise InputError([*exc.problems, *unknown]) from None
    if warnings is not None:
        warnings.extend(unknown)
        warnings.extend(describe_problems(form_warnings(spec.id, doc), source))
    return spec, doc


def _complete(schema: Mapping[str, Any], doc: Mapping[str, Any] | None) -> dict[str, Any]:
    """Every field of the schema, optional ones that were left out as None."""
    doc = doc or {}
    out: dict[str, Any] = {}
    for name, rules in schema.items():
        value = doc.get(name)
        if rules.get("type") == "dict" and "schema" in rules:
            value = _complete(rules["schema"], value)
        elif rules.get("type") == "list" and rules.get("schema", {}).get("type") == "dict":
            value = [_complete(rules["schema"]["schema"], item) for item in value or ()]
        out[name] = value
    return out


def build_context(spec: FormSpec, doc: Mapping[str, Any]) -> dict[str, Any]:
    """A validated document → template context (only the fields of the form's schema)."""
    ctx: dict[str, Any] = {k: _convert(v, k) for k, v in _complete(spec.schema, doc).items()}
    werknemer = ctx["werknemer"]
    werknemer["bsn"] = format_bsn(werknemer["bsn"])
    for name, rules in spec.schema.items():
        labels = choice_options(rules)
        if labels and ctx.get(name):
            ctx[name] = labels.get(ctx[name], ctx[name])
    if spec.visie and not visie_required(dict(doc)):
        for name in VISIE_FIELDS:
            if not ctx[name]:
                ctx[name] = VISIE_NOT_REQUIRED
    statement = "" if medical_hits(doc) else PRIVACY_STATEMENT
    ctx["formulier"] = Fields(
        "formulier",
        {"id": spec.id.value, "titel": spec.title, "privacyverklaring": statement},
    )
    return ctx
