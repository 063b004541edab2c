"""Indexing runs on OpenSearch: new, changed and gone files found by content hash, their releases written in bulk.

Files are parsed in worker processes; a rebuild fills a new index and switches the alias to it.

Issuers as on Whoosh: each document keeps what its issuer was resolved from (ISSUER_RECORD); after the files
are written, the shared issuers.store.settle learns from every release's evidence (a name printed beside a
listing names that listing's issuer for the company's other releases) and the files whose issuer that changes
are parsed again and rewritten, before anything is made visible.

Each copy group's representative (its earliest copy) is fixed after the files are written, before anything is
made visible (representatives.py): the documents whose representative changed are parsed again and rewritten.

An incremental run compares files with the index LOOKUP_BATCH at a time (one request reads what the index
holds of those paths) and finds the files gone by streaming the index's paths in order against the keys
of the paths walked (8 bytes each): nothing per release is kept in memory, however large the index.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import time
from array import array
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from ...documents import documents_of
from ...model import BackendUnavailable, ParseError, ReleaseSearchError
from ...parse import Source, iter_sources
from ...progress import files_to_read
from ...release_paths import existing_file, is_under, once_each
from ...workers import INLINE_BELOW, process_context
from .client import translated_errors
from .representatives import Member, Place, changes, keys_with_copies, mark, member
from .schema import ISSUER_RECORD, storable_path, to_source
from .store import DEFAULT_REPLICAS, DEFAULT_SHARDS, OpenSearchStore, schema_fingerprint

LOOKUP_BATCH = 1000  # files compared with the index per request in an incremental run
PARSE_BATCH = 32
REWRITE_BATCH = 10_000  # releases whose representative changed, parsed again and written per batch


_registry = None  # the registry this process resolves issuers with (a build's, set in each parse worker)


def _use_registry(registry) -> None:
    global _registry
    _registry = registry


def documents_of_source(source: Source, registry=None) -> list[dict]:
    """Parse one source into OpenSearch documents (raises ParseError), each release's issuer resolved by the
    registry (default: the build's, else that of $RELEASES_ISSUERS and $RELEASES_SEC_TICKERS), each document
    keeping what its issuer was resolved from (ISSUER_RECORD)."""
    from ...issuers.sources import cached_registry

    records: list = []
    docs = [to_source(doc) for doc in documents_of(source, registry or _registry or cached_registry(), records)]
    for doc, record in zip(docs, records, strict=True):
        doc[ISSUER_RECORD] = json.dumps(record.to_json(), separators=(",", ":"))
    return docs


def _parse_batch(batch: list[Source]) -> list[tuple[str, list[dict] | None, str | None]]:
    out = []
    for source in batch:
        try:
            out.append((source.path, documents_of_source(source), None))
        except ParseError as exc:
            out.append((source.path, None, exc.reason))
    return out


def parsed_documents(
    sources: Iterator[Source], procs: int | None, registry=None
) -> Iterator[tuple[str, list[dict] | None, str | None]]:
    """(path, documents or None, skip reason) per source, in order; in worker processes for many files,
    issuers resolved with registry (default: that of the environment's issuer sources; a callable: asked
    once the first source comes, so a run with nothing to parse never works it out).

    At most two batches per worker are in flight, so memory stays bounded however many files come.
    """
    head = []
    for source in sources:
        head.append(source)
        if len(head) >= INLINE_BELOW:
            break
    if not head:
        return
    if callable(registry):
        registry = registry()
    procs = max(1, procs if procs is not None else (os.cpu_count() or 1))
    if len(head) < INLINE_BELOW or procs == 1:
        _use_registry(registry)
        for source in head:
            yield from _parse_batch([source])
        for source in sources:
            yield from _parse_batch([source])
        return

    def batches():
        batch = []
        for source in itertools.chain(head, sources):
            batch.append(source)
            if len(batch) >= PARSE_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch

    with ProcessPoolExecutor(
        max_workers=procs, mp_context=process_context(), initializer=_use_registry, initargs=(registry,)
    ) as pool:
        pending = []
        for batch in batches():
            pending.append(pool.submit(_parse_batch, batch))
            while len(pending) >= 2 * procs:
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def build_index(
    sources: Iterable[str | os.PathLike],
    index: str | os.PathLike | None = None,
    *,
    url: str | None = None,
    rebuild: bool = False,
    progress: Callable | None = None,
    procs: int | None = None,
    shards: int | None = None,
    replicas: int | None = None,
    client=None,
    issuers: str | os.PathLike | None = None,
    sec_tickers: str | os.PathLike | None = None,
):
    """Index the files under sources into the OpenSearch alias `index`; a BuildReport says what happened.

    Only new or changed files are parsed again (by content hash); releases whose files are gone from under
    the given sources are removed. rebuild (or a changed schema, or other shards) writes a new physical index
    and switches the alias to it atomically. shards (default DEFAULT_SHARDS on a new index, else the live
    index's) is fixed per physical index; replicas (default DEFAULT_REPLICAS, else the live index's) change
    in place. issuers and sec_tickers: the issuer sources, as for a Whoosh build (indexer.build.build_index).
    Raises IndexLocked when another build holds the alias.
    """
    for name, value in (("shards", shards), ("replicas", replicas)):
        if value is not None and (not 0 <= value <= 1024 or (name == "shards" and value == 0)):
            raise ReleaseSearchError(f"--{name} {value} cannot lay out an index: use 1 to 1024 shards, 0+ replicas")
    from ...issuers.sources import cached_registry
    from ...model import BuildProgress, BuildReport

    static = cached_registry(issuers, sec_tickers)
    started = time.perf_counter()
    clock = time.monotonic()
    store = OpenSearchStore(index, url, client)
    sources = [os.fspath(s) for s in sources]
    report = BuildReport(index=f"{store.alias} on {store.url}")
    with store.write_lock() as lease:
        store.remove_stale()
        live = store.live()
        if live is not None and not rebuild and store.fingerprint(live) != schema_fingerprint():
            report.reason = "the index schema or its analyzers changed since the last build"
            rebuild = True
        current = store.layout(live) if live is not None else None
        if current is not None and not rebuild and shards is not None and shards != current[0]:
            report.reason = f"--shards {shards} differs from the index's {current[0]} (fixed per index)"
            rebuild = True
        shards = shards or (current[0] if current else DEFAULT_SHARDS)
        replicas = replicas if replicas is not None else (current[1] if current else DEFAULT_REPLICAS)
        incremental = live is not None and not rebuild
        report.rebuilt = not incremental
        report.created = live is None
        total_files = files_to_read(sources) if progress else None
        run = _Run(store, report, sources, progress, total_files, clock, BuildProgress)
        run.issuers = _Issuers(store, live if incremental else None, static)
        run.tracking = incremental
        if incremental:
            if replicas != current[1]:
                store.set_replicas(live, replicas)
            run.update(live, procs)
            lease.check()
        else:
            physical = store.create(shards, replicas, static.fingerprint())
            try:
                run.fill(physical, procs)
                run.settle_issuers(physical, procs)
                run.settle_copies(physical, procs)
                store.finish(physical, replicas)
                report.total = store.count(physical)
                if report.total != report.added:
                    # Never switch to an index missing releases (a shard lost while it filled).
                    raise BackendUnavailable(
                        f"the new index holds {report.total} of the {report.added} releases written (did a node "
                        f"leave during the build?): check the cluster's health and run the build again"
                    )
                lease.check()
                store.switch_to(physical)
            except BaseException:
                with translated_errors(store.url):
                    store.client.indices.delete(index=physical, ignore_unavailable=True)
                raise
    report.seconds = time.perf_counter() - started
    return report


class _Run:
    """One indexing run's bookkeeping: counts, the files seen, progress."""

    def __init__(self, store, report, sources, progress, total_files, clock, progress_type):
        self.store = store
        self.report = report
        self.sources = sources
        self.progress = progress
        self.total_files = total_files
        self.clock = clock
        self.progress_type = progress_type
        # The paths walked, as 8-byte keys (80 MB for ten million files), to find the files gone afterwards.
        self.seen = array("q")
        # The releases of files being parsed again, until their new releases replace them.
        self.replaced: dict[str, set[tuple[str, str]]] = {}
        self.issuers: _Issuers | None = None
        self.records: list = []  # the issuer records of the releases written by this run
        self.removed_paths: set[str] = set()  # files whose releases this run replaced or removed
        self.registry = None  # the issuer registry the run's releases were last resolved with (settle_issuers)
        # Copy groups: each document's place (its representative, or a representative with or without copies) as
        # settle_copies decided; in an incremental run (tracking) also what the run wrote and deleted, by key,
        # which the index will not show before the run's refresh.
        self.places: dict[str, Place] = {}
        self.tracking = False
        self.written: dict[str, dict[str, Member]] = {}
        self.deleted: set[str] = set()

    def tick(self, path: str) -> None:
        if self.progress:
            self.progress(self.progress_type(self.report.files, self.total_files, self.report.added, path, self.clock))

    def _new_documents(self, physical: str | None, procs) -> Iterator[tuple[str, list[dict] | None]]:
        """Sources to (re)index, parsed: (path, documents or None when skipped); counts the rest.

        With a live index (physical), files are compared with it LOOKUP_BATCH at a time: one request
        reads what the index holds of those paths, and nothing else of the index is kept in memory.
        """
        report = self.report

        def compared(batch: list) -> Iterator[Source]:
            paths = [storable_path(s.path) for s in batch if not isinstance(s, ParseError)]
            states = self.store.file_states(physical, paths) if physical is not None else {}
            for source in batch:
                if isinstance(source, ParseError):
                    # Skipped before it is read (a link out, a pipe): new like any skipped file.
                    report.files += 1
                    report.new_files += 1
                    report.skipped.append({"path": source.path, "reason": source.reason})
                    self.tick(source.path)
                    continue
                stored_path = storable_path(source.path)
                self.seen.append(path_key(stored_path))
                before = states.get(stored_path)
                if before is not None and before[0] == source.digest:
                    report.files += 1
                    report.unchanged_files += 1
                    self.tick(source.path)
                    continue
                if before is None:
                    report.new_files += 1
                else:
                    report.changed_files += 1
                    self.replaced[stored_path] = before[1]
                yield source

        def wanted() -> Iterator[Source]:
            batch: list = []
            for source in once_each(iter_sources(self.sources), self.sources):
                batch.append(source)
                if len(batch) >= LOOKUP_BATCH:
                    yield from compared(batch)
                    batch = []
            yield from compared(batch)

        for path, docs, reason in parsed_documents(wanted(), procs, self.issuers.starting):
            report.files += 1
            if reason is not None:
                report.skipped.append({"path": path, "reason": reason})
            yield storable_path(path), docs
            self.tick(path)

    def _index_actions(self, physical: str, path: str, docs: list[dict] | None, old: set[tuple[str, str]]):
        """Actions replacing a file's old releases ((id, duplicate key) pairs) with its new ones.

        Every copy of a release is routed (stored) by its duplicate key, so one shard holds its whole
        group, and the document id includes the key: a release whose key changed is a new document,
        and deleting the old one can never hit the new one, whatever order retries take.
        """
        from ...issuers.store import IssuerRecord

        self.report.removed += len(old)
        if old:
            self.removed_paths.add(path)
        for doc in docs or []:
            self.report.added += 1
            self.records.append(IssuerRecord.from_json(json.loads(doc[ISSUER_RECORD])))
            written = doc_id(doc["id"], doc["dupkey"])
            mark(doc, self.places.get(written))
            if self.tracking:
                self.written.setdefault(doc["dupkey"], {})[written] = member(written, doc)
                self.deleted.discard(written)
            yield {"_op_type": "index", "_index": physical, "_id": written, "_routing": doc["dupkey"], "_source": doc}
        new = {(doc["id"], doc["dupkey"]) for doc in docs or []}
        for release_id, key in sorted(old - new):  # the others were replaced in place
            gone = doc_id(release_id, key)
            if self.tracking:
                self.written.setdefault(key, {}).pop(gone, None)
                self.deleted.add(gone)
            yield {"_op_type": "delete", "_index": physical, "_id": gone, "_routing": key}

    def fill(self, physical: str, procs) -> None:
        """A rebuild: every file into an empty index."""
        actions = (
            action
            for path, docs in self._new_documents(None, procs)
            for action in self._index_actions(physical, path, docs, set())
        )
        self.store.bulk(actions)

    def _gone(self, physical: str) -> Iterator[tuple[str, set[tuple[str, str]]]]:
        """Files under the sources that the index holds and the walk did not find, with their releases.

        The index's paths are streamed in order (refreshes are off: this run's own writes are not among
        them) and looked up among the walked ones' keys; the releases of those gone, LOOKUP_BATCH at a time.
        """
        import numpy as np

        walked = np.sort(np.frombuffer(self.seen, dtype=np.int64)) if self.seen else np.zeros(0, dtype=np.int64)
        roots = [os.path.abspath(s) for s in self.sources]

        def absent(paths: list[str]) -> list[str]:
            keys = np.fromiter((path_key(p) for p in paths), dtype=np.int64, count=len(paths))
            at = np.searchsorted(walked, keys)
            found = (at < len(walked)) & (walked[np.minimum(at, max(0, len(walked) - 1))] == keys)
            return [p for p, hit in zip(paths, found.tolist(), strict=True) if not hit]

        batch: list[str] = []
        for doc in self.store.documents(physical, ("path",)):
            path = doc["path"] or ""
            if is_under(path, roots):
                batch.append(path)
            if len(batch) >= LOOKUP_BATCH:
                yield from self.store.file_states(physical, absent(batch)).items()
                batch = []
        yield from self.store.file_states(physical, absent(batch)).items()

    def update(self, physical: str, procs) -> None:
        """An incremental run on the live index, made visible by one refresh at the end."""
        store, report = self.store, self.report
        client = store.client
        refreshes_off = False
        try:

            def actions():
                for path, docs in self._new_documents(physical, procs):
                    yield from self._index_actions(physical, path, docs, self.replaced.pop(path, set()))
                for path, (_, releases) in self._gone(physical):
                    report.gone_files += 1
                    yield from self._index_actions(physical, path, [], releases)

            def refreshes_off_first(stream):
                # Refreshes off only once there is something to write: each settings change is a cluster-state
                # update on every node, which a run that finds nothing new need not pay.
                nonlocal refreshes_off
                for action in stream:
                    if not refreshes_off:
                        client.indices.put_settings(index=physical, body={"index": {"refresh_interval": "-1"}})
                        refreshes_off = True
                    yield action

            store.bulk(refreshes_off_first(actions()))
            self.settle_issuers(physical, procs)
            self.settle_copies(physical, procs)
        finally:
            with translated_errors(store.url):
                if refreshes_off:
                    client.indices.put_settings(index=physical, body={"index": {"refresh_interval": None}})
                client.indices.refresh(index=physical)
        report.total = store.count(physical)

    def settle_issuers(self, physical: str, procs) -> None:
        """Learn from every release's evidence (the shared issuers.store.settle, as a Whoosh build does) and
        write again the files whose issuer that changes; record the issuer sources the index was resolved with."""
        from ...issuers.store import registry_to_text, settle

        static = self.issuers.static
        if not self.records and not self.removed_paths and self.issuers.unchanged():
            return  # nothing written, nothing removed, the same sources: nothing to learn or resolve again
        previous = self.issuers.previous()

        def reparse(paths: set[str], registry) -> list:
            found: list = []
            self.records = found
            self.store.bulk(self._reparsed(physical, paths, registry, procs))
            return found

        counted = self.report.added, self.report.removed
        saved, settled = settle(previous, static, self.removed_paths, self.records, reparse)
        self.registry = settled.registry
        self.report.added, self.report.removed = counted  # files parsed again are not new releases
        self.report.issuers = len(settled.registry)
        self.report.reresolved_files = settled.reparsed_files
        self.report.issuer_conflicts = [c.message() for c in static.conflicts]
        # The issuers the index has releases of, learned ones included (what Whoosh keeps in issuers.json): what
        # issuer pages, `releases companies` and autocomplete show.
        self.store.set_meta(physical, issuers=static.fingerprint(), issuer_registry=registry_to_text(saved.registry))

    def settle_copies(self, physical: str, procs) -> None:
        """Fix each copy group's representative (representatives.py) for the keys this run wrote or deleted
        (a rebuild: every key with copies); the documents whose place changed are written again."""
        store = self.store

        def search(body: dict) -> dict:
            with translated_errors(store.url):
                return store.client.search(index=physical, body=body)

        if self.tracking:
            keys: Iterable[str] = sorted(self.written)
        else:
            with translated_errors(store.url):
                store.client.indices.refresh(index=physical)  # not searched before the alias moves to it
            keys = keys_with_copies(search)
        registry = self.registry or self.issuers.starting
        counted = self.report.added, self.report.removed
        paths: set[str] = set()
        for doc, place in changes(search, keys, self.written if self.tracking else None, self.deleted):
            self.places[doc.doc_id] = place
            paths.add(doc.path)
            if len(paths) >= REWRITE_BATCH:
                store.bulk(self._reparsed(physical, paths, registry, procs))
                paths = set()
        if paths:
            store.bulk(self._reparsed(physical, paths, registry, procs))
        self.report.added, self.report.removed = counted  # files parsed again are not new releases

    def _reparsed(self, physical: str, paths: set[str], registry, procs) -> Iterator[dict]:
        """Actions writing again the releases of these files (release paths), resolved with registry."""
        from ...parse import file_sources, source_folder_of

        tops = sorted({existing_file(p) for p in paths})

        def sources() -> Iterator[Source]:
            for top in tops:
                # Read within the folder given, as the first time: the same release ids and paths.
                for source in file_sources(top, source_folder_of(top, self.sources)):
                    if not isinstance(source, ParseError) and source.path in paths:
                        yield source

        def written(batch: list) -> Iterator[dict]:
            states = self.store.file_states(physical, [stored for stored, _ in batch])
            for stored, docs in batch:
                yield from self._index_actions(physical, stored, docs or [], states.get(stored, ("", set()))[1])

        batch: list = []
        for path, docs, _ in parsed_documents(sources(), procs, registry):
            batch.append((storable_path(path), docs))
            if len(batch) >= LOOKUP_BATCH:
                yield from written(batch)
                batch = []
        yield from written(batch)


class _Issuers:
    """A run's issuer sources and, read only when needed, what the live index's releases were resolved from."""

    def __init__(self, store: OpenSearchStore, live: str | None, static):
        self.store, self.live, self.static = store, live, static
        self._previous = None

    def previous(self):
        """The live index's issuer records (indexer.issuers.store.IssuerFile), read once (every release's)."""
        from ...issuers.store import IssuerFile

        if self._previous is None:
            self._previous = self.store.issuer_file(self.live) if self.live else IssuerFile(records={})
        return self._previous

    def unchanged(self) -> bool:
        """Whether the live index was resolved with these issuer sources."""
        return self.live is not None and self.store.meta(self.live).get("issuers") == self.static.fingerprint()

    def starting(self):
        """What the workers resolve with: what the index's releases taught, when the sources are unchanged."""
        from ...issuers.store import starting_registry

        return starting_registry(self.previous(), self.static)


def path_key(path: str) -> int:
    """An 8-byte key of a stored path (two paths sharing one among ten million: odds of 1 in 300,000)."""
    digest = hashlib.blake2b(path.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def doc_id(release_id: str, dupkey: str) -> str:
    """The OpenSearch document id of a release: its id and its duplicate key (its routing)."""
    return f"{release_id}.{dupkey}"
