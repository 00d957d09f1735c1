"""The audit report as JSON (schema_version 1, DESIGN.md; checklists/audit-report.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from poortwachter.audit.engine import AuditResult


def render(result: AuditResult, *, show_bsn: bool = False) -> str:
    """One dossier: the report object."""
    return json.dumps(result.to_dict(show_bsn=show_bsn), ensure_ascii=False, indent=2) + "\n"


def render_many(results: Sequence[AuditResult], *, show_bsn: bool = False) -> str:
    """One dossier: the report object; several: a JSON array of report objects."""
    if len(results) == 1:
        return render(results[0], show_bsn=show_bsn)
    data = [r.to_dict(show_bsn=show_bsn) for r in results]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
