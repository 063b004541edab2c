"""Relevance on Whoosh: the query tree translated into Whoosh queries, and spelling suggestions.

Ranking itself (BM25F over sections, coordination, typo tolerance, proximity) lives in rank.py (its rules in indexer/relevance.py);
its clauses widen the match set here so that counts and ranking cover the same releases.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from whoosh import query as wq
from whoosh.query import spans

from ... import query as q
from ...model import QueryError
from ...parse.tickers import normalise_exchange
from ...relevance import FIELD_GROUPS, corrected_words
from ...schema import (
    DEFAULT_FIELDS,
    QUERY_ANALYZER,
    exact_form,
)
from .rank import stats_for


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
