"""Spellings one edit away, looked up where frequencies are answered at once (Whoosh): a spelling no release uses as
written is passed over before it is stemmed, and the variants found are those of the order OpenSearch's rounds need
(each spelling's stem asked first)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from indexer import build_index, open_index, relevance
from indexer.backends.lru import LRU
from indexer.backends.whoosh.rank import stats_for

# Words of made-up releases, some of them one edit from each other ("merger", "merges"), some stemming alike
# ("planned", "planning"), some in a stop word's reach ("then" from "than").
WORDS = ("merger", "merges", "turbine", "turbines", "planned", "planning", "quarterly", "than", "alle", "pilots")
TYPOS = ("merjer", "turbne", "turbnes", "planed", "quartrly", "thann", "alla", "pilot", "merger", "zzzzqx")


@pytest.fixture(scope="module")
def stats(tmp_path_factory):
    """The Whoosh statistics of releases of made-up companies, each word of WORDS in a few of them."""
    root = tmp_path_factory.mktemp("spelling_lookups")
    for n in range(24):
        when = date(2023, 3, 1) + timedelta(days=3 * n)
        words = " ".join(WORDS[(n + k) % len(WORDS)] for k in range(1 + n % 3))
        text = (
            f"Quillon Ferrant Ltd. Update {n}\n\nTOLEDO, {when.strftime('%B')} {when.day}, {when.year} /PRNewswire/ "
            f"-- Quillon Ferrant Ltd. today reported {words} news for its partners, item {n}.\n"
        )
        (root / "releases").mkdir(exist_ok=True)
        (root / "releases" / f"r{n:03d}.txt").write_text(text, encoding="utf-8")
    build_index([root / "releases"], root / "index")
    with open_index(root / "index") as index:
        yield stats_for(index.backend.snapshot().searcher)


class InRounds:
    """The same statistics, declared as answered in rounds (OpenSearch's): each spelling's stem asked first."""

    frequencies_at_once = False

    def __init__(self, stats):
        self.stats = stats
        self.variants = LRU(100)

    def doc_frequency(self, fieldnames, text: str) -> int:
        return self.stats.doc_frequency(fieldnames, text)


@pytest.mark.parametrize("typo", TYPOS)
def test_variants_are_those_found_with_every_stem_asked_first(stats, typo):
    assert stats.frequencies_at_once
    stats.variants.clear()
    found = relevance.spelling_variants(stats, typo)
    assert found == relevance.spelling_variants(InRounds(stats), typo)


def test_some_typos_have_variants(stats):
    # The premise of the test above: it compares lists that are not all empty.
    stats.variants.clear()
    assert sum(bool(relevance.spelling_variants(stats, typo)) for typo in TYPOS) >= 5


@pytest.mark.parametrize(("at_once", "most"), [(True, 0.1), (False, 1.0)])
def test_only_spellings_releases_use_are_stemmed_when_answered_at_once(stats, monkeypatch, at_once, most):
    stemmed: list[str] = []
    real = relevance.index_stem
    monkeypatch.setattr(relevance, "index_stem", lambda word: stemmed.append(word) or real(word))
    asked = stats if at_once else InRounds(stats)
    stats.variants.clear()
    relevance.spelling_variants(asked, "quartrly")
    candidates = len(relevance.edits1("quartrly"))
    assert 0 < len(stemmed) <= most * candidates + 1  # the typo itself stemmed too
    if not at_once:
        assert len(stemmed) > 0.9 * candidates
