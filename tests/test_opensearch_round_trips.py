"""Round trips per OpenSearch search: a page's hits, copies and missing words in one request; statistics
fetched once and reused by later searches, checked in the page's own round trip (a changed index re-plans)."""

from __future__ import annotations

import shutil

import pytest
from opensearch_cluster import REPLICAS, ROOT, SHARDS, URL, drop, index_name

from indexer import open_index
from indexer.backends.opensearch.build import build_index

SEEDS = ROOT / "seeds"


def release(title: str, sentence: str, day: int) -> str:
    return (
        f"{title}\n\nBOSTON, March {day}, 2021 (Business Wire) -- Fabrikam Inc. today said {sentence}. "
        "The company will report more with its quarterly results.\n"
    )


def build(folder, alias):
    build_index([str(folder)], alias, url=URL, shards=SHARDS, replicas=REPLICAS)


def counted(ox) -> list[str]:
    """The client calls each search makes (search or msearch), recorded from now on."""
    sent: list[str] = []
    for name in ("search", "msearch"):
        real = getattr(ox.backend.client, name)
        setattr(ox.backend.client, name, lambda real=real, name=name, **kw: sent.append(name) or real(**kw))
    return sent


def summary(page) -> tuple:
    return (
        page.total,
        page.partial_total,
        page.suggestion,
        [(h.id, h.missing, [d["id"] for d in h.duplicates]) for h in page.hits],
        {name: [(v.value, v.count) for v in f.values] for name, f in page.facets.items()},
    )


@pytest.fixture(scope="module")
def plant_alias(cluster, tmp_path_factory):
    """The seeds and a release with a copy, built once for the module's read-only searches (each opens it anew).
    (What two shards merge, scores included, is test_opensearch_shards.py's.)"""
    folder = tmp_path_factory.mktemp("round-trips") / "releases"
    shutil.copytree(SEEDS, folder)
    (folder / "a.txt").write_text(release("Fabrikam Opens Plant", "the zorbaxide plant opened", 2), "utf-8")
    (folder / "a_copy.txt").write_text(release("Fabrikam Opens Plant", "the zorbaxide plant opened", 3), "utf-8")
    alias = index_name("round-trips")
    build(folder, alias)
    yield alias
    drop(cluster, alias)


@pytest.mark.parametrize("text", ["quarterly results", "fabrikam plant expansion", "zorbaxide", "dividend"])
def test_a_search_asked_again_is_one_round_trip_with_the_same_page(plant_alias, text):
    with (
        open_index(plant_alias, backend="opensearch", url=URL) as ox,
        open_index(plant_alias, backend="opensearch", url=URL) as fresh,
    ):
        sent = counted(ox)
        first = summary(ox.search(text))
        sent.clear()
        again = summary(ox.search(text))
        # Everything of the page (hits, copies, some-words listing, missing words) and the check of the
        # statistics it reused: one msearch.
        assert sent == ["msearch"], text
        assert again == first == summary(fresh.search(text))


def test_reused_statistics_are_checked_and_a_changed_index_is_planned_again(cluster, alias, tmp_path):
    folder = tmp_path / "releases"
    shutil.copytree(SEEDS, folder)
    (folder / "a.txt").write_text(release("Fabrikam Opens Plant", "the zorbaxide plant opened", 2), "utf-8")
    build(folder, alias)
    with open_index(alias, backend="opensearch", url=URL) as ox:
        # Unknown to the index: searched as its known spelling, which is suggested.
        before = ox.search("zorbaxite")
        assert before.total == 1 and before.suggestion == "zorbaxide"
        (folder / "b.txt").write_text(release("Fabrikam Buys Mine", "the zorbaxite mine was bought", 4), "utf-8")
        build(folder, alias)
        # The same open index: the word's frequency it fetched before is stale (0, now 1). The page's round
        # trip finds that out and the search is planned again: the new release alone, no suggestion.
        sent = counted(ox)
        after = ox.search("zorbaxite")
        with open_index(alias, backend="opensearch", url=URL) as fresh:
            assert summary(after) == summary(fresh.search("zorbaxite"))
        assert after.total == 1 and after.suggestion is None
        assert [h.headline for h in after.hits] == ["Fabrikam Buys Mine"]
        assert len(sent) > 1  # the stale page, then the search planned again


@pytest.mark.parametrize("text", ["quarterly results", "fabrikam plant expansion"])
def test_the_check_of_reused_statistics_only_counts_on_the_page_s_shard_copies(plant_alias, text):
    # The page is ranked with every shard's term statistics (dfs_query_then_fetch); the re-read count and
    # frequencies it borrowed score nothing, so they go without that round, on the same copies (one preference).
    with open_index(plant_alias, backend="opensearch", url=URL) as ox:
        first = summary(ox.search(text))
        sent: list[list[dict]] = []
        real = ox.backend.client.msearch
        ox.backend.client.msearch = lambda **kw: sent.append(kw["body"]) or real(**kw)
        assert summary(ox.search(text)) == first
    [lines] = sent
    searches = list(zip(lines[0::2], lines[1::2], strict=True))
    ranked = [header for header, body in searches if body.get("size") != 0]
    counting = [header for header, body in searches if body.get("size") == 0]
    assert ranked and all(header["search_type"] == "dfs_query_then_fetch" for header in ranked)
    assert len(counting) == 2 and all("search_type" not in header for header in counting)
    assert len({header["preference"] for header, _ in searches}) == 1
