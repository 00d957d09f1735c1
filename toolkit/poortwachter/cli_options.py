"""Option decorators, parameter types and the output helper shared by the click commands."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from poortwachter.domain.dates import ACCEPTED_FORMATS, parse_date
from poortwachter.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])


class DateParam(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A date as YYYY-MM-DD or DD-MM-YYYY, with a Dutch error."""

    name = "DATUM"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return parse_date(value)
        except ValueError as exc:
            self.fail(f"{exc} (verwacht {ACCEPTED_FORMATS})", param, ctx)


DATE = DateParam()


def peildatum_option(func: F) -> F:
    return click.option(
        "--peildatum",
        type=DATE,
        default=None,
        help="Datum waarop de status bepaald wordt (standaard: vandaag).",
    )(func)


def output_option(func: F) -> F:
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True),
        default=None,
        help="Schrijf naar dit bestand in plaats van naar de terminal.",
    )(func)


def format_option(*choices: str, default: str) -> Callable[[F], F]:
    def deco(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Uitvoerformaat.",
        )(func)

    return deco


def toon_bsn_option(func: F) -> F:
    return click.option(
        "--toon-bsn",
        is_flag=True,
        default=False,
        help="Toon het volledige BSN in plaats van *****1234.",
    )(func)


def spreadsheet_limits_options(func: F) -> F:
    """--max-rows and --max-bytes for commands that read a spreadsheet (SECURITY.md)."""
    from poortwachter.inputs.tabular import DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS

    func = click.option(
        "--max-rows",
        type=click.IntRange(1),
        default=DEFAULT_MAX_ROWS,
        show_default=True,
        help="Weiger een spreadsheet met meer rijen.",
    )(func)
    return click.option(
        "--max-bytes",
        type=click.IntRange(1),
        default=DEFAULT_MAX_BYTES,
        show_default=True,
        help="Weiger een groter bestand (bytes).",
    )(func)


def emit(data: str | bytes, output: str | None, *, binary_name: str = "") -> None:
    """Write command output to --output (atomically) or to stdout."""
    if output:
        from poortwachter.files import write_atomic

        write_atomic(output, data)
        click.echo(f"Geschreven: {output}", err=True)
        return
    if isinstance(data, bytes) and binary_name:
        raise InputError(f"{binary_name} kan niet naar de terminal; geef --output BESTAND")
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        click.echo(data, nl=False)
