"""Shared fixtures: fixture releases, a tiny real index in tmp_path, the app, its client, the CLI runner, and the
session-wide indexes of the web tests (varied and hostile releases), built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from web_releases import write_hostile_releases, write_releases

from indexer import build_index, open_index
from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
# The 5,000-release index takes as long to build as hundreds of tests take to run: its users share one worker.
SYNTHETIC_GROUP = "browser-and-synthetic-5k"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups off the items
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist's --dist loadgroup, keep on one worker the tests that share costly or exclusive work."""
    for item in items:
        group = _worker_group(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def _worker_group(item) -> str | None:
    """The xdist group of a test: whatever it shares that must be built once or must not run beside other tests."""
    callspec = getattr(item, "callspec", None)
    # A parameter may name the fixture a test asks for with request.getfixturevalue.
    named = {value for value in callspec.params.values() if isinstance(value, str)} if callspec else set()
    if item.get_closest_marker("browser") or "synthetic_5k" in {*item.fixturenames, *named}:
        return SYNTHETIC_GROUP  # one Chromium, one synthetic index
    if item.module.__name__.startswith("test_opensearch"):
        return "opensearch"  # the node-loss tests kill a node of the cluster every OpenSearch test uses
    definitions = getattr(item, "_fixtureinfo", None)
    if definitions and any(d.scope == "module" for defs in definitions.name2fixturedefs.values() for d in defs):
        return item.module.__name__  # its module-scoped fixtures are built once, on one worker
    return None


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


@pytest.fixture
def seeds_index(tmp_path) -> Path:
    """A real index of the two seeds, built in tmp_path."""
    path = tmp_path / "index"
    build_index([SEEDS], path)
    return path


@pytest.fixture
def index(seeds_index):
    """The seeds index, open for searching."""
    with open_index(seeds_index) as opened:
        yield opened


@pytest.fixture
def app(seeds_index):
    """The web app over the seeds index."""
    return create_app({"RELEASES_INDEX": str(seeds_index), "TESTING": True})


@pytest.fixture
def client(app):
    """Flask's test client for the app."""
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    """Click's runner for the `releases` CLI."""
    return CliRunner()


@pytest.fixture(scope="session")
def web_index(tmp_path_factory) -> Path:
    """An index of the 49 varied fixture releases, built once per test session."""
    root = tmp_path_factory.mktemp("web")
    write_releases(root / "releases")
    build_index([root / "releases"], root / "index")
    return root / "index"


@pytest.fixture(scope="session")
def hostile_index(tmp_path_factory) -> Path:
    """An index of the hostile releases, built once per test session."""
    root = tmp_path_factory.mktemp("hostile")
    write_hostile_releases(root / "releases")
    build_index([root / "releases"], root / "index")
    return root / "index"


@pytest.fixture
def web_app(web_index):
    """The app over the varied fixture releases."""
    return create_app({"RELEASES_INDEX": str(web_index), "TESTING": True})


@pytest.fixture
def web(web_app):
    """A test client for the app over the varied fixture releases."""
    return web_app.test_client()


@pytest.fixture
def core(web_index):
    """The same index opened directly, to compare pages with what the core answers."""
    with open_index(web_index) as opened:
        yield opened


@pytest.fixture
def hostile(hostile_index):
    """A test client for the app over the hostile releases."""
    return create_app({"RELEASES_INDEX": str(hostile_index), "TESTING": True}).test_client()


@pytest.fixture
def hostile_core(hostile_index):
    """The hostile index opened directly."""
    with open_index(hostile_index) as opened:
        yield opened


@pytest.fixture(scope="session")
def synthetic_5k(tmp_path_factory) -> Path:
    """An index of 5,000 synthetic releases (benchmarks/synth.py), built once per session: exports, big counts."""
    from build_helpers import synth

    root = tmp_path_factory.mktemp("synthetic_5k")
    synth().write_corpus(str(root / "releases"), 5000, seed=3)
    build_index([root / "releases"], root / "index")
    return root / "index"
