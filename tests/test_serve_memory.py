"""A serving process tunes its garbage collector and freezes the open index's objects (webapp.server)."""

from __future__ import annotations

import gc
import platform

import pytest

from webapp import server
from webapp.server import GC_THRESHOLDS, settle_memory

# Python's own collector thresholds (3.11-3.13), a fresh interpreter's: tests/conftest.py sets the test processes'.
PYTHON_GC_THRESHOLDS = (700, 10, 10)


@pytest.fixture
def restored_gc():
    """Start the test from the collector a fresh interpreter has, as a serving process starts; give the test process
    its collector and malloc arenas back as they were."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*PYTHON_GC_THRESHOLDS)
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)
    server.share_malloc_arena(0)  # glibc's default number of arenas again


def test_a_serving_process_shares_one_malloc_arena_between_its_threads(app, restored_gc, monkeypatch):
    asked = []
    share = server.share_malloc_arena
    monkeypatch.setattr(
        server, "share_malloc_arena", lambda arenas=server.MALLOC_ARENAS: asked.append(arenas) or share(arenas)
    )
    settle_memory(app)
    assert asked == [server.MALLOC_ARENAS]
    if platform.libc_ver()[0] == "glibc":
        assert share(server.MALLOC_ARENAS)  # glibc takes the setting


def test_a_serving_app_freezes_what_its_open_index_holds(app, restored_gc, monkeypatch):
    freezes = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: freezes.append(1) or freeze())
    assert gc.get_threshold() == PYTHON_GC_THRESHOLDS != GC_THRESHOLDS
    settle_memory(app)
    assert gc.get_threshold() == GC_THRESHOLDS
    assert not freezes  # nothing is opened before a request needs the index
    client = app.test_client()
    assert client.get("/api/search?q=acquisition").status_code == 200
    assert freezes == [1] and gc.get_freeze_count() > 0
    assert client.get("/api/search?q=merger").status_code == 200
    assert freezes == [1]  # frozen once, when the index opened


def test_an_app_not_served_leaves_the_collector_alone(app, restored_gc):
    before = gc.get_threshold()
    assert app.test_client().get("/api/search?q=acquisition").status_code == 200
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
