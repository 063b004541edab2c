"""Indexing runs: find files, skip unchanged ones by content hash, parse in parallel, write a new
generation beside the live one, switch to it atomically."""

from __future__ import annotations

import os
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable

from .backends.whoosh.build import FileOutcome, ParallelIndexer
from .backends.whoosh.merge import delete_paths, merge_small_segments, source_hashes
from .backends.whoosh.store import Generation, WhooshStore, schema_fingerprint
from .memory import DEFAULT_MEMORY, parse_size
from .model import BuildProgress, BuildReport, ParseError, ReleaseSearchError
from .parse import iter_files, iter_sources
from .schema import build_schema

DEFAULT_SOURCES = ("seeds",)


def build_index(
    sources: Iterable[str | os.PathLike] = DEFAULT_SOURCES,
    index_path: str | os.PathLike | None = None,
    *,
    rebuild: bool = False,
    progress: Callable[[BuildProgress], None] | None = None,
    procs: int | None = None,
    memory: int | str | None = None,
    backend: str | None = None,
    url: str | None = None,
    follow_links: bool = False,
    shards: int | None = None,
    replicas: int | None = None,
) -> BuildReport:
    """Index the files under sources into index_path (default: $RELEASES_INDEX or ./index).

    Only new or changed files are parsed again (by content hash); releases whose files are gone from
    under the given sources are removed. The live index keeps serving until the new generation is
    complete and switched to. procs: parse workers (default: one per core); memory: the build's memory
    budget in bytes or as '2G' (default DEFAULT_MEMORY), shared by this process and its workers (fewer
    workers start when each would get too little). Raises IndexLocked when another build is running.
    backend: "whoosh" (default: $RELEASES_BACKEND or whoosh) or "opensearch" (index_path names the
    index on the cluster at url, default $RELEASES_OPENSEARCH_URL; shards and replicas lay it out, see
    opensearch.build.build_index). follow_links: follow links in the
    sources anywhere (default: only links to files within the sources; the rest are skipped with a reason).
    """
    from .settings import backend_name

    # Files are known by absolute paths, their folders' links resolved: the same files given through another
    # working folder, a relative path or a linked folder are the same files (the same release ids, nothing
    # indexed twice).
    # An empty name is no folder at all (realpath would make it the working folder).
    sources = [os.path.realpath(os.fspath(s)) if os.fspath(s) else "" for s in sources]
    if backend_name(backend) == "opensearch":
        from .backends.opensearch.build import build_index as build_opensearch

        return build_opensearch(
            sources,
            index_path,
            url=url,
            rebuild=rebuild,
            progress=progress,
            procs=procs,
            shards=shards,
            replicas=replicas,
        )
    if shards is not None or replicas is not None:
        raise ReleaseSearchError("shards and replicas lay out an OpenSearch index: use them with --backend opensearch")
    started = time.perf_counter()
    budget = parse_size(memory if memory is not None else DEFAULT_MEMORY)
    from .settings import default_index_path

    store = WhooshStore(index_path or default_index_path())
    report = BuildReport(index=store.path)
    clock = time.monotonic()
    with store.write_lock():
        store.remove_stale()
        live = store.live()
        if live is not None and not rebuild and schema_fingerprint(live.schema) != schema_fingerprint(build_schema()):
            report.reason = "the index schema or its analyzers changed since the last build"
            rebuild = True
        incremental = live is not None and not rebuild
        report.rebuilt = not incremental
        known = source_hashes(live) if incremental else {}
        total_files = sum(1 for _ in iter_files(sources, follow_links=follow_links)) if progress else None
        gen = store.copy_generation(live) if incremental else store.new_generation()
        try:
            _index_sources(
                gen, sources, known, report, progress, total_files, clock, procs, budget, store.lock_fd, follow_links
            )
            merge_small_segments(gen)
            report.total = gen.doc_count()
            report.segments = len(gen.segments)
            gen.commit()
            store.switch_to(gen)
        except BaseException:
            store.discard(gen)
            raise
    report.seconds = time.perf_counter() - started
    return report


def _index_sources(
    gen: Generation, sources, known, report, progress, total_files, clock, procs, budget, lock_fd, follow_links
):
    """Hash every file, index new and changed ones into new segments, delete replaced and gone ones."""
    outdated: set[str] = set()
    seen: set[str] = set()
    releases = 0

    def tick(path: str) -> None:
        if progress:
            progress(BuildProgress(report.files, total_files, releases, path, clock))

    def on_outcome(outcome: FileOutcome) -> None:
        nonlocal releases
        if outcome.retracted:  # lost with a worker that died: counted again when another worker indexes it
            report.files -= 1
            if outcome.reason is not None:
                report.skipped.remove({"path": outcome.path, "reason": outcome.reason})
            report.new_files -= outcome.unread
            releases -= outcome.releases
            report.added -= outcome.releases
            return
        report.files += 1
        if outcome.reason is not None:
            report.skipped.append({"path": outcome.path, "reason": outcome.reason})
        report.new_files += outcome.unread  # a file sent unread is new: each of its outcomes counts here
        releases += outcome.releases
        report.added += outcome.releases
        tick(outcome.path)

    with ParallelIndexer(gen.path, procs=procs, memory=budget, on_outcome=on_outcome, inherited_fd=lock_fd) as work:
        # Files the index holds nothing from go to the workers unread: nothing here needs their bytes.
        for source in iter_sources(sources, defer=_holds_nothing_from(known), follow_links=follow_links):
            if isinstance(source, ParseError):
                report.files += 1
                report.skipped.append({"path": source.path, "reason": source.reason})
                tick(source.path)
                continue
            path = source.path
            seen.add(path)
            before = known.get(path)
            if before is not None and before == source.digest:
                report.files += 1
                report.unchanged_files += 1
                tick(path)
                continue
            if before is not None:
                report.changed_files += 1
                outdated.add(path)
            elif source.data is not None:  # one sent unread counts as its outcomes come back (one per archive member)
                report.new_files += 1
            work.add(source)
        segments = work.finish()
        report.workers = work.started or 1
    gone = {path for path in known if path not in seen and _under(path, sources)}
    report.gone_files = len(gone)
    report.removed = delete_paths(gen, outdated | gone)
    gen.segments.extend(segments)


def _holds_nothing_from(known: dict[str, str]) -> Callable[[str], bool]:
    """Whether the index holds nothing from a file: neither the file nor, were it an archive, its members."""
    if not known:
        return lambda path: True
    paths = sorted(known)

    def holds_nothing(path: str) -> bool:
        if path in known:
            return False
        # An archive's members ('<archive path>/<member>') sort right after '<archive path>/'.
        prefix = path + "/"
        at = bisect_left(paths, prefix)
        return at == len(paths) or not paths[at].startswith(prefix)

    return holds_nothing


def _under(path: str, roots: list[str]) -> bool:
    full = os.path.abspath(path)
    return any(full == root or full.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
