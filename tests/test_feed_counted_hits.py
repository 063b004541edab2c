"""An Atom feed holds the releases its search counts: with every word required (the default), releases holding
only some of the words (listed after the counted ones on a page) are not entries; with match=any they are."""

from __future__ import annotations

import re

import pytest

from indexer import open_index
from webapp import create_app


@pytest.fixture(scope="module")
def web(seeds_template):
    return create_app({"RELEASES_INDEX": str(seeds_template), "TESTING": True}).test_client()


# The seeds: two ImmunoGen releases, one of them announcing a conference call.
@pytest.mark.parametrize(
    "query", ["immunogen conference", "conference immunogen", "immunogen qqqzzzxx", "immunogen", "conference call"]
)
@pytest.mark.parametrize("match", ["all", "any"])
def test_feed_entries_are_the_counted_releases(web, seeds_template, query, match):
    with open_index(seeds_template) as index:
        page = index.search(query, match=match, sort="newest")
    counted = [hit.id for hit in page.hits if not hit.missing]
    assert len(counted) == page.total
    feed = web.get("/feed.atom", query_string={"q": query, "match": match}).get_data(as_text=True)
    assert re.findall(r"urn:release-search:release:([0-9a-f]{16})", feed) == counted
