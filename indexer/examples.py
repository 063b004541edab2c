"""Example searches taken from the open index (its commonest issuer, latest month, commonest type), each
checked to find something: a home page's examples that work on whatever was indexed."""

from __future__ import annotations

from dataclasses import dataclass

from .model import QueryError

MAX_EXAMPLES = 6


@dataclass
class Example:
    """One example search: the query, what it shows, and how many releases it finds."""

    query: str
    what: str
    total: int


def _quoted(value: str) -> str:
    return f'"{value}"' if any(c.isspace() or c in ':"()' for c in value) else value


def example_searches(index) -> list[Example]:
    """Up to six searches built from the index's own values, those that find nothing left out."""
    stats = index.stats()
    top = stats.get("top", {})
    # Each group offers searches to try in turn; the first that finds something is shown.
    candidates: list[list[tuple[str, str]]] = []
    tickers = top.get("ticker") or []
    company = None
    if tickers:
        symbol = tickers[0]["value"].split(":")[-1]
        candidates.append([(f"ticker:{symbol}", "the issuer with the most releases")])
        first = index.search(f"ticker:{symbol}", per_page=1, facets=(), snippets=False).hits
        company = first[0].company if first else None
    last = stats.get("last_date")
    types = top.get("type") or []
    if last:
        month = [(f"date:{last[:7]}", "the latest month")]
        if types:
            month.insert(0, (f"date:{last[:7]} type:{_quoted(types[0]['value'])}", "the latest month, one type"))
        candidates.append(month)
    if types:
        candidates.append([(f"type:{_quoted(types[0]['value'])}", "the commonest release type")])
    candidates.append([('"conference call"', "a phrase"), ('"first quarter"', "a phrase")])
    candidates.append([("merger OR acquisition -lawsuit", "boolean logic"), ("results OR earnings", "either word")])
    if company:
        word = next((w for w in company.split() if len(w) >= 5 and w.isalpha()), None)
        if word:
            candidates.append([(f"{word[:4].lower()}*", "a prefix")])
    found = []
    for group in candidates:
        for query, what in group:
            try:
                total = index.search(query, per_page=1, facets=(), snippets=False).total
            except QueryError:
                continue
            if total:
                found.append(Example(query, what, total))
                break
    return found[:MAX_EXAMPLES]
