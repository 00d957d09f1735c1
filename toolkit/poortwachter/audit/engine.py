"""The audit: dossier paths → documents → checklist rules → :class:`AuditResult`.

Library use::

    from datetime import date
    from poortwachter.audit.engine import audit_dossier

    result = audit_dossier(["dossiers/jansen"], peildatum=date(2027, 9, 30))
    print(result.summary)            # {'blocker': 1, 'warning': 0, 'info': 0, ...}
    data = result.to_dict()          # the audit JSON of DESIGN.md (BSN masked)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from poortwachter.audit.classify.classifier import classify, filename_hint, looks_like_log
from poortwachter.audit.extract.facts import Fact, dossier_facts, recovery_periods
from poortwachter.audit.extract.sections import extract_all
from poortwachter.audit.intake import ocr
from poortwachter.audit.intake.dossier import collect, group_dossiers, read_file, split_parts
from poortwachter.audit.limits import DEFAULT_LIMITS, Limits
from poortwachter.audit.model import Checklist, Document, Finding, FoundValue, Rule
from poortwachter.audit.result import PART_ORDER, SEVERITY_ORDER, AuditResult
from poortwachter.audit.rules.checklist import load_checklist
from poortwachter.audit.rules.checks import CHECKS
from poortwachter.audit.rules.context import AuditContext
from poortwachter.audit.text.datefind import find_dates
from poortwachter.domain.case import MIN_VERLENGING_WEKEN, Case, HerstelPeriode
from poortwachter.domain.timeline import compute_timeline
from poortwachter.domain.vocabulary import DocumentKind, MilestoneId, Severity
from poortwachter.support.textsafe import printable


def _most_common(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    if not counts:
        return None
    best = max(counts.values())
    for value in counts:  # first seen among the most common
        if counts[value] == best:
            return value
    return None


def _unreadable_kind(part: Document) -> DocumentKind:
    """An unreadable part keeps the kind its typed header or its file name suggests."""
    if part.text.strip():
        kind = classify(part.text, part.path).kind
        if kind is not DocumentKind.OTHER:
            return kind
    return filename_hint(part.path) or DocumentKind.OTHER


def read_documents(paths: Sequence[str | Path], limits: Limits = DEFAULT_LIMITS) -> list[Document]:
    """Read, split, classify and extract every document of a dossier (with one OCR budget
    for all its scans)."""
    documents: list[Document] = []
    ocr_budget = ocr.Budget.of(limits)
    for raw in collect(paths, limits):
        doc = read_file(raw, limits, ocr_budget)
        for part in split_parts(doc):
            if part.readable:
                found = classify(part.text, part.path)
                part.kind = found.kind
                part.also_kinds = found.also
                part.sub_kind = found.sub_kind
                titled = bool(found.line) and not find_dates(found.line)
                if not titled and looks_like_log(part.text):
                    part.kind = DocumentKind.ACTIVITEITENOVERZICHT
                if found.line:
                    part.kind_evidence = FoundValue(
                        found.kind.value, part.first_page, found.line[:160]
                    )
                extract_all(part)
            else:
                part.kind = _unreadable_kind(part)
            documents.append(part)
    return documents


_DONE_BY_KIND = {
    DocumentKind.PROBLEEMANALYSE: MilestoneId.PROBLEEMANALYSE,
    DocumentKind.PLAN_VAN_AANPAK: MilestoneId.PLAN_VAN_AANPAK,
    DocumentKind.EERSTEJAARSEVALUATIE: MilestoneId.EERSTEJAARSEVALUATIE,
    DocumentKind.SPOOR2_RAPPORT: MilestoneId.SPOOR2_START,
    DocumentKind.EINDEVALUATIE: MilestoneId.EINDEVALUATIE,
}


def _case(ezd: date, documents: list[Document], facts: Sequence[Fact] = ()) -> Case:
    """The case for the timeline: the milestones the dossier shows as done (their earliest
    dated part) move the deadlines that follow them, as the law counts them; the facts the
    documents state (:mod:`poortwachter.audit.extract.facts`) add recovery periods, a
    vrijwillige verlenging and the AOW date. A fact the timeline refuses (an impossible
    period) is left out."""
    done: dict[MilestoneId, date] = {}
    for doc in documents:
        milestone = _DONE_BY_KIND.get(doc.kind)
        if milestone is not None and doc.readable and doc.date is not None and doc.date >= ezd:
            done[milestone] = min(done.get(milestone, doc.date), doc.date)
    case = Case(eerste_ziektedag=ezd, gedaan=done)
    herstel = tuple(HerstelPeriode(a, b) for a, b, _ in recovery_periods(list(facts), ezd))
    aow = next((f.start for f in facts if f.kind == "aow_datum" and f.start), None)
    try:
        with_herstel = replace(case, herstel=herstel)
    except ValueError:
        herstel, with_herstel = (), case
    weeks = _verlenging_weeks(list(facts))
    until = _verlenging_until(list(facts), with_herstel) if not weeks else None
    for candidate in (
        {"herstel": herstel, "aow_datum": aow, "verlenging_weken": weeks, "verlenging_tot": until},
        {"aow_datum": aow, "verlenging_weken": weeks, "verlenging_tot": until},
        {"aow_datum": aow},
    ):
        try:
            return replace(case, **candidate)
        except ValueError:
            continue
    return case


def _verlenging_weeks(facts: list[Fact]) -> tuple[int, ...]:
    """The extension in weeks, when a document states it so."""
    for fact in facts:
        if fact.kind == "verlenging_weken" and fact.weeks:
            return (fact.weeks,)
    return ()


def _verlenging_until(facts: list[Fact], case: Case) -> date | None:
    """UWV's new end date of the waiting time, exactly (not rounded to weeks), when it lies
    at least the minimum extension after the end without it."""
    for fact in facts:
        if fact.kind == "verlenging_tot" and fact.end:
            end = compute_timeline(case).get(MilestoneId.EINDE_WACHTTIJD).due
            if (fact.end - end).days >= 7 * MIN_VERLENGING_WEKEN:
                return fact.end
    return None


def _run_rule(rule: Rule, ctx: AuditContext) -> list[Finding]:
    try:
        return CHECKS[rule.check].func(rule, ctx)
    except Exception:  # a bug in one check must not lose the other findings
        return [
            Finding(
                rule=rule.id,
                severity=Severity.INFO,
                category=rule.category,
                document_kind=rule.document_kind,
                message=(
                    f"Controle {rule.id} kon niet worden uitgevoerd (interne fout); "
                    "controleer dit punt met de hand"
                ),
                reference=rule.reference,
            )
        ]


def audit_dossier(
    paths: str | Path | Sequence[str | Path],
    peildatum: date | None = None,
    eerste_ziektedag: date | None = None,
    checklist: Checklist | str | Path | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
) -> AuditResult:
    """Audit one dossier (a folder, a zip, or files) against a checklist.

    ``eerste_ziektedag`` overrides the one found in the documents; the timeline engine
    supplies due dates from it, so a part not yet due at ``peildatum`` (default today) is
    not missing. Raises :class:`~poortwachter.errors.InputError` for a missing path or an
    invalid checklist; unreadable files become findings.
    """
    path_list: list[str | Path] = [paths] if isinstance(paths, str | Path) else list(paths)
    rules = checklist if isinstance(checklist, Checklist) else load_checklist(checklist)
    peil = peildatum or date.today()
    documents = read_documents(path_list, limits)

    detected = _most_common(v.value for d in documents for v in d.eerste_ziektedag)
    if eerste_ziektedag is not None:
        ezd: date | None = eerste_ziektedag
        source: str | None = "opgegeven"
    elif detected:
        ezd = date.fromisoformat(detected)
        source = "gevonden"
    else:
        ezd, source = None, None
    naam = _most_common(v.value for d in documents for v in d.names)
    bsn = _most_common(
        v.value for d in documents for v in d.bsn if not v.value.startswith("ongeldig:")
    )
    facts = dossier_facts(documents)
    timeline = compute_timeline(_case(ezd, documents, facts), peil) if ezd else None

    ctx = AuditContext(
        documents=documents,
        peildatum=peil,
        eerste_ziektedag=ezd,
        eerste_ziektedag_bron=source,
        eerste_ziektedag_opgegeven=eerste_ziektedag,
        timeline=timeline,
        werknemer_naam=naam,
        werknemer_bsn=bsn,
        facts=facts,
    )
    findings: list[Finding] = []
    for rule in rules.rules:
        findings.extend(_run_rule(rule, ctx))
    findings.sort(
        key=lambda f: (SEVERITY_ORDER[f.severity], PART_ORDER.get(f.document_kind, 0), f.rule)
    )
    label = ", ".join(printable(str(p)) for p in path_list)
    return AuditResult(
        dossier_path=label,
        checklist=rules,
        peildatum=peil,
        documents=documents,
        findings=findings,
        eerste_ziektedag=ezd,
        eerste_ziektedag_bron=source,
        werknemer_naam=naam,
        werknemer_bsn=bsn,
        timeline=timeline,
        facts=facts,
    )


#: called after each dossier of :func:`audit_dossiers`: (done, total, the dossier's paths)
Progress = Callable[[int, int, list[str]], None]


def audit_dossiers(
    paths: Sequence[str | Path],
    peildatum: date | None = None,
    eerste_ziektedag: date | None = None,
    checklist: Checklist | str | Path | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    progress: Progress | None = None,
) -> list[AuditResult]:
    """Audit every dossier among ``paths``, as ``poortwachter audit`` does.

    Each folder or zip is one dossier; a folder with subfolders and no documents of its own
    is a folder of dossiers (one per subfolder); loose files together form one dossier
    (:func:`~poortwachter.audit.intake.dossier.group_dossiers`). The checklist is loaded once.
    Raises :class:`~poortwachter.errors.InputError` for a path that does not exist.
    """
    rules = checklist if isinstance(checklist, Checklist) else load_checklist(checklist)
    dossiers = group_dossiers([str(p) for p in paths])
    results = []
    for done, dossier in enumerate(dossiers, start=1):
        results.append(audit_dossier(dossier, peildatum, eerste_ziektedag, rules, limits=limits))
        if progress is not None:
            progress(done, len(dossiers), dossier)
    return results
