"""Relevance on Whoosh: the query tree translated into Whoosh queries, snippets and spelling suggestions.

Ranking itself (BM25F over sections, coordination, typo tolerance, proximity) lives in rank.py (its rules in indexer/relevance.py);
its clauses widen the match set here so that counts and ranking cover the same releases.
"""

from __future__ import annotations

import functools
import html
import re
from bisect import bisect_right
from datetime import datetime, timedelta
from itertools import accumulate

from whoosh import query as wq
from whoosh.lang.porter2 import exceptional_forms as PORTER2_EXCEPTIONS
from whoosh.query import spans

from ... import query as q
from ...analysis import word_pipeline
from ...model import QueryError
from ...parse.tickers import normalise_exchange
from ...relevance import FIELD_GROUPS, corrected_words
from ...schema import (
    DEFAULT_FIELDS,
    EXACT_MARK,
    QUERY_ANALYZER,
    TEXT_ANALYZER,
    WORD_FAMILIES,
    WORD_PATTERN,
    exact_form,
)
from ..hits import SNIPPET_CHARS, plain_snippet
from .rank import stats_for

# Words of context kept before the first marked word of a snippet.
SNIPPET_LEAD_CHARS = 60
# Snippets are looked for in the opening of a long text only.
SNIPPET_SCAN_CHARS = 12_000
# Fields a snippet may come from, the release's own text before its boilerplate.
SNIPPET_FIELDS = (("lede", "body"), ("about", "forward_looking", "contacts"))


# ---- Snippets and suggestions -----------------------------------------------------------------

_SPLIT_RE = re.compile(f"({WORD_PATTERN})")  # the words and what lies between them


# The text analyzer as a function of one word (as the index writer runs it): twice as quick as the
# analyzer's token stream on a word alone, which matters for the first snippets of a fresh searcher.
_PIPELINE = word_pipeline(TEXT_ANALYZER)


def _heads_rule_holds() -> bool:
    """Whether every index term of a plain ASCII word starts as the word does (see _term_heads): true of
    this analyzer (lower-casing, accents folded, stop words, Porter2 and word families), checked here so
    that a change of analyzer turns the shortcut off instead of losing marks."""
    if _PIPELINE is None:
        return False
    kinds = [type(item).__name__ for item in TEXT_ANALYZER.items]
    expected = ["RegexTokenizer", "CompoundFilter", "LowercaseFilter", "CharsetFilter", "StopFilter"]
    return kinds == expected + ["PositionFilter", "PressStemFilter"] and all(
        _PIPELINE.term_of(c) in (c, None) for c in "abcdefghijklmnopqrstuvwxyz0123456789"
    )


# Porter2 changes a word only from its third letter on (its R1 region and suffixes; a 1-letter stem is
# the first letter; a few listed exceptions aside, "dying" -> "die"), so a plain ASCII word can stand for
# a term only if it starts with the term's first two letters (or with those of a word family's other
# stems, "sold" for "sell", or of an exception). Snippets then stem only
# the few words that can match instead of every word of the text (most of a fresh query's snippet time).
_HEADS_RULE = _heads_rule_holds()


@functools.lru_cache(maxsize=4096)
def _term_heads(terms: frozenset[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The openings (first two letters, lower case; then one-letter terms) of the plain words that can
    stand for the terms."""
    if not _HEADS_RULE:
        return None
    # A word's own form ("=estate") starts, after its mark, as the word does.
    bare = {t[len(EXACT_MARK) :] if t.startswith(EXACT_MARK) else t for t in terms}
    heads = {t[:2] for t in bare if len(t) > 1}
    heads.update(stem[:2] for stem, family in WORD_FAMILIES.items() if family in terms)
    heads.update(word[:2] for word, stem in PORTER2_EXCEPTIONS.items() if WORD_FAMILIES.get(stem, stem) in terms)
    return frozenset(heads), frozenset(t for t in bare if len(t) == 1)


def _candidates(words, heads: tuple[frozenset[str], frozenset[str]] | None):
    """The words that may stand for a term with these openings: all but plain ASCII words (no accent,
    no capital after the first letter, no dot: not a compound) whose opening is none of them."""
    if heads is None:
        return words
    twos, ones = heads
    return [
        w
        for w in words
        if w[:2].lower() in twos
        or (ones and w[:1].lower() in ones)
        or not w.isascii()
        or "." in w
        or w[1:] != w[1:].lower()
    ]


@functools.lru_cache(maxsize=200_000)
def _word_terms(word: str) -> tuple[str, ...]:
    """The index terms a word of running text stands for: itself and, for a compound name, its parts."""
    if _PIPELINE is None or not _PIPELINE.expression.fullmatch(word):
        return tuple(tok.text for tok in TEXT_ANALYZER(word))
    term = _PIPELINE.term_of(word)
    parts = _PIPELINE.parts_of(word) if _PIPELINE.parts_of is not None else []
    return (term, *parts) if term is not None else tuple(parts)


def highlight_terms(tree, clauses=()) -> set[str]:
    """Index terms to mark in snippets: the query's words (stemmed like the index) and their alternatives."""
    words: set[str] = set()
    for clause in clauses:
        for alt in clause.alternatives:
            if alt.weight > 0 and len(alt.terms) <= 50:
                words.update(alt.terms)

    def walk(node):
        if isinstance(node, (q.Term, q.Fuzzy, q.Prefix)) and node.field not in (
            "ticker",
            "exchange",
            "type",
            "language",
        ):
            words.update(tok.text for tok in QUERY_ANALYZER(node.text))
        elif isinstance(node, q.Phrase):
            for word in node.words:
                words.update(tok.text for tok in QUERY_ANALYZER(word))
        for child in getattr(node, "children", ()):
            walk(child)

    if not clauses:
        walk(tree)
    return words


# The former name, kept for callers.
_highlight_terms = highlight_terms


def make_snippet(stored: dict, terms: set[str]) -> str:
    """The passage holding the most different query words, those words marked; escaped text, only
    <mark> added. The release's own text is tried before its boilerplate."""
    if terms:
        for group in SNIPPET_FIELDS:
            text = "\n\n".join(stored.get(f) or "" for f in group).strip()[:SNIPPET_SCAN_CHARS]
            matches = _marked_words(text, terms)
            if matches:
                return _passage(text, matches)
    return plain_snippet(stored)


def _marked_words(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, index term) of each word of text that stands for one of the terms, in text order."""
    # One split gives every word and, by summing lengths, where it stands; each different word is
    # looked up once (a release repeats its words), instead of a regex match object per word.
    parts = _SPLIT_RE.split(text)
    words = parts[1::2]
    marked: dict[str, str] = {}
    for word in _candidates(set(words), _term_heads(frozenset(terms))):
        word_terms = _word_terms(word)
        if not terms.isdisjoint(word_terms):
            marked[word] = next(t for t in word_terms if t in terms)
    if not marked:
        return []
    starts = list(accumulate(map(len, parts), initial=0))  # starts[i]: where parts[i] begins
    return [(starts[2 * i + 1], starts[2 * i + 2], marked[w]) for i, w in enumerate(words) if w in marked]


def _passage(text: str, matches: list[tuple[int, int, str]]) -> str:
    # The window of SNIPPET_CHARS starting at a match that holds the most different words, then the most.
    best, best_key = 0, (-1, -1)
    ends = [m[1] for m in matches]  # rising: words do not overlap
    for i, (start, _, _) in enumerate(matches):
        inside = bisect_right(ends, start + SNIPPET_CHARS - SNIPPET_LEAD_CHARS, lo=i)
        key = (len({m[2] for m in matches[i:inside]}), inside - i)
        if key > best_key:
            best, best_key = i, key
    first = matches[best][0]
    begin = max(0, first - SNIPPET_LEAD_CHARS)
    if begin:
        space = text.find(" ", begin, first)
        begin = space + 1 if space >= 0 else first
    end = min(len(text), begin + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    numbers: dict[str, int] = {}
    out, cursor = [], begin
    for start, stop, term in matches:
        if start < begin or stop > end:
            continue
        number = numbers.setdefault(term, len(numbers))
        out.append(html.escape(text[cursor:start]))
        out.append(f'<mark class="hl term{number}">{html.escape(text[start:stop])}</mark>')
        cursor = stop
    out.append(html.escape(text[cursor:end]))
    snippet = " ".join("".join(out).split())
    return ("… " if begin > 0 else "") + snippet + (" …" if end < len(text) else "")


def suggest_correction(searcher, words: list[str]) -> str | None:
    """'Did you mean': words the index does not know (or barely knows) replaced by close, commoner spellings
    from the index's own vocabulary."""
    if not words:
        return None
    return corrected_words(stats_for(searcher), words, _analyzed)


# ---- Translating the query tree -----------------------------------------------------------------


def _text_fields(field: str | None) -> tuple[str, ...]:
    return DEFAULT_FIELDS if field is None else FIELD_GROUPS.get(field, (field,))


def _analyzed(text: str) -> list[str]:
    return [tok.text for tok in QUERY_ANALYZER(text)]


def translate(node, expansions: dict | None = None) -> wq.Query:
    """Translate a backend-neutral query tree into a Whoosh query.

    expansions maps leaves of the tree to the Whoosh query that replaces them (a word with its likely
    spellings and long form, a wildcard with the index words it stands for).
    """
    if expansions and node in expansions:
        return expansions[node]
    if isinstance(node, q.MatchAll):
        return wq.Every()
    if isinstance(node, q.Term):
        return _term(node)
    if isinstance(node, q.Phrase):
        words = [w for word in node.words for w in _analyzed(word)]
        if not words:
            return wq.NullQuery
        subs = [
            wq.Phrase(f, words, slop=node.slop) if len(words) > 1 else wq.Term(f, words[0])
            for f in _text_fields(node.field)
        ]
        return wq.Or(subs)
    if isinstance(node, q.Near):
        return _near(node)
    if isinstance(node, q.Prefix):
        if node.field == "ticker":
            return wq.Prefix("symbol", node.text.lower())
        text = node.text.lower()
        return wq.Or([wq.Prefix(f, text) for f in _text_fields(node.field)])
    if isinstance(node, q.Wildcard):
        if node.field == "ticker":
            return wq.Wildcard("symbol", node.pattern.lower())
        pattern = node.pattern.lower()
        return wq.Or([wq.Wildcard(f, pattern) for f in _text_fields(node.field)])
    if isinstance(node, q.Fuzzy):
        text = node.text.lower()
        return wq.Or([wq.FuzzyTerm(f, text, maxdist=node.distance, prefixlength=1) for f in _text_fields(node.field)])
    if isinstance(node, q.DateRange):
        if node.end is not None and node.end <= datetime.min:
            return wq.NullQuery  # "date:<0001-01-01": before the calendar starts, nothing
        end = node.end - timedelta(microseconds=1) if node.end else None
        return wq.DateRange("date", node.start, end)
    if isinstance(node, q.Not):
        return wq.Not(translate(node.child, expansions))
    if isinstance(node, q.And):
        subs = [translate(c, expansions) for c in node.children]
        if all(isinstance(c, q.Not) for c in node.children):
            subs.insert(0, wq.Every())
        return wq.And(subs)
    if isinstance(node, q.Or):
        return wq.Or([translate(c, expansions) for c in node.children])
    if isinstance(node, q.Ranked):
        # Any word may match; rank.py ranks releases matching more of them higher.
        return wq.Or([translate(c, expansions) for c in node.children])
    raise QueryError(f"cannot run this part of the query: {node!r}")


def _term(node: q.Term) -> wq.Query:
    field = node.field
    text = node.text
    if field == "ticker":
        if ":" in text:
            exchange, symbol = text.split(":", 1)
            return wq.Term("ticker", f"{normalise_exchange(exchange)}:{symbol.upper()}")
        return wq.Term("symbol", text.lower())
    if field == "exchange":
        return wq.Term("exchange", normalise_exchange(text))
    if field == "cik":
        return wq.Term("cik", text.lstrip("0") or text)  # "0000320193" and "320193" alike
    if field == "issuer":
        return wq.Term("issuer_id", text.lower())
    if field == "type":
        return wq.Or([wq.Term("type", text.lower()), wq.Wildcard("type", f"*{text.lower()}*")])
    if field == "language":
        return wq.Term("language", text.lower())
    words = _analyzed(text)
    if not words:
        return wq.NullQuery
    fields_ = _text_fields(field)
    exact = exact_form(text) if node.exact else None
    if exact is not None:
        return wq.Or([wq.Term(f, exact) for f in fields_], boost=node.boost)
    if len(words) > 1:
        # "T-Mobile" or "Kimberly-Clark" analyse to several words: they must stand together.
        return wq.Or([wq.Phrase(f, words) for f in fields_])
    return wq.Or([wq.Term(f, words[0]) for f in fields_], boost=node.boost)


def _near(node: q.Near) -> wq.Query:
    """Each word or phrase within node.distance words of the next, either order, in one field at a time."""
    parts = []
    for child in node.children:
        words = [w for word in (child.words if isinstance(child, q.Phrase) else (child.text,)) for w in _analyzed(word)]
        if words:
            parts.append((child.field, words, child.slop if isinstance(child, q.Phrase) else 1))
    if not parts:
        return wq.NullQuery
    fields_ = [f for f in DEFAULT_FIELDS if all(field is None for field, _, _ in parts)]
    if not fields_:
        named = {field for field, _, _ in parts if field is not None}
        fields_ = [f for name in named for f in _text_fields(name)] if len(named) == 1 else []
    subs = []
    for fieldname in fields_:
        units = [
            wq.Term(fieldname, words[0])
            if len(words) == 1
            else spans.SpanNear2([wq.Term(fieldname, w) for w in words], slop=slop)
            for _, words, slop in parts
        ]
        subs.append(units[0] if len(units) == 1 else spans.SpanNear2(units, slop=node.distance, ordered=False))
    return wq.Or(subs) if subs else wq.NullQuery


def expansions_for(clauses) -> dict:
    """The leaves of a query tree that the relevance clauses widened, with the Whoosh queries that replace them."""
    return {
        clause.leaf: clause_query(clause) for clause in clauses if len(clause.alternatives) > 1 or _expanded(clause)
    }


def _expanded(clause) -> bool:
    return isinstance(clause.leaf, (q.Prefix, q.Wildcard, q.Fuzzy)) or any(a.symbol for a in clause.alternatives)


def clause_query(clause) -> wq.Query:
    """Everything a clause matches, alternatives included, as a Whoosh query."""
    return wq.Or([alternative_query(a) for a in clause.alternatives])


def alternative_query(alt) -> wq.Query:
    """The Whoosh query matching what one alternative of a clause matches."""
    subs: list[wq.Query] = []
    for fieldname in alt.fields:
        if alt.phrase:
            subs.append(wq.Phrase(fieldname, list(alt.terms), slop=alt.slop))
        else:
            subs.extend(wq.Term(fieldname, term) for term in alt.terms)
    if alt.symbol:
        subs.append(wq.Term("symbol", alt.symbol))
    return wq.Or(subs) if subs else wq.NullQuery
