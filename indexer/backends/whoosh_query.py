"""Relevance on Whoosh: the query tree translated into Whoosh queries, snippets and spelling suggestions."""

from __future__ import annotations

import html
import re
from datetime import timedelta

from whoosh import highlight
from whoosh import query as wq

from .. import query as q
from ..model import QueryError
from ..parse.tickers import normalise_exchange
from ..schema import DEFAULT_FIELDS, TEXT_ANALYZER

# Fields that `field:` names search in, for logical fields spanning several index fields.
FIELD_GROUPS = {
    "headline": ("headline", "subheadline"),
    "body": ("lede", "body", "about", "forward_looking", "contacts"),
    "lede": ("lede",),
    "subheadline": ("subheadline",),
    "about": ("about",),
    "company": ("company",),
    "location": ("location",),
    "wire": ("wire",),
}
SNIPPET_CHARS = 240


# ---- Snippets and suggestions -----------------------------------------------------------------

_FRAGMENTER = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
_FORMATTER = highlight.HtmlFormatter(tagname="mark", classname="hl", between=" … ")


def _highlight_terms(tree) -> set[str]:
    """Analyzed words of the query (stemmed like the index) to highlight in snippets."""
    words = set()

    def walk(node):
        if isinstance(node, (q.Term, q.Fuzzy, q.Prefix)) and node.field not in (
            "ticker",
            "exchange",
            "type",
            "language",
        ):
            words.update(tok.text for tok in TEXT_ANALYZER(node.text))
        elif isinstance(node, q.Phrase):
            for word in node.words:
                words.update(tok.text for tok in TEXT_ANALYZER(word))
        for child in getattr(node, "children", ()):
            walk(child)

    walk(tree)
    return words


def make_snippet(stored: dict, terms: set[str]) -> str:
    """The best-matching passage with query words marked; escaped text, only <mark> added."""
    if terms:
        for fieldname in ("lede", "body", "about"):
            text = stored.get(fieldname) or ""
            if not text:
                continue
            found = highlight.highlight(
                text, frozenset(terms), TEXT_ANALYZER, _FRAGMENTER, _FORMATTER, top=2, minscore=1
            )
            if found:
                return found
    return _plain_snippet(stored)


def _plain_snippet(stored: dict) -> str:
    text = stored.get("lede") or stored.get("body") or ""
    if len(text) > SNIPPET_CHARS:
        text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(text)


def suggest_correction(searcher, words: list[str]) -> str | None:
    """'Did you mean': replace words the index does not know with close words it does."""
    if not words:
        return None
    reader = searcher.reader()
    changed, out = False, []
    for word in words:
        tokens = [t.text for t in TEXT_ANALYZER(word)]
        known = not tokens or any(
            reader.doc_frequency(f, t) > 0 for t in tokens for f in ("headline", "lede", "body", "company")
        )
        if known or not word.isalpha():
            out.append(word)
            continue
        best = None
        for fieldname in ("headline", "body"):
            options = searcher.corrector(fieldname).suggest(word.lower(), limit=1, maxdist=2)
            if options:
                best = options[0]
                break
        if best and best != word.lower():
            out.append(best)
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None


# ---- Translating the query tree -----------------------------------------------------------------


def _text_fields(field: str | None) -> tuple[str, ...]:
    return DEFAULT_FIELDS if field is None else FIELD_GROUPS.get(field, (field,))


def _analyzed(text: str) -> list[str]:
    return [tok.text for tok in TEXT_ANALYZER(text)]


def translate(node) -> wq.Query:
    """Translate a backend-neutral query tree into a Whoosh query."""
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
    if isinstance(node, q.Prefix):
        text = node.text.lower()
        return wq.Or([wq.Prefix(f, text) for f in _text_fields(node.field)])
    if isinstance(node, q.Wildcard):
        pattern = node.pattern.lower()
        return wq.Or([wq.Wildcard(f, pattern) for f in _text_fields(node.field)])
    if isinstance(node, q.Fuzzy):
        text = node.text.lower()
        return wq.Or([wq.FuzzyTerm(f, text, maxdist=node.distance, prefixlength=1) for f in _text_fields(node.field)])
    if isinstance(node, q.DateRange):
        end = node.end - timedelta(microseconds=1) if node.end else None
        return wq.DateRange("date", node.start, end)
    if isinstance(node, q.Not):
        return wq.Not(translate(node.child))
    if isinstance(node, q.And):
        subs = [translate(c) for c in node.children]
        if all(isinstance(c, q.Not) for c in node.children):
            subs.insert(0, wq.Every())
        return wq.And(subs)
    if isinstance(node, q.Or):
        return wq.Or([translate(c) for c in node.children])
    if isinstance(node, q.Ranked):
        # Any word may match; releases matching more of them score higher (coordination).
        return wq.Or([translate(c) for c in node.children], scale=0.9)
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
    if field == "type":
        return wq.Or([wq.Term("type", text.lower()), wq.Wildcard("type", f"*{text.lower()}*")])
    if field == "language":
        return wq.Term("language", text.lower())
    words = _analyzed(text)
    if not words:
        return wq.NullQuery
    fields_ = _text_fields(field)
    if len(words) > 1:
        # "T-DM1" or "U.S." analyse to several words: they must stand together.
        return wq.Or([wq.Phrase(f, words) for f in fields_])
    subs = [wq.Term(f, words[0]) for f in fields_]
    if field is None and re.fullmatch(r"[A-Za-z]{1,5}(?:\.[A-Za-z]{1,2})?", text):
        # A ticker typed as a plain word favours that issuer's releases.
        subs.append(wq.Term("symbol", text.lower(), boost=3.0))
    return wq.Or(subs, boost=node.boost)
