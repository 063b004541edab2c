"""Ranking with kept BM25F sums (bm25f.py: a common word's document frequency and highest sums kept per
searcher, then summed only at the ranked documents) gives the same pages as summing every posting."""

from __future__ import annotations

import json

import numpy as np
import pytest
from build_helpers import drawn_searches

from indexer import open_index
from indexer.backends.whoosh import bm25f
from indexer.backends.whoosh.rank import plan_query, score, stats_for
from indexer.model import ReleaseSearchError
from indexer.query import parse_query


@pytest.fixture(scope="module")
def folder(index_with_deletions):
    """An index of 240 synthetic releases, 20 of whose files were then removed (deleted documents; shared with
    test_kept_sums_file.py, tests/conftest.py): only read here."""
    return index_with_deletions


def _requests(index, count: int) -> list[dict]:
    """Searches drawn from the index's releases (build_helpers.drawn_searches)."""
    return drawn_searches(index.backend.snapshot().searcher, count, seed=9)


def _pages(path, requests: list[dict], rounds: int) -> list[list[str]]:
    """Each request's page as JSON, asked `rounds` times on one newly opened index."""
    pages = []
    with open_index(path) as index:
        for _ in range(rounds):
            answers = []
            for request in requests:
                try:
                    answers.append(json.dumps(index.search(**request).to_json(), sort_keys=True))
                except ReleaseSearchError as error:
                    answers.append(f"error: {error}")
            pages.append(answers)
    return pages


def test_pages_with_kept_sums_equal_pages_summed_over_every_posting(folder, monkeypatch):
    monkeypatch.setenv("RELEASES_RESULT_CACHE", "0")
    with open_index(folder / "ix") as index:
        requests = _requests(index, 60)
    monkeypatch.setenv("RELEASES_SUMS_CACHE_MB", "0")  # nothing kept: every search sums every posting
    (plain,) = _pages(folder / "ix", requests, 1)
    monkeypatch.setenv("RELEASES_SUMS_CACHE_MB", "4")
    # Sums kept for words in a few documents (this index is small), so that most words' are.
    monkeypatch.setattr(bm25f, "KEEP_FROM", 3)
    monkeypatch.setattr(bm25f, "TOP_KEPT", 6)
    ranked_only = []
    original = bm25f.at_documents

    def counted(*args):
        ranked_only.append(1)
        return original(*args)

    monkeypatch.setattr(bm25f, "at_documents", counted)
    rounds = _pages(folder / "ix", requests, 2)  # words summed, kept the second time, then read from there
    for answers in rounds:
        for request, expected, found in zip(requests, plain, answers, strict=True):
            assert found == expected, request
    assert len(ranked_only) >= 8  # the kept sums served searches (here about one in ten)


@pytest.mark.parametrize("kept", [4, 256])  # fewer than the documents holding most words; all of them
def test_a_clauses_best_score_from_kept_sums_is_its_best_over_the_scored_documents(folder, kept, monkeypatch):
    monkeypatch.setattr(bm25f, "KEEP_FROM", 1)
    monkeypatch.setattr(bm25f, "TOP_KEPT", kept)
    with open_index(folder / "ix") as index:
        snap = index.backend.snapshot()
        stats = stats_for(snap.searcher)
        rng = np.random.default_rng(3)
        told = undecided = 0
        for word in ("company", "announced", "results", "quarter", "products", "million", "new"):
            plan = plan_query(snap.searcher, parse_query(word).tree)
            for alt in (a for c in plan.clauses for a in c.alternatives if a.weight > 0):
                found = bm25f.parts(stats, alt, None)
                if not found:
                    continue
                scores, _, _, best = bm25f.every_document(stats, alt, found, np.arange(stats.size))
                idf = bm25f.idf_of(stats, best.df)
                for share in (1.0, 0.5, 0.1, 0.01):
                    scored = snap.live & (rng.random(stats.size) < share)
                    top = bm25f.best_within(alt, best, idf, scored)
                    if top is None:
                        undecided += 1
                        # A complete list tells unless no document holding the word is scored.
                        assert kept == 4 or not scored[best.docs].any()
                    else:
                        # A clause's best is never below 0 (a word in more documents than are live scores < 0)
                        assert max(0.0, top) == float(scores[scored].max(initial=0.0)), (word, share)
                        told += 1
        assert told >= 10
        assert undecided > 0 or kept > 4  # a short list cannot always tell


def test_sums_at_some_documents_equal_sums_over_every_document(folder):
    with open_index(folder / "ix") as index:
        snap = index.backend.snapshot()
        stats = stats_for(snap.searcher)
        rng = np.random.default_rng(8)
        plan = plan_query(snap.searcher, parse_query("company results announced").tree)
        for mask in (snap.live.copy(), snap.live & (rng.random(stats.size) < 0.05)):
            everywhere = score(stats, plan.clauses, snap.live)
            part = score(stats, plan.clauses, snap.live, within=mask)
            assert part.docs.tolist() == np.flatnonzero(mask).tolist()
            assert part.total.tolist() == everywhere.scores_of(part.docs).tolist()
