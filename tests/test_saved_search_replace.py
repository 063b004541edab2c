"""Saving a search under a name already taken replaces it, and `releases save` says so."""

from __future__ import annotations

import json

import pytest

from indexer import build_index
from indexer.cli import main
from tests.build_helpers import write_releases
from webapp import create_app


@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("saved_replace")
    write_releases(root / "in", 3)
    build_index([root / "in"], root / "ix")
    return root / "ix"


@pytest.mark.parametrize(("first", "again"), [("deals", "deals"), ("acme deals", "  acme deals ")])
def test_save_says_replaced_when_the_name_is_taken(runner, small_index, first, again):
    index = ["--index", str(small_index)]
    saved = runner.invoke(main, ["save", first, "", *index])
    assert saved.exit_code == 0 and saved.output.startswith(f"Saved {first!r}:"), saved.output
    replaced = runner.invoke(main, ["save", again, "nothingmatchesthis", *index])
    assert replaced.exit_code == 0 and replaced.output.startswith(f"Replaced {first!r}: 0 releases"), replaced.output
    listed = runner.invoke(main, ["saved", "--json", *index])
    kept = [s for s in json.loads(listed.output)["saved_searches"] if s["name"] == first]
    assert [s["query"] for s in kept] == ["nothingmatchesthis"]
    runner.invoke(main, ["saved", "--forget", first, *index])


def test_save_json_says_whether_it_replaced(runner, small_index):
    index = ["--index", str(small_index)]
    answers = [json.loads(runner.invoke(main, ["save", "twice", "--json", *index]).output) for _ in range(2)]
    assert [a["replaced"] for a in answers] == [False, True]
    assert answers[1]["saved"]["name"] == "twice"


def test_the_site_says_a_saved_search_was_replaced(small_index):
    web = create_app({"RELEASES_INDEX": str(small_index), "TESTING": True}).test_client()
    first = web.post("/saved", data={"name": "web deals", "q": ""})
    assert first.status_code == 303 and "replaced" not in first.headers["Location"]
    assert "was replaced" not in web.get(first.headers["Location"]).get_data(as_text=True)
    again = web.post("/saved", data={"name": "web deals", "q": "nothingmatchesthis"})
    assert again.status_code == 303
    shown = web.get(again.headers["Location"]).get_data(as_text=True)
    assert "The search saved as “web deals” was replaced by the one you saved." in shown
    # A made-up name in the address says nothing.
    assert "was replaced" not in web.get("/saved?replaced=no+such+search").get_data(as_text=True)
    web.post("/saved/web deals/forget")
