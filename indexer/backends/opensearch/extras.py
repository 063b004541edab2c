"""What a page's hits carry besides their own fields, asked for inside the page's own request.

A hit lists its copies (the other documents of its fold group) and a some-words hit the words it lacks. The
page's query carries them in clauses that score nothing and match nothing of their own (a `bool` of filters only, in `should` beside the ranked query, which keeps its
exact score: a sum plus 0):

- copies: a representative's copies are its children in the join field (representatives.py), so
  `has_child` with inner hits lists them, sorted by release id, as the Whoosh backend lists a group's others.
  A hit that is itself a copy (an orphan: its representative did not match) has a parent and siblings
  instead; those rare hits are still listed by a request of their own (backend._add_copies).
- missing words: each optional word of the query as a named filter; a hit's matched_queries name the words it
  holds.
"""

from __future__ import annotations

from ...match_mode import label, optional_words
from . import dsl as oq
from .schema import COPY, PARENT_FIELD

COPIES = "copies"
COPY_FIELDS = ("id", "source", "path", "wire_facet", "date_text")
MAX_COPIES = 100  # other copies listed per hit (OpenSearch's index.max_inner_result_window is 100)


def with_extras(query: dict, copies: bool = False, named: list[dict] | None = None) -> dict:
    """query, ranked and matching as before, also listing each hit's copies (copies) and which named filters
    it passes (named)."""
    extras = list(named or [])
    if copies:
        children = {
            "has_child": {
                "type": COPY,
                "query": {"match_all": {}},
                "score_mode": "none",
                "inner_hits": {
                    "name": COPIES,
                    "size": MAX_COPIES,
                    "_source": list(COPY_FIELDS),
                    "sort": [{"id": "asc"}],
                },
            }
        }
        extras.append({"bool": {"filter": [children]}})
    if not extras:
        return query
    return {"bool": {"must": [query], "should": extras}}


def copies_listed(found: dict) -> list[dict] | None:
    """The _source of a hit's copies as its inner hits list them; None when the page's request did not list
    them (a hit that is a copy itself, or a request without them)."""
    if PARENT_FIELD in (found.get("_source") or {}):
        return None
    inner = (found.get("inner_hits") or {}).get(COPIES)
    if inner is None:
        return None
    return [h["_source"] for h in inner["hits"]["hits"]]


def named_words(tree, expansions: dict) -> tuple[list, list[dict]]:
    """The query's optional words, and a named filter for each that can match (named by its position)."""
    words = optional_words(tree)
    named = []
    for n, word in enumerate(words):
        dsl = oq.translate(word, expansions)
        if dsl is not None:
            named.append({"bool": {"filter": [oq.match_only(dsl)], "_name": str(n)}})
    return words, named


def missing_words(words: list, found: dict) -> list[str]:
    """The words (as typed) a hit lacks, from the named filters it matched."""
    matched = set(found.get("matched_queries") or ())
    return [label(w) for n, w in enumerate(words) if str(n) not in matched]
