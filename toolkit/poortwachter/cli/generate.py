"""Click commands for form generation: ``generate``, ``batch`` and ``templates list|check``.

Each command returns its exit code (0 ok, 1 batch with failed rows, 2 problems found by
``templates check``); unusable input raises :class:`~poortwachter.errors.InputError`, which
the main group turns into exit code 2 with the Dutch message.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from poortwachter.cli.options import Progress, emit, spreadsheet_limits_options, warn
from poortwachter.domain.vocabulary import FormId
from poortwachter.errors import InputError
from poortwachter.forms import FORMS
from poortwachter.generate.template_files import bundled_templates_dir

FORM_CHOICE = click.Choice([f.value for f in FormId])
FORMAT_CHOICE = click.Choice(["docx", "pdf", "both"])


def _templates_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--templates",
        "templates_dir",
        type=click.Path(exists=True, file_okay=False),
        default=None,
        help="Map met eigen sjablonen (huisstijl); ontbrekende sjablonen komen uit de "
        "meegeleverde set.",
    )(func)


def _format_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--format",
        "fmt",
        type=FORMAT_CHOICE,
        default="both",
        show_default=True,
        help="Word (docx), PDF of allebei (both).",
    )(func)


def _overwrite_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--overwrite",
        is_flag=True,
        default=False,
        help="Bestaande bestanden vervangen (standaard: nooit overschrijven).",
    )(func)


_OUT_HELP = "Uitvoermap (wordt gemaakt als die nog niet bestaat)."


def _out_option(
    help: str = _OUT_HELP,
) -> Callable[[click.decorators.FC], click.decorators.FC]:
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(file_okay=False, allow_dash=True),
        default="out",
        show_default=True,
        help=help,
    )


def _pattern_option(func: click.decorators.FC) -> click.decorators.FC:
    from poortwachter.generate.names import DEFAULT_PATTERN, PLACEHOLDERS

    names = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
    return click.option(
        "--pattern",
        default=DEFAULT_PATTERN,
        show_default=True,
        help=f"Naampatroon voor de bestanden; velden: {names}.",
    )(func)


@click.command(
    "generate",
    help=(
        "Maak één UWV-formulier (Word en/of PDF) uit een zaakbestand in YAML of JSON.\n\n"
        "FORM is een van: " + ", ".join(f.value for f in FormId) + ".\n\n"
        "Welke velden? 'templates list --velden FORM' toont een YAML-skelet om "
        "in te vullen, met uitleg per veld en de kolommen voor batch; ingevulde voorbeelden "
        "staan in samples/forms/ (één per formulier). Onbekende velden worden gemeld, met de "
        "dichtstbijzijnde bekende naam.\n\n"
        "Voorbeeld:\n\n"
        "  poortwachter generate plan_van_aanpak --data samples/forms/plan_van_aanpak.yaml "
        "--out out --format pdf"
    ),
)
@click.argument("form", type=FORM_CHOICE, metavar="FORM")
@click.option(
    "--data",
    "data_file",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Zaakbestand (.yaml, .yml of .json) met de velden van het formulier; '-' leest "
    "standaardinvoer.",
)
@_out_option(
    _OUT_HELP[:-1] + "; '-' schrijft het formulier naar standaarduitvoer (met --format docx "
    "of pdf)."
)
@_format_option
@_templates_option
@_pattern_option
@_overwrite_option
def generate(
    form: str,
    data_file: str,
    out_dir: str,
    fmt: str,
    templates_dir: str | None,
    pattern: str,
    overwrite: bool,
) -> int:
    """``poortwachter generate``: one form from a case file; returns the exit code."""
    from poortwachter.generate.write import write_form
    from poortwachter.inputs.cases import load_case_document, shown_name

    data = load_case_document(data_file)
    warnings: list[str] = []
    if out_dir == "-":
        _to_stdout(form, data, fmt, templates_dir, shown_name(data_file), warnings)
        return 0
    paths = write_form(
        form,
        data,
        out_dir,
        fmt,
        pattern=pattern,
        templates_dir=templates_dir,
        overwrite=overwrite,
        source=shown_name(data_file),
        warnings=warnings,
    )
    warn(warnings)
    for path in paths:
        click.echo(str(path))
    return 0


def _to_stdout(
    form: str,
    data: dict[str, Any],
    fmt: str,
    templates_dir: str | None,
    source: str,
    warnings: list[str],
) -> None:
    """``generate --out -``: the one document to standard output, warnings to stderr."""
    from poortwachter.generate.render import render_form

    if fmt == "both":
        raise InputError(
            "--out - schrijft één document naar standaarduitvoer; kies --format docx of "
            "--format pdf"
        )
    blob = render_form(
        form, data, fmt, templates_dir=templates_dir, source=source, warnings=warnings
    )
    warn(warnings)
    emit(blob, "-")


@click.command(
    "batch",
    help=(
        "Maak één formulier per rij van een spreadsheet (XLSX of CSV; '-' leest "
        "standaardinvoer).\n\n"
        "Kolommen: de velden van het formulier, groep en veld met '_' ertussen "
        "(werknemer_naam, werknemer_bsn, werkgever_naam, ...). Activiteiten en "
        "ondertekenaars staan in een eigen blad ('activiteiten', 'ondertekenaars') met een "
        "kolom 'dossier', of in één cel: 'wat | wie | wanneer; ...'. Rijen met fouten komen "
        "in een foutrapport van deze run (foutrapport_<formulier>_<tijd>.xlsx en .json); "
        "de goede rijen worden toch gemaakt.\n\n"
        "Voorbeeld:\n\n"
        "  poortwachter batch plan_van_aanpak samples/batch_plan_van_aanpak.xlsx --out out "
        "--workers 2"
    ),
)
@click.argument("form", type=FORM_CHOICE, metavar="FORM")
@click.argument(
    "spreadsheet", type=click.Path(dir_okay=False, allow_dash=True), metavar="SPREADSHEET"
)
@_out_option()
@_format_option
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help=f"Aantal processen (standaard: aantal kernen, hier {os.cpu_count() or 1}).",
)
@_pattern_option
@_templates_option
@_overwrite_option
@spreadsheet_limits_options
def batch(
    form: str,
    spreadsheet: str,
    out_dir: str,
    fmt: str,
    workers: int | None,
    pattern: str,
    templates_dir: str | None,
    overwrite: bool,
    max_rows: int,
    max_bytes: int,
) -> int:
    """``poortwachter batch``: one form per row of a spreadsheet; returns the exit code."""
    if out_dir == "-":
        raise InputError(
            "batch schrijft een bestand per rij en een foutrapport; geef een map voor --out, "
            "geen '-'"
        )
    from poortwachter.errors import OutputError
    from poortwachter.generate.batch import BatchInterrupted, BatchOutputError, run_batch
    from poortwachter.support.gc import settle_for_exit

    failure: OutputError | None = None
    try:
        with Progress("Formulieren maken") as progress:
            result = run_batch(
                form,
                spreadsheet,
                out_dir,
                fmt,
                workers=workers,
                pattern=pattern,
                templates_dir=templates_dir,
                overwrite=overwrite,
                max_rows=max_rows,
                max_bytes=max_bytes,
                progress=progress,
            )
    except BatchInterrupted as stopped:
        result = stopped.result
    except BatchOutputError as stopped:  # what was written and what is still to do first
        result, failure = stopped.result, stopped
    # the process ends after this command: the interpreter's last collection need not scan
    # weasyprint, fontTools and the templates (~0.1 s of a PDF batch)
    settle_for_exit()
    warn(result.warnings)
    for error in result.errors:
        click.echo(error.describe(), err=True)
    if result.report_paths:
        click.echo("Foutrapport: " + ", ".join(str(p) for p in result.report_paths), err=True)
    click.echo(result.summary())
    if failure is not None:
        click.echo(result.interruption("Gestopt"), err=True)
        raise OutputError(failure.problems)
    if result.interrupted:
        click.echo(result.interruption(), err=True)
        return result.interrupt_code
    return result.exit_code


@click.group(
    "templates",
    help="De sjablonen van de formulieren bekijken en controleren.\n\n"
    "Voorbeelden:\n\n  poortwachter templates list --velden\n  poortwachter templates check",
)
def templates() -> None:
    """Group of the template subcommands."""


@templates.command(
    "list",
    help=(
        "Toon de formulieren en welke sjablonen gebruikt worden; met --velden ook de "
        "kolommen voor batch (* = verplicht). Met --velden FORM: een volledig YAML-skelet "
        "van dat formulier met uitleg per veld en de kolom voor batch ernaast; sla het op "
        "en vul het in.\n\n"
        "Voorbeelden:\n\n  poortwachter templates list --velden\n\n"
        "  poortwachter templates list --velden plan_van_aanpak > mijn_plan.yaml"
    ),
)
@_templates_option
@click.option(
    "--velden",
    "velden",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[FORM]",
    help="Toon ook de kolommen voor batch; met FORM het YAML-skelet van dat formulier.",
)
def templates_list(templates_dir: str | None, velden: str | None) -> int:
    """``poortwachter templates list``: the forms with their templates, or with
    ``--velden FORM`` a YAML skeleton of that form; returns the exit code."""
    from poortwachter.forms import form_spec
    from poortwachter.generate.batch import batch_columns
    from poortwachter.generate.lint import template_files

    if velden:
        from poortwachter.generate.skeleton import skeleton_lines

        for line in skeleton_lines(form_spec(velden)):
            click.echo(line)
        return 0
    tdir = Path(templates_dir) if templates_dir else None
    click.echo(f"Meegeleverde sjablonen: {bundled_templates_dir()}")
    files = template_files(tdir)
    for spec in FORMS.values():
        used = [p for s, p in files if s.id is spec.id]
        click.echo(f"\n{spec.id.value:<28} {spec.title}")
        click.echo(f"{'':<28} {spec.description}")
        for path in used:
            origin = "eigen" if tdir is not None and path.parent == tdir else "meegeleverd"
            click.echo(f"{'':<28} {path.name} ({origin})")
        if velden is not None:
            for column, required, note in batch_columns(spec):
                mark = "*" if required else " "
                click.echo(f"{'':<28} {mark} {column}" + (f"  ({note})" if note else ""))
    return 0


@templates.command(
    "check",
    help=(
        "Controleer sjablonen: velden die het formulier niet kent, verplichte velden die "
        "ontbreken en Jinja-code die Word over meerdere tekstdelen heeft verdeeld. "
        "Zonder MAP: de meegeleverde sjablonen. Exitcode 2 bij problemen.\n\n"
        "Voorbeeld:\n\n  poortwachter templates check mijn_sjablonen/"
    ),
)
@click.argument("directory", required=False, type=click.Path(file_okay=False))
def templates_check(directory: str | None) -> int:
    """``poortwachter templates check``: lint the templates; returns 2 when a problem was
    found, else 0."""
    from poortwachter.generate.lint import lint_templates
    from poortwachter.generate.pdf import font_subsetter

    problems = lint_templates(directory)
    for problem in problems:
        click.echo(problem.describe())
    if problems:
        click.echo(f"{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'} gevonden")
    else:
        click.echo("Alle sjablonen zijn in orde.")
    click.echo(f"Lettertypen in PDF worden ingekort met: {font_subsetter()}")
    return 2 if problems else 0
