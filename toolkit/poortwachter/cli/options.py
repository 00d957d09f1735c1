"""Option decorators, parameter types and the output helper shared by the click commands."""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import click

from poortwachter.domain.dates import ACCEPTED_FORMATS, parse_date
from poortwachter.errors import InputError

#: Exit codes (DESIGN.md): 0 ok; 1 findings at or above --fail-on, or failed rows; 2 usage
#: error or unusable input; 3 internal error.
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

F = TypeVar("F", bound=Callable[..., Any])


class DateParam(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A date as YYYY-MM-DD or DD-MM-YYYY, with a Dutch error."""

    name = "DATUM"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        """The value as a date; a Dutch usage error naming the accepted formats otherwise."""
        if isinstance(value, date):
            return value
        try:
            return parse_date(value)
        except ValueError as exc:
            self.fail(f"{exc} (verwacht {ACCEPTED_FORMATS})", param, ctx)


DATE = DateParam()


def peildatum_option(func: F) -> F:
    """The ``--peildatum`` option (default: today)."""
    return click.option(
        "--peildatum",
        type=DATE,
        default=None,
        help="Datum waarop de status bepaald wordt (standaard: vandaag).",
    )(func)


def output_option(func: F) -> F:
    """The ``--output``/``-o`` option: a file, or ``-`` for standard output."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, writable=True, allow_dash=True),
        default=None,
        help="Schrijf naar dit bestand in plaats van naar de terminal ('-': standaarduitvoer).",
    )(func)


def format_option(*choices: str, default: str, help: str = "Uitvoerformaat.") -> Callable[[F], F]:
    """A ``--format`` option with these ``choices`` (from a report family's FORMATS)."""

    def deco(func: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help=help,
        )(func)

    return deco


def toon_bsn_option(func: F) -> F:
    """The ``--toon-bsn`` flag: show the full BSN instead of ``*****1234``."""
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


def audit_limits_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--max-bytes, --max-pages, --timeout, --ocr-max-pages and --ocr-timeout for commands
    that read dossier documents (SECURITY.md); the command receives them together as
    ``limits`` (:class:`~poortwachter.audit.limits.Limits`)."""
    from poortwachter.audit.limits import DEFAULT_LIMITS

    names = {
        "max_bytes": "read_bytes",
        "max_pages": "max_pages",
        "timeout": "seconds_per_file",
        "ocr_max_pages": "ocr_pages",
        "ocr_timeout": "ocr_seconds_per_page",
    }

    @functools.wraps(func)
    def with_limits(*args: Any, **kwargs: Any) -> Any:
        chosen = {field: kwargs.pop(option) for option, field in names.items()}
        kwargs["limits"] = dataclasses.replace(DEFAULT_LIMITS, **chosen)
        return func(*args, **kwargs)

    options = [
        click.option(
            "--ocr-timeout",
            type=click.FloatRange(0.1),
            default=DEFAULT_LIMITS.ocr_seconds_per_page,
            show_default=True,
            help="CPU-seconden OCR per gescande pagina, gemiddeld: het dossier krijgt "
            "--ocr-max-pages × dit aantal CPU-seconden OCR.",
        ),
        click.option(
            "--ocr-max-pages",
            type=click.IntRange(0),
            default=DEFAULT_LIMITS.ocr_pages,
            show_default=True,
            help="Lees hoogstens zoveel gescande pagina's per dossier met OCR (alle bestanden "
            "samen; 0: geen OCR; OCR vraagt pip install 'poortwachter[ocr]').",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(0.1),
            default=DEFAULT_LIMITS.seconds_per_file,
            show_default=True,
            help="Seconden per bestand; daarna stopt het lezen van dat bestand.",
        ),
        click.option(
            "--max-pages",
            type=click.IntRange(1),
            default=DEFAULT_LIMITS.max_pages,
            show_default=True,
            help="Lees hoogstens zoveel pagina's per PDF.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(1),
            default=DEFAULT_LIMITS.read_bytes,
            show_default=True,
            help="Lees geen document dat groter is (bytes); het wordt als onleesbaar gemeld.",
        ),
    ]
    wrapped: Callable[..., Any] = with_limits
    for option in options:
        wrapped = option(wrapped)
    return wrapped


class Progress:
    """A ``click.progressbar`` (with ETA) on the terminal, driven by a library callback
    ``progress(done, total, item)``. Nothing is shown with --quiet, when stderr is not a
    terminal, or for a single item; use as a context manager so the bar is closed."""

    def __init__(self, label: str) -> None:
        """``label``: the text before the bar."""
        self.label = label
        self._bar: Any = None
        self._off = False

    def __call__(self, done: int, total: int, item: object) -> None:
        """The library's callback: ``done`` of ``total`` items, the current one ``item``."""
        if self._off:
            return
        if self._bar is None:
            if total <= 1 or is_quiet() or not sys.stderr.isatty():
                self._off = True
                return
            self._bar = click.progressbar(
                length=total,
                label=self.label,
                file=sys.stderr,
                show_eta=True,
                show_pos=True,
                item_show_func=lambda shown: None if shown is None else str(shown)[:30],
            )
            self._bar.__enter__()
        self._bar.update(done - self._bar.pos, current_item=item)

    def __enter__(self) -> Progress:
        """Returns itself: the callback to hand to the library."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the bar, if one was shown."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def warn(warnings: Iterable[str]) -> None:
    """Each warning of a library call on stderr as ``waarschuwing: ...`` (data stays on
    stdout)."""
    for warning in warnings:
        click.echo(f"waarschuwing: {warning}", err=True)


def emit(data: str | bytes, output: str | None, *, binary_name: str = "") -> None:
    """Write command output to --output (atomically) or to stdout (no --output, or ``-``).

    Binary output (XLSX) goes to stdout only when asked for with ``--output -``.
    """
    if output and output != "-":
        from poortwachter.domain.privacy import scrub
        from poortwachter.support.files import write_atomic

        write_atomic(output, data)
        if not is_quiet():
            click.echo(f"Geschreven: {scrub(output)}", err=True)
        return
    if isinstance(data, bytes) and binary_name and not output:
        raise InputError(
            f"{binary_name} kan niet naar de terminal; geef --output BESTAND (of --output - "
            "voor standaarduitvoer)"
        )
    if isinstance(data, bytes):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        click.echo(data, nl=False)


# ------------------------------------------------------------------ --quiet/--verbose/--debug

#: Set to 1 to see the traceback of an internal error (for a bug report), like ``--debug``.
DEBUG_ENV = "POORTWACHTER_DEBUG"
_LEVEL_WORDS = {"DEBUG": "debug", "INFO": "info", "WARNING": "waarschuwing", "ERROR": "fout"}


@dataclass(frozen=True)
class Verbosity:
    """What the user asked to see on stderr (the group options), kept in ``ctx.obj``."""

    quiet: bool = False
    verbose: bool = False
    debug: bool = False

    @property
    def log_level(self) -> int:
        """The logging level for stderr: DEBUG with --debug, INFO with --verbose, ERROR with
        --quiet, else WARNING."""
        if self.debug:
            return logging.DEBUG
        if self.verbose:
            return logging.INFO
        return logging.ERROR if self.quiet else logging.WARNING


def debug_requested(args: list[str]) -> bool:
    """``--debug`` among the arguments or POORTWACHTER_DEBUG=1 in the environment."""
    return os.environ.get(DEBUG_ENV, "") not in ("", "0") or "--debug" in args


def current_verbosity() -> Verbosity:
    """The verbosity of the running command (the default outside a command)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return obj if isinstance(obj, Verbosity) else Verbosity()


def is_quiet() -> bool:
    """``--quiet``: only errors on stderr (no progress, no 'Geschreven:')."""
    return current_verbosity().quiet


class _DutchFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        from poortwachter.domain.privacy import scrub

        word = _LEVEL_WORDS.get(record.levelname, record.levelname.lower())
        return f"{word}: {scrub(record.getMessage())}"  # logs never show a BSN


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the current sys.stderr (click's test runner swaps it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(_DutchFormatter())

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(verbosity: Verbosity) -> None:
    """The library's log messages (logger ``poortwachter``) on stderr at the asked level;
    with ``--verbose`` also Python warnings of the libraries underneath (weasyprint's)."""
    logger = logging.getLogger("poortwachter")
    for handler in [h for h in logger.handlers if isinstance(h, _StderrHandler)]:
        logger.removeHandler(handler)
    logger.addHandler(_StderrHandler())
    logger.setLevel(verbosity.log_level)
    logging.captureWarnings(verbosity.verbose or verbosity.debug)
    warnings_logger = logging.getLogger("py.warnings")
    for handler in [h for h in warnings_logger.handlers if isinstance(h, _StderrHandler)]:
        warnings_logger.removeHandler(handler)
    if verbosity.verbose or verbosity.debug:
        warnings_logger.addHandler(_StderrHandler())


def verbosity_options(func: F) -> F:
    """--quiet, --verbose and --debug for the command group."""
    func = click.option(
        "--debug",
        is_flag=True,
        help=f"Alle meldingen, en bij een interne fout de traceback (ook: {DEBUG_ENV}=1).",
    )(func)
    func = click.option(
        "--verbose", "-v", is_flag=True, help="Ook de meldingen van de bibliotheek (info)."
    )(func)
    return click.option(
        "--quiet", "-q", is_flag=True, help="Alleen fouten: geen voortgang of 'Geschreven:'."
    )(func)
