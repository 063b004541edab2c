"""Autocomplete reads what a search box holds before a ticker or name: a cashtag's $ and a field of the query
language ("$IMGN", "ticker:imgn", "company: immuno") complete as the ticker or name itself."""

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
