"""Wildcards and ~ in field clauses on the API: fields matched whole (issuer ids, exchanges) refuse them with a 400
saying what to write (a pattern on an issuer id failed the search with a 500); fields that take them answer."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("query", ["issuer:nasdaq-im?n", "issuer:nasdaq-imgn~", "issuer:nasdaq-im*", "exchange:NAS*"])
def test_a_pattern_on_a_field_matched_whole_is_a_bad_request(client, query):
    response = client.get("/api/search", query_string={"q": query})
    assert response.status_code == 400
    body = response.get_json()
    assert body["ok"] is False and body["status"] == 400 and "takes a whole value" in body["error"]


@pytest.mark.parametrize(
    ("query", "total"),
    [("ticker:IMG*", 2), ("ticker:IM?N", 2), ("type:earn*", 1), ("company:immuno*", 2), ("issuer:nasdaq-imgn", 2)],
)
def test_patterns_on_fields_that_take_them_still_answer(client, query, total):
    response = client.get("/api/search", query_string={"q": query})
    assert response.status_code == 200 and response.get_json()["total"] == total
