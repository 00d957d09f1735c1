"""The audit report as one self-contained HTML file (inline CSS, no scripts, no links
to outside), every value escaped. A casemanager can mail it as is."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from poortwachter.audit.classify.riv_parts import RIV_PARTS, riv_part
from poortwachter.audit.result import AuditResult
from poortwachter.domain.dates import format_nl
from poortwachter.domain.labels import (
    CATEGORY_LABELS,
    KIND_LABELS,
    MILESTONE_LABELS,
    SEVERITY_LABELS,
)
from poortwachter.domain.privacy import mask_bsn, scrub
from poortwachter.report.audit.wording import document_state, fact_lines, shown_milestones, verdict

_CSS = " ".join(
    [
        "body{font-family:system-ui,'Segoe UI',Arial,sans-serif;margin:2em;color:#1b1b1b;",
        "max-width:70em}",
        "h1{font-size:1.5em;margin-bottom:.2em}",
        "h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}",
        "h3{font-size:1.05em;margin-bottom:.3em}",
        "table{border-collapse:collapse;width:100%;margin:.5em 0}",
        "th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top;",
        "font-size:.92em}",
        "th{background:#f3f3f3}.meta{color:#555}",
        ".sev{display:inline-block;padding:.05em .5em;border-radius:.3em;font-size:.8em;",
        "font-weight:bold;color:#fff}",
        ".blocker{background:#b00020}.warning{background:#b26a00}.info{background:#3f51b5}",
        ".ready{color:#1b5e20;font-weight:bold}.notready{color:#b00020;font-weight:bold}",
        ".ev{color:#444;font-size:.88em;margin:.1em 0 0 1em}",
        "li{margin-bottom:.6em}",
    ]
)
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _dossier(result: AuditResult, show_bsn: bool) -> str:
    s = result.summary
    parts: list[str] = [f"<h1>Dossiertoets: {_e(result.dossier_path)}</h1>"]
    ezd = format_nl(result.eerste_ziektedag) if result.eerste_ziektedag else "niet gevonden"
    parts.append(
        f"<p class='meta'>Checklist {_e(result.checklist.id)} {_e(result.checklist.version)} · "
        f"peildatum {_e(format_nl(result.peildatum))}<br>Werknemer: "
        f"{_e(result.werknemer_naam or '(niet gevonden)')} · BSN "
        f"{_e(mask_bsn(result.werknemer_bsn, show=show_bsn) or 'niet gevonden')} · "
        f"eerste ziektedag {_e(ezd)}</p>"
    )
    cls = "ready" if result.ready_for_submission else "notready"
    state = verdict(result.ready_for_submission, result.not_ready_because)
    parts.append(
        f"<p class='{cls}'>{s['blocker']} blokkerend, {s['warning']} waarschuwing(en), "
        f"{s['info']} advies — {_e(state)}</p>"
    )
    parts.append(
        "<h2>Documenten</h2><table><tr><th>Bestand</th><th>Soort</th><th>Datum</th>"
        "<th>Ondertekend door</th><th>Leesbaar</th></tr>"
    )
    for doc in result.documents:
        signers = ", ".join(
            f"{s.name}" + (f" ({s.function})" if s.function else "") for s in doc.signers if s.name
        )
        state = document_state(doc)
        readable = ("ja" if doc.readable else "nee") + (f" — {state}" if state else "")
        parts.append(
            f"<tr><td>{_e(doc.label)}</td><td>{_e(KIND_LABELS[doc.kind])}</td>"
            f"<td>{_e(format_nl(doc.date) if doc.date else '—')}</td><td>{_e(signers)}</td>"
            f"<td>{_e(readable)}</td></tr>"
        )
    parts.append("</table>")
    if result.timeline is not None:
        parts.append(
            "<h2>Termijnen</h2><table><tr><th>Mijlpaal</th><th>Uiterlijk</th>"
            "<th>Stand op de peildatum</th></tr>"
        )
        for ms, state in shown_milestones(result.timeline, result.peildatum):
            parts.append(
                f"<tr><td>{_e(MILESTONE_LABELS[ms.id])}</td><td>{_e(format_nl(ms.due))}</td>"
                f"<td>{_e(state)}</td></tr>"
            )
        parts.append("</table>")
    facts = fact_lines(result.facts)
    if facts:
        parts.append(
            "<h2>Feiten uit de documenten</h2><p>Gebruikt voor de termijnen.</p>"
            "<table><tr><th>Feit</th><th>Bron</th></tr>"
        )
        parts.extend(f"<tr><td>{_e(what)}</td><td>{_e(where)}</td></tr>" for what, where in facts)
        parts.append("</table>")
    parts.append("<h2>Bevindingen per onderdeel van het re-integratieverslag</h2>")
    if not result.findings:
        parts.append("<p>Geen bevindingen.</p>")
    for label, _kinds in RIV_PARTS:
        items = [f for f in result.findings if riv_part(f.document_kind) == label]
        if not items:
            continue
        parts.append(f"<h3>{_e(label)}</h3><ul>")
        for f in items:
            evidence = "".join(
                f"<div class='ev'>{_e(ev.path)}{_e(f', p. {ev.page}') if ev.page else ''}"
                f"{': “' + _e(ev.excerpt) + '”' if ev.excerpt else ''}</div>"
                for ev in f.evidence[:5]
            )
            parts.append(
                f"<li><span class='sev {_e(f.severity.value)}'>"
                f"{_e(SEVERITY_LABELS[f.severity])}</span> "
                f"<strong>{_e(f.rule)}</strong> ({_e(CATEGORY_LABELS[f.category])}): "
                f"{_e(f.message)}"
                f"<div class='ev'>Bron: {_e(f.reference)}</div>{evidence}</li>"
            )
        parts.append("</ul>")
    return "\n".join(parts)


def render_many(results: Sequence[AuditResult], *, show_bsn: bool = False) -> str:
    """One HTML document holding every dossier; every BSN and date of birth in excerpts,
    titles and paths scrubbed (:func:`~poortwachter.domain.privacy.scrub`)."""
    body = "\n<hr>\n".join(_dossier(r, show_bsn) for r in results)
    title = "Dossiertoets" if len(results) != 1 else f"Dossiertoets {results[0].dossier_path}"
    return scrub(
        "<!DOCTYPE html>\n<html lang='nl'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{_CSP}\">"
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>\n{body}\n</body></html>\n",
        show_bsn=show_bsn,
    )


def render(result: AuditResult, *, show_bsn: bool = False) -> str:
    """One dossier's audit as an HTML document (see :func:`render_many`)."""
    return render_many([result], show_bsn=show_bsn)
