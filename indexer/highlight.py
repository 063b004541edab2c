"""Marking a query's words in a release's text, as the index matched them (stems, accents folded, prefixes)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .model import QueryError
from .query import Fuzzy, Phrase, Prefix, Term, parse_query, positive_leaves
from .schema import DEFAULT_FIELDS, QUERY_ANALYZER, WORD_PATTERN

_WORD_RE = re.compile(WORD_PATTERN)


@dataclass(frozen=True)
class QueryWords:
    """The index terms and prefixes of a query's words that search the text (not tickers, types or dates)."""

    terms: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.terms or self.prefixes)

    def matches(self, word: str) -> bool:
        """Whether a word of the text stands for one of the query's words."""
        lowered = word.lower()
        if self.prefixes and lowered.startswith(self.prefixes):
            return True
        return bool(self.terms) and not self.terms.isdisjoint(_terms_of(word))


@functools.lru_cache(maxsize=50_000)
def _terms_of(word: str) -> frozenset[str]:
    return frozenset(token.text for token in QUERY_ANALYZER(word))


def query_words(query: str | None) -> QueryWords:
    """The words to mark for a query; none for an empty or malformed one (a page still shows, unmarked)."""
    try:
        tree = parse_query(query).tree
    except QueryError:
        return QueryWords()
    terms: set[str] = set()
    prefixes: list[str] = []
    for leaf in positive_leaves(tree):
        if getattr(leaf, "field", None) not in (None, *DEFAULT_FIELDS):
            continue
        if isinstance(leaf, (Term, Fuzzy)):
            terms |= _terms_of(leaf.text)
        elif isinstance(leaf, Phrase):
            for word in leaf.words:
                terms |= _terms_of(word)
        elif isinstance(leaf, Prefix) and len(leaf.text) >= 2:
            prefixes.append(leaf.text.lower())
    return QueryWords(frozenset(terms), tuple(prefixes))


def marked_spans(text: str, words: QueryWords) -> list[tuple[int, int]]:
    """(start, end) of each word of text that stands for one of the query's words, in text order."""
    if not words or not text:
        return []
    return [(m.start(), m.end()) for m in _WORD_RE.finditer(text) if words.matches(m.group())]
