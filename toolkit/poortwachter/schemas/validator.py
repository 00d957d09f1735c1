"""The cerberus Validator of the toolkit: coercers registered by name, Dutch messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import cerberus

from poortwachter.schemas import fields
from poortwachter.schemas.messages import DutchErrorHandler


def _coercer_method(func: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    def method(self: Any, value: Any) -> Any:
        return func(value)

    return method


class _DutchValidator(cerberus.Validator):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("error_handler", DutchErrorHandler)
        super().__init__(*args, **kwargs)


#: ``coerce: "date"`` etc. name the coercers of ``fields.COERCERS``. cerberus finds coercers
#: in the class namespace when the class is created, hence ``type()`` with the methods.
Validator: type = type(
    "Validator",
    (_DutchValidator,),
    {f"_normalize_coerce_{name}": _coercer_method(f) for name, f in fields.COERCERS.items()},
)


def _leaves(errors_: Any) -> Any:
    for err in errors_:
        if err.is_group_error:
            yield from _leaves(err.child_errors)
        else:
            yield err


def _messages(v: Any) -> list[tuple[str, str]]:
    """One (dotted field path, Dutch message) per leaf error; a failed coercion already
    explains the wrong type, so the type error of the same field is dropped."""
    leaves = list(_leaves(v._errors))
    coerced = {e.document_path for e in leaves if e.code == cerberus.errors.COERCION_FAILED.code}
    handler = DutchErrorHandler()
    out: list[tuple[str, str]] = []
    for e in leaves:
        if e.code == cerberus.errors.BAD_TYPE.code and e.document_path in coerced:
            continue
        path = ".".join(str(p) for p in e.document_path)
        item = (path, handler._format_message(e.field, e))
        if item not in out:
            out.append(item)
    return out


def validate(
    schema: dict[str, Any], document: dict[str, Any], *, allow_unknown: bool = False
) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    """Normalise and validate; returns (document, []) or (None, [(field, message), ...])."""
    v = Validator(schema, allow_unknown=allow_unknown)
    if v.validate(document):
        return v.document, []
    return None, _messages(v)
