"""Shared fixtures: fixture releases, a tiny real index in tmp_path, the app, its client, the CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer import build_index, open_index
from webapp import create_app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


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
