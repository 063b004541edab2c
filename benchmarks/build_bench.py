"""Build throughput, index size and peak memory: our build next to plain Whoosh on the same releases.

For each size it writes (once, cached) that many seeded synthetic releases (benchmarks/synth.py, ~4.8 KB
each, 1,000 files per folder) and indexes them, parsing included, with:

- plain Whoosh: one `index.writer()` with Whoosh's defaults, our schema, documents added one by one;
- Whoosh MpWriter: Whoosh's multi-process writer (procs=workers, multisegment=True, limitmb=256),
  documents parsed in the parent;
- release search: `build_index` (parse workers writing segments in memory, see indexer/backends/whoosh/build.py).

Each runs in its own process; peak memory is the largest sum of RSS over that process and its workers,
sampled every 0.5 s. The machine is shared: the load average before and after each run is printed,
and other processes' load slows every variant (the ratio between them is what one run compares).

    .venv/bin/python benchmarks/build_bench.py --sizes 10000 100000 [--plain-up-to 100000] [--workers 2] [--repeat 3]

With --repeat N every variant runs N times, in turns, each run compared with plain Whoosh's run of the same
round, and a second table gives the medians and the range of the ratios: on a shared machine the speed of a
run of seconds drifts by 20% or more, more than that of plain Whoosh's minutes.

Writes the table to benchmarks/results/build.md (or --out).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT / ".cache" / "bench"
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "build.md"
SHARD = 1000
SEED = 42


# ---- The corpus -----------------------------------------------------------------------------------


def corpus(data: Path, size: int) -> list[str]:
    """Folders holding the first `size` synthetic releases (generated once, shared by every size)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synth

    root = data / f"synth-{SEED}"
    folders = [root / f"{n:05d}" for n in range(-(-size // SHARD))]
    done = root / f".complete-{size}"
    if not done.exists():
        missing = [f for f in folders if not f.exists() or len(os.listdir(f)) < SHARD]
        if missing:
            print(f"writing {size:,} synthetic releases to {root} ...", flush=True)
            wanted = {f.name for f in missing}
            # The first k releases of a seeded sequence are the same whatever its length.
            for name, text in synth.generate(size, seed=SEED, shard=SHARD):
                if name.split("/", 1)[0] in wanted:
                    path = root / name
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_text(text, encoding="utf-8")
        done.touch()
    if size % SHARD:
        raise SystemExit(f"sizes must be multiples of {SHARD}")
    return [str(f) for f in folders]


# ---- The variants (each runs in a child process: --variant) -----------------------------------------


def run_variant(name: str, sources: list[str], index: str, workers: int) -> dict:
    """Index sources into index with one variant; return its counters."""
    from indexer.documents import documents_of
    from indexer.parse import iter_sources
    from indexer.schema import build_schema

    started = time.perf_counter()
    if name == "ours":
        from indexer import build_index

        report = build_index(sources, index, procs=workers)
        return {"releases": report.added, "segments": report.segments, "skipped": len(report.skipped)}
    from whoosh.index import create_in

    os.makedirs(index, exist_ok=True)
    ix = create_in(index, build_schema())
    if name == "plain":
        writer = ix.writer()
    else:
        from whoosh.multiproc import MpWriter

        writer = MpWriter(ix, procs=workers, multisegment=True, limitmb=256)
    releases = 0
    parse_s = 0.0
    for source in iter_sources(sources):
        if isinstance(source, Exception):
            continue
        t = time.perf_counter()
        try:
            docs = documents_of(source)
        except Exception:  # noqa: BLE001 - a file the parser rejects is skipped, as in a build
            continue
        parse_s += time.perf_counter() - t
        for doc in docs:
            writer.add_document(**doc)
            releases += 1
    commit_started = time.perf_counter()
    writer.commit()
    return {
        "releases": releases,
        "segments": len(ix._segments()),
        "parse_s": round(parse_s, 1),
        "commit_s": round(time.perf_counter() - commit_started, 1),
        "total_s": round(time.perf_counter() - started, 1),
    }


def _tree_rss(root_pid: int) -> int:
    """Resident memory (bytes) of a process group: the variant and the workers it started."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == root_pid:  # process group id
                total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    return total


def measure(name: str, sources: list[str], index: Path, workers: int) -> dict:
    """Run one variant in a fresh process group; wall time, CPU time, peak memory and index size."""
    shutil.rmtree(index, ignore_errors=True)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--variant", name, "--index", str(index), "--workers", str(workers), *sources],
        stdout=subprocess.PIPE,
        start_new_session=True,
        text=True,
    )
    peak = 0
    while True:
        peak = max(peak, _tree_rss(child.pid))
        try:  # returns as the variant ends: a sleep between samples would add up to 0.5 s to its time
            child.wait(timeout=0.5)
            break
        except subprocess.TimeoutExpired:
            continue
    seconds = time.perf_counter() - started
    out = child.stdout.read()
    if child.returncode:
        raise SystemExit(f"{name} failed with exit code {child.returncode}")
    counters = json.loads(out.strip().splitlines()[-1])
    usage = counters.pop("cpu_s")
    size = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
    return {
        "variant": name,
        "seconds": seconds,
        "rate": counters["releases"] / seconds,
        "cpu_s": usage,
        "peak_mb": peak / 2**20,
        "index_mb": size / 2**20,
        "load": (load_before, os.getloadavg()[0]),
        **counters,
    }


LABELS = {
    "plain": "plain Whoosh (1 writer, defaults)",
    "mpwriter": "Whoosh MpWriter (multisegment)",
    "ours": "release search build_index",
}


def table(rows: list[dict], workers: int) -> str:
    """The results as a Markdown table, with the machine they come from."""
    lines = [
        "| releases | variant | seconds | releases/s | x plain | CPU s | peak RSS MB | index MB | segments | load before/after |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    # Each run is compared with plain Whoosh's run of the same size and round.
    plain = {(r["size"], r["round"]): r["rate"] for r in rows if r["variant"] == "plain"}
    rounds = max(r["round"] for r in rows)
    for r in rows:
        key = (r["size"], r["round"])
        ratio = f"{r['rate'] / plain[key]:.1f}" if key in plain else "-"
        label = LABELS[r["variant"]] + (f" (run {r['round']})" if rounds > 1 else "")
        lines.append(
            f"| {r['size']:,} | {label} | {r['seconds']:.0f} | {r['rate']:.0f} | {ratio} | "
            f"{r['cpu_s']:.0f} | {r['peak_mb']:.0f} | {r['index_mb']:.0f} | {r['segments']} | "
            f"{r['load'][0]:.1f} / {r['load'][1]:.1f} |"
        )
    text = "\n".join(lines) + "\n\n"
    if rounds > 1:
        text += medians(rows, plain) + "\n\n"
    return text + machine(workers) + "\n"


def medians(rows: list[dict], plain: dict) -> str:
    """Per size and variant over the rounds: median rate and CPU, and the range of ratios to plain Whoosh."""
    lines = [
        "| releases | variant | runs | median releases/s | median CPU s | median x plain | x plain, lowest-highest |",
        "|---:|---|---:|---:|---:|---:|---|",
    ]
    for size in sorted({r["size"] for r in rows}):
        for variant in LABELS:
            runs = [r for r in rows if r["size"] == size and r["variant"] == variant]
            if not runs:
                continue
            ratios = [r["rate"] / plain[(size, r["round"])] for r in runs if (size, r["round"]) in plain]
            spread = f"{min(ratios):.1f}-{max(ratios):.1f}" if ratios else "-"
            middle = f"{statistics.median(ratios):.1f}" if ratios else "-"
            lines.append(
                f"| {size:,} | {LABELS[variant]} | {len(runs)} | {statistics.median(r['rate'] for r in runs):.0f} | "
                f"{statistics.median(r['cpu_s'] for r in runs):.0f} | {middle} | {spread} |"
            )
    return "\n".join(lines)


def machine(workers: int) -> str:
    """Where the figures come from."""
    import whoosh

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"Machine: {os.cpu_count()} cores ({cpu}), {memory:.0f} GB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, Whoosh {'.'.join(map(str, whoosh.__version__))}; "
        f"{workers} workers; {time.strftime('%Y-%m-%d %H:%M')}. Synthetic releases (benchmarks/synth.py, "
        f"seed {SEED}, ~4.8 KB each), parsing included in every variant. The machine was shared with other "
        "jobs (load average in the last column): absolute rates vary with that load, ratios less so."
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--plain-up-to", type=int, default=100_000, help="largest size to run plain Whoosh on")
    parser.add_argument("--mpwriter-up-to", type=int, default=10_000, help="largest size to run MpWriter on")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="where corpora and indexes go")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--repeat", type=int, default=1, help="rounds of every variant, alternating (the machine's speed drifts)"
    )
    parser.add_argument("--variant", help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.variant:
        counters = run_variant(args.variant, args.sources, args.index, args.workers)
        import resource

        usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
        counters["cpu_s"] = round(sum(u.ru_utime + u.ru_stime for u in usage), 1)
        print(json.dumps(counters))
        return 0
    rows = []
    for size in args.sizes:
        sources = corpus(args.data, size)
        variants = ["ours"]  # first: its index serves benchmarks/query_bench.py while the others run
        if size <= args.plain_up_to:
            variants.append("plain")
        if size <= args.mpwriter_up_to:
            variants.append("mpwriter")
        for run in range(1, args.repeat + 1):
            for name in variants:
                print(f"{size:,} releases: {LABELS[name]} (run {run}) ...", flush=True)
                row = measure(name, sources, args.data / f"index-{name}-{size}", args.workers)
                row.update(size=size, round=run)
                rows.append(row)
                print(
                    f"  {row['seconds']:.0f} s, {row['rate']:.0f} releases/s, peak {row['peak_mb']:.0f} MB", flush=True
                )
                if name != "ours":  # ours is kept for benchmarks/query_bench.py and api_bench.py
                    shutil.rmtree(args.data / f"index-{name}-{size}", ignore_errors=True)
                # The table so far, so that a long run interrupted later still leaves its figures.
                args.out.parent.mkdir(parents=True, exist_ok=True)
                args.out.write_text("# Build throughput\n\n" + table(rows, args.workers))
    print(table(rows, args.workers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
