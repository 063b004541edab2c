"""How tests/conftest.py shares the suite out among pytest-xdist workers: the unit of work each test goes in, the
count of each worker's unfinished tests, the bytecode written before the workers start; and the URL builders the
apps of one test process share, its garbage collector's thresholds, and its heap frozen at exit."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from _pytest.assertion.rewrite import PYC_TAIL, _read_pyc
from conftest import (
    SINGLE_TESTS_SENT,
    TEST_GC_THRESHOLDS,
    _work_unit,
    pytest_xdist_make_scheduler,
    pytest_xdist_setupnodes,
)

FIXTURE = "@pytest.fixture{}\ndef built():\n    return 1\n\n\ndef test_one(built):\n    assert built\n"


@pytest.mark.parametrize(
    ("source", "unit"),
    [
        (FIXTURE.format(""), "tests/test_acme.py::test_one"),  # a test alone
        (FIXTURE.format('(scope="module")'), "tests/test_acme.py"),  # the file whole: its fixture built once
        (FIXTURE.format('(scope="session")'), "tests/test_acme.py"),
        (
            "import functools\n\n\n@functools.cache\ndef _texts():\n    return ()\n\n\n" + FIXTURE.format(""),
            "tests/test_acme.py",
        ),
        (
            "def _texts():\n    return ()  # no @functools.cache here\n\n\n" + FIXTURE.format(""),
            "tests/test_acme.py::test_one",
        ),
        (FIXTURE.format("") + "# uses synthetic_index\n", "synthetic_index"),  # with the others sharing that work
        (FIXTURE.format('(scope="module")') + "# cluster_alone\n", "cluster_alone"),
    ],
    ids=["function", "module", "session", "cached helper", "helper not cached", "shared work", "shared work first"],
)
def test_a_test_goes_out_alone_with_its_file_or_with_its_shared_work(tmp_path, source, unit):
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_acme.py").write_text(source, encoding="utf-8")
    assert _work_unit(tmp_path, "tests/test_acme.py::test_one") == unit


class _Config:
    """The run's config, with another folder as the root."""

    def __init__(self, config, root):
        self._config, self.rootpath = config, root

    def __getattr__(self, name):
        return getattr(self._config, name)


def _tree(root):
    for folder in ("indexer/parts", "tests/fixtures"):
        (root / folder).mkdir(parents=True)
    (root / "indexer" / "parts" / "widgets.py").write_text("SIZE = 3\n", encoding="utf-8")
    (root / "tests" / "test_widgets.py").write_text("def test_size():\n    assert 1 + 2 == 3\n", encoding="utf-8")
    (root / "tests" / "fixtures" / "release.py").write_text(
        "headline = 'Acme Corp. announces a widget'\n", encoding="utf-8"
    )
    return root / "indexer" / "parts" / "__pycache__", root / "tests" / "__pycache__"


@pytest.mark.parametrize("writes", [True, False], ids=["bytecode written", "PYTHONDONTWRITEBYTECODE"])
def test_the_modules_and_rewritten_tests_are_compiled_before_the_workers_start(
    tmp_path, pytestconfig, monkeypatch, writes
):
    modules, tests = _tree(tmp_path)
    monkeypatch.setattr(sys, "dont_write_bytecode", not writes)
    pytest_xdist_setupnodes(_Config(pytestconfig, tmp_path), [])
    module_pyc = modules / f"widgets.{sys.implementation.cache_tag}.pyc"
    assert module_pyc.is_file() == writes
    assert (tests / f"test_widgets{PYC_TAIL}").is_file() == writes
    assert not (tmp_path / "tests" / "fixtures" / "__pycache__").exists()  # test data is not compiled
    # A test file's code is kept only in the form pytest imports it: asserts rewritten.
    assert not (tests / f"test_widgets.{sys.implementation.cache_tag}.pyc").exists()
    if writes:
        code = _read_pyc(tmp_path / "tests" / "test_widgets.py", tests / f"test_widgets{PYC_TAIL}", lambda _: None)
        test = next(c for c in code.co_consts if isinstance(c, types.CodeType) and c.co_name == "test_size")
        assert any(name.startswith("@py_assert") for name in test.co_varnames)


class _Node:
    """A worker as the scheduler sees it: it is sent tests and told to shut down."""

    def __init__(self, name):
        self.gateway = types.SimpleNamespace(id=name)
        self.sent: list[int] = []
        self.messages: list[list[int]] = []  # what each message carried
        self.shutting_down = False

    def send_runtest_some(self, indices):
        self.sent += indices
        self.messages.append(list(indices))

    def shutdown(self):
        self.shutting_down = True


class _SchedulerConfig:
    """What the scheduler reads of the run's config: two workers, --dist load, the tests under root."""

    def __init__(self, root):
        self.rootpath = root
        self.option = types.SimpleNamespace(loadscopereorder=True)

    def getvalue(self, name):
        return {"dist": "load", "tx": ["2*popen"]}[name]


def test_the_scheduler_counts_each_workers_unfinished_tests_as_xdist_does(tmp_path):
    """The count the scheduler keeps of each worker's unfinished tests is xdist's own count over the units it was
    sent, after every test that finishes, until the run is over."""
    pytest.importorskip("xdist")
    from xdist.scheduler import LoadScopeScheduling

    (tmp_path / "tests").mkdir()
    files = {"test_alone.py": FIXTURE.format(""), "test_whole.py": FIXTURE.format('(scope="module")')}
    for name, source in files.items():
        extra = "".join(f"\n\ndef test_more{n}(built):\n    assert built\n" for n in range(5))
        (tmp_path / "tests" / name).write_text(source + extra, encoding="utf-8")
    collection = [f"tests/{name}::test_{t}" for name in files for t in ("one", *(f"more{n}" for n in range(5)))]
    scheduler = pytest_xdist_make_scheduler(_SchedulerConfig(tmp_path), None)
    nodes = [_Node("gw0"), _Node("gw1")]
    for node in nodes:
        scheduler.add_node(node)
        scheduler.add_node_collection(node, collection)
    scheduler.schedule()
    done = 0
    while any(node.sent for node in nodes):
        node = next(n for n in nodes if n.sent)
        scheduler.mark_test_complete(node, node.sent.pop(0))
        done += 1
        for each in nodes:
            work = scheduler.assigned_work[each]
            assert scheduler._pending_of(work) == LoadScopeScheduling._pending_of(scheduler, work) == len(each.sent)
    assert done == len(collection) and scheduler.tests_finished and not scheduler.has_pending


@pytest.mark.parametrize("alone", [3, 40, 400])
def test_single_tests_go_out_in_batches_that_shrink_as_the_queue_empties(tmp_path, alone):
    """Tests that go out alone are sent several to a message while many are left, one at a time at the end, and
    every test exactly once, beside a file sent whole."""
    pytest.importorskip("xdist")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_whole.py").write_text(FIXTURE.format('(scope="module")'), encoding="utf-8")
    (tmp_path / "tests" / "test_alone.py").write_text("def test_a():\n    assert 1\n", encoding="utf-8")
    collection = ["tests/test_whole.py::test_one", *(f"tests/test_alone.py::test_a[{n}]" for n in range(alone))]
    scheduler = pytest_xdist_make_scheduler(_SchedulerConfig(tmp_path), None)
    nodes = [_Node("gw0"), _Node("gw1")]
    nodes[1].messages = nodes[0].messages  # one list: the messages in the order sent
    for node in nodes:
        scheduler.add_node(node)
        scheduler.add_node_collection(node, collection)
    scheduler.schedule()
    ran = []
    while any(node.sent for node in nodes):
        node = max(nodes, key=lambda n: len(n.sent))
        ran.append(node.sent.pop(0))
        scheduler.mark_test_complete(node, ran[-1])
    assert sorted(ran) == list(range(len(collection))) and scheduler.tests_finished
    sizes = [len(message) for message in nodes[0].messages]
    assert max(sizes) == min(SINGLE_TESTS_SENT, max(1, alone // 8)) and sizes[-4:] == [1, 1, 1, 1]


@pytest.mark.parametrize(
    ("endpoint", "values", "url"),
    [
        ("year", {"year": 2024, "name": "Acme Widgets"}, "/acme/2024/Acme%20Widgets"),
        ("year", {"year": 7, "name": "x", "sort": "newest"}, "/acme/7/x?sort=newest"),  # an unknown argument
        ("page", {}, "/widgets/"),  # the rule with a default
        ("page", {"page": 3}, "/widgets/page/3"),
        ("file", {"rest": "a/b c.txt"}, "/files/a/b%20c.txt"),
    ],
)
def test_url_builders_shared_by_apps_build_what_each_apps_own_builds(endpoint, values, url):
    """tests/conftest.py shares Werkzeug's URL builders between the apps a test process creates: two maps of the
    same rules build the same URLs, with one builder function for each rule without defaults."""
    from werkzeug.routing import Map, Rule

    def rules():
        return [
            Rule("/acme/<int:year>/<name>", endpoint="year"),
            Rule("/widgets/", endpoint="page", defaults={"page": 1}),
            Rule("/widgets/page/<int:page>", endpoint="page"),
            Rule("/files/<path:rest>", endpoint="file"),
        ]

    first, second = Map(rules()), Map(rules())
    for routes in (first, second):
        assert routes.bind("example.com").build(endpoint, values) == url
    for one, other in zip(first.iter_rules(), second.iter_rules(), strict=True):
        assert (one._build.__func__ is other._build.__func__) == (not one.defaults)


def test_a_test_process_collects_garbage_at_the_suites_thresholds():
    """tests/conftest.py sets the collector's thresholds of every test process (Python's own are 700, 10, 10)."""
    assert gc.get_threshold() == TEST_GC_THRESHOLDS != (700, 10, 10)


def test_a_test_process_freezes_its_heap_out_of_the_collector_at_exit():
    """tests/conftest.py freezes the collector's objects as a test process exits, after the exit functions registered
    after it (here, one registered before it sees the freeze; the process's own code sees none)."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen at exit', gc.get_freeze_count() > 0))\n"
        "sys.path.insert(0, 'tests')\n"
        "import conftest\n"
        "print('frozen before', gc.get_freeze_count() > 0)\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["frozen before False", "frozen at exit True"]
