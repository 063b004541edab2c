"""The year and month facets list every year (month) the results hold, newest first, not the ten with most
releases: on Whoosh, on OpenSearch (the same answer) and on the site (without "More")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer import SearchRequest, build_index, open_index
from indexer.schema import FACETS
from indexer.search import MAX_FACET_VALUES

YEARS = list(range(2008, 2022))  # fourteen years: more than a facet's ten values
MONTHS = ("January", "March", "May", "July", "September")


def corpus(folder: Path, lonely: int) -> Path:
    """Three releases a year from made-up Fabrikam Widgets, one only in the lonely year (the fewest of any)."""
    folder.mkdir(parents=True, exist_ok=True)
    for year in YEARS:
        for n in range(1 if year == lonely else 3):
            (folder / f"fabrikam-{year}-{n}.txt").write_text(
                f"Fabrikam Widgets Reports Update {year}-{n}\n\n"
                f"DENVER, {MONTHS[n]} {n + 4}, {year} (PRNewswire) -- Fabrikam Widgets Inc. today reported an "
                f"update on widget plant {n} in its year {year} review.\n",
                encoding="utf-8",
            )
    return folder


def expected_years(lonely: int) -> list[tuple[str, int]]:
    return [(str(year), 1 if year == lonely else 3) for year in reversed(YEARS)]


def expected_months(lonely: int) -> list[tuple[str, int]]:
    """Each year's three months (January, March, May), one release each; the lonely year only its January."""
    found = [(f"{year}-{2 * n + 1:02d}", 1) for year in YEARS for n in range(1 if year == lonely else 3)]
    return sorted(found, reverse=True)


def years_of(page) -> list[tuple[str, int]]:
    return [(v.value, v.count) for v in page.facets["year"].values]


def months_of(page) -> list[tuple[str, int]]:
    return [(v.value, v.count) for v in page.facets["month"].values]


@pytest.mark.parametrize("spec", FACETS, ids=lambda spec: spec.name)
def test_a_timeline_facet_counts_every_value_others_their_top(spec):
    asked = SearchRequest(facet_limit=7)
    assert asked.limit_of(spec.name) == (MAX_FACET_VALUES if spec.every_value else 7)
    # A facet asked with more values ("more=<facet>") counts as many as asked, a timeline too.
    assert SearchRequest(facet_limits={spec.name: 30}).limit_of(spec.name) == 30


def test_the_year_and_month_facets_are_timelines():
    assert [spec.name for spec in FACETS if spec.every_value] == ["year", "month"]


@pytest.fixture(scope="module", params=[YEARS[0], YEARS[6], YEARS[-1]], ids=lambda year: f"lonely{year}")
def built(request, tmp_path_factory):
    """The corpus with its lonely year first, in the middle or last, indexed by Whoosh: (folder, index path)."""
    work = tmp_path_factory.mktemp("years")
    folder = corpus(work / "releases", request.param)
    build_index([folder], work / "index")
    return request.param, folder, work / "index"


@pytest.mark.parametrize("filters", [{}, {"wire": ["PR Newswire"]}])
def test_whoosh_lists_every_year_newest_first(built, filters):
    lonely, _, path = built
    with open_index(path) as index:
        page = index.search("fabrikam", filters=filters)
    assert page.total == 3 * len(YEARS) - 2
    assert years_of(page) == expected_years(lonely)


@pytest.mark.parametrize("filters", [{}, {"wire": ["PR Newswire"]}, {"year": [str(YEARS[3])]}])
def test_whoosh_lists_every_month_newest_first(built, filters):
    lonely, _, path = built
    with open_index(path) as index:
        page = index.search("fabrikam", filters=filters, facets=("year", "month"))
    # Over forty months, each with one release: the top ten by count would keep ten of them, not every one.
    held = [(month, n) for month, n in expected_months(lonely) if month[:4] in filters.get("year", [month[:4]])]
    assert months_of(page) == held and page.total == len(held)


def test_a_selected_month_keeps_every_other_month_listed(built):
    lonely, _, path = built
    chosen = f"{lonely}-01"
    with open_index(path) as index:
        page = index.search("", filters={"month": [chosen]}, facets=("month",))
    assert page.total == 1
    assert months_of(page) == expected_months(lonely)
    assert [v.value for v in page.facets["month"].values if v.selected] == [chosen]


def test_a_selected_year_keeps_every_other_year_listed(built):
    lonely, _, path = built
    with open_index(path) as index:
        page = index.search("", filters={"year": [str(lonely)]})
    assert page.total == 1
    assert years_of(page) == expected_years(lonely)
    assert [v.value for v in page.facets["year"].values if v.selected] == [str(lonely)]


def test_site_lists_every_year_without_more(built):
    from webapp import create_app

    lonely, _, path = built
    client = create_app({"RELEASES_INDEX": str(path), "TESTING": True}).test_client()
    body = client.get("/?q=fabrikam").get_data(as_text=True)
    listed = re.search(r'<ul id="values-year">(.*?)</ul>', body, re.S).group(1)
    assert re.findall(r'<span class="value">(\d{4})</span>', listed) == [year for year, _ in expected_years(lonely)]
    assert "more=year" not in body


def test_opensearch_lists_the_same_years_and_months_as_whoosh(built, cluster):
    """On two shards: a year of one release is on one shard only and must still be listed by the merged facet."""
    from opensearch_cluster import REPLICAS, TWO_SHARDS, URL, drop, filled_shards, index_name

    from indexer.backends.opensearch.build import build_index as build_opensearch

    lonely, folder, path = built
    alias = index_name("years")
    build_opensearch([str(folder)], alias, url=URL, shards=TWO_SHARDS, replicas=REPLICAS)
    try:
        assert 0 not in filled_shards(cluster, alias)
        with open_index(alias, backend="opensearch", url=URL) as ox, open_index(path) as whoosh:
            for search in ({"query": "fabrikam"}, {"query": "", "filters": {"year": [str(lonely)]}}):
                search["facets"] = ("year", "month")
                found, there = ox.search(**search), whoosh.search(**search)
                assert (years_of(found), months_of(found)) == (years_of(there), months_of(there)), search
            found = ox.search("fabrikam", facets=("year", "month"))
            assert (years_of(found), months_of(found)) == (expected_years(lonely), expected_months(lonely))
    finally:
        drop(cluster, alias)
