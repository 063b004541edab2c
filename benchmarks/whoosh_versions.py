"""Whoosh 2.7.4 against whoosh-reloaded 2.7.5: plain indexing speed on the same documents.

Parses N synthetic releases once (benchmarks/synth.py, our parser and schema), saves the documents, then
indexes them with one plain `index.writer()` (defaults) under each interpreter given: ours (Whoosh 2.7.4)
and one from a throwaway venv with whoosh-reloaded installed. Runs alternate (A B A B ...) so that a
change in the machine's load hits both; the best and median of each are printed.

    python3 -m venv /tmp/reloaded && /tmp/reloaded/bin/pip install whoosh-reloaded==2.7.5
    .venv/bin/python benchmarks/whoosh_versions.py --other /tmp/reloaded/bin/python [--count 10000] [--runs 3]

Writes benchmarks/results/whoosh_versions.md.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "whoosh_versions.md"

# Runs in each interpreter: only Whoosh and the pickled documents (their schema comes along pickled).
CHILD = r"""
import pickle, sys, tempfile, time, shutil
import whoosh
from whoosh.index import create_in
schema, docs = pickle.load(open(sys.argv[1], "rb"))
folder = tempfile.mkdtemp()
started = time.perf_counter()
index = create_in(folder, schema)
writer = index.writer()
for doc in docs:
    writer.add_document(**doc)
added = time.perf_counter()
writer.commit()
done = time.perf_counter()
shutil.rmtree(folder)
print(".".join(map(str, whoosh.__version__)), len(docs), done - started, added - started, done - added)
"""


def prepare(count: int, path: str) -> None:
    """Parse count synthetic releases and pickle (schema, documents) to path."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    from indexer.documents import documents_of
    from indexer.parse import Source
    from indexer.schema import build_schema

    docs = []
    for name, text in synth.generate(count, seed=42):
        docs.extend(documents_of(Source(name, text.encode("utf-8"))))
    with open(path, "wb") as handle:
        pickle.dump((build_schema(), docs), handle)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--other", required=True, help="python of a venv with whoosh-reloaded")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.pickle")
        prepare(args.count, docs)
        env = dict(os.environ, PYTHONPATH=str(ROOT))  # the schema's analyzer classes live in indexer/
        results: dict[str, list[tuple[float, float, float]]] = {}
        for _ in range(args.runs):
            for python in (sys.executable, args.other):
                out = subprocess.run([python, "-c", CHILD, docs], capture_output=True, text=True, env=env, check=True)
                version, count, total, add, commit = out.stdout.split()
                results.setdefault(version, []).append((float(total), float(add), float(commit)))
                print(f"Whoosh {version}: {int(count) / float(total):.0f} releases/s", flush=True)
    lines = [
        "| Whoosh | best releases/s | median releases/s | median add s | median commit s |",
        "|---|---:|---:|---:|---:|",
    ]
    for version, runs in results.items():
        totals = [r[0] for r in runs]
        lines.append(
            f"| {version} | {args.count / min(totals):.0f} | {args.count / statistics.median(totals):.0f} | "
            f"{statistics.median(r[1] for r in runs):.1f} | {statistics.median(r[2] for r in runs):.1f} |"
        )
    lines += [
        "",
        f"{args.count:,} synthetic releases parsed once, indexed by one plain writer (defaults, our schema), "
        f"{args.runs} alternating runs each, {os.cpu_count()} cores shared with other jobs (load average "
        f"{os.getloadavg()[0]:.1f} at the end), {time.strftime('%Y-%m-%d %H:%M')}.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("# Whoosh 2.7.4 and whoosh-reloaded 2.7.5\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
