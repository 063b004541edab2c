"""The OpenSearch backend: the same searches as the Whoosh backend, answered by a cluster.

A search is planned first (plan.py: the word clauses, their weights and "did you mean", with the index
statistics they need, fetched in shared rounds), then answered by one round trip: the query (dsl.py), the
facet filters as a post_filter (so facet aggregations see the query without them), per-facet filter
aggregations (a facet's counts ignore its own selection), the month histogram, each hit's copies (inner hits,
extras.py) and, on a first page, the some-words listing with the words each of its hits lacks (msearch).

Exact totals: a release on three wires is one result. Copies are folded as on Whoosh (fold.py: duplicate
key, dated within a week of the group's first copy; the earliest matching copy stands for the release): the
build marks each group's earliest copy as its representative (representatives.py) and the query keeps a
document when it is a matching representative or a matching copy whose representative does not match, so
hits.total, every facet and the timeline count releases with plain aggregations, at any number of groups. Facet counts are checked: a terms aggregation over
several shards is exact only when its error bounds prove it, and otherwise the facet is counted again
exactly with composite pages. In "all" mode a second request lists and counts the releases holding only
some of the words (partial_total), after the full matches.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ... import query as q
from ...cursor import fingerprint, next_cursor
from ...facets import STATS_FACETS, STATS_TOP, completions, facet, index_stats, timeline
from ...match_mode import require_all, without_stop_words
from ...model import Facet, Hit, IndexNotFound, Page, Release
from ...relevance import RELATED_SOURCES, related_clauses
from ...schema import FACETS_BY_NAME, HIT_FIELDS
from ...snippets import highlight_terms, make_snippet
from ..hits import copy_info, plain_snippet, stored_to_hit, stored_to_release
from ..lru import LRU
from . import dsl as oq
from . import fold as folding
from .client import translated_errors
from .exports import Exports
from .extras import COPY_FIELDS, MAX_COPIES, copies_listed, missing_words, named_words, with_extras
from .fold import Copy, fold, is_copy, later_orphans, listings, orphan_groups_agg, seconds_of
from .paging import position, sort_order
from .plan import (
    SHARED_FREQUENCIES,
    ClusterStats,
    correction,
    corrects_unknown,
    importances,
    prefetch,
    settled,
    widened,
    word_clauses,
)
from .requests import TimedRequests
from .schema import FOLD_FIELD, HIT_SOURCE, LOCAL_DATE, PARENT_FIELD, REP, to_stored
from .store import OpenSearchStore

ISSUERS_RECHECK = 5.0  # seconds a server trusts its issuer registry before asking which index the alias names


@dataclass
class Planned:
    """A request planned for the cluster: its queries (filters for counting), the same ranked, and its copies."""

    queries: dict[str, dict]  # "all": what is counted; "some": the some-words listing after it (when any)
    scored: dict[str, dict]  # the same queries with Whoosh's coverage and headline factors when ranked
    clauses: list
    expansions: dict
    ranked: bool


class OpenSearchBackend(Exports, TimedRequests):
    """Searches one alias on an OpenSearch cluster."""

    name = "opensearch"

    def __init__(self, index: str | os.PathLike, url: str | None = None, client=None):
        self.store = OpenSearchStore(index, url, client, searching=True)
        self.client = self.store.client
        self.alias = self.store.alias
        self.url = self.store.url
        self._init_limits()
        # Document frequencies fetched by searches, reused by later ones (checked within their page's request).
        self._frequencies = LRU(SHARED_FREQUENCIES)
        physical = self.store.live()
        if physical is None:
            raise IndexNotFound(
                f"no OpenSearch index {self.alias!r} at {self.url}: build one with "
                f"'releases index SOURCE... --backend opensearch --url {self.url} --index {self.alias}'"
            )
        if FOLD_FIELD not in self.store.properties(physical):
            raise IndexNotFound(
                f"the OpenSearch index {self.alias!r} at {self.url} was built by an older version (its copies have "
                f"no representatives): rebuild it with 'releases index SOURCE... --backend opensearch --url "
                f"{self.url} --index {self.alias} --rebuild'"
            )

    def close(self) -> None:
        """Close the client's connections."""
        self.client.close()

    def issuer_registry(self):
        """The issuer registry the live index was built with (learned issuers included), read once per physical
        index and looked up again at most every ISSUERS_RECHECK seconds; None for an index built without one."""
        from ...issuers.store import registry_from_text

        now = time.monotonic()
        cached = getattr(self, "_issuers", None)
        if cached and now - cached[0] < ISSUERS_RECHECK:
            return cached[2]
        physical = self.store.live()
        if cached and cached[1] == physical:
            self._issuers = (now, physical, cached[2])
            return cached[2]
        text = self.store.meta(physical).get("issuer_registry") if physical else None
        registry = registry_from_text(text) if text else None
        self._issuers = (now, physical, registry)
        return registry

    # -- searching --

    def _stats_reader(self, borrow: bool = False) -> ClusterStats:
        """Index statistics for one call, each round of them in one round trip; with borrow, frequencies
        earlier searches fetched are reused (the caller must check them: ClusterStats.verify)."""
        return ClusterStats(self._search, lambda bodies: self._searches(bodies), self._frequencies, borrow)

    def search(self, request, parsed: q.ParsedQuery) -> Page:
        """Run a search request: exact total, facets over the whole result set, one page of hits."""
        with self._time_limit():
            return self._search_page(request, parsed)

    def _planned(self, request, tree, stats: ClusterStats, orphans: bool = True) -> Planned:
        """A request's tree as DSL: the counted query (every word, or any with match=any) and the some-words
        query listed after it, each with the copies folded out; ranked like Whoosh when sorted by relevance.
        orphans=False leaves groups with several matching orphans unchecked (the caller checks them)."""
        clauses = word_clauses(stats, tree, request.spelling)
        expansions = {c.leaf: oq.clause_dsl(c) for c in widened(clauses)}
        # As on Whoosh: words rank; a query of filters only (or none) lists the newest first.
        ranked = request.sort == "relevance" and bool(q.positive_leaves(tree))
        any_tree = without_stop_words(tree)
        counted_tree = require_all(tree) if request.match == "all" else any_tree
        queries = {"all": oq.query_dsl(counted_tree, expansions)}
        if counted_tree != any_tree:
            # Releases holding some of the words: listed after the full matches, not counted.
            queries["some"] = {
                "bool": {"must": [oq.query_dsl(any_tree, expansions)], "must_not": [oq.match_only(queries["all"])]}
            }
        if request.collapse:
            queries = self._folded(queries) if orphans else listings(queries)
        scored = dict(queries)
        if ranked:
            leaves = q.positive_leaves(tree)
            parts = zip(
                (oq.translate(leaf, expansions) for leaf in leaves), importances(stats, leaves, clauses), strict=True
            )
            coverage = [(dsl, weight) for dsl, weight in parts if dsl is not None]
            count = _clause_count(clauses, leaves)
            scored = {
                name: oq.with_headline_bonus(oq.with_coverage(dsl, coverage), clauses, count)
                for name, dsl in queries.items()
            }
        return Planned(queries, scored, clauses, expansions, ranked)

    def _search_page(
        self, request, parsed: q.ParsedQuery, stats: ClusterStats | None = None, borrow: bool = True
    ) -> Page:
        tree = parsed.tree
        # First without looking for groups with several matching orphans: the page's request itself says
        # whether there are any (almost never); if so, the search is made again with them folded.
        checking = stats is None and request.collapse
        if stats is None:
            stats = self._stats_reader(borrow)
            ranked = request.sort == "relevance" and bool(q.positive_leaves(tree))
            prefetch(stats, tree, parsed.words, ranked, request.spelling)
        plan = self._planned(request, tree, stats, orphans=not checking)
        queries, clauses, expansions, ranked = (
            plan.queries,
            plan.clauses,
            plan.expansions,
            plan.ranked,
        )
        # On every page, as on Whoosh: a later page of a corrected search holds the suggestion's results too.
        suggestion = correction(stats, parsed.words) if parsed.words else None
        corrected = bool(suggestion) and request.spelling and corrects_unknown(stats, parsed.words, suggestion)
        filters = oq.request_filters(request)
        start, after, listing = position(request)
        # Each hit's copies are listed by the page's own request (extras.py), save for orphans.
        body: dict = {
            "query": with_extras(plan.scored["all"], copies=request.collapse),
            "from": 0 if after else start,
            "size": 0 if listing == "some" else request.per_page,
            "track_total_hits": True,
            "_source": [*HIT_SOURCE, PARENT_FIELD] if request.collapse else HIT_SOURCE,
            "sort": sort_order(request.sort, ranked),
            "aggs": {**oq.facet_aggs(request, filters), "timeline": oq.timeline_agg(filters)},
        }
        if after and listing == "all":
            body["search_after"] = list(after)
        undated = [{"bool": {"must_not": [{"exists": {"field": LOCAL_DATE}}]}}]
        if filters:
            body["post_filter"] = oq.all_of(list(filters.values()))
            undated.append(body["post_filter"])
        # Releases of the total without a printed date (in no timeline bar), counted in the same request.
        body["aggs"]["undated"] = {"filter": {"bool": {"filter": undated}}}
        if checking:
            body["aggs"]["orphans"] = orphan_groups_agg(queries["all"], 1)
        # Ranking needs the same term statistics on every shard: dfs_query_then_fetch gathers them first.
        search_type = "dfs_query_then_fetch" if ranked else "query_then_fetch"
        more = None
        if "some" in queries:
            # The releases holding only some of the words, listed after the full matches: on the first page
            # they start at 0 whatever the total, so both go in one round trip; deeper, they start after it.
            more = {k: v for k, v in body.items() if k not in ("aggs", "search_after")}
            # Which words each of them lacks: named filters in the same request.
            words, named = named_words(tree, expansions)
            some = with_extras(plan.scored["some"], copies=request.collapse, named=named)
            more.update(query=some, size=request.per_page, **{"from": 0})
            if checking:
                more["aggs"] = {"orphans": orphan_groups_agg(queries["some"], 1)}
        # The same shard copies for every page of one search: their scores, and so the pages, agree.
        preference = fingerprint(request)
        # Frequencies borrowed from earlier searches are read again in the same round trip: if the index
        # changed since, the search is planned again with what it has now.
        check = stats.check_bodies()
        bodies = [body, *([more] if more is not None and start == 0 else []), *check]
        answers = self._searches(bodies, search_type, preference=preference, counts=len(check))
        if check:
            checked, answers = answers[len(answers) - len(check) :], answers[: len(answers) - len(check)]
            if not stats.verify(checked):
                return self._search_page(request, parsed, borrow=False)
        response, extra = answers[0], (answers[1] if len(answers) > 1 else None)
        if checking and _orphaned(response):
            return self._search_page(request, parsed, stats)
        aggs = response.get("aggregations") or {}
        total = int(response["hits"]["total"]["value"])
        counted = {"query": plan.scored["all"]}
        facets = {name: self._facet(name, request, aggs[f"facet_{name}"], counted) for name in request.facets}
        found = list(response["hits"]["hits"])
        partial_total = 0
        if more is not None:
            if extra is None:
                more.update(
                    size=max(0, request.per_page - len(found)), **{"from": 0 if after else max(0, start - total)}
                )
                if after and listing == "some":
                    more["search_after"] = list(after)
                extra = self._search(more, search_type=search_type, preference=preference)
            if checking and _orphaned(extra):
                return self._search_page(request, parsed, stats)
            partial_total = int(extra["hits"]["total"]["value"])
            if len(found) < request.per_page:
                listed = extra["hits"]["hits"][: max(0, request.per_page - len(found))]
                found += listed
                for item in listed:
                    item["missing"] = missing_words(words, item)
                if listed:
                    listing = "some"
        marked = highlight_terms(tree, clauses) if request.snippets else set()
        hits = [self._hit(f, ranked, marked) for f in found]
        if request.collapse:
            self._add_copies(hits, found)
        for hit, item in zip(hits, found, strict=True):
            if "missing" in item:
                hit.missing = item["missing"]
        page = Page(
            query=request.query,
            total=total,
            page=request.page,
            per_page=request.per_page,
            hits=hits,
            facets=facets,
            sort=request.sort,
            suggestion=suggestion,
            corrected=corrected,
            timeline=timeline((b["key_as_string"], b["doc_count"]) for b in aggs["timeline"]["months"]["buckets"]),
            match=request.match,
            partial_total=partial_total,
            undated=int(aggs["undated"]["doc_count"]) if total else 0,
        )
        # The next page starts after this one's last hit, in the listing it came from (search_after).
        page.next = next_cursor(request, page, found[-1].get("sort") if found else None, listing)
        return page

    def _folded(self, queries: dict[str, dict]) -> dict[str, dict]:
        """Each listing counting a release once (fold.listings): one request finds the groups with several
        matching orphans (almost always none); their later orphans are left out by id."""
        listed = listings(queries)
        size = folding.ORPHAN_GROUPS_AT_ONCE
        aggs = {name: orphan_groups_agg(dsl, size) for name, dsl in listed.items()}
        copies = {"bool": {"filter": [is_copy()], "should": list(listed.values()), "minimum_should_match": 1}}
        found = self._search({"size": 0, "query": copies, "aggs": aggs})["aggregations"]
        for name, dsl in listed.items():
            orphans = {"bool": {"filter": [dsl, is_copy()]}}
            buckets = found[name]["groups"]["buckets"]
            if len(buckets) < size:
                groups = [b["key"] for b in buckets]
            else:  # more than one aggregation lists: every group, page by page
                groups = [key for key, count in self._composite(orphans, PARENT_FIELD) if count > 1]
            hidden: set[str] = set()
            for at in range(0, len(groups), size):
                scope = {"bool": {"filter": [orphans, {"terms": {PARENT_FIELD: groups[at : at + size]}}]}}
                hidden |= later_orphans(list(self._every(scope, ["id", "date", "path", PARENT_FIELD])))
            if hidden:
                listed[name] = {"bool": {"must": [dsl], "must_not": [{"ids": {"values": sorted(hidden)}}]}}
        return listed

    def _every(self, query: dict, fields: list[str]):
        """Every document query matches (its fields and matched named queries), page by page by id."""
        after = None
        while True:
            body = {"query": query, "size": 5_000, "_source": fields, "sort": [{"id": "asc"}]}
            if after:
                body["search_after"] = after
            hits = self._search(body)["hits"]["hits"]
            yield from hits
            if len(hits) < 5_000:
                return
            after = hits[-1]["sort"]

    def _hit(self, found: dict, ranked: bool, marked: set[str] = frozenset()) -> Hit:
        """A hit from its document; its snippet marks the query's terms as on Whoosh (the same code, in Python:
        the cluster indexes no second copy of the text to highlight it)."""
        stored = to_stored(found["_source"])
        snippet = make_snippet(stored, marked) if marked else plain_snippet(stored)
        return stored_to_hit(stored, found.get("_score") if ranked else None, snippet)

    def _add_copies(self, hits: list[Hit], found: list[dict]) -> None:
        """List each hit's other copies: the documents of its fold group (same key, within a week). The page's
        request lists a representative's (extras.py); the others' take one request."""
        asked = []
        for hit, item in zip(hits, found, strict=True):
            listed = copies_listed(item)
            if listed is None:
                asked.append((hit, item))
            else:
                hit.duplicates = [copy_info(to_stored(c)) for c in listed]
        if asked:
            self._add_group_copies([hit for hit, _ in asked], [item for _, item in asked])

    def _add_group_copies(self, hits: list[Hit], found: list[dict]) -> None:
        """List hits' other copies by folding the documents of their duplicate keys, in one request."""
        keys = sorted({f["_source"].get("dupkey") for f in found if f["_source"].get("dupkey")})
        keys = [k for k in keys if not k.startswith("id:")]
        if not keys:
            return
        sources = {
            c["_source"]["id"]: c["_source"]
            for c in self._every({"terms": {"dupkey": keys}}, [*COPY_FIELDS, "dupkey", "date", "dupsketch"])
        }
        members = [
            Copy(i, c["dupkey"], seconds_of(c.get("date")), frozenset(), c.get("path") or "", c.get("dupsketch") or "")
            for i, c in sources.items()
        ]
        grouped = fold(members, ())
        for hit in hits:
            group = grouped.group_of.get(hit.id)
            if group is None:
                continue
            others = sorted(c.id for c in grouped.members[group] if c.id != hit.id)
            hit.duplicates = [copy_info(to_stored(sources[i])) for i in others[:MAX_COPIES]]

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
        members = {
            c["_source"]["id"]: c["_source"]
            for c in self._every({"term": {"dupkey": source["dupkey"]}}, [*COPY_FIELDS, "dupkey", "date", "dupsketch"])
        }
        grouped = fold(
            [
                Copy(
                    i,
                    c["dupkey"],
                    seconds_of(c.get("date")),
                    frozenset(),
                    c.get("path") or "",
                    c.get("dupsketch") or "",
                )
                for i, c in members.items()
            ],
            (),
        )
        group = grouped.group_of.get(release_id)
        others = sorted(c.id for c in grouped.members[group] if c.id != release_id) if group is not None else []
        return stored_to_release(stored, [copy_info(to_stored(members[i])) for i in others[:MAX_COPIES]])

    def related(self, release_id: str, limit: int = 5) -> list[Hit]:
        """Releases most like this one, excluding its own copies: ranked like a search for its most
        distinctive words over the same sections as on Whoosh (relevance.related_clauses)."""
        with self._time_limit():
            return self._related(release_id, limit)

    def _related(self, release_id: str, limit: int = 5) -> list[Hit]:
        source = self._source_of(release_id, (*RELATED_SOURCES, "dupkey"))
        if source is None:
            return []
        stats = self._stats_reader()
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
            "sort": sort_order("relevance", True),
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
        # Releases with their copies folded (each group's representative): what a search counts.
        body = {"size": 0, "query": {"term": {FOLD_FIELD: REP}}, "aggs": aggs}
        found = self._search(body)["aggregations"]
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
        # Releases with their copies folded (the unit every search counts: each group's representative), and
        # the documents indexed.
        units = {"term": {FOLD_FIELD: REP}}
        body = {"size": 0, "track_total_hits": True, "aggs": {"units": {"filter": units, "aggs": aggs}}}
        found = self._search(body)
        agg = found["aggregations"]["units"]
        top = {}
        for name in STATS_FACETS:
            values = oq.exact_top(agg[name], STATS_TOP)
            if values is None:
                values = sorted(
                    dict(self._composite(units, FACETS_BY_NAME[name].field)).items(),
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
            int(agg["doc_count"]),
            _day(agg["first"].get("value")),
            _day(agg["last"].get("value")),
            top,
            url=self.url,
            index=physical,
            documents=int(found["hits"]["total"]["value"]),  # copies included
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


def _orphaned(response: dict) -> bool:
    """Whether a response's orphans aggregation found a group with several matching orphans."""
    return bool((response.get("aggregations") or {}).get("orphans", {}).get("groups", {}).get("buckets"))


def _clause_count(clauses, leaves) -> int:
    """How many clauses whoosh_rank scores for these leaves: the words and phrases, and the patterns."""
    patterns = (q.Prefix, q.Wildcard, q.Fuzzy)
    return len(clauses) + sum(
        1 for leaf in leaves if isinstance(leaf, patterns) and leaf.field not in oq.KEYWORD_QUERY_FIELDS
    )


def facet_values(name: str, top: list[tuple[str, int]], selected: dict | None, wanted) -> Facet:
    """A Facet from exact (value, count) pairs in rank order, plus the selected values not among them."""
    others = ((bucket["key"], int(bucket["doc_count"])) for bucket in (selected or {}).get("buckets", []))
    return facet(name, top, wanted, others)


def _day(epoch_ms) -> date | None:
    if epoch_ms is None:
        return None
    return datetime.fromtimestamp(epoch_ms / 1000, UTC).date()
