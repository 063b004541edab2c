"""Facets, the timeline, statistics and completions shaped from counts (indexer/facets.py), as both backends use."""

from __future__ import annotations

import random
from datetime import date

import pytest

from indexer.facets import DATE_FACETS, YEARS_AFTER_MONTHS, completions, facet, index_stats, timeline


def _months(count: int, start_year: int = 2015) -> list[str]:
    return [f"{start_year + i // 12}-{i % 12 + 1:02d}" for i in range(count)]


@pytest.mark.parametrize("spanned", [1, 12, YEARS_AFTER_MONTHS])
def test_timeline_counts_months_up_to_three_years(spanned):
    rng = random.Random(spanned)
    counts = {month: rng.randint(1, 9) for month in _months(spanned)}
    shuffled = list(counts.items())
    rng.shuffle(shuffled)
    assert timeline(shuffled) == [{"period": m, "count": n} for m, n in sorted(counts.items())]


@pytest.mark.parametrize("spanned", [YEARS_AFTER_MONTHS + 1, 60, 125])
def test_timeline_counts_years_over_three_years(spanned):
    rng = random.Random(spanned)
    counts = {month: rng.randint(1, 9) for month in _months(spanned)}
    periods = timeline(counts.items())
    assert [p["period"] for p in periods] == sorted({m[:4] for m in counts})
    for period in periods:
        assert period["count"] == sum(n for m, n in counts.items() if m.startswith(period["period"]))


def test_timeline_leaves_out_months_without_releases():
    months = [(m, 0 if i % 2 else 3) for i, m in enumerate(_months(2 * YEARS_AFTER_MONTHS))]
    # Only the months with releases count towards the three years.
    assert [p["period"] for p in timeline(months)] == [m for m, n in months if n]


@pytest.mark.parametrize("name", sorted(DATE_FACETS))
def test_date_facets_list_newest_first(name):
    values = [("2019", 5), ("2024", 2), ("2021", 9)]
    assert [v.value for v in facet(name, values).values] == ["2024", "2021", "2019"]


@pytest.mark.parametrize("name", ["ticker", "wire", "company"])
def test_other_facets_keep_the_rank_order_given(name):
    values = [("b", 9), ("c", 5), ("a", 2), ("d", 0)]
    shown = facet(name, values).values
    assert [(v.value, v.count, v.selected) for v in shown] == [("b", 9, False), ("c", 5, False), ("a", 2, False)]


@pytest.mark.parametrize("selected", [["nasdaq:abc"], ["NASDAQ:ABC"], ["Nasdaq:Abc", "nyse:xyz"]])
def test_selected_values_are_listed_even_outside_the_top(selected):
    top = [("NYSE:BIG", 40), ("NYSE:XYZ", 3)]
    others = [("NASDAQ:ABC", 1), ("NASDAQ:OTHER", 7), ("NYSE:XYZ", 3)]
    shown = facet("ticker", top, selected, others).values
    keys = {s.casefold() for s in selected}
    assert [v.value for v in shown[: len(top)]] == ["NYSE:BIG", "NYSE:XYZ"]
    assert {v.value for v in shown if v.selected} == {v for v, _ in [*top, *others] if v.casefold() in keys}
    assert len({v.value for v in shown}) == len(shown)  # a selected top value is not listed twice
    assert "NASDAQ:OTHER" not in {v.value for v in shown}


@pytest.mark.parametrize("limit", [1, 3, 10])
def test_completions_go_most_frequent_first_then_by_value(limit):
    found = [{"kind": "ticker", "value": v, "count": n} for v, n in [("b", 2), ("a", 2), ("c", 5), ("d", 1)]]
    expected = sorted(found, key=lambda d: (-d["count"], d["value"]))[:limit]
    assert completions(found, limit) == expected
    assert [d["value"] for d in completions(found, 10)] == ["c", "a", "b", "d"]


@pytest.mark.parametrize("first", [None, date(2011, 3, 4)])
def test_index_stats_shape(first):
    top = {"year": facet("year", [("2011", 3), ("2012", 4)])}
    stats = index_stats("whoosh", "/x", 7, first, date(2012, 1, 2) if first else None, top, url="u")
    assert stats["first_date"] == (first.isoformat() if first else None)
    assert stats["top"] == {"year": [{"value": "2012", "count": 4}, {"value": "2011", "count": 3}]}
    assert list(stats)[:3] == ["backend", "path", "url"]
