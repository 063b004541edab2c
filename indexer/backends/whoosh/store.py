"""Whoosh index storage: generations beside each other, an atomic switch, and the build lock.

Layout of an index directory:
    CURRENT          the name of the live generation (replaced atomically)
    gen-<stamp>/     one complete Whoosh index per generation; never changed once live
    .write.lock      locked (flock) by the one process that may build; holds its process id
A build writes a new generation beside the live one (hard-linking the live one's segment files, which
Whoosh never modifies), flushes it to disk, and then replaces CURRENT, so readers never see a
half-built index and a build killed at any point leaves the live generation untouched. Generations
that are not live (replaced ones, or left by a killed build) are removed by the next build.
"""

from __future__ import annotations

import copy
import fcntl
import functools
import hashlib
import os
import pickle
import shutil
import struct
import time
import zlib
from collections.abc import Callable
from contextlib import contextmanager

from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, EmptyIndexError, FileIndex, clean_files

from ...model import IndexLocked, IndexNotFound, ReleaseSearchError
from ...schema import build_schema

CURRENT = "CURRENT"
LOCK = ".write.lock"
INDEXNAME = "MAIN"  # Whoosh's default index name inside a generation folder
# A text that shows how each field's analyzer treats words (a schema's behaviour, not its repr).
_PROBE = "The Company's 12.5% merger-related acquisitions, naïve Société résumés; IMGN a-1 running ran."


def schema_fingerprint(schema) -> str:
    """A digest of what decides the index's contents: fields, their formats and their analyzers."""
    parts = []
    for name in sorted(schema.names()):
        field = schema[name]
        fmt = field.format
        parts.append(
            (
                name,
                type(field).__name__,
                type(fmt).__name__ if fmt else None,
                getattr(fmt, "field_boost", None),
                bool(field.stored),
                bool(field.scorable),
                bool(field.unique),
                type(field.column_type).__name__ if field.column_type else None,
            )
        )
        analyzer = getattr(field, "analyzer", None)
        if analyzer is not None and field.indexed:
            try:
                parts.append([(t.text, t.pos) for t in analyzer(_PROBE, positions=True)])
            except Exception as exc:  # a numeric field's analyzer rejects text: its kind is enough
                parts.append(type(exc).__name__)
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()


# ---- One generation ------------------------------------------------------------------------------


class Generation:
    """A generation folder: its Whoosh storage, schema and segments, and its table of contents."""

    def __init__(self, path: str, schema, segments: list, toc_generation: int):
        self.path = path
        self.name = os.path.basename(path)
        self.storage = FileStorage(path, supports_mmap=False)  # see whoosh._Snapshot
        self.schema = schema
        self.segments = segments
        self.toc_generation = toc_generation

    @classmethod
    def read(cls, path: str) -> Generation:
        """Open a generation's table of contents (raises EmptyIndexError when it has none)."""
        storage = FileStorage(path, supports_mmap=False)
        toc = TOC.read(storage, INDEXNAME)
        return cls(path, toc.schema, list(toc.segments), toc.generation)

    def check_readable(self) -> None:
        """Open each segment's file (its directory of parts): a file emptied or cut short raises one of DAMAGE."""
        for segment in self.segments:
            if segment.is_compound():
                open_compound_file(segment, self.storage).close()

    def doc_count(self) -> int:
        """Releases in this generation, deleted ones excluded."""
        return sum(s.doc_count() for s in self.segments)

    def commit(self) -> None:
        """Write the table of contents listing the segments, drop unlisted files, flush all to disk."""
        self.toc_generation += 1
        TOC(self.schema, self.segments, self.toc_generation).write(self.storage, INDEXNAME)
        clean_files(self.storage, INDEXNAME, self.toc_generation, self.segments)
        # Whoosh's writers leave their (empty) temporary folder behind.
        for entry in os.listdir(self.path):
            if entry.endswith(".tmp") and os.path.isdir(os.path.join(self.path, entry)):
                shutil.rmtree(os.path.join(self.path, entry), ignore_errors=True)
        _fsync_tree(self.path)


def _fsync_tree(path: str) -> None:
    """Flush a folder's files and the folder itself to disk, so a power cut cannot leave it half-written."""
    for entry in os.listdir(path):
        full = os.path.join(path, entry)
        if os.path.isfile(full):
            fd = os.open(full, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(path)


def _fsync_dir(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def open_generation(gen: str) -> FileIndex:
    """A live generation's index, for searching; a damaged segment raises one of DAMAGE with its file closed."""
    Generation.read(gen).check_readable()
    # Segment files are read through file handles, not memory maps: Whoosh copies every mapped
    # file it opens into memory (about the index's size in RSS, and 0.8 s at 24,000 releases).
    return FileIndex(FileStorage(gen, supports_mmap=False), indexname=INDEXNAME)


def open_compound_file(segment, storage: FileStorage) -> CompoundStorage:
    """A segment's compound file, its handle closed again when its header does not read."""
    # Whoosh's Segment.open_compound_file leaves that handle to the garbage collector, which closes it
    # (with a ResourceWarning) at some later, unrelated moment.
    handle = storage.open_file(segment.make_filename(segment.COMPOUND_EXT))
    try:
        return CompoundStorage(handle, use_mmap=storage.supports_mmap)
    except BaseException:
        handle.close()
        raise


# What reading a damaged generation raises (a file cut short, emptied or overwritten: a full disk, a partial copy).
DAMAGE = (EOFError, pickle.UnpicklingError, struct.error, zlib.error, ValueError, IndexError)


def damaged(path: str, exc: BaseException) -> IndexNotFound:
    """The error for an index whose files cannot be read, saying how to make it anew."""
    return IndexNotFound(
        f"the index at {path} cannot be read ({exc or type(exc).__name__}): "
        f"rebuild it with 'releases index SOURCE... --rebuild --index {path}'"
    )


# ---- Storage ----------------------------------------------------------------------------------


class WhooshStore:
    """The directory holding index generations, and the switch between them."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.path.abspath(os.fspath(path))
        self.lock_fd: int | None = None  # while this process holds the build lock

    def current(self) -> str | None:
        """Path of the live generation, or None when there is no index yet."""
        # A build may switch CURRENT and delete the generation it named between our read and the folder
        # check: read CURRENT again then, so a reader never takes a switch for a missing index.
        for _ in range(5):
            try:
                with open(os.path.join(self.path, CURRENT), encoding="utf-8") as handle:
                    name = handle.read().strip()
            except (FileNotFoundError, NotADirectoryError):
                return None
            gen = os.path.join(self.path, name)
            if not name.startswith("gen-"):
                return None
            if os.path.isdir(gen):
                return gen
        return None

    def index_files(self, kept_beside: tuple[str, ...] = ()) -> Callable[[str], bool]:
        """A test of whether a path (absolute, links resolved, as a build's sources give them) is an index's file:
        this index's (CURRENT, the lock, a generation's files, a file kept beside them whose name starts with one
        of kept_beside) or another index's found among the sources (a folder whose CURRENT names a generation).
        An index kept inside the folder it indexes (`releases index .` writes ./index) is no release."""
        root = os.path.realpath(self.path) + os.sep

        @functools.lru_cache(maxsize=4096)
        def holds_index(folder: str) -> bool:  # one small read per folder of the sources
            try:
                with open(os.path.join(folder, CURRENT), encoding="utf-8", errors="replace") as handle:
                    return handle.read(80).strip().startswith("gen-")
            except OSError:
                return False

        def beside(name: str) -> bool:
            return name in (CURRENT, LOCK) or name.startswith(f".{CURRENT}.") or name.startswith(kept_beside)

        def owns(path: str) -> bool:
            if path.startswith(root):
                top, _, inside = path[len(root) :].partition(os.sep)
                return top.startswith("gen-") if inside else beside(top)
            folder, name = os.path.split(path)
            if holds_index(folder):
                return beside(name)
            return os.path.basename(folder).startswith("gen-") and holds_index(os.path.dirname(folder))

        return owns

    def exists(self) -> bool:
        """Whether a complete index is live here."""
        return self.live() is not None

    def live(self) -> Generation | None:
        """The live generation, read from its table of contents; None when there is none."""
        gen = self.current()
        if gen is None:
            return None
        try:
            return Generation.read(gen)
        except (EmptyIndexError, FileNotFoundError):
            return None

    def _new_folder(self) -> str:
        os.makedirs(self.path, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        gen = os.path.join(self.path, f"gen-{stamp}-{os.getpid()}-{time.monotonic_ns() % 1000000:06d}")
        os.makedirs(gen)
        return gen

    def new_generation(self) -> Generation:
        """An empty generation folder for a build from scratch."""
        return Generation(self._new_folder(), build_schema(), [], 0)

    def copy_generation(self, live: Generation) -> Generation:
        """A new generation holding the live one's segments (hard links: segment files never change)."""
        gen = self._new_folder()
        keep = {s.segment_id() for s in live.segments}
        for entry in os.listdir(live.path):
            if entry.split(".", 1)[0] not in keep:
                continue  # the live table of contents is rewritten, not copied
            src, dst = os.path.join(live.path, entry), os.path.join(gen, entry)
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)
        # Segment objects carry their deletions: copies, so the live generation's stay as they are.
        segments = [copy.deepcopy(s) for s in live.segments]
        return Generation(gen, live.schema, segments, live.toc_generation)

    def switch_to(self, gen: Generation) -> None:
        """Make gen the live generation atomically, then remove generations no longer live."""
        tmp = os.path.join(self.path, f".{CURRENT}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(gen.name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, os.path.join(self.path, CURRENT))
        _fsync_dir(self.path)
        self.remove_stale()

    def remove_stale(self) -> list[str]:
        """Delete generation folders that are not live (replaced, or left by an interrupted build)."""
        live = self.current()
        removed = []
        if not os.path.isdir(self.path):
            return removed
        for entry in sorted(os.listdir(self.path)):
            full = os.path.join(self.path, entry)
            if entry.startswith("gen-") and full != live and os.path.isdir(full):
                shutil.rmtree(full, ignore_errors=True)
                removed.append(entry)
            elif entry.startswith(f".{CURRENT}.") and entry.endswith(".tmp"):
                os.unlink(full)
        return removed

    def discard(self, gen: Generation) -> None:
        """Remove a generation that was never switched to."""
        shutil.rmtree(gen.path, ignore_errors=True)

    def _check_folder(self) -> None:
        """Refuse an index path that is a file or lies under one, saying so (the OS would say 'File exists')."""
        probe = self.path
        while not os.path.lexists(probe) and os.path.dirname(probe) != probe:
            probe = os.path.dirname(probe)
        if os.path.lexists(probe) and not os.path.isdir(probe):
            raise ReleaseSearchError(
                f"cannot keep an index at {self.path}: {probe} is a file, not a folder; "
                "name a folder for the index (a missing one is created)"
            )

    @contextmanager
    def write_lock(self):
        """Hold the build lock; fail at once with a clear message when another build holds it.

        The lock is an flock on .write.lock: the kernel releases it when its holder exits, even when
        killed, so a crashed build never blocks the next one.
        """
        self._check_folder()
        os.makedirs(self.path, exist_ok=True)
        fd = os.open(os.path.join(self.path, LOCK), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                who = f" (process {holder})" if holder.isdigit() else ""
                raise IndexLocked(
                    f"another 'releases index'{who} is writing {self.path}: wait for it to finish, then run again"
                ) from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
            self.lock_fd = fd
            yield
        finally:
            self.lock_fd = None
            os.close(fd)
