"""Dutch for click's own texts (usage, option headings, its error messages).

click passes every text it shows through ``gettext``/``ngettext``, bound in each of its
modules. :func:`install` points those names at this small catalogue; texts not in it stay
as they are. :func:`main` in :mod:`poortwachter.cli` calls it before parsing, so importing
the package changes nothing.
"""

from __future__ import annotations

import importlib

_NL: dict[str, str] = {
    "Aborted!": "Afgebroken.",
    "Options": "Opties",
    "Positional arguments": "Argumenten",
    "Commands": "Opdrachten",
    "Missing command.": "Geef een opdracht.",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "Error: {message}": "fout: {message}",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing {param_type}": "Ontbrekend(e) {param_type}",
    "Missing parameter: {param_name}": "Ontbrekende parameter: {param_name}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "unknown error": "onbekende fout",
    "Could not open file {filename!r}: {message}": (
        "Kan bestand {filename!r} niet openen: {message}"
    ),
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "integer": "geheel getal",
    "float": "getal",
    "{value} is not in the range {range}.": "{value} valt buiten het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen ja/nee-waarde. Toegestaan: {states}"
    ),
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "Show the version and exit.": "Toon de versie en stop.",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Usage:": "Gebruik:",
    "Do you want to continue?": "Wilt u doorgaan?",
}

_NL_PLURAL: dict[str, tuple[str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Did you mean {possibility}?": (
        "Bedoelde u {possibility}?",
        "(Bedoelde u een van: {possibilities}?)",
    ),
    "Option {name!r} requires an argument.": (
        "Optie {name!r} vraagt een waarde.",
        "Optie {name!r} vraagt {nargs} waarden.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} is niet {choice}.",
        "{value!r} is niet een van {choices}.",
    ),
    "Takes {nargs} values but 1 was given.": (
        "Vraagt {nargs} waarden, maar er is 1 gegeven.",
        "Vraagt {nargs} waarden, maar er zijn er {len} gegeven.",
    ),
}

OPTIONS_METAVAR = "[OPTIES]"
SUBCOMMAND_METAVAR = "OPDRACHT [ARGS]..."


def gettext(message: str) -> str:
    """click's message in Dutch (the message itself when there is no translation)."""
    return _NL.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """click's singular or plural message for ``n``, in Dutch when translated."""
    pair = _NL_PLURAL.get(singular)
    if pair is None:
        return singular if n == 1 else plural
    return pair[0] if n == 1 else pair[1]


def install() -> None:
    """Let click speak Dutch (idempotent)."""
    for name in ("core", "exceptions", "parser", "types", "decorators", "formatting", "termui"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
