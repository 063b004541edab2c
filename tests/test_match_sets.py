"""Match sets computed over whole posting lists (numpy) against Whoosh's own matching, on a real index."""

from __future__ import annotations

import random
from datetime import datetime

import numpy as np
import pytest
from build_helpers import write_releases
from whoosh import query as wq

from indexer import build_index, open_index
from indexer.backends.whoosh.phrase import phrase_docs
from indexer.backends.whoosh.rank import IndexStats
from indexer.schema import TEXT_ANALYZER


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    folder = tmp_path_factory.mktemp("matching")
    write_releases(folder / "in", 120, seed=11)
    build_index([folder / "in"], folder / "ix")
    with open_index(folder / "ix") as index:
        index.search("")
        yield index.backend.snapshot()


def _whoosh(snap, query) -> np.ndarray:
    return np.array(sorted(set(snap.searcher.docs_for_query(query))), dtype=np.int64)


def _phrases(snap, count: int, rng: random.Random) -> list[list[str]]:
    """Word runs taken from the releases themselves (so most match), and some shuffled ones (most do not)."""
    out = []
    for _ in range(count):
        stored = snap.searcher.stored_fields(rng.randrange(snap.searcher.doc_count_all()))
        words = [t.text for t in TEXT_ANALYZER(stored.get("body", "") + " " + stored.get("lede", ""))]
        if len(words) < 4:
            continue
        start = rng.randrange(len(words) - 3)
        run = words[start : start + rng.choice([2, 2, 3, 4])]
        out.append(run if rng.random() < 0.8 else rng.sample(run, len(run)))
    return out


@pytest.mark.parametrize("by_row", [False, True])
def test_phrases_match_what_whoosh_matches(snapshot, by_row):
    rng = random.Random(5)
    leaves = snapshot.searcher.reader().leaf_readers()
    # by_row: positions found by row from a word's documents and where they lie in the columnar files
    # (IndexStats.located), as searches do; else by a search per segment.
    stats = IndexStats(snapshot.searcher)  # its own caches: documents read without frequencies
    located = []

    def locate(fieldname, word):
        found = stats.located(fieldname, word)
        located.append(found is not None)
        return found

    checked = 0
    for words in _phrases(snapshot, 60, rng):
        for fieldname in ("body", "lede", "about"):
            for slop in (1, 2):
                expected = _whoosh(snapshot, wq.Phrase(fieldname, words, slop=slop))
                if by_row:
                    with stats.holding():
                        found = phrase_docs(leaves, fieldname, words, slop, stats.documents, locate=locate)
                else:
                    found = phrase_docs(leaves, fieldname, words, slop, snapshot.term_docs)
                # A build that re-indexed files (issuers learned from the corpus) left deleted releases behind:
                # searches mask them with the live set, as Whoosh does.
                found = found[snapshot.live[found]]
                assert np.array_equal(found, expected), (fieldname, words, slop)
                checked += len(expected)
    assert checked > 100  # most phrases were found somewhere
    assert not by_row or sum(located) > 100  # the rows were found through the columnar files


def test_boolean_queries_match_what_whoosh_matches(snapshot):
    year = datetime(2015, 1, 1)
    queries = [
        wq.Term("body", "dividend"),
        wq.Or([wq.Term("headline", "acquir"), wq.Term("body", "merg")]),
        wq.And([wq.Term("body", "compani"), wq.Not(wq.Term("body", "dividend"))]),
        wq.And([wq.Every(), wq.Not(wq.Term("lede", "announc"))]),
        wq.DateRange("date", year, datetime(2018, 6, 30, 23, 59, 59)),
        wq.DateRange("date", None, year),
        wq.And([wq.Term("body", "quarter"), wq.DateRange("date", year, None)]),
        wq.Or([wq.Phrase("body", ["fourth", "quarter"]), wq.Prefix("headline", "announ")]),
        wq.Wildcard("body", "acqui*"),
        wq.NullQuery,
    ]
    live = snapshot.live
    for query in queries:
        expected = _whoosh(snapshot, query)
        found = np.flatnonzero(snapshot.matches(query) & live)
        assert np.array_equal(found, expected), query
