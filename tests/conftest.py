"""Shared fixtures: fixture releases, a tiny real index in tmp_path, the app, its client, the CLI runner, and the
session-wide indexes of the web tests (varied and hostile releases), built once per test run; how pytest-xdist's
workers share the suite out."""

from __future__ import annotations

import atexit
import compileall
import fcntl
import functools
import gc
import os
import re
import shutil
import sys
from pathlib import Path

import flask
import pytest
from click.testing import CliRunner
from jinja2 import BytecodeCache
from web_releases import write_hostile_releases, write_releases
from werkzeug.routing.rules import Rule

# indexer and webapp are imported by the fixtures that use them: pytest-xdist's controller imports this file but runs
# no test (0.27 CPU-s), and every worker imports them with its test files anyway.
pytest_plugins = ["cpu_report"]  # pytest --cpu-report=DIR: CPU seconds per test and per xdist worker


class SharedTemplateCode(BytecodeCache):
    """Compiled templates shared by every app a test process creates, keyed by each template's source checksum.

    Each Flask app has its own Jinja environment, so each test's new app compiled every template it rendered
    again: about 55 of the 78 ms CPU a fresh app took to serve its first page and one API call."""

    def __init__(self):
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # ignored when the template's source changed

    def dump_bytecode(self, bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


flask.Flask.jinja_options = {**flask.Flask.jinja_options, "bytecode_cache": SharedTemplateCode()}


def _shared_url_builders(compile_builder):
    """Werkzeug's Rule._compile_builder, its functions shared by every app a test process creates: each new app's
    21 routes had their two URL builders generated and compiled again (4.1 of the 4.8 ms CPU create_app took).

    A builder is made from the rule's text, its parsed parts and whether it appends unknown arguments, and reads
    the rule's converters through the rule it is bound to; rules with defaults (baked into the code) are not
    shared."""
    built: dict = {}

    def shared(self, append_unknown: bool = True):
        if self.defaults:
            return compile_builder(self, append_unknown)
        key = (self.rule, tuple(self._trace), append_unknown)
        if key not in built:
            built[key] = compile_builder(self, append_unknown)
        return built[key]

    return shared


Rule._compile_builder = _shared_url_builders(Rule._compile_builder)

# The collector's thresholds in every test process (the controller and each worker, from collection on; forked
# parse workers inherit them): a collection of the young objects every 10,000 allocations net, not 700. The suite's
# processes hold large heaps (indexes, parsed corpora, numpy, hypothesis) and allocate fast, so Python's defaults
# ran a full collection every few seconds: the heaviest test files in one process, GC 3.8 -> 1.1 CPU-s of 58.
# Garbage in reference cycles is found later, never missed: pytest still collects it all at the session's end.
TEST_GC_THRESHOLDS = (10_000, 20, 10)
gc.set_threshold(*TEST_GC_THRESHOLDS)


def _freeze_at_exit() -> None:
    """At a test process's exit (pytest's own last collections done), take every object out of the collector's
    reach: the interpreter's collections as it shuts down then skip the whole heap (modules, caches, indexes), about
    0.5 CPU-s a process. Objects are still freed as their references go; only cyclic garbage is left to the OS."""
    gc.freeze()


# Registered as this file is imported: exit functions registered later (by what the tests import) run before it.
atexit.register(_freeze_at_exit)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
# Work that tests share, by what a test file names: files naming it run on one pytest-xdist worker, in one go, and
# are handed out first, in this order (the longest work first, so that both workers finish together).
SHARED_WORK = {
    "cluster_alone": "the OpenSearch cluster to itself",  # node-loss tests; the other worker runs other tests meanwhile
    "synthetic_index": "the synthetic index",  # as long to build as hundreds of tests take to run
    "index_with_deletions": "an index with deleted documents",  # the kept and ranked sums files: built once
    "read_corpus_archive": "the corpus archives read",  # the parser labels' files and the held-out draws' names
}
# A test file's helper that keeps its result for the file's other tests (their data made when first asked).
SHARED_DATA = re.compile(r"^@(functools\.)?(cache|lru_cache)\b", re.MULTILINE)
# Single tests (those not in a unit of their file) sent to a worker in one message, at most: fewer as the queue
# empties (a quarter of its share per worker), so that the workers still finish together.
SINGLE_TESTS_SENT = 20
# Files whose module-scoped work takes long in wall time (waiting on the cluster): handed out after the shared work.
LONG_FILES = ("tests/test_opensearch_parity.py",)


# Workers `pytest -n auto` starts beyond one a core: a third of the suite's wall time is spent waiting (on the
# OpenSearch nodes, Chromium, node restarts, timers of the worker-failure tests), during which a core would idle.
EXTRA_WORKERS = 2


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, which may not be installed
def pytest_xdist_auto_num_workers(config):
    """`-n auto`: EXTRA_WORKERS more workers than the cores this process may use ($PYTEST_XDIST_AUTO_NUM_WORKERS,
    when set, still decides)."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # xdist's own hook reads it
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores + EXTRA_WORKERS


# The folders whose modules the tests import, compiled before the workers start (pytest_xdist_setupnodes), and how
# deep: tests/ and benchmarks/ only at the top (a .py file among the test data is a release, not a module).
COMPILED = {"indexer": 10, "webapp": 10, "tests": 0, "benchmarks": 0}


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, which may not be installed
def pytest_xdist_setupnodes(config, specs):
    """Before the workers start, write the bytecode of this tree's modules and of its test files with their asserts
    rewritten (pytest's cached form): on a fresh checkout each worker otherwise compiled all of them itself, about
    3.5 CPU-s a worker. Nothing is written where Python writes no bytecode ($PYTHONDONTWRITEBYTECODE)."""
    if sys.dont_write_bytecode:
        return
    for folder, depth in COMPILED.items():
        compileall.compile_dir(
            config.rootpath / folder, maxlevels=depth, quiet=2, rx=re.compile(r"[/\\]test_[^/\\]*\.py$")
        )
    if config.getoption("assertmode") == "rewrite":
        _rewrite_test_files(config)


def _rewrite_test_files(config) -> None:
    """Each test file's rewritten code written where pytest's import hook looks for it, unless already there."""
    try:  # pytest's own functions, not its API: when they change, each worker rewrites its files as before
        from _pytest.assertion.rewrite import PYC_TAIL, _read_pyc, _rewrite_test, _write_pyc, assertstate_key

        state = config.stash[assertstate_key]
        for path in sorted((config.rootpath / "tests").glob("test_*.py")):
            pyc = path.parent / "__pycache__" / (path.name[:-3] + PYC_TAIL)
            if _read_pyc(path, pyc, state.trace) is None:
                pyc.parent.mkdir(exist_ok=True)
                source, code = _rewrite_test(path, config)
                _write_pyc(state, code, source, pyc)
    except Exception:  # a cache only: each worker still rewrites what is not there
        return


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist, which may not be installed
def pytest_xdist_make_scheduler(config, log):
    """Under `pytest -n N` (xdist's default --dist load), hand out tests as SharedWorkScheduling groups them."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedWorkScheduling(LoadScopeScheduling):
        """Tests one at a time, except those that share costly or exclusive work, which go to one worker together:
        the files naming an entry of SHARED_WORK, and each file with module- or session-scoped fixtures of its own
        or a cached helper (SHARED_DATA), its work done once. The shared work and LONG_FILES go out first, the rest
        as xdist orders it (units with the most tests first); single tests go several to a message (SINGLE_TESTS_SENT)
        while many are left."""

        ordered = False

        def __init__(self, config, log=None):
            super().__init__(config, log)
            # Tests each worker has been sent and not finished: xdist counts them anew over every unit a worker
            # was ever sent, after each test (quadratic: seconds of the controller's CPU over the suite).
            self.pending: dict = {}
            self.positions: dict = {}  # per worker: each test's index in its collection

        def _split_scope(self, nodeid: str) -> str:
            return _work_unit(config.rootpath, nodeid)

        def add_node(self, node) -> None:
            super().add_node(node)
            self.pending[node] = 0

        def _assign_work_unit(self, node) -> None:
            if not self.ordered:  # the first call: the queue is complete
                self.ordered = True
                for unit in reversed([*SHARED_WORK, *LONG_FILES]):
                    if unit in self.workqueue:
                        self.workqueue.move_to_end(unit, last=False)
            if self._cluster_taken(node):  # its tests would wait for the node-loss tests: run others meanwhile
                unit = next((u for u in self.workqueue if not _uses_cluster(config.rootpath, u)), None)
                if unit is not None:
                    self.workqueue.move_to_end(unit, last=False)
                # (no batch of single tests then: those after it may need the cluster)
                batch = 1
            else:
                batch = max(1, min(SINGLE_TESTS_SENT, len(self.workqueue) // (4 * len(self.assigned_work))))
            # Units of single tests, up to batch of them, go in one message (each costs both processes a round).
            units = [self.workqueue.popitem(last=False)]
            while len(units) < batch and self.workqueue and "::" in units[-1][0] and "::" in next(iter(self.workqueue)):
                units.append(self.workqueue.popitem(last=False))
            if node not in self.positions:  # where each test is in the worker's collection (list.index was linear)
                self.positions[node] = {nodeid: i for i, nodeid in enumerate(self.registered_collections[node])}
            assigned = self.assigned_work.setdefault(node, {})
            indexes = []
            for scope, unit in units:
                assigned[scope] = unit
                indexes += [self.positions[node][nodeid] for nodeid, done in unit.items() if not done]
            self.pending[node] = self.pending.get(node, 0) + len(indexes)
            node.send_runtest_some(indexes)

        def mark_test_complete(self, node, item_index: int, duration: float = 0) -> None:
            nodeid = self.registered_collections[node][item_index]
            unit = self.assigned_work[node][self._split_scope(nodeid)]
            if not unit[nodeid]:
                unit[nodeid] = True
                self.pending[node] -= 1
            self._reschedule(node)

        def _pending_of(self, workload) -> int:
            node = next((n for n, work in self.assigned_work.items() if work is workload), None)
            return super()._pending_of(workload) if node is None else self.pending[node]

        def _cluster_taken(self, node) -> bool:
            """Whether another worker is running (or about to run) the tests that need the cluster alone."""
            return any(
                not all(work.get("cluster_alone", {True: True}).values())
                for other, work in self.assigned_work.items()
                if other is not node
            )

    return SharedWorkScheduling(config, log)


def _work_unit(root: Path, nodeid: str) -> str:
    """The unit of work a test goes to a worker in: a shared-work group, its file, or the test alone."""
    return _file_unit(root, nodeid.split("::", 1)[0]) or nodeid


@functools.cache  # asked twice for every test (when handed out and when done): a file's answer once
def _file_unit(root: Path, path: str) -> str | None:
    """The unit of work a test file's tests all go in (a shared-work group or the file), or None: each alone."""
    text = _test_source(root / path)
    for name in SHARED_WORK:
        if name in text:
            return name
    if 'scope="module"' in text or 'scope="session"' in text or SHARED_DATA.search(text):  # made once a worker
        return path
    return None


def _uses_cluster(root: Path, unit: str) -> bool:
    """Whether a unit of work has tests on the OpenSearch test cluster (a file naming tests/opensearch_cluster.py)."""
    if unit in SHARED_WORK:
        return unit == "cluster_alone"
    return "opensearch_cluster" in _test_source(root / unit.split("::", 1)[0])


@functools.cache
def _test_source(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.suffix == ".py" else ""


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The two sample releases committed in seeds/."""
    return SEEDS


@pytest.fixture
def release_dir(tmp_path) -> Path:
    """A folder of fixture releases (the seeds plus hand-written ones) to index."""
    folder = tmp_path / "releases"
    shutil.copytree(SEEDS, folder / "seeds")
    if FIXTURES.exists():
        shutil.copytree(FIXTURES, folder / "fixtures")
    return folder


def built_once(tmp_path_factory, name: str, build) -> Path:
    """The folder build(folder) fills, filled once per test run: under pytest-xdist in the run's temp folder (each
    worker's is in it) by the first worker to ask, the others waiting for it; without xdist, in the session's.

    Each session works on a copy of it (_copy_of_built): what its tests do to it stays theirs."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder, finished = base / f"built-{name}", base / f"built-{name}.done"
    with open(base / f"built-{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not finished.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a build that failed left
            build(folder)
            finished.touch()
    return folder


def _copy_of_built(tmp_path_factory, name: str, build) -> Path:
    """This session's copy of the index in built_once's folder (its index/; its sources stay there, only read)."""
    path = tmp_path_factory.mktemp(name) / "index"
    shutil.copytree(built_once(tmp_path_factory, name, build) / "index", path)
    return path


def _seeds(folder: Path) -> None:
    from indexer import build_index

    build_index([SEEDS], folder / "index")


@pytest.fixture(scope="session")
def seeds_template(tmp_path_factory) -> Path:
    """The index of the two seeds, built once per run (seeds_index hands each test its own copy)."""
    return _copy_of_built(tmp_path_factory, "seeds", _seeds)


@pytest.fixture
def seeds_index(seeds_template, tmp_path) -> Path:
    """A real index of the two seeds in tmp_path, the test's own to change: a copy of the session's build."""
    path = tmp_path / "index"
    shutil.copytree(seeds_template, path)
    return path


@pytest.fixture
def index(seeds_index):
    """The seeds index, open for searching."""
    from indexer import open_index

    with open_index(seeds_index) as opened:
        yield opened


@pytest.fixture
def app(seeds_index):
    """The web app over the seeds index."""
    from webapp import create_app

    return create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True})


@pytest.fixture
def client(app):
    """Flask's test client for the app."""
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    """Click's runner for the `releases` CLI."""
    return CliRunner()


def _varied(folder: Path) -> None:
    from indexer import build_index

    write_releases(folder / "releases")
    build_index([folder / "releases"], folder / "index")


def _hostile(folder: Path) -> None:
    from indexer import build_index

    write_hostile_releases(folder / "releases")
    build_index([folder / "releases"], folder / "index")


@pytest.fixture(scope="session")
def web_index(tmp_path_factory) -> Path:
    """An index of the 49 varied fixture releases, built once per test run (each session has its own copy)."""
    return _copy_of_built(tmp_path_factory, "web", _varied)


@pytest.fixture(scope="session")
def hostile_index(tmp_path_factory) -> Path:
    """An index of the hostile releases, built once per test run (each session has its own copy)."""
    return _copy_of_built(tmp_path_factory, "hostile", _hostile)


@pytest.fixture
def web_app(web_index):
    """The app over the varied fixture releases."""
    from webapp import create_app

    return create_app({"RELEASES_INDEX": str(web_index), "TESTING": True})


@pytest.fixture
def web(web_app):
    """A test client for the app over the varied fixture releases."""
    return web_app.test_client()


@pytest.fixture
def core(web_index):
    """The same index opened directly, to compare pages with what the core answers."""
    from indexer import open_index

    with open_index(web_index) as opened:
        yield opened


@pytest.fixture
def hostile(hostile_index):
    """A test client for the app over the hostile releases."""
    from webapp import create_app

    return create_app({"RELEASES_INDEX": str(hostile_index), "TESTING": True}).test_client()


@pytest.fixture
def hostile_core(hostile_index):
    """The hostile index opened directly."""
    from indexer import open_index

    with open_index(hostile_index) as opened:
        yield opened


@pytest.fixture(scope="session")
def synthetic_index(tmp_path_factory) -> Path:
    """An index of SYNTHETIC_RELEASES synthetic releases (benchmarks/synth.py), built once per session: exports
    streamed in many chunks, counts in the thousands, facets with more values than a page lists.

    Built in this process (no parse workers: the parallel build has tests of its own): workers would be spawned,
    not forked, when Chromium's threads run (test_browser.py asks first), 8.3 against 6.4 CPU-s. The same
    releases either way; undated ones tie in another order (by segment)."""
    from build_helpers import SYNTHETIC_RELEASES, synth

    from indexer import build_index

    root = tmp_path_factory.mktemp("synthetic_index")
    synth().write_corpus(str(root / "releases"), SYNTHETIC_RELEASES, seed=3)
    build_index([root / "releases"], root / "index", procs=1)
    return root / "index"


@pytest.fixture(scope="session")
def index_with_deletions(tmp_path_factory) -> Path:
    """A folder (in/) of 240 synthetic releases and its index (ix/), built, then built again with 20 of the files
    removed (deleted documents), once per session: its tests read it or copy it, never change it."""
    from build_helpers import build_with_deletions

    return build_with_deletions(tmp_path_factory.mktemp("deletions"), 240, seed=41, removed=slice(40, 60))


@pytest.fixture(scope="module")
def cluster():
    """A client of the OpenSearch test cluster (a skip without one), used beside the other tests that use it."""
    from opensearch_cluster import cluster_client, cluster_use

    found = cluster_client()
    with cluster_use():
        yield found
    found.close()


@pytest.fixture(scope="module")
def cluster_alone():
    """A client of the OpenSearch test cluster, once no other test uses it: for tests that kill a node."""
    from opensearch_cluster import cluster_client, cluster_use

    found = cluster_client()
    with cluster_use(alone=True):
        yield found
    found.close()


@pytest.fixture
def alias(cluster, request):
    """A unique index (alias) name on the cluster for one test; its indices are dropped afterwards."""
    from opensearch_cluster import drop, index_name

    name = index_name(request.module.__name__.removeprefix("test_").replace("_", "-"))
    yield name
    drop(cluster, name)
