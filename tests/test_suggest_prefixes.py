"""Cashtags and query fields typed before a ticker or name: autocomplete completes "$IMGN", "ticker:imgn" and
"company: immuno" as the ticker or name itself, and a search for "$IMGN" (query or ticker filter) finds the issuer."""

from __future__ import annotations

import pytest

from indexer.search import completion_prefix


@pytest.mark.parametrize(
    ("typed", "prefix"),
    [
        ("$QFWX", "QFWX"),
        ("  $qf", "qf"),
        ("ticker:QFWX", "QFWX"),
        ("TICKER: qf", "qf"),
        ("symbol:$qf", "qf"),
        ("company:Quillfeather", "Quillfeather"),
        ("issuer:nasdaq-qf", "nasdaq-qf"),
        ("Quillfeather Widgets", "Quillfeather Widgets"),
        ("NASDAQ:QF", "NASDAQ:QF"),  # an exchange is part of the listing, not a field
        ("date:2021", "date:2021"),
        ("", ""),
    ],
)
def test_the_prefix_completed(typed, prefix):
    assert completion_prefix(typed) == prefix


@pytest.mark.parametrize("typed", ["$IMGN", "$im", "ticker:imgn", "company: immuno"])
def test_suggest_completes_cashtags_and_fields(client, typed):
    response = client.get("/api/suggest", query_string={"q": typed})
    assert response.status_code == 200
    assert response.get_json()["suggestions"], typed


@pytest.mark.parametrize(
    "args",
    [{"q": "$IMGN"}, {"q": "$imgn"}, {"q": "ticker:$IMGN"}, {"q": "", "ticker": "$IMGN"}, {"q": "", "ticker": "$imgn"}],
)
def test_a_cashtag_searches_the_issuer(client, args):
    found = client.get("/api/search", query_string=args).get_json()
    assert found["total"] == 2 and all(hit["tickers"] == ["NASDAQ:IMGN"] for hit in found["hits"])
