"""Indexing runs: find files, skip unchanged ones by content hash, parse, write a new generation, switch."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .backends.whoosh_store import WhooshStore
from .duplicates import duplicate_key
from .model import ParseError
from .parse import iter_sources, parse_source
from .schema import release_to_document

DEFAULT_SOURCES = ("seeds",)


@dataclass
class BuildReport:
    """What an indexing run did."""

    index: str
    added: int = 0  # releases written (new or changed files)
    removed: int = 0  # releases dropped because their file changed or is gone
    unchanged_files: int = 0
    files: int = 0
    skipped: list[dict] = field(default_factory=list)  # [{"path", "reason"}]
    total: int = 0  # releases in the index after the run
    seconds: float = 0.0
    rebuilt: bool = False

    def to_json(self) -> dict:
        """The JSON summary printed by `releases index --json`."""
        return {
            "ok": True,
            "index": self.index,
            "files": self.files,
            "added": self.added,
            "removed": self.removed,
            "unchanged_files": self.unchanged_files,
            "skipped": self.skipped,
            "total": self.total,
            "seconds": round(self.seconds, 3),
            "rebuilt": self.rebuilt,
        }


def build_index(
    sources: Iterable[str | os.PathLike] = DEFAULT_SOURCES,
    index_path: str | os.PathLike | None = None,
    *,
    rebuild: bool = False,
    progress: Callable[[int, str], None] | None = None,
) -> BuildReport:
    """Index the files under sources into index_path (default: $RELEASES_INDEX or ./index).

    Only new or changed files are parsed again (by content hash).

    The live index keeps serving until the new generation is complete and switched to.
    """
    started = time.perf_counter()
    from .search import default_index_path

    store = WhooshStore(index_path or default_index_path())
    sources = [os.fspath(s) for s in sources]
    report = BuildReport(index=store.path)
    with store.write_lock():
        store.remove_stale()
        incremental = store.exists() and not rebuild
        report.rebuilt = not incremental
        known: dict[str, str] = {}
        if incremental:
            from .backends.whoosh import WhooshBackend

            backend = WhooshBackend(store.path)
            try:
                known = backend.source_hashes()
            finally:
                backend.close()
        gen, index = store.copy_generation() if incremental else store.new_generation()
        try:
            seen: set[str] = set()
            with index.writer() as writer:
                for source in iter_sources(sources):
                    report.files += 1
                    if isinstance(source, ParseError):
                        report.skipped.append({"path": source.path, "reason": source.reason})
                        continue
                    path = source.path
                    seen.add(path)
                    if known.get(path) == source.digest:
                        report.unchanged_files += 1
                        continue
                    try:
                        releases = parse_source(source)
                    except ParseError as exc:
                        report.skipped.append({"path": path, "reason": exc.reason})
                        releases = []
                    if path in known:
                        report.removed += writer.delete_by_term("path", path)
                    for release in releases:
                        writer.add_document(**release_to_document(release, duplicate_key(release)))
                        report.added += 1
                    if progress:
                        progress(report.files, path)
                # Files that were indexed from these sources but are gone now.
                roots = [os.path.abspath(s) for s in sources]
                for path in known:
                    if path not in seen and _under(path, roots):
                        report.removed += writer.delete_by_term("path", path)
            report.total = index.doc_count()
            index.close()
            store.switch_to(gen)
        except BaseException:
            store.discard(gen)
            raise
    report.seconds = time.perf_counter() - started
    return report


def _under(path: str, roots: list[str]) -> bool:
    full = os.path.abspath(path)
    return any(full == root or full.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
