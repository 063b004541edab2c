"""A saved search keeps how its words count (match=any) and whether they were searched as typed (spell=0): saved
from the site or the CLI, it counts, opens and alerts as the search it was saved from."""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing

import pytest

from indexer import build_index, open_index
from indexer.cli import main
from indexer.model import QueryError
from indexer.saved import SavedSearch, SavedSearches, saved_searches_path
from webapp import create_app

RELEASES = {
    "quill.txt": "Quillfeather Widgets Opens a Foundry in Portland",
    "brass.txt": "Brassworks Fittings Names a New Chief Executive",
    "both.txt": "Quillfeather Widgets and Brassworks Fittings Sign a Supply Agreement",
}
BODY = (
    "\n\nPORTLAND, Ore., March 3, 2021 /PRNewswire/ -- {headline}. The company makes industrial parts for shipyards "
    "and mills across the Pacific Northwest and expects the news to support its growth in the coming year.\n"
)


@pytest.fixture(scope="module")
def index_path(tmp_path_factory):
    root = tmp_path_factory.mktemp("saved_modes")
    (root / "in").mkdir()
    for name, headline in RELEASES.items():
        (root / "in" / name).write_text(headline + BODY.format(headline=headline), encoding="utf-8")
    build_index([root / "in"], root / "ix")
    return root / "ix"


@pytest.fixture
def store(index_path):
    saved = SavedSearches(saved_searches_path(index_path))
    yield saved
    for kept in saved.all():
        saved.forget(kept.name)


@pytest.mark.parametrize(
    ("options", "total", "match", "spell"),
    [
        (["quillfeather brassworks"], 1, "all", True),
        (["quillfeather brassworks", "--match", "any"], 3, "any", True),
        (["quillfeathr"], 2, "all", True),
        (["quillfeathr", "--no-spell"], 0, "all", False),
    ],
)
def test_the_cli_saves_the_match_mode_and_spelling(runner, index_path, store, options, total, match, spell):
    result = runner.invoke(main, ["save", "watch", *options, "--index", str(index_path), "--json"])
    assert result.exit_code == 0, result.output
    saved = json.loads(result.stdout)["saved"]
    assert (saved["total"], saved["match"], saved["spell"]) == (total, match, spell)
    with open_index(index_path) as index:  # as an index run checks it: the same count, nothing new
        (checked,) = store.check(index)
    assert (checked.total, checked.new, checked.match, checked.spelling) == (total, 0, match, spell)


@pytest.mark.parametrize(
    ("params", "total", "opened"),
    [
        ("q=quillfeather+brassworks&match=any", 3, "/?q=quillfeather+brassworks&match=any"),
        ("q=quillfeathr&spell=0", 0, "/?q=quillfeathr&spell=0"),
        ("q=quillfeather+brassworks", 1, "/?q=quillfeather+brassworks"),
    ],
)
def test_the_site_saves_the_search_on_screen(index_path, store, params, total, opened):
    client = create_app({"RELEASES_INDEX": str(index_path), "TESTING": True}).test_client()
    page = client.get(f"/?{params}").get_data(as_text=True)
    form = page[page.index('<form method="post" action="/saved"') :]
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form[: form.index("</form>")]))
    assert client.post("/saved", data={**fields, "name": "on screen"}).status_code == 303
    (listed,) = client.get("/api/saved").get_json()["saved_searches"]
    assert listed["total"] == total
    response = client.get("/saved/on screen")
    assert response.status_code == 303 and response.headers["Location"] == opened


def test_a_search_saved_before_modes_were_kept_counts_every_word(store):
    store.save(SavedSearch(name="older", query="quillfeather brassworks", match="any"), 3)
    with closing(sqlite3.connect(store.path)) as db, db:  # the row as an older version wrote it
        old = {"query": "quillfeather brassworks", "filters": {}, "from": None, "to": None, "sort": "newest"}
        db.execute("UPDATE saved_search SET search = ? WHERE name = 'older'", (json.dumps(old),))
    (older,) = store.all()
    assert (older.match, older.spelling) == ("all", True)
    assert older.params() == [("q", "quillfeather brassworks"), ("sort", "newest")]


def test_an_unknown_match_mode_is_not_saved(store):
    with pytest.raises(QueryError, match="unknown match mode 'some'"):
        store.save(SavedSearch(name="odd", query="quillfeather", match="some"), 0)


@pytest.mark.parametrize(
    ("options", "listed", "shown"),
    [
        (["--match", "any"], "watch: 'quillfeather brassworks' match any - 3 releases", "· any of the words"),
        (["--no-spell"], "watch: 'quillfeather brassworks' as typed - 1 release", "· words as typed"),
    ],
)
def test_the_lists_say_how_a_saved_search_counts(runner, index_path, store, options, listed, shown):
    args = ["save", "watch", "quillfeather brassworks", *options, "--index", str(index_path)]
    assert runner.invoke(main, args).exit_code == 0
    assert runner.invoke(main, ["saved", "--index", str(index_path)]).stdout.splitlines() == [listed]
    client = create_app({"RELEASES_INDEX": str(index_path), "TESTING": True}).test_client()
    assert shown in client.get("/saved").get_data(as_text=True)
