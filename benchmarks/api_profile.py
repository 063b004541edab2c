"""What one server worker spends on a distinct JSON search: CPU per /api/search request in this process.

The requests are the load benchmark's (`load.py --distinct`: the same seeded stream, the same 200 warm-up
queries left out), asked once each through Flask's test client over one warm index. CPU time of the calling
thread, so a shared machine's load does not inflate it; the app's process is set up as `releases serve` sets up
a worker (webapp.server.settle_memory). Options:

    python benchmarks/api_profile.py --synthetic 100000 --index .cache/bench/index-cols-100000 --queries 400
    ... --profile 300              # then cProfile over 300 further distinct requests (top functions)
    ... --stages 300               # then CPU per stage (matching, ranking, facets, snippets, ...) over 300
                                   # further distinct requests, timed inside the requests without a profiler
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


# The stages of a request timed by --stages: (module, attribute, label). Each is wrapped where the request
# looks it up (a function imported by name into the backend is wrapped there); one missing from the code
# measured (another checkout, renamed) is left out of the table.
STAGES = [
    ("indexer.search", "ReleaseIndex.search", "search, all of it"),
    ("indexer.backends.whoosh.backend", "plan_query", "query planning"),
    ("indexer.backends.whoosh.backend", "WhooshBackend._match_mask", "matching"),
    ("indexer.backends.whoosh.backend", "WhooshBackend._order", "ranking (the page's order)"),
    ("indexer.backends.whoosh.backend", "score", "ranking (scores for some-words matches)"),
    ("indexer.backends.whoosh.backend", "FacetTable.count", "facets"),
    ("indexer.backends.whoosh.backend", "FacetTable.timeline", "timeline"),
    ("indexer.backends.whoosh.backend", "WhooshBackend._page_hits", "the page's hits, all of it"),
    ("indexer.backends.whoosh.backend", "make_snippet", "snippets"),
    ("whoosh.reading", "SegmentReader.stored_fields", "stored fields"),
    ("indexer.backends.whoosh.backend", "suggest_correction", "spelling suggestion"),
    ("indexer.model", "Page.to_json", "the page as JSON values"),
    ("webapp.api", "jsonify", "JSON bytes and response"),
]


def timed_stages(app, paths: list[str]) -> tuple[dict[str, float], float]:
    """CPU ms per request of each stage (STAGES) and of the whole request, over paths asked once each."""
    import importlib

    spent: dict[str, float] = {}
    undo = []
    for module_name, attribute, label in STAGES:
        try:
            owner = importlib.import_module(module_name)
            *parents, name = attribute.split(".")
            for parent in parents:
                owner = getattr(owner, parent)
            original = getattr(owner, name)
        except (ImportError, AttributeError):
            continue
        spent[label] = 0.0

        def timed(*args, _original=original, _label=label, **kwargs):
            started = time.thread_time()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_label] += time.thread_time() - started

        setattr(owner, name, timed)
        undo.append((owner, name, original))
    client = app.test_client()
    started = time.thread_time()
    try:
        for path in paths:
            client.get(path)
    finally:
        for owner, name, original in undo:
            setattr(owner, name, original)
    whole = (time.thread_time() - started) * 1000 / len(paths)
    return {label: seconds * 1000 / len(paths) for label, seconds in spent.items()}, whole


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=100000)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--queries", type=int, default=400, help="measured distinct requests")
    parser.add_argument("--profile", type=int, default=0, help="then cProfile this many further requests")
    parser.add_argument("--stages", type=int, default=0, help="then time each stage over this many further requests")
    parser.add_argument("--answers", type=Path, help="write each answer (path, status, sha256, body) here")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=0, help="then ask the measured requests again from N threads")
    parser.add_argument("--label")
    parser.add_argument("--code", type=Path, help="serve with another checkout's indexer and webapp (side by side)")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    index = args.index or ROOT / ".cache" / "bench" / f"index-ours-{args.synthetic}"
    from build_bench import corpus

    sources = corpus(ROOT / ".cache" / "bench", args.synthetic)
    count = WARMUP + args.queries + args.profile + args.stages + (2 * args.queries if args.threads else 0)
    paths = stream_paths(sources, index, f"synthetic-{args.synthetic}", count, args.seed)
    warm, measured = paths[:WARMUP], paths[WARMUP : WARMUP + args.queries]
    profiled = paths[WARMUP + args.queries : WARMUP + args.queries + args.profile]
    staged = paths[WARMUP + args.queries + args.profile : WARMUP + args.queries + args.profile + args.stages]
    extra = paths[WARMUP + args.queries + args.profile + args.stages :]

    if args.code:
        # Here, not earlier: importing build_bench puts this checkout first on the path again (so --code used
        # to measure this checkout's code).
        if any(name.split(".")[0] in ("indexer", "webapp") for name in sys.modules):
            sys.exit("the code was imported before --code could take effect")
        sys.path.insert(0, str(args.code.resolve()))
    from webapp import create_app

    if args.code and not Path(sys.modules["webapp"].__file__).is_relative_to(args.code.resolve()):
        sys.exit(f"--code {args.code}: webapp came from {sys.modules['webapp'].__file__}")
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
    stages = timed_stages(app, staged) if staged else None
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
    if stages:
        by_stage, whole = stages
        lines += [
            f"CPU ms per request by stage, timed inside {len(staged)} further distinct requests (no profiler; "
            f"the whole request {whole:.2f} ms through the test client):",
            "",
            "| stage | ms per request |",
            "|---|---:|",
            *(f"| {label} | {ms:.2f} |" for label, ms in by_stage.items()),
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
