"""Click commands of the auditor: ``audit`` and the ``checklist`` group.

Each command returns its exit code (0 ok, 1 findings at or above ``--fail-on``); bad input
and invalid checklists raise :class:`~poortwachter.errors.InputError`, which the main group
maps to exit code 2. Register with ``cli.add_command(audit_command)`` and
``cli.add_command(checklist_group)``.
"""

from __future__ import annotations

from datetime import date

import click

from poortwachter.audit.limits import Limits
from poortwachter.cli.options import (
    DATE,
    Progress,
    audit_limits_options,
    emit,
    format_option,
    toon_bsn_option,
)
from poortwachter.report import pick
from poortwachter.report.audit import FORMATS as AUDIT_FORMATS

_SEVERITY_FOR_FAIL = {"blocker": "blocker", "warning": "warning"}


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, metavar="PAD...")
@click.option(
    "--peildatum", type=DATE, default=None, help="Datum waarop getoetst wordt (standaard: vandaag)."
)
@click.option(
    "--eerste-ziektedag",
    type=DATE,
    default=None,
    help=(
        "Eerste ziektedag (JJJJ-MM-DD of DD-MM-JJJJ); zonder deze optie zoekt de auditor "
        "hem in de documenten."
    ),
)
@click.option(
    "--checklist",
    "checklist_file",
    type=click.Path(dir_okay=False),
    metavar="BESTAND",
    default=None,
    help="Eigen checklist (YAML); standaard de meegeleverde Werkwijzer Poortwachter 2023.",
)
@format_option(
    *AUDIT_FORMATS,
    default="text",
    help="Uitvoerformaat; xlsx geeft een overzicht van alle dossiers (vereist --output).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    metavar="BESTAND",
    default=None,
    help="Schrijf naar dit bestand.",
)
@click.option(
    "--fail-on",
    type=click.Choice(["blocker", "warning", "never"]),
    default="blocker",
    show_default=True,
    help="Exitcode 1 bij bevindingen van deze ernst of zwaarder.",
)
@toon_bsn_option
@audit_limits_options
def audit_command(
    paths: tuple[str, ...],
    peildatum: date | None,
    eerste_ziektedag: date | None,
    checklist_file: str | None,
    fmt: str,
    output: str | None,
    fail_on: str,
    toon_bsn: bool,
    limits: Limits,
) -> int:
    """Toets een re-integratiedossier (map, zip of losse bestanden) op volledigheid
    voor het re-integratieverslag (RIV), vóór het naar UWV gaat.

    Elke map of zip is één dossier; een map met submappen en zonder eigen documenten is
    een verzameling dossiers (één per submap); losse bestanden samen vormen één dossier.

    \b
    Voorbeelden:
      poortwachter audit dossiers/jansen --peildatum 2027-09-30
      poortwachter audit dossier.zip --format html --output toets.html
      poortwachter audit dossiers --format xlsx --output overzicht.xlsx --fail-on never
    """
    from poortwachter.audit.engine import audit_dossiers
    from poortwachter.audit.rules.checklist import load_checklist
    from poortwachter.domain.vocabulary import Severity
    from poortwachter.support.files import check_output_target

    check_output_target(output, [*paths, *([checklist_file] if checklist_file else [])])
    checklist = load_checklist(checklist_file)
    with Progress("Dossiers toetsen") as progress:
        results = audit_dossiers(
            paths,
            peildatum,
            eerste_ziektedag,
            checklist,
            limits=limits,
            progress=lambda done, total, dossier: progress(done, total, dossier[0]),
        )

    chosen = pick(AUDIT_FORMATS, fmt)
    emit(chosen.render(results, toon_bsn), output, binary_name=chosen.label)

    if fail_on == "never":
        return 0
    level = Severity(_SEVERITY_FOR_FAIL[fail_on])
    return 1 if any(r.at_or_above(level) for r in results) else 0


@click.group("checklist")
def checklist_group() -> None:
    """Bekijk of controleer een checklist (YAML) voor de dossiertoets.

    \b
    Voorbeelden:
      poortwachter checklist show
      poortwachter checklist types
      poortwachter checklist validate samples/fouten/checklist_met_fout.yaml
    """


@checklist_group.command("show")
@click.argument("file", required=False, type=click.Path(dir_okay=False), metavar="[BESTAND]")
def checklist_show(file: str | None) -> int:
    """Toon de regels van een checklist (standaard de meegeleverde).

    Voorbeeld: poortwachter checklist show checklists/werkwijzer-poortwachter-2023.yaml
    """
    from poortwachter.audit.rules.checklist import load_checklist

    cl = load_checklist(file)
    lines = [
        f"{cl.id} {cl.version} (Werkwijzer Poortwachter {cl.werkwijzer_edition}) — "
        f"{len(cl.rules)} regels",
        "",
    ]
    width = max(len(r.id) for r in cl.rules)
    for r in cl.rules:
        lines.append(
            f"{r.id:<{width}}  {r.severity.value:<8} {r.category.value:<12} "
            f"{r.document_kind.value:<28} {r.check}"
        )
        lines.append(f"{'':<{width}}  {r.message}")
        lines.append(f"{'':<{width}}  bron: {r.reference}")
    click.echo("\n".join(lines))
    return 0


@checklist_group.command("validate")
@click.argument("file", required=False, type=click.Path(dir_okay=False), metavar="[BESTAND]")
def checklist_validate(file: str | None) -> int:
    """Controleer een checklist: onbekende checktypes, dubbele regel-id's en foute
    parameters worden gemeld met regelnummer en regel-id (exitcode 2).

    Voorbeeld: poortwachter checklist validate samples/fouten/checklist_met_fout.yaml
    """
    from poortwachter.audit.rules.checklist import load_checklist

    cl = load_checklist(file)
    click.echo(f"Checklist {cl.id} {cl.version} is geldig: {len(cl.rules)} regels.")
    return 0


@checklist_group.command("types")
def checklist_types() -> int:
    """Toon de controletypes die een regel (veld 'check') kan gebruiken, met hun parameters.

    Voorbeeld: poortwachter checklist types
    """
    from poortwachter.audit.rules.checks import CHECKS

    width = max(map(len, CHECKS))
    lines = []
    for name in sorted(CHECKS):
        spec = CHECKS[name]
        lines.append(f"{name:<{width}}  {spec.description}")
        params = [
            f"{key}{' (verplicht)' if rule.get('required') else ''}"
            for key, rule in spec.params.items()
        ]
        lines.append(f"{'':<{width}}  parameters: {', '.join(params) or 'geen'}")
    click.echo("\n".join(lines))
    return 0
