"""Known-item search evaluation: does the release a user means come first?

Builds our index over the shared corpus (cached under .cache/known_items/, rebuilt only with --rebuild),
runs each query of a JSONL file (default benchmarks/known_items.jsonl: query, target path relative to the
corpus root, optional ticker/from/to) through ReleaseIndex.search (the code path of `releases search --json`),
and prints S@1, S@10 and MRR@10 next to a plain BM25 baseline: a separate Whoosh index of headline + body
(the whole release text), stemmed, OR-grouped, default BM25F, with the same ticker and date filters.
A hit counts when it is the target or one of its collapsed duplicates is.

    .venv/bin/python benchmarks/known_items.py [--rebuild] [--queries FILE] [--show-misses]
        [--backend whoosh|opensearch|both] [--url URL]

With --backend opensearch (or both) the same releases are indexed on an OpenSearch cluster (alias
known-items; updated incrementally, rebuilt with --rebuild) and searched through the same code path.

Writes the table to benchmarks/results/known_items.md (or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tarfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import build_index, open_index  # noqa: E402
from indexer.parse import parse_paths  # noqa: E402

SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
ARCHIVES = ("nasdaq100-2019", "newsworthy-archive-2023-2026", "wirefeed-newsml")
DEFAULT_CORPUS = ROOT / ".cache" / "corpus"
DEFAULT_CACHE = ROOT / ".cache" / "known_items"
DEFAULT_QUERIES = ROOT / "benchmarks" / "known_items.jsonl"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "known_items.md"
DEPTH = 10


# ---- Corpus and indexes ------------------------------------------------------------------------


def corpus_folders(corpus: Path) -> list[Path]:
    """The extracted archive folders, extracting from ../shared/corpus any that are missing."""
    folders = []
    for stem in ARCHIVES:
        folder = corpus / stem
        if not folder.is_dir():
            archive = SHARED_CORPUS / f"{stem}.tar.gz"
            if not archive.exists():
                sys.exit(f"no corpus: neither {folder} nor {archive} exists")
            print(f"extracting {archive} to {folder} ...", file=sys.stderr)
            folder.mkdir(parents=True)
            with tarfile.open(archive) as tar:
                tar.extractall(folder, filter="data")
        folders.append(folder)
    return folders


def ensure_engine_index(folders: list[Path], path: Path, rebuild: bool) -> None:
    """Build our index with indexer.build_index unless a cached one exists."""
    if (path / "CURRENT").exists() and not rebuild:
        return
    started = time.perf_counter()
    report = build_index([str(f) for f in folders], path, rebuild=True)
    print(
        f"engine index: {report.total} releases, {len(report.skipped)} files skipped, "
        f"{time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


OPENSEARCH_ALIAS = "known-items"


def ensure_opensearch_index(folders: list[Path], url: str | None, rebuild: bool, alias: str = OPENSEARCH_ALIAS) -> None:
    """Build (or update by content hash) the OpenSearch index of the corpus."""
    started = time.perf_counter()
    report = build_index([str(f) for f in folders], alias, rebuild=rebuild, backend="opensearch", url=url)
    print(
        f"opensearch index: {report.total} releases ({report.added} written), {len(report.skipped)} files skipped, "
        f"{time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


def _baseline_schema():
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    return fields.Schema(
        path=fields.ID(stored=True, unique=True),
        headline=fields.TEXT(analyzer=StemmingAnalyzer()),
        body=fields.TEXT(analyzer=StemmingAnalyzer()),
        symbol=fields.KEYWORD(commas=True, lowercase=True),
        date=fields.DATETIME(),
    )


def ensure_baseline_index(folders: list[Path], path: Path, rebuild: bool) -> None:
    """Build the plain BM25 index (headline + whole text) unless a cached one exists."""
    from whoosh.index import create_in, exists_in

    if exists_in(str(path)) and not rebuild:
        return
    started = time.perf_counter()
    path.mkdir(parents=True, exist_ok=True)
    index = create_in(str(path), _baseline_schema())
    count = 0
    with index.writer(limitmb=256) as writer:
        for release in parse_paths([str(f) for f in folders]):
            if not hasattr(release, "headline"):
                continue  # a file the parser skipped
            doc = {
                "path": f"{release.path}#{release.item}" if release.item else release.path,
                "headline": release.headline,
                "body": release.text,
                "symbol": ",".join(release.symbols),
            }
            if release.published_utc:
                doc["date"] = release.published_utc
            writer.add_document(**doc)
            count += 1
    print(f"baseline index: {count} releases, {time.perf_counter() - started:.0f} s", file=sys.stderr)


# ---- Queries -----------------------------------------------------------------------------------


def load_queries(path: Path) -> list[dict]:
    """The known-item queries, one JSON object per line."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _relative(path: str, corpus: Path) -> str:
    path = path.split("#", 1)[0]
    if not os.path.isabs(path):
        return path  # a hit's path is already the path inside the archive folder indexed
    try:
        return os.path.relpath(path, corpus)
    except ValueError:
        return path


def engine_ranked(index, item: dict, corpus: Path) -> list[set[str]]:
    """Our engine's top hits for one query, each as the set of paths it stands for (with duplicates)."""
    page = index.search(
        item["query"],
        tickers=[item["ticker"]] if item.get("ticker") else [],
        date_from=item.get("from"),
        date_to=item.get("to"),
        per_page=DEPTH,
    )
    return [{_relative(hit.path, corpus)} | {_relative(d["path"], corpus) for d in hit.duplicates} for hit in page.hits]


def baseline_ranked(searcher, parser, item: dict, corpus: Path) -> list[set[str]]:
    """The plain BM25 baseline's top hits for one query, with the same ticker and date filters."""
    from whoosh import query as wq

    query = parser.parse(item["query"])
    filters = []
    if item.get("ticker"):
        filters.append(wq.Term("symbol", item["ticker"].lower()))
    if item.get("from") or item.get("to"):
        lo = datetime.fromisoformat(item["from"]) if item.get("from") else None
        hi = datetime.fromisoformat(item["to"]) + timedelta(days=1, microseconds=-1) if item.get("to") else None
        filters.append(wq.DateRange("date", lo, hi))
    allow = wq.And(filters) if filters else None
    results = searcher.search(query, limit=DEPTH, filter=allow)
    return [{_relative(hit["path"], corpus)} for hit in results]


def rank_of(target: str, ranked: list[set[str]]) -> int | None:
    """1-based rank of the first hit standing for target, or None. Hits name their file by its path inside the
    archive folder indexed ('WLTW_016.json'), targets by the archive too ('nasdaq100-2019/WLTW_016.json')."""
    inside = target.split("/", 1)[-1]
    for i, paths in enumerate(ranked, 1):
        if target in paths or inside in paths:
            return i
    return None


def scores(ranks: list[int | None]) -> dict[str, float]:
    """S@1, S@10 and MRR@10 of a list of ranks."""
    n = len(ranks) or 1
    return {
        "S@1": sum(r == 1 for r in ranks) / n,
        "S@10": sum(r is not None and r <= DEPTH for r in ranks) / n,
        "MRR@10": sum(1 / r for r in ranks if r is not None and r <= DEPTH) / n,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--queries", type=Path, default=DEFAULT_QUERIES)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding the extracted archives")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="where the built indexes are kept")
    ap.add_argument("--rebuild", action="store_true", help="rebuild both indexes")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--show-misses", action="store_true", help="list queries whose target is not first")
    ap.add_argument("--backend", choices=("whoosh", "opensearch", "both"), default="whoosh")
    ap.add_argument("--url", help="OpenSearch cluster (default $RELEASES_OPENSEARCH_URL or http://127.0.0.1:9200)")
    ap.add_argument("--alias", default=OPENSEARCH_ALIAS, help="the OpenSearch index name (a shared cluster)")
    args = ap.parse_args(argv)
    backends = ("whoosh", "opensearch") if args.backend == "both" else (args.backend,)

    corpus = args.corpus.resolve()
    folders = corpus_folders(corpus)
    ensure_engine_index(folders, args.cache / "index", args.rebuild)
    if "opensearch" in backends:
        ensure_opensearch_index(folders, args.url, args.rebuild, args.alias)
    ensure_baseline_index(folders, args.cache / "baseline", args.rebuild)
    queries = load_queries(args.queries)

    from whoosh import qparser
    from whoosh.index import open_dir

    engines = {}  # backend -> (ranks, seconds)
    misses = []
    for backend in backends:
        where = args.cache / "index" if backend == "whoosh" else args.alias
        ranks = []
        started = time.perf_counter()
        with open_index(where, backend=backend, url=args.url) as index:
            for item in queries:
                ranked = engine_ranked(index, item, corpus)
                ranks.append(rank_of(item["target"], ranked))
                if ranks[-1] != 1:
                    misses.append((backend, item, ranks[-1], ranked[:3]))
        engines[backend] = (ranks, time.perf_counter() - started)
    baseline_ranks = []
    baseline = open_dir(str(args.cache / "baseline"))
    with baseline.searcher() as searcher:
        parser = qparser.MultifieldParser(["headline", "body"], baseline.schema, group=qparser.OrGroup)
        for item in queries:
            baseline_ranks.append(rank_of(item["target"], baseline_ranked(searcher, parser, item, corpus)))

    base = scores(baseline_ranks)
    rows, times = [], []
    for backend, (ranks, seconds) in engines.items():
        ours = scores(ranks)
        rows.append(
            f"| release search, {backend} (ReleaseIndex.search) | {ours['S@1']:.3f} | {ours['S@10']:.3f} "
            f"| {ours['MRR@10']:.3f} |"
        )
        times.append(f"{backend} {seconds / max(1, len(queries)) * 1000:.0f} ms")
    lines = [
        f"Known-item search: {len(queries)} queries from {_display(args.queries)}, "
        f"corpus {', '.join(f.name for f in folders)}.",
        "",
        "| engine | S@1 | S@10 | MRR@10 |",
        "|---|---|---|---|",
        *rows,
        f"| plain BM25 (headline + body, OR, stemmed) | {base['S@1']:.3f} | {base['S@10']:.3f} | {base['MRR@10']:.3f} |",
        "",
        "Targets: S@10 >= 0.98, MRR@10 >= 0.95, S@1 >= 0.93. "
        f"Engine time per query: {', '.join(times)} (warm after the first).",
    ]
    table = "\n".join(lines)
    print(table)
    if args.show_misses:
        print()
        for backend, item, rank, top in misses:
            print(f"{backend} rank {rank}: {item['query']!r} -> {item['target']}")
            for paths in top:
                print(f"    {sorted(paths)[0]}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(f"# Known-item search\n\n{table}\n", encoding="utf-8")
    return 0


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
