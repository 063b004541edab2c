"""Hostile input and load, measured: a build's peak memory with archive bombs against its budget, and normal
searches' latency while clients send the most expensive queries allowed or hold slow connections.

1. Build: a corpus sample (nasdaq100-2019, 1,758 JSON releases) plus the bombs of issue 16 (a 9 MB .tar.gz of
   250 x 10 MiB files, a 7 MB .zip of 2,000 x 1 MB files) and four 9.9 MB plain texts, with `--memory`; the
   build runs in a child process and the resident memory of it and its workers is summed every 50 ms.
2. Queries: `releases serve` (gunicorn, waitress workers) over INDEX; one client sends plain searches (two
   words drawn at random) back to back and their p50/p90 is taken idle, then while 2 and 4 other clients (each
   from its own loopback address, 127.0.0.2...) send the most expensive query allowed (3 words with ~2, drawn
   at random so that none comes from the result cache) in a loop, then while 32 slow clients hold connections
   open sending a header line every second.

    .venv/bin/python benchmarks/hostile_bench.py [INDEX] [--memory 1G] [--seconds 10] [--workers 2]

INDEX: an index of real releases (default .cache/bench/index-corpus). Writes benchmarks/results/hostile.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "benchmarks" / "results"

WORDS = (
    "revenue growth partner acquire dividend clinical merger launch product market shares profit board officer "
    "quarter results company announce service customer agreement patent license pipeline capital offering"
).split()
COSTLY_WORDS = 3  # 3 words with ~2: 390 units, the most allowed


def _costly_query(rng: random.Random) -> str:
    """A costly query unlike the last (a repeated one would come from the result cache)."""
    return " ".join(f"{word}~2" for word in rng.sample(WORDS, COSTLY_WORDS))


def _plain_query(rng: random.Random) -> str:
    return " ".join(rng.sample(WORDS, 2))


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(child)
        rss[child] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def bench_build(memory: str, workdir: Path) -> dict:
    from hostile import write_large_texts, write_tar_gz_bomb, write_zip_bomb

    src = workdir / "src"
    write_tar_gz_bomb(src / "bombs" / "bomb.tar.gz")
    write_zip_bomb(src / "bombs" / "bomb.zip")
    write_large_texts(src / "large", 4)
    sample = CORPUS / "nasdaq100-2019.tar.gz"
    script = (
        "import json, sys; from indexer.build import build_index; "
        "r = build_index(sys.argv[1:-2], sys.argv[-2], memory=sys.argv[-1], rebuild=True); "
        "print(json.dumps({'added': r.added, 'skipped': len(r.skipped), 'workers': r.workers, 's': r.seconds}))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(sample), str(src), str(workdir / "ix"), memory],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(proc.pid))
        time.sleep(0.05)
    result = json.loads(proc.stdout.read())
    result["peak_mb"] = peak / 1024 / 1024
    return result


def _get(port: int, path: str, source: str | None = None, timeout: float = 30) -> tuple[int, float]:
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0) if source else None
    )
    started = time.perf_counter()
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    finally:
        conn.close()


def _normal_latencies(port: int, seconds: float, seed: int = 0) -> list[float]:
    took, end, rng = [], time.monotonic() + seconds, random.Random(seed)
    while time.monotonic() < end:
        status, elapsed = _get(port, "/api/search?" + urllib.parse.urlencode({"q": _plain_query(rng)}))
        if status == 200:
            took.append(elapsed)
    return took


def _attack(port: int, source: str, stop: threading.Event, counts: dict) -> None:
    rng = random.Random(source)
    while not stop.is_set():
        try:
            status, _ = _get(port, "/api/search?" + urllib.parse.urlencode({"q": _costly_query(rng)}), source)
        except OSError:
            status = "error"
        counts[status] = counts.get(status, 0) + 1
        if status == 429:
            time.sleep(0.05)  # a client told to wait a moment comes back soon


def _slow_clients(port: int, count: int, stop: threading.Event) -> None:
    socks = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(b"GET /api/search?q=dividend HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        socks.append(sock)
    while not stop.wait(1.0):
        for sock in socks:
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                pass
    for sock in socks:
        sock.close()


def _summary(took: list[float]) -> dict:
    took = sorted(took)
    return {
        "n": len(took),
        "p50": statistics.median(took) * 1000 if took else float("nan"),
        "p90": took[int(len(took) * 0.9)] * 1000 if took else float("nan"),
    }


def bench_queries(index: Path, seconds: float, workers: int) -> list[dict]:
    command = [sys.executable, "-c", "from indexer.cli import main; main()", "serve", "--index", str(index)]
    proc = subprocess.Popen(
        [*command, "--port", "0", "--workers", str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=tempfile.gettempdir(),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    rows = []
    try:
        port = int(re.search(r":(\d+)/", proc.stdout.readline()).group(1))
        for _ in range(100):
            try:
                _get(port, "/api/search?q=dividend")
                break
            except OSError:
                time.sleep(0.2)
        _normal_latencies(port, 2, seed=99)  # warm: searchers open
        rows.append({"load": "idle", **_summary(_normal_latencies(port, seconds, seed=1))})
        for attackers in (2, 4):
            stop, counts = threading.Event(), {}
            threads = [
                threading.Thread(target=_attack, args=(port, f"127.0.0.{n + 2}", stop, counts), daemon=True)
                for n in range(attackers)
            ]
            for thread in threads:
                thread.start()
            time.sleep(1)
            took = _normal_latencies(port, seconds, seed=attackers)
            stop.set()
            for thread in threads:
                thread.join()
            answered = counts.get(200, 0)
            rows.append(
                {
                    "load": f"{attackers} clients sending the costliest allowed query",
                    **_summary(took),
                    "note": f"costly: {answered} answered, {counts.get(429, 0)} told 429",
                }
            )
        stop = threading.Event()
        slow = threading.Thread(target=_slow_clients, args=(port, 32, stop), daemon=True)
        slow.start()
        time.sleep(1.5)
        took = _normal_latencies(port, seconds, seed=32)
        rows.append({"load": "32 slow clients holding connections", **_summary(took)})
        stop.set()
        slow.join()
        status, took = _get(
            port, "/api/search?" + urllib.parse.urlencode({"q": " ".join(f"w{n}~2" for n in range(40))})
        )
        rows.append(
            {
                "load": "one query of 40 words with ~2",
                "n": 1,
                "p50": took * 1000,
                "p90": took * 1000,
                "note": f"HTTP {status}",
            }
        )
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("index", nargs="?", default=str(ROOT / ".cache" / "bench" / "index-corpus"))
    parser.add_argument("--memory", default="1G")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build = bench_build(args.memory, Path(tmp))
    print(f"build: {build}")
    rows = bench_queries(Path(args.index), args.seconds, args.workers)
    for row in rows:
        print(row)
    idle = rows[0]["p50"]
    lines = [
        "# Hostile input and load",
        "",
        f"Measured by `benchmarks/hostile_bench.py` on {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores "
        "(shared with other jobs: figures are noisy).",
        "",
        "## Build memory with archive bombs",
        "",
        "| input | budget (--memory) | peak resident (build + workers) | workers | releases | skipped | seconds |",
        "|---|---|---|---|---|---|---|",
        f"| nasdaq100-2019 (1,758 releases) + 9 MB tar.gz bomb (250 x 10 MiB) + 7 MB zip bomb (2,000 x 1 MB) "
        f"+ 4 x 9.9 MB texts | {args.memory} | {build['peak_mb']:.0f} MB | {build['workers']} | {build['added']:,} "
        f"| {build['skipped']} | {build['s']:.1f} |",
        "",
        f"## Normal search latency under attack ({args.workers} worker processes, index {Path(args.index).name})",
        "",
        "| load | normal searches | p50 ms | p90 ms | x idle p50 | note |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['load']} | {row['n']} | {row['p50']:.0f} | {row['p90']:.0f} | {row['p50'] / idle:.1f} "
            f"| {row.get('note', '')} |"
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "hostile.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
