"""Ways out of an empty result: each word or filter of a search left out in turn, with what that would find."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from .model import QueryError

# Words of a query as a user would drop them: a quoted phrase, a field:value (a range too) or a word.
_PART_RE = re.compile(r'[-+]?(?:\w+:)?(?:"[^"]*"|\[[^\]]*\]|\{[^}]*\}|\S+)')
MAX_RELAXATIONS = 12
# Words left out one at a time only in a query of at most this many parts: each is a search of the rest, so a
# long query of made-up words would cost as many searches as it has words (seconds of CPU for one page).
MAX_RELAXED_WORDS = 12


@dataclass
class Relaxation:
    """One thing to leave out of a search, and how many releases the search finds without it."""

    kind: str  # "word", a facet name ("ticker", "wire", ...), "from" or "to"
    value: str  # the word, or the filter's value
    query: str  # the query text without it (the same text when a filter is left out)
    total: int


def query_parts(query: str) -> list[str]:
    """The words, phrases and field:value parts of a query, as typed."""
    return [part for part in _PART_RE.findall(query or "") if part.upper() not in ("AND", "OR", "NOT")]


def relaxations(index, request) -> list[Relaxation]:
    """For a search that found nothing: each word and each filter left out in turn, with the releases the
    search would find then; the most helpful first (a few counts per search, run without facets or hits)."""
    found: list[Relaxation] = []
    parts = query_parts(request.query)

    def total(**changes) -> int | None:
        changed = copy.copy(request)
        changed.facets, changed.page, changed.per_page, changed.snippets = (), 1, 1, False
        changed.filters = {k: list(v) for k, v in request.filters.items()}
        for name, value in changes.items():
            setattr(changed, name, value)
        try:
            return index.search(request=changed).total
        except QueryError:
            return None  # what is left is not a query (a dangling OR): not a way out

    if 1 < len(parts) <= MAX_RELAXED_WORDS:
        for i, part in enumerate(parts):
            rest = " ".join(parts[:i] + parts[i + 1 :])
            count = total(query=rest)
            if count:
                found.append(Relaxation("word", part, rest, count))
    for name, values in request.filters.items():
        for value in values:
            kept = {k: [v for v in vs if not (k == name and v == value)] for k, vs in request.filters.items()}
            count = total(filters={k: vs for k, vs in kept.items() if vs})
            if count:
                found.append(Relaxation(name, value, request.query, count))
    for name, attr in (("from", "date_from"), ("to", "date_to")):
        if getattr(request, attr) is not None:
            count = total(**{attr: None})
            if count:
                found.append(Relaxation(name, getattr(request, attr).isoformat(), request.query, count))
    if request.tickers:
        count = total(tickers=[])
        if count:
            found.append(Relaxation("ticker", ", ".join(request.tickers), request.query, count))
    found.sort(key=lambda r: -r.total)
    return found[:MAX_RELAXATIONS]
