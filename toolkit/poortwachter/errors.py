"""Exceptions that carry a Dutch message for the user.

The CLI maps :class:`InputError` to exit code 2 (usage error or unusable input) and prints
only the message, never a traceback. Library callers can catch the same classes.
"""

from __future__ import annotations

from collections.abc import Iterable


class PoortwachterError(Exception):
    """Base class of every error the toolkit raises on purpose."""


class InputError(PoortwachterError):
    """Input that cannot be used. Holds every problem found, each one Dutch sentence."""

    def __init__(self, problems: str | Iterable[str]) -> None:
        """``problems``: one Dutch sentence or several; ``ValueError`` when there are none."""
        self.problems: list[str] = [problems] if isinstance(problems, str) else list(problems)
        if not self.problems:
            raise ValueError("InputError needs at least one problem")
        super().__init__("\n".join(self.problems))


class OutputError(InputError):
    """The output cannot be written: no permission, a read-only or full disk, or a target
    that is one of the inputs. The user's environment, not a bug: exit code 2."""


class Location:
    """Where a value came from: a file, and for spreadsheets a sheet, row and column."""

    __slots__ = ("column", "field", "path", "row", "sheet")

    def __init__(
        self,
        path: str | None = None,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        field: str | None = None,
    ) -> None:
        """Each part is optional: the file's ``path``, the ``sheet``, the ``row`` number, the
        ``column`` as the user sees it (``C`` in XLSX, ``3`` in CSV) and the ``field`` name."""
        self.path = path
        self.sheet = sheet
        self.row = row
        self.column = column
        self.field = field

    def describe(self) -> str:
        """Dutch prefix such as ``zaken.xlsx, blad 'Zaken', rij 5, kolom C (bsn)``."""
        parts: list[str] = []
        if self.path:
            parts.append(self.path)
        if self.sheet:
            parts.append(f"blad '{self.sheet}'")
        if self.row is not None:
            parts.append(f"rij {self.row}")
        if self.column:
            col = f"kolom {self.column}"
            if self.field and self.field != self.column:
                col += f" ({self.field})"
            parts.append(col)
        elif self.field:
            parts.append(f"veld '{self.field}'")
        return ", ".join(parts)
