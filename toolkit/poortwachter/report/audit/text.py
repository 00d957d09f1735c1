"""The audit report as Dutch text for a terminal, findings grouped by RIV part."""

from __future__ import annotations

from collections.abc import Sequence

from poortwachter.audit.classify.riv_parts import RIV_PARTS, riv_part
from poortwachter.audit.result import AuditResult
from poortwachter.domain.dates import format_nl
from poortwachter.domain.labels import KIND_LABELS, MILESTONE_LABELS, SEVERITY_LABELS
from poortwachter.domain.privacy import mask_bsn, scrub
from poortwachter.domain.vocabulary import Severity
from poortwachter.report.audit.wording import document_state, fact_lines, shown_milestones, verdict


def render(result: AuditResult, *, show_bsn: bool = False) -> str:
    """One dossier as text."""
    out: list[str] = []
    out.append(f"Dossiertoets: {result.dossier_path}")
    out.append(
        f"Checklist: {result.checklist.id} {result.checklist.version} · peildatum "
        f"{format_nl(result.peildatum)}"
    )
    naam = result.werknemer_naam or "(naam niet gevonden)"
    bsn = mask_bsn(result.werknemer_bsn, show=show_bsn) or "niet gevonden"
    if result.eerste_ziektedag:
        bron = (
            "opgegeven"
            if result.eerste_ziektedag_bron == "opgegeven"
            else "gevonden in de documenten"
        )
        ezd = f"{format_nl(result.eerste_ziektedag)} ({bron})"
    else:
        ezd = "niet gevonden — termijnen niet berekend; alle onderdelen als verplicht getoetst"
    out.append(f"Werknemer: {naam} · BSN {bsn} · eerste ziektedag {ezd}")
    s = result.summary
    out.append(
        f"Resultaat: {s['blocker']} blokkerend, {s['warning']} waarschuwing(en), "
        f"{s['info']} advies — {verdict(result.ready_for_submission, result.not_ready_because)}"
    )
    out.append("")
    out.append(f"Documenten ({len(result.documents)})")
    width = max([len(d.label) for d in result.documents] + [10])
    for doc in result.documents:
        when = format_nl(doc.date) if doc.date else "geen datum"
        state = document_state(doc)
        state = f" — {state}" if state else ""
        out.append(f"  {doc.label:<{width}}  {KIND_LABELS[doc.kind]:<32} {when}{state}")
    if result.timeline is not None:
        out.append("")
        out.append("Termijnen (volgens de tijdlijn)")
        for ms, state in shown_milestones(result.timeline, result.peildatum):
            out.append(f"  {MILESTONE_LABELS[ms.id]:<28} {format_nl(ms.due):<20} {state}")
    facts = fact_lines(result.facts)
    if facts:
        out.append("")
        out.append("Feiten uit de documenten (gebruikt voor de termijnen)")
        width = max(len(what) for what, _ in facts)
        out.extend(f"  {what:<{width}}  {where}" for what, where in facts)
    out.append("")
    if not result.findings:
        out.append("Geen bevindingen.")
        return "\n".join(out) + "\n"
    out.append("Bevindingen per onderdeel van het re-integratieverslag")
    for label, _kinds in RIV_PARTS:
        items = [f for f in result.findings if riv_part(f.document_kind) == label]
        if not items:
            continue
        out.append("")
        out.append(label)
        for f in items:
            out.append(f"  [{SEVERITY_LABELS[f.severity]}] {f.rule}: {f.message}")
            out.append(f"      bron: {f.reference}")
            for ev in f.evidence[:3]:
                page = f", p. {ev.page}" if ev.page else ""
                quote = f': "{ev.excerpt}"' if ev.excerpt else ""
                out.append(f"      bewijs: {ev.path}{page}{quote}")
    return "\n".join(out) + "\n"


def render_many(results: Sequence[AuditResult], *, show_bsn: bool = False) -> str:
    """Several dossiers, one after another, with a closing count; every BSN and date of
    birth in excerpts, titles and paths scrubbed (:func:`~poortwachter.domain.privacy.scrub`)."""
    blocks = [render(r, show_bsn=show_bsn) for r in results]
    if len(results) > 1:
        ready = sum(1 for r in results if r.ready_for_submission)
        blockers = sum(r.count(Severity.BLOCKER) for r in results)
        blocks.append(
            f"Totaal: {len(results)} dossiers, {ready} klaar voor indiening, "
            f"{blockers} blokkerende bevindingen\n"
        )
    return scrub(("\n" + "=" * 78 + "\n\n").join(blocks), show_bsn=show_bsn)
