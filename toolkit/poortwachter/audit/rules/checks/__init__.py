"""The closed vocabulary of check types, by family; :data:`CHECKS` is the explicit registry.

A checklist rule names its type in ``check:`` and gives its ``params``, validated against
the type's schema when the checklist is loaded (an unknown type is a Dutch error naming the
known ones). Each function takes the rule and the
:class:`~poortwachter.audit.rules.context.AuditContext` and returns findings; a check never
raises on odd documents. Each check's :class:`CheckSpec` (parameter schema, description)
stands right under its function, in its family module:

- :mod:`.presence`: present, absent, precedes
- :mod:`.timing`: due_by, recent, max_interval
- :mod:`.signatures`: signed_by, dated_named
- :mod:`.content`: contains_section, no_medical_terms, field_present, consistent_field
- :mod:`.files`: file_rules, readable, recognised

A new check type is a function and its spec in its family module, listed in that module's
``SPECS``; a new family is a module listed in :data:`FAMILIES`.
"""

from __future__ import annotations

from poortwachter.audit.rules.checks import content, files, presence, signatures, timing
from poortwachter.audit.rules.checks.spec import CheckFn, CheckSpec

__all__ = ["CHECKS", "CheckFn", "CheckSpec", "check_spec"]

#: The families, in the order ``poortwachter checklist types`` lists their check types.
FAMILIES = (presence, timing, signatures, content, files)

#: Every check type by name: the explicit registry (each family lists its own in ``SPECS``).
CHECKS: dict[str, CheckSpec] = {spec.name: spec for family in FAMILIES for spec in family.SPECS}


def check_spec(name: str) -> CheckSpec:
    """The check type called ``name``; a Dutch :class:`KeyError` naming the known types."""
    try:
        return CHECKS[name]
    except KeyError:
        raise KeyError(
            f"onbekend controletype '{name}'; bekend zijn: {', '.join(CHECKS)}"
        ) from None
