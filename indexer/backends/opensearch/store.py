"""OpenSearch storage: the alias and its physical indices, reading them, and writing them in bulk.

Searches go through an alias (the index name a user gives). A rebuild writes a new physical index
`<alias>-g<stamp>` beside the live one, with replicas and refreshes off while it fills, and then moves
the alias in one atomic _aliases call, so searches never see a half-built index. An incremental run
updates the live index by content hash (like the Whoosh build) with refreshes off, and makes all its
changes visible with one refresh at the end.

Bulk indexing sends chunks sized by documents and bytes, several in flight at once (back-pressure: no
more than BULK_IN_FLIGHT wait), each through helpers.streaming_bulk for its retries of rejected (429)
items with exponential backoff.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from ...model import BackendUnavailable, ReleaseSearchError
from ...settings import opensearch_url
from .client import _error_type, connect, translated_errors
from .lock import LOCKS, BuildLease
from .schema import index_settings, mapping

DEFAULT_SHARDS = 2
DEFAULT_REPLICAS = 1
MAX_RESULT_WINDOW = 100_000  # search.MAX_PAGE * search.MAX_PER_PAGE
BULK_CHUNK_DOCS = 1000
BULK_CHUNK_BYTES = 8 * 1024 * 1024  # text per bulk request (OpenSearch's advice: 5-15 MB)
BULK_IN_FLIGHT = 4  # bulk requests sent or waiting at once (the cluster indexes while Python parses)
BULK_RETRIES = 6
# A bulk request may wait this long for its answer: a loaded cluster can take over the client's default 60 s for
# 8 MB, and giving up then failed whole rebuilds (writes by id are safe to send again, but cost as much again).
BULK_TIMEOUT_S = 300
PAGE = 10_000  # buckets per composite-aggregation page when reading the whole index
GREEN_TIMEOUT = "60s"
GCP_WAIT_S = 60.0  # the primaries' global checkpoints catch up within the periodic sync (30 s) at worst
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,200}$")


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


def schema_fingerprint() -> str:
    """A hash of the mapping and analyzers: an index built with others must be rebuilt."""
    settings = index_settings(1, 0, MAX_RESULT_WINDOW)
    text = json.dumps(
        {"mapping": mapping(), "analysis": settings["analysis"], "bm25": settings["similarity"]}, sort_keys=True
    )
    return hashlib.sha1(text.encode()).hexdigest()[:16]


class OpenSearchStore:
    """One alias on one cluster, and the physical indices behind it."""

    def __init__(self, index: str | os.PathLike | None = None, url: str | None = None, client=None, *, searching=False):
        self.url = opensearch_url(url)
        self.alias = alias_name(index)
        self.client = client or connect(self.url, retry_on_timeout=not searching)

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
        return self.meta(physical).get("schema")

    def meta(self, physical: str) -> dict:
        """What a physical index's mapping records of its build (_meta): schema and issuer sources' fingerprints."""
        with translated_errors(self.url):
            found = self.client.indices.get_mapping(index=physical)
        return next(iter(found.values()))["mappings"].get("_meta") or {}

    def properties(self, physical: str) -> dict:
        """A physical index's mapped fields (name -> mapping)."""
        with translated_errors(self.url):
            found = self.client.indices.get_mapping(index=physical)
        return next(iter(found.values()))["mappings"].get("properties") or {}

    def set_meta(self, physical: str, **values) -> None:
        """Record values in a physical index's _meta (the others kept)."""
        with translated_errors(self.url):
            self.client.indices.put_mapping(index=physical, body={"_meta": {**self.meta(physical), **values}})

    def issuer_file(self, physical: str):
        """The index's issuer records (every release's, read from its documents) and the fingerprint of the
        issuer sources it was resolved with: what indexer.issuers.store.settle starts from."""
        from opensearchpy import helpers

        from ...issuers.store import IssuerFile, IssuerRecord
        from .schema import ISSUER_RECORD

        records = {}
        with translated_errors(self.url):
            found = helpers.scan(
                self.client, index=physical, query={"query": {"match_all": {}}}, _source=[ISSUER_RECORD], size=5000
            )
            for hit in found:
                data = hit["_source"].get(ISSUER_RECORD)
                if data:
                    record = IssuerRecord.from_json(json.loads(data))
                    records[record.id] = record
        return IssuerFile(self.meta(physical).get("issuers", ""), None, records)

    def create(self, shards: int, replicas: int, issuers: str = "") -> str:
        """A new, empty physical index for a rebuild (no replicas, no refreshes, no fsync per request while it
        fills: nobody searches it until the alias moves, and a failed fill is deleted, not repaired)."""
        name = f"{self.alias}-g{time.strftime('%Y%m%d%H%M%S')}{time.time_ns() % 1_000_000:06d}"
        settings = index_settings(shards, 0, MAX_RESULT_WINDOW)
        settings["refresh_interval"] = "-1"
        settings["translog"] = {"durability": "async", "sync_interval": "30s", "flush_threshold_size": "1gb"}
        meta = {"schema": schema_fingerprint(), "replicas": replicas, "issuers": issuers}
        body_mapping = dict(mapping(), _meta=meta)
        from opensearchpy import exceptions as ex

        with translated_errors(self.url):
            try:
                self.client.indices.create(index=name, body={"settings": settings, "mappings": body_mapping})
            except ex.RequestError as exc:
                if "type [join]" in str(exc):
                    raise BackendUnavailable(
                        f"OpenSearch at {self.url} lacks the parent-join module (copy groups need its join field; "
                        "every OpenSearch distribution ships it): install it, or restart the local test cluster "
                        "with 'bash .ci/opensearch.sh stop' and 'bash .ci/opensearch.sh start', which adds it"
                    ) from exc
                raise
        return name

    def finish(self, physical: str, replicas: int) -> None:
        """Make a filled index searchable: durable and committed, refreshes back on, replicas added, one refresh."""
        with translated_errors(self.url):
            # A safe commit (one the persisted global checkpoint covers) of every document: a new replica then copies
            # the committed segment files. The fill's only safe commit is the empty first one (an asynchronous
            # translog had persisted nothing), and then each replica indexed every document again (session 11: 3.2
            # ms of the nodes' CPU a release of 7.6, and a minute waiting for green at 10,000 releases). The first
            # flush persists the operations, after which the primary's global checkpoint reaches them; a commit
            # made after that, the second flush, is safe (the first is not: the checkpoint moved after it).
            # Without replicas one flush makes the index durable; set_replicas makes the safe commit when it adds some.
            if replicas:
                self._safe_commit(physical)
            else:
                self.client.indices.flush(index=physical, params={"force": "true", "request_timeout": 300})
            # The fill's settings restored and the replicas added in one settings update (each costs a cluster-state
            # update on every node). The fill's asynchronous translog needs no restoring before the flushes: a flush
            # fsyncs the translog whatever its durability, and nothing is written between them.
            translog = {"durability": None, "sync_interval": None, "flush_threshold_size": None}
            restored = {"refresh_interval": None, "number_of_replicas": replicas, "translog": translog}
            self.client.indices.put_settings(index=physical, body={"index": restored})
            self.client.indices.refresh(index=physical)
            # Wait (bounded) for the replicas, so losing a node right after the switch loses nothing;
            # a one-node cluster stays yellow, which is fine. Without replicas there is nothing to wait for.
            if replicas:
                self.client.cluster.health(
                    index=physical,
                    wait_for_status="green",
                    params={"timeout": GREEN_TIMEOUT, "ignore": 408, "request_timeout": 90},
                )

    def _safe_commit(self, physical: str) -> None:
        """Commit every document in a commit that new replicas copy (finish: flush, checkpoint, flush again)."""
        self.client.indices.flush(index=physical, params={"force": "true", "request_timeout": 300})
        self._await_global_checkpoint(physical)
        self.client.indices.flush(index=physical, params={"force": "true", "request_timeout": 300})

    def _await_global_checkpoint(self, physical: str, seconds: float = GCP_WAIT_S) -> bool:
        """Wait (bounded) until every shard's global checkpoint covers its operations; whether it did."""
        end = time.monotonic() + seconds
        while True:
            found = self.client.indices.stats(
                index=physical, metric="docs", params={"level": "shards", "filter_path": "indices.*.shards.*.seq_no"}
            )
            copies = [c["seq_no"] for shard in next(iter(found["indices"].values()))["shards"].values() for c in shard]
            if all(c["global_checkpoint"] >= c["max_seq_no"] for c in copies) or time.monotonic() > end:
                return all(c["global_checkpoint"] >= c["max_seq_no"] for c in copies)
            time.sleep(0.2)

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

    def layout(self, physical: str) -> tuple[int, int]:
        """A physical index's (shards, replicas)."""
        with translated_errors(self.url):
            found = self.client.indices.get_settings(index=physical, name="index.number_of_*")
        settings = next(iter(found.values()))["settings"]["index"]
        return int(settings["number_of_shards"]), int(settings["number_of_replicas"])

    def set_replicas(self, physical: str, replicas: int) -> None:
        """Change how many copies of each shard the cluster keeps (in place: no rebuild)."""
        with translated_errors(self.url):
            if replicas:  # the new copies start from a safe commit (an index built without replicas has none)
                self._safe_commit(physical)
            self.client.indices.put_settings(index=physical, body={"index": {"number_of_replicas": replicas}})

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
        """Hold the build lock of this alias (a lease: see BuildLease); fail at once when a live build holds it."""
        with translated_errors(self.url):
            self._ensure_lock_index()
            lease = BuildLease(self.client, self.alias, self.url)
            lease.acquire()
        try:
            yield lease
        finally:
            with translated_errors(self.url):
                lease.release()

    def _ensure_lock_index(self) -> None:
        from opensearchpy import exceptions as ex

        if self.client.indices.exists(index=LOCKS):
            return
        try:
            settings = {"number_of_shards": 1, "auto_expand_replicas": "0-1"}
            self.client.indices.create(index=LOCKS, body={"settings": settings})
        except ex.RequestError as exc:
            if _error_type(exc) != "resource_already_exists_exception":
                raise

    def file_states(self, physical: str, paths: list[str]) -> dict[str, tuple[str, set[tuple[str, str]]]]:
        """Source path -> (content hash, its releases' (id, duplicate key) pairs) for the paths indexed."""
        states: dict[str, tuple[str, set[tuple[str, str]]]] = {}
        if not paths:
            return states
        for doc in self.documents(physical, ("path", "source_hash", "id", "dupkey"), {"terms": {"path": paths}}):
            path = doc["path"] or ""
            states.setdefault(path, (doc["source_hash"] or "", set()))[1].add((doc["id"], doc["dupkey"]))
        return states

    def documents(self, physical: str, fields: tuple[str, ...], query: dict | None = None) -> Iterator[dict]:
        """Every (matching) document's values of some keyword fields, distinct, in order, read with composite
        aggregation pages: a stream, however large the index."""
        after = None
        sources = [{name: {"terms": {"field": name, "missing_bucket": True}}} for name in fields]
        while True:
            body = {"size": 0, "aggs": {"docs": {"composite": {"size": PAGE, "sources": sources}}}}
            if query is not None:
                body["query"] = query
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
        """Send actions in chunks sized by documents and bytes, several chunks in flight at once, retrying
        rejected (429) items with backoff; the number of actions done.

        At most BULK_IN_FLIGHT chunks are sent or waiting at a time (back-pressure: reading and parsing
        wait while the cluster is busy). Actions on one document never race: a changed file's old releases
        are deleted by ids the new ones cannot have (see doc_id).
        """
        done = 0
        errors: list[dict] = []
        with translated_errors(self.url), ThreadPoolExecutor(BULK_IN_FLIGHT, thread_name_prefix="bulk") as pool:
            pending: deque = deque()
            for chunk in _chunks(actions, BULK_CHUNK_DOCS, BULK_CHUNK_BYTES):
                pending.append(pool.submit(self._send, chunk))
                while len(pending) >= BULK_IN_FLIGHT:
                    done += _collect(pending.popleft().result(), errors)
            while pending:
                done += _collect(pending.popleft().result(), errors)
        if errors:
            first = errors[0]
            raise ReleaseSearchError(
                f"OpenSearch refused {len(errors)} documents (first: {first.get('_id')}: "
                f"{(first.get('error') or {}).get('reason', first)}); check the cluster's logs and run again"
            )
        return done

    def _send(self, chunk: list[dict]) -> list[tuple[bool, dict]]:
        """One chunk as one bulk request (plus retries of what the cluster rejected): its failures."""
        from opensearchpy import helpers

        return list(
            helpers.streaming_bulk(
                self.client,
                chunk,
                chunk_size=len(chunk),
                max_chunk_bytes=BULK_CHUNK_BYTES * 2,
                max_retries=BULK_RETRIES,
                initial_backoff=1,
                max_backoff=30,
                raise_on_error=False,
                yield_ok=True,
                request_timeout=BULK_TIMEOUT_S,
            )
        )


def _chunks(actions: Iterable[dict], docs: int, size: int) -> Iterator[list[dict]]:
    """Actions in lists of at most docs actions and about size bytes of text."""
    chunk: list[dict] = []
    weight = 0
    for action in actions:
        chunk.append(action)
        source = action.get("_source") or {}
        weight += 200 + sum(len(v) for v in source.values() if isinstance(v, str))
        if len(chunk) >= docs or weight >= size:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def _collect(results: list[tuple[bool, dict]], errors: list[dict]) -> int:
    """Count a chunk's actions, keeping its failures (a delete of what is already gone is not one)."""
    for ok, item in results:
        if not ok:
            op, info = next(iter(item.items()))
            if not (op == "delete" and info.get("status") == 404):
                errors.append(info)
    return len(results)
