"""Facets, the timeline, index statistics and completions shaped from counts either backend supplies."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .model import Facet, FacetValue

# Facets of dates list their values newest first, not by count.
DATE_FACETS = frozenset({"year", "month"})
# A timeline over more months than this (three years) counts years.
YEARS_AFTER_MONTHS = 36
# The facets whose top values `releases stats` and the home page show, and how many of each.
STATS_FACETS = ("ticker", "wire", "year", "type")
STATS_TOP = 10


def facet(
    name: str, top: Iterable[tuple[str, int]], selected: Iterable[str] = (), others: Iterable[tuple[str, int]] = ()
) -> Facet:
    """A Facet from its top (value, count) pairs in rank order, each flagged when selected (case-insensitively);
    then the selected values among others (value, count) that the top ones leave out; dates newest first."""
    keys = {value.casefold() for value in selected}
    shown = [FacetValue(value, count, value.casefold() in keys) for value, count in top if count > 0]
    if keys:
        listed = {v.value.casefold() for v in shown}
        shown += [
            FacetValue(value, count, True)
            for value, count in others
            if value.casefold() in keys and value.casefold() not in listed
        ]
    if name in DATE_FACETS:
        shown.sort(key=lambda v: v.value, reverse=True)
    return Facet(name, shown)


def timeline(months: Iterable[tuple[str, int]]) -> list[dict]:
    """Matching releases per month ("YYYY-MM", count) in date order, or per year over more than three years."""
    periods = sorted((month, count) for month, count in months if count > 0)
    if len(periods) > YEARS_AFTER_MONTHS:
        years: dict[str, int] = {}
        for month, count in periods:
            years[month[:4]] = years.get(month[:4], 0) + count
        periods = sorted(years.items())
    return [{"period": period, "count": count} for period, count in periods]


def index_stats(
    backend: str, path: str, releases: int, first: date | None, last: date | None, top: dict[str, Facet], **more
) -> dict:
    """What `releases stats` prints and the home page shows: the release count, date range and top values."""
    return {
        "backend": backend,
        "path": path,
        **more,
        "releases": releases,
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "top": {name: [{"value": v.value, "count": v.count} for v in found.values] for name, found in top.items()},
    }


def completions(found: Iterable[dict], limit: int) -> list[dict]:
    """Completion suggestions ({kind, value, count}), most frequent first, then by value; at most limit."""
    return sorted(found, key=lambda d: (-d["count"], d["value"]))[:limit]
