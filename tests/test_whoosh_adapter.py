"""The installed Whoosh still has every private name the Whoosh backend relies on (adapter.REQUIRED)."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest
import whoosh

from indexer.backends.whoosh.adapter import REQUIRED


def _owner(where: str):
    module_name, _, qualname = where.partition(":")
    owner = importlib.import_module(module_name)
    for part in filter(None, qualname.split(".")):
        owner = getattr(owner, part)
    return owner


def _has(owner, name: str) -> bool:
    """Whether a module or class defines name, or a method of the class (or a base) sets self.<name>."""
    if hasattr(owner, name):
        return True
    if not inspect.isclass(owner):
        return False
    assigned = re.compile(rf"\bself\.{re.escape(name)}\s*(?:=|,)")
    for cls in owner.__mro__:
        if cls is object:
            continue
        try:
            source = inspect.getsource(cls)
        except (OSError, TypeError):
            continue
        if assigned.search(source):
            return True
    return False


@pytest.mark.parametrize("where", sorted(REQUIRED))
def test_whoosh_has_every_private_name_the_backend_uses(where):
    try:
        owner = _owner(where)
    except (ImportError, AttributeError) as exc:
        pytest.fail(
            f"Whoosh {whoosh.versionstring()} has no {where} ({exc}), which indexer/backends/whoosh relies on: "
            "install the version pinned in pyproject.toml, or adapt indexer/backends/whoosh/adapter.py",
            pytrace=False,
        )
    missing = [name for name in REQUIRED[where] if not _has(owner, name)]
    assert not missing, (
        f"Whoosh {whoosh.versionstring()}: {where} lacks {', '.join(missing)}, which indexer/backends/whoosh "
        "relies on: install the version pinned in pyproject.toml, or adapt indexer/backends/whoosh/adapter.py"
    )


def test_the_check_notices_a_missing_name():
    assert _has(_owner("whoosh.codec.whoosh3:W3FieldWriter"), "_postfile")
    assert not _has(_owner("whoosh.codec.whoosh3:W3FieldWriter"), "_no_such_attribute")
    assert not _has(_owner("whoosh.util.numeric"), "_no_such_name")
