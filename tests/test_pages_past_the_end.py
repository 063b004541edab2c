"""A page number past a search's last page, on the site and the API, within the result window and past it."""

from __future__ import annotations

import re
from html import unescape

import pytest

from webapp import create_app

# The fixture index: browsing it (sort=newest) finds 48 releases, 3 pages of 20 on the site, 5 of 10 on the API.
BROWSE = "sort=newest"


def text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", unescape(body))


def count_links(response) -> list[str]:
    """The links in the count line above the results."""
    line = re.search(r'<p class="count"[^>]*>(.*?)</p>', response.get_data(as_text=True), re.S).group(1)
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', line)]


@pytest.mark.parametrize("page", [4, 50, 51, 500, 123456])
def test_site_says_how_many_pages_the_search_has(web, page):
    response = web.get(f"/?{BROWSE}&page={page}")
    assert response.status_code == 200
    shown = text(response)
    assert f"No releases on page {page:,}: this search has 48 results on 3 pages. Go to the last page (3)" in shown
    assert "can be paged through" not in shown
    assert count_links(response) == ["/?sort=newest&page=3"]
    assert 'class="hit"' not in response.get_data(as_text=True)


@pytest.mark.parametrize("page", [4, 51, 500])
def test_site_past_the_end_of_a_search_without_results_says_nothing_matches(web, page):
    response = web.get(f"/?q=zzyzxnothing&page={page}")
    assert response.status_code == 200
    assert "No releases match “zzyzxnothing”" in text(response)
    assert "Go to the last page" not in text(response)


@pytest.mark.parametrize(("page", "pages"), [(6, 5), (101, 5), (5000, 5)])
def test_api_refuses_a_page_past_the_end_and_says_where_it_is(web, page, pages):
    response = web.get(f"/api/search?{BROWSE}&page={page}")
    assert response.status_code == 400
    data = response.get_json()
    assert data["ok"] is False and data["status"] == 400
    assert data["error"] == (
        f"page {page:,} is past the end: this search has 48 results on {pages} pages of 10 (per_page); "
        f"ask for page 1 to {pages}"
    )


def test_api_last_page_and_a_search_without_results_answer_ok(web):
    last = web.get(f"/api/search?{BROWSE}&page=5").get_json()
    assert last["ok"] is True and len(last["hits"]) == 8
    empty = web.get("/api/search?q=zzyzxnothing&page=500").get_json()
    assert empty["ok"] is True and empty["total"] == 0 and empty["hits"] == []


@pytest.mark.parametrize("path", ["/?", "/api/search?"])
@pytest.mark.parametrize("page", ["0", "-3", "two"])
def test_page_numbers_that_are_no_page_still_say_what_works(web, path, page):
    response = web.get(f"{path}{BROWSE}&page={page}")
    assert response.status_code == 400
    assert re.search(r"page must be (from 1 to \d+ \(got|a whole number)", text(response))


@pytest.mark.parametrize("path", ["/?", "/api/search?"])
@pytest.mark.parametrize("page", [4, 40])
def test_a_page_past_the_window_of_a_search_reaching_past_it_keeps_the_window_message(web_index, path, page):
    # 48 results, a window of 30: pages 4 and 5 hold results that page numbers cannot reach.
    client = create_app({"RELEASES_INDEX": str(web_index), "RESULT_WINDOW": 30}).test_client()
    response = client.get(f"{path}{BROWSE}&per_page=10&page={page}")
    assert response.status_code == 400
    assert f"page must be from 1 to 3 (got {page}): only the first 30 results can be paged through" in text(response)


def test_a_page_past_the_window_of_a_search_ending_inside_it_shows_the_end(web_index):
    client = create_app({"RELEASES_INDEX": str(web_index), "RESULT_WINDOW": 30}).test_client()
    response = client.get("/?q=acquire&per_page=10&page=9")
    assert response.status_code == 200
    assert "No releases on page 9: this search has 8 results on 1 page. Go to the last page (1)" in text(response)
