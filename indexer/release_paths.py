"""Release paths against a build's sources: the file on disk holding a release, whether a path lies under them."""

from __future__ import annotations

import os


def existing_file(path: str) -> str:
    """The file on disk a release path is in: itself, or the archive holding it ('x.tar.gz/member.json')."""
    while path and not os.path.isfile(path) and os.path.dirname(path) != path:
        path = os.path.dirname(path)
    return path


def is_under(path: str, roots: list[str]) -> bool:
    """Whether path is one of roots or lies inside one (roots absolute, as the builds keep them)."""
    full = os.path.abspath(path)
    return any(full == root or full.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
