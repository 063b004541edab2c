"""End to end in a real headless Chromium: people's paths through the site, and hostile pages that must run no script.

Needs Debian's chromium-headless-shell or chromium (or $RELEASES_CHROMIUM) and Playwright for Python. Without them the
tests skip, except in CI (CI=true), where they fail so a broken setup cannot pass unnoticed. Screenshots of the
search and release pages go to artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from web_releases import HOSTILE_QUERIES

from indexer.model import counted
from webapp import create_app

pytestmark = pytest.mark.browser

# The headless shell (Chromium's old headless mode, what Playwright itself runs headless) when installed: the same
# Blink and V8 as the full browser, at a sixth of its CPU for a page in a new context (1.5 against 9.7 CPU-s for ten).
CHROMIUM = os.environ.get("RELEASES_CHROMIUM") or next(
    (p for p in ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium") if Path(p).exists()), "/usr/bin/chromium"
)
# One renderer process for every page (each test still has a context of its own: cookies, storage and each
# document's policies apart): a renderer started per page cost the file 31 against 29 CPU-s of the machine's.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-gpu",
    "--renderer-process-limit=1",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# What a page reports if a hostile string ever becomes script: a counter, an alert, an error.
PROBE = "() => ({xss: window.__xss || 0})"


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed: pip install playwright"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}: apt-get install chromium-headless-shell (or set RELEASES_CHROMIUM)"
    return None


# The browser and the servers live as long as this file's tests (module scope): their threads (Playwright's, the
# servers') kept for the rest of the session would make every later parallel build in this process start its
# workers with spawn instead of fork (indexer/workers.py), 1.5 CPU-s more a build; an idle Chromium also costs CPU.
@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for this file's tests; skips (fails under CI=true) when it cannot run here."""
    reason = _missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextmanager
def serving(index: Path) -> Iterator[str]:
    """Serve the app over index with waitress (the production server) on a free loopback port: its URL; stopped
    afterwards, its threads ended."""
    from waitress import wasyncore
    from waitress.server import create_server

    server = create_server(create_app({"RELEASES_INDEX": str(index)}), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.task_dispatcher.shutdown()
        # Closed from the serving thread (a socket closed under its poll would raise there): its loop then ends.
        server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
        thread.join(10)


@pytest.fixture(scope="module")
def site(web_index):
    """The site over the varied fixture releases, on a real WSGI server."""
    with serving(web_index) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_site(hostile_index):
    """The site over the hostile releases."""
    with serving(hostile_index) as url:
        yield url


class Watch:
    """What a page did that it should not: script errors, CSP violations, failed files, stray requests, dialogs."""

    def __init__(self, page):
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("console", self._console)
        page.on("dialog", self._dialog)
        page.on("response", self._response)

    def take(self) -> tuple[list[str], list[str]]:
        """The problems and dialogs seen so far, the watch starting afresh."""
        seen, self.problems, self.dialogs = (self.problems, self.dialogs), [], []
        return seen

    def _console(self, message):
        # Error pages (400, 404) are meant; Chrome logs each as a failed load, and _response checks the rest.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(f"console: {message.text}")

    def _response(self, response):
        request = response.request
        if request.resource_type != "document" and response.status >= 400:
            self.problems.append(f"{response.status} for {request.resource_type} {request.url}")
        # An injected <img src=x> would fetch ".../x".
        if urlsplit(request.url).path.endswith("/x"):
            self.problems.append(f"injected request to {request.url}")

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture(scope="module")
def site_tab(browser, site):
    """A page on the fixture site and its Watch, for every test asking for `page` (a context a test: 0.13 CPU-s more
    of Chromium's): the site keeps nothing in the browser (no cookies, no storage); each test first navigates."""
    context = browser.new_context(viewport=DESKTOP, base_url=site)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    watch = Watch(tab)
    yield tab, watch
    problems, dialogs = watch.take()  # since the last test's end
    context.close()
    assert (problems, dialogs) == ([], [])


@pytest.fixture
def page(site_tab):
    """The page on the fixture site; the test fails if it logs errors or opens dialogs (later ones: the next test)."""
    tab, watch = site_tab
    yield tab
    tab.set_viewport_size(DESKTOP)  # as the next test expects it
    tab.mouse.move(0, 0)  # hovering nothing the next page draws
    # No caret blinking (repainted) until the next test; nothing stored for it to find.
    stored = tab.evaluate("() => (document.activeElement?.blur(), localStorage.length + sessionStorage.length)")
    assert (*watch.take(), stored, tab.context.cookies()) == ([], [], 0, [])


def count_text(tab) -> str:
    return tab.locator("p.count").inner_text().strip()


def query_of(tab) -> dict[str, list[str]]:
    return parse_qs(urlsplit(tab.url).query)


def hit_dates(tab) -> list[str]:
    return tab.locator(".hit .meta time").evaluate_all("nodes => nodes.map(n => n.getAttribute('datetime'))")


# ---- people's paths ----------------------------------------------------------------------------


def test_type_a_query_and_use_autocomplete(page, core):
    page.goto("/")
    page.locator("#q").click()
    page.keyboard.type("acquire")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=acquire"))
    total = core.search("acquire").total
    assert count_text(page) == f"1–{total} of {total} releases"

    page.locator("#q").fill("")
    page.locator("#q").press_sequentially("immu", delay=30)
    option = page.get_by_role("option", name=re.compile("ImmunoGen, Inc."))
    option.wait_for()
    assert option.inner_text().split("\n") == ["ImmunoGen, Inc. \u00b7 NASDAQ:IMGN", "company \u00b7 12"]
    assert page.locator("#q").get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"company=ImmunoGen"))
    assert query_of(page)["company"] == ["ImmunoGen, Inc."] and "q" not in query_of(page)
    assert page.get_by_role("link", name="Remove filter company: ImmunoGen, Inc.").is_visible()
    assert count_text(page) == "1–12 of 12 releases"


def test_autocomplete_refreshed_keeps_the_highlighted_option(page):
    box = page.locator("#q")
    page.goto("/")
    box.click()
    box.press_sequentially("immu", delay=30)
    option = page.get_by_role("option", name=re.compile("ImmunoGen, Inc."))
    option.wait_for()
    page.wait_for_timeout(300)  # the last keystroke's list is in
    page.keyboard.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    option.evaluate("li => li.dataset.before = 'refresh'")
    box.dispatch_event("input")  # a late answer to the same word re-renders the list
    page.wait_for_function("() => !document.querySelector('[data-before]') && document.querySelector('[role=option]')")
    assert option.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")


def test_autocomplete_tickers_by_mouse_keeps_the_query(page):
    page.goto("/?q=results")
    box = page.locator("#q")
    box.click()
    page.keyboard.press("End")
    page.keyboard.type(" nyse:g")
    option = page.get_by_role("option", name=re.compile("NYSE:GLX"))
    option.click()
    page.wait_for_url(re.compile(r"ticker=NYSE"))
    assert query_of(page)["ticker"] == ["NYSE:GLX"] and query_of(page)["q"] == ["results"]
    assert page.locator("#q").input_value() == "results"


def test_click_a_facet_then_remove_its_chip(page, core):
    page.goto("/?q=results")
    before = count_text(page)
    page.locator("section.facet", has=page.get_by_role("heading", name="Wire service")).get_by_role(
        "link", name=re.compile("^GlobeNewswire")
    ).click()
    page.wait_for_url(re.compile(r"wire=GlobeNewswire"))
    expected = core.search("results", filters={"wire": ["GlobeNewswire"]}).total
    assert count_text(page) == f"1–{min(expected, 20)} of {expected} releases"
    assert all(w == "GlobeNewswire" for w in page.locator(".hit .wire").all_inner_texts())
    chip = page.get_by_role("link", name="Remove filter wire: GlobeNewswire")
    chip.click()
    page.wait_for_url(lambda url: "wire=" not in url)
    assert count_text(page) == before
    assert page.locator(".chip").count() == 0


def test_page_sort_and_go_back(page, core):
    page.goto("/?sort=newest")
    assert count_text(page) == "1–20 of 48 releases"
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert count_text(page) == "21–40 of 48 releases"
    newest_page_two = hit_dates(page)
    assert newest_page_two == sorted(newest_page_two, reverse=True)
    page.get_by_role("navigation", name="Sort order").get_by_role("link", name="Oldest").click()
    page.wait_for_url(re.compile(r"sort=oldest"))
    assert "page" not in query_of(page)
    dates = hit_dates(page)
    assert dates == sorted(dates) and dates[0] == "2019-01-01"
    page.go_back()
    page.wait_for_url(re.compile(r"sort=newest&page=2"))
    assert count_text(page) == "21–40 of 48 releases" and hit_dates(page) == newest_page_two
    page.reload()
    assert count_text(page) == "21–40 of 48 releases"


def test_timeline_narrows_the_dates(page):
    page.goto("/?q=results")
    bar = page.locator(".timeline svg a").first
    label = bar.get_attribute("aria-label")
    month, count = re.match(r"(\w+ \d{4}): (\d+) release", label).groups()
    bar.click()
    # A bar narrows by the month it was counted by, so it finds exactly the releases it showed.
    page.wait_for_url(re.compile(r"month=\d{4}-\d\d"))
    assert count_text(page) == f"1–{count} of {counted(int(count), 'release')}"
    assert page.locator(".chip").count() == 1
    shown = datetime.strptime(month, "%B %Y").strftime("%Y-%m")
    assert query_of(page)["month"] == [shown]


def test_date_inputs_apply(page, core):
    page.goto("/?q=results")
    page.locator("#from").fill("2020-01-01")
    page.locator("#to").fill("2020-12-31")
    page.get_by_role("button", name="Apply dates").click()
    page.wait_for_url(re.compile(r"from=2020-01-01"))
    expected = core.search("results", date_from="2020-01-01", date_to="2020-12-31").total
    assert count_text(page) == f"1–{expected} of {expected} releases"
    assert query_of(page)["q"] == ["results"]


def test_open_a_release_and_follow_a_related_one(page, core):
    page.goto("/?q=nimbus+immunogen")
    first = page.locator(".hit h2 a").first
    headline = first.inner_text()
    first.click()
    page.wait_for_url(re.compile(r"/releases/[0-9a-f]{16}\?q="))
    assert page.locator("h1").inner_text() == headline
    assert page.get_by_role("heading", name="About ImmunoGen").is_visible()
    assert page.locator(".copies a").count() == 1
    related = page.locator(".related a").first
    title = related.inner_text()
    related.click()
    page.wait_for_url(lambda url: headline not in url)
    assert page.locator("h1").inner_text() == title


def test_did_you_mean_and_friendly_errors(page):
    page.goto("/?q=platfrom")
    page.locator("p.suggestion").get_by_role("link", name="platform").click()
    page.wait_for_url(re.compile(r"q=platform$"))
    assert "of" in count_text(page)
    page.goto('/?q="open')
    alert = page.get_by_role("alert")
    assert "unbalanced quote" in alert.inner_text()
    assert page.locator("#q").input_value() == '"open'


def test_keyboard_only(page):
    page.goto("/?q=results")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    assert skip.evaluate("node => node === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the skip link shows when focused"
    outline = skip.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.keyboard.press("/")
    assert page.locator("#q").evaluate("node => node === document.activeElement")
    # Tab reaches a facet link; Enter follows it.
    link = page.locator(".facet-value").first
    link.focus()
    assert link.evaluate("node => getComputedStyle(node).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"ticker="))


def test_accessibility_rules(browser, site, core):
    """axe-core finds no serious or critical violations on the search, empty, release and error pages."""
    from axe_playwright_python.sync_playwright import Axe

    hit = core.search("nimbus immunogen").hits[0]
    context = browser.new_context(viewport=DESKTOP, base_url=site)
    tab = context.new_page()
    axe = Axe()
    try:
        for path in (
            "/",
            "/?q=results&ticker=NASDAQ:IMGN&from=2019-01-01",
            f"/releases/{hit.id}",
            f"/releases/{hit.id}?q=nimbus+immunogen&page=1",
            "/?q=results+AND+zzzqqqxx&wire=GlobeNewswire",
            "/?q=results&more=ticker",
            "/?q=platfrom",
            "/saved",
            "/companies",
            '/?q="open',
            "/missing",
        ):
            tab.goto(path)
            results = axe.run(tab)
            serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
            assert serious == [], (path, [(v["id"], v["help"], len(v["nodes"])) for v in serious])
    finally:
        context.close()


def test_works_without_javascript(browser, site):
    context = browser.new_context(viewport=DESKTOP, base_url=site, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto("/")
        tab.locator("#q").fill("results")
        tab.locator("#q").press("Enter")
        tab.wait_for_url(re.compile(r"q=results"))
        assert "of" in tab.locator("p.count").inner_text()
        tab.locator(".facet-value").first.click()
        tab.wait_for_url(re.compile(r"ticker="))
        assert tab.locator(".chip").count() == 1
        tab.locator(".timeline svg a").first.click()
        tab.wait_for_url(re.compile(r"month="))  # a bar narrows by its month
        tab.locator(".chip").first.click()
        tab.wait_for_url(lambda url: "ticker=" not in url)
        tab.locator(".hit h2 a").first.click()
        tab.wait_for_url(re.compile(r"/releases/"))
        assert tab.locator("h1").count() == 1
    finally:
        context.close()


def test_screenshots(browser, site, core):
    """Save the search page, the empty state and a release page at desktop and phone widths."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    hit = core.search("nimbus immunogen").hits[0]
    pages = {
        "search": "/?q=results&wire=GlobeNewswire",
        "home": "/",
        "release": f"/releases/{hit.id}",
        "release-from-search": f"/releases/{hit.id}?q=nimbus+immunogen",
        "no-results": "/?q=results+AND+zzzqqqxx&wire=GlobeNewswire",
        "more-values": "/?q=results&more=company",
        "saved": "/saved",
    }
    for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, base_url=site)
        tab = context.new_page()
        try:
            for name, path in pages.items():
                tab.goto(path)
                # Nothing may stick out sideways at this width.
                overflow = tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 0, (device, name, overflow)
                tab.screenshot(path=str(SCREENSHOTS / f"{name}-{device}.png"), full_page=True)
            if device == "phone":
                tab.goto(pages["search"])
                assert tab.locator("details.filters-box").evaluate("node => node.open") is False
                assert tab.locator(".hit").first.is_visible()
        finally:
            context.close()
    assert (SCREENSHOTS / "search-phone.png").stat().st_size > 10_000


# ---- hostile releases and queries ------------------------------------------------------------------


def hostile_paths(core) -> list[str]:
    from urllib.parse import urlencode

    everything = core.search("", per_page=20)
    paths = ["/?q=acquisition", "/?sort=newest", "/?q=evil+script+img"]
    paths += [f"/releases/{hit.id}" for hit in everything.hits]
    for facet in everything.facets.values():
        paths += ["/?" + urlencode({facet.name: v.value}) for v in facet.values if re.search(r"[<>\"'=]", v.value)]
    for query in HOSTILE_QUERIES:
        paths += [
            "/?" + urlencode({"q": query}),
            "/?" + urlencode({"q": "acquisition", "ticker": query, "sort": query}),
        ]
    paths.append("/releases/" + "%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    return paths


@pytest.mark.parametrize("csp", ["bypassed", "enforced"])
def test_hostile_pages_run_no_script(browser, hostile_site, hostile_core, csp):
    """Pages built from hostile releases and queries show the payloads as text and run none of them.

    With the Content-Security-Policy bypassed only escaping protects the page; with it enforced, the policy
    must report no violation (neither injected code nor the site's own pages trip it).
    """
    context = browser.new_context(viewport=DESKTOP, base_url=hostile_site, bypass_csp=csp == "bypassed")
    tab = context.new_page()
    watch = Watch(tab)
    try:
        for path in hostile_paths(hostile_core):
            tab.goto(path)
            tab.wait_for_load_state("load")
            for link in tab.locator("a.facet-value, .hit h2 a").all()[:3]:
                link.hover()
            assert tab.evaluate(PROBE) == {"xss": 0}, path
            injected = tab.evaluate(
                """() => ({
                    scripts: [...document.scripts].filter(s => !s.src.endsWith('/static/app.js')).length,
                    handlers: [...document.querySelectorAll('*')].filter(
                        n => [...n.attributes].some(a => a.name.startsWith('on'))).length,
                    jsLinks: [...document.querySelectorAll('[href], [src]')].filter(
                        n => /^\\s*(javascript|data):/i.test(n.getAttribute('href') || n.getAttribute('src') || '')).length,
                    frames: document.querySelectorAll('iframe, object, embed, img').length,
                })"""
            )
            assert injected == {"scripts": 0, "handlers": 0, "jsLinks": 0, "frames": 0}, path
        tab.goto("/releases/" + hostile_core.search("hostile").hits[0].id)
        assert "<script>window.__xss" in tab.locator("h1").inner_text()
        # Autocomplete shows a hostile company name as text, and choosing it still runs nothing.
        tab.locator("#q").fill("")
        tab.locator("#q").press_sequentially("minus", delay=30)
        suggested = hostile_core.complete("minus")[0]
        company = suggested["value"]
        assert "<" in company, "the fixture company should carry markup"
        option = tab.get_by_role("option", name=re.compile("Minus"))
        option.wait_for()
        # The name as text, with its main listing when it is an issuer's.
        assert option.locator(".value").inner_text() == suggested.get("label", company)
        tab.keyboard.press("ArrowDown")
        tab.keyboard.press("Enter")
        tab.wait_for_url(re.compile(r"company="))
        assert tab.evaluate(PROBE) == {"xss": 0}
        assert tab.locator(".chip").count() == 1
    finally:
        context.close()
    assert watch.dialogs == []
    assert watch.problems == []


# ---- sources, context and no dead ends -------------------------------------------------------------


def test_a_release_from_a_search_marks_its_words_and_leads_back(page):
    page.goto("/?q=acquisition&sort=newest")
    results_url = page.url
    page.locator(".hit h2 a").first.click()
    page.wait_for_url(re.compile(r"/releases/[0-9a-f]{16}\?q=acquisition&sort=newest"))
    marks = page.locator("article mark.hl").all_inner_texts()
    assert marks and all(m.lower().startswith("acqui") for m in marks)
    page.get_by_role("link", name=re.compile("Back to the results for")).click()
    page.wait_for_url(results_url)
    assert "of" in count_text(page)


def test_contacts_are_lines_with_links(page, core):
    hit = core.search("nimbus immunogen").hits[0]
    page.goto(f"/releases/{hit.id}")
    mail = page.locator(".section-contacts a[href^='mailto:']")
    assert mail.count() >= 1 and mail.first.get_attribute("href") == f"mailto:{mail.first.inner_text()}"


def test_an_empty_result_offers_what_to_leave_out(page):
    page.goto("/?q=results+AND+zzzqqqxx")
    way = page.locator(".ways-out a").first
    expected = int(re.search(r": ([\d,]+) release", way.locator("xpath=..").inner_text()).group(1).replace(",", ""))
    way.click()
    page.wait_for_url(lambda url: "zzzqqqxx" not in url)
    assert count_text(page).endswith(f"of {expected:,} releases")


def test_facet_values_filter_as_you_type(browser, synthetic_site):
    context = browser.new_context(viewport=DESKTOP, base_url=synthetic_site)
    tab = context.new_page()
    try:
        tab.goto("/?q=results")
        tab.locator(".facet a.more").first.click()
        tab.wait_for_url(re.compile(r"more="))
        name = parse_qs(urlsplit(tab.url).query)["more"][0]
        items = tab.locator(f"#values-{name} li")
        total = items.count()
        assert total > 10
        first = items.first.locator(".value").inner_text()
        box = tab.locator(f"#filter-{name}")
        if box.count():
            box.fill(first[:4])
            visible = [t for t in tab.locator(f"#values-{name} li:visible .value").all_inner_texts()]
            assert first in visible and len(visible) < total
            assert all(first[:4].lower() in v.lower() for v in visible)
    finally:
        context.close()


def test_save_a_search_and_find_it_listed(page):
    page.goto("/?q=conference+call")
    page.locator("#save-name").fill("calls")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/saved$"))
    listed = page.get_by_role("link", name="calls", exact=True)
    assert listed.is_visible()
    listed.click()
    page.wait_for_url(re.compile(r"q=conference\+call"))
    page.goto("/saved")
    page.get_by_role("button", name=re.compile("Forget")).first.click()
    page.wait_for_url(re.compile(r"/saved$"))
    assert "No saved searches yet" in page.locator("main").inner_text()


@pytest.fixture(scope="module")
def synthetic_site(synthetic_index):
    """The site over the synthetic releases (facets with many values)."""
    with serving(synthetic_index) as url:
        yield url


def test_find_a_company_in_the_list_by_keyboard(page, core):
    page.goto("/")
    page.get_by_role("link", name="Companies").click()
    page.wait_for_url(re.compile(r"/companies$"))
    box = page.get_by_label("Name, symbol or CIK starts with")
    box.focus()
    page.keyboard.type("immu")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=immu"))
    rows = page.locator("table.companies tbody tr")
    assert rows.count() == 1 and "ImmunoGen, Inc." in rows.inner_text()
    listed = int(rows.locator("td.num").inner_text())
    assert listed == core.search("", filters={"company": ["ImmunoGen, Inc."]}).total
    rows.get_by_role("link", name="ImmunoGen, Inc.").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/companies/[^?]+$"))
    assert page.locator("h1").inner_text() == "ImmunoGen, Inc."
    assert int(page.locator("dt:text('Releases') + dd").inner_text()) == listed
    page.set_viewport_size(PHONE)
    page.goto("/companies")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
