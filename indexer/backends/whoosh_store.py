"""Whoosh index storage: generations beside each other, an atomic switch, and the build lock.

Layout of an index directory:
    CURRENT          the name of the live generation (replaced atomically)
    gen-<stamp>/     one complete Whoosh index per generation
    .write.lock      held by the one process that may build
A build writes a new generation beside the live one and then replaces CURRENT, so readers never
see a half-built index; a searcher notices the change and reopens.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager

from whoosh.index import create_in, exists_in, open_dir

from ..model import IndexLocked
from ..schema import build_schema

CURRENT = "CURRENT"
LOCK = ".write.lock"


# ---- Storage ----------------------------------------------------------------------------------


class WhooshStore:
    """The directory holding index generations, and the switch between them."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.path.abspath(os.fspath(path))

    def current(self) -> str | None:
        """Path of the live generation, or None when there is no index yet."""
        try:
            with open(os.path.join(self.path, CURRENT), encoding="utf-8") as handle:
                name = handle.read().strip()
        except FileNotFoundError:
            return None
        gen = os.path.join(self.path, name)
        return gen if name and os.path.isdir(gen) else None

    def exists(self) -> bool:
        """Whether a complete index is live here."""
        gen = self.current()
        return gen is not None and exists_in(gen)

    def new_generation(self):
        """Create an empty Whoosh index in a fresh generation folder; return (path, index)."""
        os.makedirs(self.path, exist_ok=True)
        name = f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 100000}"
        gen = os.path.join(self.path, name)
        os.makedirs(gen)
        return gen, create_in(gen, build_schema())

    def copy_generation(self):
        """A new generation holding a copy of the live one (hard links: segment files never change)."""
        live = self.current()
        os.makedirs(self.path, exist_ok=True)
        name = f"gen-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 100000}"
        gen = os.path.join(self.path, name)
        os.makedirs(gen)
        for entry in os.listdir(live):
            src, dst = os.path.join(live, entry), os.path.join(gen, entry)
            if entry.endswith(".lock"):
                continue
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)
        return gen, open_dir(gen)

    def switch_to(self, gen: str) -> None:
        """Make gen the live generation atomically, then remove generations no longer live."""
        tmp = os.path.join(self.path, f".{CURRENT}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(os.path.basename(gen) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, os.path.join(self.path, CURRENT))
        self.remove_stale(keep=gen)

    def remove_stale(self, keep: str | None = None) -> None:
        """Delete generation folders that are not live (left by switches or interrupted builds)."""
        live = self.current()
        for entry in os.listdir(self.path):
            full = os.path.join(self.path, entry)
            if entry.startswith("gen-") and full not in (live, keep) and os.path.isdir(full):
                shutil.rmtree(full, ignore_errors=True)

    def discard(self, gen: str) -> None:
        """Remove a generation that was never switched to."""
        shutil.rmtree(gen, ignore_errors=True)

    @contextmanager
    def write_lock(self):
        """Hold the build lock; fail at once with a clear message when another build holds it."""
        os.makedirs(self.path, exist_ok=True)
        handle = open(os.path.join(self.path, LOCK), "a+")
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise IndexLocked(
                    f"another 'releases index' is writing {self.path}: wait for it to finish, then run again"
                ) from None
            yield
        finally:
            handle.close()
