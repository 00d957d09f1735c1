"""The audit report as JSON (schema_version 1, DESIGN.md; checklists/audit-report.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from poortwachter.audit.result import AuditResult
from poortwachter.domain.privacy import scrub_data


def render(result: AuditResult, *, show_bsn: bool = False) -> str:
    """One dossier: the report object, every text in it scrubbed (BSNs, dates of birth)."""
    data = scrub_data(result.to_dict(show_bsn=show_bsn), show_bsn=show_bsn)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_many(results: Sequence[AuditResult], *, show_bsn: bool = False) -> str:
    """One dossier: the report object; several: a JSON array of report objects."""
    if len(results) == 1:
        return render(results[0], show_bsn=show_bsn)
    data = [scrub_data(r.to_dict(show_bsn=show_bsn), show_bsn=show_bsn) for r in results]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
