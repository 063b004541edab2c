"""Web API throughput and latency under concurrent load: `releases serve` on loopback, driven by wrk.

Starts `releases serve` (on Linux gunicorn, one worker process per core unless --workers says otherwise) on a
free loopback port over an index, checks it answers,
then for each concurrency level runs wrk (Debian package `wrk`) for --seconds with a Lua script that
rotates through a mix of /api/search requests (words, phrases, fielded, date ranges, facet filters,
sorts, pages) and prints requests/s, p50/p90/p99 latency and errors (socket errors, timeouts, non-2xx).
Without wrk, a Python client with one thread per connection does the same (it competes with the server
for the CPU, so its figures are lower, and says so).

    .venv/bin/python benchmarks/api_bench.py [INDEX] [--connections 1 8 32] [--seconds 20] [--label NAME]

Default INDEX: .cache/bench/index-ours-100000 (benchmarks/build_bench.py). Writes its table to
benchmarks/results/api-<label>.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INDEX = ROOT / ".cache" / "bench" / "index-ours-100000"
OUT = ROOT / "benchmarks" / "results"

QUERIES = [
    {"q": "dividend"},
    {"q": "acquisition", "sort": "newest"},
    {"q": '"conference call"'},
    {"q": "headline:revenue"},
    {"q": "date:[2015-01-01 TO 2016-06-30] earnings"},
    {"q": "merger OR acquisition", "page": "2"},
    {"q": "clinical trial"},
    {"q": "offering", "year": "2020"},
    {"q": "", "wire": "Business Wire"},
    {"q": "guidance", "sort": "oldest"},
    {"q": "patent -lawsuit"},
    {"q": "board appointed"},
]


def paths() -> list[str]:
    """The request mix as URL paths."""
    return ["/api/search?" + urllib.parse.urlencode(q) for q in QUERIES]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(index: Path, port: int, workers: int | None = None) -> tuple[subprocess.Popen, str]:
    """`releases serve` on loopback; returns it and how it serves ("2 worker processes of 8 threads") once it answers."""
    command = [sys.executable, "-c", "from indexer.cli import main; main()", "serve", "--index", str(index)]
    command += ["--port", str(port), *(["--workers", str(workers)] if workers else [])]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    # "Serving release search on ... (index: ...; 2 worker processes of 8 threads); Ctrl-C stops."
    banner = server.stdout.readline()
    shape = banner.rpartition("; ")[0].rpartition("; ")[2].rstrip(")") or "unknown"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", paths()[0])
            if conn.getresponse().status == 200:
                return server, shape
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not answer within 60 s")


LUA = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%f %%d %%d %%d %%d %%d %%d %%f %%f %%f\\n",
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.status, e.timeout,
    0, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
"""


def with_wrk(port: int, connections: int, seconds: int) -> dict:
    """One wrk run: requests/s, latency percentiles (ms) and errors."""
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write(LUA % ", ".join(json.dumps(p) for p in paths()))
    script.close()
    try:
        out = subprocess.run(
            [
                "wrk",
                "-t",
                str(min(2, connections)),
                "-c",
                str(connections),
                "-d",
                f"{seconds}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    found = re.search(r"RESULT (.*)", out).group(1).split()
    requests, duration = int(found[0]), float(found[1])
    errors = sum(int(x) for x in found[2:8])
    return {
        "requests": requests,
        "rps": requests / duration,
        "p50": float(found[8]),
        "p90": float(found[9]),
        "p99": float(found[10]),
        "errors": errors,
    }


def with_threads(port: int, connections: int, seconds: int) -> dict:
    """The same load from Python threads (keep-alive connections), when wrk is missing."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    mix = paths()

    def client(offset: int):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        n = offset
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                conn.request("GET", mix[n % len(mix)])
                response = conn.getresponse()
                response.read()
                ok = response.status < 400
            except OSError:
                ok = False
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                errors[0] += not ok
            n += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    duration = time.perf_counter() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else 0.0

    return {
        "requests": len(latencies),
        "rps": len(latencies) / duration,
        "p50": pct(0.5),
        "p90": pct(0.9),
        "p99": pct(0.99),
        "errors": errors[0],
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", nargs="?", type=Path, default=DEFAULT_INDEX)
    parser.add_argument("--connections", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--label", default="synthetic-100k")
    parser.add_argument("--workers", type=int, help="server worker processes (default: the serve command's)")
    args = parser.parse_args(argv)
    tool = "wrk" if shutil.which("wrk") else "python threads"
    port = free_port()
    server, shape = start_server(args.index, port, args.workers)
    rows = []
    try:
        for connections in args.connections:
            run = with_wrk if tool == "wrk" else with_threads
            result = run(port, connections, args.seconds)
            rows.append((connections, result))
            print(
                f"{connections} connections: {result['rps']:.1f} requests/s, p50 {result['p50']:.0f} ms, "
                f"p99 {result['p99']:.0f} ms, {result['errors']} errors",
                flush=True,
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    lines = [
        f"`releases serve` ({shape}) over {args.index}; load from {tool} on loopback, "
        f"{args.seconds} s per level, {len(QUERIES)} /api/search requests in rotation.",
        "",
        "| connections | requests | requests/s | p50 ms | p90 ms | p99 ms | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for connections, r in rows:
        lines.append(
            f"| {connections} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p90']:.0f} | "
            f"{r['p99']:.0f} | {r['errors']} |"
        )
    lines += [
        "",
        f"{os.cpu_count()} cores shared by the server and the load generator (and other jobs: load "
        f"average {os.getloadavg()[0]:.1f} at the end), {time.strftime('%Y-%m-%d %H:%M')}.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"api-{args.label}.md").write_text(f"# Web API under load: {args.label}\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
