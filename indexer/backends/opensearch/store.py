"""OpenSearch storage: the client, the alias and its physical indices, the build lock, and indexing runs.

Searches go through an alias (the index name a user gives). A rebuild writes a new physical index
`<alias>-g<stamp>` beside the live one, with replicas and refreshes off while it fills, and then moves
the alias in one atomic _aliases call, so searches never see a half-built index. An incremental run
updates the live index by content hash (like the Whoosh build) with refreshes off, and makes all its
changes visible with one refresh at the end.

Bulk indexing uses helpers.streaming_bulk: one chunk at a time (back-pressure: the next chunk waits for
the cluster's answer) and retries of rejected (429) items with exponential backoff.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from ...documents import documents_of
from ...model import BackendUnavailable, IndexLocked, IndexNotFound, ParseError, ReleaseSearchError
from ...parse import Source, iter_files, iter_sources
from ...settings import opensearch_url
from ...workers import INLINE_BELOW, process_context
from .schema import index_settings, mapping, storable_path, to_source

DEFAULT_SHARDS = 2
DEFAULT_REPLICAS = 1
MAX_RESULT_WINDOW = 100_000  # search.MAX_PAGE * search.MAX_PER_PAGE
BULK_CHUNK_DOCS = 500
BULK_CHUNK_BYTES = 16 * 1024 * 1024
BULK_RETRIES = 6
PAGE = 10_000  # buckets per composite-aggregation page when reading the whole index
PARSE_BATCH = 32
GREEN_TIMEOUT = "60s"
LOCKS = "release-search-locks"  # one document per alias being built
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,200}$")


def _client_library():
    try:
        import opensearchpy
    except ImportError:
        raise ReleaseSearchError(
            "the OpenSearch backend needs the opensearch-py client: pip install 'release-search[opensearch]'"
        ) from None
    return opensearchpy


def connect(url: str | None = None):
    """An OpenSearch client for url (several nodes may be given, comma-separated)."""
    OpenSearch = _client_library().OpenSearch  # noqa: N806

    url = opensearch_url(url)
    hosts = [h.strip() for h in url.split(",") if h.strip()]
    return OpenSearch(hosts=hosts, timeout=60, max_retries=2, retry_on_timeout=True)


def alias_name(index: str | os.PathLike | None) -> str:
    """The alias a user's --index names: its last path part, which must be a valid OpenSearch index name."""
    from ...settings import default_index_path

    raw = os.fspath(index or default_index_path()).rstrip("/\\")
    name = os.path.basename(raw) or raw
    if not _NAME_RE.match(name) or name in (".", ".."):
        raise ReleaseSearchError(
            f"{name!r} cannot name an OpenSearch index: use lowercase letters, digits, '-', '_' and '.', "
            "e.g. --index releases"
        )
    return name


@contextmanager
def translated_errors(url: str):
    """Turn client errors into domain errors with a next step."""
    ex = _client_library().exceptions

    try:
        yield
    except ex.ConnectionError as exc:
        raise BackendUnavailable(
            f"cannot reach OpenSearch at {url}: start the cluster (for the local test cluster: "
            "bash .ci/opensearch.sh start) or set --url / RELEASES_OPENSEARCH_URL"
        ) from exc
    except ex.NotFoundError as exc:
        if _error_type(exc) == "index_not_found_exception":
            raise IndexNotFound(
                f"no OpenSearch index {_error_index(exc)!r} at {url}: build one with "
                "'releases index SOURCE... --backend opensearch --index NAME'"
            ) from exc
        raise
    except ex.TransportError as exc:
        if isinstance(exc.status_code, int) and exc.status_code >= 500 or exc.status_code == "N/A":
            raise BackendUnavailable(f"OpenSearch at {url} failed: {reason(exc)}; check the cluster's health") from exc
        raise


def _error_type(exc) -> str:
    info = exc.info if isinstance(exc.info, dict) else {}
    return ((info.get("error") or {}) if isinstance(info.get("error"), dict) else {}).get("type", "")


def _error_index(exc) -> str:
    info = exc.info if isinstance(exc.info, dict) else {}
    error = info.get("error") if isinstance(info.get("error"), dict) else {}
    return error.get("index") or error.get("resource.id") or "?"


def reason(exc) -> str:
    """The cluster's own words for why a request failed."""
    info = exc.info if isinstance(exc.info, dict) else {}
    error = info.get("error") if isinstance(info.get("error"), dict) else {}
    causes = error.get("root_cause") or []
    if causes and isinstance(causes[0], dict) and causes[0].get("reason"):
        return str(causes[0]["reason"])
    return str(error.get("reason") or exc.error or exc)


def schema_fingerprint() -> str:
    """A hash of the mapping and analyzers: an index built with others must be rebuilt."""
    settings = index_settings(1, 0, MAX_RESULT_WINDOW)
    text = json.dumps(
        {"mapping": mapping(), "analysis": settings["analysis"], "bm25": settings["similarity"]}, sort_keys=True
    )
    return hashlib.sha1(text.encode()).hexdigest()[:16]


class OpenSearchStore:
    """One alias on one cluster, and the physical indices behind it."""

    def __init__(self, index: str | os.PathLike | None = None, url: str | None = None, client=None):
        self.url = opensearch_url(url)
        self.alias = alias_name(index)
        self.client = client or connect(self.url)

    def live(self) -> str | None:
        """The physical index the alias points to, or None when there is none."""
        with translated_errors(self.url):
            if not self.client.indices.exists_alias(name=self.alias):
                return None
            found = self.client.indices.get_alias(name=self.alias)
        names = sorted(found)
        return names[-1] if names else None

    def fingerprint(self, physical: str) -> str | None:
        """The schema fingerprint a physical index was built with."""
        with translated_errors(self.url):
            found = self.client.indices.get_mapping(index=physical)
        meta = next(iter(found.values()))["mappings"].get("_meta") or {}
        return meta.get("schema")

    def create(self, shards: int, replicas: int) -> str:
        """A new, empty physical index for a rebuild (no replicas, no refreshes while it fills)."""
        name = f"{self.alias}-g{time.strftime('%Y%m%d%H%M%S')}{time.time_ns() % 1_000_000:06d}"
        settings = index_settings(shards, 0, MAX_RESULT_WINDOW)
        settings["refresh_interval"] = "-1"
        body_mapping = dict(mapping(), _meta={"schema": schema_fingerprint(), "replicas": replicas})
        with translated_errors(self.url):
            self.client.indices.create(index=name, body={"settings": settings, "mappings": body_mapping})
        return name

    def finish(self, physical: str, replicas: int) -> None:
        """Make a filled index searchable: refreshes back on, replicas added, one refresh."""
        with translated_errors(self.url):
            self.client.indices.put_settings(
                index=physical, body={"index": {"refresh_interval": None, "number_of_replicas": replicas}}
            )
            self.client.indices.refresh(index=physical)
            # Wait (bounded) for the replicas, so losing a node right after the switch loses nothing;
            # a one-node cluster stays yellow, which is fine.
            self.client.cluster.health(
                index=physical,
                wait_for_status="green",
                params={"timeout": GREEN_TIMEOUT, "ignore": 408, "request_timeout": 90},
            )

    def switch_to(self, physical: str) -> None:
        """Point the alias at physical in one atomic step, then drop the indices it pointed to."""
        with translated_errors(self.url):
            old = []
            if self.client.indices.exists_alias(name=self.alias):
                old = [name for name in self.client.indices.get_alias(name=self.alias) if name != physical]
            actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
            actions.append({"add": {"index": physical, "alias": self.alias}})
            self.client.indices.update_aliases(body={"actions": actions})
            for name in old:
                self.client.indices.delete(index=name, ignore_unavailable=True)

    def physical_indices(self) -> list[str]:
        """Every physical index of this alias, live or not (named <alias>-g<stamp>)."""
        with translated_errors(self.url):
            found = self.client.indices.get(index=f"{self.alias}-g*", expand_wildcards="open,closed")
        return sorted(name for name in found if re.fullmatch(re.escape(self.alias) + r"-g\d+", name))

    def remove_stale(self) -> None:
        """Delete physical indices of this alias that it does not point to (left by interrupted rebuilds)."""
        live = self.live()
        with translated_errors(self.url):
            for name in self.physical_indices():
                if name != live:
                    self.client.indices.delete(index=name, ignore_unavailable=True)

    def drop(self) -> None:
        """Delete the alias, every physical index behind it and its lock (tests, benchmarks)."""
        with translated_errors(self.url):
            for name in self.physical_indices():
                self.client.indices.delete(index=name, ignore_unavailable=True)
            self.client.delete(index=LOCKS, id=self.alias, params={"ignore": 404})

    @contextmanager
    def write_lock(self):
        """Hold the build lock of this alias (a document only one build can create); fail at once when held."""
        from opensearchpy import exceptions as ex

        with translated_errors(self.url):
            if not self.client.indices.exists(index=LOCKS):
                try:
                    settings = {"number_of_shards": 1, "auto_expand_replicas": "0-1"}
                    self.client.indices.create(index=LOCKS, body={"settings": settings})
                except ex.RequestError as exc:
                    if _error_type(exc) != "resource_already_exists_exception":
                        raise
            try:
                self.client.create(index=LOCKS, id=self.alias, body={"pid": os.getpid(), "since": time.time()})
            except ex.ConflictError:
                raise IndexLocked(
                    f"another 'releases index' is writing {self.alias} on {self.url}: wait for it to finish "
                    f"(if none is running, a build was killed: delete {self.url}/{LOCKS}/_doc/{self.alias})"
                ) from None
        try:
            yield
        finally:
            with translated_errors(self.url):
                self.client.delete(index=LOCKS, id=self.alias, params={"ignore": 404})

    def documents(self, physical: str, fields: tuple[str, ...]) -> Iterator[dict]:
        """Every document's values of some keyword fields, read with composite aggregation pages."""
        after = None
        sources = [{name: {"terms": {"field": name, "missing_bucket": True}}} for name in fields]
        while True:
            body = {"size": 0, "aggs": {"docs": {"composite": {"size": PAGE, "sources": sources}}}}
            if after:
                body["aggs"]["docs"]["composite"]["after"] = after
            with translated_errors(self.url):
                found = self.client.search(index=physical, body=body)["aggregations"]["docs"]
            for bucket in found["buckets"]:
                yield bucket["key"]
            after = found.get("after_key")
            if not after or not found["buckets"]:
                return

    def count(self, physical: str) -> int:
        """Documents in a physical index (as searches see them)."""
        with translated_errors(self.url):
            return int(self.client.count(index=physical)["count"])

    def bulk(self, actions: Iterable[dict]) -> int:
        """Send actions in chunks, retrying rejected ones with backoff; the number of actions done."""
        from opensearchpy import helpers

        done = 0
        errors = []
        with translated_errors(self.url):
            for ok, item in helpers.streaming_bulk(
                self.client,
                actions,
                chunk_size=BULK_CHUNK_DOCS,
                max_chunk_bytes=BULK_CHUNK_BYTES,
                max_retries=BULK_RETRIES,
                initial_backoff=1,
                max_backoff=30,
                raise_on_error=False,
                yield_ok=False,
            ):
                if not ok:
                    op, info = next(iter(item.items()))
                    if op == "delete" and info.get("status") == 404:
                        continue  # already gone
                    errors.append(info)
                done += 1
        if errors:
            first = errors[0]
            raise ReleaseSearchError(
                f"OpenSearch refused {len(errors)} documents (first: {first.get('_id')}: "
                f"{(first.get('error') or {}).get('reason', first)}); check the cluster's logs and run again"
            )
        return done


# ---- Indexing runs ------------------------------------------------------------------------------


def documents_of_source(source: Source) -> list[dict]:
    """Parse one source into OpenSearch documents (raises ParseError), each release's issuer resolved by the
    registry of $RELEASES_ISSUERS and $RELEASES_SEC_TICKERS (what the corpus teaches is Whoosh builds' only)."""
    from ...issuers.sources import cached_registry

    return [to_source(doc) for doc in documents_of(source, cached_registry())]


def _parse_batch(batch: list[Source]) -> list[tuple[str, list[dict] | None, str | None]]:
    out = []
    for source in batch:
        try:
            out.append((source.path, documents_of_source(source), None))
        except ParseError as exc:
            out.append((source.path, None, exc.reason))
    return out


def parsed_documents(
    sources: Iterator[Source], procs: int | None
) -> Iterator[tuple[str, list[dict] | None, str | None]]:
    """(path, documents or None, skip reason) per source, in order; in worker processes for many files.

    At most two batches per worker are in flight, so memory stays bounded however many files come.
    """
    head = []
    for source in sources:
        head.append(source)
        if len(head) >= INLINE_BELOW:
            break
    procs = max(1, procs if procs is not None else (os.cpu_count() or 1))
    if len(head) < INLINE_BELOW or procs == 1:
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

    with ProcessPoolExecutor(max_workers=procs, mp_context=process_context()) as pool:
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
    shards: int = DEFAULT_SHARDS,
    replicas: int = DEFAULT_REPLICAS,
    client=None,
):
    """Index the files under sources into the OpenSearch alias `index`; a BuildReport says what happened.

    Only new or changed files are parsed again (by content hash); releases whose files are gone from under
    the given sources are removed. rebuild (or a changed schema) writes a new physical index and switches
    the alias to it atomically. Raises IndexLocked when another build holds the alias.
    """
    from ...model import BuildProgress, BuildReport

    started = time.perf_counter()
    clock = time.monotonic()
    store = OpenSearchStore(index, url, client)
    sources = [os.fspath(s) for s in sources]
    report = BuildReport(index=f"{store.alias} on {store.url}")
    with store.write_lock():
        store.remove_stale()
        live = store.live()
        if live is not None and not rebuild and store.fingerprint(live) != schema_fingerprint():
            report.reason = "the index schema or its analyzers changed since the last build"
            rebuild = True
        incremental = live is not None and not rebuild
        report.rebuilt = not incremental
        total_files = sum(1 for _ in iter_files(sources)) if progress else None
        run = _Run(store, report, sources, progress, total_files, clock, BuildProgress)
        if incremental:
            run.update(live, procs)
        else:
            physical = store.create(shards, replicas)
            try:
                run.fill(physical, procs)
                store.finish(physical, replicas)
                report.total = store.count(physical)
                if report.total != report.added:
                    # Never switch to an index missing releases (a shard lost while it filled).
                    raise BackendUnavailable(
                        f"the new index holds {report.total} of the {report.added} releases written (did a node "
                        f"leave during the build?): check the cluster's health and run the build again"
                    )
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
        self.seen: set[str] = set()

    def tick(self, path: str) -> None:
        if self.progress:
            self.progress(self.progress_type(self.report.files, self.total_files, self.report.added, path, self.clock))

    def _new_documents(self, physical: str, known: dict[str, str], procs) -> Iterator[tuple[str, list[dict] | None]]:
        """Sources to (re)index, parsed: (path, documents or None when skipped); counts the rest."""
        report = self.report

        def wanted() -> Iterator[Source]:
            for source in iter_sources(self.sources):
                if isinstance(source, ParseError):
                    report.files += 1
                    report.skipped.append({"path": source.path, "reason": source.reason})
                    self.tick(source.path)
                    continue
                stored_path = storable_path(source.path)
                self.seen.add(stored_path)
                before = known.get(stored_path)
                if before == source.digest:
                    report.files += 1
                    report.unchanged_files += 1
                    self.tick(source.path)
                    continue
                if before is None:
                    report.new_files += 1
                else:
                    report.changed_files += 1
                yield source

        for path, docs, reason in parsed_documents(wanted(), procs):
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
        self.report.removed += len(old)
        for doc in docs or []:
            self.report.added += 1
            yield {
                "_op_type": "index",
                "_index": physical,
                "_id": doc_id(doc["id"], doc["dupkey"]),
                "_routing": doc["dupkey"],
                "_source": doc,
            }
        new = {(doc["id"], doc["dupkey"]) for doc in docs or []}
        for release_id, key in sorted(old - new):  # the others were replaced in place
            yield {"_op_type": "delete", "_index": physical, "_id": doc_id(release_id, key), "_routing": key}

    def fill(self, physical: str, procs) -> None:
        """A rebuild: every file into an empty index."""
        actions = (
            action
            for path, docs in self._new_documents(physical, {}, procs)
            for action in self._index_actions(physical, path, docs, set())
        )
        self.store.bulk(actions)

    def update(self, physical: str, procs) -> None:
        """An incremental run on the live index, made visible by one refresh at the end."""
        store, report = self.store, self.report
        by_path: dict[str, set[tuple[str, str]]] = {}
        known: dict[str, str] = {}
        for doc in store.documents(physical, ("path", "source_hash", "id", "dupkey")):
            path = doc["path"] or ""
            known[path] = doc["source_hash"] or ""
            by_path.setdefault(path, set()).add((doc["id"], doc["dupkey"]))
        client = store.client
        with translated_errors(store.url):
            client.indices.put_settings(index=physical, body={"index": {"refresh_interval": "-1"}})
        try:

            def actions():
                for path, docs in self._new_documents(physical, known, procs):
                    yield from self._index_actions(physical, path, docs, by_path.get(path, set()))
                roots = [os.path.abspath(s) for s in self.sources]
                gone = [p for p in known if p not in self.seen and _under(p, roots)]
                report.gone_files = len(gone)
                for path in gone:
                    yield from self._index_actions(physical, path, [], by_path.get(path, set()))

            store.bulk(actions())
        finally:
            with translated_errors(store.url):
                client.indices.put_settings(index=physical, body={"index": {"refresh_interval": None}})
                client.indices.refresh(index=physical)
        report.total = store.count(physical)


def doc_id(release_id: str, dupkey: str) -> str:
    """The OpenSearch document id of a release: its id and its duplicate key (its routing)."""
    return f"{release_id}.{dupkey}"


def _under(path: str, roots: list[str]) -> bool:
    full = os.path.abspath(path)
    return any(full == root or full.startswith(root.rstrip(os.sep) + os.sep) for root in roots)
