"""A form's layout → its HTML template for weasyprint (styled by ``uwv.css``)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from poortwachter.forms.layout import (
    PRIVACY,
    FieldTable,
    Heading,
    ListTable,
    Part,
    Question,
    Signatures,
    TextBlock,
)
from poortwachter.forms.spec import FormSpec

e = html.escape


def var(expr: str) -> str:
    """``werknemer.naam`` → ``{{ werknemer.naam }}``."""
    return "{{ " + expr + " }}"


def _heading(part: Heading, out: list[str]) -> None:
    out.append(f"<h2>{e(part.text)}</h2>")


def _field_table(part: FieldTable, out: list[str]) -> None:
    out.append('<table class="gegevens">')
    for label, expr, *optional in part.rows:
        row = f"  <tr><th>{e(label)}</th><td>{var(expr)}</td></tr>"
        out.append("  {% if " + expr + " %}" + row.strip() + "{% endif %}" if optional else row)
    out.append("</table>")


def _text_block(part: TextBlock, out: list[str]) -> None:
    block = [
        '<div class="blok">',
        f'  <p class="label">{e(part.label)}</p>',
        f'  <p class="tekst">{var(part.expr)}</p>',
        "</div>",
    ]
    if part.optional:
        block = ["{% if " + part.expr + " %}", *block, "{% endif %}"]
    out.extend(block)


def _question(part: Question, out: list[str]) -> None:
    out.append('<div class="vraag">')
    out.append(
        f"  <p><strong>{e(part.question)}</strong> "
        f'<span class="antwoord">{var(part.answer + "|capitalize")}</span></p>'
    )
    if part.explanation:
        line = f'  <p class="tekst">{var(part.explanation)}</p>'
        if part.explanation_optional:
            line = "{% if " + part.explanation + " %}" + line + "{% endif %}"
        out.append(line)
    out.append("</div>")


def _list_table(part: ListTable, out: list[str]) -> None:
    heads = "".join(f"<th>{e(h)}</th>" for h, _x, _w in part.columns)
    cells = "".join(f"<td>{var(x)}</td>" for _h, x, _w in part.columns)
    out += [
        f'<table class="lijst {part.name}">',
        f"  <thead><tr>{heads}</tr></thead>",
        "  <tbody>",
        "  {% for " + part.item + " in " + part.name + " %}",
        f"  <tr>{cells}</tr>",
        "  {% endfor %}",
        "  </tbody>",
        "</table>",
    ]


def _signatures(part: Signatures, out: list[str]) -> None:
    # the last section before (heading and text), the heading and the signatures form one
    # block that is not broken over two pages (CSS .slot)
    last = max(i for i, line in enumerate(out) if line.startswith("<h2"))
    out.insert(last, '<div class="slot">')
    out += [
        f"<h2>{e(part.heading)}</h2>",
        '<div class="ondertekening">',
        f"<p>{e(part.intro)}</p>",
        '<table class="lijst handtekeningen">',
        "  <thead><tr><th>Rol</th><th>Naam</th><th>Functie</th><th>Datum</th>"
        "<th>Handtekening</th></tr></thead>",
        "  <tbody>",
        "  {% for s in ondertekenaars %}",
        f"  <tr><td>{var('s.rol|capitalize')}</td><td>{var('s.naam')}</td>"
        f"<td>{var('s.functie')}</td><td>{var('s.datum')}</td>"
        '<td class="handtekening"></td></tr>',
        "  {% endfor %}",
        "  </tbody>",
        "</table>",
        "{% if " + PRIVACY + f' %}}<p class="privacy">{var(PRIVACY)}</p>{{% endif %}}',
        "</div>",
        "</div>",
    ]


_WRITERS: dict[type, Callable[[Any, list[str]], None]] = {
    Heading: _heading,
    FieldTable: _field_table,
    TextBlock: _text_block,
    Question: _question,
    ListTable: _list_table,
    Signatures: _signatures,
}


def write_part(part: Part, out: list[str]) -> None:
    """Append the HTML of one layout part to ``out``."""
    _WRITERS[type(part)](part, out)


def build_html(spec: FormSpec) -> str:
    """The HTML template of a form (Jinja, rendered by :mod:`poortwachter.generate.pdf`)."""
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{e(spec.title)} — {var('werknemer.naam')}</title>",
        "</head>",
        "<body>",
        '<div class="kop">',
        f'  <span class="kop-titel">{e(spec.title)}</span> · {var("werknemer.naam")} · '
        f'BSN <span class="bsn">{var("werknemer.bsn")}</span>',
        "</div>",
        '<div class="voet">',
        f"  {var('werkgever.naam')} · {e(spec.title)} van {var('formulierdatum')}",
        "</div>",
        f"<h1>{e(spec.title)}</h1>",
        f'<p class="intro">{e(spec.intro)}</p>',
        f'<p class="datum"><strong>Datum:</strong> {var("formulierdatum")}</p>',
    ]
    for part in spec.layout:
        write_part(part, out)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
