"""The six UWV forms, one module each: ``poortwachter/forms/<form>.py`` holds the form's
:class:`~poortwachter.forms.spec.FormSpec` as ``SPEC`` — title, fields (the cerberus
schema), required signers, its own cross-field checks and the layout both templates are
built from.

:class:`~poortwachter.domain.vocabulary.FormId` is the registry: every id has its module
here, and a missing one fails at import with a message naming the file. Adding a form is
three files: the id in ``domain/vocabulary.py``, ``forms/<form>.py`` and
``samples/forms/<form>.yaml`` (then rebuild the templates, docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.forms.spec import FormSpec
from poortwachter.schemas.fields import is_blank
from poortwachter.schemas.form_parts import VISIE_FIELDS, VISIE_SOURCE, visie_required

__all__ = ["FORMS", "FormSpec", "form_problems", "form_spec"]


def _load(form: FormId) -> FormSpec:
    name = f"{__name__}.{form.value}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        raise RuntimeError(
            f"formulier '{form.value}' staat in FormId, maar poortwachter/forms/"
            f"{form.value}.py ontbreekt"
        ) from None
    spec = getattr(module, "SPEC", None)
    if not isinstance(spec, FormSpec) or spec.id is not form:
        raise RuntimeError(f"{name}: SPEC moet de FormSpec van '{form.value}' zijn")
    return spec


#: FormId → its spec, in the order of :class:`FormId`.
FORMS: dict[FormId, FormSpec] = {form: _load(form) for form in FormId}


def form_spec(form: FormId | str) -> FormSpec:
    """The spec of a form by id; raises :class:`InputError` for an unknown name."""
    try:
        return FORMS[FormId(form)]
    except ValueError:
        names = ", ".join(f.value for f in FormId)
        raise InputError(f"'{form}' is geen formulier; kies uit: {names}") from None


def form_problems(spec: FormSpec, doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Cross-field checks after cerberus: (dotted field, Dutch message) pairs.

    Every form: its signers are there, it is not dated before the eerste ziektedag, and a
    form with both views has them (unless the transitional rule applies); then the form's
    own :attr:`~poortwachter.forms.spec.FormSpec.checks`.
    """
    problems: list[tuple[str, str]] = []
    roles = {s["rol"] for s in doc.get("ondertekenaars") or ()}
    for role in spec.signers:
        if role.value not in roles:
            problems.append(
                (
                    "ondertekenaars",
                    f"de {role.value} moet dit formulier ondertekenen; voeg een ondertekenaar "
                    f"met rol '{role.value}' toe",
                )
            )
    if doc["formulierdatum"] < doc["eerste_ziektedag"]:
        problems.append(("formulierdatum", "ligt vóór de eerste ziektedag"))
    if spec.visie and visie_required(dict(doc)):
        for name in VISIE_FIELDS:
            if is_blank(doc.get(name)):
                who = name.removeprefix("visie_")
                problems.append(
                    (
                        name,
                        f"ontbreekt; dit veld is verplicht: sinds 1 juli 2023 bevat dit "
                        f"formulier de visie van de werkgever én van de werknemer "
                        f"({VISIE_SOURCE}); vul de visie van de {who} in",
                    )
                )
    return problems + spec.checks(doc)
