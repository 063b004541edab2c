"""Ranking press releases on a Whoosh index, vectorised with numpy over the whole match set.

- BM25F across a release's sections: a word's frequencies in headline, lede, body, "About" text, ... are
  weighted (schema.FIELD_WEIGHTS) and length-normalised per section, then saturated once, so a word in the
  headline counts far more than the same word in the boilerplate every release of a company repeats.
- Coordination: a release matching more of the query's words (weighted by how rare each word is) ranks
  higher, but one missing or misspelt word does not exclude a release.
- Typo tolerance: a word the index does not know (or barely knows, next to a far more common spelling one
  edit away) also searches the index's spellings one edit away, at a lower weight.
- Abbreviations: "Q3" also finds "third quarter", "CEO" "chief executive officer".
- Headline: each query word found in the headline, however common, raises the score by a share: what a
  release is about is in its headline.
- Issuer: a ticker typed as a plain word ("CSX") favours the releases of that issuer.

The clauses (typo tolerance, abbreviations, issuers, expanded patterns) and the weights are the shared rules
of indexer/relevance.py; they also widen the match set, so what is counted and what is ranked stay the same
set: see match.translate. Here they are scored over a Whoosh index (IndexStats reads its statistics).
"""

from __future__ import annotations

import weakref
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from ... import query as q
from ...relevance import (
    COORD_POWER,
    COVER_SHARE,
    DEFAULT_B,
    FIELD_B,
    RELATED_TERMS,
    TITLE_BONUS,
    Alternative,
    Clause,
    build_clauses,
    related_clauses,
)
from ...settings import cache_budget
from ..lru import LRU
from . import adapter, bm25f, kept_sums, max_score
from .columns import columns_of
from .phrase import phrase_docs as match_phrase
from .postings import block_weight_array, leaf_matcher, posting_blocks, readable, term_blocks, term_hashes_within

# Budgets (indexer/settings.py, $RELEASES_*_MB): the postings of words that recur from query to query, 24 MB;
# the documents of recent phrases, 8 MB (a common phrase costs ~1 s at 100,000 releases, and one search looks
# it up twice: match set, then ranking); the segments' term hashes, 64 MB.
_EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
_ABSENT = object()  # a segment's columnar file without the field: it holds none of its terms
_DOCS = object()  # in a postings cache key: a term's documents read without their frequencies
_BYTE_TO_LENGTH = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)


# ---- Index statistics, loaded once per searcher ------------------------------------------------------


class IndexStats:
    """Per-document section lengths, postings and collection statistics of one searcher's index."""

    frequencies_at_once = True  # doc_frequency reads the index itself (relevance.Statistics)

    def __init__(self, searcher):
        self._searcher = weakref.ref(searcher)
        self.reader = searcher.reader()
        self.schema = self.reader.schema
        self.size = self.reader.doc_count_all()
        self.count = max(1, self.reader.doc_count())
        self.leaves = list(self.reader.leaf_readers())
        self._norms: dict[str, np.ndarray] = {}
        # (field, term) -> (documents, frequencies), weighed in bytes.
        self._postings = LRU(cache_budget("RELEASES_POSTINGS_CACHE_MB"), weigh=_posting_bytes)
        # (field, words, slop) -> documents, weighed in bytes (+8: an empty result is kept too).
        self._phrases = LRU(cache_budget("RELEASES_PHRASE_CACHE_MB"), weigh=lambda docs: docs.nbytes + 8)
        # bm25f.key(alternative) -> bm25f.Best: document frequency and highest sums of common word forms.
        self.best_sums = LRU(cache_budget("RELEASES_SUMS_CACHE_MB"), weigh=lambda best: best.nbytes)
        self._deleted: np.ndarray | bool | None = None
        self._held: dict | None = None  # (field, term) -> postings, during one search (see holding)
        self.variants = LRU(10_000)  # (word, fields) -> spelling variants
        self._frequencies = LRU(50_000)  # (fields, word) -> documents, asked at every search
        self._term_hashes: list | None = None  # per leaf: postings.TermHashes, or None
        # Per leaf: its columnar postings (None without the file), looked up once rather than per term.
        self._columns = [columns_of(leaf) for leaf, _ in self.leaves]
        self._field_columns: dict[str, list] = {}  # field -> per leaf: its columns, _ABSENT, or None (no file)
        self._kept_sums = _ABSENT  # the generation's kept-sums file (kept_sums.py), opened on first use

    def kept_sums(self):
        """The generation's kept sums written ahead (kept_sums.KeptSums), or None without a valid file."""
        if self._kept_sums is _ABSENT:
            self._kept_sums = kept_sums.open_kept_sums(self)
        return self._kept_sums

    @property
    def searcher(self):
        """The searcher these statistics belong to."""
        return self._searcher()

    def boost(self, fieldname: str) -> float:
        """The field boost baked into this index's postings (divided out: weights apply at query time)."""
        fmt = self.schema[fieldname].format
        return float(getattr(fmt, "field_boost", 1.0) or 1.0)

    def lengths(self, fieldname: str) -> np.ndarray:
        """Length in words of a field in every document (Whoosh's one-byte approximation)."""
        out = np.zeros(self.size, dtype=np.float32)
        for leaf, base in self.leaves:
            out[base : base + leaf.doc_count_all()] = _leaf_lengths(leaf, fieldname)
        return out

    def norm(self, fieldname: str) -> np.ndarray:
        """BM25's length normalisation of a field per document: 1 - b + b * length / average."""
        if fieldname not in self._norms:
            b = FIELD_B.get(fieldname, DEFAULT_B)
            avg = self.reader.field_length(fieldname) / self.count if fieldname in self.schema else 0
            if avg > 0 and b > 0:
                self._norms[fieldname] = (1 - b + b * self.lengths(fieldname) / avg).astype(np.float32)
            else:
                self._norms[fieldname] = np.ones(self.size, dtype=np.float32)
        return self._norms[fieldname]

    def postings(self, fieldname: str, text: str, kept: dict | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers and frequencies of one index term in one field (recently used ones cached).

        kept, when given, receives the decoded posting blocks per leaf (index -> blocks) if the list was
        read now: a phrase then takes the words' positions from them instead of decoding them again."""
        key = (fieldname, text)
        found = self._recall(key)
        if found is None:
            docs = self._recall((_DOCS, fieldname, text))
            if docs is not None:
                # The documents were read to match: only the frequencies are read now, from where they lie.
                found = (docs[0], _frequencies(len(docs[0]), docs[1], self.boost(fieldname)))
            else:
                found = self._read_postings(fieldname, text, kept)
            self._postings.put(key, found)
        if self._held is not None:
            self._held[key] = found
        return found

    def documents(self, fieldname: str, text: str, kept: dict | None = None) -> np.ndarray:
        """Document numbers of one index term in one field, without its frequencies (a match set or a
        phrase's candidates need only these: half the bytes of the posting list read)."""
        found = self._recall((fieldname, text))
        if found is not None:
            return found[0]
        key = (_DOCS, fieldname, text)
        docs = self._recall(key)
        if docs is None:
            docs = self._read_postings(fieldname, text, kept, frequencies=False)
            self._postings.put(key, docs)
        if self._held is not None:
            self._held[key] = docs
        return docs[0]

    def frequencies(self, fieldname: str, text: str, rows: np.ndarray | None = None) -> np.ndarray:
        """A term's frequencies (those of its postings at rows, rising, when given): a few of them are read
        from where they lie, without the whole list."""
        if rows is None:
            return self.postings(fieldname, text)[1]
        found = self._recall((fieldname, text))
        if found is not None:
            return found[1][rows]
        docs = self._recall((_DOCS, fieldname, text))
        if docs is None:
            return self.postings(fieldname, text)[1][rows]
        out = np.empty(len(rows), dtype=np.float32)
        boost = self.boost(fieldname)
        for weights, at, _, _ in docs[1]:
            lo, hi = np.searchsorted(rows, (at, at + len(weights)))
            if hi > lo:
                picked = weights[rows[lo:hi] - at]
                if boost == 1.0:
                    out[lo:hi] = picked
                else:
                    np.divide(picked, np.float32(boost), out=out[lo:hi], dtype=np.float32)
        return out

    def located(self, fieldname: str, text: str) -> tuple[np.ndarray, list] | None:
        """A term's documents and where each segment's postings lie in its columnar file, when its documents
        were read without frequencies and every segment holding it has its positions there (else None)."""
        found = self._recall((_DOCS, fieldname, text))
        if found is None or not all(field is not None and field.positions is not None for _, _, field, _ in found[1]):
            return None
        return found

    def _recall(self, key):
        held = self._held
        if held is not None and (found := held.get(key)) is not None:
            return found
        return self._postings.get(key)

    @contextmanager
    def holding(self):
        """Within: each posting list read is kept until the end, whatever the cache's budget (a search reads
        its words to match, then again to rank; at 1,000,000 releases a few common words outgrow the cache)."""
        self._held = {}
        try:
            yield self
        finally:
            self._held = None

    def _read_postings(self, fieldname: str, text: str, kept: dict | None = None, frequencies: bool = True):
        """(documents, frequencies), or with frequencies False (documents, where each segment's postings lie:
        [(weights, first row here, columnar field or None, first row there)]) so that the frequencies and
        positions can be read later if ranking or a phrase asks for them."""
        if fieldname not in self.schema:
            return _EMPTY if frequencies else (_EMPTY[0], [])
        parts = []  # per segment holding the term: (documents, weights, first document number, columns, first row)
        boost = self.boost(fieldname)
        tbytes = text if isinstance(text, bytes) else self.schema[fieldname].to_bytes(text)
        fields = self._field_columns.get(fieldname)
        if fields is None:
            fields = self._field_columns[fieldname] = [
                None if columns is None else columns.fields.get(fieldname, _ABSENT) for columns in self._columns
            ]
        for number, ((leaf, base), field) in enumerate(zip(self.leaves, fields, strict=True)):
            if field is not None:
                # The field's columns straight (this loop runs per segment for every term a search reads).
                if field is _ABSENT or (term := field.find(tbytes)) < 0:
                    continue
                start, end = field.post_offsets[term], field.post_offsets[term + 1]
                docs, weights = field.docs[start:end], field.weights[start:end]  # views: copied once, below
            elif (blocks := term_blocks(leaf, fieldname, tbytes)) is not None:
                field, start = None, 0
                if kept is not None:
                    blocks = kept[number] = list(blocks)
                docs, weights = _block_postings(blocks)
            elif (fieldname, text) in leaf:
                field, start = None, 0
                docs, weights = _leaf_postings(leaf.postings(fieldname, text))
            else:
                continue
            if len(docs):
                parts.append((docs, weights, base, field, start))
        if not parts:
            return _EMPTY if frequencies else (_EMPTY[0], [])
        # Each segment's numbers offset straight into the result: one copy.
        size = sum(len(part[0]) for part in parts)
        ids = np.empty(size, dtype=np.int64)
        at = 0
        sources = []
        for docs, weights, base, field, start in parts:
            end = at + len(docs)
            np.add(docs, base, out=ids[at:end], dtype=np.int64)
            sources.append((weights, at, field, start))
            at = end
        if not frequencies:
            return ids, sources
        return ids, _frequencies(size, sources, boost)

    def phrase_docs(self, fieldname: str, words, slop: int, deadline=None) -> np.ndarray:
        """Documents (not deleted) where the words stand together in a field; recent phrases cached."""
        if fieldname not in self.schema or not self.schema[fieldname].format.supports("positions"):
            return _EMPTY[0]
        key = (fieldname, tuple(words), max(1, slop))
        found = self._phrases.get(key)
        if found is None:
            found = match_phrase(
                self.leaves, fieldname, list(words), slop, self._docs_of, deadline, keeps=True, locate=self.located
            )
            deleted = self.deleted()
            if deleted is not None and len(found):
                found = found[~deleted[found]]
            self._phrases.put(key, found)
        return found

    def _docs_of(self, fieldname: str, text: str, kept: dict | None = None) -> np.ndarray:
        return self.documents(fieldname, text, kept)

    def deleted(self) -> np.ndarray | None:
        """A mask of deleted documents, or None when the index has none."""
        if self._deleted is None:
            deleted = np.zeros(self.size, dtype=bool)
            for leaf, base in self.leaves:
                if leaf.has_deletions():
                    gone = np.fromiter(leaf.segment().deleted_docs(), dtype=np.int64)
                    deleted[gone + base] = True
            self._deleted = deleted if deleted.any() else False
        return self._deleted if self._deleted is not False else None

    def doc_frequency(self, fieldnames, text: str) -> int:
        """Documents containing text in any of the fields (an upper bound: the sum over fields)."""
        key = (tuple(fieldnames), text)
        found = self._frequencies.get(key)
        if found is None:
            found = self._doc_frequency(key[0], text)
            self._frequencies.put(key, found)
        return found

    def _doc_frequency(self, fieldnames, text: str) -> int:
        encoded = text.encode("utf-8")
        total = 0
        if self._term_hashes is None:
            # Read once per searcher (4 bytes a term): most words asked for are made-up spellings. Not for a
            # segment with columnar postings: its sorted terms answer as fast, with no memory of their own.
            self._term_hashes = term_hashes_within(
                self.leaves, cache_budget("RELEASES_TERM_HASHES_MB"), [c is None for c in self._columns]
            )
        for fieldname in fieldnames:
            if fieldname not in self.schema:
                continue
            for (leaf, _), hashes, columns in zip(self.leaves, self._term_hashes, self._columns, strict=True):
                if columns is not None:
                    # The columnar file's count is the term table's (documents, deleted ones included),
                    # found without the term table's reads.
                    total += columns.doc_frequency(fieldname, encoded)
                    continue
                terms = getattr(leaf, "_terms", None)
                if terms is None:
                    total += leaf.doc_frequency(fieldname, text)
                    continue
                if hashes is not None and not hashes.may_hold(fieldname, encoded):
                    continue
                # The segment's term table directly: Whoosh's own path checks the schema at every call.
                try:
                    total += terms.doc_frequency(fieldname, encoded)
                except KeyError:
                    pass
        return total


def _posting_bytes(found: tuple) -> int:
    """The memory a cached posting list holds: its documents, and its frequencies once read (a list of
    documents only holds views of the file, or blocks decoded anyway)."""
    return found[0].nbytes + (found[1].nbytes if isinstance(found[1], np.ndarray) else 8 * len(found[1]))


def _frequencies(size: int, sources: list, boost: float) -> np.ndarray:
    """A term's frequencies from each segment's weights (views of the columnar file, or decoded blocks),
    unboosted into one array."""
    freqs = np.empty(size, dtype=np.float32)
    for weights, at, _, _ in sources:
        end = at + len(weights)
        if boost == 1.0:
            freqs[at:end] = weights  # x / 1 is x: a copy is cheaper than a division
        else:
            np.divide(weights, np.float32(boost), out=freqs[at:end], dtype=np.float32)
    return freqs


def _leaf_lengths(leaf, fieldname: str) -> np.ndarray:
    count = leaf.doc_count_all()
    try:
        column = adapter.column_bytes(leaf, f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None:
            return np.zeros(count, dtype=np.float32)
        raw = np.frombuffer(column, dtype=np.uint8)
        out = np.zeros(count, dtype=np.float32)
        out[: len(raw)] = _BYTE_TO_LENGTH[raw]
        return out
    except AttributeError:
        # Another codec: ask document by document.
        return np.array([leaf.doc_field_length(i, fieldname, 0) or 0 for i in range(count)], dtype=np.float32)


def _leaf_postings(matcher) -> tuple[np.ndarray, np.ndarray]:
    """All (document, weight) pairs of a posting list; deleted documents are dropped later by the live mask."""
    matcher = leaf_matcher(matcher)
    if readable(matcher):
        return _block_postings(posting_blocks(matcher))
    pairs = []
    while matcher.is_active():
        pairs.append((matcher.id(), matcher.weight()))
        matcher.next()
    return np.array([p[0] for p in pairs], dtype=np.int64), np.array([p[1] for p in pairs], dtype=np.float32)


def _block_postings(blocks) -> tuple[np.ndarray, np.ndarray]:
    """Documents and weights of whole posting blocks, decoded with numpy rather than posting by posting."""
    ids, weights = [], []
    for block_ids, block_weights, _ in blocks:
        ids.append(block_ids)
        weights.append(block_weight_array(len(block_ids), block_weights))
    if not ids:
        return _EMPTY
    return np.concatenate(ids), np.concatenate(weights)


_STATS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def stats_for(searcher) -> IndexStats:
    """The statistics of a searcher's index, computed once per searcher."""
    found = _STATS.get(searcher)
    if found is None:
        found = _STATS[searcher] = IndexStats(searcher)
    return found


# ---- Scoring ---------------------------------------------------------------------------------------------


@dataclass
class Scored:
    """The scores of the documents of a mask (the others score 0), computed over those documents only."""

    docs: np.ndarray  # the scored documents, rising
    total: np.ndarray  # float32 per document of docs: the clauses' summed scores times the coordination multiplier
    clauses: list[Clause]

    def scores_of(self, docs: np.ndarray) -> np.ndarray:
        """The totals of some documents (sorted document numbers), 0 for those not scored."""
        if len(docs) == len(self.docs) and (docs is self.docs or np.array_equal(docs, self.docs)):
            return self.total
        where = np.minimum(np.searchsorted(self.docs, docs), max(0, len(self.docs) - 1))
        found = self.docs[where] == docs if len(self.docs) else np.zeros(len(docs), dtype=bool)
        return np.where(found, self.total[where] if len(self.docs) else 0, np.float32(0)).astype(np.float32)


def _alternative_scores(
    stats: IndexStats, alt: Alternative, scored: np.ndarray, docs: np.ndarray, within: np.ndarray | None, deadline
) -> tuple[np.ndarray | None, np.ndarray | None, float]:
    """BM25F scores of one alternative at docs (sorted; within: their mask, or None when they are all the
    scored documents), which of them hold it in the headline (None: nothing found; nowhere), and its best
    score over the scored documents (a mask)."""
    found = bm25f.parts(stats, alt, deadline)
    if not found:
        return None, None, 0.0
    key = bm25f.key(alt)
    best = bm25f.known_best(stats, alt)
    if best is not None and bm25f.worth_ranking_only(found, len(docs)):
        idf = bm25f.idf_of(stats, best.df)
        top = bm25f.best_within(alt, best, idf, scored)
        if top is not None:
            sums, in_title = bm25f.at_documents(found, docs, scored if within is None else within)
            return bm25f.saturated(alt, idf, sums), in_title, top
    scores, in_title, top, kept = bm25f.every_document(
        stats, alt, found, docs, scored if within is not None else None, keep=best is None
    )
    if kept is not None:
        stats.best_sums.put(key, kept)
    return scores, in_title, top


def _same_postings(stats: IndexStats, a: Alternative, b: Alternative) -> bool:
    """Whether two one-word alternatives find the same documents with the same frequencies in every field
    ("=proceeds" and the stem "proceed" where the word has no other form)."""
    if a.fields != b.fields or a.phrase or b.phrase or a.symbol != b.symbol or len(a.terms) != 1 or len(b.terms) != 1:
        return False
    fields = [f for f in a.fields if f in stats.schema]
    # Documents first (frequencies are read only for lists that could be equal).
    pairs = [(stats.documents(f, a.terms[0]), stats.documents(f, b.terms[0])) for f in fields]
    if any(len(x) != len(y) for x, y in pairs) or not all(np.array_equal(x, y) for x, y in pairs):
        return False
    return all(np.array_equal(stats.frequencies(f, a.terms[0]), stats.frequencies(f, b.terms[0])) for f in fields)


def _scoring_alternatives(stats: IndexStats, clause: Clause) -> list[Alternative]:
    """The alternatives of a clause that can be its best anywhere: one whose postings equal another's of at
    least its weight scores no higher in any document (the same frequencies and document frequency), so it is
    left out (of equals, the first is kept)."""
    alternatives = [alt for alt in clause.alternatives if alt.weight > 0]
    if len(alternatives) < 2:
        return alternatives
    kept = []
    for i, alt in enumerate(alternatives):
        if not any(
            j != i
            and (other.weight > alt.weight or (other.weight == alt.weight and j < i))
            and _same_postings(stats, alt, other)
            for j, other in enumerate(alternatives)
        ):
            kept.append(alt)
    return kept


def score(
    stats: IndexStats, clauses: list[Clause], mask: np.ndarray, deadline=None, within: np.ndarray | None = None
) -> Scored:
    """Score the documents of within (a part of mask; all of mask when None) against the clauses, each
    clause weighing its best score over every document of mask (0 elsewhere)."""
    docs = np.flatnonzero(mask if within is None else within)
    clause_scores, importance = [], []
    title_share = np.zeros(len(docs), dtype=np.float32)
    for clause in clauses:
        best = np.zeros(len(docs), dtype=np.float32)
        in_title = np.zeros(len(docs), dtype=bool)
        top = 0.0
        for alt in _scoring_alternatives(stats, clause):
            scores, title, alt_top = _alternative_scores(stats, alt, mask, docs, within, deadline)
            if scores is not None:
                np.maximum(best, scores, out=best)
                top = max(top, alt_top)
            if title is not None:
                in_title |= title
        clause_scores.append(best)
        # A clause's importance is its best score: rare words weigh more, words the index lacks nothing.
        importance.append(top)
        title_share += in_title
    base = np.zeros(len(docs), dtype=np.float32)
    coverage = np.zeros(len(docs), dtype=np.float32)
    weight_sum = sum(importance)
    for s, imp in zip(clause_scores, importance, strict=True):
        base += s
        if imp > 0:
            # A clause counts as covered once its score reaches a share of the best one: a word found once
            # in a huge text covers less than the same word in a headline or a lede.
            covered = np.minimum(s / np.float32(COVER_SHARE * imp), 1.0)
            coverage += covered * np.float32(imp / weight_sum)
    # What a release is about is in its headline: each query word there, common or rare, adds a share.
    # (Computed where some clause scores only: elsewhere coverage and base are 0, and so is the total.)
    found = np.flatnonzero(coverage)
    multiplier = np.zeros(len(docs), dtype=np.float32)
    multiplier[found] = coverage[found] ** COORD_POWER * (1 + TITLE_BONUS * title_share[found] / max(1, len(clauses)))
    if weight_sum > 0:
        total = np.zeros(len(docs), dtype=np.float32)
        total[found] = base[found] * multiplier[found]
    else:
        total = base
    return Scored(docs, total, clauses)


def rank(
    scored: Scored, mask: np.ndarray, count: int, tiebreak: np.ndarray | None = None
) -> tuple[list[int], dict[int, float]]:
    """The count best documents of mask, best first, with their scores; equal scores go by tiebreak,
    highest first (the date: newer first)."""
    docs = np.flatnonzero(mask)
    scores = scored.scores_of(docs)
    order = _top(docs, scores, count, tiebreak)
    if not order:
        return [], {}
    picked = np.searchsorted(docs, order)
    return order, dict(zip(order, scores[picked].tolist(), strict=True))


def top_documents(total: np.ndarray, mask: np.ndarray, count: int, tiebreak: np.ndarray | None = None) -> list[int]:
    """The count best-scored documents of mask, best first; ties by tiebreak (highest first), then docnum."""
    docs = np.flatnonzero(mask)
    return _top(docs, total[docs], count, tiebreak)


def _top(docs: np.ndarray, scores: np.ndarray, count: int, tiebreak: np.ndarray | None) -> list[int]:
    """The count best of docs (rising) by scores (one each); ties by tiebreak (highest first), then docnum."""
    if not len(docs) or count <= 0:
        return []
    if len(docs) > count:
        # Keep every document tied with the last one kept, so the tie-break decides among them.
        threshold = np.partition(scores, len(scores) - count)[len(scores) - count]
        keep = scores >= threshold
        docs, scores = docs[keep], scores[keep]
    secondary = tiebreak[docs] if tiebreak is not None else np.zeros(len(docs))
    order = np.lexsort((docs, -secondary, -scores))
    return docs[order][:count].tolist()


# ---- The plan of one search ---------------------------------------------------------------------------


@dataclass
class Plan:
    """What one search ranks by: the index statistics and the query's clauses."""

    stats: IndexStats
    clauses: list[Clause]
    deadline: q.Deadline | None = None

    def rank(self, mask: np.ndarray, count: int, tiebreak: np.ndarray | None = None) -> tuple[list[int], dict]:
        """The count best documents of mask, best first, and their scores."""
        if not self.clauses:
            return top_documents(np.zeros(self.stats.size, dtype=np.float32), mask, count, tiebreak), {}
        stats, clauses, deadline = self.stats, self.clauses, self.deadline
        found = max_score.first_documents(
            stats,
            clauses,
            mask,
            count,
            lambda some: rank(score(stats, clauses, mask, deadline, some), some, count, tiebreak),
        )
        if found is not None:
            return found
        scored = score(self.stats, self.clauses, mask, self.deadline)
        return rank(scored, mask, count, tiebreak)


def plan_query(searcher, tree, deadline: q.Deadline | None = None, spelling: bool = True) -> Plan:
    """Prepare ranking a query tree on a searcher: its clauses with their spellings and expansions."""
    stats = stats_for(searcher)
    return Plan(stats, build_clauses(stats, tree, deadline, spelling), deadline)


# ---- More like this ---------------------------------------------------------------------------------------


def related_plan(stats: IndexStats, stored: dict, numterms: int = RELATED_TERMS) -> Plan:
    """A plan ranking releases like the given one: its most distinctive words (relevance.related_clauses)."""
    return Plan(stats, related_clauses(stats, stored, numterms))
