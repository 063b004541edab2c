"""Exports of whole result sets: rows per second and the memory a streamed export holds, by size.

Builds (or reuses) an index of synthetic releases (benchmarks/synth.py), then streams /api/export.csv and
/api/export.jsonl through the app (Flask's test client, unbuffered, every chunk consumed and dropped) for a
bound of 1,000 rows and for the whole set, measuring seconds and Python's peak allocated memory during the
export (tracemalloc). Bounded memory shows as a peak that does not grow with the rows.

    .venv/bin/python benchmarks/export_bench.py [--count 10000] [--index DIR]

Writes benchmarks/results/export.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "results" / "export.md"


def _consume(client, url: str) -> int:
    """Stream one export, every chunk read and dropped; its row count (the X-Export-Count header)."""
    response = client.get(url, buffered=False)
    for _ in response.response:
        pass
    response.close()
    return int(response.headers["X-Export-Count"])


def _measure(client, url: str) -> tuple[int, float, float]:
    """(rows, seconds, peak MB) of one streamed export: timed alone, then run again under tracemalloc (which
    slows Python down) for the peak."""
    started = time.perf_counter()
    rows = _consume(client, url)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    _consume(client, url)
    peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    tracemalloc.stop()
    return rows, seconds, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="synthetic releases to index")
    parser.add_argument("--index", help="an existing index to export from instead")
    args = parser.parse_args()

    from indexer import build_index, open_index
    from webapp import create_app

    workdir = tempfile.TemporaryDirectory(prefix="export-bench-")
    index = Path(args.index) if args.index else Path(workdir.name) / "index"
    if not args.index:
        import importlib.util

        spec = importlib.util.spec_from_file_location("synth", ROOT / "benchmarks" / "synth.py")
        synth = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(synth)
        synth.write_corpus(str(Path(workdir.name) / "releases"), args.count, seed=11)
        build_index([Path(workdir.name) / "releases"], index)
    with open_index(index) as opened:
        total = opened.search("").total
    client = create_app({"RELEASES_INDEX": str(index)}).test_client()
    client.get("/api/export.csv?limit=10")  # open the index once, outside the measurements
    lines = [
        f"# Streamed exports, {total:,} releases (synthetic)",
        "",
        "| export | rows | seconds | rows/s | peak Python memory (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, url in (
        ("CSV, first 1,000", "/api/export.csv?sort=newest&limit=1000"),
        ("CSV, whole set", "/api/export.csv?sort=newest"),
        ("CSV with body text, whole set", "/api/export.csv?sort=newest&body=1"),
        ("JSON Lines, whole set", "/api/export.jsonl?sort=newest"),
        ("JSON Lines, relevance, 'acquisition'", "/api/export.jsonl?q=acquisition"),
    ):
        rows, seconds, peak = _measure(client, url)
        lines.append(f"| {label} | {rows:,} | {seconds:.2f} | {rows / seconds:,.0f} | {peak:.1f} |")
        print(lines[-1], flush=True)
    lines += [
        "",
        "Seconds are of a run alone; peak memory is what Python allocated during a second run (tracemalloc), the",
        "index's caches included. It stays flat as the rows grow: rows are read 500 stored documents at a time and",
        "written out 200 rows per chunk. Measured on the shared 2-core machine while other work ran.",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
