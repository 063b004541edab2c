"""Release paths against a build's sources: the file on disk holding a release, whether a path lies under them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TypeVar

from .model import ReleaseSearchError

Found = TypeVar("Found")


def existing_file(path: str) -> str:
    """The file on disk a release path is in: itself, or the archive holding it ('x.tar.gz/member.json')."""
    while path and not os.path.isfile(path) and os.path.dirname(path) != path:
        path = os.path.dirname(path)
    return path


def is_under(path: str, roots: list[str]) -> bool:
    """Whether path is one of roots or lies inside one (roots absolute, as the builds keep them)."""
    full = os.path.abspath(path)
    return any(full == root or full.startswith(root.rstrip(os.sep) + os.sep) for root in roots)


def known_inside(paths: list[str], root: str) -> tuple[list[str], str]:
    """Paths given with the folder they are known inside (`releases parse FILE --root DIR`), written as a build writes
    them: the folder absolute with its links resolved, each path that folder's plus its place inside it, so the
    ids are those `releases index DIR` gives however either is written (relative, './', absolute, through a link).
    ReleaseSearchError when the folder does not hold one of them (its releases would get ids no index gives)."""
    written, real = os.path.abspath(root), os.path.realpath(root)
    inside = []
    for path in paths:
        if is_under(path, [written]):
            inside.append(os.path.normpath(os.path.join(real, os.path.relpath(os.path.abspath(path), written))))
        elif is_under(os.path.realpath(path), [real]):
            inside.append(os.path.realpath(path))
        else:
            raise ReleaseSearchError(
                f"the root folder {root} does not hold {path}: "
                "give the folder you index (releases index DIR) that holds the files"
            )
    return inside, real


def once_each(found: Iterable[Found], sources: list[str]) -> Iterator[Found]:
    """A build's walk with each path once: a file under two of the sources given (the same folder twice, a file
    or folder inside another given) would otherwise be indexed twice, a release listed as its own copy. Paths are
    remembered only when the sources overlap (a million paths hold about 200 MB); relative ones count as absolute."""
    sources = [os.path.abspath(source) if source else source for source in sources]  # '' is no folder
    if not any(a != b and is_under(a, [b]) for a in sources for b in sources) and len(set(sources)) == len(sources):
        yield from found
        return
    seen: set[str] = set()
    for item in found:
        path = os.path.abspath(item.path)
        if path not in seen:
            seen.add(path)
            yield item
