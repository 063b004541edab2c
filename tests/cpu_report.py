"""`pytest --cpu-report=DIR`: the CPU time each test and each pytest-xdist worker spent, beside the wall time.

On a shared machine wall time says how busy the others were; CPU time says what the suite costs. A test's CPU is
its process's user + system time from setup to teardown, plus that of the child processes it waited for (parse
workers, CLI subprocesses, Chromium once closed); the OpenSearch nodes' CPU is not in it. Each worker writes
DIR/<worker>.json; the run then prints the totals per worker and the slowest tests, and writes DIR/summary.md.
"""

from __future__ import annotations

import json
import os
import resource
import time
from pathlib import Path

import pytest

SLOWEST = 15


def _cpu() -> tuple[float, float]:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def pytest_addoption(parser):
    parser.addoption("--cpu-report", metavar="DIR", help="write CPU seconds per test and per worker into DIR")


class CpuReport:
    """Times tests in this process; the controller (or a run without xdist) also sums up every worker's file."""

    def __init__(self, folder: Path, worker: str):
        self.folder, self.worker, self.tests = folder, worker, []
        self.start = (_cpu(), time.monotonic())

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        (own, children), wall = _cpu(), time.monotonic()
        yield
        after = _cpu()
        self.tests.append(
            {
                "test": item.nodeid,
                "cpu": after[0] - own + after[1] - children,
                "wall": time.monotonic() - wall,
                "started": time.time() - (time.monotonic() - wall),  # Unix time: the workers' timeline
            }
        )

    def pytest_sessionfinish(self, session):
        (own, children), wall = _cpu(), time.monotonic() - self.start[1]
        if self.tests:
            total = own - self.start[0][0] + children - self.start[0][1]
            data = {"worker": self.worker, "cpu": total, "wall": wall, "tests": self.tests}
            (self.folder / f"{self.worker}.json").write_text(json.dumps(data), encoding="utf-8")
        if self.worker == "main":
            self.summary = summarise(self.folder, wall)

    def pytest_terminal_summary(self, terminalreporter):
        if self.worker == "main" and getattr(self, "summary", ""):
            terminalreporter.write_sep("=", "CPU time (--cpu-report)")
            terminalreporter.write_line(self.summary)


def summarise(folder: Path, wall: float) -> str:
    """Markdown: CPU and wall per worker, the load average, the slowest tests by CPU; also written to summary.md."""
    workers = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    tests = sorted((t | {"worker": w["worker"]} for w in workers for t in w["tests"]), key=lambda t: -t["cpu"])
    lines = [
        f"Run wall time {wall:.1f} s; load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}.",
        "",
        "| worker | tests | CPU s | wall s |",
        "|---|---:|---:|---:|",
        *(f"| {w['worker']} | {len(w['tests'])} | {w['cpu']:.1f} | {w['wall']:.1f} |" for w in workers),
        f"| all | {len(tests)} | {sum(w['cpu'] for w in workers):.1f} | |",
        "",
        f"| slowest {SLOWEST} tests by CPU | worker | CPU s | wall s |",
        "|---|---|---:|---:|",
        *(f"| {t['test']} | {t['worker']} | {t['cpu']:.2f} | {t['wall']:.2f} |" for t in tests[:SLOWEST]),
    ]
    text = "\n".join(lines)
    (folder / "summary.md").write_text(text + "\n", encoding="utf-8")
    return text


def pytest_configure(config):
    folder = config.getoption("cpu_report")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        if worker == "main":  # a fresh report: the workers of an earlier run may have been more
            for old in Path(folder).glob("*.json"):
                old.unlink()
        config.pluginmanager.register(CpuReport(Path(folder), worker), "cpu_report_timer")
