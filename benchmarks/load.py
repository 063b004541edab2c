"""Load and faults benchmark: `releases serve` over the shared corpus under 50 concurrent connections.

Phases, each against one `releases serve` on a loopback port (a gunicorn master and its worker processes, one
per core unless --workers says otherwise):
  single   each path of the mix once over one connection: what a request costs when it waits for no other,
           by kind of page, and the slowest paths;
  steady   50 connections with a mix of real queries (JSON API, HTML pages, suggestions, release pages) for
           --seconds (60): requests/s, p50/p99 latency, errors (targets: 0 errors, p99 <= 500 ms);
  rebuild  the same load while `releases index --rebuild` rebuilds the whole index and switches over, and for
           --after (20) seconds past the switch: zero failed requests, and the server then answers from the
           new generation (a marker release only the new generation holds is found);
  soak     the same load for --soak-seconds (600): the server's resident memory at start and end, summed over
           the master and its workers (and whether any worker was replaced meanwhile).

wrk (Debian package `wrk`, with a Lua script rotating through the request mix) drives the fixed-length phases;
where wrk is missing a Python client with one thread per connection does. The rebuild phase always uses the
Python client, because it must run until an event and then let requests in flight finish (wrk stops at a fixed
time and abandons them, leaving the server working on requests nobody waits for). Errors are connection, read and
write errors, timeouts (> --timeout, 30 s) and any response that is not 2xx/3xx.

    .venv/bin/python benchmarks/load.py                       # full run: build (once), ~25 minutes of load
    .venv/bin/python benchmarks/load.py --seconds 20 --soak-seconds 30 --sources seeds   # a quick check
    .venv/bin/python benchmarks/load.py --distinct 30000 --synthetic 100000 --seconds 60  # never a repeat

The corpus index is built once with indexer.build_index from .cache/corpus/* (extracted from ../shared/corpus
when missing) and kept in .cache/load/index. Results go to benchmarks/results/load.md.
"""

from __future__ import annotations

import argparse
import glob
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "load"
RESULTS = ROOT / "benchmarks" / "results" / "load.md"
CORPUS_ARCHIVES = ROOT.parent / "shared" / "corpus"
HOST = "127.0.0.1"

# Real queries over the corpus (NASDAQ-100 releases of 2019 and newswire releases of 2023-2026): plain words,
# phrases, fields, boolean logic, dates, wildcards and fuzzy terms, as people type them.
QUERIES = [
    "acquisition",
    "conference call",
    '"first quarter" results',
    "quarterly dividend",
    "merger AND acquisition",
    "artificial intelligence",
    "FDA approval",
    "clinical trial results",
    "share repurchase program",
    "appoints chief executive officer",
    "partnership",
    "revenue guidance",
    "headline:earnings",
    "company:apple",
    "ticker:AAPL",
    "ticker:NASDAQ:MSFT",
    "date:2019 cloud",
    "date:[2019-01-01 TO 2019-06-30] revenue",
    "date:>2024-01-01 funding",
    "immuno*",
    "semicond*",
    "acquisiton~",
    "biotech NOT lawsuit",
    "(merger OR acquisition) AND bank",
    "electric vehicles",
    "data center",
    "cybersecurity",
    "blockchain",
    "real estate",
    "nasdaq listing",
    "layoffs",
    "record revenue",
    "new CFO",
    "press release",
    "webinar",
    "crypto token launch",
    "Costco sales results",
    "Starbucks",
    "Netflix subscribers",
    "Tesla",
    "Amazon Web Services",
    "Willis Towers Watson gender equality index",
    "",
]
SUGGEST_PREFIXES = ["ap", "mic", "net", "amz", "tes", "goo", "cost", "ad", "in", "qu"]


# ---- The index and the server ------------------------------------------------------------------------


def corpus_sources() -> list[str]:
    """The extracted corpus folders, extracting ../shared/corpus/*.tar.gz into .cache/corpus when needed."""
    extracted = ROOT / ".cache" / "corpus"
    archives = sorted(CORPUS_ARCHIVES.glob("*.tar.gz")) if CORPUS_ARCHIVES.exists() else []
    for archive in archives:
        target = extracted / archive.name.removesuffix(".tar.gz")
        if not target.exists():
            print(f"extracting {archive.name} into {target} ...", flush=True)
            tmp = Path(tempfile.mkdtemp(dir=extracted.parent if extracted.parent.exists() else None))
            shutil.unpack_archive(str(archive), tmp, filter="data")
            inner = [p for p in tmp.iterdir()]
            target.parent.mkdir(parents=True, exist_ok=True)
            (inner[0] if len(inner) == 1 and inner[0].is_dir() else tmp).rename(target)
            shutil.rmtree(tmp, ignore_errors=True)
    found = sorted(p for p in glob.glob(str(extracted / "*")) if os.path.isdir(p))
    if not found:
        sys.exit(f"no corpus: put the archives in {CORPUS_ARCHIVES} (or extract them into {extracted})")
    return found


def ensure_index(index: Path, sources: list[str]) -> None:
    """Build the corpus index with indexer.build_index unless a complete one is there already."""
    from indexer.backends.whoosh.store import WhooshStore

    if WhooshStore(index).exists():
        print(f"index: reusing {index}", flush=True)
        return
    from indexer import build_index

    print(f"index: building {index} from {len(sources)} corpus folders (a few minutes) ...", flush=True)
    report = build_index(sources, index)
    print(f"index: {report.total} releases from {report.files} files in {report.seconds:.0f} s", flush=True)


def releases_command(*args: str) -> list[str]:
    """The `releases` command line of this interpreter's environment."""
    return [sys.executable, "-c", "from indexer.cli import main; main()", *args]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    """`releases serve` as a subprocess on a loopback port."""

    def __init__(self, index: Path, threads: int | None, workers: int | None, code: Path | None = None):
        self.port = free_port()
        args = ["serve", "--index", str(index), "--host", HOST, "--port", str(self.port)]
        if threads:
            args += ["--threads", str(threads)]
        if workers:
            args += ["--workers", str(workers)]
        CACHE.mkdir(parents=True, exist_ok=True)
        self.log_path = CACHE / f"server-{self.port}.log"  # two servers side by side keep their own
        self.log = open(self.log_path, "w")  # noqa: SIM115 (closed in stop)
        # code: another checkout serves (its folder first on the path), to compare two versions side by side.
        env = {**os.environ, "PYTHONPATH": str(code.resolve())} if code else None
        self.proc = subprocess.Popen(
            releases_command(*args), stdout=self.log, stderr=subprocess.STDOUT, cwd=code or ROOT, env=env
        )
        self.base = f"http://{HOST}:{self.port}"
        # Opening 1,000,000 releases (facet tables, norms) on a busy machine takes minutes.
        deadline, status = time.monotonic() + 300, None
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"the server exited with {self.proc.returncode}; see {self.log_path}")
            try:
                status = get(self.port, "/api/search?q=acquisition")[0]
            except OSError:
                status = None
            if status == 200:
                # "Serving release search on ... (index: ...; 2 worker processes of 8 threads); Ctrl-C stops."
                first = self.log_path.read_text().partition("\n")[0]
                self.shape = first.rpartition("; ")[0].rpartition("; ")[2].rstrip(")") or "unknown"
                return
            if status is not None and status >= 500:
                break
            time.sleep(0.3)
        self.stop()
        sys.exit(f"the server did not answer a search (last status {status}); see {self.log_path}")

    def processes(self) -> list[int]:
        """The server's process ids: the one started (gunicorn's master) and its children (the workers)."""
        pids = [self.proc.pid]
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                with open(stat) as handle:
                    # The command name (field 2) may hold spaces; the parent pid is the 2nd field after it.
                    fields = handle.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process ended meanwhile
            if int(fields[1]) == self.proc.pid:
                pids.append(int(stat.split("/")[2]))
        return pids

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the server: the master, its workers and their children
        (the costly lane's process), ended children included."""
        parents, times = {}, {}
        for stat in glob.glob("/proc/[0-9]*/stat"):
            try:
                with open(stat) as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            pid = int(stat.split("/")[2])
            # After the command name: state, ppid, ..., utime (12th), stime, cutime, cstime.
            parents[pid] = int(fields[1])
            times[pid] = sum(int(x) for x in fields[11:15])
        ours, frontier = {self.proc.pid}, [self.proc.pid]
        while frontier:
            parent = frontier.pop()
            children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in ours]
            ours.update(children)
            frontier += children
        return sum(times.get(pid, 0) for pid in ours) / os.sysconf("SC_CLK_TCK")

    def worker_memory_mb(self) -> list[tuple[float, float]]:
        """Resident and peak resident memory (VmRSS, VmHWM) of each worker process, in MB, largest first."""
        found = []
        for pid in self.processes()[1:]:
            try:
                with open(f"/proc/{pid}/status") as handle:
                    status = dict(line.split(":", 1) for line in handle if line.startswith(("VmRSS:", "VmHWM:")))
            except OSError:
                continue
            found.append((int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024))
        return sorted(found, reverse=True)

    def worker_memory_parts_mb(self) -> list[tuple[float, float]]:
        """Anonymous and file-backed resident memory (RssAnon, RssFile) of each worker, in MB: the file-backed
        part is pages of the memory-mapped index files, which workers share and the OS can drop."""
        found = []
        for pid in self.processes()[1:]:
            try:
                with open(f"/proc/{pid}/status") as handle:
                    status = dict(line.split(":", 1) for line in handle if line.startswith(("RssAnon:", "RssFile:")))
            except OSError:
                continue
            found.append((int(status["RssAnon"].split()[0]) / 1024, int(status["RssFile"].split()[0]) / 1024))
        return sorted(found, reverse=True)

    def rss_mb(self) -> float:
        """Resident memory of the server, in MB: the master and all its workers together."""
        total = 0
        for pid in self.processes():
            try:
                with open(f"/proc/{pid}/status") as handle:
                    total += next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
            except (OSError, StopIteration):
                continue  # a worker that exited between listing and reading
        return total / 1024

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def get(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def request_mix(port: int, seed: int = 8) -> list[str]:
    """The rotation of request paths: mostly JSON searches, some HTML pages, suggestions and release pages."""
    searches = []
    known = ROOT / "benchmarks" / "known_items.jsonl"
    queries = list(QUERIES)
    if known.exists():
        queries += [json.loads(line)["query"] for line in known.read_text().splitlines() if line.strip()][:40]
    for q in queries:
        quoted = urllib.parse.quote(q)
        searches += [f"/api/search?q={quoted}", f"/api/search?q={quoted}&sort=newest", f"/?q={quoted}"]
    searches += [f"/api/search?q={urllib.parse.quote(q)}&page=2" for q in queries[:10]]
    searches += ["/api/search?q=revenue&year=2019", "/api/search?q=dividend&ticker=NASDAQ:AAPL&ticker=NASDAQ:MSFT"]
    ids = []
    for q in ("acquisition", "dividend", "partnership", "ticker:AAPL", "clinical"):
        status, body = get(port, f"/api/search?q={urllib.parse.quote(q)}&per_page=10")
        if status == 200:
            ids += [hit["id"] for hit in json.loads(body)["hits"]]
    pages = [f"/releases/{i}" for i in ids[:20]] + [f"/api/releases/{i}" for i in ids[20:40]]
    suggests = [f"/api/suggest?q={p}" for p in SUGGEST_PREFIXES]
    mix, dropped = [], []
    for path in searches + pages + suggests:
        status, _ = get(port, path)
        # A 4xx here is a query this script got wrong, not a failure under load; a 5xx stays in and counts.
        (dropped if 400 <= status < 500 else mix).append((path, status))
    for path, status in dropped:
        print(f"  (left out of the mix: {path} -> {status})", flush=True)
    paths = [p for p, _ in mix]
    random.Random(seed).shuffle(paths)
    return paths


# ---- Load generators ---------------------------------------------------------------------------------

WRK_SCRIPT = r"""
-- Rotate through the request paths in a file, each thread from its own offset; report JSON when done.
local counter = 1
local threads = {}
function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end
function init(args)
  paths = {}
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = id * (tonumber(args[2]) or 7919)
end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d, "p50_ms": %.3f, "p90_ms": %.3f, "p99_ms": %.3f, "max_ms": %.3f, "mean_ms": %.3f}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
end
"""


@dataclass
class Run:
    """One stretch of load: counts and latency percentiles."""

    requests: int = 0
    seconds: float = 0.0
    errors: dict = field(default_factory=dict)
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p99_ms: float = 0.0
    max_ms: float = 0.0
    failed: list = field(default_factory=list)  # (path, status or exception) of the first failures
    cpu: float = 0.0  # the server's CPU seconds over the stretch, when measured

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


class WrkClient:
    """wrk with the rotation script: little CPU for the load it makes."""

    name = "wrk"

    def __init__(self, port: int, paths: list[str], connections: int, timeout: float, stride: int = 7919):
        self.port, self.connections, self.timeout, self.stride = port, connections, timeout, stride
        self.paths_file = CACHE / "paths.txt"
        self.paths_file.write_text("\n".join(paths) + "\n")
        self.script = CACHE / "rotate.lua"
        self.script.write_text(WRK_SCRIPT)

    def run(self, seconds: float) -> Run:
        threads = max(1, min(2, self.connections))
        cmd = [
            "wrk", f"-t{threads}", f"-c{self.connections}", f"-d{max(1, round(seconds))}s",
            f"--timeout={self.timeout:g}s", "-s", str(self.script), f"http://{HOST}:{self.port}",
            "--", str(self.paths_file), str(self.stride),
        ]  # fmt: skip
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        line = next(x for x in out.splitlines() if x.startswith("RESULT "))
        data = json.loads(line[len("RESULT ") :])
        return Run(
            requests=data["requests"],
            seconds=data["duration_us"] / 1e6,
            errors={k: data[k] for k in ("connect", "read", "write", "status", "timeout") if data[k]},
            p50_ms=data["p50_ms"],
            p90_ms=data["p90_ms"],
            p99_ms=data["p99_ms"],
            max_ms=data["max_ms"],
        )


class PythonClient:
    """One thread per connection, each with a kept-alive HTTP connection, looping until told to stop.

    Unlike wrk it can run until an event (a rebuild finishing) and then lets the requests in flight finish,
    so no request is abandoned half-way and left for the server to work on.
    """

    name = "python threads"

    def __init__(self, port: int, paths: list[str], connections: int, timeout: float, stride: int = 7919):
        self.port, self.paths, self.connections, self.timeout = port, paths, connections, timeout
        self.stride = stride  # where each connection starts in the rotation: n * stride

    def run(self, seconds: float = 3600, until: threading.Event | None = None) -> Run:
        """Load for `seconds`, or until `until` is set, whichever comes first."""
        latencies: list[list[float]] = [[] for _ in range(self.connections)]
        errors: list[dict] = [{} for _ in range(self.connections)]
        failed: list = []
        deadline = time.monotonic() + seconds

        def stopping() -> bool:
            return time.monotonic() >= deadline or (until is not None and until.is_set())

        def worker(n: int) -> None:
            conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            i = n * self.stride
            while not stopping():
                i += 1
                path = self.paths[i % len(self.paths)]
                started = time.perf_counter()
                try:
                    conn.request("GET", path)
                    response = conn.getresponse()
                    response.read()
                except TimeoutError:
                    errors[n]["timeout"] = errors[n].get("timeout", 0) + 1
                    failed.append((path, "timeout"))
                    conn.close()
                    continue
                except OSError as exc:
                    errors[n]["read"] = errors[n].get("read", 0) + 1
                    failed.append((path, type(exc).__name__))
                    conn.close()
                    continue
                latencies[n].append((time.perf_counter() - started) * 1000)
                if response.status >= 400:
                    errors[n]["status"] = errors[n].get("status", 0) + 1
                    failed.append((path, response.status))
            conn.close()

        started = time.monotonic()
        workers = [threading.Thread(target=worker, args=(n,), daemon=True) for n in range(self.connections)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        elapsed = time.monotonic() - started
        samples = sorted(x for per in latencies for x in per)
        merged: dict = {}
        for per in errors:
            for key, value in per.items():
                merged[key] = merged.get(key, 0) + value

        def pct(p: float) -> float:
            return samples[min(len(samples) - 1, int(len(samples) * p / 100))] if samples else 0.0

        answered_errors = merged.get("status", 0)
        return Run(
            requests=len(samples) + sum(merged.values()) - answered_errors,
            seconds=elapsed,
            errors=merged,
            p50_ms=pct(50),
            p90_ms=pct(90),
            p99_ms=pct(99),
            max_ms=samples[-1] if samples else 0.0,
            failed=failed[:10],
        )


# ---- Phases -------------------------------------------------------------------------------------------


def marker_release(folder: Path) -> str:
    """A release only the rebuilt index holds: finding it proves the server switched to the new generation."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    word = f"loadmarker{int(time.time())}"
    (folder / f"{word}.txt").write_text(
        f"Load Benchmark Marker {word}\n\nNEW YORK, Jan. 5, 2026 (BUSINESS WIRE) -- The load benchmark wrote "
        f"this release ({word}) to see the server switch to a rebuilt index.\n"
    )
    return word


def found(port: int, word: str) -> int:
    """How many releases hold word; -1 when the search fails."""
    try:
        status, body = get(port, f"/api/search?q={word}", timeout=60)
    except OSError:
        return -1
    return json.loads(body)["total"] if status == 200 else -1


def rebuild_under_load(port: int, paths: list[str], args, sources: list[str], word: str) -> dict:
    """Rebuild the whole index under the same load; keep the load on until --after seconds past the switch.

    The Python client carries this phase: it can stop on an event and lets requests in flight finish.
    """
    client = PythonClient(port, paths, args.connections, args.timeout)
    before = found(port, word)
    cmd = releases_command("index", *sources, "--index", str(args.index), "--rebuild", "--json")
    done = threading.Event()
    outcome: dict = {}

    def rebuild() -> None:
        started = time.monotonic()
        with open(CACHE / "rebuild.log", "w") as log:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=log, text=True, cwd=ROOT)
        outcome.update(exit=proc.returncode, build_seconds=time.monotonic() - started, stdout=proc.stdout)
        time.sleep(args.after)  # the server must move to the new generation under load, cleanly
        done.set()

    thread = threading.Thread(target=rebuild, daemon=True)
    thread.start()
    run = client.run(seconds=args.rebuild_limit, until=done)
    thread.join()
    after = found(port, word)
    try:
        report = json.loads(outcome["stdout"].strip().splitlines()[-1])
    except (KeyError, ValueError, IndexError):
        report = {}
    return {
        "run": run,
        "exit": outcome.get("exit"),
        "build_seconds": outcome.get("build_seconds", float("nan")),
        "releases": report.get("total"),
        "marker_before": before,
        "marker_after": after,
    }


def soak(client, server: Server, seconds: float) -> dict:
    """One stretch of load for `seconds`, sampling the server's resident memory every 5 seconds."""
    samples: list[tuple[float, float]] = []
    first = set(server.processes())
    seen: set[int] = set()
    stop = threading.Event()
    started = time.monotonic()

    def sampler() -> None:
        while not stop.is_set():
            samples.append((time.monotonic() - started, server.rss_mb()))
            seen.update(server.processes())
            stop.wait(5)

    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    run = client.run(seconds)
    stop.set()
    thread.join()
    samples.append((time.monotonic() - started, server.rss_mb()))
    last = set(server.processes())
    # A worker that died or was killed for hanging is replaced by a fresh, smaller one: memory that looks flat
    # could hide that, so count the processes that came and went.
    return {"run": run, "samples": samples, "processes": len(last), "replaced": len((seen | last) - first)}


# ---- Report -------------------------------------------------------------------------------------------


def machine_note() -> str:
    cpus = os.cpu_count()
    load = os.getloadavg()
    return (
        f"{cpus} cores (load average at the end {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}, the benchmark's own "
        "load included); the server, the load generator and the rebuild all run on this one machine."
    )


def fmt_run(run: Run) -> str:
    errors = ", ".join(f"{k} {v}" for k, v in sorted(run.errors.items())) or "none"
    return (
        f"{run.requests} requests in {run.seconds:.0f} s = {run.rps:.1f} req/s; p50 {run.p50_ms:.0f} ms, "
        f"p90 {run.p90_ms:.0f} ms, p99 {run.p99_ms:.0f} ms, max {run.max_ms:.0f} ms; errors {run.error_count} ({errors})"
    )


def kind_of(path: str) -> str:
    """The kind of page a path asks for: "/api/search", "/ (HTML results)", "/releases/<id>", ..."""
    route = path.split("?", 1)[0]
    if route == "/":
        return "/ (HTML results)"
    if route.startswith(("/releases/", "/api/releases/")):
        return route.rsplit("/", 1)[0] + "/<id>"
    return route


def probe(port: int, paths: list[str], timeout: float) -> dict:
    """Each path once, one at a time: the run, and per kind of page the median and the slowest time."""
    timings: list[tuple[float, str]] = []
    errors = 0
    started = time.monotonic()
    for path in paths:
        t = time.perf_counter()
        try:
            status, _ = get(port, path, timeout=timeout)
        except OSError:
            status = 0
        timings.append(((time.perf_counter() - t) * 1000, path))
        errors += status >= 400 or status == 0
    elapsed = time.monotonic() - started
    ms = sorted(t for t, _ in timings)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(len(ms) * p / 100))]

    kinds: dict[str, list[float]] = {}
    for t, path in timings:
        kinds.setdefault(kind_of(path), []).append(t)
    return {
        "run": Run(len(ms), elapsed, {"status": errors} if errors else {}, pct(50), pct(90), pct(99), ms[-1]),
        "kinds": {k: (len(v), statistics.median(v), max(v)) for k, v in sorted(kinds.items())},
        "slowest": sorted(timings, reverse=True)[:8],
    }


def write_results(args, server_shape, client, paths, releases, single, steady, rebuild, soaked, rss_start) -> str:
    lines = [
        "# Load and faults: `releases serve` under concurrent load",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `benchmarks/load.py` (server: `releases serve`, "
        f"{server_shape}; client: {client.name}, {args.connections} connections, timeout {args.timeout:g} s). Index: {releases} releases from "
        f"{', '.join(Path(s).name for s in args.sources_used)}. Request mix: {len(paths)} paths rotated (JSON searches with fields, dates, wildcards, fuzzy terms, "
        "sorting and paging; HTML result pages; suggestions; release pages).",
        "",
        f"Machine: {machine_note()}",
        "",
        "| phase | requests/s | p50 | p99 | max | errors | note |",
        "|---|---|---|---|---|---|---|",
    ]

    def row(name, run, note):
        return (
            f"| {name} | {run.rps:.1f} | {run.p50_ms:.0f} ms | {run.p99_ms:.0f} ms | {run.max_ms:.0f} ms | "
            f"{run.error_count} | {note} |"
        )

    lines.append(row("one connection", single["run"], "each path once, one at a time: a request's own cost"))
    lines.append(
        row("steady", steady, f"{args.seconds:g} s, {args.connections} connections; targets: 0 errors, p99 <= 500 ms")
    )
    if rebuild:
        note = (
            f"full `releases index --rebuild` took {rebuild['build_seconds']:.0f} s under load (exit "
            f"{rebuild['exit']}); marker release found before/after the switch: {rebuild['marker_before']}/"
            f"{rebuild['marker_after']}; load from the Python client, kept on {args.after:g} s past the switch"
        )
        lines.append(row("during rebuild", rebuild["run"], note))
    if soaked:
        rss = [mb for _, mb in soaked["samples"]]
        note = (
            f"{args.soak_seconds:g} s; server RSS ({soaked['processes']} processes together) start {rss[0]:.0f} MB, "
            f"end {rss[-1]:.0f} MB, max {max(rss):.0f} MB (after start-up: {rss_start:.0f} MB); workers replaced "
            f"during the soak: {soaked['replaced']}"
        )
        lines.append(row("soak", soaked["run"], note))
    lines += [""]
    if soaked:
        rss = soaked["samples"]
        step = max(1, len(rss) // 12)
        lines += [
            "Server RSS during the soak (seconds: MB): "
            + ", ".join(f"{t:.0f}: {mb:.0f}" for t, mb in rss[::step] + ([rss[-1]] if (len(rss) - 1) % step else [])),
            "",
        ]
    if rebuild and rebuild["run"].failed:
        failed = "; ".join(f"`{path}` -> {what}" for path, what in rebuild["run"].failed)
        lines += [f"Failed requests during the rebuild (first {len(rebuild['run'].failed)}): {failed}", ""]
    lines += [
        "Where a request's time goes (each path once over one connection, before the load):",
        "",
        "| kind of request | paths | median | slowest |",
        "|---|---|---|---|",
        *(f"| `{k}` | {n} | {med:.0f} ms | {top:.0f} ms |" for k, (n, med, top) in single["kinds"].items()),
        "",
        "Slowest paths: " + "; ".join(f"`{p}` {t:.0f} ms" for t, p in single["slowest"]) + ".",
        "",
        "Errors count connection, read and write errors, timeouts and every response that is not 2xx/3xx. "
        "Latency is closed-loop: each connection sends its next request when the previous one is answered, so "
        "with 50 connections the mean latency is about 50 / (requests/s).",
        "",
    ]
    text = "\n".join(lines)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(text)
    return text


# ---- A stream of distinct queries ---------------------------------------------------------------------


WARMUP = 200  # the stream's first requests warm the searchers and are not measured


def stream_paths(sources, index: Path, label: str, count: int, seed: int) -> list[str]:
    """count distinct /api/search paths drawn (seeded) from the index's releases, warm-up first; kept per index
    and seed in .cache/bench, since drawing them reads the releases (minutes at 100k under load)."""
    kept = ROOT / ".cache" / "bench" / f"load-paths-{label}-{Path(index).name}-{seed}-{count}.json"
    if kept.exists():
        return json.loads(kept.read_text())
    # A longer stream kept for the same index and seed holds as many distinct queries: take its first ones.
    for longer in kept.parent.glob(f"load-paths-{label}-{Path(index).name}-{seed}-*.json"):
        if longer.stem.rsplit("-", 1)[1].isdigit() and int(longer.stem.rsplit("-", 1)[1]) >= count:
            return json.loads(longer.read_text())[:count]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import fresh_queries

    print("drawing the query stream ...", flush=True)
    docs, _ = fresh_queries.releases_for_queries(sources, index, seed)  # a sample above 200k
    stream = fresh_queries.query_stream(docs, count, seed)
    paths = [f"/api/search?q={urllib.parse.quote(query.text)}" for query in stream]
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text(json.dumps(paths))
    return paths


def summary(values: list[float]) -> dict:
    """Mean and percentiles of CPU milliseconds."""
    ordered = sorted(values)
    return {
        "mean": statistics.fmean(ordered),
        "p50": ordered[len(ordered) // 2],
        "p95": ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))],
        "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
    }


def distinct_load(args) -> int:
    """The JSON API under load with queries it has never answered: a seeded stream of distinct searches
    drawn from the indexed releases, split between the connections so that no query is asked twice."""
    sys.path.insert(0, str(ROOT / "benchmarks"))

    if args.synthetic:
        from build_bench import corpus

        sources = corpus(ROOT / ".cache" / "bench", args.synthetic)
        args.index = args.index or ROOT / ".cache" / "bench" / f"index-ours-{args.synthetic}"
        label = f"synthetic-{args.synthetic}"
    else:
        sources = args.sources or corpus_sources()
        args.index = args.index or CACHE / ("quick-index" if args.sources else "index")
        label = "corpus" if not args.sources else args.index.name
    ensure_index(args.index, sources)
    warmup = WARMUP
    count = args.distinct + warmup + 2 * args.direct
    paths = stream_paths(sources, args.index, label, count, args.seed)
    warm, measured = paths[:warmup], paths[warmup : warmup + args.distinct]
    server = Server(args.index, args.threads, args.workers, args.code)
    try:
        rss_start = server.rss_mb()
        print(f"server: {server.shape}, pids {server.processes()}, RSS {rss_start:.0f} MB", flush=True)
        _, body = get(server.port, "/api/search?q=")
        releases = json.loads(body).get("total")
        # Warm the workers' searchers and facet tables with queries left out of the measured stream.
        PythonClient(server.port, warm, args.connections, args.timeout, stride=max(1, warmup // args.connections)).run(
            5
        )
        worker_warm = server.worker_memory_mb()
        use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
        # Each connection (wrk: each thread) starts its own share of the stream: nothing is asked twice
        # unless the run outlasts the stream.
        if use_wrk:
            threads = max(1, min(2, args.connections))
            client = WrkClient(server.port, measured, args.connections, args.timeout, stride=len(measured) // threads)
        else:
            share = max(1, len(measured) // args.connections)
            client = PythonClient(server.port, measured, args.connections, args.timeout, stride=share)
        print(f"client: {client.name}, {args.connections} connections, {len(measured)} distinct queries", flush=True)
        cpu_before = server.cpu_seconds()
        run = client.run(args.seconds)
        server_cpu = server.cpu_seconds() - cpu_before
        rss_end = server.rss_mb()
        worker_end = server.worker_memory_mb()
        # What serving adds to a search: one query asked over and over, answered from the cache of finished
        # pages (a dictionary look-up), so its CPU is HTTP, waitress, Flask, the page's JSON and the workers.
        cached = None
        if use_wrk:
            get(server.port, measured[0])
            cpu_before = server.cpu_seconds()
            cached = WrkClient(server.port, measured[:1], args.connections, args.timeout).run(10)
            cached.cpu = server.cpu_seconds() - cpu_before
        workers = max(1, len(server.processes()) - 1)
    finally:
        server.stop()
    repeated = max(0, run.requests - len(measured))
    # The same mix asked in this process, queries the server was not asked: what a search costs without HTTP.
    costs = in_process_costs(args.index, [p.split("=", 1)[1] for p in paths[-2 * args.direct :]] if args.direct else [])
    cpu_ms = 1000 * server_cpu / max(1, run.requests)
    lines = [
        f"# Distinct queries under load: {label}",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `benchmarks/load.py --distinct {args.distinct}` (server: "
        f"`releases serve`, {server.shape}; client: {client.name}, {args.connections} connections). Index: "
        f"{releases:,} releases. Each request is `/api/search?q=...` with a query drawn from the releases "
        "(headline words, phrases, one word, broad words, year filters; seed "
        f"{args.seed}), none asked before in the run: "
        f"{run.requests:,} requests, {repeated:,} of them repeats. Each answer holds the exact total, 7 facets, "
        "the timeline and 10 hits with snippets; the cache of finished pages cannot help.",
        "",
        f"Machine: {machine_note()}",
        "",
        "| stream | requests/s | server CPU ms per request | requests per server CPU-second | p50 | p99 | max "
        "| errors | server RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
        f"| distinct searches, {args.connections} connections, {args.seconds:g} s | {run.rps:.1f} | {cpu_ms:.1f} | "
        f"{run.requests / server_cpu if server_cpu else 0:.1f} | {run.p50_ms:.0f} ms | {run.p99_ms:.0f} ms | "
        f"{run.max_ms:.0f} ms | {run.error_count} | {rss_start:.0f} MB after start-up, {rss_end:.0f} MB at the end "
        f"({workers} workers and the master) |",
        "",
        f"Server CPU: user + system time of the master, its workers and their children during the run "
        f"({server_cpu:.1f} s for {run.requests:,} requests); on a shared machine requests per CPU-second is "
        f"the figure that carries over: {len(os.sched_getaffinity(0))} free cores would serve about "
        f"{len(os.sched_getaffinity(0)) * run.requests / server_cpu if server_cpu else 0:.0f} requests/s at this "
        "cost, less what the load generator takes.",
        "",
        *(
            [
                f"Serving alone: one query repeated for 10 s (a cached page) took {1000 * cached.cpu / cached.requests:.2f} "
                f"ms of server CPU per request ({cached.requests / cached.cpu:.0f} requests per CPU-second, "
                f"{cached.rps:.0f} requests/s, p99 {cached.p99_ms:.0f} ms, {cached.error_count} errors): HTTP, waitress, "
                "Flask, the page's JSON and the worker loop, what every request pays beside its search.",
                "",
            ]
            if cached and cached.requests and cached.cpu
            else []
        ),
        "Memory of one worker (the largest; RSS, MB): after start-up and 200 warm-up queries "
        f"{worker_warm[0][0] if worker_warm else 0:.0f}; after the run {worker_end[0][0] if worker_end else 0:.0f} "
        f"(peak {worker_end[0][1] if worker_end else 0:.0f}); every worker at the end: "
        + ", ".join(f"{rss:.0f}" for rss, _ in worker_end)
        + ".",
        "",
    ]
    if costs:
        lines += [
            f"The same mix in one process, {costs['queries']} further distinct queries, alternating (CPU ms of the "
            "calling thread per query, warm index):",
            "",
            "| path | mean | p50 | p95 |",
            "|---|---:|---:|---:|",
            *(
                f"| {name} | {row['mean']:.1f} | {row['p50']:.1f} | {row['p95']:.1f} |"
                for name, row in costs["rows"].items()
            ),
            f"| the server under load (all its CPU per request) | {cpu_ms:.1f} | | |",
            "",
        ]
    lines += ["Targets (issue 20): >= 200 requests/s, 0 errors, p99 <= 500 ms.", ""]
    if run.failed:
        lines += ["First failures: " + "; ".join(f"`{p}` -> {w}" for p, w in run.failed), ""]
    text = "\n".join(lines)
    print(text)
    out = args.results if args.results != RESULTS else RESULTS.with_name(f"load-distinct-{label}.md")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    return 0 if run.error_count == 0 else 1


def worker_memory(args) -> int:
    """The memory of one server worker: `releases serve --workers 1`, its RSS after start-up (one search) and
    as it answers N distinct JSON searches (4 connections), with the cache budgets in force."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import fresh_queries
    from build_bench import corpus

    sources = corpus(ROOT / ".cache" / "bench", args.synthetic) if args.synthetic else args.sources or corpus_sources()
    if args.synthetic:
        args.index = args.index or ROOT / ".cache" / "bench" / f"index-ours-{args.synthetic}"
    label = f"synthetic-{args.synthetic}" if args.synthetic else (args.index.name if args.index else "corpus")
    args.index = args.index or CACHE / "index"
    ensure_index(args.index, sources)
    print("drawing the query stream ...", flush=True)
    docs, _ = fresh_queries.releases_for_queries(sources, args.index, args.seed)  # a sample above 200k
    stream = fresh_queries.query_stream(docs, args.worker_memory, args.seed)
    paths = iter(f"/api/search?q={urllib.parse.quote(query.text)}" for query in stream)
    lock, answered, failed = threading.Lock(), [0], []
    server = Server(args.index, args.threads, 1)
    samples = []

    def sample() -> None:
        rss, peak = server.worker_memory_mb()[0]
        anon, mapped = server.worker_memory_parts_mb()[0]
        samples.append((answered[0], rss, peak, anon, mapped, time.monotonic() - started))
        print(
            f"  {answered[0]:>6,} searches: worker RSS {rss:.0f} MB (peak {peak:.0f}; anonymous {anon:.0f}, "
            f"file-backed {mapped:.0f})",
            flush=True,
        )

    def asker() -> None:
        conn = http.client.HTTPConnection(HOST, server.port, timeout=args.timeout)
        while True:
            with lock:
                path = next(paths, None)
            if path is None:
                break
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status >= 500:
                    failed.append((path, response.status))
            except OSError as exc:
                failed.append((path, type(exc).__name__))
                conn.close()
            with lock:
                answered[0] += 1
        conn.close()

    started = time.monotonic()
    try:
        sample()
        askers = [threading.Thread(target=asker, daemon=True) for _ in range(4)]
        for thread in askers:
            thread.start()
        while any(thread.is_alive() for thread in askers):
            time.sleep(2)
            if not samples or answered[0] - samples[-1][0] >= max(100, args.worker_memory // 10):
                sample()
        sample()
        releases = json.loads(get(server.port, "/api/search?q=")[1]).get("total")
    finally:
        server.stop()
    from indexer.settings import CACHE_BUDGETS, cache_budget

    budgets = ", ".join(f"{name} {cache_budget(name) / 2**20:g}" for name in CACHE_BUDGETS)
    lines = [
        f"# Memory of one server worker: {label}",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `benchmarks/load.py --worker-memory {args.worker_memory}` "
        f"({time.monotonic() - started:.0f} s): `releases serve --workers 1`, index of {releases:,} releases; "
        f"{args.worker_memory:,} distinct `/api/search` queries (the mix of fresh_queries.py, seed {args.seed}) over "
        f"4 connections; {len(failed)} failed. Cache budgets (MB): {budgets}; result pages "
        "$RELEASES_RESULT_CACHE (1024 by default).",
        "",
        "| searches answered | seconds | worker RSS MB | peak RSS MB | anonymous MB | file-backed MB |",
        "|---:|---:|---:|---:|---:|---:|",
        *(
            f"| {n:,} | {at:.0f} | {rss:.0f} | {peak:.0f} | {anon:.0f} | {mapped:.0f} |"
            for n, rss, peak, anon, mapped, at in samples
        ),
        "",
        "Anonymous memory is the worker's own (searcher, facet tables, caches within their budgets); file-backed "
        "memory is pages of the memory-mapped index files, shared between workers and dropped by the OS under "
        "memory pressure.",
        "",
        f"Machine: {machine_note()}",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    out = ROOT / "benchmarks" / "results" / f"worker-memory-{label}.md"
    out.write_text(text)
    return 0 if not failed else 1


def in_process_costs(index: Path, queries: list[str]) -> dict:
    """CPU ms per query in this process, alternating between ReleaseIndex.search and the whole /api/search
    view through Flask's test client (parameters, limits, search, JSON) over distinct queries."""
    if not queries:
        return {}
    from webapp import create_app

    app = create_app({"RELEASES_INDEX": str(index)})
    client = app.test_client()
    client.get("/api/search?q=acquisition")  # opens the index
    index_ = app.extensions["release_index"].get()
    warm, asked = queries[:50], queries[50:]
    for query in warm:
        client.get(f"/api/search?q={query}")
    spent: dict[str, list[float]] = {"ReleaseIndex.search": [], "/api/search through Flask's test client": []}
    for n, query in enumerate(asked):
        started = time.thread_time()
        if n % 2 == 0:
            try:
                index_.search(urllib.parse.unquote(query))
            except Exception:  # noqa: BLE001 (a refused query costs what it cost)
                pass
            spent["ReleaseIndex.search"].append((time.thread_time() - started) * 1000)
        else:
            client.get(f"/api/search?q={query}")
            spent["/api/search through Flask's test client"].append((time.thread_time() - started) * 1000)
    index_.close()

    return {"queries": len(asked), "rows": {name: summary(values) for name, values in spent.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="index folder (default .cache/load/index; built when missing)")
    parser.add_argument("--sources", nargs="+", help="folders to index instead of the corpus (for a quick check)")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60, help="steady load")
    parser.add_argument("--soak-seconds", type=float, default=600, help="memory soak (0 skips it)")
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild-under-load phase")
    parser.add_argument("--after", type=float, default=20, help="seconds of load after the rebuild switched over")
    parser.add_argument("--rebuild-limit", type=float, default=3600, help="stop the rebuild phase's load after this")
    parser.add_argument("--timeout", type=float, default=30, help="a request slower than this counts as an error")
    parser.add_argument("--threads", type=int, help="threads per server worker (default: the serve command's)")
    parser.add_argument("--workers", type=int, help="server worker processes (default: the serve command's)")
    parser.add_argument("--code", type=Path, help="with --distinct: serve another checkout's code (side by side)")
    parser.add_argument("--client", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument(
        "--results",
        type=Path,
        default=RESULTS,
        help="where the report goes (quick checks: elsewhere, to keep the figures)",
    )
    parser.add_argument(
        "--distinct",
        type=int,
        metavar="N",
        help="instead of the phases: N distinct JSON searches drawn from the indexed releases (the mix of "
        "fresh_queries.py), none asked twice, for --seconds; writes results/load-distinct-<label>.md",
    )
    parser.add_argument("--synthetic", type=int, metavar="N", help="with --distinct: N releases of synth.py (seed 42)")
    parser.add_argument("--seed", type=int, default=42, help="with --distinct: the seed of the query stream")
    parser.add_argument(
        "--worker-memory",
        type=int,
        metavar="N",
        help="instead of the phases: one server worker's RSS as it answers N distinct JSON searches "
        "(--synthetic or --index/--sources); writes results/worker-memory-<label>.md",
    )
    parser.add_argument(
        "--direct",
        type=int,
        default=300,
        metavar="N",
        help="with --distinct: N more queries asked in this process after the load, half through "
        "ReleaseIndex.search and half through the Flask view, for the CPU the serving path adds (0: skip)",
    )
    args = parser.parse_args(argv)

    CACHE.mkdir(parents=True, exist_ok=True)
    if args.worker_memory:
        return worker_memory(args)
    if args.distinct:
        return distinct_load(args)
    sources = args.sources or corpus_sources()
    # A quick check over other sources must not rebuild the cached corpus index from them.
    args.index = args.index or CACHE / ("quick-index" if args.sources else "index")
    args.sources_used = sources
    ensure_index(args.index, sources)
    server = Server(args.index, args.threads, args.workers, args.code)
    try:
        rss_start = server.rss_mb()
        print(f"server: {server.shape}, pids {server.processes()} on {server.base}, RSS {rss_start:.0f} MB", flush=True)
        paths = request_mix(server.port)
        use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
        client_cls = WrkClient if use_wrk else PythonClient
        client = client_cls(server.port, paths, args.connections, args.timeout)
        print(f"client: {client.name}, {args.connections} connections, {len(paths)} paths", flush=True)
        _, body = get(server.port, "/api/search?q=")
        releases = json.loads(body).get("total")

        # Warm the searcher, the facet table and the OS cache. The Python client lets its requests finish, so the
        # server has no abandoned requests queued when the measured phases start.
        PythonClient(server.port, paths, args.connections, args.timeout).run(5)
        # One connection first: the time one request takes when it does not wait behind others.
        single = probe(server.port, paths, args.timeout)
        print(f"single:  {fmt_run(single['run'])}", flush=True)
        steady = client.run(args.seconds)
        print(f"steady:  {fmt_run(steady)}", flush=True)

        rebuild = None
        if not args.no_rebuild:
            word = marker_release(CACHE / "marker")
            rebuild = rebuild_under_load(server.port, paths, args, [*sources, str(CACHE / "marker")], word)
            print(
                f"rebuild: {fmt_run(rebuild['run'])}; rebuild {rebuild['build_seconds']:.0f} s, exit {rebuild['exit']}, "
                f"marker before/after {rebuild['marker_before']}/{rebuild['marker_after']}",
                flush=True,
            )

        soaked = None
        if args.soak_seconds > 0:
            soaked = soak(client, server, args.soak_seconds)
            rss = [mb for _, mb in soaked["samples"]]
            print(
                f"soak:    {fmt_run(soaked['run'])}; RSS {rss[0]:.0f} -> {rss[-1]:.0f} MB (max {max(rss):.0f})",
                flush=True,
            )
    finally:
        server.stop()
    print()
    print(write_results(args, server.shape, client, paths, releases, single, steady, rebuild, soaked, rss_start))
    failed = steady.error_count + (rebuild["run"].error_count if rebuild else 0)
    failed += soaked["run"].error_count if soaked else 0
    switched = rebuild is None or (rebuild["marker_before"] == 0 and rebuild["marker_after"] >= 1)
    return 0 if failed == 0 and switched else 1


if __name__ == "__main__":
    sys.exit(main())
