"""poortwachter — toolkit voor het verzuimproces volgens de Wet verbetering poortwachter.

The library is the product; the ``poortwachter`` command is a thin shell around it.
Typical script use::

    from datetime import date
    from poortwachter import Case, compute_timeline

    tl = compute_timeline(Case(eerste_ziektedag=date(2026, 1, 1)), peildatum=date(2026, 3, 1))
    for m in tl.milestones:
        print(m.id.value, m.due, m.status.value)
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from poortwachter.support.lazy import lazy_exports

#: Public name → the module that defines it. Imported on first use (PEP 562), so that
#: ``import poortwachter`` and every CLI start stay light; ``from poortwachter import Case``
#: works as before.
_EXPORTS = {
    "Case": "poortwachter.domain.case",
    "HerstelPeriode": "poortwachter.domain.case",
    "Persoon": "poortwachter.domain.case",
    "VerlofPeriode": "poortwachter.domain.case",
    "Werkgever": "poortwachter.domain.case",
    "Werknemer": "poortwachter.domain.case",
    "Milestone": "poortwachter.domain.milestones",
    "Timeline": "poortwachter.domain.milestones",
    "Signal": "poortwachter.domain.signalering",
    "signalering": "poortwachter.domain.signalering",
    "compute_timeline": "poortwachter.domain.timeline",
    "Category": "poortwachter.domain.vocabulary",
    "DocumentKind": "poortwachter.domain.vocabulary",
    "FormId": "poortwachter.domain.vocabulary",
    "MilestoneId": "poortwachter.domain.vocabulary",
    "MilestoneStatus": "poortwachter.domain.vocabulary",
    "Severity": "poortwachter.domain.vocabulary",
    "InputError": "poortwachter.errors",
    "PoortwachterError": "poortwachter.errors",
    "load_case_file": "poortwachter.inputs.cases",
    "read_cases": "poortwachter.inputs.cases",
}

if TYPE_CHECKING:
    from poortwachter.domain.case import (
        Case,
        HerstelPeriode,
        Persoon,
        VerlofPeriode,
        Werkgever,
        Werknemer,
    )
    from poortwachter.domain.milestones import Milestone, Timeline
    from poortwachter.domain.signalering import Signal, signalering
    from poortwachter.domain.timeline import compute_timeline
    from poortwachter.domain.vocabulary import (
        Category,
        DocumentKind,
        FormId,
        MilestoneId,
        MilestoneStatus,
        Severity,
    )
    from poortwachter.errors import InputError, PoortwachterError
    from poortwachter.inputs.cases import load_case_file, read_cases


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

# A library logs, an application decides where it goes (logging HOWTO, "Configuring Logging
# for a Library"): without a handler of the caller's, nothing is printed.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Case",
    "Category",
    "DocumentKind",
    "FormId",
    "HerstelPeriode",
    "InputError",
    "Milestone",
    "MilestoneId",
    "MilestoneStatus",
    "Persoon",
    "PoortwachterError",
    "Severity",
    "Signal",
    "Timeline",
    "VerlofPeriode",
    "Werkgever",
    "Werknemer",
    "__version__",
    "compute_timeline",
    "load_case_file",
    "read_cases",
    "signalering",
]
