"""The HTML pages through Flask's test client: every route, parameter and error, on a small real index."""

from __future__ import annotations

import re
from html import unescape

import pytest
from web_releases import HOSTILE_QUERIES, markup_problems

from indexer import ReleaseSearchError
from indexer.cli import main
from indexer.model import counted
from webapp import SECURITY_HEADERS, create_app, settings_from_environment
from webapp.present import display_datetime, safe_snippet, section_parts, web_link
from webapp.timeline import build_chart


def text(response) -> str:
    """A page's text with tags removed and entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return re.sub(r"\s+", " ", unescape(body))


def links(response, pattern: str) -> list[str]:
    """Unescaped hrefs in a page matching a regular expression."""
    hrefs = re.findall(r'href="([^"]*)"', response.get_data(as_text=True))
    return [unescape(h) for h in hrefs if re.search(pattern, unescape(h))]


def hit_ids(response) -> list[str]:
    """Release ids of the hits, in page order."""
    return re.findall(r'<li class="hit">\s*<h2><a href="/releases/([0-9a-f]{16})[?"]', response.get_data(as_text=True))


def hit_dates(response) -> list[str]:
    return re.findall(r'<p class="meta"><time datetime="([\d-]+)"', response.get_data(as_text=True))


# ---- the empty state -------------------------------------------------------------------------


def test_home_shows_examples_syntax_and_index_size(web):
    response = web.get("/")
    assert response.status_code == 200
    page = text(response)
    assert "Search press releases" in page
    # Copies on several wires fold into one release; the documents indexed are named beside it.
    browse = web.get("/api/search?per_page=1").get_json()
    assert (
        f"{browse['total']} releases (49 documents, copies on several wires included), 2019-01-01 to 2021-12-" in page
    )
    assert "Query syntax" in page and "ticker:NASDAQ:IMGN" in page
    examples = links(response, r"^/\?q=")
    # Examples come from the open index: its commonest ticker among them.
    assert any(e.startswith("/?q=ticker:") for e in examples) and len(examples) >= 5
    assert 'class="hit"' not in response.get_data(as_text=True)


def test_example_queries_all_run(web):
    for href in links(web.get("/"), r"^/\?q="):
        assert web.get(href).status_code == 200, href


# ---- results ---------------------------------------------------------------------------------


def test_result_count_and_hit_fields(web, core):
    response = web.get("/?q=acquire")
    expected = core.search("acquire", per_page=20)
    assert f"1–{len(expected.hits)} of {expected.total} releases" in text(response)
    assert hit_ids(response) == [h.id for h in expected.hits]
    body = response.get_data(as_text=True)
    first = expected.hits[0]
    # The link carries the search, for the release page's highlights and its way back.
    assert f'<a href="/releases/{first.id}?q=acquire">{first.headline}</a>' in body
    assert f'<time datetime="{first.date}">{first.date}</time>' in body
    assert f'href="/?q=acquire&amp;ticker={first.tickers[0]}"' in body.replace("%3A", ":")
    assert first.company in text(response) and first.wire in text(response)
    # The core numbers highlight classes (term0, term1, ...) as it meets words.
    assert re.search(r'<mark class="hl term\d+">acquire</mark>', body)


def test_copies_are_listed_once(web, core):
    response = web.get("/?q=nimbus+immunogen")
    hit = next(h for h in core.search("nimbus immunogen", per_page=20).hits if h.duplicates)
    copy = hit.duplicates[0]
    assert f'Also on: <a href="/releases/{copy["id"]}">{copy["wire"]} ({copy["date"]})</a>' in response.get_data(
        as_text=True
    )
    assert hit_ids(response).count(copy["id"]) == 0


def test_every_facet_in_the_sidebar_with_counts(web, core):
    response = web.get("/?q=results")
    found = core.search("results", per_page=20)
    page = text(response)
    for label in ("Ticker", "Year", "Wire service", "Company", "Exchange", "Release type", "Location"):
        assert f" {label} " in page
    for name, facet in found.facets.items():
        for value in facet.values:
            assert f"{value.value} : {counted(value.count, 'release')}" in page, (name, value)


def test_facet_values_combine_with_or_and_show_as_chips(web, core):
    response = web.get("/?ticker=NASDAQ:IMGN&ticker=NYSE:GLX")
    expected = core.search("", filters={"ticker": ["NASDAQ:IMGN", "NYSE:GLX"]})
    assert f"of {expected.total} releases" in text(response)
    assert expected.total == 24
    body = response.get_data(as_text=True)
    assert 'aria-label="Remove filter ticker: NASDAQ:IMGN"' in body
    assert 'aria-label="Remove filter ticker: NYSE:GLX"' in body
    assert body.count('class="facet-value selected"') == 2


def test_chip_removes_only_its_value(web):
    response = web.get("/?q=results&ticker=NASDAQ:IMGN&ticker=NYSE:GLX&wire=Business+Wire")
    chip = re.search(
        r'<a class="chip" href="([^"]+)"\s+aria-label="Remove filter ticker: NYSE:GLX"', response.get_data(as_text=True)
    )
    target = unescape(chip.group(1))
    after = web.get(target)
    body = after.get_data(as_text=True)
    assert "Remove filter ticker: NASDAQ:IMGN" in body and "Remove filter wire: Business Wire" in body
    assert "Remove filter ticker: NYSE:GLX" not in body
    assert "q=results" in target


def test_facet_link_toggles_selection(web):
    response = web.get("/?q=results")
    link = links(response, r"wire=PR")[0]
    assert link == "/?q=results&wire=PR+Newswire"
    selected = web.get(link)
    assert "Remove filter wire: PR Newswire" in selected.get_data(as_text=True)
    own = re.search(
        r'<a href="([^"]+)" class="facet-value selected" aria-current="true">', selected.get_data(as_text=True)
    )
    assert unescape(own.group(1)) == "/?q=results"


def test_date_range_filters_and_shows_chips(web, core):
    response = web.get("/?from=2020-01-01&to=2020-06-30")
    expected = core.search("", date_from="2020-01-01", date_to="2020-06-30")
    assert f"of {expected.total} releases" in text(response)
    assert all("2020-01-01" <= d <= "2020-06-30" for d in hit_dates(response))
    body = response.get_data(as_text=True)
    assert 'aria-label="Remove filter from: 2020-01-01"' in body and 'value="2020-06-30"' in body
    removal = re.search(r'<a class="chip" href="([^"]+)"\s+aria-label="Remove filter to: 2020-06-30"', body).group(1)
    assert unescape(removal) == "/?from=2020-01-01"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "from=2021-01-01&to=2020-01-01",
            "the &#39;from&#39; date 2021-01-01 is after the &#39;to&#39; date 2020-01-01",
        ),
        ("from=someday", "cannot read the date"),
        ("from=" + "1" * 60, "the &#39;from&#39; date is too long"),
        ("q=x&sort=best", "unknown sort &#39;best&#39;"),
        ("q=x&page=abc", "page must be a whole number"),
        ("q=x&page=0", "page must be from 1"),
        ("q=x&per_page=500", "per_page must be from 1 to 100"),
        ('q="open', "unbalanced quote"),
        ("q=colour:blue", "unknown field &#39;colour&#39;"),
        ("q=" + "a" * 1001, "the query is too long"),
        ("&".join(f"ticker=T{i}" for i in range(21)), "too many filters (21; at most 20)"),
        ("ticker=" + "X" * 201, "the ticker filter is too long"),
    ],
)
def test_bad_parameters_get_a_friendly_400(web, query, message):
    response = web.get("/?" + query)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert message in body
    assert 'role="alert"' in body and "Queries that work" in body and "Query syntax" in body
    assert "Traceback" not in body


def test_query_stays_in_the_box_after_an_error(web):
    body = web.get('/?q="open+call').get_data(as_text=True)
    assert 'value="&#34;open call"' in body


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_sort_orders_by_date(web, core, sort):
    response = web.get(f"/?sort={sort}")
    dates = hit_dates(response)
    assert len(dates) == 20
    assert dates == sorted(dates, reverse=sort == "newest")
    assert hit_ids(response) == [h.id for h in core.search("", sort=sort, per_page=20).hits]
    assert f'aria-current="true" class="current" href="/?sort={sort}"' in response.get_data(as_text=True)


def test_sort_links_keep_the_search_and_reset_the_page(web):
    response = web.get("/?q=results&wire=Business+Wire&page=1&sort=newest")
    oldest = links(response, r"sort=oldest")
    assert oldest and all("q=results" in h and "wire=Business" in h and "page=" not in h for h in oldest)


def test_pages(web, core):
    first = web.get("/?sort=newest")
    assert "1–20 of 48 releases" in text(first)
    nxt = links(first, r"page=2")[0]
    second = web.get(nxt)
    assert "21–40 of 48 releases" in text(second)
    assert hit_ids(second) == [h.id for h in core.search("", sort="newest", per_page=20, page=2).hits]
    assert 'aria-current="page" href="/?sort=newest&amp;page=2"' in second.get_data(as_text=True)
    assert links(second, r"page=1$|sort=newest$") and links(second, r"page=3")
    third = web.get("/?sort=newest&page=3")
    assert "41–48 of 48 releases" in text(third) and 'rel="next"' not in third.get_data(as_text=True)


def test_page_past_the_end_says_where_the_end_is(web):
    response = web.get("/?q=acquire&page=4")
    assert response.status_code == 200
    assert "No releases on page 4: this search has 8 results on 1 page. Go to the last page (1)" in text(response)


def test_per_page(web):
    response = web.get("/?sort=oldest&per_page=5")
    assert "1–5 of 48 releases" in text(response)
    assert all("per_page=5" in h for h in links(response, r"page=2"))


def test_result_window_limits_the_pager(web_index):
    client = create_app({"RELEASES_INDEX": str(web_index), "RESULT_WINDOW": 30}).test_client()
    response = client.get("/?sort=newest&per_page=10")
    assert links(response, r"page=3") and not links(response, r"page=4")
    assert "Only the first 30 results can be paged through" in text(response)
    deep = client.get("/?sort=newest&per_page=10&page=4")
    assert deep.status_code == 400
    assert "page must be from 1 to 3 (got 4): only the first 30 results can be paged through" in text(deep)


def test_timeline_bars_link_to_their_month(web, core):
    response = web.get("/?q=results")
    body = response.get_data(as_text=True)
    assert '<svg viewBox="0 0 1000 100"' in body
    found = core.search("results")
    bars = re.findall(
        r'<a href="([^"]+)" aria-label="([A-Z][a-z]+ \d{4}): (\d+) releases?; show only this month">', body
    )
    assert sum(int(count) for _, _, count in bars) == sum(t["count"] for t in found.timeline)
    assert sum(int(count) for _, _, count in bars) == found.total - found.undated
    for href, _, count in bars:
        # A bar narrows by the month it was counted by: it finds exactly the releases it showed.
        narrowed = web.get(unescape(href))
        assert f"of {counted(int(count), 'release')}" in text(narrowed)
    month = next(t["period"] for t in found.timeline)
    assert f"month={month}" in unescape(bars[0][0]) and "q=results" in unescape(bars[0][0])


def test_timeline_switches_to_years_over_long_spans():
    timeline = [{"period": "2001-01", "count": 2}, {"period": "2011-06", "count": 5}]
    chart = build_chart(timeline, lambda start, end: f"{start}/{end}")
    assert chart.unit == "year" and [b.period for b in chart.bars] == [str(y) for y in range(2001, 2012)]
    assert chart.bars[0].href == "2001-01-01/2001-12-31" and chart.bars[1].href is None
    assert chart.bars[-1].height == 100 and chart.bars[0].height == 40
    short = build_chart([{"period": "2020-01", "count": 1}, {"period": "2020-03", "count": 1}], lambda s, e: f"{s}/{e}")
    assert [b.period for b in short.bars] == ["2020-01", "2020-02", "2020-03"]
    assert short.bars[1].href is None and short.bars[2].href == "2020-03-01/2020-03-31"
    assert build_chart([], lambda s, e: "") is None


def test_a_corrected_search_says_so_and_offers_the_words_as_typed(web, core):
    page = core.search("platfrom")
    assert page.suggestion == "platform" and page.corrected and page.total == core.search("platform").total > 0
    response = web.get("/?q=platfrom")
    assert re.search(r"Showing results for platform ?\. Search instead for platfrom ?\.", text(response))
    assert "Did you mean" not in text(response)
    assert links(response, r"^/\?q=platform$") and links(response, r"^/\?q=platfrom&spell=0$")
    # As typed, nothing matches: the correction is offered, not applied.
    typed = web.get("/?q=platfrom&spell=0")
    assert "Did you mean platform ?" in text(typed) and "Showing results" not in text(typed)
    assert core.search("platfrom", spelling=False).total == 0


def test_did_you_mean_for_a_known_but_rare_word(web, core):
    page = core.search("platfrom", spelling=False)
    assert page.suggestion == "platform" and not page.corrected


def test_no_matches(web):
    response = web.get("/?q=zzzzqqq")
    assert response.status_code == 200
    assert "No releases match “zzzzqqq”." in text(response)
    assert "Nothing to leave out" in text(response)


def test_forms_carry_the_whole_search(web):
    body = web.get("/?q=results&ticker=NASDAQ:IMGN&from=2019-01-01&sort=oldest").get_data(as_text=True)
    header_form = body[body.index('<form role="search"') : body.index("</form>")]
    for hidden in ('name="ticker" value="NASDAQ:IMGN"', 'name="from" value="2019-01-01"', 'name="sort" value="oldest"'):
        assert hidden in header_form
    dates_form = body[body.index('class="dates"') :]
    dates_form = dates_form[: dates_form.index("</form>")]
    for hidden in ('name="q" value="results"', 'name="ticker" value="NASDAQ:IMGN"', 'name="sort" value="oldest"'):
        assert hidden in dates_form


def test_exports_and_feed_are_linked_with_the_bound(web):
    response = web.get("/?q=results&ticker=NASDAQ:ACME")
    assert links(response, r"^/api/export\.csv\?q=results&ticker=NASDAQ")
    assert links(response, r"^/api/export\.json\?q=results&ticker=NASDAQ")
    assert links(response, r"^/feed\.atom\?q=results&ticker=NASDAQ")
    assert links(response, r"^/api/export\.jsonl\?q=results&ticker=NASDAQ")
    assert links(response, r"^/api/export\.csv\?q=results&ticker=NASDAQ.*&body=1$")
    assert "Export these 4 results" in text(response) and "exports hold at most" not in text(response)
    assert 'rel="alternate" type="application/atom+xml"' in response.get_data(as_text=True)


def test_exports_state_their_bound_when_the_results_exceed_it(web_index):
    client = create_app({"RELEASES_INDEX": str(web_index), "EXPORT_LIMIT": 3}).test_client()
    page = text(client.get("/?q=results&ticker=NASDAQ:ACME"))
    assert "Export the first 3 of 4 results" in page and "exports hold at most 3 releases" in page


# ---- the release page -------------------------------------------------------------------------


def test_release_page_sections_and_metadata(web, core):
    hit = core.search("nimbus immunogen").hits[0]
    response = web.get(f"/releases/{hit.id}")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    page = text(response)
    assert f'<h1 id="headline">{hit.headline}</h1>' in body
    assert "WALTHAM, Mass., Jan. 1, 2019" in page
    assert '<h2 id="section-about">About ImmunoGen</h2>' in body
    assert '<h2 id="section-contacts">Contacts</h2>' in body
    for label in ("Date", "Tickers", "Company", "Wire", "Location", "Type", "Source file"):
        assert f"<dt>{label}</dt>" in body
    assert 'href="/?ticker=NASDAQ:IMGN"' in body.replace("%3A", ":")
    assert hit.path in page
    assert '<a href="https://www.example.com/imgn" rel="nofollow noopener noreferrer">' in body


def test_release_page_lists_copies_and_related(web, core):
    hit = core.search("nimbus immunogen").hits[0]
    body = web.get(f"/releases/{hit.id}").get_data(as_text=True)
    copy = hit.duplicates[0]
    assert f'<a href="/releases/{copy["id"]}">{copy["wire"]}, {copy["date"]}</a>' in body
    related = core.related(hit.id)
    assert related
    for other in related:
        assert f'<a href="/releases/{other.id}">{other.headline}</a>' in body
    assert web.get(f"/releases/{related[0].id}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/releases/0123456789abcdef",
        "/releases/nope",
        "/releases/../../etc/passwd",
        "/releases/..%2f..%2fetc%2fpasswd",
        "/releases/%2e%2e%2f%2e%2e%2fpyproject.toml",
        "/releases/0123456789ABCDEF",
        "/releases/0123456789abcdef0",
        "/static/..%2f..%2fpyproject.toml",
        "/static/../__init__.py",
    ],
)
def test_release_ids_and_files_cannot_escape(web, path):
    response = web.get(path)
    assert response.status_code == 404
    body = response.get_data(as_text=True)
    assert "[build-system]" not in body and "create_app" not in body
    assert "not found" in body.lower()


def test_missing_release_says_what_to_do(web):
    body = web.get("/releases/0123456789abcdef").get_data(as_text=True)
    assert "Release not found" in body and "Search for it instead" in body


# ---- errors, headers, configuration ----------------------------------------------------------


def test_unknown_page_and_method(web):
    missing = web.get("/nothing-here")
    assert missing.status_code == 404 and "Page not found" in text(missing)
    post = web.post("/")
    assert post.status_code == 405 and "only answers GET" in text(post)
    assert "GET" in post.headers["Allow"]


def test_unexpected_failure_is_a_500_without_details(web_app, monkeypatch):
    def broken():
        raise RuntimeError("secret internals at /srv/index")

    monkeypatch.setattr("webapp.views.get_index", broken)
    response = web_app.test_client().get("/?q=x")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "failed on our side" in body
    assert "secret internals" not in body and "Traceback" not in body and "RuntimeError" not in body


def test_no_index_is_a_friendly_503(tmp_path):
    client = create_app({"RELEASES_INDEX": str(tmp_path / "none")}).test_client()
    response = client.get("/")
    assert response.status_code == 503
    assert "No index yet" in text(response) and "releases index" in text(response)


def test_debug_mode_is_never_on(web_index):
    app = create_app({"RELEASES_INDEX": str(web_index), "DEBUG": True})
    assert app.debug is False and app.config["PROPAGATE_EXCEPTIONS"] is False


@pytest.mark.parametrize("path", ["/", "/?q=acquire", "/nothing", "/static/style.css", "/api/search?q=x", "/feed.atom"])
def test_security_headers_everywhere(web, path):
    response = web.get(path)
    response.close()
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (path, name)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp


def test_pages_have_no_inline_script_or_style(web, core):
    hit = core.search("acquire").hits[0]
    for path in ("/", "/?q=results&ticker=NASDAQ:IMGN", f"/releases/{hit.id}", "/nothing"):
        body = web.get(path).get_data(as_text=True)
        assert "style=" not in body and not re.search(r"<script(?![^>]*\bsrc=)", body), path
        assert markup_problems(body) == [], path


def test_pages_are_labelled_and_have_landmarks(web, core):
    hit = core.search("acquire").hits[0]
    for path in ("/", "/?q=results", f"/releases/{hit.id}"):
        body = web.get(path).get_data(as_text=True)
        assert '<html lang="en">' in body and '<main id="main"' in body and 'role="search"' in body
        assert '<label for="q"' in body and 'href="#main"' in body and "<h1" in body
    results = web.get("/?q=results").get_data(as_text=True)
    assert '<aside class="filters"' in results and '<nav class="pager" aria-label="Pages">' not in results
    assert '<label for="from">' in results and '<label for="to">' in results


def test_settings_come_from_the_environment(monkeypatch, web_index):
    monkeypatch.setenv("RELEASES_INDEX", str(web_index))
    monkeypatch.setenv("RELEASES_EXPORT_LIMIT", "25")
    app = create_app()
    assert app.config["RELEASES_INDEX"] == str(web_index) and app.config["EXPORT_LIMIT"] == 25
    assert app.test_client().get("/?q=acquire").status_code == 200
    assert create_app({"EXPORT_LIMIT": 7}).config["EXPORT_LIMIT"] == 7
    monkeypatch.setenv("RELEASES_PER_PAGE", "many")
    with pytest.raises(
        ReleaseSearchError, match="RELEASES_PER_PAGE must be a whole number, not 'many': fix or unset it"
    ):
        settings_from_environment()


def test_creating_the_app_opens_nothing(tmp_path):
    app = create_app({"RELEASES_INDEX": str(tmp_path / "later")})
    assert app.extensions["release_index"]._index is None
    assert not (tmp_path / "later").exists()


# ---- hostile releases and queries --------------------------------------------------------------


def test_hostile_releases_are_text_everywhere(hostile, hostile_core):
    everything = hostile_core.search("", per_page=20)
    assert everything.total == 4
    requests = [("/", {"q": q}) for q in ("acquisition", "evil", "script", "img onerror")] + [("/", {"sort": "newest"})]
    requests += [(f"/releases/{h.id}", {}) for h in everything.hits]
    for facet in everything.facets.values():
        requests += [("/", {facet.name: v.value}) for v in facet.values]
    assert any("<svg" in value for _, params in requests for value in params.values())
    for path, params in requests:
        response = hostile.get(path, query_string=params)
        assert response.status_code == 200, (path, params)
        assert markup_problems(response.get_data(as_text=True)) == [], (path, params)
    release = hostile.get(f"/releases/{everything.hits[-1].id}").get_data(as_text=True)
    assert "&lt;script&gt;window.__xss" in release


def test_markup_audit_catches_injection():
    assert markup_problems('<p><img src=x onerror="alert(1)"></p>') == [
        "unexpected <img>",
        "event handler onerror= on <img>",
    ]
    assert markup_problems("<script>alert(1)</script>") == ["a script other than /static/app.js"]
    assert markup_problems('<a href=" javascript:alert(1)">x</a>') == ["href=' javascript:alert(1)' on <a>"]
    assert markup_problems('<svg onload="x"></svg>') == ["event handler onload= on <svg>"]
    assert markup_problems('<p>&lt;script&gt;</p><script src="/static/app.js"></script>') == []


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_queries_are_text_everywhere(hostile, query):
    for params in ({"q": query}, {"q": "acquisition", "ticker": query}, {"q": "x", "sort": query}, {"from": query}):
        response = hostile.get("/", query_string=params)
        body = response.get_data(as_text=True)
        assert markup_problems(body) == [], params
        assert "<script>window" not in body


def test_hostile_links_are_never_clickable(hostile, hostile_core):
    for hit in hostile_core.search("", per_page=20).hits:
        body = hostile.get(f"/releases/{hit.id}").get_data(as_text=True)
        assert 'href="javascript' not in body.lower()


# ---- presentation helpers ------------------------------------------------------------------------


def test_snippets_keep_only_their_marks():
    assert (
        str(safe_snippet('a <mark class="hl term0">b</mark> &lt;c&gt;'))
        == 'a <mark class="hl term0">b</mark> &lt;c&gt;'
    )
    assert str(safe_snippet("<script>x</script><img src=x onerror=y>")) == (
        "&lt;script&gt;x&lt;/script&gt;&lt;img src=x onerror=y&gt;"
    )
    assert str(safe_snippet('<mark class="hl term1">open')) == '<mark class="hl term1">open</mark>'
    assert str(safe_snippet('x</mark><mark onclick="y">')) == "x&lt;mark onclick=&quot;y&quot;&gt;"


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.com/a?b=c", True),
        ("http://example.com", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>", False),
        ('https://example.com/"onmouseover="x', False),
        ("//example.com", False),
        ("", False),
    ],
)
def test_only_web_links_become_links(url, kept):
    assert (web_link(url) is not None) is kept


def test_section_headings_and_dates():
    assert section_parts("about", "About Acme Corp.\n\nAcme makes things.") == (
        "About Acme Corp.",
        ["Acme makes things."],
    )
    assert section_parts("about", "Acme makes things.") == ("About", ["Acme makes things."])
    assert section_parts("contacts", "Contacts:\n\nJane") == ("Contacts", ["Jane"])
    assert section_parts("about", "About us. We make things.") == ("About", ["About us. We make things."])
    assert section_parts("contacts", "Contact: jo@acme.com\n\nJane") == ("Contacts", ["Contact: jo@acme.com", "Jane"])
    assert section_parts("contacts", "Media Contacts:\n\nJane") == ("Media Contacts", ["Jane"])
    assert display_datetime("2011-10-20T00:00:00") == "2011-10-20"
    assert display_datetime("2011-10-20T16:05:00-04:00") == "2011-10-20 16:05 -04:00"
    assert display_datetime(None) == "unknown"


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("RELEASES_PER_PAGE", "0", "RELEASES_PER_PAGE must be from 1 to 100, not 0"),
        ("RELEASES_PER_PAGE", "1000", "RELEASES_PER_PAGE must be from 1 to 100, not 1000"),
        ("RELEASES_FEED_SIZE", "0", "RELEASES_FEED_SIZE must be from 1 to 100, not 0"),
        ("RELEASES_FEED_SIZE", "500", "RELEASES_FEED_SIZE must be from 1 to 100, not 500"),
        ("RELEASES_RESULT_WINDOW", "-1", "RELEASES_RESULT_WINDOW must be at least 1, not -1"),
        ("RELEASES_EXPORT_LIMIT", "0", "RELEASES_EXPORT_LIMIT must be at least 1, not 0"),
    ],
)
def test_a_setting_out_of_its_bounds_stops_the_app_before_it_serves(monkeypatch, web_index, variable, value, message):
    # Such a setting used to fail every search page (500 or 400) or every feed once the site was up.
    monkeypatch.setenv(variable, value)
    with pytest.raises(ReleaseSearchError, match=f"{message}: fix or unset it"):
        create_app({"RELEASES_INDEX": str(web_index)})


def test_serve_reports_a_setting_out_of_its_bounds(monkeypatch, runner, seeds_index):
    monkeypatch.setenv("RELEASES_PER_PAGE", "0")
    result = runner.invoke(main, ["serve", "--index", str(seeds_index), "--port", "0"])
    assert result.exit_code == 1
    assert "Error: RELEASES_PER_PAGE must be from 1 to 100, not 0: fix or unset it" in result.output
