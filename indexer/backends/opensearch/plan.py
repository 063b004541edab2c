"""The word clauses of a query planned by the shared rules of relevance.py, over statistics read from the cluster.

On Whoosh a word also matches its likely spellings when the index does not know it (or barely knows it),
an abbreviation also matches its long form ("Q3": "third quarter"), and a ticker typed as a plain word
also matches its issuer's releases. Those rules decide with index statistics (document frequencies).
Here they run unchanged (relevance.build_clauses) against ClusterStats, which answers the same
questions from OpenSearch: every document frequency the rules ask for is fetched in one request per
round, and the rules run again until they ask nothing new (two or three rounds at most).
Prefix, wildcard and fuzzy clauses are matched by OpenSearch itself (dsl.translate).
"""

from __future__ import annotations

import math

from ... import query as q
from ...relevance import Clause, build_clauses
from ..lru import LRU
from .schema import analyze, field_kinds, schema, terms_field

MAX_ROUNDS = 5
UNKNOWN_FREQUENCY = 1 << 30
TERMS_PER_REQUEST = 4000


class _Reader:
    """The part of a Whoosh reader the rules use: per-field document frequencies, no term listing."""

    def __init__(self, stats: ClusterStats):
        self.stats = stats

    def doc_frequency(self, fieldname: str, text: str) -> int:
        return self.stats.field_frequency(fieldname, text)

    def expand_prefix(self, fieldname: str, prefix: str):
        return iter(())  # patterns are expanded by OpenSearch, not listed here

    def terms_within(self, fieldname: str, text: str, maxdist: int, prefix: int = 0):
        return iter(())


class _Searcher:
    """The part of a Whoosh searcher the rules use: stored fields of the releases postings() returned."""

    def __init__(self):
        self.found: list[dict] = []

    def stored_fields(self, docnum: int) -> dict:
        return self.found[docnum]


class ClusterStats:
    """Document frequencies of (field, term) pairs on one index, fetched in batches and cached.

    Stands in for whoosh/rank.IndexStats in the rules that plan a query's words and spellings.
    """

    def __init__(self, search):
        self._search = search  # body -> response, on the index being searched
        self.count = 1  # releases in the index: read with the first fetch (no rule needs it before)
        self.schema = schema()
        self.reader = _Reader(self)
        self.searcher = _Searcher()
        self.variants = LRU(10_000)  # the rules' cache of spellings (as IndexStats'); valid within one round
        self._known: dict[tuple[str, str], int] = {}
        self._missing: set[tuple[str, str]] = set()

    def postings(self, fieldname: str, text: str, first: int = 2):
        """The first releases with text in a field, as (document numbers, frequencies) for the rules;
        their stored fields come from searcher.stored_fields. Only once no statistic is missing (a
        round with guessed frequencies is thrown away)."""
        import numpy as np

        if self._missing or fieldname not in self.schema:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        body = {
            "size": first,
            "query": {"term": {_index_field(fieldname): text}},
            "sort": [{"id": "asc"}],
            "_source": ["headline", "lede", "body"],
        }
        hits = self._search(body)["hits"]["hits"]
        start = len(self.searcher.found)
        self.searcher.found.extend(h["_source"] for h in hits)
        return np.arange(start, start + len(hits), dtype=np.int64), np.ones(len(hits), dtype=np.float32)

    def field_frequency(self, fieldname: str, text: str) -> int:
        """Releases with text in one field; until fetched, remembered as wanted and taken to be common.

        Taking it common keeps a round from exploring what only rare words need (a rare word's ~500
        spellings one edit away); the rules' answer counts only from a round that missed nothing.
        """
        key = (fieldname, text)
        if key in self._known:
            return self._known[key]
        if fieldname not in self.schema:
            return 0
        self._missing.add(key)
        return UNKNOWN_FREQUENCY

    def doc_frequency(self, fieldnames, text: str) -> int:
        """Releases with text in any of the fields, summed over fields (as on Whoosh)."""
        return sum(self.field_frequency(f, text) for f in fieldnames if f in self.schema)

    def fetch(self) -> bool:
        """Fetch every frequency asked for since the last fetch; False when nothing was missing."""
        if not self._missing:
            return False
        wanted = sorted(self._missing)
        self._missing.clear()
        self.variants.clear()  # worked out with guessed frequencies
        for start in range(0, len(wanted), TERMS_PER_REQUEST):
            part = wanted[start : start + TERMS_PER_REQUEST]
            filters = {str(i): {"term": {_index_field(f): t}} for i, (f, t) in enumerate(part)}
            body = {"size": 0, "track_total_hits": True, "aggs": {"df": {"filters": {"filters": filters}}}}
            found = self._search(body)
            self.count = max(1, int(found["hits"]["total"]["value"]))
            buckets = found["aggregations"]["df"]["buckets"]
            for i, key in enumerate(part):
                self._known[key] = int(buckets[str(i)]["doc_count"])
        return True


def _index_field(fieldname: str) -> str:
    return terms_field(fieldname) if field_kinds().get(fieldname) == "text" else fieldname


def settled(stats: ClusterStats, compute):
    """compute()'s answer once every statistic it asks for has been fetched (a round per new question)."""
    for _ in range(MAX_ROUNDS):
        result = compute()
        if not stats.fetch():
            return result
    return compute()


def word_clauses(stats: ClusterStats, tree) -> list[Clause]:
    """The relevance clauses for the query's words and phrases, with the statistics they need fetched."""
    clauses = settled(stats, lambda: build_clauses(stats, tree))
    return [c for c in clauses if isinstance(c.leaf, (q.Term, q.Phrase))]


def widened(clauses: list[Clause]) -> list[Clause]:
    """The clauses that match more than the words typed (spellings, long forms, an issuer's releases)."""
    return [c for c in clauses if len(c.alternatives) > 1 or any(a.symbol for a in c.alternatives)]


def importances(stats: ClusterStats, leaves: list, clauses: list[Clause]) -> list[float]:
    """How much each of the query's words weighs in its coverage: its rarity (BM25's idf), as whoosh/rank.py
    weighs a clause by its best score. Patterns (prefix, wildcard, fuzzy) weigh as the words' average."""
    by_leaf = {c.leaf: c for c in clauses}
    fields_ = ("headline", "lede", "body", "company")

    def frequencies():
        return {
            leaf: min((stats.doc_frequency(fields_, t) for t in by_leaf[leaf].alternatives[0].terms), default=0)
            for leaf in leaves
            if leaf in by_leaf and by_leaf[leaf].alternatives
        }

    dfs = settled(stats, frequencies)
    weights = {
        leaf: by_leaf[leaf].alternatives[0].weight
        * math.log(1 + (stats.count - min(df, stats.count) + 0.5) / (df + 0.5))
        for leaf, df in dfs.items()
        if df > 0
    }
    average = sum(weights.values()) / len(weights) if weights else 1.0
    return [weights.get(leaf, 0.0 if leaf in by_leaf else average) for leaf in leaves]


def correction(stats: ClusterStats, words: list[str]) -> str | None:
    """'Did you mean': the rules of relevance.corrected_words, over the cluster's statistics."""
    return settled(stats, lambda: _correction(stats, words))


def _correction(stats: ClusterStats, words: list[str]) -> str | None:
    from ...relevance import corrected_words  # the same rules, over the cluster's statistics

    return corrected_words(stats, words, analyze)
