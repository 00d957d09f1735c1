"""Loading and validating a checklist (YAML): the whole file first, then each rule.

An invalid checklist is rejected whole with :class:`~poortwachter.errors.InputError`;
every problem names the line and the rule id ("regel 42, regel-id PVA-002: ...").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from poortwachter.audit.model import Checklist, Rule
from poortwachter.audit.rules.checks import CHECKS
from poortwachter.domain.vocabulary import Category, DocumentKind, Severity
from poortwachter.errors import InputError
from poortwachter.inputs.safe_yaml import MAX_DEPTH, DocumentError, _depth, _NoAliasLoader
from poortwachter.schemas.validator import validate

DEFAULT_CHECKLIST = "werkwijzer-poortwachter-2023.yaml"
_LINE = "__line__"
#: A checklist is a few hundred lines; a larger file is not read at all.
MAX_CHECKLIST_BYTES = 2 * 1024 * 1024


class _LineLoader(_NoAliasLoader):
    """A SafeLoader that records the line (1-based) of every mapping; no aliases (an alias
    bomb would expand to billions of nodes), like case files."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != _LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


_TOP_SCHEMA: dict[str, Any] = {
    "id": {"type": "string", "required": True, "empty": False},
    "version": {"type": ["string", "number"], "required": True},
    "werkwijzer_edition": {"type": ["string", "integer"], "required": True},
    "title": {"type": "string"},
    "description": {"type": "string"},
    "rules": {"type": "list", "required": True, "minlength": 1},
}

_RULE_SCHEMA: dict[str, Any] = {
    "id": {"type": "string", "required": True, "regex": r"[A-Z][A-Z0-9]*(-[A-Z0-9]+)*"},
    "title": {"type": "string"},
    "severity": {"type": "string", "required": True, "allowed": [s.value for s in Severity]},
    "category": {"type": "string", "required": True, "allowed": [c.value for c in Category]},
    "document_kind": {
        "type": "string",
        "required": True,
        "allowed": [k.value for k in DocumentKind],
    },
    "check": {"type": "string", "required": True, "allowed": sorted(CHECKS)},
    "params": {"type": "dict", "nullable": True},
    "message": {"type": "string", "required": True, "empty": False},
    "reference": {"type": "string", "required": True, "empty": False},
}


def bundled_checklist_path(name: str = DEFAULT_CHECKLIST) -> Path:
    """The bundled checklist (installed wheel or repository checkout)."""
    from poortwachter.support.resources import data_path

    return data_path("checklists", name)


def parse_checklist(text: str, source: str = "checklist") -> Checklist:
    """Validate and build a checklist from YAML text; InputError lists every problem."""
    deep = f"{source}: de checklist is te diep genest (meer dan {MAX_DEPTH} niveaus)"
    try:
        raw = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except DocumentError as exc:
        where = f"regel {exc.line}: " if exc.line else ""
        raise InputError(f"{source}: {where}{exc.reason}") from None
    except RecursionError:
        raise InputError(deep) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}: " if mark is not None else ""
        raise InputError(
            f"{source}: {where}geen geldige YAML ({getattr(exc, 'problem', exc)})"
        ) from None
    if not isinstance(raw, dict):
        raise InputError(f"{source}: een checklist is een YAML-mapping met id, version en rules")
    if _depth(raw) > MAX_DEPTH:
        raise InputError(deep)
    problems: list[str] = []
    top = {k: v for k, v in raw.items() if k != _LINE}
    top_plain = _strip_lines({k: v for k, v in top.items() if k != "rules"})
    top_plain["rules"] = top.get("rules")
    _doc, errors = validate(_TOP_SCHEMA, top_plain, allow_unknown=True)
    problems += [f"{source}: veld '{f}' {msg}" for f, msg in errors if not f.startswith("rules.")]
    rules_raw = top.get("rules") if isinstance(top.get("rules"), list) else []
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(rules_raw or []):
        if not isinstance(item, dict):
            problems.append(f"{source}: regel {index + 1} van 'rules' is geen mapping")
            continue
        line = int(item.get(_LINE, 0))
        rule_id = str(item.get("id", f"#{index + 1}"))
        where = f"{source}: regel {line}, regel-id {rule_id}"
        plain = _strip_lines(item)
        doc, errors = validate(_RULE_SCHEMA, plain)
        if errors:
            problems += [f"{where}: veld '{f}' {msg}" for f, msg in errors]
            continue
        assert doc is not None
        if rule_id in seen:
            problems.append(f"{where}: dubbele regel-id (ook op regel {seen[rule_id]})")
            continue
        seen[rule_id] = line
        spec = CHECKS[doc["check"]]
        params = doc.get("params") or {}
        checked, param_errors = validate(spec.params, params)
        if param_errors:
            problems += [
                f"{where}: parameter '{f}' van check '{doc['check']}' {msg}"
                for f, msg in param_errors
            ]
            continue
        assert checked is not None
        extra = spec.extra_validation(checked) if spec.extra_validation else []
        if extra:
            problems += [f"{where}: {msg}" for msg in extra]
            continue
        rules.append(
            Rule(
                id=rule_id,
                severity=Severity(doc["severity"]),
                category=Category(doc["category"]),
                document_kind=DocumentKind(doc["document_kind"]),
                check=doc["check"],
                params=checked,
                message=doc["message"].strip(),
                reference=doc["reference"].strip(),
                title=doc.get("title", ""),
                line=line,
            )
        )
    if problems:
        raise InputError(problems)
    return Checklist(
        id=str(top["id"]),
        version=str(top["version"]),
        werkwijzer_edition=str(top["werkwijzer_edition"]),
        rules=tuple(rules),
        title=str(top.get("title", "")),
        path=source,
    )


def load_checklist(path: str | Path | None = None) -> Checklist:
    """Load a checklist file; without a path the bundled Werkwijzer checklist."""
    file = Path(path) if path is not None else bundled_checklist_path()
    try:
        size = file.stat().st_size
        if size > MAX_CHECKLIST_BYTES:
            raise InputError(
                f"checklist '{file}' is te groot ({size // (1024 * 1024)} MB; de grens is "
                f"{MAX_CHECKLIST_BYTES // (1024 * 1024)} MB)"
            )
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{file}: bestand niet gevonden") from None
    except IsADirectoryError:
        raise InputError(f"{file}: is een map, geen checklistbestand") from None
    except PermissionError:
        raise InputError(f"{file}: geen leesrechten") from None
    except UnicodeDecodeError:
        raise InputError(f"checklist '{file}' is geen UTF-8-tekst") from None
    except OSError as exc:
        raise InputError(f"checklist '{file}' kan niet gelezen worden ({exc.strerror})") from None
    return parse_checklist(text, str(path) if path is not None else file.name)
