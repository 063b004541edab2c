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

The clauses built here also widen the match set (misspellings, abbreviations, expanded wildcards), so what
is counted and what is ranked stay the same set: see whoosh_query.translate.
"""

from __future__ import annotations

import functools
import math
import re
import weakref
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.util.numeric import byte_to_length

from ... import query as q
from ...model import QueryError
from ...schema import DEFAULT_FIELDS, FIELD_WEIGHTS, QUERY_ANALYZER, STOP, index_stem
from ..lru import LRU
from .phrase import phrase_docs as match_phrase
from .postings import leaf_matcher, posting_blocks, readable

# BM25 saturation and per-section length normalisation (short sections barely normalised).
K1 = 1.2
FIELD_B = {
    "headline": 0.3,
    "subheadline": 0.3,
    "company": 0.0,
    "lede": 0.75,
    "body": 0.75,
    "about": 0.75,
    "forward_looking": 0.75,
    "contacts": 0.75,
}
DEFAULT_B = 0.75
# A ticker typed as a plain word counts like this many headline mentions for the issuer's releases.
SYMBOL_WEIGHT = 4.0
# Score multiplier (coverage ** COORD_POWER): how strongly matching all the query's words is rewarded.
COORD_POWER = 2.0
# A clause scoring this share of its best score over the index counts as fully matched for coordination.
COVER_SHARE = 0.25
# Score multiplier 1 + TITLE_BONUS * (share of the query's clauses found in the headline).
TITLE_BONUS = 1.0
TITLE_FIELDS = ("headline", "subheadline")
# Weight of a spelling one edit away from a word the index does not know.
TYPO_WEIGHT = 0.7
# A known but rare word also searches a spelling one edit away that is this many times more common.
TYPO_RATIO = 20
TYPO_RARE_DF = 5
TYPO_MAX_VARIANTS = 3
# Words of one query that may be looked up for spellings.
MAX_TYPO_WORDS = 3
# Weight of an abbreviation's long form, and the long forms themselves.
ABBREVIATION_WEIGHT = 0.9
ABBREVIATIONS = {
    "q1": "first quarter",
    "q2": "second quarter",
    "q3": "third quarter",
    "q4": "fourth quarter",
    "1q": "first quarter",
    "2q": "second quarter",
    "3q": "third quarter",
    "4q": "fourth quarter",
    "h1": "first half",
    "h2": "second half",
    "fy": "fiscal year",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cmo": "chief marketing officer",
    "cio": "chief information officer",
    "ipo": "initial public offering",
    "eps": "earnings per share",
    "r&d": "research and development",
    "m&a": "mergers and acquisitions",
    "ai": "artificial intelligence",
    "agm": "annual general meeting",
    "yoy": "year over year",
}
LONG_FORM_FIELDS = ("headline", "subheadline", "lede")
# Postings kept in memory per searcher, for words that recur from query to query (about 12 bytes each).
POSTINGS_CACHE = 2_000_000
# Documents kept in memory per searcher for recent phrases (8 bytes each): a common phrase costs ~1 s
# at 100,000 releases, and one search looks it up twice (match set, then ranking).
PHRASE_CACHE = 1_000_000
# Fields whose words a fuzzy term is matched against (then searched in every field).
FUZZY_VOCABULARY = ("headline", "lede", "body")
# Fields that filter (ticker:, type:, ...) rather than rank.
FILTER_FIELDS = ("ticker", "exchange", "type", "language")

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_WORD_RE = re.compile(r"[^\W\d_]+")
_SYMBOL_RE = re.compile(r"[A-Za-z]{1,5}(?:\.[A-Za-z]{1,2})?")
_EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
_BYTE_TO_LENGTH = np.array([byte_to_length(i) for i in range(256)], dtype=np.float32)


# ---- Index statistics, loaded once per searcher ------------------------------------------------------


class IndexStats:
    """Per-document section lengths, postings and collection statistics of one searcher's index."""

    def __init__(self, searcher):
        self._searcher = weakref.ref(searcher)
        self.reader = searcher.reader()
        self.schema = self.reader.schema
        self.size = self.reader.doc_count_all()
        self.count = max(1, self.reader.doc_count())
        self.leaves = list(self.reader.leaf_readers())
        self._norms: dict[str, np.ndarray] = {}
        # (field, term) -> (documents, frequencies), weighed by postings.
        self._postings = LRU(POSTINGS_CACHE, weigh=lambda found: len(found[0]))
        # (field, words, slop) -> documents, weighed by documents (+1: an empty result is kept too).
        self._phrases = LRU(PHRASE_CACHE, weigh=lambda docs: len(docs) + 1)
        self._deleted: np.ndarray | bool | None = None
        self.variants = LRU(10_000)  # (word, fields) -> spelling variants
        self._frequencies = LRU(50_000)  # (fields, word) -> documents, asked at every search

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

    def postings(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Document numbers and frequencies of one index term in one field (recently used ones cached)."""
        key = (fieldname, text)
        found = self._postings.get(key)
        if found is None:
            found = self._read_postings(fieldname, text)
            self._postings.put(key, found)
        return found

    def _read_postings(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        if fieldname not in self.schema:
            return _EMPTY
        ids, freqs = [], []
        boost = self.boost(fieldname)
        for leaf, base in self.leaves:
            if (fieldname, text) not in leaf:
                continue
            docs, weights = _leaf_postings(leaf.postings(fieldname, text))
            ids.append(docs + base)
            freqs.append(weights / boost)
        if not ids:
            return _EMPTY
        return np.concatenate(ids), np.concatenate(freqs)

    def phrase_docs(self, fieldname: str, words, slop: int, deadline=None) -> np.ndarray:
        """Documents (not deleted) where the words stand together in a field; recent phrases cached."""
        if fieldname not in self.schema or not self.schema[fieldname].format.supports("positions"):
            return _EMPTY[0]
        key = (fieldname, tuple(words), max(1, slop))
        found = self._phrases.get(key)
        if found is None:
            found = match_phrase(self.leaves, fieldname, list(words), slop, self._docs_of, deadline)
            deleted = self.deleted()
            if deleted is not None and len(found):
                found = found[~deleted[found]]
            self._phrases.put(key, found)
        return found

    def _docs_of(self, fieldname: str, text: str) -> np.ndarray:
        return self.postings(fieldname, text)[0]

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
        for fieldname in fieldnames:
            if fieldname not in self.schema:
                continue
            for leaf, _ in self.leaves:
                terms = getattr(leaf, "_terms", None)
                if terms is None:
                    total += leaf.doc_frequency(fieldname, text)
                    continue
                # The segment's term table directly: Whoosh's own path checks the schema at every call.
                try:
                    total += terms.doc_frequency(fieldname, encoded)
                except KeyError:
                    pass
        return total


def _leaf_lengths(leaf, fieldname: str) -> np.ndarray:
    count = leaf.doc_count_all()
    try:
        column = leaf._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None:
            return np.zeros(count, dtype=np.float32)
        raw = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
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
        # Decode whole blocks with numpy rather than posting by posting.
        ids, weights = [], []
        for block_ids, block_weights, _ in posting_blocks(matcher):
            count = len(block_ids)
            ids.append(block_ids)
            if block_weights is None:
                weights.append(np.ones(count, dtype=np.float32))
            elif isinstance(block_weights, float):
                weights.append(np.full(count, block_weights, dtype=np.float32))
            else:
                weights.append(np.asarray(block_weights, dtype=np.float32))
        if not ids:
            return _EMPTY
        return np.concatenate(ids), np.concatenate(weights)
    pairs = []
    while matcher.is_active():
        pairs.append((matcher.id(), matcher.weight()))
        matcher.next()
    return np.array([p[0] for p in pairs], dtype=np.int64), np.array([p[1] for p in pairs], dtype=np.float32)


_STATS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def stats_for(searcher) -> IndexStats:
    """The statistics of a searcher's index, computed once per searcher."""
    found = _STATS.get(searcher)
    if found is None:
        found = _STATS[searcher] = IndexStats(searcher)
    return found


# ---- Query clauses ------------------------------------------------------------------------------------


@dataclass
class Alternative:
    """One way to match a clause: index terms in some fields, with a weight (1 for what the user typed)."""

    fields: tuple[str, ...]
    terms: tuple[str, ...]  # index terms whose frequencies add up (a word, or a wildcard's words)
    phrase: bool = False  # the terms must stand together, in order
    slop: int = 1
    weight: float = 1.0
    label: str = ""  # the spelling shown in suggestions
    symbol: str | None = None  # an issuer's symbol this word also stands for

    def whoosh_query(self) -> wq.Query:
        """The Whoosh query matching what this alternative matches."""
        subs: list[wq.Query] = []
        for fieldname in self.fields:
            if self.phrase:
                subs.append(wq.Phrase(fieldname, list(self.terms), slop=self.slop))
            else:
                subs.extend(wq.Term(fieldname, term) for term in self.terms)
        if self.symbol:
            subs.append(wq.Term("symbol", self.symbol))
        return wq.Or(subs) if subs else wq.NullQuery


@dataclass
class Clause:
    """One thing the user asked for (a word, phrase or pattern); its best-matching alternative counts."""

    leaf: object
    alternatives: list[Alternative]
    typed: str = ""

    def whoosh_query(self) -> wq.Query:
        """Everything this clause matches, alternatives included."""
        return wq.Or([a.whoosh_query() for a in self.alternatives])


def _analyzed(text: str) -> list[str]:
    return [tok.text for tok in QUERY_ANALYZER(text)]


def _fields(name: str | None) -> tuple[str, ...]:
    from .match import FIELD_GROUPS

    return DEFAULT_FIELDS if name is None else FIELD_GROUPS.get(name, (name,))


def edits1(word: str) -> set[str]:
    """Every spelling one deletion, transposition, replacement or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _ALPHABET if c != b[0]]
    inserts = [a + c + b for a, b in splits for c in _ALPHABET]
    return set(deletes + transposes + replaces + inserts) - {word}


def spelling_variants(
    stats: IndexStats, word: str, fieldnames=("headline", "lede", "body")
) -> list[tuple[str, str, int]]:
    """Spellings one edit away that the index knows: (spelling, index term, documents), commonest first."""
    lowered = word.lower()
    if len(lowered) < 4 or not lowered.isascii() or not lowered.isalpha():
        return []
    key = (lowered, tuple(fieldnames))
    known = stats.variants.get(key)
    if known is not None:
        return known
    own = index_stem(lowered)
    best: dict[str, tuple[str, int]] = {}
    for candidate in sorted(edits1(lowered)):
        if candidate in STOP:
            continue
        term = index_stem(candidate)
        if term == own or term in best:
            continue
        df = stats.doc_frequency(fieldnames, term)
        if df:
            best[term] = (candidate, df)
    found = [(spelling, term, df) for term, (spelling, df) in best.items()]
    found.sort(key=lambda item: (-item[2], item[0]))
    stats.variants.put(key, found)
    return found


def corrected_words(stats, words: list[str], analyze) -> str | None:
    """'Did you mean' for either backend: words the index does not know (or barely knows) replaced by close,
    commoner spellings from its vocabulary; None when nothing changed. stats offers doc_frequency and what
    spelling_variants reads; analyze turns a word into its index terms."""
    changed, out = False, []
    for word in words:
        tokens = analyze(word)
        if len(tokens) != 1 or not word.isalpha() or len(word) < 4:
            out.append(word)
            continue
        df = stats.doc_frequency(("headline", "lede", "body", "company"), tokens[0])
        best = None
        if df <= TYPO_RARE_DF:
            variants = spelling_variants(stats, word)
            if variants and (df == 0 or variants[0][2] >= TYPO_RATIO * df):
                best = written_form(stats, variants[0][1], word)
        if best:
            out.append(_same_case(best, word))
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None


def _same_case(suggestion: str, typed: str) -> str:
    if typed.isupper():
        return suggestion.upper()
    if typed[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def written_form(stats: IndexStats, term: str, typed: str) -> str:
    """How releases spell an index term, the form closest to what was typed ("conference" for
    "confernce"): read from the first releases that have it."""
    docs: list[int] = []
    for fieldname in ("headline", "lede", "body"):
        docs += stats.postings(fieldname, term)[0][:2].tolist()
    forms: dict[str, int] = {}
    for docnum in sorted(set(docs))[:3]:
        stored = stats.searcher.stored_fields(docnum) if stats.searcher is not None else {}
        text = " ".join((stored.get(f) or "")[:20_000] for f in ("headline", "lede", "body"))
        for word in _WORD_RE.findall(text.lower()):
            if index_stem(word) == term:
                forms[word] = forms.get(word, 0) + 1
    if not forms:
        return typed
    return min(sorted(forms), key=lambda w: (edit_distance(w, typed.lower()), -forms[w]))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance between two short words."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def typo_alternatives(
    stats: IndexStats, word: str, fields_: tuple[str, ...], budget: list[int] | None = None
) -> list[Alternative]:
    """Spellings one edit away to search too, when the index does not know word or barely knows it.

    budget (a one-item list) counts the spelling searches a query may still make: each costs ~500 lookups.
    """
    tokens = _analyzed(word)
    if len(tokens) != 1:
        return []
    df = stats.doc_frequency(("headline", "lede", "body", "company"), tokens[0])
    if df > TYPO_RARE_DF:
        return []
    if budget is not None:
        if budget[0] <= 0:
            return []
        budget[0] -= 1
    variants = spelling_variants(stats, word)
    if df:
        variants = [v for v in variants if v[2] >= TYPO_RATIO * df]
    return [
        Alternative(fields_, (term,), weight=TYPO_WEIGHT, label=spelling)
        for spelling, term, _ in variants[:TYPO_MAX_VARIANTS]
    ]


def expand_terms(stats: IndexStats, fieldname: str, node, deadline: q.Deadline | None = None) -> list[str]:
    """Index terms of a field that a prefix, wildcard or fuzzy clause stands for (at most MAX_EXPANSIONS)."""
    reader = stats.reader
    if fieldname not in stats.schema:
        return []
    if isinstance(node, q.Prefix):
        terms = _take(reader.expand_prefix(fieldname, node.text.lower()), node.text + "*", deadline)
    elif isinstance(node, q.Wildcard):
        pattern = node.pattern.lower()
        prefix = re.split(r"[*?]", pattern, maxsplit=1)[0]
        regex = _wildcard_regex(pattern)
        source = (t for t in reader.expand_prefix(fieldname, prefix) if regex.match(_text(t)))
        terms = _take(source, node.pattern, deadline)
    elif isinstance(node, q.Fuzzy):
        word = node.text.lower()
        found: set[str] = set()
        for stem in set(_analyzed(word)) | {word}:
            found.update(_text(t) for t in reader.terms_within(fieldname, stem, node.distance, prefix=1))
            if len(found) > q.MAX_EXPANSIONS:
                _too_many(_shown(node))
        terms = sorted(found)
    else:
        return []
    return [_text(t) for t in terms]


def _wildcard_regex(pattern: str) -> re.Pattern:
    """A regex for a wildcard pattern that also accepts the pattern's stem: index words are stemmed, so
    "photo?oltaic" must match "photovolta" (a stem drops up to four letters of a word's end)."""
    tail = re.search(r"[a-z]*$", pattern).group()
    droppable = min(4, len(tail) - 2) if len(tail) >= 5 else 0
    keep = pattern[: len(pattern) - droppable]
    regex = re.escape(keep).replace(r"\*", ".*").replace(r"\?", ".")
    dropped = pattern[len(pattern) - droppable :]
    optional = "".join(f"(?:{re.escape(c)}" for c in dropped) + ")?" * len(dropped)
    return re.compile(regex + optional + r"\Z")


def _text(term) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def _take(source, shown: str, deadline: q.Deadline | None) -> list:
    terms = []
    for term in source:
        terms.append(term)
        if len(terms) > q.MAX_EXPANSIONS:
            _too_many(shown)
        if deadline is not None and len(terms) % 64 == 0:
            deadline.check()
    return terms


def _shown(node) -> str:
    if isinstance(node, q.Prefix):
        return node.text + "*"
    if isinstance(node, q.Fuzzy):
        return f"{node.text}~{node.distance if node.distance > 1 else ''}"
    return getattr(node, "pattern", "")


def _too_many(shown: str) -> None:
    raise QueryError(
        f"'{shown}' matches more than {q.MAX_EXPANSIONS} different words in the index: "
        "give more letters before the wildcard, or a smaller fuzzy distance"
    )


def build_clauses(stats: IndexStats, tree, deadline: q.Deadline | None = None) -> list[Clause]:
    """The scoring clauses of a query tree: its word-like parts not under NOT, with their alternatives."""
    clauses = []
    budget = [MAX_TYPO_WORDS]  # spelling searches left for this query
    for leaf in q.positive_leaves(tree):
        clause = _clause(stats, leaf, deadline, budget)
        if clause is not None:
            clauses.append(clause)
        if deadline is not None:
            deadline.check()
    _add_short_forms(clauses)
    return clauses


@functools.cache
def _short_forms() -> dict[tuple[str, ...], str]:
    """Long forms as index terms -> their abbreviation ("second quarter" -> "q2"), the first one listed."""
    found: dict[tuple[str, ...], str] = {}
    for short, long_form in ABBREVIATIONS.items():
        found.setdefault(tuple(_analyzed(long_form)), short)
    return found


def _add_short_forms(clauses: list[Clause]) -> None:
    """Words typed in full ("second quarter") also find their abbreviation ("Q2") in releases."""
    forms = _short_forms()
    singles = [
        (i, c) for i, c in enumerate(clauses) if isinstance(c.leaf, q.Term) and len(c.alternatives[0].terms) == 1
    ]
    terms = [c.alternatives[0].terms[0] for _, c in singles]
    for size in (3, 2):
        for start in range(len(singles) - size + 1):
            window = singles[start : start + size]
            if window[-1][0] - window[0][0] != size - 1:
                continue  # not typed side by side
            short = forms.get(tuple(terms[start : start + size]))
            if short:
                for _, clause in window:
                    fields_ = clause.alternatives[0].fields
                    clause.alternatives.append(Alternative(fields_, (short,), weight=ABBREVIATION_WEIGHT, label=short))


def _clause(stats: IndexStats, leaf, deadline, budget: list[int]) -> Clause | None:
    if isinstance(leaf, (q.Term, q.Phrase)):
        return _word_clause(stats, leaf, budget)
    if isinstance(leaf, (q.Prefix, q.Wildcard, q.Fuzzy)):
        typed = getattr(leaf, "text", None) or getattr(leaf, "pattern", "")
        if leaf.field in FILTER_FIELDS:
            if leaf.field != "ticker":
                return None
            # ticker:imgn* : symbols starting so; they select, like ticker:IMGN.
            symbols = expand_terms(stats, "symbol", leaf, deadline)
            return Clause(leaf, [Alternative((), (), weight=0.0, label=typed, symbol=s) for s in symbols], typed)
        alternatives, distinct = [], set()
        fields_ = _fields(leaf.field)
        if isinstance(leaf, q.Fuzzy) and leaf.field is None:
            # Edit distances are worked out word by word over a lexicon: do it on the main texts'
            # vocabulary once, and search those words in every field.
            found = set()
            for fieldname in FUZZY_VOCABULARY:
                found.update(expand_terms(stats, fieldname, leaf, deadline))
                if len(found) > q.MAX_EXPANSIONS:
                    _too_many(_shown(leaf))
            return Clause(leaf, [Alternative(fields_, tuple(sorted(found)), label=typed)], typed)
        for fieldname in fields_:
            terms = tuple(expand_terms(stats, fieldname, leaf, deadline))
            distinct.update(terms)
            if len(distinct) > q.MAX_EXPANSIONS:
                _too_many(_shown(leaf))
            if terms:
                alternatives.append(Alternative((fieldname,), terms, label=typed))
        if not alternatives:
            alternatives = [Alternative((), (), label=typed)]
        return Clause(leaf, _merge_fields(alternatives), typed)
    return None


def _merge_fields(alternatives: list[Alternative]) -> list[Alternative]:
    """Per-field expansions of one pattern as one alternative over all fields when they agree."""
    merged: dict[tuple[str, ...], list[str]] = {}
    for alt in alternatives:
        merged.setdefault(alt.terms, []).extend(alt.fields)
    if len(merged) == 1:
        terms, fields_ = next(iter(merged.items()))
        return [Alternative(tuple(fields_), terms, label=alternatives[0].label)]
    # Different words per field: union them, each field searched for all of them.
    union = tuple(sorted({t for alt in alternatives for t in alt.terms}))
    fields_ = tuple(f for alt in alternatives for f in alt.fields)
    return [Alternative(fields_, union, label=alternatives[0].label)]


def _word_clause(stats: IndexStats, leaf, budget: list[int]) -> Clause | None:
    if leaf.field in FILTER_FIELDS:
        return None  # filters select; they do not rank
    fields_ = _fields(leaf.field)
    if isinstance(leaf, q.Phrase):
        typed, slop, boost = " ".join(leaf.words), leaf.slop, 1.0
        tokens = tuple(t for word in leaf.words for t in _analyzed(word))
    else:
        typed, slop, boost = leaf.text, 1, leaf.boost
        tokens = tuple(_analyzed(leaf.text))
    alternatives = []
    if tokens:
        alternatives.append(Alternative(fields_, tokens, phrase=len(tokens) > 1, slop=slop, weight=boost, label=typed))
    if isinstance(leaf, q.Term):
        if len(tokens) == 1 and leaf.text.isalpha():
            alternatives += typo_alternatives(stats, leaf.text, fields_, budget)
        long_form = ABBREVIATIONS.get(leaf.text.lower())
        if long_form:
            words = tuple(_analyzed(long_form))
            # Searched where it says what a release is about: phrases of common words are slow in long texts.
            where = tuple(f for f in fields_ if f in LONG_FORM_FIELDS) or fields_
            alternatives.append(Alternative(where, words, phrase=True, weight=ABBREVIATION_WEIGHT, label=long_form))
        if leaf.field is None and _SYMBOL_RE.fullmatch(leaf.text) and _looks_like_ticker(stats, leaf.text, tokens):
            if alternatives:
                alternatives[0].symbol = leaf.text.lower()
            else:
                alternatives.append(Alternative((), (), weight=boost, label=typed, symbol=leaf.text.lower()))
    if not alternatives:
        return None
    return Clause(leaf, alternatives, typed)


def _looks_like_ticker(stats: IndexStats, text: str, tokens: tuple[str, ...]) -> bool:
    """Whether a typed word should favour the issuer listed under that symbol."""
    symbol = text.lower()
    if "symbol" not in stats.schema or not stats.reader.doc_frequency("symbol", symbol):
        return False
    if text.isupper() and len(text) >= 2:
        return True
    # A lower-case word that is also a ticker ("fast", "well"): only when it is no everyday word here.
    common = stats.doc_frequency(("lede", "body"), tokens[0]) if tokens else 0
    return common < 0.01 * stats.count


# ---- Scoring ---------------------------------------------------------------------------------------------


@dataclass
class Scored:
    """Every document's score (0 where nothing matched), with the parts it is made of."""

    total: np.ndarray  # base * multiplier
    base: np.ndarray  # sum of the clauses' scores
    multiplier: np.ndarray  # coordination (share of the clauses matched) and headline matches
    clause_scores: list[np.ndarray]
    clauses: list[Clause]


def _alternative_scores(stats: IndexStats, alt: Alternative, deadline) -> tuple[np.ndarray, np.ndarray | None]:
    """BM25F scores of one alternative in every document, and where it is in the headline (None: nowhere)."""
    docs_parts, contrib_parts, title_docs = [], [], []
    for fieldname in alt.fields:
        weight = FIELD_WEIGHTS.get(fieldname, 1.0)
        if weight <= 0 or fieldname not in stats.schema:
            continue
        norm = stats.norm(fieldname)
        if alt.phrase:
            docs = stats.phrase_docs(fieldname, alt.terms, alt.slop, deadline)
            contrib = weight / norm[docs]
        else:
            found = [stats.postings(fieldname, term) for term in alt.terms]
            docs = np.concatenate([f[0] for f in found]) if found else _EMPTY[0]
            freqs = np.concatenate([f[1] for f in found]) if found else _EMPTY[1]
            contrib = weight * freqs / norm[docs]
        if len(docs):
            docs_parts.append(docs)
            contrib_parts.append(contrib)
            if fieldname in TITLE_FIELDS:
                title_docs.append(docs)
        if deadline is not None:
            deadline.check()
    if alt.symbol:
        docs, _ = stats.postings("symbol", alt.symbol)
        if len(docs):
            docs_parts.append(docs)
            contrib_parts.append(np.full(len(docs), SYMBOL_WEIGHT, dtype=np.float32))
    if not docs_parts:
        return np.zeros(stats.size, dtype=np.float32), None
    docs = np.concatenate(docs_parts)
    tfn = np.bincount(docs, weights=np.concatenate(contrib_parts), minlength=stats.size)
    df = int(np.count_nonzero(tfn))
    idf = math.log(1 + (stats.count - df + 0.5) / (df + 0.5))
    scores = (alt.weight * idf * tfn * (K1 + 1) / (K1 + tfn)).astype(np.float32)
    in_title = None
    if title_docs:
        in_title = np.zeros(stats.size, dtype=bool)
        in_title[np.concatenate(title_docs)] = True
    return scores, in_title


def score(stats: IndexStats, clauses: list[Clause], mask: np.ndarray, deadline=None) -> Scored:
    """Score every document in mask against the clauses (0 elsewhere)."""
    clause_scores = []
    title_share = np.zeros(stats.size, dtype=np.float32)
    for clause in clauses:
        best = np.zeros(stats.size, dtype=np.float32)
        in_title = np.zeros(stats.size, dtype=bool)
        for alt in clause.alternatives:
            if alt.weight > 0:
                scores, title = _alternative_scores(stats, alt, deadline)
                np.maximum(best, scores, out=best)
                if title is not None:
                    in_title |= title
        best[~mask] = 0
        clause_scores.append(best)
        title_share += in_title
    base = np.zeros(stats.size, dtype=np.float32)
    coverage = np.zeros(stats.size, dtype=np.float32)
    # A clause's importance is its best score: rare words weigh more, words the index lacks nothing.
    importance = [float(s.max()) if len(s) else 0.0 for s in clause_scores]
    weight_sum = sum(importance)
    for s, imp in zip(clause_scores, importance, strict=True):
        base += s
        if imp > 0:
            # A clause counts as covered once its score reaches a share of the best one: a word found once
            # in a huge text covers less than the same word in a headline or a lede.
            covered = np.minimum(s / np.float32(COVER_SHARE * imp), 1.0)
            coverage += covered * np.float32(imp / weight_sum)
    # What a release is about is in its headline: each query word there, common or rare, adds a share.
    multiplier = coverage**COORD_POWER * (1 + TITLE_BONUS * title_share / max(1, len(clauses)))
    total = base * multiplier if weight_sum > 0 else base
    return Scored(total, base, multiplier, clause_scores, clauses)


def rank(
    scored: Scored, mask: np.ndarray, count: int, tiebreak: np.ndarray | None = None
) -> tuple[list[int], dict[int, float]]:
    """The count best documents of mask, best first, with their scores; equal scores go by tiebreak,
    highest first (the date: newer first)."""
    order = top_documents(scored.total, mask, count, tiebreak)
    return order, {d: float(scored.total[d]) for d in order}


def top_documents(total: np.ndarray, mask: np.ndarray, count: int, tiebreak: np.ndarray | None = None) -> list[int]:
    """The count best-scored documents of mask, best first; ties by tiebreak (highest first), then docnum."""
    docs = np.flatnonzero(mask)
    if not len(docs) or count <= 0:
        return []
    scores = total[docs]
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
        scored = score(self.stats, self.clauses, mask, self.deadline)
        return rank(scored, mask, count, tiebreak)


def plan_query(searcher, tree, deadline: q.Deadline | None = None) -> Plan:
    """Prepare ranking a query tree on a searcher: its clauses with their spellings and expansions."""
    stats = stats_for(searcher)
    return Plan(stats, build_clauses(stats, tree, deadline), deadline)


# ---- More like this ---------------------------------------------------------------------------------------

RELATED_TERMS = 25
# Sections that say what a release is about; the boilerplate would make every release of a company alike.
RELATED_SOURCES = {"headline": 3.0, "subheadline": 2.0, "lede": 1.0, "body": 1.0}
RELATED_FIELDS = ("headline", "subheadline", "lede", "body", "company")


def related_plan(stats: IndexStats, stored: dict, numterms: int = RELATED_TERMS) -> Plan:
    """A plan ranking releases like the given one: its most distinctive words, weighted by tf-idf."""
    counts: dict[str, float] = {}
    for fieldname, weight in RELATED_SOURCES.items():
        for term in _analyzed((stored.get(fieldname) or "")[:20_000]):
            if len(term) > 1 and not term.isdigit():
                counts[term] = counts.get(term, 0.0) + weight
    weighted = []
    for term, tf in counts.items():
        df = stats.doc_frequency(RELATED_FIELDS, term)
        if df <= 1:
            continue  # a word only this release has finds nothing else
        idf = math.log(1 + (stats.count - df + 0.5) / (df + 0.5))
        weighted.append((math.sqrt(tf) * idf, term))
    weighted.sort(reverse=True)
    top = weighted[:numterms]
    if not top:
        return Plan(stats, [])
    best = top[0][0]
    clauses = [
        Clause(q.Term(term), [Alternative(RELATED_FIELDS, (term,), weight=value / best, label=term)], term)
        for value, term in top
    ]
    return Plan(stats, clauses)
