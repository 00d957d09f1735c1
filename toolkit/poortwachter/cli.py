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
from datetime import date
from typing import Any

import click

from poortwachter import __version__, cli_dutch
from poortwachter.cli_options import (
    DATE,
    DEBUG_ENV,
    Verbosity,
    configure_logging,
    debug_requested,
    emit,
    format_option,
    output_option,
    peildatum_option,
    spreadsheet_limits_options,
    toon_bsn_option,
    verbosity_options,
)
from poortwachter.errors import InputError
from poortwachter.report import pick
from poortwachter.report.signalering import FORMATS as SIGNALERING_FORMATS
from poortwachter.report.timeline import FORMATS as TIMELINE_FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


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


def _case_document(
    eerste_ziektedag: str | None,
    herstel: Sequence[str],
    facts: dict[str, Any],
    geboortedatum: date | None,
    gedaan: Sequence[str],
    evaluatie: Sequence[date],
) -> dict[str, Any]:
    doc: dict[str, Any] = {"eerste_ziektedag": eerste_ziektedag}
    if herstel:
        doc["herstel"] = "; ".join(herstel)
    if facts.get("verlof"):
        doc["verlof"] = "; ".join(facts["verlof"])
    for key in ("zwanger", "iva", "loonsanctie_weken"):
        if facts.get(key):
            doc[key] = facts[key]
    if facts.get("verlenging_weken"):
        doc["verlenging_weken"] = list(facts["verlenging_weken"])
    for key in ("aow_datum", "einde_dienstverband", "loonsanctie_hersteld"):
        if facts.get(key) is not None:
            doc[key] = facts[key]
    if geboortedatum:
        doc["werknemer"] = {"naam": "werknemer", "geboortedatum": geboortedatum}
    if evaluatie:
        doc["evaluaties"] = list(evaluatie)
    if gedaan:
        done: dict[str, str] = {}
        for item in gedaan:
            key, sep, value = item.partition("=")
            if not sep:
                raise InputError(
                    f"--gedaan '{item}': schrijf MIJLPAAL=DATUM, bijvoorbeeld "
                    "probleemanalyse=2026-02-10"
                )
            done[key.strip()] = value.strip()
        doc["gedaan"] = done
    return doc


_HERSTEL_HELP = (
    "Herstelperiode tussen twee ziekteperiodes (eerste en laatste hersteldag); herhaalbaar. "
    "Herstel is volledig herstel voor het eigen werk: gedeeltelijk werken onderbreekt de "
    "wachttijd niet (Wet WIA art. 23 lid 3 b), en ziekte bij een vorige werkgever telt niet mee."
)


@cli.command()
@click.option(
    "--eerste-ziektedag", metavar="DATUM", help="Eerste ziektedag (JJJJ-MM-DD of DD-MM-JJJJ)."
)
@click.option("--herstel", metavar="START:EIND", multiple=True, help=_HERSTEL_HELP)
@peildatum_option
@click.option(
    "--verlof",
    metavar="START:EIND",
    multiple=True,
    help="Zwangerschaps- en bevallingsverlof (WAZO): telt niet mee; ziekte direct ervoor en "
    "erna wordt samengeteld (Wet WIA art. 23 lid 3 en 5); herhaalbaar.",
)
@click.option(
    "--zwanger",
    is_flag=True,
    help="Ziekte door zwangerschap of bevalling (Ziektewet art. 29a): ziekmelding bij UWV "
    "binnen zes weken, geen 42e-weeksmelding. Samentelling geldt gewoon.",
)
@click.option(
    "--verlenging",
    metavar="WEKEN",
    type=int,
    multiple=True,
    help="Vrijwillige verlenging in weken (min. 13); herhaalbaar.",
)
@click.option("--loonsanctie", metavar="WEKEN", type=int, help="Loonsanctie in weken (max. 52).")
@click.option(
    "--loonsanctie-hersteld",
    type=DATE,
    help="Datum waarop UWV het verzuim hersteld vond: de loonsanctie eindigt 6 weken later.",
)
@click.option("--geboortedatum", type=DATE, help="Geboortedatum werknemer (bepaalt de AOW-datum).")
@click.option("--aow-datum", type=DATE, help="AOW-datum, als die bekend is.")
@click.option(
    "--einde-dienstverband",
    type=DATE,
    help="Laatste dag van het dienstverband (ziek uit dienst): melding UWV en (verkort) RIV.",
)
@click.option(
    "--iva",
    is_flag=True,
    help="Volledig en duurzaam arbeidsongeschikt: toon het venster voor een verkorte "
    "wachttijd (week 3 tot en met week 68).",
)
@click.option(
    "--gedaan",
    metavar="MIJLPAAL=DATUM",
    multiple=True,
    help="Mijlpaal die gedaan is, met de datum; herhaalbaar. Na de peildatum telt het nog "
    "niet, na de deadline is het 'te laat gedaan'.",
)
@click.option(
    "--evaluatie", type=DATE, multiple=True, help="Datum van een gehouden evaluatie; herhaalbaar."
)
@click.option(
    "--zaak",
    "case_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Lees de zaak uit een YAML- of JSON-bestand; '-' leest standaardinvoer.",
)
@format_option(*TIMELINE_FORMATS, default="table")
@output_option
def timeline(
    eerste_ziektedag: str | None,
    herstel: tuple[str, ...],
    peildatum: date | None,
    geboortedatum: date | None,
    gedaan: tuple[str, ...],
    evaluatie: tuple[date, ...],
    case_file: str | None,
    fmt: str,
    output: str | None,
    **facts: Any,
) -> int:
    """Alle wettelijke mijlpalen van een zaak met deadline en status op de peildatum.

    \b
    Voorbeelden:
      poortwachter timeline --eerste-ziektedag 2026-01-01
      poortwachter timeline --eerste-ziektedag 01-01-2026 --herstel 2026-02-01:2026-02-10
      poortwachter timeline --eerste-ziektedag 2026-01-05 --verlof 2026-03-02:2026-06-21
      poortwachter timeline --zaak samples/zaak.yaml --format ics --output zaak.ics
    """
    from poortwachter.domain.timeline import compute_timeline
    from poortwachter.inputs.cases import case_from_document, load_case_file
    from poortwachter.support.files import check_output_target

    check_output_target(output, [case_file] if case_file else [])
    facts["verlenging_weken"] = facts.pop("verlenging")
    facts["loonsanctie_weken"] = facts.pop("loonsanctie")
    if case_file:
        case = load_case_file(case_file)
    elif not eerste_ziektedag:
        raise click.UsageError("geef --eerste-ziektedag DATUM of --zaak BESTAND")
    else:
        doc = _case_document(eerste_ziektedag, herstel, facts, geboortedatum, gedaan, evaluatie)
        case = case_from_document(doc, "opdrachtregel")
    tl = compute_timeline(case, peildatum)
    chosen = pick(TIMELINE_FORMATS, fmt)
    emit(chosen.render(tl, case.label if case_file else None), output, binary_name=chosen.label)
    return EXIT_OK


@cli.command()
@click.argument("cases", metavar="ZAKEN.xlsx|csv", type=click.Path(dir_okay=False))
@peildatum_option
@click.option(
    "--horizon",
    default=14,
    show_default=True,
    type=click.IntRange(0, 3650),
    help="Aantal dagen vooruit voor 'binnenkort'.",
)
@click.option("--blad", "sheet", help="Naam van het werkblad (standaard het eerste zichtbare).")
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Sla rijen met fouten over (meld ze, exit 1) in plaats van te stoppen (exit 2).",
)
@format_option(*SIGNALERING_FORMATS, default="table")
@output_option
@toon_bsn_option
@spreadsheet_limits_options
def signalering(
    cases: str,
    peildatum: date | None,
    horizon: int,
    sheet: str | None,
    skip_invalid: bool,
    fmt: str,
    output: str | None,
    toon_bsn: bool,
    max_rows: int,
    max_bytes: int,
) -> int:
    """Per zaak de te late mijlpalen en die binnen HORIZON dagen (de werklijst van de casemanager).

    Leest een CSV- of XLSX-bestand met één zaak per rij; zie README voor de kolommen
    (verplicht: eerste_ziektedag en naam of dossier). Een rij met fouten stopt alles
    (exit 2, er wordt niets geschreven), tenzij --skip-invalid.

    \b
    Voorbeelden:
      poortwachter signalering samples/cases.xlsx --peildatum 2026-11-23
      poortwachter signalering zaken.csv --format xlsx --output signalering.xlsx
    """
    from poortwachter.domain.privacy import scrub
    from poortwachter.inputs.cases import rows_nl
    from poortwachter.report.signalering.run import run_signalering
    from poortwachter.support.files import check_output_target
    from poortwachter.support.gc import settle_for_exit

    check_output_target(output, [cases])
    result = run_signalering(
        cases,
        fmt,
        peildatum,
        horizon,
        sheet=sheet,
        max_rows=max_rows,
        max_bytes=max_bytes,
        toon_bsn=toon_bsn,
        skip_invalid=skip_invalid,
    )
    settle_for_exit()  # many objects were built; the process ends after this command
    emit(result.data, output, binary_name="XLSX" if fmt == "xlsx" else "")
    for warning in result.warnings:
        click.echo(f"waarschuwing: {warning}", err=True)
    if result.problems:
        for p in result.problems:
            click.echo(f"fout: {scrub(p, show_bsn=toon_bsn)}", err=True)
        click.echo(
            f"{result.cases} zaken verwerkt, {rows_nl(len(result.bad_rows))} met fouten "
            "overgeslagen",
            err=True,
        )
        return EXIT_FINDINGS
    return EXIT_OK


def _register_commands() -> None:
    """The commands that live with their library code (generate/, audit/)."""
    from poortwachter.audit.commands import audit_command, checklist_group
    from poortwachter.generate.commands import batch, generate, templates

    for command in (generate, batch, templates, audit_command, checklist_group):
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
