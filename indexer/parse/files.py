"""Finding release files on disk safely: links followed only within the sources given, special files skipped.

A source folder may hold what a user did not mean to publish: a link to /etc/passwd, a named pipe that
blocks whoever opens it, a device that never ends. Each is decided from the file's type (lstat, stat), before
anything opens it, and skipped with a reason; links that stay inside the folders and files given are followed.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator

from ..model import ParseError
from .archive import skipped_name

FOLLOW_LINKS_HINT = "--follow-links follows links anywhere"


def special_kind(mode: int) -> str | None:
    """What a non-regular file is ('a named pipe (FIFO)', ...), None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def special_reason(kind: str) -> str:
    """The skip reason for a file that is not a regular file."""
    return f"{kind}, not a regular file: skipped unopened"


class _Roots:
    """The sources given, resolved, to tell a link that stays inside them from one that leads out."""

    def __init__(self, paths: list[str]):
        self.paths = [os.path.realpath(p) for p in paths if p]

    def holds(self, target: str) -> bool:
        return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in self.paths)


def walk_files(paths: Iterable[str | os.PathLike], *, follow_links: bool = False) -> Iterator[str | ParseError]:
    """Every file under the given files and folders, recursively, in a stable order; skipped ones as ParseErrors.

    Hidden files and a collection's README, LICENSE and MANIFEST files are left out silently: they describe, not
    announce. Links are followed when they lead to a file within the sources given (follow_links: anywhere);
    named pipes, sockets and devices are reported, never opened. A path given by name is taken as given (a
    link named on the command line is followed), but a special file is still refused.
    """
    roots = [os.fspath(root) for root in paths]
    inside = _Roots(roots)
    for root in roots:
        try:
            info = os.stat(root)
        except (OSError, ValueError):
            yield root  # read_source says why it cannot be read
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(root, inside, follow_links, {_key(info)})
        elif stat.S_ISREG(info.st_mode):
            yield root
        else:
            yield ParseError(root, special_reason(special_kind(info.st_mode)))


def _key(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _walk(folder: str, inside: _Roots, follow_links: bool, visiting: set) -> Iterator[str | ParseError]:
    # Files of a folder first, then its subfolders, each sorted by name: the order os.walk gave.
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    folders: list[tuple[str, tuple[int, int]]] = []
    for entry in entries:
        try:
            # d_type from the listing: no system call for the usual regular file or folder.
            if entry.is_symlink():
                found = _link(entry, inside, follow_links)
                if found is None:
                    continue
                if isinstance(found, tuple):
                    folders.append(found)
                    continue
                yield found
            elif entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith(".") and entry.name != "__MACOSX":
                    folders.append((entry.path, _key(entry.stat(follow_symlinks=False))))
            elif entry.is_file(follow_symlinks=False):
                if not skipped_name(entry.name):
                    yield entry.path
            elif not skipped_name(entry.name):
                yield ParseError(entry.path, special_reason(special_kind(entry.stat(follow_symlinks=False).st_mode)))
        except OSError as exc:
            yield ParseError(entry.path, f"cannot read: {exc.strerror or exc}")
    for path, key in folders:
        if key in visiting:
            continue  # a link back up the tree: that folder is being read already
        yield from _walk(path, inside, follow_links, visiting | {key})


def _link(entry: os.DirEntry, inside: _Roots, follow_links: bool):
    """A link: its path to read (a file), (path, key) to descend (a folder), a ParseError, or None (left out)."""
    if entry.name.startswith(".") or (skipped_name(entry.name) and not entry.is_dir()):
        return None
    target = os.path.realpath(entry.path)
    try:
        info = os.stat(entry.path)
    except OSError as exc:
        return ParseError(entry.path, _unfollowable_link(exc))
    within = inside.holds(target)
    if stat.S_ISDIR(info.st_mode):
        if follow_links and not within:
            return entry.path, _key(info)
        if within:
            return None  # its files are read where they are, under the sources given
        return ParseError(
            entry.path, f"a link to a folder outside the sources given ({target}): skipped; {FOLLOW_LINKS_HINT}"
        )
    kind = special_kind(info.st_mode)
    if kind is not None:
        return ParseError(entry.path, f"a link to {kind}, not a regular file: skipped unopened")
    if within or follow_links:
        return entry.path
    return ParseError(
        entry.path, f"a link to a file outside the sources given ({target}): skipped; {FOLLOW_LINKS_HINT}"
    )


def _unfollowable_link(exc: OSError) -> str:
    """Why a link cannot be followed: a loop (ELOOP: it leads back to itself), no target, or what the system says."""
    if exc.errno == errno.ELOOP:
        return "a link loop (it leads back to itself through links): skipped; point the link at a file or remove it"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "a broken link (its target does not exist): skipped"
    return f"a link that cannot be followed ({exc.strerror or exc}): skipped"
