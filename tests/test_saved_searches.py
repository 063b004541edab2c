"""Saved searches and alerts: saved from the CLI and the web, listed, new releases counted after each index run
(CLI text and --json, a web badge), seen when opened, an Atom feed each; SQLite shared by several processes."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import closing

import pytest
from build_helpers import write_releases
from saving_processes import save_many

from indexer import build_index, open_index
from indexer.cli import main
from indexer.saved import SavedSearches, saved_searches_path
from indexer.workers import process_context
from webapp import create_app


@pytest.fixture(scope="module")
def corpus_template(tmp_path_factory):
    """The corpus fixture's folders, built once (each test changes its own copy)."""
    root = tmp_path_factory.mktemp("saved")
    write_releases(root / "first", 30)
    write_releases(root / "later", 42, start=30)
    build_index([root / "first"], root / "ix")
    return root


@pytest.fixture
def corpus(corpus_template, tmp_path):
    """An index of 30 synthetic releases, and a folder of 12 more to add later: the test's own copy."""
    shutil.copytree(corpus_template, tmp_path, dirs_exist_ok=True)
    return tmp_path


def _json(result) -> dict:
    assert result.exit_code in (0, 3), result.output
    return json.loads(result.output)


def test_cli_saves_lists_and_reports_new_releases_after_indexing(runner, corpus):
    ix = str(corpus / "ix")
    saved = _json(runner.invoke(main, ["save", "everything", "", "--index", ix, "--json"]))["saved"]
    assert saved["total"] == 30 and saved["new"] == 0
    listed = runner.invoke(main, ["saved", "--index", ix])
    assert listed.exit_code == 0 and "everything: (everything) - 30 releases" in listed.output
    with open_index(ix) as index:
        expected = index.search("").total
    assert expected == 30
    report = _json(
        runner.invoke(main, ["index", str(corpus / "first"), str(corpus / "later"), "--index", ix, "--json"])
    )
    with open_index(ix) as index:
        now = index.search("").total
    assert (
        report["saved_searches"]
        == [{**report["saved_searches"][0], "name": "everything", "total": now, "new": now - 30}]
        and now > 30
    )
    text = runner.invoke(main, ["index", str(corpus / "first"), str(corpus / "later"), "--index", ix])
    assert f"Saved searches: everything: {now - 30} new ({now} in all)" in text.output
    assert runner.invoke(main, ["saved", "--seen", "everything", "--index", ix]).exit_code == 0
    assert _json(runner.invoke(main, ["saved", "--index", ix, "--json"]))["saved_searches"][0]["new"] == 0


def test_cli_saved_search_with_filters_counts_only_its_matches(runner, corpus):
    ix = str(corpus / "ix")
    with open_index(ix) as index:
        wire = index.search("").facets["wire"].values[0].value
    saved = _json(runner.invoke(main, ["save", "one wire", "--facet", f"wire={wire}", "--index", ix, "--json"]))
    runner.invoke(main, ["index", str(corpus / "first"), str(corpus / "later"), "--index", ix])
    with open_index(ix) as index:
        now = index.search("", filters={"wire": [wire]}).total
    (entry,) = _json(runner.invoke(main, ["saved", "--index", ix, "--json"]))["saved_searches"]
    assert entry["filters"] == {"wire": [wire]} and entry["total"] == now
    assert entry["new"] == now - saved["saved"]["total"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["save", "", "x"], "name a saved search with 1 to 80"),
        (["save", "ok", "(unbalanced"], "unbalanced"),
        (["saved", "--forget", "nothing"], "no saved search named 'nothing'"),
    ],
)
def test_cli_saved_search_errors(runner, corpus, args, message):
    result = runner.invoke(main, [*args, "--index", str(corpus / "ix")])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_web_saves_lists_badges_opens_and_forgets(corpus):
    client = create_app({"RELEASES_INDEX": str(corpus / "ix"), "TESTING": True}).test_client()
    page = client.get("/?q=results&sort=newest").get_data(as_text=True)
    form = page[page.index('<form method="post" action="/saved"') :]
    form = form[: form.index("</form>")]
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))
    assert fields == {"q": "results", "sort": "newest"}
    response = client.post("/saved", data={**fields, "name": "results watch"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/saved")
    listing = client.get("/saved").get_data(as_text=True)
    assert "results watch" in listing and "badge-new" not in listing
    with open_index(corpus / "ix") as index:
        before = index.search("results").total
    build_index([corpus / "first", corpus / "later"], corpus / "ix")
    with open_index(corpus / "ix") as index:
        SavedSearches(saved_searches_path(corpus / "ix")).check(index)
        after = index.search("results").total
    assert after > before
    listing = client.get("/saved").get_data(as_text=True)
    assert f'<span class="badge badge-new">{after - before} new</span>' in listing
    assert f'class="badge badge-new">{after - before}<span class="visually-hidden"> new releases' in listing
    api = client.get("/api/saved").get_json()
    assert api["saved_searches"][0]["new"] == after - before and api["saved_searches"][0]["total"] == after
    opened = client.get("/saved/results watch")
    assert opened.status_code == 303 and opened.headers["Location"] == "/?q=results&sort=newest"
    assert "badge-new" not in client.get("/saved").get_data(as_text=True)
    feed = client.get("/feed/saved/results watch.atom")
    assert feed.status_code == 200 and b"<title>Release search: results watch</title>" in feed.data
    assert feed.data.count(b"<entry>") == min(after, 20)
    assert client.post("/saved/results watch/forget").status_code == 303
    assert client.get("/api/saved").get_json()["saved_searches"] == []
    assert client.get("/feed/saved/results watch.atom").status_code == 404


def test_web_refuses_a_form_posted_from_another_site(corpus):
    client = create_app({"RELEASES_INDEX": str(corpus / "ix"), "TESTING": True}).test_client()
    response = client.post("/saved", data={"q": "x", "name": "evil"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 400 and "can only be changed from this site" in response.get_data(as_text=True)
    assert client.get("/api/saved").get_json()["saved_searches"] == []


def test_several_processes_save_at_once(tmp_path):
    path = str(tmp_path / "saved.sqlite")
    # Forked as a build's workers are where that is safe (one thread), else spawned: four processes either way.
    with process_context().Pool(4) as pool:
        pool.map(save_many, [(path, w) for w in range(4)])
    names = {s.name for s in SavedSearches(path).all()}
    assert len(names) == 60
    with closing(sqlite3.connect(path)) as db:  # (a connection's own `with` commits; it does not close)
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
