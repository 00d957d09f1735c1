"""Dutch messages for cerberus errors, one sentence per problem."""

from __future__ import annotations

from typing import Any, ClassVar

from cerberus import errors

_DUTCH = {
    errors.REQUIRED_FIELD.code: "ontbreekt; dit veld is verplicht",
    errors.UNKNOWN_FIELD.code: "is een onbekend veld",
    errors.NOT_NULLABLE.code: "is leeg; dit veld is verplicht",
    errors.EMPTY_NOT_ALLOWED.code: "is leeg; dit veld is verplicht",
    errors.BAD_TYPE.code: "heeft niet het goede type ({constraint} verwacht)",
    errors.MIN_VALUE.code: "is {value}, maar moet minstens {constraint} zijn",
    errors.MAX_VALUE.code: "is {value}, maar mag hoogstens {constraint} zijn",
    errors.MIN_LENGTH.code: "is te kort (minstens {constraint})",
    errors.MAX_LENGTH.code: "is te lang (hoogstens {constraint})",
    errors.UNALLOWED_VALUE.code: "'{value}' is geen toegestane waarde ({constraint})",
    errors.REGEX_MISMATCH.code: "'{value}' heeft niet de juiste vorm",
    errors.COERCION_FAILED.code: "{0}",
    errors.CUSTOM.code: "{0}",
}

_TYPE_NAMES = {
    "string": "tekst",
    "date": "een datum",
    "integer": "een geheel getal",
    "boolean": "ja of nee",
    "dict": "een groep velden",
    "list": "een lijst",
}


class DutchErrorHandler(errors.BasicErrorHandler):  # type: ignore[misc]
    """A cerberus error handler that words each problem as one Dutch sentence (type names
    and allowed values in Dutch; a coercer's own ``ValueError`` reason as it is)."""

    messages: ClassVar[dict[int, str]] = {**errors.BasicErrorHandler.messages, **_DUTCH}

    def _format_message(self, field: Any, error: Any) -> str:
        if error.code == errors.BAD_TYPE.code:
            constraint = error.constraint
            if isinstance(constraint, list | tuple):
                constraint = " of ".join(_TYPE_NAMES.get(str(c), str(c)) for c in constraint)
            else:
                constraint = _TYPE_NAMES.get(constraint, constraint)
            return str(self.messages[error.code].format(constraint=constraint))
        if error.code == errors.UNALLOWED_VALUE.code:
            allowed = ", ".join(str(c) for c in error.constraint)
            return f"'{error.value}' is geen toegestane waarde; kies uit: {allowed}"
        if error.code == errors.COERCION_FAILED.code and error.info:
            return str(error.info[0])
        return str(super()._format_message(field, error))
