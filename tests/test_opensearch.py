"""The OpenSearch backend against a real cluster: building (rebuild, incremental, alias switch, lock),
searching (totals counting copies once, multi-select facets, timeline, highlights, suggestions),
single releases, the CLI and the web app on it (losing a node: test_opensearch_nodes.py).

Without a cluster these tests skip with a message saying how to start one (bash .ci/opensearch.sh start);
with CI=true they fail instead. The tests at the top need no cluster.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from opensearch_cluster import REPLICAS, ROOT, SHARDS, URL, drop, index_name

from indexer import build_index, open_index, query
from indexer.backends import BackendUnavailable
from indexer.backends.opensearch import dsl as oq
from indexer.backends.opensearch import schema as os_schema
from indexer.backends.opensearch.schema import field_kinds, mapping, terms_field, to_source, to_stored
from indexer.backends.opensearch.store import OpenSearchStore
from indexer.cli import main as cli
from indexer.model import IndexLocked, IndexNotFound, ReleaseSearchError
from indexer.schema import FACETS
from indexer.search import MAX_PAGE, MAX_PER_PAGE, SearchRequest

SEEDS = ROOT / "seeds"
ALL_FACETS = tuple(f.name for f in FACETS)


def build(folder, alias, **options):
    """Build an OpenSearch index of a folder with the tests' layout (SHARDS, REPLICAS: what two shards merge is
    test_opensearch_shards.py's)."""
    from indexer.backends.opensearch.build import build_index as build_opensearch

    return build_opensearch([str(folder)], alias, url=URL, shards=SHARDS, replicas=REPLICAS, **options)


# ---- Without a cluster --------------------------------------------------------------------------


def test_mapping_covers_every_schema_field():
    props = mapping()["properties"]
    for name, kind in field_kinds().items():
        assert (terms_field(name) if kind == "text" else name) in props, name
    for spec in FACETS:
        assert props[spec.field]["type"] == "keyword"
    for name in ("id", "path", "source_hash", "dupkey"):  # what incremental builds read back
        assert props[name]["type"] == "keyword", name


def test_field_kinds_follow_the_whoosh_field_classes(monkeypatch):
    from whoosh import fields

    from indexer.backends.opensearch import schema as os_schema

    kinds = field_kinds()
    assert kinds["date"] == "date"  # a DATETIME is a NUMERIC too: the closer class decides
    assert (kinds["ticker"], kinds["id"], kinds["headline"], kinds["meta"]) == ("keywords", "keyword", "text", "stored")
    monkeypatch.setattr(os_schema, "schema", lambda: fields.Schema(grams=fields.NGRAM()))
    os_schema.field_kinds.cache_clear()
    try:
        with pytest.raises(ValueError, match="'grams' \\(NGRAM\\) has no OpenSearch mapping yet"):
            os_schema.field_kinds()
    finally:
        os_schema.field_kinds.cache_clear()


def test_documents_round_trip_to_whoosh_stored_fields():
    from indexer.duplicates import duplicate_key
    from indexer.parse import parse_file
    from indexer.schema import release_to_document

    release = parse_file(sorted(SEEDS.iterdir())[0])[0]
    doc = release_to_document(release, duplicate_key(release))
    source = to_source(doc)
    assert source["ticker"] == release.tickers  # keyword lists, as Whoosh indexes them
    assert source[terms_field("headline")].split()  # analyzed terms for searching
    stored = to_stored(source)
    for name in ("id", "path", "headline", "lede", "ticker", "company_facet", "dupkey", "date_text"):
        assert stored.get(name) == doc.get(name), name


@pytest.mark.parametrize(
    "text",
    [
        "SiriusXM and the e-commerce co-founder's U.S.-based unit",
        "The of and",
        "of e-commerce, then x-ray-like AT&T Wi-Fi 3.5% growth",
        "",
        'Acme Corp. (NASDAQ: ACME) reports record Q3 revenue; the CEO said "we\'re pleased"',
    ],
)
def test_indexed_terms_are_the_analyzers_tokens_position_by_position(text):
    # Cached per word (each word's position text remembered) and token by token: the same terms and positions,
    # with the words met before (second call) as the first time.
    slow = os_schema._indexed_terms_slowly(text)
    assert os_schema.indexed_terms(text) == slow
    assert os_schema.indexed_terms(text + " " + text) == (slow + " " + slow).strip()


def test_stop_words_follow_whoosh_null_query_rules():
    # 'the' is a stop word: required it matches nothing, excluded it excludes nothing, OR-ed it is dropped.
    assert oq.translate(query.parse_query("+the merger").tree) is None
    assert oq.translate(query.parse_query("merger -the").tree)["bool"]["must"][0] == {"match_all": {}}
    assert oq.translate(query.parse_query("the OR merger").tree) is not None


def test_exact_top_accepts_only_proven_counts():
    def agg(counts, left_out=0, errors=None):
        errors = errors or [0] * len(counts)
        buckets = [
            {"key": f"v{i}", "doc_count": c, "doc_count_error_upper_bound": e}
            for i, (c, e) in enumerate(zip(counts, errors, strict=True))
        ]
        return {"buckets": buckets, "doc_count_error_upper_bound": left_out}

    assert oq.exact_top(agg([5, 3, 1]), 2) == [("v0", 5), ("v1", 3)]  # no shard left anything out
    assert oq.exact_top(agg([50, 40, 10], left_out=20), 2) == [("v0", 50), ("v1", 40)]  # 40 > 10 + 20
    assert oq.exact_top(agg([50, 25, 10], left_out=20), 2) is None  # a value outside could reach 30
    assert oq.exact_top(agg([50, 40, 10], left_out=5, errors=[0, 3, 0]), 2) is None  # a shown count is uncertain


def test_unreachable_cluster_says_how_to_start_one():
    with pytest.raises(
        BackendUnavailable, match=r"cannot reach OpenSearch at http://127\.0\.0\.1:9.*opensearch\.sh start"
    ):
        open_index("releases", backend="opensearch", url="http://127.0.0.1:9")


def test_index_names_must_suit_opensearch():
    with pytest.raises(ReleaseSearchError, match="cannot name an OpenSearch index: use lowercase letters"):
        open_index("My Index", backend="opensearch", url="http://127.0.0.1:9")


def test_unknown_backend_is_refused():
    with pytest.raises(ReleaseSearchError, match="unknown backend 'solr': use one of whoosh, opensearch"):
        open_index("index", backend="solr")


# ---- Against the cluster --------------------------------------------------------------------------


def seeds_and_a_copy(folder: Path) -> Path:
    """The seeds plus a copy of one of them (the same release on another path: one duplicate group)."""
    shutil.copytree(SEEDS, folder)
    first = sorted(folder.iterdir())[0]
    shutil.copyfile(first, folder / f"copy_{first.name}")
    return folder


@pytest.fixture
def releases(tmp_path) -> Path:
    """The seeds plus a copy of one of them, the test's own to change."""
    return seeds_and_a_copy(tmp_path / "releases")


@pytest.fixture(scope="module")
def first_build(cluster, tmp_path_factory):
    """The seeds plus a copy, built once into a new alias for the tests that only read it: (alias, the build's
    report, the folder built)."""
    alias = index_name("opensearch-read")
    folder = seeds_and_a_copy(tmp_path_factory.mktemp("read") / "releases")
    yield alias, build(folder, alias), folder
    drop(cluster, alias)


@pytest.fixture
def built(first_build) -> str:
    """The alias of the module's read-only index (first_build)."""
    return first_build[0]


@pytest.fixture(scope="module")
def scanned(cluster, tmp_path_factory) -> str:
    """The seeds plus five copies, built once for the scan tests (which only read): its alias."""
    folder = seeds_and_a_copy(tmp_path_factory.mktemp("scan") / "releases")
    for i in range(4):
        shutil.copyfile(sorted(SEEDS.iterdir())[i % 2], folder / f"more_{i}.txt")
    alias = index_name("opensearch-scan")
    build(folder, alias)
    yield alias
    drop(cluster, alias)


def test_build_search_and_exact_totals(first_build, tmp_path):
    alias, report, releases = first_build
    assert (report.rebuilt, report.added, report.total, report.files) == (True, 3, 3, 3)
    whoosh_path = tmp_path / "whoosh"
    build_index([releases], whoosh_path)
    with open_index(alias, backend="opensearch", url=URL) as ox, open_index(whoosh_path) as wx:
        everything = ox.search("", facets=ALL_FACETS)
        # Three documents, two of them copies of one release: two results, as on Whoosh.
        assert everything.total == 2 == wx.search("").total
        assert ox.search("", collapse=False).total == 3
        copied = [h for h in everything.hits if h.duplicates]
        assert len(copied) == 1 and copied[0].duplicates[0]["id"] != copied[0].id
        # Facets count releases, copies folded, as the total does.
        assert sum(v.count for v in everything.facets["year"].values) == 2 == everything.total
        page = ox.search("conference call")
        assert page.total == wx.search("conference call").total == 1
        # Snippets are made by the Whoosh backend's own code: the same passage, the same marks.
        assert '<mark class="hl term0">conference</mark>' in page.hits[0].snippet.lower()
        assert page.hits[0].snippet == wx.search("conference call").hits[0].snippet
        assert "<script" not in page.hits[0].snippet
        assert page.timeline == [{"period": "2011-10", "count": 1}]
        assert ox.search("conferense call").suggestion == wx.search("conferense call").suggestion


def test_multi_select_facets_ignore_their_own_selection(built):
    with open_index(built, backend="opensearch", url=URL) as ox:
        wires = {v.value: v.count for v in ox.search("").facets["wire"].values}
        assert len(wires) == 2
        chosen = min(wires)
        page = ox.search("", filters={"wire": [chosen]})
        shown = {v.value: (v.count, v.selected) for v in page.facets["wire"].values}
        # The other wire stays visible with its count; the chosen one is marked.
        assert shown == {w: (c, w == chosen) for w, c in wires.items()}
        assert page.total == 1  # a release and its copy are one result
        assert sum(v.count for v in page.facets["year"].values) == wires[chosen]  # other facets narrow
        # Values of one facet combine with OR.
        both = ox.search("", filters={"wire": list(wires)}, collapse=False)
        documents = ox.search("", collapse=False).facets["wire"].values
        assert both.total == sum(v.count for v in documents) == sum(wires.values()) + 1  # the copy counts here


@pytest.mark.parametrize("batch", [1000, 1])  # files compared with the index per request: all, one at a time
def test_incremental_build_by_content_hash(cluster, alias, releases, batch, monkeypatch):
    from indexer.backends.opensearch import build as os_build

    monkeypatch.setattr(os_build, "LOOKUP_BATCH", batch)
    build(releases, alias)
    physical = OpenSearchStore(alias, URL, cluster).live()
    again = build(releases, alias)
    assert (again.rebuilt, again.unchanged_files, again.added, again.removed) == (False, 3, 0, 0)
    changed = sorted(releases.glob("0*"))[1]
    changed.write_text(changed.read_text() + "\nA new closing line about quantumleap.\n")
    (releases / sorted(p.name for p in releases.glob("copy_*"))[0]).unlink()
    update = build(releases, alias)
    assert (update.changed_files, update.gone_files, update.added, update.removed, update.total) == (1, 1, 1, 2, 2)
    assert OpenSearchStore(alias, URL, cluster).live() == physical  # updated in place
    with open_index(alias, backend="opensearch", url=URL) as ox:
        assert ox.search("quantumleap").total == 1
        assert all(not h.duplicates for h in ox.search("").hits)  # the group shrank to one release


def test_file_names_that_are_not_utf8_are_indexed_once(cluster, alias, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"release-\xff.txt")
    with open(name, "wb") as handle:
        handle.write(sorted(SEEDS.iterdir())[0].read_bytes())
    assert build(folder, alias).added == 1
    again = build(folder, alias)
    assert (again.unchanged_files, again.added, again.removed) == (1, 0, 0)
    with open_index(alias, backend="opensearch", url=URL) as ox:
        assert ox.search("").hits[0].path.endswith("release-\\xff.txt")


def test_rebuild_switches_the_alias_and_drops_the_old_index(cluster, alias, releases):
    build(releases, alias)
    store = OpenSearchStore(alias, URL, cluster)
    old = store.live()
    report = build(releases, alias, rebuild=True)
    assert report.rebuilt and store.live() != old
    assert not cluster.indices.exists(index=old)


def test_failed_rebuild_leaves_the_live_index(cluster, alias, releases):
    build(releases, alias)
    store = OpenSearchStore(alias, URL, cluster)
    live = store.live()

    def explode(progress):
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        build(releases, alias, rebuild=True, progress=explode)
    assert store.live() == live
    assert list(cluster.indices.get(index=f"{alias}-g*")) == [live]  # the half-built index is gone
    with open_index(alias, backend="opensearch", url=URL) as ox:
        assert ox.search("").total == 2


def test_a_second_build_is_refused_while_one_runs(cluster, first_build):
    alias, _, releases = first_build  # built from releases: the build after the lock finds them unchanged
    with OpenSearchStore(alias, URL, cluster).write_lock():
        with pytest.raises(
            IndexLocked, match=rf"another 'releases index' \(pid {os.getpid()} on .+\) is writing {alias}"
        ):
            build(releases, alias)
    assert build(releases, alias).unchanged_files == 3  # the lock is released


def test_release_related_complete_and_stats(built, releases, tmp_path):
    build_index([releases], tmp_path / "whoosh")
    with open_index(built, backend="opensearch", url=URL) as ox, open_index(tmp_path / "whoosh") as wx:
        hit = next(h for h in ox.search("").hits if h.duplicates)
        found = ox.get(hit.id)
        assert found.headline == hit.headline and found.duplicates[0]["id"] == hit.duplicates[0]["id"]
        assert ox.get("0" * 16) is None
        # Ranked as on Whoosh (the parity suite compares them on real releases); never its own copies.
        related = ox.related(hit.id)
        assert [r.id for r in related] == [r.id for r in wx.related(hit.id)]
        assert all(r.id not in {hit.id, hit.duplicates[0]["id"]} for r in related)
        # The issuer learned from the releases (not in the SEC list) labels the name with its listing, as on Whoosh.
        assert ox.complete("immu") == wx.complete("immu")
        assert ox.complete("immu") == [
            {
                "kind": "company",
                "value": "ImmunoGen, Inc.",
                "count": 2,  # three documents, two of them copies of one release: counted as a search counts
                "issuer": "nasdaq-imgn",
                "label": "ImmunoGen, Inc. \u00b7 NASDAQ:IMGN",
            }
        ]
        stats = ox.stats()
        # Three documents: two releases, one of them on two paths.
        assert (stats["backend"], stats["releases"], stats["documents"], stats["first_date"]) == (
            "opensearch",
            2,
            3,
            "2011-10-20",
        )
        assert stats["cluster"]["nodes"] >= 1


def test_deepest_page_stays_within_the_result_window(built):
    # Pages are read with from/size: the page limit keeps them within the index's max_result_window.
    with open_index(built, backend="opensearch", url=URL) as ox:
        last = ox.search("", page=MAX_PAGE, per_page=MAX_PER_PAGE)
        assert (last.total, last.hits) == (2, [])
        with pytest.raises(ReleaseSearchError, match="narrow the search to see further"):
            ox.search("", page=MAX_PAGE + 1)


def test_missing_index_is_reported(cluster):
    with pytest.raises(IndexNotFound, match="no OpenSearch index 'nothing-here' at .*releases index SOURCE"):
        open_index("nothing-here", backend="opensearch", url=URL)


def test_cli_and_environment_select_the_backend(cluster, alias, releases, runner, monkeypatch):
    monkeypatch.setenv("RELEASES_OPENSEARCH_URL", URL)
    monkeypatch.setenv("RELEASES_BACKEND", "opensearch")
    done = runner.invoke(cli, ["index", str(releases), "--index", alias, "--shards", "1", "--replicas", "0", "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["total"] == 3
    found = runner.invoke(cli, ["search", "conference call", "--index", alias, "--json"])
    data = json.loads(found.output)
    assert data["ok"] and data["total"] == 1 and data["hits"][0]["headline"].startswith("ImmunoGen")
    monkeypatch.delenv("RELEASES_BACKEND")
    stats = runner.invoke(cli, ["stats", "--backend", "opensearch", "--index", alias, "--json"])
    assert json.loads(stats.output)["backend"] == "opensearch"
    missing = runner.invoke(cli, ["search", "x", "--backend", "opensearch", "--index", f"{alias}-none", "--json"])
    assert missing.exit_code == 1 and json.loads(missing.output)["status"] == 404


def test_web_app_runs_unchanged_on_opensearch(built):
    from webapp import create_app

    app = create_app(
        {"RELEASES_INDEX": built, "RELEASES_BACKEND": "opensearch", "RELEASES_OPENSEARCH_URL": URL, "TESTING": True}
    )
    web = app.test_client()
    data = web.get("/api/search?q=conference+call").get_json()
    assert data["ok"] and data["total"] == 1
    release = web.get(f"/api/releases/{data['hits'][0]['id']}").get_json()
    assert release["ok"] and release["release"]["headline"] == data["hits"][0]["headline"]
    assert web.get("/?q=conference+call").status_code == 200


@pytest.mark.parametrize("collapse", [True, False])
@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_scan_lists_every_release_in_page_order(scanned, collapse, sort):
    with open_index(scanned, backend="opensearch", url=URL) as ox:
        for text in ("", "immunogen", "conference call"):
            page = ox.search(text, collapse=collapse, sort=sort, per_page=100)
            request = SearchRequest(query=text, collapse=collapse, sort=sort)
            scanned = list(ox.backend.scan(request, query.parse_query(text), batch=2))  # several requests
            assert [h.id for h in scanned] == [h.id for h in page.hits]
            assert len(scanned) == page.total
            # Exports stream the same scan: the exact total first, each row with its copies and its text.
            exported = ox.export(text, collapse=collapse, sort=sort, text=True)
            rows = list(exported.rows)
            assert exported.total == page.total == len(rows)
            assert [r.hit.id for r in rows] == [h.id for h in page.hits]
            assert [r.hit.duplicates for r in rows] == [h.duplicates for h in page.hits]
            for row in rows:
                release = ox.get(row.hit.id)
                assert row.text and row.text == "\n\n".join(x for x in (release.lede, release.body) if x)
