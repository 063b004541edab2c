"""docs/architecture.md's module map against the tree: every module named where its concept is, no name stale."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
PACKAGES = ("indexer", "webapp")


def _passages(text: str) -> list[str]:
    """The doc cut into what one entry can span: a table row, or a paragraph."""
    passages = []
    for block in re.split(r"\n\s*\n", text):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        passages += rows if rows else [block]
    return passages


def _modules() -> list[Path]:
    """Every module of the packages, packages' __init__ files and the two top-level ones aside."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if path.name != "__init__.py" or path.parent.name == "backends":
                found.append(path.relative_to(ROOT))
    return found


def _named(module: Path, passages: list[str]) -> bool:
    """Whether a passage names the module: by a path ending in its folder and name, or by its name beside its folder."""
    folder, name = module.parent, module.name
    tails = {"/".join(module.parts[i:]) for i in range(len(module.parts) - 1)}
    for passage in passages:
        if any(f"`{tail}`" in passage for tail in tails):
            return True
        if f"`{name}`" in passage and f"{folder.name}/" in passage:
            return True
    return False


def _mentioned_files(text: str) -> set[str]:
    """Every `path.py` or `name.html` the doc names in backticks, as written."""
    return set(re.findall(r"`([\w/.-]+\.(?:py|html))`", text))


@pytest.mark.parametrize("module", _modules(), ids=str)
def test_the_module_map_names_every_module(module):
    assert _named(module, _passages(DOC.read_text(encoding="utf-8"))), f"docs/architecture.md does not name {module}"


def test_every_file_the_doc_names_exists():
    files = [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*") if p.suffix in (".py", ".html")]
    missing = [name for name in _mentioned_files(DOC.read_text(encoding="utf-8")) if not any(
        f == name or f.endswith("/" + name) for f in files
    )]  # fmt: skip
    assert not missing, f"docs/architecture.md names files that do not exist: {sorted(missing)}"


def test_the_map_check_sees_a_module_left_out():
    passages = _passages("| Whoosh: merges | `whoosh/merge.py` |\n\n`indexer/parse/`: readers (`text.py`)")
    assert _named(Path("indexer/backends/whoosh/merge.py"), passages)
    assert _named(Path("indexer/parse/text.py"), passages)
    assert not _named(Path("indexer/backends/whoosh/rank.py"), passages)
    assert not _named(Path("indexer/parse/html.py"), passages)
    assert not _named(Path("indexer/merge.py"), passages)  # a module of another folder with the same name
