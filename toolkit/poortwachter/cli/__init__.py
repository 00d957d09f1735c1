"""The ``poortwachter`` command: a thin shell over the library.

Every command parses its options, calls one library function and returns an exit code
(DESIGN.md): 0 ok; 1 findings at or above --fail-on, or rows that failed while the good
rows were still handled; 2 usage error or unusable input (a Dutch message, no traceback);
3 unexpected internal error.
"""

from __future__ import annotations

import inspect
import re
import sys
import traceback
from collections.abc import Sequence

import click

from poortwachter import __version__
from poortwachter.cli import dutch as cli_dutch
from poortwachter.cli.options import (
    DEBUG_ENV,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_USAGE,
    Verbosity,
    configure_logging,
    debug_requested,
    verbosity_options,
)
from poortwachter.errors import InputError

#: Dutch placeholders for click's type names (``--out MAP`` rather than ``--out DIRECTORY``).
_TYPE_METAVARS = {
    "file": "BESTAND",
    "directory": "MAP",
    "path": "PAD",
    "integer": "GETAL",
    "integer range": "GETAL",
    "float": "GETAL",
    "float range": "GETAL",
    "text": "TEKST",
}


def _dutch_metavar(param: click.Parameter) -> None:
    word = _TYPE_METAVARS.get(getattr(param.type, "name", ""))
    if param.metavar is not None or word is None:
        return
    if isinstance(param, click.Argument):
        word += "..." if param.nargs != 1 else ""
        word = word if param.required else f"[{word}]"
    param.metavar = word


_INLINE_EXAMPLE = re.compile(r"(Voorbeeld(?:en)?):\s+(poortwachter [^\n]+)")


def _keep_examples(text: str | None) -> str | None:
    """Indented paragraphs (example commands) are shown as written, not re-wrapped."""
    if not text:
        return text
    paragraphs = []
    for p in inspect.cleandoc(text).split("\n\n"):
        inline = _INLINE_EXAMPLE.fullmatch(p)
        if inline:  # "Voorbeeld: poortwachter ..." on one line → the command on a line of its own
            p = f"\b\n{inline.group(1)}:\n  {inline.group(2)}"
        elif not p.startswith("\b") and all(line.startswith(" ") for line in p.split("\n")):
            p = "\b\n" + p
        paragraphs.append(p)
    return "\n\n".join(paragraphs)


def _dutch_metavars(cmd: click.Command) -> None:
    """Dutch usage line ('[OPTIES]', 'OPDRACHT [ARGS]...'), Dutch placeholders and examples
    kept whole, for a command and its subcommands."""
    if cmd.options_metavar == "[OPTIONS]":
        cmd.options_metavar = cli_dutch.OPTIONS_METAVAR
    for param in cmd.params:
        _dutch_metavar(param)
    cmd.help = _keep_examples(cmd.help)
    if isinstance(cmd, click.Group):
        if cmd.subcommand_metavar == "COMMAND [ARGS]...":
            cmd.subcommand_metavar = cli_dutch.SUBCOMMAND_METAVAR
        for sub in cmd.commands.values():
            _dutch_metavars(sub)


class Group(click.Group):
    """The poortwachter group: every command added to it gets a Dutch usage line."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        """Add ``cmd`` (and its subcommands) with Dutch metavars and usage line."""
        _dutch_metavars(cmd)
        super().add_command(cmd, name)


@click.group(
    cls=Group,
    options_metavar=cli_dutch.OPTIONS_METAVAR,
    subcommand_metavar=cli_dutch.SUBCOMMAND_METAVAR,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(
    __version__,
    "--version",
    prog_name="poortwachter",
    message="%(prog)s %(version)s",
    help="Toon de versie en stop.",
)
@verbosity_options
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: bool, debug: bool) -> None:
    """Poortwachter: UWV-formulieren maken, verzuimdossiers toetsen en deadlines bewaken
    volgens de Wet verbetering poortwachter.

    Voorbeeld: poortwachter timeline --eerste-ziektedag 2026-01-01
    """
    ctx.obj = Verbosity(quiet=quiet, verbose=verbose, debug=debug or debug_requested([]))
    configure_logging(ctx.obj)


def _register_commands() -> None:
    """The commands, one module per family: cli/timeline.py, cli/generate.py, cli/audit.py."""
    from poortwachter.cli.audit import audit_command, checklist_group
    from poortwachter.cli.generate import batch, generate, templates
    from poortwachter.cli.timeline import signalering, timeline

    for command in (
        timeline,
        signalering,
        generate,
        batch,
        templates,
        audit_command,
        checklist_group,
    ):
        cli.add_command(command)


_register_commands()


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the console script; maps exceptions to the exit codes of DESIGN.md."""
    from poortwachter.domain.privacy import scrub
    from poortwachter.support import lifecycle
    from poortwachter.support.textsafe import decoded_name, escape_controls

    cli_dutch.install()
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        # `timeout`, systemd, docker send SIGTERM: stop as on Ctrl-C, exit 143
        with lifecycle.sigterm_as_interrupt():
            rv = cli.main(
                args=args,
                prog_name="poortwachter",
                standalone_mode=False,
            )
    except click.exceptions.Abort as exc:  # click turns Ctrl-C (and SIGTERM) into Abort
        click.echo("Afgebroken.", err=True)
        cause = exc.__cause__
        sys.exit(lifecycle.exit_code(cause) if cause else lifecycle.EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except InputError as exc:
        for problem in exc.problems:
            # a file name may hold a BSN, or characters the terminal would obey
            shown = escape_controls(decoded_name(scrub(problem)))
            click.echo(f"fout: {shown}", err=True)
        sys.exit(EXIT_USAGE)
    except BrokenPipeError:
        sys.exit(lifecycle.EXIT_INTERRUPTED)
    except KeyboardInterrupt as exc:
        sys.exit(lifecycle.exit_code(exc))
    except Exception as exc:  # the last line of defence: no traceback for users
        click.echo(
            f"interne fout ({type(exc).__name__}): {scrub(str(exc)[:300])}. "
            "Dit is een fout in poortwachter; meld het met de opdracht die u gaf "
            "(zonder persoonsgegevens).",
            err=True,
        )
        if debug_requested(args):
            traceback.print_exc()
        else:
            click.echo(f"Met --debug of {DEBUG_ENV}=1 ziet u de details.", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(rv if isinstance(rv, int) else EXIT_OK)
