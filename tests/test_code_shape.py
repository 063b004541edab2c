"""Plain checks of the code's shape: no import cycles, Whoosh's internals touched only by the Whoosh backend,
no file too long to read."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest
import whoosh

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "indexer"
WHOOSH_BACKEND = PACKAGE / "backends" / "whoosh"
MAX_LINES = 600


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imports(name: str, path: Path) -> set[str]:
    """The modules of indexer/ that a module imports, anywhere in it (functions too)."""
    modules = _modules()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = [f"{target}.{alias.name}" for alias in node.names if f"{target}.{alias.name}" in modules]
            # "from . import x" imports the module x, not the package; "from .m import f" imports m.
            found.update(submodules if len(submodules) == len(node.names) else [target, *submodules])
    return {module for module in found if module in modules and module != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


# Module-scoped, so this file goes to one pytest-xdist worker whole (tests/conftest.py): the package's syntax trees
# and Whoosh's private names are then read once in a run, not once by each worker running one of its cases.
@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    """Each module of indexer/ and the modules of indexer/ it imports."""
    return {name: _imports(name, path) for name, path in _modules().items()}


def test_no_import_cycle_between_modules(graph):
    cycles = _cycles(graph)
    described = [" <-> ".join(group) for group in cycles]
    assert not cycles, f"import cycles (move the shared piece to the module its concept belongs to): {described}"


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


BACKENDS = ("indexer.backends.whoosh", "indexer.backends.opensearch")


def _cross_backend_imports(graph: dict[str, set[str]]) -> list[str]:
    """Imports from one backend package into another (what both need belongs at the indexer/ level)."""
    crossings = []
    for name, imported in sorted(graph.items()):
        for backend in BACKENDS:
            if name == backend or name.startswith(backend + "."):
                others = [b for b in BACKENDS if b != backend]
                crossings += [
                    f"{name} -> {module}"
                    for module in sorted(imported)
                    if any(module == other or module.startswith(other + ".") for other in others)
                ]
    return crossings


def test_neither_backend_imports_the_other(graph):
    crossings = _cross_backend_imports(graph)
    assert not crossings, (
        f"backend packages import each other ({', '.join(crossings)}): "
        "move what both use to a module named for its concept under indexer/"
    )


def test_the_backend_check_sees_a_crossing():
    graph = {
        "indexer.backends.opensearch.store": {"indexer.backends.whoosh.build", "indexer.documents"},
        "indexer.backends.whoosh.build": {"indexer.workers"},
    }
    assert _cross_backend_imports(graph) == ["indexer.backends.opensearch.store -> indexer.backends.whoosh.build"]


@cache
def _whoosh_private_names() -> frozenset[str]:
    """Every _name Whoosh defines: functions, classes, module variables, attributes it sets or reads."""
    names = set()
    for path in Path(whoosh.__file__).parent.rglob("*.py"):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return frozenset(n for n in names if n.startswith("_") and not n.startswith("__"))


def _own_names(tree: ast.Module) -> set[str]:
    """Names a module defines itself: its functions, classes, variables and the attributes it sets."""
    own = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            own.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            own.add(node.value)  # __slots__ entries
    return own


def whoosh_private_uses(path: Path, *, own_class: bool = False) -> list[str]:
    """Where a module names one of Whoosh's private names (imports it, or reads it off an object);
    own_class: leave out self.<name>, a subclass of a Whoosh class using what it inherits."""
    tree = _tree(path)
    private, own = _whoosh_private_names(), _own_names(tree)
    uses = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "whoosh":
            uses += [f"line {node.lineno}: {alias.name}" for alias in node.names if alias.name.startswith("_")]
        elif isinstance(node, ast.Attribute) and node.attr in private:
            on_self = isinstance(node.value, ast.Name) and node.value.id == "self"
            if own_class and on_self:
                continue
            if node.attr not in own:
                uses.append(f"line {node.lineno}: .{node.attr}")
    return sorted(uses, key=lambda use: int(use.split(":")[0].split()[1]))


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(PACKAGE.rglob("*.py")) if WHOOSH_BACKEND not in p.parents],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_only_the_whoosh_backend_touches_whoosh_internals(path):
    uses = whoosh_private_uses(path)
    assert not uses, (
        f"{path.relative_to(ROOT)} names Whoosh internals ({', '.join(uses)}): "
        "go through indexer/backends/whoosh/adapter.py"
    )


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(WHOOSH_BACKEND.glob("*.py")) if p.name != "adapter.py"],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_the_whoosh_backend_reaches_whoosh_objects_internals_through_the_adapter(path):
    uses = whoosh_private_uses(path, own_class=True)
    assert not uses, (
        f"{path.relative_to(ROOT)} reads Whoosh objects' internals ({', '.join(uses)}): "
        "add a named function to indexer/backends/whoosh/adapter.py (and the name to its REQUIRED)"
    )


def test_the_internals_check_sees_a_private_name(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from whoosh.util.numeric import _length_byte_cache\n\ndef f(reader):\n    return reader._terms\n"
    )
    assert whoosh_private_uses(sample) == ["line 1: _length_byte_cache", "line 4: ._terms"]
    subclass = tmp_path / "subclass.py"
    subclass.write_text(
        "class Writer(Base):\n    def add(self, reader):\n        self._postfile.write(b'')\n"
        "        return reader._terms\n"
    )
    # A subclass may use what it inherits; another object's internals go through the adapter.
    assert whoosh_private_uses(subclass, own_class=True) == ["line 4: ._terms"]
    assert whoosh_private_uses(subclass) == ["line 3: ._postfile", "line 4: ._terms"]


def test_no_file_over_600_lines_outside_benchmarks():
    long_files = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in ("benchmarks", ".cache", ".venv", "build") or relative.parts[0].startswith("."):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            long_files.append(f"{relative} ({lines})")
    assert not long_files, f"files over {MAX_LINES} lines (split them by concept): {', '.join(long_files)}"
