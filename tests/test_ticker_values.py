"""`ticker:` with an exchange and no symbol ("ticker:NASDAQ:", or a space before the symbol) is refused with the
form to write, instead of quietly matching nothing; written whole it still finds the listing."""

from __future__ import annotations

import pytest

from indexer.model import QueryError
from indexer.query import parse_query


@pytest.mark.parametrize("text", ["ticker:NASDAQ:", "ticker:NASDAQ: ACME", "ticker: NYSE:", "acme ticker:TSXV:"])
def test_an_exchange_without_a_symbol_is_refused_with_the_form(text):
    with pytest.raises(QueryError, match=r"needs a symbol right after the exchange, e\.g\. ticker:NASDAQ:IMGN"):
        parse_query(text)


@pytest.mark.parametrize(("text", "value"), [("ticker:NASDAQ:ACME", "NASDAQ:ACME"), ("ticker:ACME", "ACME")])
def test_a_listing_or_symbol_written_whole_is_read(text, value):
    tree = parse_query(text).tree
    assert (tree.field, tree.text) == ("ticker", value)


def test_the_api_answers_it_in_the_error_shape(web):
    found = web.get("/api/search", query_string={"q": "ticker:NASDAQ:"})
    assert found.status_code == 400 and "needs a symbol right after the exchange" in found.get_json()["error"]
