"""Reporters, by family: ``report.timeline``, ``report.signalering`` and ``report.audit``.

Each family has one ``FORMATS`` registry (:class:`ReportFormat` by ``--format`` name) with
one render signature; the CLI takes its ``--format`` choices from it. A new output format
is a module in the family's folder plus one entry in its registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class ReportFormat(Generic[R]):
    """One output format of a report family."""

    #: the value of ``--format``
    name: str
    #: what the output is called in a Dutch message ("XLSX", "JSON")
    label: str
    #: the family's render function for this format (imports its module on first use)
    render: R


def registry(*formats: ReportFormat[R]) -> dict[str, ReportFormat[R]]:
    """The formats by name, in the order given (the first is listed first in ``--help``)."""
    return {f.name: f for f in formats}


def pick(formats: Mapping[str, ReportFormat[R]], name: str) -> ReportFormat[R]:
    """The format called ``name``; a Dutch ValueError naming the choices otherwise."""
    try:
        return formats[name]
    except KeyError:
        raise ValueError(f"onbekend formaat '{name}'; kies uit: {', '.join(formats)}") from None
