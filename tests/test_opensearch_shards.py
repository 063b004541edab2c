"""What two shards merge on OpenSearch: the same releases on two shards answer exactly as on one.

The OpenSearch tests build one shard unless their subject is what shards merge (tests/opensearch_cluster.py). Here
one small corpus, built once on each layout, holds releases on both shards (checked: routing by duplicate key may
put a small index on one), copies on several wires and words of differing frequencies. Every page, its totals,
facets (multi-select included), timeline, suggestion, copies, cursors and scores (ranked with both shards' term
statistics: dfs_query_then_fetch), every release's related releases, and every scan and export, must equal the
one-shard index's.

The other two-shard tests: totals, facets, timeline and exports with copies folded (test_opensearch_copies.py),
pages past the result window (test_opensearch_pages.py), ranked pages, facets and suggestions against Whoosh
(test_opensearch_parity.py's two-shard pass), every year and month listed (test_timeline_facets.py), companies
counted (test_opensearch_issuers.py), losing a node (test_opensearch_nodes.py).
Needs the test cluster (see opensearch_cluster.py); skips without one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from opensearch_cluster import REPLICAS, SHARDS, TWO_SHARDS, URL, drop, filled_shards, index_name

from indexer import open_index, query
from indexer.backends.opensearch.build import build_index
from indexer.schema import FACETS
from indexer.search import SearchRequest

ALL_FACETS = tuple(f.name for f in FACETS)
WIRES = ("GLOBE NEWSWIRE", "PRNewswire", "BUSINESS WIRE")
COMPANIES = ("Northwind Traders", "Fabrikam Widgets", "Contoso Pharmaceuticals", "Tailspin Aviation")
SEARCHES = [
    {"query": ""},
    {"query": "", "sort": "newest", "collapse": False},
    {"query": "turbine"},
    {"query": "turbine expansion", "match": "any"},
    {"query": "turbine merger", "sort": "oldest"},
    {"query": "turbne"},  # a spelling: suggested from both shards' words
    {"query": "plant OR turbine", "filters": {"wire": ["PR Newswire", "Business Wire"]}},
    {"query": "", "filters": {"year": ["2021"]}, "collapse": False},
]  # pages of 5, followed by cursor and opened by number


def release_text(n: int, wire: str) -> str:
    """Release n of a company, its month and year from n; words repeated by n, so scores differ."""
    company = COMPANIES[n % len(COMPANIES)]
    turbine = " The new turbine line doubles output." * (n % 4)
    merger = " Merger talks continue with partners." if n % 3 == 0 else ""
    return (
        f"{company} Announces Plant Expansion {n}\n\n"
        f"DENVER, {('March', 'June', 'October')[n % 3]} {1 + n}, {2020 + n % 3} ({wire}) -- {company} Inc. today "
        f"announced plant expansion number {n}.{turbine}{merger}\n\n"
        "The company plans to report progress with its quarterly results.\n"
    )


def corpus(folder: Path) -> Path:
    """Twelve releases, every fourth also on the other two wires (a copy group folded into one release)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(12):
        for c in range(3 if n % 4 == 0 else 1):
            (folder / f"r{n:02d}_{c}.txt").write_text(release_text(n, WIRES[(n + c) % 3]), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def layouts(cluster, tmp_path_factory):
    """The corpus built on one shard and on two, once for the module (its tests only read): (one, two) aliases."""
    folder = corpus(tmp_path_factory.mktemp("shards") / "releases")
    aliases = index_name("one-shard"), index_name("two-shards")
    for alias, shards in zip(aliases, (SHARDS, TWO_SHARDS), strict=True):
        build_index([str(folder)], alias, url=URL, shards=shards, replicas=REPLICAS)
    yield aliases
    for alias in aliases:
        drop(cluster, alias)


@pytest.fixture
def indexes(layouts):
    """Both layouts opened for one test: (one shard, two shards)."""
    one, two = layouts
    with open_index(one, backend="opensearch", url=URL) as ox1, open_index(two, backend="opensearch", url=URL) as ox2:
        yield ox1, ox2


def test_the_releases_fill_both_shards(cluster, layouts):
    one, two = layouts
    filled = filled_shards(cluster, two)
    assert len(filled) == 2 and 0 not in filled
    assert filled_shards(cluster, one) == [sum(filled)]


def test_pages_equal_the_one_shard_index_s(indexes):
    one, two = indexes
    assert two.search("").total < two.search("", collapse=False).total  # the premise: copies to fold
    for search in SEARCHES:
        asked = {"facets": ALL_FACETS, "per_page": 5, **search}
        first = one.search(**asked).to_json()
        # Every page, followed by its cursor: hits, copies and scores as on one shard.
        page = two.search(**asked)
        assert page.to_json() == first, search
        pages = [first]
        while pages[-1]["next"]:
            pages.append(one.search(after=pages[-1]["next"], **asked).to_json())
            page = two.search(after=page.next, **asked)
            assert page.to_json() == pages[-1], search
        # Every release listed once: those with every word, then (match="all") those with some.
        listed = [h["id"] for p in pages for h in p["hits"]]
        assert len(listed) == len(set(listed)) == first["total"] + (first["partial_total"] or 0), search
        # Pages by number (from/size on each shard, merged) list what the cursors listed.
        for number in range(2, len(pages) + 1):
            by_number = two.search(page=number, **asked).to_json()
            assert [h["id"] for h in by_number["hits"]] == [h["id"] for h in pages[number - 1]["hits"]], search
    assert two.search("turbne").suggestion == "turbine"


def test_related_releases_equal_the_one_shard_index_s(indexes):
    one, two = indexes
    for hit in one.search("turbine", per_page=4).hits:
        related = [r.to_json() for r in two.related(hit.id)]
        assert related and related == [r.to_json() for r in one.related(hit.id)], hit.id


def test_multi_select_facets_ignore_their_own_selection(indexes):
    one, two = indexes
    wires = {v.value: v.count for v in two.search("").facets["wire"].values}
    assert len(wires) == 3
    chosen = min(wires)
    page = two.search("", filters={"wire": [chosen]}, facets=ALL_FACETS)
    shown = {v.value: (v.count, v.selected) for v in page.facets["wire"].values}
    # The other wires stay visible with their counts; the chosen one is marked; other facets narrow.
    assert shown == {w: (c, w == chosen) for w, c in wires.items()}
    assert sum(v.count for v in page.facets["year"].values) == wires[chosen] == page.total
    assert page.to_json() == one.search("", filters={"wire": [chosen]}, facets=ALL_FACETS).to_json()


@pytest.mark.parametrize("collapse", [True, False])
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_scan_and_export_list_every_release_in_page_order(indexes, collapse, sort):
    # Each row's text is test_opensearch.py's; here, the order both shards' hits merge in, and the exact totals.
    _, two = indexes
    for text in ("", "turbine"):
        page = two.search(text, collapse=collapse, sort=sort, per_page=100, facets=())
        request = SearchRequest(query=text, collapse=collapse, sort=sort)
        scanned = list(two.backend.scan(request, query.parse_query(text), batch=4))  # several requests
        assert [h.id for h in scanned] == [h.id for h in page.hits]
        assert len(scanned) == page.total
        # Exports stream the same scan: the exact total first, each row with its copies.
        exported = two.export(text, collapse=collapse, sort=sort)
        rows = list(exported.rows)
        assert exported.total == page.total == len(rows)
        assert [r.hit.id for r in rows] == [h.id for h in page.hits]
        assert [r.hit.duplicates for r in rows] == [h.duplicates for h in page.hits]
