"""The JSON forms are written out by hand for speed: they must still carry every field, as asdict would."""

from __future__ import annotations

from dataclasses import asdict, fields

import pytest

from indexer.model import Facet, FacetValue, Hit, Page


def _hit(score):
    return Hit(
        id="abc",
        path="seeds/a.txt",
        headline="ImmunoGen reports",
        date="2011-10-20",
        tickers=["NASDAQ:IMGN"],
        company="ImmunoGen, Inc.",
        wire="Business Wire",
        score=score,
        snippet="<mark>x</mark>",
        location="Waltham",
        types=["earnings"],
        duplicates=[{"id": "def", "path": "b.txt", "wire": "PR Newswire", "date": "2011-10-20"}],
    )


@pytest.mark.parametrize("score", [None, 1.234567891])
def test_hit_json_has_every_field_as_asdict_would(score):
    hit = _hit(score)
    expected = asdict(hit)
    expected["score"] = None if score is None else round(score, 4)
    assert hit.to_json() == expected
    assert set(hit.to_json()) == {f.name for f in fields(Hit)}


def test_page_json_does_not_share_lists_with_the_page():
    page = Page(
        query="q",
        total=1,
        page=1,
        per_page=10,
        hits=[_hit(2.0)],
        facets={"wire": Facet("wire", [FacetValue("Business Wire", 1, True)])},
        timeline=[{"period": "2011-10", "count": 1}],
    )
    data = page.to_json()
    assert data["facets"]["wire"] == [{"value": "Business Wire", "count": 1, "selected": True}]
    data["hits"][0]["tickers"].append("X")
    data["timeline"][0]["count"] = 99
    assert page.hits[0].tickers == ["NASDAQ:IMGN"] and page.timeline[0]["count"] == 1
