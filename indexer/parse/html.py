"""HTML pages saved from a wire or a newsroom: the release itself, not the navigation, scripts or footers.

Text extraction uses BeautifulSoup over lxml's forgiving parser. The release is found from the page's own
structure: schema.org NewsArticle data, an element marked as the article body, <article>, <main>, or else the
block holding the most paragraph text; page furniture (nav, header, footer, aside, forms, share and cookie
widgets) is dropped first.
"""

from __future__ import annotations

import json
import re
import warnings

from bs4 import BeautifulSoup, Comment, NavigableString, Tag, XMLParsedAsHTMLWarning

from ..model import ParseError, Release
from .assemble import Draft, build_release
from .cleanup import HTML_BLOCK_TAGS
from .dates import parse_when
from .wires import canonical_wire

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input", "select",
              "textarea", "nav", "aside", "canvas", "object", "embed", "dialog", "menu")  # fmt: skip
_FURNITURE_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|sidebar|side-bar|share|sharing|social|cookie|consent|"
    r"subscribe|newsletter|related|recommend\w*|comments?|advert\w*|ads?|banner|popup|modal|site-header|site-footer|"
    r"footer|masthead|toolbar|skip-link|login|signup|search)(?:$|[\s_-])",
    re.I,
)
_BODY_HINT_RE = re.compile(
    r"(?:^|[\s_-])(?:article[-_]?body|articlebody|release[-_]?body|press[-_]?release|release|story[-_]?body|story|"
    r"entry[-_]?content|post[-_]?content|news[-_]?body|news[-_]?content|bw-release-story|mw_release|content[-_]?body|"
    r"main[-_]?content|article[-_]?content|articletext|body[-_]?text)(?:$|[\s_-])",
    re.I,
)
# Tags within tags deeper than this are no release page (pages saved from news sites nest 30-60 deep).
MAX_DEPTH = 256
# Tags a page may hold (an earnings release with ten pages of tables has about 10,000).
MAX_TAGS = 200_000


def html_to_text(markup: str | Tag) -> str:
    """Readable text of HTML: one paragraph per block, list items as '* item', table cells joined by ' | '."""
    soup = _soup(markup) if isinstance(markup, str) else markup
    pieces: list[str] = []
    if _deeper_than(soup, MAX_DEPTH):  # (markup in a JSON or feed field) walked without recursion: its text alone
        pieces.append(soup.get_text("\n\n"))
    else:
        _render(soup, pieces)
    text = "".join(pieces)
    text = re.sub(r"[ \t\u00a0]*\n[ \t\u00a0]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _render(node, pieces: list[str]) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            pieces.append(re.sub(r"\s+", " ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower() if child.name else ""
        if name in _DROP_TAGS or name in {"head", "title", "meta", "link"}:
            continue
        if name == "br":
            pieces.append("\n")
            continue
        if name == "pre":
            pieces.append("\n\n" + child.get_text() + "\n\n")
            continue
        if name in ("td", "th"):
            pieces.append(" | ")
            _render(child, pieces)
            continue
        if name == "tr":
            pieces.append("\n")
            _render(child, pieces)
            pieces.append("\n")
            continue
        if name == "li":
            pieces.append("\n\n* ")
            _render(child, pieces)
            pieces.append("\n\n")
            continue
        if name in HTML_BLOCK_TAGS:
            pieces.append("\n\n")
            _render(child, pieces)
            pieces.append("\n\n")
            continue
        _render(child, pieces)


def _soup(markup: str) -> BeautifulSoup:
    """Parse markup as HTML; a page that merely looks like XML (an <?xml prolog) is still read as HTML, on purpose."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        return BeautifulSoup(markup, "lxml")


def _json_ld(soup: BeautifulSoup) -> dict:
    """The page's schema.org article object (NewsArticle, Article, PressRelease, ...), if it has one."""
    for script in soup.find_all("script", type=re.compile("ld\\+json", re.I)):
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError, RecursionError):  # (malformed, a huge number, nested thousands deep)
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            kind = item.get("@type") if isinstance(item, dict) else None
            kinds = kind if isinstance(kind, list) else [kind]
            if any(
                isinstance(k, str) and ("Article" in k or k in {"PressRelease", "Report", "BlogPosting"}) for k in kinds
            ):
                return item
    return {}


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
        if tag and tag.get("content", "").strip():
            return tag["content"].strip()
    return None


def _is_furniture(tag: Tag) -> bool:
    if tag.name in ("header", "footer") and not tag.find_parent(["article", "main"]):
        return True
    if tag.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    if tag.get("aria-hidden") == "true" or tag.get("hidden") is not None:
        return True
    marks = " ".join([*(tag.get("class") or []), tag.get("id") or ""])
    return bool(marks and _FURNITURE_RE.search(marks) and not _BODY_HINT_RE.search(marks))


def _strip_furniture(root: Tag) -> None:
    for tag in root.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in root.find_all(True):
        if getattr(tag, "decomposed", False) or tag.attrs is None:
            continue
        if tag.name not in ("html", "body") and _is_furniture(tag):
            tag.decompose()


def _paragraph_text(tag: Tag) -> int:
    return sum(len(p.get_text(" ", strip=True)) for p in tag.find_all(["p", "li", "pre"], recursive=True))


def _main_content(soup: BeautifulSoup) -> Tag:
    """The element holding the release: marked as such, an <article>/<main>, or the richest block of paragraphs."""
    marked = soup.find(attrs={"itemprop": "articleBody"})
    if marked and len(marked.get_text(strip=True)) > 100:
        return marked
    candidates = [
        t
        for t in soup.find_all(["div", "section", "article", "main"])
        if _BODY_HINT_RE.search(" ".join([*(t.get("class") or []), t.get("id") or ""]))
    ]
    candidates += soup.find_all(["article", "main"])
    candidates = [c for c in candidates if _paragraph_text(c) > 150]
    if candidates:
        return max(candidates, key=lambda t: (_paragraph_text(t), -len(list(t.parents))))
    body = soup.body or soup
    best, best_score = body, 0
    for tag in body.find_all(["div", "section", "td"]):
        direct = sum(len(p.get_text(" ", strip=True)) for p in tag.find_all("p", recursive=False))
        if direct > best_score:
            best, best_score = tag, direct
    return best if best_score > 150 else body


def _deeper_than(soup: BeautifulSoup, limit: int) -> bool:
    """Whether tags nest more than limit deep (walked without recursion)."""
    stack = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in tag.contents if isinstance(child, Tag))
    return False


def parse_html(path: str, text: str) -> list[Release]:
    """Parse a release page saved from a wire or company site."""
    tags = text.count("<")
    if tags > MAX_TAGS:
        # A tree of tags costs about a kilobyte and 0.1 ms a tag to build: 10 MB of table rows took minutes and 1.2 GB.
        raise ParseError(path, f"HTML of {tags:,} tags: more than {MAX_TAGS:,}, far more than a release page holds")
    soup = _soup(text)
    if _deeper_than(soup, MAX_DEPTH):
        # The page's text is read by walking its tags recursively: hundreds of levels overflow Python's stack.
        raise ParseError(path, f"HTML nested more than {MAX_DEPTH} tags deep: too deep to be a release page")
    ld = _json_ld(soup)
    og_title = _meta(soup, "og:title", "twitter:title", "dc.title", "DC.title")
    published = parse_when(
        ld.get("datePublished")
        or _meta(
            soup,
            "article:published_time",
            "og:published_time",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "DC.date.issued",
            "parsely-pub-date",
            "sailthru.date",
        )  # fmt: skip
    )
    site = _meta(soup, "og:site_name", "application-name")
    url = _meta(soup, "og:url") or (soup.find("link", rel="canonical") or {}).get("href")
    title_tag = soup.title.get_text(" ", strip=True) if soup.title else None
    if published is None:
        time_tag = soup.find("time", attrs={"datetime": True})
        published = parse_when(time_tag["datetime"]) if time_tag else None
    if not isinstance(ld.get("headline"), str) and not og_title and soup.find("h1") is None:
        # No marked headline (an exhibit as filed with the SEC, a page from a word processor): its <title> is junk
        # ("EX-99.1", "Document", a file name), so the headline is read from the text as an exhibit's is.
        from .exhibit import read_exhibit

        exhibit = read_exhibit(text)
        if exhibit.headline:
            draft = Draft(
                headline=exhibit.headline,
                body=exhibit.body,
                published=published or exhibit.printed_date,
                wire=canonical_wire(site),
                language=(soup.html.get("lang") or "")[:2].lower() or None if soup.html else None,
                links=[url] if url else [],
            )
            return [build_release(path, draft)]
    _strip_furniture(soup)
    main = _main_content(soup)
    h1 = main.find("h1") or soup.find("h1")
    headline = (
        (ld.get("headline") if isinstance(ld.get("headline"), str) else None)
        or (h1.get_text(" ", strip=True) if h1 else None)
        or og_title
        or (re.split(r"\s+[|\u2013\u2014-]\s+", title_tag)[0] if title_tag else None)
    )
    subheadline = None
    if h1 is not None:
        # A heading straight after the headline is its subheadline, never part of the headline.
        sub = h1.find_next_sibling()
        if sub is not None and sub.name in ("h2", "h3", "h4") and len(sub.get_text(strip=True)) < 400:
            subheadline = sub.get_text(" ", strip=True)
            sub.decompose()
        h1.decompose()
    body = html_to_text(main)
    if not body and isinstance(ld.get("articleBody"), str):
        body = ld["articleBody"]
    if not headline and not body:
        raise ParseError(path, "HTML page with no title and no text: not a release page")
    author = ld.get("publisher") or ld.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    draft = Draft(
        headline=headline or "",
        body=body,
        subheadline=subheadline
        or (ld.get("alternativeHeadline") if isinstance(ld.get("alternativeHeadline"), str) else None),
        published=published,
        wire=canonical_wire(site) or (canonical_wire(author.get("name")) if isinstance(author, dict) else None),
        language=(soup.html.get("lang") or "")[:2].lower() or None if soup.html else None,
        links=[url] if url else [],
    )
    return [build_release(path, draft)]
