"""The dossier auditor: read a re-integration dossier, classify and extract its parts,
check them against a Werkwijzer Poortwachter checklist and report every gap.

Library use::

    from datetime import date
    from poortwachter.audit import audit_dossier

    result = audit_dossier(["dossiers/jansen"], peildatum=date(2027, 9, 30))
    result.summary        # {'blocker': 0, 'warning': 1, 'info': 0, 'ready_for_submission': True}
    result.to_dict()      # the audit JSON of DESIGN.md (schema_version 1, BSN masked)

    # many dossiers at once, grouped as ``poortwachter audit`` groups its paths
    from poortwachter.audit import audit_dossiers
    results = audit_dossiers(["dossiers"], peildatum=date(2027, 9, 30))

The names below are loaded on first use, so importing this package (for example by the
command line) stays cheap.
"""

from __future__ import annotations

from poortwachter.support.lazy import lazy_exports

__all__ = ["AuditResult", "Checklist", "audit_dossier", "audit_dossiers", "load_checklist"]

_EXPORTS = {
    "AuditResult": "poortwachter.audit.result",
    "audit_dossier": "poortwachter.audit.engine",
    "audit_dossiers": "poortwachter.audit.engine",
    "Checklist": "poortwachter.audit.rules.checklist",
    "load_checklist": "poortwachter.audit.rules.checklist",
}


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
