"""What one server worker spends on a distinct JSON search: CPU per /api/search request in this process.

The requests are the load benchmark's (`load.py --distinct`: the same seeded stream, the same 200 warm-up
queries left out), asked once each through Flask's test client over one warm index. CPU time of the calling
thread, so a shared machine's load does not inflate it; the app's process is set up as `releases serve` sets up
a worker (webapp.server.settle_memory). Options:

    python benchmarks/api_profile.py --synthetic 100000 --index .cache/bench/index-cols-100000 --queries 400
    ... --profile 300              # then cProfile over 300 further distinct requests (top functions)
    ... --answers out.jsonl        # each answer's bytes (with its query) for a before/after identity check
    ... --compare a.jsonl b.jsonl  # do two answer files agree? (no index needed)
    ... --code ../main             # another checkout's code answers (run both side by side)
    ... --threads 8                # then 2 x queries further requests, alternately from 1 and from 8 threads at
                                   # once: the process's CPU and page faults per request (threads' cost)

Writes benchmarks/results/api-profile-<label>.md.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import resource
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
from load import WARMUP, stream_paths, summary  # noqa: E402 (the paths above first)


def compare(first: Path, second: Path) -> int:
    """Whether two answer files hold the same answers to the same requests."""
    a = [json.loads(line) for line in first.read_text().splitlines()]
    b = [json.loads(line) for line in second.read_text().splitlines()]
    differ = [x["path"] for x, y in zip(a, b, strict=False) if x != y]
    print(f"{len(a)} and {len(b)} answers; {len(differ)} differ" + (f", first {differ[:3]}" if differ else ""))
    return 0 if not differ and len(a) == len(b) else 1


def threaded_costs(app, paths: list[str], threads: int) -> dict:
    """Process CPU ms and minor page faults per request when paths are asked from one thread and from
    `threads` threads at once (each its own share), in four alternating blocks of distinct requests."""
    figures = {"cpu": [], "faults": [], "cpu1": [], "faults1": []}
    block = len(paths) // 4
    for n in range(4):
        count = threads if n % 2 else 1
        chunk = paths[n * block : (n + 1) * block]
        shares = [chunk[i::count] for i in range(count)]
        barrier = threading.Barrier(count + 1)

        def ask(share, barrier):
            client = app.test_client()
            barrier.wait()
            for path in share:
                client.get(path)

        workers = [threading.Thread(target=ask, args=(share, barrier)) for share in shares]
        for worker in workers:
            worker.start()
        barrier.wait()
        before, faults = time.process_time(), resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        for worker in workers:
            worker.join()
        label = "" if count > 1 else "1"
        figures["cpu" + label].append((time.process_time() - before) * 1000 / len(chunk))
        figures["faults" + label].append((resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults) / len(chunk))
    return {name: sum(values) / len(values) for name, values in figures.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=100000)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--queries", type=int, default=400, help="measured distinct requests")
    parser.add_argument("--profile", type=int, default=0, help="then cProfile this many further requests")
    parser.add_argument("--answers", type=Path, help="write each answer (path, status, sha256, body) here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=0, help="then ask the measured requests again from N threads")
    parser.add_argument("--label")
    parser.add_argument("--code", type=Path, help="serve with another checkout's indexer and webapp (side by side)")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    if args.code:
        sys.path.insert(0, str(args.code.resolve()))
    index = args.index or ROOT / ".cache" / "bench" / f"index-ours-{args.synthetic}"
    from build_bench import corpus

    sources = corpus(ROOT / ".cache" / "bench", args.synthetic)
    count = WARMUP + args.queries + args.profile + (2 * args.queries if args.threads else 0)
    paths = stream_paths(sources, index, f"synthetic-{args.synthetic}", count, args.seed)
    warm, measured = paths[:WARMUP], paths[WARMUP : WARMUP + args.queries]
    profiled = paths[WARMUP + args.queries : WARMUP + args.queries + args.profile]
    extra = paths[WARMUP + args.queries + args.profile :]

    from webapp import create_app

    app = create_app({"RELEASES_INDEX": str(index)})
    from webapp import server

    if hasattr(server, "settle_memory"):  # as `releases serve` sets up each worker (older code: as it was)
        server.settle_memory(app)
    client = app.test_client()
    for path in warm:
        client.get(path)
    spent: list[float] = []
    answers = []
    for path in measured:
        started = time.thread_time()
        response = client.get(path)
        spent.append((time.thread_time() - started) * 1000)
        answers.append((path, response.status_code, response.get_data()))
    costs = summary(spent)
    errors = sum(1 for _, status, _ in answers if status != 200)
    if args.answers:
        with args.answers.open("w") as out:
            for path, status, body in answers:
                record = {"path": path, "status": status, "sha256": hashlib.sha256(body).hexdigest()}
                out.write(json.dumps({**record, "body": body.decode()}) + "\n")
    threaded = threaded_costs(app, extra, args.threads) if args.threads else None
    top = ""
    if profiled:
        profiler = cProfile.Profile()
        profiler.enable()
        for path in profiled:
            client.get(path)
        profiler.disable()
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(45)
        top = stream.getvalue().replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
    app.extensions["release_index"].close()
    label = args.label or f"synthetic-{args.synthetic}"
    lines = [
        f"# CPU per distinct /api/search request in one process: {label}",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `benchmarks/api_profile.py` (index {index.name}, "
        f"load.py's seeded stream, seed {args.seed}; {WARMUP} warm-up requests, then {len(measured)} distinct "
        f"ones through Flask's test client; load average {os.getloadavg()[0]:.1f}). CPU ms of the calling thread:",
        "",
        "| requests | errors | mean | p50 | p95 | p99 |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {len(measured)} | {errors} | {costs['mean']:.2f} | {costs['p50']:.2f} | {costs['p95']:.2f} "
        f"| {costs['p99']:.2f} |",
        "",
    ]
    if threaded:
        lines += [
            f"{len(extra)} further distinct requests in four blocks, asked alternately from 1 thread and from "
            f"{args.threads} threads at once (as a server worker's threads run them), CPU of the whole process "
            f"and minor page faults per request: 1 thread {threaded['cpu1']:.2f} ms, {threaded['faults1']:.1f} "
            f"faults; {args.threads} threads {threaded['cpu']:.2f} ms, {threaded['faults']:.1f} faults.",
            "",
        ]
    if top:
        lines += [f"cProfile over {len(profiled)} further distinct requests:", "", "```", top.strip(), "```", ""]
    text = "\n".join(lines)
    print(text)
    out = ROOT / "benchmarks" / "results" / f"api-profile-{label}.md"
    out.write_text(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
