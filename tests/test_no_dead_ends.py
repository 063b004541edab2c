"""No dead ends: home page examples that find something in the open index, an empty result that says what to
leave out (with the counts that follow), "more" and a filter box on facets, editorial and sponsored as a facet."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from indexer import SearchRequest, build_index, open_index
from webapp import create_app


def _example_links(body: str) -> list[str]:
    section = body[body.index('id="examples-title"') :]
    section = section[: section.index("</section>")]
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', section)]


@pytest.mark.parametrize("index_name", ["web_index", "synthetic_index"])
def test_home_page_examples_come_from_the_open_index_and_find_something(request, index_name):
    path = request.getfixturevalue(index_name)
    client = create_app({"RELEASES_INDEX": str(path), "TESTING": True}).test_client()
    links = _example_links(client.get("/").get_data(as_text=True))
    assert len(links) >= 4
    with open_index(path) as index:
        top = index.stats()["top"]
        queries = [parse_qs(urlsplit(link).query)["q"][0] for link in links]
        for query in queries:
            assert index.search(query).total > 0, query
    assert f"ticker:{top['ticker'][0]['value'].split(':')[-1]}" in queries
    assert any(q.startswith("date:") for q in queries) and any("type:" in q for q in queries)


def _ways_out(body: str) -> list[tuple[str, str, int]]:
    section = body[body.index('class="ways-out"') :]
    section = section[: section.index("</section>")]
    found = re.findall(r'<li><a href="([^"]+)">Without ([^<]+)</a>: ([\d,]+) releases?</li>', section)
    return [(unescape(href), unescape(what), int(n.replace(",", ""))) for href, what, n in found]


@pytest.fixture
def two_issuers(tmp_path):
    """Two issuers on two wires: a filter of each leaves nothing."""
    folder = tmp_path / "releases"
    folder.mkdir()
    for name, company, symbol, wire in (
        ("a.txt", "Acme Corp.", "ACM", "GLOBE NEWSWIRE"),
        ("b.txt", "Globex Inc.", "GLX", "BUSINESS WIRE"),
    ):
        (folder / name).write_text(
            f"{company} Reports Results\n\nCOLUMBUS, Ohio, May 2, 2024 ({wire}) -- {company} (NYSE: {symbol}) "
            "today reported quarterly results and record revenue.\n"
        )
    build_index([folder], tmp_path / "ix")
    return create_app({"RELEASES_INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()


@pytest.mark.parametrize(
    "url",
    [
        "/?q=results+AND+zzzqqqxx",
        "/?q=results&ticker=NYSE:ACM&wire=Business+Wire",
        "/?q=results&from=2030-01-01",
        "/?q=revenue+AND+acme&wire=Business+Wire",
    ],
)
def test_an_empty_result_says_what_to_leave_out_and_what_follows(two_issuers, url):
    web = two_issuers
    body = web.get(url).get_data(as_text=True)
    assert "No releases match" in body
    ways = _ways_out(body)
    assert ways
    for href, what, count in ways:
        # The count shown is what the link finds.
        shown = re.search(r"of ([\d,]+) releases?\b", re.sub(r"<[^>]+>", " ", web.get(href).get_data(as_text=True)))
        assert shown and int(shown.group(1).replace(",", "")) == count, (what, href)
    assert [c for _, _, c in ways] == sorted((c for _, _, c in ways), reverse=True)
    assert {what.split()[1] for _, what, _ in ways} <= {"word", "ticker", "wire", "'from'"}


def test_facets_offer_more_values_and_a_filter_box(synthetic_index):
    web = create_app({"RELEASES_INDEX": str(synthetic_index), "TESTING": True}).test_client()
    body = web.get("/?q=results").get_data(as_text=True)
    more = re.search(r'<a class="more" href="([^"]+)">More<span class="visually-hidden"> ticker values', body)
    assert more and 'id="filter-ticker"' in body and 'id="filter-company"' in body and 'id="filter-year"' not in body
    expanded = web.get(unescape(more.group(1))).get_data(as_text=True)
    values = re.findall(r'<ul id="values-ticker">(.*?)</ul>', expanded, re.S)[0]
    with open_index(synthetic_index) as core:
        request = SearchRequest(query="results", facet_limits={"ticker": 200})
        every = core.search(request=request).facets["ticker"].values
    assert values.count('class="facet-value') == len(every) > 10
    assert '<a class="more" href="/?q=results">Fewer' in expanded


def test_editorial_and_sponsored_are_a_facet_and_a_filter(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "ad.txt").write_text(
        "Why Solar Panels Pay Off\n\nThis article was sponsored by Acme Corp. Sponsored content. Solar panels pay.\n"
    )
    (folder / "news.txt").write_text(
        "Acme Opens Solar Plant\n\nCOLUMBUS, Ohio, May 2, 2024 (GLOBE NEWSWIRE) -- Acme Corp. opened a solar plant.\n"
    )
    build_index([folder], tmp_path / "ix")
    with open_index(tmp_path / "ix") as index:
        page = index.search("solar")
        assert [(v.value, v.count) for v in page.facets["flag"].values] == [("sponsored", 1)]
        only = index.search("solar", filters={"flag": ["sponsored"]})
        assert [h.headline for h in only.hits] == ["Why Solar Panels Pay Off"]
    client = create_app({"RELEASES_INDEX": str(tmp_path / "ix"), "TESTING": True}).test_client()
    body = client.get("/?q=solar").get_data(as_text=True)
    assert 'id="facet-flag">Editorial or sponsored</h2>' in body and "?q=solar&amp;flag=sponsored" in body
