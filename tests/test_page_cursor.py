"""Page cursors (after=): each page's `next` opens the results after it, past the result window too, on the
core, the JSON API and the search page (OpenSearch's deep pages: test_opensearch_pages.py)."""

from __future__ import annotations

import re
from html import unescape

import pytest

from indexer.cursor import Cursor, fingerprint
from indexer.model import QueryError
from indexer.search import SearchRequest
from webapp import create_app

SEARCHES = [
    {"query": "", "sort": "newest"},
    {"query": "", "sort": "oldest"},
    {"query": "results"},
    {"query": "results revenue"},  # some-words matches listed after the full ones
    {"query": "results revenue", "match": "any", "sort": "oldest"},
]


def numbered(index, per_page: int, **search) -> list[str]:
    """Every hit's id, page by page number."""
    first = index.search(per_page=per_page, **search)
    ids = [h.id for h in first.hits]
    for number in range(2, first.pages + 1):
        ids += [h.id for h in index.search(per_page=per_page, page=number, **search).hits]
    return ids


def walked(index, per_page: int, **search) -> tuple[list[str], int]:
    """Every hit's id, following each page's next cursor; and the number of pages read."""
    page = index.search(per_page=per_page, **search)
    ids, pages = [h.id for h in page.hits], 1
    while page.next:
        page = index.search(per_page=per_page, after=page.next, **search)
        ids += [h.id for h in page.hits]
        pages += 1
    return ids, pages


@pytest.mark.parametrize("search", SEARCHES, ids=lambda s: f"{s['query'] or 'all'}-{s.get('sort', 'relevance')}")
@pytest.mark.parametrize("per_page", [3, 7])
def test_following_next_lists_what_the_numbered_pages_list(core, search, per_page):
    expected = numbered(core, per_page, **search)
    ids, pages = walked(core, per_page, **search)
    assert ids == expected and len(set(ids)) == len(ids)
    assert pages == -(-len(expected) // per_page)


def test_a_cursor_page_says_where_it_is(core):
    first = core.search("", sort="newest", per_page=5)
    second = core.search("", sort="newest", per_page=5, after=first.next)
    assert (second.page, second.per_page, second.total) == (2, 5, first.total)
    assert second.to_json()["next"] == second.next and second.next != first.next


@pytest.mark.parametrize(
    ("after", "message"),
    [
        ("not a cursor", "the cursor \\(after=\\) cannot be read"),
        ("W1swXQ", "the cursor \\(after=\\) cannot be read"),  # JSON, but not a cursor's
        ("x" * 700, "the cursor \\(after=\\) is too long"),
    ],
)
def test_unreadable_cursors_are_refused(after, message):
    with pytest.raises(QueryError, match=message + ".*take it from a page's 'next'"):
        SearchRequest(query="merger", after=after)


@pytest.mark.parametrize(
    "other",
    [{"query": "acquisition"}, {"query": "merger", "sort": "oldest"}, {"query": "merger", "filters": {"wire": ["x"]}}],
)
def test_a_cursor_of_another_search_is_refused(other):
    cursor = Cursor(10, fingerprint(SearchRequest(query="merger")), "all", (1.5, 7, "abc")).encode()
    assert SearchRequest(query="merger", after=cursor).cursor.values == (1.5, 7, "abc")
    with pytest.raises(QueryError, match="belongs to another search"):
        SearchRequest(after=cursor, **other)


def hrefs(response, pattern: str) -> list[str]:
    found = re.findall(r'href="([^"]*)"', response.get_data(as_text=True))
    return [unescape(h) for h in found if re.search(pattern, unescape(h))]


def test_search_page_goes_on_past_the_window(web_index, core):
    client = create_app({"RELEASES_INDEX": str(web_index), "RESULT_WINDOW": 20}).test_client()
    last_numbered = client.get("/?sort=newest&per_page=10&page=2")
    (onward,) = hrefs(last_numbered, r"after=")
    assert 'rel="next"' in last_numbered.get_data(as_text=True) and "sort=newest" in onward
    beyond = client.get(onward)
    assert beyond.status_code == 200
    body = beyond.get_data(as_text=True)
    ids = re.findall(r'<li class="hit">\s*<h2><a href="/releases/([0-9a-f]{16})[?"]', body)
    assert ids == [h.id for h in core.search("", sort="newest", per_page=10, page=3).hits]
    assert "21–30 of" in re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", body)))


def test_api_walks_every_result_past_the_window(web_index, core):
    client = create_app({"RELEASES_INDEX": str(web_index), "RESULT_WINDOW": 10}).test_client()
    assert client.get("/api/search?sort=oldest&per_page=5&page=3").status_code == 400  # past the window by number
    page = client.get("/api/search?sort=oldest&per_page=5").get_json()
    ids = [h["id"] for h in page["hits"]]
    while page["next"]:
        page = client.get(f"/api/search?sort=oldest&per_page=5&after={page['next']}").get_json()
        assert page["ok"], page
        ids += [h["id"] for h in page["hits"]]
    assert ids == numbered(core, 5, query="", sort="oldest")
    refused = client.get(f"/api/search?sort=newest&per_page=5&after={core.search('', per_page=5).next}").get_json()
    assert refused["status"] == 400 and "belongs to another search" in refused["error"]


def test_cli_takes_the_next_cursor(web_index, core):
    import json

    from click.testing import CliRunner

    from indexer.cli import main

    runner = CliRunner()
    args = ["search", "--index", str(web_index), "--sort", "newest", "--limit", "5", "--json"]
    first = json.loads(runner.invoke(main, args).output)
    second = json.loads(runner.invoke(main, [*args, "--after", first["next"]]).output)
    assert [h["id"] for h in second["hits"]] == [h.id for h in core.search("", sort="newest", per_page=5, page=2).hits]
    refused = runner.invoke(main, [*args[:3], "--sort", "oldest", "--after", first["next"]])
    assert refused.exit_code != 0 and "belongs to another search" in refused.output


def test_a_release_opened_past_the_window_leads_back_to_its_page(web_index, core):
    client = create_app({"RELEASES_INDEX": str(web_index), "RESULT_WINDOW": 20}).test_client()
    (onward,) = hrefs(client.get("/?sort=newest&per_page=10&page=2"), r"after=")
    beyond = client.get(onward).get_data(as_text=True)
    (link, *_) = re.findall(r'<li class="hit">\s*<h2><a href="(/releases/[0-9a-f]{16}\?[^"]+)"', beyond)
    release = client.get(unescape(link))
    assert release.status_code == 200
    (back,) = re.findall(r'<nav class="back"[^>]*><a href="([^"]+)"', release.get_data(as_text=True))
    again = client.get(unescape(back))
    assert again.status_code == 200
    ids = re.findall(r'<li class="hit">\s*<h2><a href="/releases/([0-9a-f]{16})[?"]', again.get_data(as_text=True))
    assert ids == [h.id for h in core.search("", sort="newest", per_page=10, page=3).hits]
