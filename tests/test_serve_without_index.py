"""`releases serve` on a folder with no index yet says so as it starts (every page would say there is no index),
and says nothing of the kind when the index is there."""

from __future__ import annotations

import pytest

import webapp.server
from indexer.cli import main


@pytest.fixture
def started(monkeypatch):
    """Record the server the CLI would start instead of starting it."""
    calls = []

    def single(app, listener, threads):
        calls.append(app)
        listener.close()

    monkeypatch.setattr(webapp.server, "can_prefork", lambda: False)
    monkeypatch.setattr(webapp.server, "serve_single", single)
    return calls


@pytest.mark.parametrize("where", ["missing", "empty folder"])
def test_serve_warns_when_there_is_no_index_yet(runner, tmp_path, started, where):
    index = tmp_path / "index"
    if where == "empty folder":
        index.mkdir()
    result = runner.invoke(main, ["serve", "--index", str(index), "--port", "0"])
    assert result.exit_code == 0, result.output
    assert len(started) == 1  # it serves all the same: a build may come next
    assert f"Warning: no index at {index}: build one with 'releases index SOURCE... --index {index}'" in result.stderr


def test_serve_says_nothing_more_with_an_index(runner, seeds_template, started):
    result = runner.invoke(main, ["serve", "--index", str(seeds_template), "--port", "0"])
    assert result.exit_code == 0 and len(started) == 1
    assert "Warning" not in result.output and "Serving release search on" in result.output
