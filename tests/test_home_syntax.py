"""The query syntax table the home page shows: every example in it runs (none is refused as malformed), and it names
the ways to find one issuer's releases, CIK included."""

from __future__ import annotations

import html
import re

import pytest


def _examples(web) -> list[str]:
    body = web.get("/").get_data(as_text=True)
    table = re.search(r'<section class="syntax".*?</section>', body, re.S).group(0)
    found = [html.unescape(code) for code in re.findall(r"<code>(.*?)</code>", table)]
    # A field name alone ("headline:") and the bracket sketch "( … )" are parts of queries, not queries.
    return [code for code in found if not code.endswith(":") and "…" not in code]


def test_the_table_names_each_way_to_one_issuer(web):
    assert {"ticker:IMGN", "ticker:NASDAQ:IMGN", "cik:320193"} <= set(_examples(web))


def test_every_example_in_the_table_runs(web):
    examples = _examples(web)
    assert len(examples) >= 12
    refused = {}
    for example in examples:
        response = web.get("/api/search", query_string={"q": example, "per_page": 1})
        if response.status_code != 200:
            refused[example] = response.get_json()["error"]
    assert not refused


@pytest.mark.parametrize("words", ["releases with every word", "those with only some of them follow, not counted"])
def test_the_table_says_what_plain_words_count(web, words):
    assert words in web.get("/").get_data(as_text=True)
