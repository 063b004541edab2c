"""The word clauses of a query planned by the shared rules of relevance.py, over statistics read from the cluster.

On Whoosh a word also matches its likely spellings when the index does not know it (or barely knows it),
an abbreviation also matches its long form ("Q3": "third quarter"), and a ticker typed as a plain word
also matches its issuer's releases. Those rules decide with index statistics (document frequencies).
Here they run unchanged (relevance.build_clauses) against ClusterStats, which answers the same
questions from OpenSearch: every document frequency the rules ask for, and the first releases holding a
word (how releases spell a suggested word), is fetched in one round trip per round, and the rules run again
until they ask nothing new (two or three rounds at most). A search settles every rule it will use (its
clauses, their weights and "did you mean") together (prefetch), so the rounds are shared, not added up.
Prefix, wildcard and fuzzy clauses are matched by OpenSearch itself (dsl.translate).
"""

from __future__ import annotations

import math

from ... import query as q
from ...relevance import Clause, build_clauses, replaces_unknown
from ..lru import LRU
from .schema import analyze, field_kinds, schema, terms_field

MAX_ROUNDS = 5
UNKNOWN_FREQUENCY = 1 << 30
TERMS_PER_REQUEST = 4000
COUNT_KEY = ("", "")  # where a shared cache keeps the number of releases
SHARED_FREQUENCIES = 100_000  # (field, term) frequencies a backend keeps across searches


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

    With shared (an LRU kept by the backend across searches), frequencies fetched by earlier searches are
    borrowed instead of fetched again. A borrowed value may be stale (the index changed since): the caller
    checks them all in the same round trip as its page (check_body, then verify) and plans again if any changed.
    """

    frequencies_at_once = False  # a frequency asked for is fetched with the next round (relevance.Statistics)

    def __init__(self, search, searches=None, shared: LRU | None = None, borrow: bool = False):
        self._search = search  # body -> response, on the index being searched
        # bodies -> responses in one round trip (msearch); None: one request each
        self._searches = searches or (lambda bodies: [search(b) for b in bodies])
        self._shared = shared  # frequencies (and the count, under COUNT_KEY) fetched by any search
        self._borrow = borrow and shared is not None
        self.borrowed: dict[tuple[str, str], int] = {}  # taken from shared, to be checked
        self.count = 1  # releases in the index: read with the first fetch (no rule needs it before)
        self.schema = schema()
        self.reader = _Reader(self)
        self.searcher = _Searcher()
        self.variants = LRU(10_000)  # the rules' cache of spellings (as IndexStats'); valid within one round
        self._known: dict[tuple[str, str], int] = {}
        self._missing: set[tuple[str, str]] = set()
        self._postings: dict[tuple[str, str, int], list[dict]] = {}  # (field, term, first) -> their stored texts
        self._missing_postings: set[tuple[str, str, int]] = set()
        self._fetched = False  # whether count was read by this search (not borrowed)

    def postings(self, fieldname: str, text: str, first: int = 2):
        """The first releases with text in a field, as (document numbers, frequencies) for the rules;
        their stored fields come from searcher.stored_fields. Asked only once no statistic is missing (a
        round with guessed frequencies is thrown away); until fetched (with the next round's statistics, in
        the same round trip) none."""
        import numpy as np

        key = (fieldname, text, first)
        if self._missing or fieldname not in self.schema or key not in self._postings:
            if not self._missing and fieldname in self.schema:
                self._missing_postings.add(key)
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        start = len(self.searcher.found)
        self.searcher.found.extend(self._postings[key])
        hits = len(self._postings[key])
        return np.arange(start, start + hits, dtype=np.int64), np.ones(hits, dtype=np.float32)

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
        if self._borrow:
            value, count = self._shared.get(key), self._shared.get(COUNT_KEY)
            if value is not None and count is not None:
                self._known[key] = self.borrowed[key] = value
                if not self._fetched:
                    self.count = count
                return value
        self._missing.add(key)
        return UNKNOWN_FREQUENCY

    def check_bodies(self) -> list[dict]:
        """Requests re-reading the count and every borrowed frequency (none when nothing was borrowed)."""
        if not self.borrowed:
            return []
        return [_COUNT_BODY, _frequencies_body(sorted(self.borrowed))]

    def verify(self, answers: list[dict]) -> bool:
        """Whether check_bodies' answers agree with what was borrowed; the shared cache learns them either way."""
        keys = sorted(self.borrowed)
        count = max(1, int(answers[0]["hits"]["total"]["value"]))
        buckets = answers[1]["aggregations"]["df"]["buckets"]
        fresh = {key: int(buckets[str(i)]["doc_count"]) for i, key in enumerate(keys)}
        self._share(fresh, count)
        return count == self.count and all(fresh[k] == v for k, v in self.borrowed.items())

    def _share(self, frequencies: dict, count: int) -> None:
        if self._shared is not None:
            for key, value in frequencies.items():
                self._shared.put(key, value)
            self._shared.put(COUNT_KEY, count)

    def doc_frequency(self, fieldnames, text: str) -> int:
        """Releases with text in any of the fields, summed over fields (as on Whoosh)."""
        return sum(self.field_frequency(f, text) for f in fieldnames if f in self.schema)

    def fetch(self) -> bool:
        """Fetch every frequency and posting asked for since the last fetch, in one round trip (msearch);
        False when nothing was missing."""
        if not self._missing and not self._missing_postings:
            return False
        wanted = sorted(self._missing)
        postings = sorted(self._missing_postings)
        self._missing.clear()
        self._missing_postings.clear()
        if wanted:
            self.variants.clear()  # worked out with guessed frequencies
        parts = [wanted[start : start + TERMS_PER_REQUEST] for start in range(0, len(wanted), TERMS_PER_REQUEST)]
        bodies = [_COUNT_BODY, *(_frequencies_body(part) for part in parts)] if parts else []
        for fieldname, text, first in postings:
            bodies.append(
                {
                    "size": first,
                    "query": {"term": {_index_field(fieldname): text}},
                    "sort": [{"id": "asc"}],
                    "_source": ["headline", "lede", "body"],
                }
            )
        found = self._searches(bodies)
        if parts:
            self.count = max(1, int(found[0]["hits"]["total"]["value"]))
            self._fetched = True
        for part, answer in zip(parts, found[1:], strict=False):
            buckets = answer["aggregations"]["df"]["buckets"]
            fresh = {key: int(buckets[str(i)]["doc_count"]) for i, key in enumerate(part)}
            self._known.update(fresh)
            self._share(fresh, self.count)
        for key, answer in zip(postings, found[len(bodies) - len(postings) :], strict=True):
            self._postings[key] = [h["_source"] for h in answer["hits"]["hits"]]
        return True


def _frequencies_body(keys: list[tuple[str, str]]) -> dict:
    """One request counting the releases with each (field, term): only releases holding one of them are read
    (a filters aggregation over every release would cost a pass over the whole index)."""
    by_field: dict[str, list[str]] = {}
    for f, t in keys:
        by_field.setdefault(_index_field(f), []).append(t)
    # One terms query per field (a term set, not a clause per term: spellings ask for ~1,500 terms at once).
    holding = [{"terms": {name: sorted(set(texts))}} for name, texts in sorted(by_field.items())]
    filters = {str(i): {"term": {_index_field(f): t}} for i, (f, t) in enumerate(keys)}
    return {
        "size": 0,
        "track_total_hits": False,
        "query": {"bool": {"filter": [{"bool": {"should": holding, "minimum_should_match": 1}}]}},
        "aggs": {"df": {"filters": {"filters": filters}}},
    }


# All releases: counted from the index's own statistics, no document read.
_COUNT_BODY = {"size": 0, "track_total_hits": True}


def _index_field(fieldname: str) -> str:
    return terms_field(fieldname) if field_kinds().get(fieldname) == "text" else fieldname


def settled(stats: ClusterStats, compute):
    """compute()'s answer once every statistic it asks for has been fetched (a round per new question)."""
    for _ in range(MAX_ROUNDS):
        result = compute()
        if not stats.fetch():
            return result
    return compute()


def word_clauses(stats: ClusterStats, tree, spelling: bool = True) -> list[Clause]:
    """The relevance clauses for the query's words and phrases, with the statistics they need fetched
    (spelling False: the words as typed, as on Whoosh)."""
    clauses = settled(stats, lambda: build_clauses(stats, tree, spelling=spelling))
    return [c for c in clauses if isinstance(c.leaf, (q.Term, q.Phrase))]


def prefetch(stats: ClusterStats, tree, words: list[str], ranked: bool, spelling: bool = True) -> None:
    """Fetch, in shared rounds, every statistic a search's rules will ask for: its clauses (word_clauses),
    their weights when ranked (importances) and "did you mean" for words (correction). Each then answers
    from what is fetched: a search makes one or two rounds of statistics, not one or two per rule."""

    def everything():
        clauses = build_clauses(stats, tree, spelling=spelling)
        if ranked:
            _frequencies(stats, q.positive_leaves(tree), clauses)
        if words:
            _correction(stats, words)

    settled(stats, everything)


def widened(clauses: list[Clause]) -> list[Clause]:
    """The clauses that match more than the words typed (spellings, long forms, an issuer's releases)."""
    return [c for c in clauses if len(c.alternatives) > 1 or any(a.symbol for a in c.alternatives)]


def importances(stats: ClusterStats, leaves: list, clauses: list[Clause]) -> list[float]:
    """How much each of the query's words weighs in its coverage: its rarity (BM25's idf), as whoosh/rank.py
    weighs a clause by its best score. Patterns (prefix, wildcard, fuzzy) weigh as the words' average."""
    by_leaf = {c.leaf: c for c in clauses}
    dfs = settled(stats, lambda: _frequencies(stats, leaves, clauses))
    weights = {
        leaf: by_leaf[leaf].alternatives[0].weight
        * math.log(1 + (stats.count - min(df, stats.count) + 0.5) / (df + 0.5))
        for leaf, df in dfs.items()
        if df > 0
    }
    average = sum(weights.values()) / len(weights) if weights else 1.0
    return [weights.get(leaf, 0.0 if leaf in by_leaf else average) for leaf in leaves]


def _frequencies(stats: ClusterStats, leaves: list, clauses: list[Clause]) -> dict:
    """Each leaf's document frequency (its rarest typed term's, over the main fields), as importances weighs it."""
    by_leaf = {c.leaf: c for c in clauses}
    fields_ = ("headline", "lede", "body", "company")
    return {
        leaf: min((stats.doc_frequency(fields_, t) for t in by_leaf[leaf].alternatives[0].terms), default=0)
        for leaf in leaves
        if leaf in by_leaf and by_leaf[leaf].alternatives
    }


def correction(stats: ClusterStats, words: list[str]) -> str | None:
    """'Did you mean': the rules of relevance.corrected_words, over the cluster's statistics."""
    return settled(stats, lambda: _correction(stats, words))


def corrects_unknown(stats: ClusterStats, words: list[str], suggestion: str) -> bool:
    """Whether the suggestion's results are the page's (relevance.replaces_unknown, over the cluster's statistics)."""
    return settled(stats, lambda: replaces_unknown(stats, words, suggestion, analyze))


def _correction(stats: ClusterStats, words: list[str]) -> str | None:
    from ...relevance import corrected_words  # the same rules, over the cluster's statistics

    return corrected_words(stats, words, analyze)
