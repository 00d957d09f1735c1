"""Timeline as JSON (DESIGN.md, "Timeline JSON")."""

from __future__ import annotations

import json

from poortwachter.domain.milestones import Timeline


def render(tl: Timeline) -> str:
    """The timeline JSON of DESIGN.md, indented."""
    return json.dumps(tl.to_dict(), indent=2, ensure_ascii=False) + "\n"
