"""YAML and JSON for untrusted case files: no aliases, bounded nesting.

``yaml.safe_load`` builds no objects, but an alias bomb (``&a [*a, *a, ...]`` nested a few
times) still expands to billions of nodes once something walks the data, and thousands of
nested brackets exhaust the recursion limit. A case file needs neither.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

#: Deepest nesting of lists and mappings a case file may have.
MAX_DEPTH = 20


class DocumentError(ValueError):
    """The text cannot be used; ``line`` (1-based) when known, the reason in Dutch."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        """``reason``: the Dutch reason; ``line``: the 1-based line, when known."""
        super().__init__(reason)
        self.reason = reason
        self.line = line


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise DocumentError("aliassen (*naam) zijn niet toegestaan", mark.line + 1)
        return super().compose_node(parent, index)


def _depth(data: Any) -> int:
    """Nesting depth, without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, level + 1) for child in children)
    return deepest


def load_document(text: str, *, json_syntax: bool) -> Any:
    """Parse YAML (or JSON) text; raises :class:`DocumentError` with a Dutch reason."""
    kind = "JSON" if json_syntax else "YAML"
    try:
        data = json.loads(text) if json_syntax else yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506
    except DocumentError:
        raise
    except json.JSONDecodeError as exc:
        raise DocumentError(f"is geen geldige {kind}", exc.lineno) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DocumentError(f"is geen geldige {kind}", mark.line + 1 if mark else None) from None
    except RecursionError:
        raise DocumentError(f"is te diep genest (meer dan {MAX_DEPTH} niveaus)") from None
    if _depth(data) > MAX_DEPTH:
        raise DocumentError(f"is te diep genest (meer dan {MAX_DEPTH} niveaus)")
    return data
