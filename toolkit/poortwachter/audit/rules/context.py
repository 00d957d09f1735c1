"""What every check sees: the documents, the dates and the detected personal data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from poortwachter.audit.extract.facts import Fact
from poortwachter.audit.model import Document
from poortwachter.domain.milestones import Timeline
from poortwachter.domain.vocabulary import DocumentKind, MilestoneId


@dataclass(slots=True)
class AuditContext:
    """What every check sees: the documents, the peildatum, the eerste ziektedag (and where
    it came from), the timeline computed from it, the employee's name and BSN, and the
    timeline facts the documents state."""

    documents: list[Document]
    peildatum: date
    eerste_ziektedag: date | None
    #: how the eerste ziektedag was found: "opgegeven", "gevonden" or None
    eerste_ziektedag_bron: str | None
    eerste_ziektedag_opgegeven: date | None
    timeline: Timeline | None
    werknemer_naam: str | None
    werknemer_bsn: str | None
    #: timeline facts the documents state, with their evidence
    #: (:mod:`poortwachter.audit.extract.facts`)
    facts: list[Fact] = field(default_factory=list)

    def of_kind(self, kinds: Iterable[DocumentKind | str]) -> list[Document]:
        """The readable documents of any of ``kinds``, also those that are one of them as a
        second part (``also_kinds``)."""
        wanted = {DocumentKind(k) for k in kinds}
        return [
            d
            for d in self.documents
            if d.readable and (d.kind in wanted or not wanted.isdisjoint(d.also_kinds))
        ]

    @property
    def unreadable(self) -> list[Document]:
        """The documents that could not be read."""
        return [d for d in self.documents if not d.readable]

    def due(self, milestone: MilestoneId | str) -> date | None:
        """Due date of a milestone, or None without a timeline (eerste ziektedag unknown)."""
        if self.timeline is None:
            return None
        return self.timeline.get(MilestoneId(milestone)).due

    def is_due(self, milestone: MilestoneId | str, grace_days: int = 0) -> bool:
        """Has the milestone's due date (plus grace) passed at the peildatum? Without a
        timeline every part counts as due: the dossier is judged as if complete."""
        if self.timeline is None:
            return True
        from poortwachter.domain.vocabulary import MilestoneStatus

        ms = self.timeline.get(MilestoneId(milestone))
        if ms.status is MilestoneStatus.NOT_APPLICABLE:
            return False
        return (self.peildatum - ms.due).days > grace_days
