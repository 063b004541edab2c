"""Where an OpenSearch search's time goes, request by request: the nodes' `took` against the client's wall.

Opens an OpenSearch index (and, with --whoosh, a Whoosh index of the same releases for the queries), asks
--distinct queries never asked before (two or three words of sampled headlines, as opensearch_bench.py) and
records every request each search makes through the client: its kind (read from its body: statistics rounds,
written forms for spellings, the page, the some-words listing, the page's copies, the words some-words hits
lack, ...), the cluster's `took` and the wall time of the round trip. Prints, per kind, how many requests a
search makes and their median took / wall, plus requests per search and the whole search's wall and CPU
(this process's, so the client's share). With --repeat the same queries are asked a second time (the
request cache and the file cache warm).

    .venv/bin/python benchmarks/opensearch_requests.py --index bench-synthetic-100000 [--distinct 100]

Writes benchmarks/results/opensearch_requests.md (or --out).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from indexer import open_index  # noqa: E402
from indexer.backends import opensearch_url  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "opensearch_requests.md"


def kind_of(body: dict) -> str:
    """What a search request is for, read from its body."""
    aggs = body.get("aggs") or {}
    query = str(body.get("query"))
    if "df" in aggs or (not aggs and not body.get("query") and body.get("size") == 0):
        return "statistics"
    if any(name.startswith("facet_") for name in aggs) or "timeline" in aggs:
        return "page"
    if "'sort': [{'id': 'asc'}]" in str(body.get("sort")) and "headline" in str(body.get("_source")):
        return "written form"
    if "dupkey" in query and "_source" in body and "dupsketch" in str(body.get("_source")):
        return "copies"
    if "'_name'" in query:
        return "missing words"
    if "orphans" in aggs or "groups" in str(aggs):
        return "orphan groups"
    if body.get("size") and "track_total_hits" in body:
        return "some-words"
    return "other"


class Recorder:
    """Wraps a client's search and msearch, recording (kind, took ms, wall ms) per request."""

    def __init__(self, client):
        self.client = client
        self.calls: list[tuple[str, float, float]] = []
        self._search, self._msearch = client.search, client.msearch
        client.search, client.msearch = self.search, self.msearch

    def search(self, body=None, **params):
        started = time.perf_counter()
        found = self._search(body=body, **params)
        wall = (time.perf_counter() - started) * 1000
        self.calls.append((kind_of(body or {}), float(found.get("took", 0)), wall))
        return found

    def msearch(self, body=None, **params):
        started = time.perf_counter()
        found = self._msearch(body=body, **params)
        wall = (time.perf_counter() - started) * 1000
        kinds = "+".join(kind_of(b) for b in body[1::2])
        took = max((float(r.get("took", 0)) for r in found["responses"]), default=0.0)
        self.calls.append((f"msearch({kinds})", took, wall))
        return found


def _without_folding(query):
    """A page query with the copy-folding join clauses (has_parent / has_child) and inner hits taken out."""
    if isinstance(query, dict):
        if set(query) & {"has_parent", "has_child"}:
            return {"match_all": {}}
        return {k: _without_folding(v) for k, v in query.items()}
    if isinstance(query, list):
        return [_without_folding(v) for v in query]
    return query


VARIANTS = {
    "as sent": lambda body: body,
    "no facets, timeline or counts (aggs)": lambda body: {k: v for k, v in body.items() if k != "aggs"},
    "no copy folding (joins)": lambda body: {**body, "query": _without_folding(body["query"])},
    "no hits (size 0)": lambda body: {**body, "size": 0},
}


def page_request(index, text: str, recorder: Recorder) -> tuple[dict, dict] | None:
    """Search text and return its last page request (msearch header or search params, and body)."""
    client = index.backend.client
    captured: list[tuple[dict, dict]] = []
    real_msearch, real_search = recorder._msearch, recorder._search

    def capture_msearch(body=None, **params):
        captured.extend(zip(body[0::2], body[1::2], strict=True))
        return real_msearch(body=body, **params)

    def capture_search(body=None, **params):
        captured.append(({k: v for k, v in params.items() if k in ("index", "search_type", "preference")}, body))
        return real_search(body=body, **params)

    client.msearch, client.search = capture_msearch, capture_search
    try:
        index.search(text)
    finally:
        client.msearch, client.search = recorder.msearch, recorder.search
    pages = [(h, b) for h, b in captured if kind_of(b or {}) == "page"]
    if not pages:
        return None
    header, body = pages[-1]
    return header, {k: v for k, v in body.items() if k != "timeout"}


def _resend(recorder: Recorder, header: dict, body: dict) -> dict:
    params = {k: v for k, v in header.items() if k in ("search_type", "preference") and v}
    return recorder._search(index=header.get("index"), body=body, **params)


def page_costs(index, queries: list[str], recorder: Recorder) -> list[str]:
    """The nodes' took for each search's page request as sent and without each of its parts, the variants
    interleaved query by query (so the machine's load drifts over all of them alike)."""
    from opensearch_bench import percentile

    took: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for text in queries:
        found = page_request(index, text, recorder)
        if found is None:
            continue
        header, body = found
        for name, variant in VARIANTS.items():
            took[name].append(float(_resend(recorder, header, variant(body))["took"]))
    lines = [
        "| page request | took p50 ms | took p95 ms |",
        "|---|---|---|",
    ]
    for name, values in took.items():
        if values:
            lines.append(f"| {name} | {statistics.median(values):.0f} | {percentile(values, 0.95):.0f} |")
    return lines


def _profiled(found: dict) -> dict[str, float]:
    """A profiled response's time by part, summed over its shards (ms): the query's rewriting (a join runs its
    inner query there), matching and scoring, collecting, each top-level aggregation, and fetching."""
    parts: dict[str, float] = {}

    def add(name: str, nanos) -> None:
        parts[name] = parts.get(name, 0.0) + float(nanos or 0) / 1e6

    for shard in (found.get("profile") or {}).get("shards", []):
        for search in shard.get("searches", []):
            add("rewrite (joins' inner queries, patterns, cross-field terms)", search.get("rewrite_time"))
            for node in search.get("query", []):
                add("query (match, score)", node.get("time_in_nanos"))
            for node in search.get("collector", []):
                add("collectors", node.get("time_in_nanos"))
        for agg in shard.get("aggregations", []):
            name = agg.get("description", "?")
            add(f"agg {'facets' if name.startswith('facet_') else name}", agg.get("time_in_nanos"))
        fetch = shard.get("fetch")
        if fetch:
            add("fetch (sources, inner hits)", fetch.get("time_in_nanos"))
    return parts


def page_profile(index, queries: list[str], recorder: Recorder) -> list[str]:
    """Each search's page request profiled as the search sends it (the profile API, asked for inside the search's
    own request, so the first sending's costs are seen): the nodes' time by part, summed over the shards (so it
    can exceed took), median and share over the searches."""
    client = index.backend.client
    real_msearch, real_search = recorder._msearch, recorder._search
    rows: list[dict[str, float]] = []

    def profiled_msearch(body=None, **params):
        body = [dict(b, profile=True) if n % 2 and kind_of(b) == "page" else b for n, b in enumerate(body)]
        found = real_msearch(body=body, **params)
        for item, response in zip(body[1::2], found["responses"], strict=True):
            if item.get("profile"):
                rows.append(_profiled(response))
        return found

    def profiled_search(body=None, **params):
        page = kind_of(body or {}) == "page"
        found = real_search(body=dict(body, profile=True) if page else body, **params)
        if page:
            rows.append(_profiled(found))
        return found

    client.msearch, client.search = profiled_msearch, profiled_search
    try:
        for text in queries:
            index.search(text)
    finally:
        client.msearch, client.search = recorder.msearch, recorder.search
    names = sorted({n for row in rows for n in row}, key=lambda n: -sum(r.get(n, 0.0) for r in rows))
    total = sum(sum(r.values()) for r in rows) or 1.0
    lines = ["| part (summed over shards) | p50 ms | share |", "|---|---|---|"]
    for name in names:
        values = [r.get(name, 0.0) for r in rows]
        lines.append(f"| {name} | {statistics.median(values):.1f} | {sum(values) / total:.0%} |")
    return lines


def main(argv=None) -> int:
    from opensearch_bench import distinct_queries, percentile

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", required=True, help="the OpenSearch alias to search")
    parser.add_argument("--whoosh", type=Path, default=None, help="a Whoosh index to sample queries from")
    parser.add_argument("--distinct", type=int, default=100)
    parser.add_argument("--repeat", action="store_true", help="ask the queries a second time too")
    parser.add_argument("--parts", action="store_true", help="time each page request without each of its parts")
    parser.add_argument("--profile", action="store_true", help="profile each page request (the profile API)")
    parser.add_argument("--url", default=None)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--note", default="")
    args = parser.parse_args(argv)
    url = opensearch_url(args.url)
    with open_index(args.index, backend="opensearch", url=url) as index:
        # With --profile, as many queries again, asked for the first time when profiled.
        wanted = args.distinct * (2 if args.profile else 1)
        if args.whoosh:
            with open_index(args.whoosh) as whoosh:
                sampled = distinct_queries(whoosh, wanted)
        else:
            sampled = distinct_queries(index, wanted)
        queries, fresh = sampled[: args.distinct], sampled[args.distinct :]
        recorder = Recorder(index.backend.client)
        rounds = [("first time", queries)] + ([("asked again", queries)] if args.repeat else [])
        lines = [
            "# Requests per OpenSearch search",
            "",
            f"`benchmarks/opensearch_requests.py --index {args.index} --distinct {args.distinct}` "
            f"({len(queries)} distinct queries of sampled headline words; load average "
            f"{os.getloadavg()[0]:.1f} at the start).",
            "",
        ]
        for name, asked in rounds:
            per_search, walls, cpus = [], [], []
            recorder.calls.clear()
            for text in asked:
                before = len(recorder.calls)
                cpu, started = time.process_time(), time.perf_counter()
                index.search(text)
                walls.append((time.perf_counter() - started) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
                per_search.append(len(recorder.calls) - before)
            kinds: dict[str, list[tuple[float, float]]] = {}
            for kind, took, wall in recorder.calls:
                kinds.setdefault(kind, []).append((took, wall))
            lines += [
                f"## {name}: {len(asked)} searches",
                "",
                f"Search wall p50 / p95 {statistics.median(walls):.0f} / {percentile(walls, 0.95):.0f} ms; "
                f"client CPU median {statistics.median(cpus):.1f} ms; requests per search median "
                f"{statistics.median(per_search):.0f}, max {max(per_search)}, mean {statistics.mean(per_search):.2f}.",
                "",
                "| request | per search | took p50 ms | wall p50 ms | wall sum share |",
                "|---|---|---|---|---|",
            ]
            total_wall = sum(w for _, _, w in recorder.calls) or 1.0
            for kind, values in sorted(kinds.items(), key=lambda kv: -sum(w for _, w in kv[1])):
                lines.append(
                    f"| {kind} | {len(values) / len(asked):.2f} | {statistics.median(t for t, _ in values):.0f} "
                    f"| {statistics.median(w for _, w in values):.0f} | {sum(w for _, w in values) / total_wall:.0%} |"
                )
            lines.append("")
        if args.parts:
            lines += [
                "## The page request's parts",
                "",
                "Each search's page request sent again as it was, and without one part (the nodes' took):",
                "",
                *page_costs(index, queries, recorder),
                "",
            ]
        if args.profile:
            lines += [
                "## The page request profiled",
                "",
                f"The page requests of {len(fresh)} other distinct queries, each profiled as its search sent it (the "
                "nodes' time by part, summed over the shards):",
                "",
                *page_profile(index, fresh, recorder),
                "",
            ]
    if args.note:
        lines += [args.note, ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
