"""test9: its seeded draw over every shape so far, and its new shape: a release page saved from a wire's own site.

``wire-page`` is built mechanically from an archive file, like the shapes of ``heldout_shapes``; see that module. A
browser's "Save page as" keeps the whole page: the ``<head>`` with its ``<title>`` ("Headline | Site"), Open Graph
tags and a schema.org ``NewsArticle`` JSON-LD block, analytics scripts, a cookie banner, the site's header and menu,
a breadcrumb, the release as an ``<article>`` (headline ``<h1>``, subtitle, a ``<time>``, share links, the body's
paragraphs, headings, lists and tables), a "More news releases" list of other companies' headlines and the footer.

    .venv/bin/python tests/heldout_shapes9.py OUT_DIR [CORPUS_DIR]   # test9's 48 shaped files, paths printed
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import heldout_shapes as shapes

LABELS9 = shapes.DATA / "heldout9_labels.jsonl"
SEED9 = 20261229
JSON_DRAWS9 = 16
MARKDOWN_DRAWS9 = 32
# test9: every shape so far three times and the wire's own page (new) three times as often: 9 PDF text, 15 EDGAR
# exhibits, 15 reposts (front matter, portal, e-mail, wire page) and 3 archive files.
SHAPES9 = ("pdf-text", "wire-page", "edgar-exhibit", "front-matter", "pdf-columns", "edgar-letterhead", "email-text",
           "wire-page", "edgar-tables", "portal-repost", "pdf-pages", "edgar-workiva", "front-matter-toml",
           "wire-page", "edgar-text", "as-is")  # fmt: skip
# test9 was drawn beside every label file of tests/data at the time, test8's, the seventh blind issuer set and dev-8
# among them.
DRAWN_BESIDE9 = (
    *shapes.DRAWN_BESIDE8,
    "heldout8_labels.jsonl",
    "issuer_labels_blind7.jsonl",
    "issuer_labels_dev8.jsonl",
)
# Files the issuer round drawing its eighth blind set at the same time took (its list, read before labelling): test9
# passes over them to the generator's next file. Only those test9's order would otherwise have reached are listed.
PASSED_OVER9: tuple[str, ...] = ()

_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_BULLET_RE = re.compile(r"^(?:[-*\u2022]|\d+\.)\s+")
# The wire a release names in its dateline, as its own site calls itself; else the feed the archive took it from.
_WIRE_MARKS = (
    (re.compile(r"PR ?Newswire", re.I), "PR Newswire"),
    (re.compile(r"Business ?Wire", re.I), "Business Wire"),
    (re.compile(r"Globe ?Newswire", re.I), "GlobeNewswire"),
    (re.compile(r"ACCESS ?Newswire|ACCESSWIRE", re.I), "ACCESS Newswire"),
    (re.compile(r"Newsfile", re.I), "Newsfile"),
    (re.compile(r"EIN ?Presswire", re.I), "EIN Presswire"),
)
_OTHER_STORIES = (
    "Northwind Traders (NASDAQ: NWTR) Reports Record Third Quarter Revenue",
    "Contoso Pharmaceuticals Announces Pricing of $150 Million Public Offering",
    "Fabrikam Energy Corp. (NYSE: FBK) to Acquire Tailspin Solar for $2.1 Billion",
    "Litware Inc. Names New Chief Financial Officer",
    "Adventure Works (TSX: AWX) Declares Quarterly Dividend",
)


def draw9(corpus: Path | dict[str, set[str]], passed_over: tuple[str, ...] = PASSED_OVER9) -> list[tuple[str, str]]:
    """(archive path, shape) of the 48 releases of test9: each archive's unlabelled files in a seeded order, the first
    ones not passed over (another set's at the same time), shuffled and dealt over SHAPES9."""
    labelled = shapes.labelled_paths(DRAWN_BESIDE9)
    rng = random.Random(SEED9)
    picked: list[str] = []
    for archive, suffix, wanted in (
        ("nasdaq100-2019", ".json", JSON_DRAWS9),
        ("newsworthy-archive-2023-2026", ".md", MARKDOWN_DRAWS9),
    ):
        members = shapes._members(corpus, archive, suffix, labelled)
        picked += [p for p in rng.sample(members, len(members)) if p not in passed_over][:wanted]
    rng.shuffle(picked)
    return [(path, SHAPES9[i % len(SHAPES9)]) for i, path in enumerate(picked)]


def _inline(text: str) -> str:
    """A Markdown line's words as HTML: links kept as links, **bold** as <strong>."""
    out, last = [], 0
    for match in _MD_LINK_RE.finditer(text):
        out.append(html.escape(text[last : match.start()], quote=False))
        out.append(f'<a href="{html.escape(match.group(2))}">{html.escape(match.group(1), quote=False)}</a>')
        last = match.end()
    out.append(html.escape(text[last:], quote=False))
    return _BOLD_RE.sub(r"<strong>\1</strong>", "".join(out))


def _body(markdown: str) -> list[str]:
    """The release body as the site's HTML: paragraphs, headings, bullet lists and tables."""
    out: list[str] = []
    rows: list[list[str]] = []
    items: list[str] = []
    for line in [*markdown.split("\n"), ""]:
        line = line.strip()
        if line.startswith("|"):
            rows += shapes.table_row(line)
            continue
        if rows:
            out.append(
                '<div class="table-wrap"><table>'
                + "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in rows)
                + "</table></div>"
            )
            rows = []
        if _BULLET_RE.match(line) and not line.startswith("**"):
            items.append(f"<li>{_inline(_BULLET_RE.sub('', line))}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line.startswith("#"):
            out.append(f"<h2>{_inline(line.lstrip('#').strip())}</h2>")
        elif line:
            out.append(f"<p>{_inline(line)}</p>")
    return out


def _site(path: str, body: str) -> str:
    """The wire whose site shows the release: the one its text names, else the feed folder it came from."""
    for pattern, name in _WIRE_MARKS:
        if pattern.search(body[:2000]):
            return name
    return path.split("/")[1] if path.count("/") >= 3 else "Nasdaq"


def wire_page(path: str, raw: str) -> str:
    """The release's page on a wire's site as a browser saves it: head with JSON-LD, menus, article, related, footer."""
    parts = shapes._parts(path, raw)
    site = _site(path, parts["body"])
    crc = zlib.crc32(path.encode())
    stamp = parts["date"] if "T" in parts["date"] else f"{parts['date']}T08:00:00-05:00"
    try:
        when = datetime.fromisoformat(stamp)
        shown = when.strftime("%b %d, %Y, %H:%M ET")
        modified = (when + timedelta(days=2)).isoformat()
    except ValueError:
        shown, modified = parts["date"], stamp
    slug = re.sub(r"[^a-z0-9]+", "-", parts["title"].lower()).strip("-")[:90]
    url = f"https://www.example-wire.com/news-releases/{slug}-{crc % 10**9}.html"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": parts["title"],
        "datePublished": stamp,
        "dateModified": modified,
        "mainEntityOfPage": url,
        "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": "/logo.png"}},
    }
    title = html.escape(parts["title"])
    first = re.sub(r"[*#\[\]]|\(http[^)]*\)", "", parts["body"])[:155].strip()
    related = [_OTHER_STORIES[(crc + i) % len(_OTHER_STORIES)] for i in range(3)]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title} | {html.escape(site)}</title>",
        f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{html.escape(site)}">',
        f'<meta name="description" content="{html.escape(first)}"><link rel="canonical" href="{url}">',
        '<link rel="stylesheet" href="/static/css/main.css">',
        '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>",
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        "gtag('js',new Date());gtag('config','G-EXAMPLE');</script>",
        "</head><body>",
        '<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. By using this'
        ' site you agree to our <a href="/privacy">Privacy Policy</a>.</p><button>Accept</button></div>',
        '<header class="site-header"><a class="logo" href="/">' + html.escape(site) + "</a>",
        '<nav class="main-nav"><ul><li><a href="/news-releases">News Releases</a></li><li><a href="/newsroom">'
        'Newsroom</a></li><li><a href="/solutions">Products</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/login">Log In</a></li></ul></nav>',
        '<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form>'
        "</header>",
        '<main><ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/news-releases">News Releases</a>'
        '</li><li><a href="/news-releases/business">Business</a></li></ol>',
        '<article class="release"><header class="release-header">',
        f"<h1>{title}</h1>",
    ]
    if parts["lead"]:
        out.append(f'<p class="subtitle"><em>{html.escape(parts["lead"])}</em></p>')
    out += [
        f'<p class="release-meta"><time datetime="{stamp}">{shown}</time></p></header>',
        '<div class="share-tools">Share this article <a href="#">Facebook</a> <a href="#">X</a>'
        ' <a href="#">LinkedIn</a> <a href="#">Email</a></div>',
        '<section class="release-body">',
        *_body(parts["body"]),
        "</section></article>",
        '<aside class="related-releases"><h3>More news releases</h3><ul>',
        *(f'<li><a href="/news-releases/{i}">{html.escape(story)}</a></li>' for i, story in enumerate(related)),
        "</ul></aside></main>",
        f'<footer class="site-footer"><p>&copy; 2026 {html.escape(site)}. All Rights Reserved.</p>'
        '<a href="/terms">Terms of Use</a> | <a href="/privacy">Privacy</a> | <a href="/sitemap">Site Map</a></footer>',
        '<script src="/static/js/vendor.js"></script><script src="/static/js/main.js"></script>',
        "</body></html>",
    ]
    return "\n".join(out) + "\n"


def shaped_text(path: str, shape: str, raw: str) -> str:
    """The file's text in test9's new shape."""
    assert shape == "wire-page", shape
    return wire_page(path, raw)


if __name__ == "__main__":
    shapes.write_draw(draw9, sys.argv[1:])
