"""The timeline commands: ``timeline`` (one case) and ``signalering`` (a spreadsheet of cases).

Each parses its options, calls one library function (:func:`~poortwachter.inputs.cases.
case_from_options` / :func:`~poortwachter.domain.timeline.compute_timeline`,
:func:`~poortwachter.report.signalering.run.run_signalering`) and emits the result.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from poortwachter.cli.options import (
    DATE,
    EXIT_FINDINGS,
    EXIT_OK,
    emit,
    format_option,
    output_option,
    peildatum_option,
    spreadsheet_limits_options,
    toon_bsn_option,
    warn,
)
from poortwachter.report import pick
from poortwachter.report.signalering import FORMATS as SIGNALERING_FORMATS
from poortwachter.report.timeline import FORMATS as TIMELINE_FORMATS

_HERSTEL_HELP = (
    "Herstelperiode tussen twee ziekteperiodes (eerste en laatste hersteldag); herhaalbaar. "
    "Herstel is volledig herstel voor het eigen werk: gedeeltelijk werken onderbreekt de "
    "wachttijd niet (Wet WIA art. 23 lid 3 b), en ziekte bij een vorige werkgever telt niet mee."
)


@click.command()
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
    verlenging: tuple[int, ...],
    loonsanctie: int | None,
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
    from poortwachter.inputs.cases import case_from_options, load_case_file
    from poortwachter.support.files import check_output_target

    check_output_target(output, [case_file] if case_file else [])
    if case_file:
        case = load_case_file(case_file)
    elif not eerste_ziektedag:
        raise click.UsageError("geef --eerste-ziektedag DATUM of --zaak BESTAND")
    else:
        case = case_from_options(
            eerste_ziektedag,
            herstel=herstel,
            verlenging_weken=verlenging,
            loonsanctie_weken=loonsanctie,
            geboortedatum=geboortedatum,
            gedaan=gedaan,
            evaluaties=evaluatie,
            **facts,
        )
    tl = compute_timeline(case, peildatum)
    chosen = pick(TIMELINE_FORMATS, fmt)
    emit(chosen.render(tl, case.label if case_file else None), output, binary_name=chosen.label)
    return EXIT_OK


@click.command()
@click.argument("cases", metavar="ZAKEN.xlsx|csv", type=click.Path(dir_okay=False, allow_dash=True))
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

    Leest een CSV- of XLSX-bestand met één zaak per rij ('-': standaardinvoer); zie README
    voor de kolommen (verplicht: eerste_ziektedag en naam of dossier). Een rij met fouten
    stopt alles (exit 2, er wordt niets geschreven), tenzij --skip-invalid.

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
    emit(result.data, output, binary_name=pick(SIGNALERING_FORMATS, fmt).label)
    warn(result.warnings)
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
