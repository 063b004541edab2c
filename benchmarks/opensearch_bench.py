"""Whoosh next to the three-node OpenSearch test cluster: build time and query latency on the same releases.

For each data set (the shared corpus, and N seeded synthetic releases from benchmarks/synth.py, cached
under .cache/bench/synth-42 like build_bench.py's), it builds a fresh Whoosh index and a fresh OpenSearch
index (2 shards, 1 replica, on the cluster of .ci/opensearch.sh), parsing included, then runs the same
queries on both through the Python API (`ReleaseIndex.search`: exact total, facets, timeline, a page of
hits with snippets), several rounds, and prints p50/p95 per backend; then --distinct queries never asked
before (two or three words of sampled headlines, seeded), each once per backend, so no cache answers.
The machine is shared: load averages are printed next to the figures.

    bash .ci/opensearch.sh start
    .venv/bin/python benchmarks/opensearch_bench.py [--synthetic 100000] [--no-corpus] [--rounds 3] [--distinct 200]

Writes benchmarks/results/opensearch.md (or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from indexer import build_index, open_index  # noqa: E402
from indexer.backends import opensearch_url  # noqa: E402

DATA = ROOT / ".cache" / "bench"
CORPUS = ROOT.parent / "shared" / "corpus"
EXTRACTED = ROOT / ".cache" / "corpus"
OUT = ROOT / "benchmarks" / "results" / "opensearch.md"
SHARDS, REPLICAS = 2, 1

# (kind, query, options): words, phrases, boolean logic, patterns, a typo, filters and dates, browsing.
QUERIES = [
    ("word", "acquisition", {}),
    ("word", "dividend", {}),
    ("words", "quarterly revenue growth", {}),
    ("words", "clinical trial results", {}),
    ("phrase", '"conference call"', {}),
    ("phrase", '"fourth quarter"', {}),
    ("boolean", "merger AND biotech", {}),
    ("boolean", "acquisition NOT lawsuit", {}),
    ("prefix", "immuno*", {}),
    ("fuzzy", "acquisiton~", {}),
    ("typo", "aquisition", {}),
    ("fielded", "headline:partnership", {}),
    ("date", "earnings date:[2019-01-01 TO 2019-12-31]", {}),
    ("filtered", "revenue", {"filters": {"wire": ["Business Wire", "PR Newswire"]}}),
    ("sorted", "appointed", {"sort": "newest"}),
    ("browse", "", {}),
    ("browse", "", {"filters": {"year": ["2025"]}}),
    ("deep page", "announces", {"page": 20}),
]


def corpus_folders() -> list[str]:
    """The shared corpus's archive folders, extracted to .cache/corpus when missing."""
    folders = []
    for archive in sorted(CORPUS.glob("*.tar.gz")) if CORPUS.is_dir() else []:
        folder = EXTRACTED / archive.name.removesuffix(".tar.gz")
        if not folder.is_dir():
            print(f"extracting {archive.name} ...", flush=True)
            with tarfile.open(archive) as tar:
                tar.extractall(folder, filter="data")
        folders.append(str(folder))
    if not folders and EXTRACTED.is_dir():
        folders = [str(p) for p in sorted(EXTRACTED.iterdir()) if p.is_dir()]
    return folders


def synthetic_folders(size: int) -> list[str]:
    """Folders of the first `size` seeded synthetic releases (written once; shared with build_bench.py)."""
    from build_bench import corpus

    return corpus(DATA, size)


def build_whoosh(name: str, sources: list[str], workers: int, reuse: bool) -> dict:
    """Build the Whoosh index of sources (or, with reuse, take the one a previous run built and timed)."""
    whoosh_path = DATA / f"os-bench-whoosh-{name}"
    record = whoosh_path.with_suffix(".json")
    if reuse and record.exists() and whoosh_path.exists():
        built = json.loads(record.read_text())
        print(f"  whoosh: reusing {built['releases']:,} releases built in {built['whoosh_s']:,.0f} s", flush=True)
        return {**built, "whoosh_path": whoosh_path}
    shutil.rmtree(whoosh_path, ignore_errors=True)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    report = build_index(sources, whoosh_path, rebuild=True, procs=workers)
    whoosh_s = time.perf_counter() - started
    print(f"  whoosh: {report.total:,} releases in {whoosh_s:,.0f} s (load {load:.1f})", flush=True)
    built = {"releases": report.total, "whoosh_s": whoosh_s, "whoosh_load": load}
    record.write_text(json.dumps(built))
    return {**built, "whoosh_path": whoosh_path}


def build_both(
    name: str, sources: list[str], url: str, workers: int, reuse: bool, reuse_os: bool = False, prefix: str = "bench"
) -> dict:
    """Build the Whoosh and the OpenSearch index of sources; their sizes and times."""
    from indexer.backends.opensearch.build import build_index as build_opensearch
    from indexer.backends.opensearch.store import OpenSearchStore

    whoosh = build_whoosh(name, sources, workers, reuse)
    alias = f"{prefix}-{name}"
    record = DATA / f"os-bench-opensearch-{name}.json"
    store = OpenSearchStore(alias, url)
    if reuse_os and record.exists() and store.live() is not None:
        built = json.loads(record.read_text())
        print(f"  opensearch: reusing {built['os_releases']:,} releases built in {built['os_s']:,.0f} s", flush=True)
    else:
        store.drop()
        load2 = os.getloadavg()[0]
        started = time.perf_counter()
        os_report = build_opensearch(
            sources, alias, url=url, rebuild=True, procs=workers, shards=SHARDS, replicas=REPLICAS
        )
        built = {"os_releases": os_report.total, "os_s": time.perf_counter() - started, "os_load": load2}
        record.write_text(json.dumps(built))
        print(
            f"  opensearch: {built['os_releases']:,} releases in {built['os_s']:,.0f} s (load {load2:.1f})", flush=True
        )
    return {**whoosh, **built, "alias": alias, "load": (whoosh["whoosh_load"], built["os_load"])}


def timed(index, text: str, options: dict, stopped: list[str]) -> float:
    """Seconds one search took; a search stopped by the time limit counts with the time it ran, and is listed."""
    from indexer.model import QueryError

    started = time.perf_counter()
    try:
        index.search(text, **options)
    except QueryError as exc:
        if "took longer than" not in str(exc):
            raise
        stopped.append(text)
    return time.perf_counter() - started


def latencies(index, rounds: int, stopped: list[str]) -> dict[str, list[float]]:
    """Seconds per search, by kind of query, over all rounds (after one warm-up pass)."""
    for _, text, options in QUERIES:
        timed(index, text, options, [])
    found: dict[str, list[float]] = {}
    for _ in range(rounds):
        for kind, text, options in QUERIES:
            found.setdefault(kind, []).append(timed(index, text, options, stopped))
    return found


def distinct_queries(index, count: int, seed: int = 7) -> list[str]:
    """count different queries: two or three words of headlines sampled from the index (seeded)."""
    import random

    rng = random.Random(seed)
    total = index.search("", per_page=1).total
    found: list[str] = []
    seen = set()
    while len(found) < count and total:
        page = index.search("", per_page=50, page=rng.randrange(1, max(2, min(total // 50, 1000))))
        for hit in page.hits:
            words = [w for w in (hit.headline or "").split() if w.isalpha() and len(w) > 3]
            if len(words) < 2:
                continue
            text = " ".join(rng.sample(words, min(len(words), rng.choice((2, 3))))).lower()
            if text not in seen and not _only_stop_words(text):
                seen.add(text)
                found.append(text)
    return found[:count]


def _only_stop_words(text: str) -> bool:
    """Whether a search refuses text for holding only words the index leaves out ('from with')."""
    from indexer.match_mode import check_not_stop_words
    from indexer.model import QueryError
    from indexer.query import parse_query

    try:
        check_not_stop_words(parse_query(text).tree)
    except QueryError:
        return True
    return False


def distinct_latencies(index, queries: list[str], stopped: list[str]) -> list[float]:
    """Seconds per search for queries asked once each."""
    return [timed(index, text, {}, stopped) for text in queries]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--synthetic", type=int, default=100_000, help="synthetic releases (multiple of 1000)")
    parser.add_argument("--no-corpus", action="store_true", help="skip the shared corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--distinct", type=int, default=200, help="queries asked once each (no cache answers)")
    parser.add_argument("--workers", type=int, default=2, help="parse workers for both builds")
    parser.add_argument("--url", default=None, help="OpenSearch (default $RELEASES_OPENSEARCH_URL or :9200)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--reuse-whoosh", action="store_true", help="keep Whoosh indexes a previous run built")
    parser.add_argument("--reuse-opensearch", action="store_true", help="keep OpenSearch indexes a previous run built")
    parser.add_argument("--prefix", default="bench", help="OpenSearch index names start with this (a shared cluster)")
    parser.add_argument("--note", default="", help="a paragraph to add to the results (what was left out, why)")
    args = parser.parse_args(argv)
    url = opensearch_url(args.url)
    DATA.mkdir(parents=True, exist_ok=True)

    sets = []
    if not args.no_corpus:
        folders = corpus_folders()
        if folders:
            sets.append(("corpus", folders))
        else:
            print("no shared corpus: skipped", flush=True)
    if args.synthetic:
        sets.append((f"synthetic-{args.synthetic}", synthetic_folders(args.synthetic)))

    rows, query_rows, stopped = [], [], []
    for name, sources in sets:
        print(f"{name}: building ...", flush=True)
        built = build_both(name, sources, url, args.workers, args.reuse_whoosh, args.reuse_opensearch, args.prefix)
        with (
            open_index(built["whoosh_path"]) as whoosh,
            open_index(built["alias"], backend="opensearch", url=url) as os_,
        ):
            w_stopped, o_stopped = [], []
            w_lat, o_lat = latencies(whoosh, args.rounds, w_stopped), latencies(os_, args.rounds, o_stopped)
            fresh = distinct_queries(whoosh, args.distinct)
            w_fresh, o_fresh = distinct_latencies(whoosh, fresh, w_stopped), distinct_latencies(os_, fresh, o_stopped)
            stopped.append((name, w_stopped, o_stopped))
            stats = os_.stats()
        w_all = [v for vs in w_lat.values() for v in vs]
        o_all = [v for vs in o_lat.values() for v in vs]
        rows.append((name, built, w_all, o_all, stats, w_fresh, o_fresh))
        for kind in w_lat:
            query_rows.append((name, kind, statistics.median(w_lat[kind]), statistics.median(o_lat[kind])))
        print(
            f"  queries p50/p95: whoosh {statistics.median(w_all) * 1000:.0f}/{percentile(w_all, 0.95) * 1000:.0f} ms, "
            f"opensearch {statistics.median(o_all) * 1000:.0f}/{percentile(o_all, 0.95) * 1000:.0f} ms",
            flush=True,
        )
        print(
            f"  {len(fresh)} distinct queries p50/p95: whoosh {statistics.median(w_fresh) * 1000:.0f}/"
            f"{percentile(w_fresh, 0.95) * 1000:.0f} ms, opensearch {statistics.median(o_fresh) * 1000:.0f}/"
            f"{percentile(o_fresh, 0.95) * 1000:.0f} ms",
            flush=True,
        )

    lines = [
        "# Whoosh next to a three-node OpenSearch cluster",
        "",
        f"Produced by `benchmarks/opensearch_bench.py` on {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} cores, CPython {platform.python_version()}, OpenSearch on loopback "
        f"({SHARDS} shards, {REPLICAS} replica, 3 nodes, {os.environ.get('OPENSEARCH_HEAP', '384m')} heap each "
        "(OPENSEARCH_HEAP of .ci/opensearch.sh), all nodes on the same machine as "
        f"the builds). Builds parse with {args.workers} workers; query figures are through `ReleaseIndex.search` "
        f"(exact total, all default facets, timeline, a page of 10 hits with snippets), {args.rounds} rounds "
        f"after a warm-up pass. The machine is shared with other work: load averages are given.",
        "",
        "| data | releases | Whoosh build | OpenSearch build | Whoosh p50 / p95 | OpenSearch p50 / p95 "
        "| distinct queries | Whoosh p50 / p95 | OpenSearch p50 / p95 | load at builds |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, built, w_all, o_all, _, w_fresh, o_fresh in rows:
        lines.append(
            f"| {name} | {built['releases']:,} | {built['whoosh_s']:,.0f} s ({built['releases'] / built['whoosh_s']:,.0f}/s) "
            f"| {built['os_s']:,.0f} s ({built['os_releases'] / built['os_s']:,.0f}/s) "
            f"| {statistics.median(w_all) * 1000:.0f} / {percentile(w_all, 0.95) * 1000:.0f} ms "
            f"| {statistics.median(o_all) * 1000:.0f} / {percentile(o_all, 0.95) * 1000:.0f} ms "
            f"| {len(w_fresh)} "
            f"| {statistics.median(w_fresh) * 1000:.0f} / {percentile(w_fresh, 0.95) * 1000:.0f} ms "
            f"| {statistics.median(o_fresh) * 1000:.0f} / {percentile(o_fresh, 0.95) * 1000:.0f} ms "
            f"| {built['load'][0]:.1f} / {built['load'][1]:.1f} |"
        )
    lines += [
        "",
        "Median latency by kind of query (ms):",
        "",
        "| data | kind | Whoosh | OpenSearch |",
        "|---|---|---|---|",
    ]
    for name, kind, w, o in query_rows:
        lines.append(f"| {name} | {kind} | {w * 1000:.0f} | {o * 1000:.0f} |")
    for name, w_stopped, o_stopped in stopped:
        if w_stopped or o_stopped:
            lines += [
                "",
                f"Stopped by the 10 s time limit ({name}; counted above with the time they ran): "
                f"Whoosh {len(w_stopped)} ({', '.join(sorted(set(w_stopped))) or '-'}), "
                f"OpenSearch {len(o_stopped)} ({', '.join(repr(t) for t in sorted(set(o_stopped))) or '-'}).",
            ]
    if args.note:
        lines += ["", args.note]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"\nwritten to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
