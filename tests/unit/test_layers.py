"""The layer rules of ARCHITECTURE.md, checked on the source (AST, nothing imported).

ui/ & cli/ -> services/ -> migration/ & vault/ -> domain/. Only ui/ imports Qt, only vault/
runs SQL, and no two modules import each other, directly or round a loop.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "contactkluis"

# Layer -> the layers (top-level parts of the package) it may import. `errors` holds the
# shared error types; it sits just above domain/ (it renders through domain.messages).
ALLOWED = {
    "domain": {"domain"},
    "errors": {"domain"},
    "vault": {"domain", "vault", "errors"},
    "migration": {"domain", "migration", "errors"},
    "services": {"domain", "vault", "migration", "services", "errors"},
}
QT_ROOTS = {"PySide6", "shiboken6"}
SQL_CALLS = {"execute", "executemany", "executescript"}


@dataclass(frozen=True)
class Module:
    name: str  # contactkluis.vault.store
    path: Path
    tree: ast.Module

    @property
    def layer(self) -> str:
        parts = self.name.split(".")
        return parts[1] if len(parts) > 1 else ""


@cache
def modules() -> tuple[Module, ...]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        found.append(Module(".".join(parts), path, tree))
    return tuple(found)


def imported_names(module: Module) -> Iterator[tuple[str, int]]:
    """Absolute names a module imports (relative imports resolved), with their line."""
    is_package = module.path.name == "__init__.py"
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.name.split(".")
                drop = node.level - 1 if is_package else node.level
                anchor = anchor[: len(anchor) - drop] if drop else anchor
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            yield base, node.lineno
            for alias in node.names:
                yield f"{base}.{alias.name}", node.lineno


def our_targets(module: Module, names: set[str]) -> set[str]:
    """The modules of ours that `module` depends on (a name resolved to its longest module)."""
    targets = set()
    for name, _ in imported_names(module):
        parts = name.split(".")
        while parts and ".".join(parts) not in names:
            parts.pop()
        if parts and ".".join(parts) != module.name:
            targets.add(".".join(parts))
    return targets


def test_the_sources_are_found() -> None:
    layers = {m.layer for m in modules()}
    assert {"domain", "vault", "migration", "services", "ui", "cli"} <= layers


def test_only_ui_imports_qt() -> None:
    offenders = [
        f"{m.name}:{line} imports {name}"
        for m in modules()
        if m.layer != "ui"
        for name, line in imported_names(m)
        if name.split(".")[0] in QT_ROOTS
    ]
    assert offenders == []


def test_only_vault_runs_sql() -> None:
    offenders = [
        f"{m.name}:{node.lineno} calls .{node.func.attr}("
        for m in modules()
        if m.layer != "vault"
        for node in ast.walk(m.tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SQL_CALLS
    ]
    assert offenders == []


def test_imports_point_down_only() -> None:
    names = {m.name for m in modules()}
    offenders = []
    for m in modules():
        allowed = ALLOWED.get(m.layer)
        if allowed is None:
            continue  # ui/, cli/ and the entry points sit on top
        for target in sorted(our_targets(m, names)):
            layer = target.split(".")[1] if "." in target else ""
            if layer not in allowed:
                offenders.append(f"{m.name} -> {target}")
    assert offenders == []
    # ui/ and cli/ are siblings: neither imports the other.
    across = [
        f"{m.name} -> {t}"
        for m in modules()
        if m.layer in ("ui", "cli")
        for t in our_targets(m, names)
        if t.split(".")[1:2] == [{"ui": "cli", "cli": "ui"}[m.layer]]
    ]
    assert across == []


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the components with more than one module (the import cycles)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in graph[node]:
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_strongly_connected_finds_a_loop() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]


def test_no_import_cycles() -> None:
    names = {m.name for m in modules()}
    # A package and its own submodules (an __init__ re-exporting them, a submodule importing
    # the package) are one unit, not a cycle between modules.
    graph = {
        m.name: {
            t
            for t in our_targets(m, names)
            if not m.name.startswith(t + ".") and not t.startswith(m.name + ".")
        }
        for m in modules()
    }
    assert strongly_connected(graph) == []


def test_ui_and_cli_reach_migration_only_through_services() -> None:
    # One import plan: the wizard and the CLI use services/, never the readers themselves.
    offenders = [
        f"{m.name}:{line} imports {name}"
        for m in modules()
        if m.layer in ("ui", "cli")
        for name, line in imported_names(m)
        if name.startswith("contactkluis.migration")
    ]
    assert offenders == []
