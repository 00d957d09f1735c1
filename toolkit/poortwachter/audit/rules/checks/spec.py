"""What a check type is: its function, the schema of its parameters, and a description."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from poortwachter.audit.model import Finding, Rule
    from poortwachter.audit.rules.context import AuditContext

#: A check: the rule (with its validated params) and the dossier → findings; never raises.
CheckFn = Callable[["Rule", "AuditContext"], "list[Finding]"]


@dataclass(frozen=True, slots=True)
class CheckSpec:
    """One check type: the name a checklist uses, the function, the cerberus schema of its
    ``params``, an optional extra validation (Dutch problems), and a Dutch description
    (shown by ``poortwachter checklist types``)."""

    name: str
    func: CheckFn
    params: dict[str, Any]
    extra_validation: Callable[[dict[str, Any]], list[str]] | None = None
    description: str = ""
