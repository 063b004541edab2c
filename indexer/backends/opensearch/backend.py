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
from datetime import UTC, date, datetime

from ... import query as q
from ...facets import STATS_FACETS, STATS_TOP, completions, facet, index_stats, timeline
from ...model import Facet, Hit, IndexNotFound, Page, QueryError
from ...schema import FACETS_BY_NAME, HIT_FIELDS
from ..hits import copy_info, plain_snippet, stored_to_hit
from . import dsl as oq
from .plan import ClusterStats, correction, importances, widened, word_clauses
from .schema import SNIPPET_FIELDS, analyze, terms_field, to_stored
from .store import OpenSearchStore, reason, translated_errors

COPY_FIELDS = ("id", "path", "wire_facet", "date_text")
MAX_COPIES = 100  # other copies listed per hit
GROUPS_AT_ONCE = 10_000  # duplicate groups counted inside the search request before paging
RELATED_TERMS = 25


class OpenSearchBackend:
    """Searches one alias on an OpenSearch cluster."""

    name = "opensearch"

    def __init__(self, index: str | os.PathLike, url: str | None = None, client=None):
        self.store = OpenSearchStore(index, url, client)
        self.client = self.store.client
        self.alias = self.store.alias
        self.url = self.store.url
        if self.store.live() is None:
            raise IndexNotFound(
                f"no OpenSearch index {self.alias!r} at {self.url}: build one with "
                f"'releases index SOURCE... --backend opensearch --url {self.url} --index {self.alias}'"
            )

    def close(self) -> None:
        """Close the client's connections."""
        self.client.close()

    def _search(self, body: dict, **params) -> dict:
        from opensearchpy.exceptions import RequestError  # the client is there: connect() checked

        with translated_errors(self.url):
            try:
                return self.client.search(index=self.alias, body=body, **params)
            except RequestError as exc:
                raise QueryError(f"the search cannot run: {reason(exc)}; simplify the query") from exc

    # -- searching --

    def search(self, request, parsed: q.ParsedQuery) -> Page:
        """Run a search request: exact total, facets over the whole result set, one page of hits."""
        tree = parsed.tree
        stats = ClusterStats(self._search)
        clauses = word_clauses(stats, tree)
        suggestion = correction(stats, parsed.words) if request.page == 1 and parsed.words else None
        expansions = {c.leaf: oq.clause_dsl(c) for c in widened(clauses)}
        filters = oq.request_filters(request)
        # As on Whoosh: words rank; a query of filters only (or none) lists the newest first.
        ranked = request.sort == "relevance" and bool(q.positive_leaves(tree))
        query = oq.query_dsl(tree, expansions)
        if ranked:
            leaves = q.positive_leaves(tree)
            parts = zip(
                (oq.translate(leaf, expansions) for leaf in leaves), importances(stats, leaves, clauses), strict=True
            )
            query = oq.with_coverage(query, [(dsl, weight) for dsl, weight in parts if dsl is not None])
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
        limit = request.facet_limit
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

    def get(self, release_id: str) -> dict | None:
        """Every stored field of one release and where else it appeared, or None."""
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
        stored["duplicates"] = [copy_info(to_stored(h["_source"])) for h in copies["hits"]["hits"]]
        return stored

    def related(self, release_id: str, limit: int = 5) -> list[Hit]:
        """Releases most like this one (its headline twice, lede and body), excluding its own copies."""
        source = self._source_of(release_id, ("headline", "lede", "body", "dupkey"))
        if source is None:
            return []
        text = " ".join(source.get(f, "") or "" for f in ("headline", "headline", "lede", "body"))
        like = " ".join(analyze(text))
        if not like:
            return []
        body = {
            "query": {
                "bool": {
                    "must": [
                        {
                            "more_like_this": {
                                "fields": [terms_field("body")],
                                "like": like,
                                "max_query_terms": RELATED_TERMS,
                                "min_term_freq": 1,
                                "min_doc_freq": 1,
                                "minimum_should_match": "1",
                            }
                        }
                    ],
                    "must_not": [{"term": {"dupkey": source["dupkey"]}}, {"term": {"id": release_id}}],
                }
            },
            "collapse": {"field": "dupkey"},
            "size": limit,
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
        stats = index_stats(
            self.name,
            f"{self.alias} on {self.url}",
            int(found["hits"]["total"]["value"]),
            _day(agg["first"].get("value")),
            _day(agg["last"].get("value")),
            top,
            url=self.url,
            index=self.store.live(),
        )
        return {**stats, "cluster": {"status": health["status"], "nodes": health["number_of_data_nodes"]}}

    def source_hashes(self) -> dict[str, str]:
        """Source path -> content hash of every indexed file (for incremental builds)."""
        physical = self.store.live()
        return {d["path"]: d["source_hash"] or "" for d in self.store.documents(physical, ("path", "source_hash"))}


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
