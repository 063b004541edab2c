"""Parse the whole shared corpus and print, per archive, how often each field is found and how fast.

Reads the archives in ../shared/corpus/ directly (the parser opens .tar.gz files in memory, as `releases index`
does), parses every member in this process and prints a table: files, releases, files skipped, the share of
releases with a headline, a date, at least one ticker, a wire, a location and a company, the share flagged
editorial or sponsored, and the parse rate: releases per second of parsing (reading and unpacking excluded),
by the wall clock and by this process's CPU time (which other work on a busy machine does not inflate).

    .venv/bin/python benchmarks/parse_corpus.py [--corpus DIR] [--out FILE] [--skips]

Writes the table to benchmarks/results/parse_corpus.md (or --out).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.model import ParseError  # noqa: E402
from indexer.parse import iter_sources, parse_source  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "parse_corpus.md"
FIELDS = ("headline", "date", "ticker", "wire", "location", "company")


def measure(archive: Path) -> dict:
    """Parse every file of one archive; count fields found, skips and parse time."""
    stats: Counter = Counter()
    skips: Counter = Counter()
    seconds = cpu = 0.0
    for source in iter_sources([archive]):
        stats["files"] += 1
        if isinstance(source, ParseError):
            stats["skipped"] += 1
            skips[source.reason] += 1
            continue
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            releases = parse_source(source)
        except ParseError as exc:
            releases = []
            stats["skipped"] += 1
            skips[exc.reason.split(":")[0]] += 1
        seconds += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        for release in releases:
            stats["releases"] += 1
            stats["headline"] += bool(release.headline)
            stats["date"] += release.published is not None
            stats["ticker"] += bool(release.tickers)
            stats["wire"] += bool(release.wire)
            stats["location"] += bool(release.location)
            stats["company"] += bool(release.company)
            stats["editorial"] += "editorial" in release.flags
            stats["sponsored"] += "sponsored" in release.flags
    stats["seconds"], stats["cpu"] = seconds, cpu
    return {"stats": stats, "skips": skips}


def table(results: dict[str, dict]) -> str:
    """The Markdown table of results."""
    head = (
        "| archive | files | releases | skipped | "
        + " | ".join(FIELDS)
        + " | editorial | sponsored | releases/s (wall) | releases/s (CPU) |"
    )
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for name, result in results.items():
        s = result["stats"]
        n = max(1, s["releases"])
        shares = " | ".join(f"{s[f] / n:.1%}" for f in (*FIELDS, "editorial", "sponsored"))
        rate = s["releases"] / s["seconds"] if s["seconds"] else 0.0
        cpu_rate = s["releases"] / s["cpu"] if s["cpu"] else 0.0
        lines.append(
            f"| {name} | {s['files']} | {s['releases']} | {s['skipped']} | {shares} | {rate:,.0f} | {cpu_rate:,.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder holding the *.tar.gz archives")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--skips", action="store_true", help="list why files were skipped")
    args = parser.parse_args(argv)
    archives = sorted(args.corpus.glob("*.tar.gz"))
    if not archives:
        print(f"no *.tar.gz archives in {args.corpus}: point --corpus at the shared corpus", file=sys.stderr)
        return 1
    results = {}
    for archive in archives:
        name = archive.name.removesuffix(".tar.gz")
        print(f"parsing {name} ...", file=sys.stderr, flush=True)
        results[name] = measure(archive)
    report = table(results)
    print(report)
    if args.skips:
        for name, result in results.items():
            for reason, count in result["skips"].most_common():
                print(f"  {name}: {count} x {reason}")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores,"
        f" one process, load average {load:.1f} at the end"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        "# Parser coverage and speed on the shared corpus\n\n"
        "Share of releases where the parser found each field, and releases parsed per second "
        f"(parsing only; {machine}). Produced by `benchmarks/parse_corpus.py`.\n\n{report}\n\n"
        "The wirefeed rate includes the first imports of the HTML and XML readers (nine files).\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
