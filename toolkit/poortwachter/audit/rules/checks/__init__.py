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

A new check type is a function and its spec in the family module, plus one line here.
"""

from __future__ import annotations

from poortwachter.audit.rules.checks import content, files, presence, signatures, timing
from poortwachter.audit.rules.checks.spec import CheckFn, CheckSpec

__all__ = ["CHECKS", "CheckFn", "CheckSpec", "check_spec"]

#: Every check type by name, in the order ``poortwachter checklist types`` lists them.
CHECKS: dict[str, CheckSpec] = {
    spec.name: spec
    for spec in (
        presence.PRESENT,
        presence.ABSENT,
        timing.DUE_BY,
        signatures.SIGNED_BY,
        signatures.DATED_NAMED,
        content.CONTAINS_SECTION,
        timing.MAX_INTERVAL,
        content.NO_MEDICAL_TERMS,
        content.CONSISTENT_FIELD,
        content.FIELD_PRESENT,
        timing.RECENT,
        presence.PRECEDES,
        files.FILE_RULES,
        files.READABLE,
        files.RECOGNISED,
    )
}


def check_spec(name: str) -> CheckSpec:
    """The check type called ``name``; a Dutch :class:`KeyError` naming the known types."""
    try:
        return CHECKS[name]
    except KeyError:
        raise KeyError(
            f"onbekend controletype '{name}'; bekend zijn: {', '.join(CHECKS)}"
        ) from None
