"""Where an OpenSearch rebuild's time goes: the build process's CPU and the cluster's, measured apart, per phase.

On a machine shared with other work, wall time says little; CPU seconds do. This builds the first N seeded
synthetic releases (benchmarks/build_bench.py's cache) with Whoosh and with OpenSearch (rebuild, 2 parse
workers) and reads, for each phase of the OpenSearch build (fill, settle_issuers, settle_copies, finish):
wall seconds, CPU of the build process and of its parse workers (getrusage; workers are counted once reaped,
at the end of each phase's pool), and CPU of the cluster's nodes (/proc/<pid>/stat of the pids in
$OPENSEARCH_CACHE_DIR/nodes/*.pid). Prints a table and writes benchmarks/results/opensearch_build_cpu.md.

    OPENSEARCH_CACHE_DIR=... RELEASES_OPENSEARCH_URL=... .venv/bin/python benchmarks/opensearch_build_cpu.py --size 20000
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

TICKS = os.sysconf("SC_CLK_TCK")
PHASES = ("fill", "settle_issuers", "settle_copies")


def node_pids() -> list[int]:
    """The cluster's node processes (.ci/opensearch.sh's pid files)."""
    nodes = Path(os.environ.get("OPENSEARCH_CACHE_DIR") or ROOT / ".cache" / "opensearch") / "nodes"
    pids = []
    for pidfile in sorted(nodes.glob("*.pid")):
        try:
            pid = int(pidfile.read_text().strip())
            os.kill(pid, 0)
        except (OSError, ValueError):
            continue
        pids.append(pid)
    return pids


def nodes_cpu(pids: list[int]) -> float:
    """CPU seconds the nodes have used (user + system)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def python_cpu() -> float:
    """CPU seconds of this process and its reaped children (the parse workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Meter:
    """Wall, Python and cluster CPU seconds of named phases."""

    def __init__(self, pids):
        self.pids = pids
        self.rows: dict[str, list[float]] = {}

    def sample(self) -> tuple[float, float, float]:
        return time.perf_counter(), python_cpu(), nodes_cpu(self.pids)

    def add(self, name: str, before, after) -> None:
        row = self.rows.setdefault(name, [0.0, 0.0, 0.0])
        for i in range(3):
            row[i] += after[i] - before[i]

    def wrap(self, owner, name: str) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            before = self.sample()
            try:
                return original(*args, **kwargs)
            finally:
                self.add(name, before, self.sample())

        setattr(owner, name, timed)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=20_000, help="synthetic releases (multiple of 1000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, default=ROOT / ".cache" / "bench")
    parser.add_argument("--alias", default="bench-build-cpu")
    parser.add_argument("--no-whoosh", action="store_true")
    parser.add_argument("--idle", type=int, default=20, help="seconds to measure the nodes' CPU before building")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "opensearch_build_cpu.md")
    args = parser.parse_args(argv)

    from build_bench import corpus

    from indexer import build_index
    from indexer.backends.opensearch import build as osbuild
    from indexer.backends.opensearch.store import OpenSearchStore

    url = os.environ.get("RELEASES_OPENSEARCH_URL") or "http://127.0.0.1:9200"
    sources = corpus(args.data, args.size)
    pids = node_pids()
    if not pids:
        raise SystemExit(
            "no OpenSearch node pids found: set OPENSEARCH_CACHE_DIR to the cluster's .ci/opensearch.sh dir"
        )
    lines = [f"{args.size:,} synthetic releases, {args.workers} parse workers, {len(pids)} nodes on this machine."]
    # The cluster is shared: what its nodes spend on others' work meanwhile is measured first and given.
    idle_before = nodes_cpu(pids), time.perf_counter()
    time.sleep(args.idle)
    idle = (nodes_cpu(pids) - idle_before[0]) / (time.perf_counter() - idle_before[1])
    lines.append(
        f"Nodes' CPU before the builds (other users of the shared cluster): {idle:.2f} cores over {args.idle} s."
    )
    loads = [f"{os.getloadavg()[0]:.1f}"]

    if not args.no_whoosh:
        target = args.data / f"build-cpu-whoosh-{args.size}"
        shutil.rmtree(target, ignore_errors=True)
        meter = Meter(pids)
        before = meter.sample()
        report = build_index(sources, target, rebuild=True, procs=args.workers)
        meter.add("whoosh build", before, meter.sample())
        shutil.rmtree(target, ignore_errors=True)
        wall, py, nodes = meter.rows["whoosh build"]
        lines.append(
            f"Whoosh: {report.total:,} releases, {wall:.0f} s ({report.total / wall:.0f}/s), Python CPU "
            f"{py * 1000 / report.total:.2f} ms a release, nodes (idle) {nodes * 1000 / report.total:.2f} ms"
        )
        print(lines[-1], flush=True)  # kept if the OpenSearch build fails (a node lost on a shared cluster)
        loads.append(f"{os.getloadavg()[0]:.1f}")

    meter = Meter(pids)
    for name in PHASES:
        meter.wrap(osbuild._Run, name)
    meter.wrap(OpenSearchStore, "finish")
    OpenSearchStore(args.alias, url).drop()
    before = meter.sample()
    report = osbuild.build_index(sources, args.alias, url=url, rebuild=True, procs=args.workers, shards=2, replicas=1)
    meter.add("whole build", before, meter.sample())
    loads.append(f"{os.getloadavg()[0]:.1f}")
    OpenSearchStore(args.alias, url).drop()
    n = report.total
    lines += [
        f"OpenSearch: {n:,} releases, {meter.rows['whole build'][0]:.0f} s ({n / meter.rows['whole build'][0]:.0f}/s); "
        f"re-resolved files {report.reresolved_files:,}; load average at start and after each build: {', '.join(loads)}",
        "",
        "| phase | wall s | Python CPU s | nodes CPU s | Python ms/release | nodes ms/release | nodes less idle rate |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, (wall, py, nodes) in meter.rows.items():
        lines.append(
            f"| {name} | {wall:.1f} | {py:.1f} | {nodes:.1f} | {py * 1000 / n:.2f} | {nodes * 1000 / n:.2f} "
            f"| {max(0.0, nodes - idle * wall) * 1000 / n:.2f} |"
        )
    text = "\n".join(lines)
    print(text)
    args.out.write_text(f"# OpenSearch build: CPU by side and phase\n\n{text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
