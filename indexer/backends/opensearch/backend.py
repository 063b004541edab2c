"""The OpenSearch backend: the same searches as the Whoosh backend, answered by a cluster.

A search is planned first (plan.py: the word clauses and "did you mean", with the index
statistics they need), then answered by one request: the query (dsl.py), the facet filters
as a post_filter (so facet aggregations see the query without them), per-facet filter aggregations (a
facet's counts ignore its own selection), the month histogram, duplicate collapsing and highlights;
a second request lists the other matching copies of the page's hits when there are any.

Exact totals: hits.total counts documents, but a release on three wires is one result. Documents are
routed by duplicate key, so all copies of a release live on one shard; a terms aggregation with
shard_min_doc_count 2 then lists, shard by shard and without overlap, every group with two or more
matching copies, and total = (matching documents) - sum(copies - 1 over those groups). That list is
checked to be complete (no shard cut short, fewer groups than asked for); otherwise the matching
duplicate keys are counted exactly with composite aggregation pages. Facet counts are checked the same
way: a terms aggregation over several shards is exact only when its error bounds prove it, and
otherwise the facet is counted again exactly with composite pages.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime

from ... import query as q
from ...facets import STATS_FACETS, STATS_TOP, completions, facet, index_stats, timeline
from ...model import Facet, Hit, IndexNotFound, Page, QueryError, Release
from ...relevance import RELATED_SOURCES, related_clauses
from ...schema import FACETS_BY_NAME, HIT_FIELDS
from ..hits import copy_info, plain_snippet, stored_to_hit, stored_to_release
from . import dsl as oq
from .client import reason, translated_errors
from .plan import ClusterStats, correction, importances, settled, widened, word_clauses
from .schema import SNIPPET_FIELDS, to_stored
from .store import OpenSearchStore

COPY_FIELDS = ("id", "source", "path", "wire_facet", "date_text")
MAX_COPIES = 100  # other copies listed per hit
GROUPS_AT_ONCE = 10_000  # duplicate groups counted inside the search request before paging
SCAN_BATCH = 1000  # releases per request when scanning a whole result set
SCAN_KEEP_ALIVE = "2m"  # how long a scan's point in time outlives its last request
TIMEOUT_GRACE_S = 1.0  # the client waits this much longer than the cluster's own limit (its answer comes first)


class OpenSearchBackend:
    """Searches one alias on an OpenSearch cluster."""

    name = "opensearch"

    def __init__(self, index: str | os.PathLike, url: str | None = None, client=None):
        self.store = OpenSearchStore(index, url, client, searching=True)
        self.client = self.store.client
        self.alias = self.store.alias
        self.url = self.store.url
        self._limits = threading.local()  # the time limit of the call running in this thread
        if self.store.live() is None:
            raise IndexNotFound(
                f"no OpenSearch index {self.alias!r} at {self.url}: build one with "
                f"'releases index SOURCE... --backend opensearch --url {self.url} --index {self.alias}'"
            )

    def close(self) -> None:
        """Close the client's connections."""
        self.client.close()

    @contextmanager
    def _time_limit(self):
        """One call's time budget (query.SEARCH_TIME_LIMIT_S, as on Whoosh), shared by all its requests."""
        outer = getattr(self._limits, "deadline", None)
        if outer is None:
            self._limits.deadline = q.Deadline()
        try:
            yield
        finally:
            if outer is None:
                self._limits.deadline = None

    def _search(self, body: dict, **params) -> dict:
        """One search request within the call's time limit: the cluster stops at what is left of it (and
        says so: timed_out), and the client stops waiting a moment later; either fails the call."""
        from opensearchpy.exceptions import ConnectionTimeout, RequestError  # connect() checked the client is there

        deadline = getattr(self._limits, "deadline", None)
        if deadline is not None:
            left = deadline.end - time.monotonic()
            if left <= 0:
                deadline.check()
            body = {**body, "timeout": f"{max(1, int(left * 1000))}ms"}
            params["request_timeout"] = left + TIMEOUT_GRACE_S
        params.setdefault("index", self.alias)  # None: the body names what it searches (a point in time)
        if params.get("search_type", "") is None:
            del params["search_type"]
        with translated_errors(self.url):
            try:
                found = self.client.search(body=body, **params)
            except RequestError as exc:
                raise QueryError(f"the search cannot run: {reason(exc)}; simplify the query") from exc
            except ConnectionTimeout:
                if deadline is None:
                    raise
                found = {"timed_out": True}
        if found.get("timed_out") and deadline is not None:
            deadline.end = time.monotonic() - 1  # spent: check() reports it
            deadline.check()
        return found

    # -- searching --

    def search(self, request, parsed: q.ParsedQuery) -> Page:
        """Run a search request: exact total, facets over the whole result set, one page of hits."""
        with self._time_limit():
            return self._search_page(request, parsed)

    def _planned(self, request, tree, stats: ClusterStats) -> tuple[dict, list, bool]:
        """The query DSL of a request's tree (ranked like Whoosh when sorted by relevance), its word
        clauses, and whether it ranks."""
        clauses = word_clauses(stats, tree)
        expansions = {c.leaf: oq.clause_dsl(c) for c in widened(clauses)}
        # As on Whoosh: words rank; a query of filters only (or none) lists the newest first.
        ranked = request.sort == "relevance" and bool(q.positive_leaves(tree))
        query = oq.query_dsl(tree, expansions)
        if ranked:
            leaves = q.positive_leaves(tree)
            parts = zip(
                (oq.translate(leaf, expansions) for leaf in leaves), importances(stats, leaves, clauses), strict=True
            )
            query = oq.with_coverage(query, [(dsl, weight) for dsl, weight in parts if dsl is not None])
            query = oq.with_headline_bonus(query, clauses, _clause_count(clauses, leaves))
        return query, clauses, ranked

    def scan(self, request, parsed: q.ParsedQuery, batch: int = SCAN_BATCH) -> Iterator[Hit]:
        """Every release the request matches, in its order (without paging limits), for exports of any size.

        Read through a point in time (one consistent view, however long the export runs) with search_after,
        batch releases a request, each request within the search time limit. Collapsed, a release's copies
        come once: the first in the order stands for its group (only groups with copies are remembered).
        Hits carry their opening text, not highlighted passages.
        """
        with self._time_limit():
            query, _, ranked = self._planned(request, parsed.tree, ClusterStats(self._search))
        filters = oq.request_filters(request)
        with translated_errors(self.url):
            pit = self.client.create_pit(index=self.alias, params={"keep_alive": SCAN_KEEP_ALIVE})["pit_id"]
        body: dict = {
            "query": {"bool": {"must": [query], "filter": [oq.all_of(list(filters.values()))]}},
            "size": batch,
            "track_total_hits": False,
            "_source": sorted(set(HIT_FIELDS) | {"lede", "body", "dupkey"}),
            "sort": _sort(request.sort, ranked),
            "pit": {"id": pit, "keep_alive": SCAN_KEEP_ALIVE},
        }
        seen: set[str] = set()
        try:
            while True:
                with self._time_limit():
                    found = self._search(body, search_type="dfs_query_then_fetch" if ranked else None, index=None)
                hits = found["hits"]["hits"]
                for item in hits:
                    key = item["_source"].get("dupkey", "")
                    if request.collapse and not key.startswith("id:"):
                        if key in seen:
                            continue
                        seen.add(key)
                    yield self._hit(item, ranked)
                if len(hits) < batch:
                    return
                body["search_after"] = hits[-1]["sort"]
                body["pit"]["id"] = found.get("pit_id") or body["pit"]["id"]
        finally:
            with translated_errors(self.url):
                self.client.delete_pit(body={"pit_id": [body["pit"]["id"]]}, params={"ignore": 404})

    def _search_page(self, request, parsed: q.ParsedQuery) -> Page:
        tree = parsed.tree
        stats = ClusterStats(self._search)
        query, clauses, ranked = self._planned(request, tree, stats)
        suggestion = correction(stats, parsed.words) if request.page == 1 and parsed.words else None
        filters = oq.request_filters(request)
        body: dict = {
            "query": query,
            "from": (request.page - 1) * request.per_page,
            "size": request.per_page,
            "track_total_hits": True,
            "_source": sorted(set(HIT_FIELDS) | {"lede", "body"}),
            "sort": _sort(request.sort, ranked),
            "aggs": {**oq.facet_aggs(request, filters), "timeline": oq.timeline_agg(filters)},
        }
        if filters:
            body["post_filter"] = oq.all_of(list(filters.values()))
        if request.collapse:
            body["aggs"]["duplicates"] = oq.duplicates_agg(filters, GROUPS_AT_ONCE)
            body["collapse"] = {"field": "dupkey"}
        highlight = oq.highlight_body(oq.highlight_words(tree, clauses), tree)
        if highlight:
            body["highlight"] = highlight
        # Ranking needs the same term statistics on every shard: dfs_query_then_fetch gathers them first.
        response = self._search(body, search_type="dfs_query_then_fetch" if ranked else "query_then_fetch")
        aggs = response.get("aggregations") or {}
        total = int(response["hits"]["total"]["value"])
        if request.collapse:
            total = self._collapsed_total(total, aggs["duplicates"]["groups"], body)
        facets = {name: self._facet(name, request, aggs[f"facet_{name}"], body) for name in request.facets}
        hits = [self._hit(found, ranked) for found in response["hits"]["hits"]]
        if request.collapse:
            self._add_copies(hits, response["hits"]["hits"], aggs["duplicates"]["groups"], body)
        return Page(
            query=request.query,
            total=total,
            page=request.page,
            per_page=request.per_page,
            hits=hits,
            facets=facets,
            sort=request.sort,
            suggestion=suggestion,
            timeline=timeline((b["key_as_string"], b["doc_count"]) for b in aggs["timeline"]["months"]["buckets"]),
        )

    def _hit(self, found: dict, ranked: bool) -> Hit:
        stored = to_stored(found["_source"])
        snippet = None
        marked = found.get("highlight") or {}
        for name in SNIPPET_FIELDS:
            if marked.get(name):
                snippet = " … ".join(marked[name])
                break
        return stored_to_hit(stored, found.get("_score") if ranked else None, snippet or plain_snippet(stored))

    def _add_copies(self, hits: list[Hit], found: list[dict], groups: dict, body: dict) -> None:
        """List each hit's other matching copies (one request for the page, none when no hit has copies).

        Collapse's inner_hits would ask once per hit; the duplicate-group aggregation already says which
        groups have two or more matching copies.
        """
        keys = [f["_source"]["dupkey"] for f in found]
        if len(groups["buckets"]) < GROUPS_AT_ONCE and not groups.get("doc_count_error_upper_bound"):
            with_copies = {b["key"] for b in groups["buckets"]}
            keys = [k for k in keys if k in with_copies]
        if not keys:
            return
        scope = [body["query"], body.get("post_filter") or {"match_all": {}}, {"terms": {"dupkey": keys}}]
        copies = self._search(
            {
                "query": {"bool": {"filter": scope}},
                "size": min(len(keys) * (MAX_COPIES + 1), 10_000),
                "_source": [*COPY_FIELDS, "dupkey"],
                "sort": [{"id": "asc"}],
            }
        )["hits"]["hits"]
        by_key: dict[str, list[dict]] = {}
        for copy in copies:
            by_key.setdefault(copy["_source"]["dupkey"], []).append(copy["_source"])
        for hit, source in zip(hits, found, strict=True):
            others = [c for c in by_key.get(source["_source"]["dupkey"], []) if c["id"] != hit.id]
            hit.duplicates = [copy_info(to_stored(c)) for c in others[:MAX_COPIES]]

    def _collapsed_total(self, documents: int, groups: dict, body: dict) -> int:
        """Matching releases with each duplicate group counted once, exactly."""
        buckets = groups["buckets"]
        if not groups.get("doc_count_error_upper_bound") and len(buckets) < GROUPS_AT_ONCE:
            return documents - sum(b["doc_count"] - 1 for b in buckets)
        scope = body.get("post_filter") or {"match_all": {}}
        query = {"bool": {"must": [body["query"]], "filter": [scope]}}
        return sum(1 for _ in self._composite(query, "dupkey"))

    def _composite(self, query: dict, field: str):
        """Every (value, count) of a field among the releases query matches, page by page."""
        after = None
        while True:
            composite = {"size": oq.COMPOSITE_PAGE, "sources": [{"v": {"terms": {"field": field}}}]}
            if after:
                composite["after"] = after
            found = self._search({"size": 0, "query": query, "aggs": {"all": {"composite": composite}}})
            page = found["aggregations"]["all"]
            for bucket in page["buckets"]:
                yield bucket["key"]["v"], bucket["doc_count"]
            after = page.get("after_key")
            if not after or not page["buckets"]:
                return

    def _facet(self, name: str, request, found: dict, body: dict) -> Facet:
        """A facet's top values (exact counts), selected values always listed; years and months by date."""
        limit = request.limit_of(name)
        top = oq.exact_top(found["values"], limit)
        if top is None:
            # The shards' top lists could not prove the counts: count every value exactly.
            scope = oq.all_of([f for other, f in oq.request_filters(request).items() if other != name])
            query = {"bool": {"must": [body["query"]], "filter": [scope]}}
            counts = dict(self._composite(query, FACETS_BY_NAME[name].field))
            top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return facet_values(name, top, found.get("selected"), request.filters.get(name, ()))

    # -- single releases --

    def _source_of(self, release_id: str, fields=None) -> dict | None:
        found = self._search(
            {"query": {"term": {"id": release_id}}, "size": 1, **({"_source": list(fields)} if fields else {})}
        )
        hits = found["hits"]["hits"]
        return hits[0]["_source"] if hits else None

    def get(self, release_id: str) -> Release | None:
        """One release with all its sections and where else it appeared, or None."""
        with self._time_limit():
            return self._get(release_id)

    def _get(self, release_id: str) -> Release | None:
        source = self._source_of(release_id)
        if source is None:
            return None
        stored = to_stored(source)
        copies = self._search(
            {
                "query": {
                    "bool": {
                        "filter": [{"term": {"dupkey": source["dupkey"]}}],
                        "must_not": [{"term": {"id": release_id}}],
                    }
                },
                "size": MAX_COPIES,
                "_source": list(COPY_FIELDS),
                "sort": [{"id": "asc"}],
            }
        )
        return stored_to_release(stored, [copy_info(to_stored(h["_source"])) for h in copies["hits"]["hits"]])

    def related(self, release_id: str, limit: int = 5) -> list[Hit]:
        """Releases most like this one, excluding its own copies: ranked like a search for its most
        distinctive words over the same sections as on Whoosh (relevance.related_clauses)."""
        with self._time_limit():
            return self._related(release_id, limit)

    def _related(self, release_id: str, limit: int = 5) -> list[Hit]:
        source = self._source_of(release_id, (*RELATED_SOURCES, "dupkey"))
        if source is None:
            return []
        stats = ClusterStats(self._search)
        clauses = settled(stats, lambda: related_clauses(stats, source))
        # As whoosh_rank.score: a word weighing nothing (in more releases than a rarity can be counted for) is
        # left out; OpenSearch would refuse its negative boost.
        parts = [(oq.clause_dsl(c), c) for c in clauses if all(a.weight > 0 for a in c.alternatives)]
        parts = [(dsl, c) for dsl, c in parts if dsl is not None]
        if not parts:
            return []
        leaves = [c.leaf for _, c in parts]
        query = {"bool": {"should": [dsl for dsl, _ in parts], "minimum_should_match": 1}}
        weights = importances(stats, leaves, [c for _, c in parts])
        query = oq.with_coverage(query, [(dsl, w) for (dsl, _), w in zip(parts, weights, strict=True)])
        query = oq.with_headline_bonus(query, [c for _, c in parts], len(parts))
        body = {
            "query": {
                "bool": {
                    "must": [query],
                    "must_not": [{"term": {"dupkey": source["dupkey"]}}, {"term": {"id": release_id}}],
                }
            },
            "collapse": {"field": "dupkey"},
            "size": limit,
            "sort": _sort("relevance", True),
            "_source": sorted(set(HIT_FIELDS) | {"lede", "body"}),
        }
        hits = []
        for found in self._search(body, search_type="dfs_query_then_fetch")["hits"]["hits"]:
            stored = to_stored(found["_source"])
            hits.append(stored_to_hit(stored, found["_score"], plain_snippet(stored)))
        return hits

    # -- the whole index --

    def complete(self, prefix: str, limit: int = 8) -> list[dict]:
        """Tickers and company names with a word starting with prefix, most frequent first."""
        with self._time_limit():
            return self._complete(prefix, limit)

    def _complete(self, prefix: str, limit: int = 8) -> list[dict]:
        key = prefix.strip()
        if not key:
            return []
        # Like Whoosh: the whole value or any of its words (split at spaces and colons) starts with it.
        pattern = f"(.*[ \t\n\r\x0b\x0c:])?{oq.ci_regex(key)}.*"
        aggs = {
            kind: oq.terms_agg(FACETS_BY_NAME[kind].field, limit, 1000, include=pattern)
            for kind in ("ticker", "company")
        }
        found = self._search({"size": 0, "aggs": aggs})["aggregations"]
        return completions(
            (
                {"kind": kind, "value": b["key"], "count": b["doc_count"]}
                for kind in aggs
                for b in found[kind]["buckets"]
            ),
            limit,
        )

    def stats(self) -> dict:
        """Number of releases, date range, top tickers, wires, years and types, and the cluster's health."""
        with self._time_limit():
            return self._stats()

    def _stats(self) -> dict:
        aggs = {name: oq.terms_agg(FACETS_BY_NAME[name].field, STATS_TOP) for name in STATS_FACETS}
        aggs["first"] = {"min": {"field": "date"}}
        aggs["last"] = {"max": {"field": "date"}}
        body = {"size": 0, "track_total_hits": True, "query": {"match_all": {}}, "aggs": aggs}
        found = self._search(body)
        agg = found["aggregations"]
        top = {}
        for name in STATS_FACETS:
            values = oq.exact_top(agg[name], STATS_TOP)
            if values is None:
                values = sorted(
                    dict(self._composite({"match_all": {}}, FACETS_BY_NAME[name].field)).items(),
                    key=lambda kv: (-kv[1], kv[0]),
                )[:STATS_TOP]
            top[name] = facet(name, values)
        with translated_errors(self.url):
            health = self.client.cluster.health(index=self.alias)
        physical = self.store.live()
        shards, replicas = self.store.layout(physical)
        stats = index_stats(
            self.name,
            f"{self.alias} on {self.url}",
            int(found["hits"]["total"]["value"]),
            _day(agg["first"].get("value")),
            _day(agg["last"].get("value")),
            top,
            url=self.url,
            index=physical,
        )
        layout = {"alias": self.alias, "physical": physical, "shards": shards, "replicas": replicas}
        return {
            **stats,
            "layout": layout,
            "cluster": {"status": health["status"], "nodes": health["number_of_data_nodes"]},
        }

    def source_hashes(self) -> dict[str, str]:
        """Source path -> content hash of every indexed file (for incremental builds)."""
        physical = self.store.live()
        return {d["path"]: d["source_hash"] or "" for d in self.store.documents(physical, ("path", "source_hash"))}


def _clause_count(clauses, leaves) -> int:
    """How many clauses whoosh_rank scores for these leaves: the words and phrases, and the patterns."""
    patterns = (q.Prefix, q.Wildcard, q.Fuzzy)
    return len(clauses) + sum(
        1 for leaf in leaves if isinstance(leaf, patterns) and leaf.field not in oq.KEYWORD_QUERY_FIELDS
    )


def _sort(sort: str, ranked: bool) -> list:
    # Equal scores go newest first, as on Whoosh; then Whoosh keeps index order, OpenSearch orders by id.
    if ranked:
        return ["_score", {"date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    order = "asc" if sort == "oldest" else "desc"
    return [{"date": {"order": order, "missing": "_last"}}, {"id": "asc"}]


def facet_values(name: str, top: list[tuple[str, int]], selected: dict | None, wanted) -> Facet:
    """A Facet from exact (value, count) pairs in rank order, plus the selected values not among them."""
    others = ((bucket["key"], int(bucket["doc_count"])) for bucket in (selected or {}).get("buckets", []))
    return facet(name, top, wanted, others)


def _day(epoch_ms) -> date | None:
    if epoch_ms is None:
        return None
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).date()
