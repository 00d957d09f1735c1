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
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from poortwachter.audit.classify.classifier import classify, filename_hint, looks_like_log
from poortwachter.audit.classify.riv_parts import RIV_PARTS
from poortwachter.audit.extract.facts import Fact, dossier_facts, recovery_periods
from poortwachter.audit.extract.sections import extract_all
from poortwachter.audit.intake import ocr
from poortwachter.audit.intake.dossier import collect, group_dossiers, read_file, split_parts
from poortwachter.audit.limits import DEFAULT_LIMITS, Limits
from poortwachter.audit.model import Checklist, Document, Finding, FoundValue, Rule
from poortwachter.audit.rules.checklist import load_checklist
from poortwachter.audit.rules.checks import CHECKS
from poortwachter.audit.rules.context import AuditContext
from poortwachter.audit.text.datefind import find_dates
from poortwachter.domain.case import MIN_VERLENGING_WEKEN, Case, HerstelPeriode
from poortwachter.domain.milestones import Timeline
from poortwachter.domain.privacy import mask_bsn
from poortwachter.domain.timeline import compute_timeline
from poortwachter.domain.vocabulary import DocumentKind, MilestoneId, Severity
from poortwachter.support.textsafe import printable

SCHEMA_VERSION = 1
_SEVERITY_ORDER = {Severity.BLOCKER: 0, Severity.WARNING: 1, Severity.INFO: 2}
_PART_ORDER = {kind: n for n, (_label, kinds) in enumerate(RIV_PARTS) for kind in kinds}


@dataclass(slots=True)
class AuditResult:
    """The audit of one dossier: its documents (parts of merged files each listed), the
    findings of the checklist's rules, the timeline facts used and the summary;
    ``to_dict()`` is the audit JSON of DESIGN.md."""

    dossier_path: str
    checklist: Checklist
    peildatum: date
    documents: list[Document]
    findings: list[Finding]
    eerste_ziektedag: date | None = None
    eerste_ziektedag_bron: str | None = None
    werknemer_naam: str | None = None
    werknemer_bsn: str | None = None
    timeline: Timeline | None = None
    tool_version: str = field(default="")
    #: timeline facts found in the documents, with the document each came from
    facts: list[Fact] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        """The number of findings of exactly this ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)

    @property
    def ready_for_submission(self) -> bool:
        """No blocking finding, and no part UWV cannot open or nobody can identify."""
        return self.count(Severity.BLOCKER) == 0 and not self.not_ready_because

    @property
    def not_ready_because(self) -> list[str]:
        """Besides blocking findings: why the dossier is not ready (Dutch), e.g. a part
        that is encrypted or broken (a scan is not: UWV accepts scans) or a part whose
        kind is not recognised."""
        return not_ready_reasons(self.documents)

    @property
    def summary(self) -> dict[str, object]:
        """The counts per severity and ``ready_for_submission`` (with ``not_ready_because``
        when there are reasons besides blocking findings), as in the audit JSON."""
        out: dict[str, object] = {
            "blocker": self.count(Severity.BLOCKER),
            "warning": self.count(Severity.WARNING),
            "info": self.count(Severity.INFO),
            "ready_for_submission": self.ready_for_submission,
        }
        if self.not_ready_because:
            out["not_ready_because"] = self.not_ready_because
        return out

    def at_or_above(self, severity: Severity) -> int:
        """Findings with this severity or a more serious one."""
        limit = _SEVERITY_ORDER[severity]
        return sum(1 for f in self.findings if _SEVERITY_ORDER[f.severity] <= limit)

    def to_dict(self, *, show_bsn: bool = False) -> dict[str, object]:
        """The audit report JSON of DESIGN.md, schema_version 1 (BSN masked by default)."""
        documents: list[dict[str, object]] = []
        for doc in self.documents:
            item: dict[str, object] = {
                "path": doc.path,
                "kind": doc.kind.value,
                "date": doc.date.isoformat() if doc.date else None,
                "pages": max(doc.page_count, doc.rendered_pages),
                "signed_by": [s.to_dict() for s in (doc.signers or doc.authors)],
                "readable": doc.readable,
            }
            if doc.is_part:
                item["page_range"] = doc.page_range
                if doc.file_type == "docx" and doc.first_line:
                    item["paragraph_range"] = doc.paragraph_range
            if doc.also_kinds:
                item["also_kinds"] = [k.value for k in doc.also_kinds]
            if doc.sub_kind:
                item["sub_kind"] = doc.sub_kind
            if doc.ocr:
                item["ocr"] = True
            if doc.reason:
                item["reason"] = doc.reason
            item["file_type"] = doc.file_type
            item["size"] = doc.size
            documents.append(item)
        return {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "poortwachter", "version": self.tool_version or _version()},
            "checklist": {"id": self.checklist.id, "version": self.checklist.version},
            "peildatum": self.peildatum.isoformat(),
            "dossier": {
                "path": self.dossier_path,
                "eerste_ziektedag": self.eerste_ziektedag.isoformat()
                if self.eerste_ziektedag
                else None,
                "werknemer": {
                    "naam": self.werknemer_naam or "",
                    "bsn": mask_bsn(self.werknemer_bsn, show=show_bsn),
                },
            },
            "documents": documents,
            "facts": [f.to_dict() for f in self.facts],
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary,
        }


def is_scan(doc: Document) -> bool:
    """A scan or photo without a text layer: UWV accepts it, only its content is not
    checked (without OCR)."""
    return doc.scan or doc.file_type == "image"


def not_ready_reasons(documents: Sequence[Document]) -> list[str]:
    """Parts that keep a dossier from being ready whatever the findings say: unreadable
    for UWV (encrypted, broken, a type UWV does not take) or not recognised."""
    reasons: list[str] = []
    closed = [d.label for d in documents if not d.readable and not is_scan(d)]
    unknown = [
        d.label for d in documents if d.readable and d.kind is DocumentKind.OTHER and not d.sub_kind
    ]
    if closed:
        reasons.append(f"{len(closed)} deel/delen onleesbaar voor UWV: {_listed(closed)}")
    if unknown:
        reasons.append(f"{len(unknown)} deel/delen niet herkend: {_listed(unknown)}")
    return reasons


def _listed(labels: list[str], at_most: int = 5) -> str:
    shown = ", ".join(labels[:at_most])
    return shown + (f" en {len(labels) - at_most} meer" if len(labels) > at_most else "")


def _version() -> str:
    import poortwachter

    return str(poortwachter.__version__)


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
    documents state (:mod:`.facts`) add recovery periods, a vrijwillige verlenging and the
    AOW date. A fact the timeline refuses (an impossible period) is left out."""
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
        key=lambda f: (_SEVERITY_ORDER[f.severity], _PART_ORDER.get(f.document_kind, 0), f.rule)
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
