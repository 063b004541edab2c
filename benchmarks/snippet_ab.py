"""Snippets inside requests: this checkout's make_snippet against another revision's, on alternate requests.

A snippet's cost in a tight loop (the same few texts, tables hot in the CPU's caches) is not its cost inside
a request, where matching, ranking and facets ran in between: a table of word openings kept across requests
made snippets 20 % quicker in a loop and 10 % slower in requests. Here both versions answer requests of
load.py's seeded stream of distinct queries in one process, one request each in turn (the same machine
state for both), and the thread CPU of each snippet is summed per version; the snippets must agree.

    python benchmarks/snippet_ab.py --index .cache/bench/index-cols-100000 --rev main --requests 1500
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from load import WARMUP, stream_paths  # noqa: E402 (the paths above first)


def other_snippets(rev: str) -> types.ModuleType:
    """indexer/snippets.py of another revision, loaded as a module of the indexer package."""
    source = subprocess.run(
        ["git", "show", f"{rev}:indexer/snippets.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    module = types.ModuleType("indexer.snippets_other")
    module.__package__ = "indexer"
    exec(compile(source, f"{rev}:indexer/snippets.py", "exec"), module.__dict__)  # noqa: S102 (our own file)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--synthetic", type=int, default=100000)
    parser.add_argument("--rev", default="main", help="the revision to compare with (git)")
    parser.add_argument("--requests", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    from build_bench import corpus

    from indexer import snippets
    from indexer.backends.whoosh import backend
    from webapp import create_app, server

    versions = {"this checkout": snippets.make_snippet, args.rev: other_snippets(args.rev).make_snippet}
    spent = dict.fromkeys(versions, 0.0)
    counts = dict.fromkeys(versions, 0)
    differ = 0
    turn = {"name": "this checkout"}

    def snippet(_snap, _docnum, stored, terms):
        nonlocal differ
        name = turn["name"]
        started = time.thread_time()
        found = versions[name](stored, terms)
        spent[name] += time.thread_time() - started
        counts[name] += 1
        other = next(n for n in versions if n != name)
        differ += versions[other](stored, terms) != found  # (not timed)
        return found

    backend._Snapshot.snippet = snippet  # every hit's snippet made anew, by the version whose turn it is
    sources = corpus(ROOT / ".cache" / "bench", args.synthetic)
    paths = stream_paths(sources, args.index, f"synthetic-{args.synthetic}", WARMUP + args.requests, args.seed)
    app = create_app({"RELEASES_INDEX": str(args.index)})
    server.settle_memory(app)
    client = app.test_client()
    for n, path in enumerate(paths):
        if n == WARMUP:
            spent, counts = dict.fromkeys(versions, 0.0), dict.fromkeys(versions, 0)
        turn["name"] = list(versions)[n % 2]
        client.get(path)
    lines = [
        f"# Snippets inside requests: this checkout against {args.rev} (synthetic-{args.synthetic})",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `benchmarks/snippet_ab.py` (index {args.index.name}, "
        f"load.py's seeded stream, seed {args.seed}; {WARMUP} warm-up requests, then {args.requests:,} requests "
        f"answered alternately by each version's make_snippet in one process; load average "
        f"{os.getloadavg()[0]:.1f}). Thread CPU per snippet:",
        "",
        "| snippets of | us a snippet | snippets |",
        "|---|---:|---:|",
        *(f"| {name} | {spent[name] * 1e6 / max(1, counts[name]):.1f} | {counts[name]:,} |" for name in versions),
        "",
        f"Snippets that differ between the two: {differ} of {sum(counts.values()):,}.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    (ROOT / "benchmarks" / "results" / f"snippet-ab-synthetic-{args.synthetic}.md").write_text(text)
    return 0 if not differ else 1


if __name__ == "__main__":
    raise SystemExit(main())
