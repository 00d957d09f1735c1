"""The house rules of docs/ARCHITECTURE.md, checked on the source: layers point down, no
import cycle, no click below cli/, no god module."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "toolkit" / "poortwachter"

#: A package may import from its own rank and below; audit and generate are siblings that
#: do not import each other. support/ and errors are usable by every layer.
RANK = {
    "errors": 0,
    "support": 0,
    "domain": 1,
    "schemas": 2,
    "inputs": 3,
    "forms": 3,
    "audit": 4,
    "generate": 4,
    "report": 5,
    "cli": 6,
}
SIBLINGS = {frozenset({"audit", "generate"})}
MAX_LINES = 400


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


def _imports(path: Path, *, top_level_only: bool) -> Iterator[str]:
    tree = ast.parse(path.read_text("utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("poortwachter")
        ):
            yield node.module
            for alias in node.names:
                yield f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("poortwachter"))


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = dict(_modules())


def test_layers_point_down() -> None:
    wrong = []
    for module, path in MODULES.items():
        own = _package(module)
        if own not in RANK:
            continue  # poortwachter/__init__ (the public API) and __main__ sit on top
        for target in set(_imports(path, top_level_only=False)):
            other = _package(target)
            if other == own or other not in RANK:
                continue
            if RANK[other] > RANK[own] or frozenset({own, other}) in SIBLINGS:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_import_cycle() -> None:
    graph = {
        m: {t for t in _imports(p, top_level_only=True) if t in MODULES and t != m}
        for m, p in MODULES.items()
    }
    # a package's __init__ importing its own submodules is how a package is built
    graph = {m: {t for t in ts if not t.startswith(m + ".")} for m, ts in graph.items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                cycles.append([*trail[trail.index(t) :], t] if t in trail else [m, t])
            elif t not in state:
                visit(t, [*trail, t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert cycles == []


def test_click_only_in_the_cli_package() -> None:
    users = []
    for module, path in MODULES.items():
        if _package(module) == "cli":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(n == "click" or n.startswith("click.") for n in names):
                users.append(module)
    assert users == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_god_module(module: str) -> None:
    lines = MODULES[module].read_text("utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} regels; splits de module op"


def test_the_rule_itself_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from poortwachter.cli import main\n", "utf-8")
    assert "poortwachter.cli" in set(_imports(bad, top_level_only=True))


def test_the_architecture_page_names_only_what_exists() -> None:
    """docs/ARCHITECTURE.md is kept in step: every module path and dotted module it names in
    its data flow and "where to add" sections exists (the "what moved where" table names the
    old places on purpose)."""
    import importlib
    import re

    repo = PACKAGE.parents[1]
    page = (repo / "docs" / "ARCHITECTURE.md").read_text("utf-8")
    current = page[page.index("## Data flow") : page.index("## What moved where")]
    missing = []
    for token in re.findall(r"`([^`\s]+)`", current):
        path = token.split("::")[0]
        if re.fullmatch(r"[\w/.-]+\.(py|yaml|md)|[\w/-]+/", path) and "FORM" not in path:
            if not ((PACKAGE / path).exists() or (repo / path).exists()):
                missing.append(token)
        elif re.fullmatch(
            r"(domain|schemas|inputs|audit|generate|report|cli|support)(\.\w+)+", path
        ):
            parts = path.split(".")
            for end in range(len(parts), 0, -1):  # the longest prefix that is a module
                try:
                    module = importlib.import_module("poortwachter." + ".".join(parts[:end]))
                except ImportError:
                    continue
                for attr in parts[end:]:
                    if not hasattr(module, attr):
                        missing.append(token)
                        break
                    module = getattr(module, attr)
                break
            else:
                missing.append(token)
    assert missing == []


@pytest.mark.parametrize("package", ["poortwachter", "poortwachter.generate", "poortwachter.audit"])
def test_lazy_public_names_are_listed_and_resolve(package: str) -> None:
    """A package that imports its public names on first use (support/lazy.py) lists each of
    them in ``__all__`` (what ruff and pdoc read), and each resolves to its module's object."""
    import importlib

    module = importlib.import_module(package)
    exports: dict[str, str] = module._EXPORTS
    assert set(module.__all__) - {"__version__"} == set(exports)
    for name, where in exports.items():
        assert getattr(module, name) is getattr(importlib.import_module(where), name), name
    assert set(exports) <= set(dir(module))
    with pytest.raises(AttributeError, match="bestaat_niet"):
        module.bestaat_niet  # noqa: B018
