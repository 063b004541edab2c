"""Whole result sets read from OpenSearch: exports and scans of any size, through a point in time.

A mixin of the backend (backend.OpenSearchBackend): it plans the request as a page would (_planned) and lists
every release it counts, batch releases a request, with search_after on one consistent view of the index.
"""

from __future__ import annotations

from collections.abc import Iterator

from ... import query as q
from ...model import Export, ExportRow, Hit
from . import dsl as oq
from .client import translated_errors
from .paging import sort_order
from .schema import HIT_SOURCE

SCAN_BATCH = 1000  # releases per request when scanning a whole result set
SCAN_KEEP_ALIVE = "2m"  # how long a scan's point in time outlives its last request


class Exports:
    """scan and export for the backend (which provides _planned, _search, _hit, _add_copies, _stats_reader)."""

    def scan(self, request, parsed: q.ParsedQuery, batch: int = SCAN_BATCH) -> Iterator[Hit]:
        """Every release the request counts, in its order (without paging limits), for exports of any size.

        Read through a point in time (one consistent view, however long the export runs) with search_after,
        batch releases a request, each request within the search time limit. Collapsed, a release's copies
        are folded out by the plan, as for a page. Hits carry their opening text, not highlighted passages.
        """
        with self._time_limit():
            plan = self._planned(request, parsed.tree, self._stats_reader())
        for hit, _ in self._scanned(request, plan, batch):
            yield hit

    def export(self, request, parsed: q.ParsedQuery, text: bool = False, batch: int = SCAN_BATCH) -> Export:
        """The releases a search counts, in its order, streamed (ReleaseIndex.export): the exact total first
        (one request), then the rows through a point in time, batch releases a request, whatever the number;
        collapsed, each with its copies (one more request a batch), as the Whoosh backend's export."""
        with self._time_limit():
            plan = self._planned(request, parsed.tree, self._stats_reader())
            body = {"size": 0, "track_total_hits": True, "query": self._scan_query(request, plan)}
            total = int(self._search(body)["hits"]["total"]["value"])

        def rows() -> Iterator[ExportRow]:
            for hit, source in self._scanned(request, plan, batch):
                body = "\n\n".join(x for x in (source.get("lede"), source.get("body")) if x) if text else None
                yield ExportRow(hit, body)

        return Export(total=total, rows=rows())

    def _scan_query(self, request, plan) -> dict:
        filters = oq.request_filters(request)
        return {"bool": {"must": [plan.scored["all"]], "filter": [oq.all_of(list(filters.values()))]}}

    def _scanned(self, request, plan, batch: int) -> Iterator[tuple[Hit, dict]]:
        """(hit, its document) of every release a plan counts, in the request's order, through a point in
        time and search_after; collapsed, each hit lists its copies."""
        with translated_errors(self.url):
            pit = self.client.create_pit(index=self.alias, params={"keep_alive": SCAN_KEEP_ALIVE})["pit_id"]
        body: dict = {
            "query": self._scan_query(request, plan),
            "size": batch,
            "track_total_hits": False,
            "_source": HIT_SOURCE,
            "sort": sort_order(request.sort, plan.ranked),
            "pit": {"id": pit, "keep_alive": SCAN_KEEP_ALIVE},
        }
        try:
            while True:
                with self._time_limit():
                    search_type = "dfs_query_then_fetch" if plan.ranked else None
                    found = self._search(body, search_type=search_type, index=None)
                    items = found["hits"]["hits"]
                    hits = [self._hit(item, plan.ranked) for item in items]
                    if request.collapse:
                        self._add_copies(hits, items)
                yield from zip(hits, (item["_source"] for item in items), strict=True)
                if len(items) < batch:
                    return
                body["search_after"] = items[-1]["sort"]
                body["pit"]["id"] = found.get("pit_id") or body["pit"]["id"]
        finally:
            with translated_errors(self.url):
                self.client.delete_pit(body={"pit_id": [body["pit"]["id"]]}, params={"ignore": 404})
