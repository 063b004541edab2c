"""Query latency through the Python API: p50/p95 for term, phrase, fielded, date-range and faceted searches.

Opens an index once (the time to open it and to answer the first query is printed apart), then runs
each kind of query over a fixed list, several rounds, through `ReleaseIndex.search` (exact totals,
facet counts over the whole result set, a page of hits with snippets, as `releases search --json`).
Facet values used as filters are taken from the index itself (its top tickers, wires and years), so
the same script runs on the synthetic 100,000-release index and on the shared corpus.

    .venv/bin/python benchmarks/query_bench.py [INDEX] [--label NAME] [--rounds 5]
    .venv/bin/python benchmarks/query_bench.py --corpus      # builds/uses the shared corpus index

Default INDEX: .cache/bench/index-ours-100000 (made by benchmarks/build_bench.py). Writes its table to
benchmarks/results/query-<label>.md. The cache of finished pages is off, so every search runs in full
(`--result-cache 256` measures a server's repeated searches instead); the first run of each query, when
its postings and phrases come from disk, is reported apart.
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

from indexer import QueryError, build_index, open_index  # noqa: E402
from indexer.backends.whoosh.result_cache import RESULT_CACHE_ENV  # noqa: E402

DEFAULT_INDEX = ROOT / ".cache" / "bench" / "index-ours-100000"
CORPUS = ROOT / ".cache" / "corpus"
CORPUS_INDEX = ROOT / ".cache" / "bench" / "index-corpus"
OUT = ROOT / "benchmarks" / "results"

WORDS = [
    "dividend",
    "acquisition",
    "revenue",
    "clinical",
    "offering",
    "appointed",
    "lawsuit",
    "partnership",
    "quarter",
    "guidance",
    "patent",
    "merger",
    "earnings",
    "financing",
    "trial",
    "launch",
    "award",
    "expansion",
    "shareholders",
    "board",
]
PHRASES = [
    '"conference call"',
    '"fourth quarter"',
    '"forward-looking statements"',
    '"press release"',
    '"annual meeting"',
    '"chief executive officer"',
    '"net income"',
    '"class action"',
    '"phase 2"',
    '"cash dividend"',
]
FIELDED = [
    "headline:dividend",
    "headline:acquisition",
    "company:inc",
    "body:revenue",
    "headline:trial",
    "wire:globe",
    "location:york",
    'headline:"conference call"',
    "lede:announced",
    "headline:appoints",
]
DATES = [
    "date:[2015-01-01 TO 2016-06-30] revenue",
    "date:2019 dividend",
    "date:>2020-01-01 acquisition",
    "date:[2012-01-01 TO 2012-12-31]",
    "date:2023-05 earnings",
    "date:<2014 offering",
    "date:[2018-03-01 TO 2018-09-30] board",
    "date:2021 launch",
    "date:>=2024 guidance",
    "date:2016 trial",
]


def faceted(index) -> list[tuple[str, dict]]:
    """Searches with facet filters selected, built from the index's own top values."""
    stats = index.stats()
    tickers = [v["value"] for v in stats["top"]["ticker"]][:5] or ["X"]
    wires = [v["value"] for v in stats["top"]["wire"]][:3] or ["X"]
    years = [v["value"] for v in stats["top"]["year"]][:4] or ["2020"]
    out = []
    for n, word in enumerate(WORDS[:10]):
        # One facet selected, or two (a wire and a year): what a reader clicks in the side bar.
        filters = {"wire": [wires[n % len(wires)]]} if n % 2 else {"year": [years[n % len(years)]]}
        if n % 3 == 0:
            filters["wire"] = [wires[0]]
        out.append((word, {"filters": filters}))
    out.append(("", {"filters": {"wire": wires[:2]}}))
    out.append(("", {"tickers": tickers[:1]}))
    return out


def run(
    index, queries: list[tuple[str, dict]], rounds: int, stopped: list | None = None, cpu: list | None = None
) -> list[float]:
    """Milliseconds per search, every query run `rounds` times; searches stopped by the time limit are
    counted in `stopped` (their time, the limit, is kept); `cpu` gets each search's CPU milliseconds
    (this thread's), which other jobs on a shared machine inflate far less than the elapsed time."""
    times = []
    for _ in range(rounds):
        for query, options in queries:
            started, started_cpu = time.perf_counter(), time.thread_time()
            try:
                index.search(query, **options)
            except QueryError:
                if stopped is not None:
                    stopped.append(query)
            times.append((time.perf_counter() - started) * 1000)
            if cpu is not None:
                cpu.append((time.thread_time() - started_cpu) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(share * len(ordered))) - 1))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", nargs="?", type=Path)
    parser.add_argument("--corpus", action="store_true", help="the shared corpus (index built if missing)")
    parser.add_argument("--label")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--result-cache",
        type=int,
        default=0,
        help="pages of finished results kept per snapshot (default 0: measure the searches themselves)",
    )
    args = parser.parse_args(argv)
    os.environ[RESULT_CACHE_ENV] = str(args.result_cache)
    if args.corpus:
        path, label = args.index or CORPUS_INDEX, args.label or "corpus"
        if not (path / "CURRENT").exists():
            folders = sorted(str(p) for p in CORPUS.iterdir() if p.is_dir())
            print(f"building {path} from {', '.join(folders)} ...", flush=True)
            build_index(folders, path)
    else:
        path, label = args.index or DEFAULT_INDEX, args.label or "synthetic-100k"
    started = time.perf_counter()
    with open_index(path) as index:
        index.search("dividend")
        first = (time.perf_counter() - started) * 1000
        releases = index.stats()["releases"]
        kinds = {
            "term": [(w, {}) for w in WORDS],
            "phrase": [(p, {}) for p in PHRASES],
            "fielded": [(f, {}) for f in FIELDED],
            "date range": [(d, {}) for d in DATES],
            "faceted": faceted(index),
            "match all": [("", {}), ("", {"sort": "oldest"})],
        }
        # The first run of each query (cold postings and phrases), which also warms caches and pages.
        first_runs = {kind: run(index, queries, 1, []) for kind, queries in kinds.items()}
        rows = []
        for kind, queries in kinds.items():
            stopped: list = []
            cpu: list = []
            times = run(index, queries, args.rounds, stopped, cpu)
            rows.append(
                (
                    kind,
                    len(queries),
                    statistics.median(times),
                    percentile(times, 0.95),
                    max(times),
                    percentile(cpu, 0.95),
                    max(first_runs[kind]),
                    len(stopped),
                )
            )
    lines = [
        f"Index: {path} ({releases:,} releases). Opening it and answering a first query: {first:.0f} ms.",
        "",
        "| query kind | queries | p50 ms | p95 ms | max ms | p95 CPU ms | first run, max ms | stopped at the time limit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {k} | {n} | {p50:.1f} | {p95:.1f} | {mx:.1f} | {p95cpu:.1f} | {first:.1f} | {st} |"
        for k, n, p50, p95, mx, p95cpu, first, st in rows
    ]
    lines.append("")
    lines.append(
        f"{args.rounds} rounds after a first run of each query, one thread, {time.strftime('%Y-%m-%d %H:%M')}; "
        "each search computes the exact total, 7 facets over the whole result set, the timeline and one "
        "page of 10 hits with snippets. "
        + (
            f"The cache of finished pages held {args.result_cache} per snapshot, so repeated searches were "
            "served from it. "
            if args.result_cache
            else "The cache of finished pages was off (every search ran in full; postings and phrases "
            "read in the first run stay cached, as in a running server). "
        )
        + "CPU ms: the searching thread's CPU time, which waiting for a shared core does not count. "
        + "Load average at the end: "
        f"{' '.join(f'{x:.1f}' for x in os.getloadavg())} (the machine was shared)."
    )
    text = "\n".join(lines) + "\n"
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"query-{label}.md").write_text(f"# Query latency: {label}\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
