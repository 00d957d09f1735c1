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
