"""Deep pages on OpenSearch: past the index's result window, pages are read with search_after from each page's
`next` cursor (indexer/cursor.py, backends/opensearch/paging.py), and list what Whoosh lists.

The window is lowered in the backend, so a few pages cross it, and every request is checked to stay within it.
Needs the test cluster (see opensearch_cluster.py); skips without one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from opensearch_cluster import REPLICAS, SHARDS, URL, drop, index_name

from indexer import build_index, open_index
from indexer.backends.opensearch import paging
from indexer.model import QueryError

WINDOW = 6
PER_PAGE = 4
WIRES = ("GLOBE NEWSWIRE", "PRNewswire", "BUSINESS WIRE")
SEARCHES = [
    {"query": "", "sort": "newest"},
    {"query": "", "sort": "oldest"},
    {"query": "plant", "sort": "newest"},
    {"query": "zebrafish merger", "sort": "oldest"},  # full matches, then the some-words ones
    {"query": "zebrafish merger"},
    {"query": "merger OR zebrafish"},
    {"query": "plant"},
]


def release_text(n: int, day: int, wire: str) -> str:
    """Release n, dated day of March 2020: words repeated by n so relevance differs, some holding 'zebrafish'."""
    extra = " The program also studies zebrafish embryos." * (n % 3)
    merger = " Merger partners welcome the plan." * (1 + n % 4) if n % 5 else ""
    return (
        f"Northwind {n} Announces Plant {n} Expansion\n\n"
        f"BOSTON, March {day}, 2020 ({wire}) -- Northwind {n} Inc. today announced a new plant.{merger}{extra}\n\n"
        "The company plans to report progress with its quarterly results.\n"
    )


def corpus(folder: Path) -> Path:
    """22 releases on distinct days, three of them also on two other wires (copies folded into one release)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(22):
        copies = 3 if n % 7 == 0 else 1
        for c in range(copies):
            (folder / f"r{n:02d}_{c}.txt").write_text(release_text(n, 1 + n, WIRES[c]), encoding="utf-8")
    return folder


def ids_by_number(index, **search) -> list[str]:
    first = index.search(per_page=PER_PAGE, **search)
    ids = [h.id for h in first.hits]
    for number in range(2, first.pages + 1):
        ids += [h.id for h in index.search(per_page=PER_PAGE, page=number, **search).hits]
    return ids


def ids_by_cursor(index, **search) -> list[str]:
    page = index.search(per_page=PER_PAGE, **search)
    ids = [h.id for h in page.hits]
    while page.next:
        after = index.search(per_page=PER_PAGE, after=page.next, **search)
        assert (after.total, after.partial_total) == (page.total, page.partial_total)
        page = after
        ids += [h.id for h in page.hits]
    return ids


@pytest.fixture(scope="module")
def built(cluster, tmp_path_factory):
    """The corpus indexed by both backends, once for the module (its tests only read): (Whoosh path, alias). (Pages by
    number and by cursor merged from two shards: test_opensearch_shards.py.)"""
    from indexer.backends.opensearch.build import build_index as build_opensearch

    work = tmp_path_factory.mktemp("pages")
    folder = corpus(work / "releases")
    build_index([folder], work / "whoosh")
    alias = index_name("pages")
    build_opensearch([str(folder)], alias, url=URL, shards=SHARDS, replicas=REPLICAS)
    yield work / "whoosh", alias
    drop(cluster, alias)


@pytest.fixture
def indexes(built):
    """Both indexes, opened for one test."""
    whoosh_path, alias = built
    with open_index(whoosh_path) as whoosh, open_index(alias, backend="opensearch", url=URL) as ox:
        yield whoosh, ox


def test_pages_past_the_window_follow_cursors_and_equal_whoosh(indexes, monkeypatch):
    whoosh, ox = indexes
    by_number = {i: ids_by_number(ox, **search) for i, search in enumerate(SEARCHES)}
    assert any(ox.search(**s).partial_total for s in SEARCHES)  # some pages cross into the some-words matches
    monkeypatch.setattr(paging, "MAX_RESULT_WINDOW", WINDOW)
    # Every request that reads hits by position keeps within the lowered window (the cluster's own check on
    # max_result_window, which the index's other readers, 5,000 documents a request, would trip here).
    windows, send = [], ox.backend._search
    monkeypatch.setattr(ox.backend, "_search", lambda body, **p: windows.append(body) or send(body, **p))
    for i, search in enumerate(SEARCHES):
        with pytest.raises(QueryError, match="cannot be opened by number: follow the pages' 'next'"):
            ox.search(per_page=PER_PAGE, page=3, **search)
        deep = ids_by_cursor(ox, **search)
        assert len(deep) > WINDOW and deep == by_number[i], search
        expected = ids_by_cursor(whoosh, **search)
        if search.get("sort", "relevance") == "relevance":
            assert sorted(deep) == sorted(expected), search  # equal scores may be ordered differently
        else:
            assert deep == expected, search  # distinct days: one order
    positioned = [body for body in windows if "from" in body]
    assert positioned and all(body["from"] + body["size"] <= WINDOW for body in positioned)
    assert sum("search_after" in body for body in windows) >= len(SEARCHES) * 2


def test_a_whoosh_cursor_reads_by_offset_within_the_window(indexes):
    # A cursor without sort values (as Whoosh makes them) still opens its page by number, within the window.
    whoosh, ox = indexes
    after = whoosh.search("", sort="newest", per_page=PER_PAGE).next
    assert [h.id for h in ox.search("", sort="newest", per_page=PER_PAGE, after=after).hits] == [
        h.id for h in ox.search("", sort="newest", per_page=PER_PAGE, page=2).hits
    ]
