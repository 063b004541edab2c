"""Exact totals with many copy groups, OpenSearch against Whoosh, at the largest size this machine allows.

Writes seeded synthetic releases (benchmarks/synth.py) and copies of some of them: a share of the releases get
a second copy with the same text; of those, every other group gets two later copies holding a sentence their
earliest copy lacks ("orphans": the hard case of the representative design, docs/opensearch.md), and every third
an earlier-named copy holding it (the representative holds the word). Builds both backends (rebuild, same
parse workers), then compares, for a fixed set of queries and distinct two-word headline queries, the total,
the some-words total, the undated count, the timeline and every facet; counts the requests each search made.
CPU is measured per side: the build process and its parse workers (getrusage), and the cluster's nodes
(/proc/<pid>/stat of the pids in $OPENSEARCH_CACHE_DIR/nodes), since the machine is shared.

    PYTHONPATH=. python benchmarks/opensearch_copies.py --count 20000 [--url URL]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from indexer import build_index, open_index  # noqa: E402
from indexer.schema import FACETS  # noqa: E402

DATA = ROOT / ".cache" / "bench"
OUT = ROOT / "benchmarks" / "results" / "opensearch_copies.md"
EXTRA = "The company also described its zebrafish research program in a separate statement."
FIXED = ("", "zebrafish", "zebrafish dividend", "dividend", "announces", "research program", "zebrafish OR dividend")
ALL_FACETS = tuple(f.name for f in FACETS)


def with_extra(text: str) -> str:
    """The release with one more sentence at the end of its first paragraph after the headline's."""
    head, sep, rest = text.partition("\n\n")
    first, sep2, tail = rest.partition("\n\n")
    return f"{head}{sep}{first} {EXTRA}{sep2}{tail}"


def write(folder: Path, count: int, share: int) -> dict:
    """count synthetic releases under folder, one in `share` with copies; what was written, by kind."""
    from synth import generate

    shutil.rmtree(folder, ignore_errors=True)
    kinds = {"releases": 0, "plain copies": 0, "orphaned groups": 0, "representatives holding the word": 0}
    for n, (name, text) in enumerate(generate(count, seed=42)):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        kinds["releases"] += 1
        if n % share:
            continue
        stem = path.with_suffix("")
        (folder / f"{stem}~copy1.txt").write_text(text, encoding="utf-8")  # names sort after the original
        kinds["plain copies"] += 1
        if n % (2 * share) == 0:
            for k in (2, 3):
                (folder / f"{stem}~copy{k}.txt").write_text(with_extra(text), encoding="utf-8")
            kinds["orphaned groups"] += 1
        elif n % (3 * share) == 0:
            (folder / f"{stem}-a.txt").write_text(with_extra(text), encoding="utf-8")  # sorts first
            kinds["representatives holding the word"] += 1
    return kinds


def node_cpu() -> float:
    """CPU seconds the cluster's nodes have used (0 when their pids are not known here)."""
    nodes = Path(os.environ.get("OPENSEARCH_CACHE_DIR") or ROOT / ".cache" / "opensearch") / "nodes"
    total = 0.0
    for pid_file in nodes.glob("node-*.pid"):
        try:
            fields = Path(f"/proc/{pid_file.read_text().strip()}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def own_cpu() -> float:
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def timed_build(label: str, build) -> dict:
    load = os.getloadavg()[0]
    cpu, nodes, started = own_cpu(), node_cpu(), time.perf_counter()
    report = build()
    out = {
        "seconds": time.perf_counter() - started,
        "python_cpu": own_cpu() - cpu,
        "node_cpu": node_cpu() - nodes,
        "total": report.total,
        "load": load,
    }
    print(f"  {label}: {out}", flush=True)
    return out


def counts(index, query: str) -> dict:
    page = index.search(query, facets=ALL_FACETS)
    return {
        "total": page.total,
        "partial_total": page.partial_total,
        "undated": page.undated,
        "timeline": page.timeline,
        "facets": {name: [(v.value, v.count) for v in f.values] for name, f in page.facets.items()},
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=20_000, help="synthetic releases")
    parser.add_argument("--share", type=int, default=10, help="one release in SHARE gets copies")
    parser.add_argument("--distinct", type=int, default=40, help="distinct two-word headline queries")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--url", default=None, help="OpenSearch (default $RELEASES_OPENSEARCH_URL)")
    parser.add_argument("--alias", default="bench-copies")
    args = parser.parse_args(argv)
    from opensearch_bench import distinct_queries

    from indexer.backends.opensearch.store import OpenSearchStore

    folder = DATA / f"os-copies-{args.count}"
    kinds = write(folder, args.count, args.share)
    print(f"wrote {kinds}", flush=True)
    whoosh_path = DATA / f"os-copies-whoosh-{args.count}"
    shutil.rmtree(whoosh_path, ignore_errors=True)
    whoosh = timed_build("whoosh", lambda: build_index([folder], whoosh_path, rebuild=True, procs=args.workers))
    OpenSearchStore(args.alias, args.url).drop()
    ours = timed_build(
        "opensearch",
        lambda: build_index([folder], args.alias, backend="opensearch", url=args.url, rebuild=True, procs=args.workers),
    )
    equal, compared, requests = 0, [], []
    with open_index(whoosh_path) as wx, open_index(args.alias, backend="opensearch", url=args.url) as ox:
        sent: list[str] = []
        for name in ("search", "msearch"):
            real = getattr(ox.backend.client, name)
            setattr(ox.backend.client, name, lambda real=real, **kw: sent.append("r") or real(**kw))
        store = ox.backend.store
        copies = store.client.count(index=store.alias, body={"query": {"term": {"fold": "copy"}}})["count"]
        queries = list(FIXED) + distinct_queries(wx, args.distinct)
        for query in queries:
            sent.clear()
            found = counts(ox, query)
            requests.append(len(sent))
            same = found == counts(wx, query)
            equal += same
            compared.append((query, found["total"], same, len(sent)))
            if not same:
                print(f"  DIFFERS: {query!r}", flush=True)
    lines = [
        f"## {args.count:,} synthetic releases with copies ({time.strftime('%Y-%m-%d %H:%M')} UTC)",
        "",
        f"Command: `benchmarks/opensearch_copies.py --count {args.count} --share {args.share}` (3-node cluster, "
        f"2 shards, 1 replica; {args.workers} parse workers). Written: {kinds['releases']:,} releases, "
        f"{kinds['plain copies']:,} with a copy of the same text, of which {kinds['orphaned groups']:,} groups "
        f"with two later copies holding a sentence the earliest lacks (orphans) and "
        f"{kinds['representatives holding the word']:,} with an earlier copy holding it.",
        "",
        "| | Whoosh | OpenSearch |",
        "|---|---|---|",
        f"| documents indexed | {whoosh['total']:,} documents | {ours['total']:,} documents, "
        f"{copies:,} written as copies of a representative |",
        f"| build wall time (load average at start) | {whoosh['seconds']:,.0f} s ({whoosh['load']:.1f}) | "
        f"{ours['seconds']:,.0f} s ({ours['load']:.1f}) |",
        f"| build CPU, Python (process and parse workers) | {whoosh['python_cpu']:,.0f} s "
        f"({1000 * whoosh['python_cpu'] / whoosh['total']:.1f} ms/release) | {ours['python_cpu']:,.0f} s "
        f"({1000 * ours['python_cpu'] / ours['total']:.1f} ms/release) |",
        f"| build CPU, OpenSearch nodes | - | {ours['node_cpu']:,.0f} s "
        f"({1000 * ours['node_cpu'] / ours['total']:.1f} ms/release) |",
        f"| queries with every count equal (total, some-words total, undated, timeline, every facet) | "
        f"{equal} of {len(queries)} | |",
        f"| requests per search (min / median / max) | | {min(requests)} / {sorted(requests)[len(requests) // 2]} / "
        f"{max(requests)} |",
        "",
        "| query | total | equal | requests |",
        "|---|---|---|---|",
        *(f"| `{q or '(empty)'}` | {t:,} | {'yes' if s else 'NO'} | {r} |" for q, t, s, r in compared[: len(FIXED)]),
        "",
    ]
    text = "\n".join(lines)
    print(text)
    previous = OUT.read_text() if OUT.exists() else "# OpenSearch: exact totals with many copy groups\n\n"
    head, _, rest = previous.partition("\n\n")
    OUT.write_text(f"{head}\n\n{text}\n{rest}")
    return 0 if equal == len(queries) else 1


if __name__ == "__main__":
    raise SystemExit(main())
