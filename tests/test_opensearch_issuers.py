"""Issuers on OpenSearch as on Whoosh: an OpenSearch build learns a company's listing from the releases that print
it ("Zenith Robotics, Inc. (NASDAQ: ZNTH)") and gives it to the company's other releases, through the same shared
learning (indexer.issuers.store.settle), in a rebuild and in an incremental run.

Needs the test cluster (see opensearch_cluster.py); skips without one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from opensearch_cluster import REPLICAS, SHARDS, TWO_SHARDS, URL, drop, filled_shards, index_name

from indexer import build_index, open_index

# A tiny SEC list: one company known by name only (no release prints its symbol).
SEC = {"fields": ["cik", "name", "ticker", "exchange"], "data": [[123456, "ORBIT FOODS INC", "ORBF", "NYSE"]]}


def release_text(headline: str, lede: str, day: int) -> str:
    return f"{headline}\n\nNEW YORK, March {day}, 2020 (GLOBE NEWSWIRE) -- {lede}\n\nMore details follow here.\n"


# Companies no source lists, each printing its listing in one release of several.
COMPANIES = [
    ("Zenith Robotics, Inc.", "NASDAQ", "ZNTH", ("Opens a Plant", "Names a New Chief Executive", "Wins an Award")),
    ("Halcyon Biotherapeutics Corp.", "NYSE", "HLCB", ("Starts a Trial", "Reports Results")),
]


def company_releases(printing: set[int]) -> dict[str, str]:
    """Each company's releases; those numbered in printing print the company's listing."""
    files = {}
    for name, exchange, symbol, events in COMPANIES:
        short = name.split(",")[0].removesuffix(" Corp.")
        for n, event in enumerate(events):
            listing = f" ({exchange}: {symbol})" if n in printing else ""
            lede = f"{name}{listing} today announced that it {event.lower()} after a year of work on it."
            files[f"{symbol.lower()}_{n}.txt"] = release_text(f"{short} {event}", lede, n + 2)
    files["orbit.txt"] = release_text("Orbit Foods Reports Record Sales", "Orbit Foods Inc. today reported sales.", 9)
    return files


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def paths_of(index, query: str) -> set[str]:
    return {Path(h.path).name for h in index.search(query, per_page=50, collapse=False).hits}


QUERIES = [f"ticker:{symbol}" for _, _, symbol, _ in COMPANIES] + ["ticker:ORBF", "company:zenith", "robotics"]


@pytest.fixture
def sec_file(tmp_path) -> Path:
    path = tmp_path / "company_tickers_exchange.json"
    path.write_text(json.dumps(SEC), encoding="utf-8")
    return path


def both(folder: Path, tmp_path: Path, alias: str, sec_file: Path, shards: int = SHARDS, **options):
    """Build folder with both backends (the same issuer sources); their reports."""
    whoosh = build_index([folder], tmp_path / "index", sec_tickers=sec_file, **options)
    found = build_index(
        [folder],
        alias,
        backend="opensearch",
        url=URL,
        shards=shards,
        replicas=REPLICAS,
        sec_tickers=sec_file,
        **options,
    )
    return whoosh, found


@pytest.fixture(scope="module")
def learned(cluster, tmp_path_factory):
    """Both backends' rebuilds of company_releases(printing), made once per printing for the tests that only read
    them: printing -> (Whoosh index path, alias, Whoosh's report, OpenSearch's report). Two shards: the companies'
    release counts are an issuer facet summed over both."""
    made = {}

    def built(printing: set[int]):
        key = tuple(sorted(printing))
        if key not in made:
            work = tmp_path_factory.mktemp("learned")
            sec = work / "company_tickers_exchange.json"
            sec.write_text(json.dumps(SEC), encoding="utf-8")
            folder = write(work / "releases", company_releases(printing))
            alias = index_name("issuers-learned")
            made[key] = (work / "index", alias, *both(folder, work, alias, sec, TWO_SHARDS, rebuild=True))
            assert 0 not in filled_shards(cluster, alias)
        return made[key]

    yield built
    for _, alias, _, _ in made.values():
        drop(cluster, alias)


@pytest.mark.parametrize("printing", [{0}, {1}])  # the first release prints the listing, or a later one
def test_listing_learned_from_some_releases_reaches_the_others_on_both_backends(learned, printing):
    whoosh_path, alias, whoosh_report, os_report = learned(printing)
    assert os_report.reresolved_files == whoosh_report.reresolved_files > 0
    assert os_report.issuers == whoosh_report.issuers
    with open_index(whoosh_path) as wx, open_index(alias, backend="opensearch", url=URL) as ox:
        for _, _, symbol, events in COMPANIES:
            # Every release of the company, those without the symbol included.
            expected = {f"{symbol.lower()}_{n}.txt" for n in range(len(events))}
            assert paths_of(ox, f"ticker:{symbol}") == expected
        for query in QUERIES:
            assert paths_of(ox, query) == paths_of(wx, query), query
        zenith = ox.search("ticker:ZNTH", facets=("company",)).facets["company"].values
        assert [v.value for v in zenith] == ["Zenith Robotics, Inc."]


def test_incremental_build_learns_from_the_index_and_from_new_files(cluster, alias, tmp_path, sec_file, monkeypatch):
    files = company_releases({0})
    late = {name: text for name, text in files.items() if name.startswith("hlcb_")}
    folder = write(tmp_path / "releases", {name: text for name, text in files.items() if name not in late})
    # The releases of the second company, none printing its listing yet.
    write(folder, {name: text.replace(" (NYSE: HLCB)", "") for name, text in late.items() if name != "hlcb_0.txt"})
    both(folder, tmp_path, alias, sec_file, rebuild=True)
    with open_index(alias, backend="opensearch", url=URL) as ox:
        assert paths_of(ox, "ticker:HLCB") == set()
    # A new release of a known company resolves with what the index taught (nothing to parse twice), and the
    # first release printing HLCB's listing teaches it to that company's releases already in the index.
    write(folder, {"znth_9.txt": release_text("Zenith Robotics Hires", "Zenith Robotics, Inc. today hired.", 20)})
    write(folder, {"hlcb_0.txt": late["hlcb_0.txt"]})
    whoosh_report, os_report = both(folder, tmp_path, alias, sec_file)
    assert not os_report.rebuilt and os_report.new_files == 2
    assert os_report.reresolved_files == whoosh_report.reresolved_files == 1  # hlcb_1, already indexed
    assert os_report.added == 2 and os_report.total == whoosh_report.total
    with open_index(tmp_path / "index") as wx, open_index(alias, backend="opensearch", url=URL) as ox:
        assert "znth_9.txt" in paths_of(ox, "ticker:ZNTH")
        assert paths_of(ox, "ticker:HLCB") == {"hlcb_0.txt", "hlcb_1.txt"}
        for query in QUERIES:
            assert paths_of(ox, query) == paths_of(wx, query), query
    # Nothing changed: the run reads no release's issuer record (nothing to learn, a stream of paths only).
    from indexer.backends.opensearch.store import OpenSearchStore

    def unread(*args):
        raise AssertionError("an unchanged run read every release's issuer record")

    monkeypatch.setattr(OpenSearchStore, "issuer_file", unread)
    again = build_index([folder], alias, backend="opensearch", url=URL, sec_tickers=sec_file)
    assert (again.unchanged_files, again.added, again.reresolved_files) == (os_report.files, 0, 0)


def companies_of(index) -> list[tuple]:
    """What `releases companies --json` lists: each issuer's id, name, listings, CIK and number of releases."""
    from indexer.issuers.pages import list_companies

    return [
        (e.issuer.id, e.issuer.name, tuple(e.issuer.all_listings), e.issuer.cik, e.releases)
        for e in list_companies(index)
    ]


def test_companies_pages_and_hits_show_learned_issuers_and_ciks_on_both_backends(learned):
    from indexer.issuers.pages import company_page

    whoosh_path, alias, _, _ = learned({0})  # the first release of each company prints its listing
    with open_index(whoosh_path) as wx, open_index(alias, backend="opensearch", url=URL) as ox:
        listed = companies_of(ox)
        assert listed == companies_of(wx)
        # The corpus-learned issuers (no source lists them) are listed with their listings, not only the SEC's.
        names = {name: (listings, releases) for _, name, listings, _, releases in listed}
        for name, exchange, symbol, events in COMPANIES:
            assert names[name] == ((f"{exchange}:{symbol}",), len(events))
        for key in ("ZNTH", "orbf", "123456"):
            page_os, page_wx = company_page(ox, key), company_page(wx, key)
            assert page_os.issuer.id == page_wx.issuer.id and page_os.releases == page_wx.releases > 0
            assert [h.path for h in page_os.newest] == [h.path for h in page_wx.newest]
        # JSON hits: the same keys on both backends, and the issuer's CIK where it has one.
        hits_os = {h.path: h.to_json() for h in ox.search("", per_page=50, collapse=False).hits}
        hits_wx = {h.path: h.to_json() for h in wx.search("", per_page=50, collapse=False).hits}
        assert [list(h) for h in hits_os.values()] == [list(h) for h in hits_wx.values()]
        assert {p: (h["issuer"], h["cik"]) for p, h in hits_os.items()} == {
            p: (h["issuer"], h["cik"]) for p, h in hits_wx.items()
        }
        assert {h["cik"] for h in hits_os.values() if h["issuer"] == "cik123456"} == {"123456"}
    # The CLI lists the same issuers from the cluster.
    from click.testing import CliRunner

    from indexer.cli import main

    args = ["companies", "--index", alias, "--backend", "opensearch", "--url", URL, "--json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["id"], r["name"], r["releases"]) for r in rows] == [(i, n, c) for i, n, _, _, c in listed]
