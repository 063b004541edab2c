"""Ranking computed over the scored documents only agrees with the plain computation over every document."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from build_helpers import write_releases

from indexer import build_index, open_index
from indexer.backends.whoosh import rank as whoosh_rank
from indexer.backends.whoosh.rank import plan_query, rank, score, stats_for
from indexer.query import parse_query
from indexer.relevance import COORD_POWER, COVER_SHARE, K1, SYMBOL_WEIGHT, TITLE_BONUS, TITLE_FIELDS, Alternative
from indexer.schema import FIELD_WEIGHTS, TEXT_ANALYZER


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    """A snapshot of an index of 80 synthetic releases."""
    folder = tmp_path_factory.mktemp("scoring")
    write_releases(folder / "in", 80, seed=31)
    build_index([folder / "in"], folder / "ix")
    with open_index(folder / "ix") as index:
        index.search("")
        yield index.backend.snapshot()


def _queries(snap, count: int) -> list[str]:
    """Words and phrases of the releases themselves: one word, several words, a quoted phrase."""
    rng = random.Random(5)
    out = []
    for _ in range(count):
        stored = snap.searcher.stored_fields(rng.randrange(snap.searcher.doc_count_all()))
        words = [w for w in (stored.get("headline", "") + " " + stored.get("lede", "")).split() if w.isalpha()]
        if len(words) < 4:
            continue
        start = rng.randrange(len(words) - 3)
        out += [words[start], " ".join(rng.sample(words, 3)), '"' + " ".join(words[start : start + 2]) + '"']
    return out


def _plain_scores(stats, clauses, mask: np.ndarray) -> np.ndarray:
    """Every document's score computed over every document, alternative by alternative (the reference)."""
    clause_scores, title_share = [], np.zeros(stats.size, dtype=np.float32)
    for clause in clauses:
        best, in_title = np.zeros(stats.size, dtype=np.float32), np.zeros(stats.size, dtype=bool)
        for alt in (a for a in clause.alternatives if a.weight > 0):
            tfn = np.zeros(stats.size, dtype=np.float64)
            for fieldname in (f for f in alt.fields if f in stats.schema):
                norm = stats.norm(fieldname)
                if alt.phrase:
                    docs, contrib = (
                        (d := stats.phrase_docs(fieldname, alt.terms, alt.slop)),
                        FIELD_WEIGHTS[fieldname] / norm[d],
                    )
                else:
                    for term in alt.terms:
                        docs, freqs = stats.postings(fieldname, term)
                        np.add.at(tfn, docs, FIELD_WEIGHTS[fieldname] * freqs / norm[docs])
                        if fieldname in TITLE_FIELDS:
                            in_title[docs] = True
                    continue
                np.add.at(tfn, docs, contrib)
                if fieldname in TITLE_FIELDS:
                    in_title[docs] = True
            if alt.symbol:
                np.add.at(tfn, stats.postings("symbol", alt.symbol)[0], np.float32(SYMBOL_WEIGHT))
            df = int(np.count_nonzero(tfn))
            idf = math.log(1 + (stats.count - df + 0.5) / (df + 0.5))
            np.maximum(best, (alt.weight * idf * tfn * (K1 + 1) / (K1 + tfn)).astype(np.float32), out=best)
        best[~mask] = 0
        clause_scores.append(best)
        title_share += in_title
    importance = [float(s.max()) for s in clause_scores]
    if not sum(importance):
        return np.zeros(stats.size, dtype=np.float32)
    base, coverage = np.zeros(stats.size, dtype=np.float32), np.zeros(stats.size, dtype=np.float32)
    for s, imp in zip(clause_scores, importance, strict=True):
        base += s
        if imp > 0:
            coverage += np.minimum(s / np.float32(COVER_SHARE * imp), 1.0) * np.float32(imp / sum(importance))
    multiplier = coverage**COORD_POWER * (1 + TITLE_BONUS * title_share / max(1, len(clauses)))
    return np.where(coverage > 0, base * multiplier, 0).astype(np.float32)


def test_scores_over_the_scored_documents_equal_scores_over_every_document(snapshot):
    stats = stats_for(snapshot.searcher)
    rng = np.random.default_rng(4)
    checked = 0
    for text in _queries(snapshot, 12):
        plan = plan_query(snapshot.searcher, parse_query(text).tree)
        for mask in (snapshot.live.copy(), snapshot.live & (rng.random(stats.size) < 0.4)):
            expected = _plain_scores(stats, plan.clauses, mask)
            scored = score(stats, plan.clauses, mask)
            assert scored.docs.tolist() == np.flatnonzero(mask).tolist()
            np.testing.assert_allclose(scored.total, expected[scored.docs], rtol=2e-6, err_msg=text)
            checked += int(np.count_nonzero(scored.total))
    assert checked >= 200  # enough documents scored for the comparison to mean something


def test_an_alternative_left_out_of_scoring_changes_no_score(snapshot, monkeypatch):
    stats = stats_for(snapshot.searcher)
    computed, left_out = [], 0
    for text in _queries(snapshot, 12):
        plan = plan_query(snapshot.searcher, parse_query(text).tree)
        computed.append(score(stats, plan.clauses, snapshot.live).total)
        left_out += sum(
            len([a for a in c.alternatives if a.weight > 0]) - len(whoosh_rank._scoring_alternatives(stats, c))
            for c in plan.clauses
        )
    assert left_out >= 3  # words with no other form: their own form and their stem find the same postings
    monkeypatch.setattr(whoosh_rank, "_scoring_alternatives", lambda s, c: [a for a in c.alternatives if a.weight > 0])
    for text, before in zip(_queries(snapshot, 12), computed, strict=True):
        plan = plan_query(snapshot.searcher, parse_query(text).tree)
        assert score(stats, plan.clauses, snapshot.live).total.tolist() == before.tolist(), text


def test_ranking_a_part_of_the_scored_documents_reads_their_scores(snapshot):
    stats = stats_for(snapshot.searcher)
    words = [t.text for t in TEXT_ANALYZER(snapshot.searcher.stored_fields(3).get("headline", ""))]
    plan = plan_query(snapshot.searcher, parse_query(" ".join(words[:3])).tree)
    scored = score(stats, plan.clauses, snapshot.live)
    part = snapshot.live.copy()
    part[::2] = False
    outside = np.zeros_like(part)
    outside[~snapshot.live] = True  # deleted documents were not scored: they score 0
    order, scores = rank(scored, part | outside, 10, tiebreak=snapshot.table.dates)
    everything = dict(zip(scored.docs.tolist(), scored.total.tolist(), strict=True))
    assert order and all(part[d] or outside[d] for d in order)
    assert all(scores[d] == everything.get(d, 0.0) for d in order)
    assert [scores[d] for d in order] == sorted(scores.values(), reverse=True)


class _Postings:
    """Statistics holding given postings (field, term) -> (documents, frequencies)."""

    schema = ("body", "headline")

    def __init__(self, lists: dict):
        self.lists = lists

    def postings(self, fieldname, term):
        docs, freqs = self.lists.get((fieldname, term), ([], []))
        return np.array(docs, dtype=np.int64), np.array(freqs, dtype=np.float32)

    def documents(self, fieldname, term):
        return self.postings(fieldname, term)[0]

    def frequencies(self, fieldname, term, rows=None):
        freqs = self.postings(fieldname, term)[1]
        return freqs if rows is None else freqs[rows]


@pytest.mark.parametrize(
    ("other", "same"),
    [
        ({("body", "b"): ([1, 4], [2, 1]), ("headline", "b"): ([4], [1])}, True),
        ({("body", "b"): ([1, 4], [2, 2]), ("headline", "b"): ([4], [1])}, False),  # another frequency
        ({("body", "b"): ([1, 5], [2, 1]), ("headline", "b"): ([4], [1])}, False),  # another document
        ({("body", "b"): ([1, 4], [2, 1])}, False),  # missing from a field
    ],
)
def test_alternatives_share_postings_only_when_every_field_agrees(other, same):
    stats = _Postings({("body", "a"): ([1, 4], [2, 1]), ("headline", "a"): ([4], [1]), **other})
    a = Alternative(("body", "headline"), ("a",), weight=0.9)
    b = Alternative(("body", "headline"), ("b",))
    assert whoosh_rank._same_postings(stats, a, b) is same
    assert whoosh_rank._same_postings(stats, a, Alternative(("body",), ("b",))) is False
