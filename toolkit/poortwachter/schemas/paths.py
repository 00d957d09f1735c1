"""Reading a nested form schema: which fields it has (as dotted paths) and which are
required."""

from __future__ import annotations

from typing import Any


def field_required(rules: dict[str, Any]) -> bool:
    """Whether a field must be filled in (a view: unless the transitional rule applies)."""
    return bool(rules.get("required")) or "verplicht_sinds" in rules.get("meta", {})


def schema_paths(schema: dict[str, Any], prefix: str = "") -> dict[str, bool]:
    """Every leaf field of a nested schema as a dotted path → required?

    A view (:data:`~poortwachter.schemas.form_parts.VISIE`) counts as required: it is,
    unless the transitional rule applies.

    List items are written ``activiteiten[].wat``; a list of plain values is its own leaf.
    """
    out: dict[str, bool] = {}
    for name, rules in schema.items():
        path = f"{prefix}{name}"
        required = field_required(rules)
        if rules.get("type") == "dict" and "schema" in rules:
            out.update(schema_paths(rules["schema"], f"{path}."))
        elif rules.get("type") == "list" and rules.get("schema", {}).get("type") == "dict":
            out[path] = required
            out.update(schema_paths(rules["schema"]["schema"], f"{path}[]."))
        else:
            out[path] = required
    return out
