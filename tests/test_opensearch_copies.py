"""Copies counted once on OpenSearch, exactly as on Whoosh, through representatives fixed at build time.

Each copy group's earliest copy is marked as its representative (indexer/backends/opensearch/representatives.py)
and a search keeps a matching representative or a matching copy whose representative does not match (fold.py).
These tests build releases with many copy groups, some of whose later copies hold words their earliest copy lacks
("orphans", several per group), with the page sizes lowered below the number of groups, and compare every count
with Whoosh's: totals, some-words totals, facets, timeline, the releases listed; then again after incremental
runs that move a group's representative (an earlier copy added, the representative's file removed).

Needs the test cluster (see opensearch_cluster.py); skips without one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from opensearch_cluster import REPLICAS, SHARDS, TWO_SHARDS, URL, filled_shards

from indexer import build_index, open_index
from indexer.backends.opensearch import fold, representatives
from indexer.schema import FACETS

ALL_FACETS = tuple(f.name for f in FACETS)
WIRES = ("GLOBE NEWSWIRE", "PRNewswire", "BUSINESS WIRE")
EXTRA = "The program also studies zebrafish embryos in a second laboratory."
QUERIES = ("", "zebrafish", "zebrafish merger", "laboratory", "project", "merger OR zebrafish", "wire:globe*")


def release_text(group: int, day: int, wire: str, extra: str = "") -> str:
    """One copy of group's release, dated March day, 2020, on a wire; extra: a sentence only this copy has."""
    body = (
        f"Company {group} said the project will employ two hundred people in its first year. "
        "It expects revenue from the project to begin in the second half of the next fiscal year. "
        "The company plans to report progress with its quarterly results."
    )
    if extra:
        body += f"\n\n{extra}"
    return (
        f"Northwind {group} Announces Project {group} Expansion\n\n"
        f"BOSTON, March {day}, 2020 ({wire}) -- Northwind {group} Inc. today announced the start of project "
        f"{group}, a new plant that will double its output of specialty materials for merger partners.\n\n"
        f"{body}\n"
    )


def corpus(folder: Path, groups: int = 9) -> Path:
    """Copy groups of three kinds, three of each: plain (three equal copies), orphaned (the earliest copy lacks
    the extra sentence, two later ones hold it) and split (a copy two weeks later: a release of its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    for g in range(groups):
        kind = g % 3
        for n in range(3):
            day = 2 + g % 5 + n if kind != 2 or n < 2 else 20 + g % 5
            extra = EXTRA if kind == 1 and n > 0 else ""
            (folder / f"g{g:02d}_{n}.txt").write_text(release_text(g, day, WIRES[n], extra), encoding="utf-8")
    for g in range(groups, groups + 3):  # releases without copies, one holding the extra sentence
        (folder / f"g{g:02d}_0.txt").write_text(release_text(g, 9, WIRES[g % 3], EXTRA * (g % 2)), encoding="utf-8")
    return folder


def counts(index, query: str) -> dict:
    page = index.search(query, facets=ALL_FACETS, per_page=100, sort="newest")
    return {
        "total": page.total,
        "partial_total": page.partial_total,
        "undated": page.undated,
        "timeline": page.timeline,
        "facets": {name: [(v.value, v.count) for v in f.values] for name, f in page.facets.items()},
        "paths": sorted(Path(h.path).name for h in page.hits),
        "copies": sorted(sorted(Path(d["path"]).name for d in h.duplicates) for h in page.hits),
    }


def assert_same_counts(alias: str, whoosh_path: Path) -> None:
    with open_index(alias, backend="opensearch", url=URL) as ox, open_index(whoosh_path) as wx:
        for query in QUERIES:
            expected = counts(wx, query)
            assert counts(ox, query) == expected, query
            # Exports fold the same way (their plan checks the orphans before streaming).
            export = ox.export(query)
            assert export.total == expected["total"] == sum(1 for _ in export.rows), query
        found, expected = ox.stats(), wx.stats()
        assert (found["releases"], found["top"]) == (expected["releases"], expected["top"])


@pytest.fixture(params=["default pages", "pages of one or two"])
def pages(request, monkeypatch):
    """The default page sizes, or pages smaller than the number of copy groups (every paging path taken)."""
    if request.param != "default pages":
        monkeypatch.setattr(fold, "ORPHAN_GROUPS_AT_ONCE", 1)
        monkeypatch.setattr(representatives, "KEYS_PAGE", 2)
        monkeypatch.setattr(representatives, "KEYS_AT_ONCE", 2)
        monkeypatch.setattr(representatives, "MEMBERS_PAGE", 3)
    return request.param


def both(folder: Path, whoosh_path: Path, alias: str, shards: int = SHARDS) -> None:
    build_index([folder], whoosh_path)
    build_index([folder], alias, backend="opensearch", url=URL, shards=shards, replicas=REPLICAS)


def test_counts_with_orphaned_copies_equal_whoosh(cluster, alias, tmp_path, pages):
    """On two shards: each copy group sits on the shard its duplicate key routes it to, so the totals, facets,
    timeline and exports are summed over both shards, and the keys with copies are paged over both."""
    folder = corpus(tmp_path / "releases")
    both(folder, tmp_path / "whoosh", alias, TWO_SHARDS)
    assert 0 not in filled_shards(cluster, alias)  # copy groups on both shards
    with open_index(alias, backend="opensearch", url=URL) as ox:
        found = ox.search("zebrafish", per_page=100)
        # The premise: later copies hold a word their group's earliest copy lacks, two per group.
        assert found.total < ox.search("zebrafish", per_page=100, collapse=False).total
    assert_same_counts(alias, tmp_path / "whoosh")


def test_incremental_runs_move_representatives_as_whoosh_folds(cluster, alias, tmp_path, pages):
    # On the tests' one shard: a group's copies share a shard (routed by duplicate key), so its representative moves
    # within one; counts summed over shards are the test above's.
    folder = corpus(tmp_path / "releases")
    whoosh_path = tmp_path / "whoosh"
    both(folder, whoosh_path, alias)
    # An earlier copy of an orphaned group (without the extra sentence) and of a plain one: new representatives.
    (folder / "g01_early.txt").write_text(release_text(1, 1, WIRES[1]), encoding="utf-8")
    (folder / "g00_early.txt").write_text(release_text(0, 1, WIRES[2], EXTRA), encoding="utf-8")
    both(folder, whoosh_path, alias)
    assert_same_counts(alias, whoosh_path)
    # The representative's file gone: the next copy stands for the group (and holds the extra sentence).
    (folder / "g01_early.txt").unlink()
    (folder / "g04_0.txt").unlink()
    both(folder, whoosh_path, alias)
    assert_same_counts(alias, whoosh_path)


def test_folding_copies_costs_no_request_of_its_own(cluster, alias, tmp_path):
    folder = corpus(tmp_path / "releases")
    build_index([folder], alias, backend="opensearch", url=URL, shards=SHARDS, replicas=REPLICAS)
    with open_index(alias, backend="opensearch", url=URL) as ox:
        sent: list[str] = []
        for name in ("search", "msearch"):
            real = getattr(ox.backend.client, name)
            setattr(ox.backend.client, name, lambda real=real, name=name, **kw: sent.append(name) or real(**kw))

        def requests(query: str, **options) -> int:
            sent.clear()
            ox.search(query, **options)
            return len(sent)

        for query in ("project", "", "merger project", "zebrafish"):
            requests(query)  # the words' statistics fetched once, reused by the searches below
        for query in ("project", "", "merger project"):
            # Collapsed: one round trip, as without folding (the page's request lists the hits' copies).
            assert requests(query) == requests(query, collapse=False) == 1, query
        # A group with two matching orphans: found in the page's request, then folded (more requests).
        assert requests("zebrafish") > requests("zebrafish", collapse=False) + 1
