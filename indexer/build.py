"""Indexing runs on either backend, and the Whoosh run: new and changed files parsed, a new generation switched to."""

from __future__ import annotations

import os
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .backends.whoosh.build import FileOutcome, ParallelIndexer, SegmentSink
from .backends.whoosh.columns import add_missing as add_missing_columns
from .backends.whoosh.kept_sums import write_for_generation as write_kept_sums
from .backends.whoosh.merge import delete_paths, merge_small_segments, source_hashes
from .backends.whoosh.rank import IndexStats
from .backends.whoosh.store import DAMAGE, Generation, WhooshStore, damaged, schema_fingerprint
from .issuers.sources import cached_registry
from .issuers.store import IssuerFile, IssuerRecord, settle, starting_registry
from .memory import DEFAULT_MEMORY, parse_size
from .model import BuildProgress, BuildReport, ParseError, ReleaseSearchError, SourceNotFound
from .parse import file_sources, iter_sources, source_folder_of
from .progress import files_to_read
from .release_paths import existing_file, is_under, once_each
from .saved import SAVED_FILE
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
    issuers: str | os.PathLike | None = None,
    sec_tickers: str | os.PathLike | None = None,
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
    issuers: the user's issuer file (default $RELEASES_ISSUERS); sec_tickers: the SEC's company_tickers_exchange.json
    (default $RELEASES_SEC_TICKERS, else edgartools' copy or the shipped snapshot; "none" for no SEC list).
    Raises IssuerFileError for a malformed issuer file.
    """
    from .settings import backend_name

    sources = [os.fspath(s) for s in sources]
    missing = [s for s in sources if not os.path.exists(s)]
    if missing:
        # Checked before anything is built: an empty index, or one whose releases from that folder are all
        # removed as gone, is worse than no run at all.
        raise SourceNotFound(
            f"no such file or folder: {missing[0] or repr('')}"
            f"{f' (and {len(missing) - 1} more)' if len(missing) > 1 else ''}; "
            "nothing was indexed. Check the path, or give the folder holding the releases"
        )
    # Files are known by absolute paths, their folders' links resolved: the same files given through another
    # working folder, a relative path or a linked folder are the same files (the same release ids, nothing
    # indexed twice).
    # An empty name is no folder at all (realpath would make it the working folder).
    sources = [os.path.realpath(os.fspath(s)) if os.fspath(s) else "" for s in sources]
    sources = list(dict.fromkeys(sources))  # the same folder given twice (seeds ./seeds) is walked once
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
            issuers=issuers,
            sec_tickers=sec_tickers,
        )
    if shards is not None or replicas is not None:
        raise ReleaseSearchError("shards and replicas lay out an OpenSearch index: use them with --backend opensearch")
    started = time.perf_counter()
    budget = parse_size(memory if memory is not None else DEFAULT_MEMORY)
    from .settings import default_index_path

    static = cached_registry(issuers, sec_tickers)

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
        report.created = live is None
        try:  # an incremental run reads the live generation: a damaged one is reported, not built upon
            if incremental:
                live.check_readable()
            known = source_hashes(live) if incremental else {}
        except DAMAGE as exc:
            raise damaged(store.path, exc) from exc
        # An index's files are no releases: this one's, wherever it is kept (inside a source folder too), or another's.
        own_files = store.index_files(kept_beside=(SAVED_FILE,))
        total_files = files_to_read(sources, follow_links, ignore=own_files) if progress else None
        gen = store.copy_generation(live) if incremental else store.new_generation()
        previous = IssuerFile.load(live.path if incremental else None)
        # Workers resolve with what the last build learned, when the sources it came from are the same.
        registry = starting_registry(previous, static)
        run = _Run(
            gen=gen,
            sources=sources,
            report=report,
            budget=budget,
            procs=procs,
            lock_fd=store.lock_fd,
            follow_links=follow_links,
            progress=progress,
            total_files=total_files,
            clock=clock,
            own_files=own_files,
        )
        try:
            removed, records = _index_sources(run, known, registry)
            _settle_issuers(run, previous, static, removed, records)
            merge_small_segments(gen, budget)
            add_missing_columns(gen.storage, gen.schema, gen.segments)  # segments of an index built before them
            report.total = gen.doc_count()
            report.segments = len(gen.segments)
            gen.commit()
            write_kept_sums(gen.path, IndexStats)  # common words' ranking statistics, found once (an optional file)
            store.switch_to(gen)
        except BaseException:
            store.discard(gen)
            raise
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _Run:
    """One Whoosh indexing run: the generation it writes and what its steps share."""

    gen: Generation
    sources: list[str]
    report: BuildReport
    budget: int  # memory, bytes
    procs: int | None
    lock_fd: int  # the build lock, inherited by the workers
    follow_links: bool
    progress: Callable[[BuildProgress], None] | None
    total_files: int | None
    clock: float  # time.monotonic() at the start, for the progress bar's rate
    own_files: Callable[[str], bool]  # the index's own files, skipped unread and unreported


def _index_sources(run: _Run, known: dict[str, str], registry) -> tuple[set[str], list[IssuerRecord]]:
    """Hash every file, index new and changed ones into new segments, delete replaced and gone ones; return the
    paths whose releases were removed and the issuer records of the releases added."""
    gen, sources, report, progress = run.gen, run.sources, run.report, run.progress
    outdated: set[str] = set()
    seen: set[str] = set()
    releases = 0
    records: dict[str, list[IssuerRecord]] = {}  # path -> its releases' issuer records

    def tick(path: str) -> None:
        if progress:
            progress(BuildProgress(report.files, run.total_files, releases, path, run.clock))

    def on_outcome(outcome: FileOutcome) -> None:
        nonlocal releases
        if outcome.retracted:  # lost with a worker that died: counted again when another worker indexes it
            report.files -= 1
            if outcome.reason is not None:
                report.skipped.remove({"path": outcome.path, "reason": outcome.reason})
            report.new_files -= outcome.unread
            releases -= outcome.releases
            report.added -= outcome.releases
            records.pop(outcome.path, None)
            return
        report.files += 1
        if outcome.reason is not None:
            report.skipped.append({"path": outcome.path, "reason": outcome.reason})
        report.new_files += outcome.unread  # a file sent unread is new: each of its outcomes counts here
        releases += outcome.releases
        report.added += outcome.releases
        if outcome.issuers:
            records[outcome.path] = outcome.issuers
        tick(outcome.path)

    with ParallelIndexer(
        gen.path, procs=run.procs, memory=run.budget, on_outcome=on_outcome, inherited_fd=run.lock_fd, registry=registry
    ) as work:
        # Files the index holds nothing from go to the workers unread: nothing here needs their bytes.
        walk = iter_sources(sources, defer=_holds_nothing_from(known), follow_links=run.follow_links)
        for source in once_each(walk, sources):
            if run.own_files(source.path):
                continue
            if isinstance(source, ParseError):
                # Skipped before it is read (a link out, a pipe): no release in the index, new like any skipped file.
                report.files += 1
                report.new_files += 1
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
    gone = {path for path in known if path not in seen and is_under(path, sources)}
    report.gone_files = len(gone)
    report.removed = delete_paths(gen, outdated | gone)
    gen.segments.extend(segments)
    return outdated | gone, [record for found in records.values() for record in found]


def _settle_issuers(run: _Run, previous: IssuerFile, static, removed: set[str], records: list[IssuerRecord]) -> None:
    """Learn from the whole index's releases, index again the files whose issuer that changes, save the file."""
    from .memory import MemoryPlan

    gen, report = run.gen, run.report

    def reparse(paths: set[str], registry) -> list[IssuerRecord]:
        delete_paths(gen, paths)
        sink = SegmentSink(gen.path, MemoryPlan.for_budget(run.budget, 1), registry)
        found: list[IssuerRecord] = []
        for top in sorted({existing_file(p) for p in paths}):
            # Read within the folder given, as the first time: the same release ids and paths.
            for source in file_sources(top, source_folder_of(top, run.sources)):
                if not isinstance(source, ParseError) and source.path in paths:
                    for outcome in sink.add(source):
                        found.extend(outcome.issuers or ())
        sink.flush()
        gen.segments.extend(sink.take())
        return found

    issuer_file, settled = settle(previous, static, removed, records, reparse)
    issuer_file.save(gen.path)
    report.issuers = len(settled.registry)
    report.reresolved_files = settled.reparsed_files
    report.issuer_conflicts = [c.message() for c in static.conflicts]


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
