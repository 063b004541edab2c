"""Fixture releases for the web tests: a small varied set (facets, pages, timeline, copies, related), hostile ones,
and an audit of HTML pages for injected markup (the fixtures over them are in conftest.py).

Releases are written as plain-text files the way wires print them (headline, dateline, lede, About, contacts),
so the real parser extracts tickers, companies, wires, locations and types from them.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

COMPANIES = (
    # name, exchange, symbol, place, about text
    ("ImmunoGen, Inc.", "Nasdaq", "IMGN", "WALTHAM, Mass.", "develops targeted anticancer therapeutics"),
    ("Acme Biotech Corp.", "Nasdaq", "ACME", "BOSTON, Mass.", "develops antibody medicines for rare diseases"),
    ("Globex Corporation", "NYSE", "GLX", "CHICAGO, Ill.", "makes industrial automation equipment"),
    ("Initrode Holdings", "NYSE", "INIT", "AUSTIN, Texas", "builds payment software for banks"),
)
WIRES = (("BUSINESS WIRE", "Business Wire"), ("GLOBE NEWSWIRE", "GlobeNewswire"), ("PRNewswire", "PR Newswire"))
MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
TOPICS = (
    (
        "{short} to Acquire {target} in {year} All-Cash Transaction",
        "today announced a definitive agreement to acquire {target} for $120 million in cash. "
        "The acquisition expands the company's pipeline and is expected to close next quarter.",
    ),
    (
        "{short} Reports Third Quarter {year} Financial Results",
        "today reported financial results for the third quarter of {year}. Revenue grew 12 percent "
        "and the company raised its outlook for the full year.",
    ),
    (
        "{short} to Host Conference Call on {year} Quarterly Results",
        "today announced that it will host a conference call and webcast to discuss quarterly results. "
        "The live webcast will be available on the investor relations website.",
    ),
    (
        "{short} Launches New {year} Platform for Enterprise Customers",
        "today launched a new platform for enterprise customers. The platform is now available worldwide "
        "and brings analytics, automation and reporting together.",
    ),
    (
        "{short} Named One of the Top Places to Work in {year}",
        "today announced that it has been named one of the top places to work by a regional newspaper, "
        "based on an employee survey of workplace culture.",
    ),
    (
        "{short} Announces Positive {year} Phase 2 Clinical Trial Data",
        "today announced positive topline data from its Phase 2 clinical trial in patients with "
        "solid tumors. The company plans to meet the FDA to discuss a pivotal study.",
    ),
)
TARGETS = ("Nimbus Labs", "Vector Therapeutics", "Orbit Systems", "Helix Data")


def release_text(company: tuple, wire_marker: str, year: int, month: int, day: int, topic: int, n: int) -> str:
    """One release as a wire prints it."""
    name, exchange, symbol, place, about = company
    short = name.split(",")[0].replace(" Corp.", "").replace(" Corporation", "").replace(" Holdings", "")
    headline_tpl, lede_tpl = TOPICS[topic]
    fields = {"short": short, "target": TARGETS[n % len(TARGETS)], "year": year}
    headline = headline_tpl.format(**fields)
    lede = lede_tpl.format(**fields)
    return (
        f"{headline}\n\n"
        f"{place}, {MONTHS[month - 1]} {day}, {year} ({wire_marker}) -- {name} ({exchange}: {symbol}), "
        f"a company that {about}, {lede}\n\n"
        f"Chief executive officer said the step reflects the team's work over release number {n}.\n\n"
        f"About {short}\n\n"
        f"{name} {about}. More information is available at https://www.example.com/{symbol.lower()}.\n\n"
        f"Contacts:\n\ninvestors@{symbol.lower()}.example.com\n"
    )


def write_releases(folder: Path) -> list[Path]:
    """Write 48 varied releases plus one copy of a release on a second wire; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    n = 0
    for c, company in enumerate(COMPANIES):
        for k in range(12):
            year = 2019 + k // 4
            month = 1 + (k * 5 + c) % 12
            day = 1 + (k * 7 + c * 3) % 27
            wire_marker = WIRES[(k + c) % len(WIRES)][0]
            topic = (k + c) % len(TOPICS)
            path = folder / f"{company[2].lower()}_{k:02d}.txt"
            path.write_text(release_text(company, wire_marker, year, month, day, topic, n), encoding="utf-8")
            written.append(path)
            n += 1
    # The same ImmunoGen release again, carried by another wire: one result, with a copy listed.
    first = COMPANIES[0]
    copy = folder / "imgn_00_copy.txt"
    copy.write_text(release_text(first, WIRES[2][0], 2019, 1, 1, 0, 0), encoding="utf-8")
    written.append(copy)
    return written


# Payloads that run script if any page puts release or request text into HTML unescaped.
SCRIPT = "<script>window.__xss = (window.__xss || 0) + 1; alert('xss')</script>"
IMG = '"><img src=x onerror="window.__xss = (window.__xss || 0) + 1; alert(1)">'
SVG = '\'><svg onload="window.__xss = (window.__xss || 0) + 1">'
JS_LINK = "javascript:window.__xss=1;alert(1)"
HOSTILE_QUERIES = (
    SCRIPT,
    IMG,
    SVG,
    '"' + IMG,
    "company:" + SCRIPT,
    "</title><script>window.__xss=1</script>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
)


def write_hostile_releases(folder: Path) -> list[Path]:
    """Releases whose every field carries markup meant to run script, beside one ordinary release."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [
        {
            "headline": f"Hostile Acquisition {SCRIPT} of {IMG} Corp",
            "subheadline": f"Sub {SVG} head",
            "date": "2020-03-04",
            "company": f"Evil {SCRIPT} Inc.",
            "tickers": [f"NASDAQ:{IMG}", "NYSE:EVL"],
            "wire": "Business Wire",
            "body": (
                f"BOSTON, Mass., March 4, 2020 (BUSINESS WIRE) -- Evil Inc. announced an acquisition {SCRIPT}.\n\n"
                f'Read more at [our site]({JS_LINK}) or <a href="{JS_LINK}">here</a> {IMG}.\n\n'
                f'About Evil\n\nEvil {SVG} makes trouble. Visit https://example.com/"onmouseover="alert(1).\n\n'
                f'Contacts:\n\n=HYPERLINK("http://evil.example","click") +cmd|\' /C calc\'!A0 @SUM(1)'
            ),
        },
        {
            "headline": f"=cmd|' /C calc'!A0 {IMG} acquisition",
            "date": "2020-03-05",
            "company": f"-Minus {SVG} Co",
            "tickers": ["NYSE:EVL"],
            "wire": "GlobeNewswire",
            "body": f"CHICAGO, Ill., March 5, 2020 (GLOBE NEWSWIRE) -- {JS_LINK} acquisition {SCRIPT} {SVG}.",
        },
        {
            "headline": "Plain Corp Announces Acquisition of Widget Maker",
            "date": "2020-03-06",
            "company": "Plain Corp",
            "tickers": ["NYSE:PLN"],
            "wire": "PR Newswire",
            "body": "NEW YORK, March 6, 2020 /PRNewswire/ -- Plain Corp (NYSE: PLN) today announced an acquisition.",
        },
    ]
    written = []
    for i, record in enumerate(records):
        path = folder / f"hostile_{i}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        written.append(path)
    markdown = folder / "hostile_md.md"
    markdown.write_text(
        f"# Markdown {SCRIPT} Acquisition\n\n"
        f"AUSTIN, Texas, March 7, 2020 (BUSINESS WIRE) -- Markdown Co (NYSE: MDC) [click]({JS_LINK}) "
        f'acquisition <iframe src="{JS_LINK}"></iframe> {IMG}\n',
        encoding="utf-8",
    )
    written.append(markdown)
    return written


# Every element the site's templates write; anything else in a page came from data.
OUR_TAGS = frozenset(
    "html head meta title link script body a header form label div input ul li button p footer main aside details "
    "summary fieldset legend section h1 h2 span nav ol time figure figcaption svg rect code table caption thead "
    "tbody tr th td dl dt dd article strong mark".split()
)


class _MarkupAudit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in OUR_TAGS:
            self.problems.append(f"unexpected <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                if value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                    self.problems.append(f"{name}={value[:40]!r} on <{tag}>")
        if tag == "script" and dict(attrs).get("src") != "/static/app.js":
            self.problems.append("a script other than /static/app.js")


def markup_problems(page: str) -> list[str]:
    """Elements or attributes in an HTML page that the templates never write: injected markup."""
    audit = _MarkupAudit()
    audit.feed(page)
    audit.close()
    return audit.problems
