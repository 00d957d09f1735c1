"""The parts a printed form is made of, top to bottom: headings, field tables, text blocks,
yes/no questions, list tables and the signature block.

A form module describes its layout with these; :mod:`poortwachter.generate.template_build`
turns one description into both the DOCX template (docxtpl) and the HTML template
(weasyprint). Expressions are Jinja expressions over the form's schema
(``werknemer.naam``, ``evaluatiemomenten|join(", ")``); ``poortwachter templates check``
verifies that every one of them names a field.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The third element of a :class:`FieldTable` row: the row is left out when its value is
#: empty. A required value always shows (an empty required field stays visible as empty).
OPTIONAL = True

#: The statement "geen medische gegevens": the generator fills it in only when no value of
#: the form holds a medical term (:mod:`poortwachter.generate.medical`).
PRIVACY = "formulier.privacyverklaring"


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered section heading (``2. Einddoel``)."""

    text: str


@dataclass(frozen=True, slots=True)
class FieldTable:
    """A two-column table of labels and values: rows ``(label, expression)`` or
    ``(label, expression, OPTIONAL)``."""

    rows: tuple[tuple[str, str] | tuple[str, str, bool], ...]


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A label with a paragraph of free text under it; an optional one is left out when
    empty."""

    label: str
    expr: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Question:
    """A yes/no question with its answer, and the explanation under it."""

    question: str
    #: expression giving ja/nee
    answer: str
    explanation: str | None = None
    explanation_optional: bool = True


@dataclass(frozen=True, slots=True)
class ListTable:
    """A table with one row per item of a list field (``{% for <item> in <name> %}``)."""

    name: str
    item: str
    #: (header, expression, width in cm)
    columns: tuple[tuple[str, str, float], ...]


@dataclass(frozen=True, slots=True)
class Signatures:
    """The signature block with its heading. Kept on one page together with the heading and
    the part before it, so the last page never holds the signatures alone."""

    heading: str
    intro: str = "Voor akkoord getekend door:"


Part = Heading | FieldTable | TextBlock | Question | ListTable | Signatures

#: The activities of a plan van aanpak or a bijstelling.
ACTIVITIES_TABLE = ListTable(
    "activiteiten",
    "a",
    (("Wat", "a.wat", 8.6), ("Wie", "a.wie", 4.5), ("Wanneer (uiterlijk)", "a.wanneer", 3.5)),
)

#: The administrative part every form but the RIV form opens with (Regeling procesgang
#: art. 6; the fields of :data:`poortwachter.schemas.form_parts.COMMON_SCHEMA`).
ADMIN: tuple[Part, ...] = (
    Heading("1. Administratieve gegevens"),
    FieldTable(
        (
            ("Naam werknemer", "werknemer.naam"),
            ("Burgerservicenummer (BSN)", "werknemer.bsn"),
            ("Geboortedatum", "werknemer.geboortedatum", OPTIONAL),
            ("Functie", "werknemer.functie"),
            ("Werkgever", "werkgever.naam"),
            ("Adres werkgever", "werkgever.adres", OPTIONAL),
            ("KvK-nummer", "werkgever.kvk", OPTIONAL),
            ("Aard van het bedrijf", "werkgever.aard_bedrijf", OPTIONAL),
            ("Eerste ziektedag", "eerste_ziektedag"),
            ("Bedrijfsarts", "bedrijfsarts.naam"),
            ("Arbodienst", "bedrijfsarts.organisatie", OPTIONAL),
            ("Casemanager", "casemanager.naam"),
            ("Functie casemanager", "casemanager.functie", OPTIONAL),
            ("Dossiernummer", "dossier", OPTIONAL),
        )
    ),
)
